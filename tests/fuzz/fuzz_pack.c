/*
 * fuzz_pack.c: libFuzzer target for the pack loader. Any bytes go through
 * content_load_buffer(); a crash, a leak, a sanitizer report or a broken
 * promise of content.h (a pack and errors together, an error line not of
 * the form "fuzz:LINE:COLUMN: ...") stops the fuzzer. tests/robust/fuzz.sh
 * runs it.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "content.h"

#define NAME "fuzz"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* "fuzz:LINE:COLUMN: message", both numbers 1 or more. */
static int
well_formed(const char *line)
{
	char *end;
	long n;
	int i;

	if (strncmp(line, NAME ":", strlen(NAME ":")) != 0)
		return 0;
	line += strlen(NAME ":");
	for (i = 0; i < 2; i++) {
		n = strtol(line, &end, 10);
		if (end == line || n < 1 || *end != ':')
			return 0;
		line = end + 1;
	}
	return line[0] == ' ' && line[1] != '\0';
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct content_errors errs;
	struct pack *p = NULL;
	size_t i;
	int rc;

	rc = content_load_buffer(NAME, (const char *)data, size, &p, &errs);
	if (rc == CONTENT_OK) {
		if (p == NULL || errs.n != 0 || p->napproaches == 0)
			abort();
		/* Look-ups reach every approach the pack says it has. */
		for (i = 0; i < p->napproaches; i++)
			if (content_approach(p, p->approaches[i].id) == NULL)
				abort();
	} else {
		if (p != NULL || errs.n == 0 || errs.n > CONTENT_MAX_ERRORS)
			abort();
		for (i = 0; i < errs.n; i++)
			if (!well_formed(errs.v[i]))
				abort();
	}
	content_free(p);
	content_errors_free(&errs);
	return 0;
}
