/*
 * fuzz_json.c: libFuzzer target for the JSON reader of `backpain import`.
 * Any bytes go through json_parse(); a crash, a leak, a sanitizer report or
 * a broken promise of json.h (a refusal without a place and a message, a
 * string that is not UTF-8, a value placed before line 1 column 1) stops
 * the fuzzer. tests/robust/fuzz_json.sh runs it.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "json.h"
#include "util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void
check(const struct json *v, int depth)
{
	size_t i, bad;

	if (v->line < 1 || v->col < 1 || depth > JSON_DEPTH_MAX + 1)
		abort();
	switch (v->type) {
	case JSON_STRING:
		if (v->str[v->len] != '\0' ||
		    utf8_valid(v->str, v->len, &bad) != 0)
			abort();
		break;
	case JSON_NUMBER:
		if (v->len == 0 || v->len > JSON_NUMBER_MAX)
			abort();
		break;
	case JSON_ARRAY:
		for (i = 0; i < v->n; i++)
			check(&v->items[i], depth + 1);
		break;
	case JSON_OBJECT:
		for (i = 0; i < v->n; i++) {
			if (v->members[i].line < 1 || v->members[i].col < 1 ||
			    json_get(v, v->members[i].key) == NULL)
				abort();
			check(&v->members[i].value, depth + 1);
		}
		break;
	default:
		break;
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct json v;
	struct json_error err;
	long long x;

	if (json_parse((const char *)data, size, &v, &err) != 0) {
		if (err.line < 1 || err.col < 1 || err.msg[0] == '\0')
			abort();
		return 0;
	}
	check(&v, 0);
	(void)json_int(&v, -1000, 1000, &x);
	json_free(&v);
	return 0;
}
