/* fmt.c: CSV fields and JSON strings under one policy; see fmt.h. */
#include "fmt.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "util.h"

enum fmt_csv
fmt_csv_for(FILE *out)
{
	return isatty(fileno(out)) ? FMT_CSV_TERMINAL : FMT_CSV_EXACT;
}

static int
csv_needs_quotes(const char *s, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++)
		if (s[i] == ',' || s[i] == '"' || s[i] == '\r' || s[i] == '\n')
			return 1;
	return 0;
}

static void
csv_exact(struct buf *b, const char *s, size_t len)
{
	size_t i, from = 0;

	if (!csv_needs_quotes(s, len)) {
		buf_add(b, s, len);
		return;
	}
	buf_addc(b, '"');
	for (i = 0; i < len; i++)
		if (s[i] == '"') {
			buf_add(b, s + from, i + 1 - from);
			buf_addc(b, '"');
			from = i + 1;
		}
	buf_add(b, s + from, len - from);
	buf_addc(b, '"');
}

void
fmt_csv_field(struct buf *b, const char *s, size_t len, enum fmt_csv how)
{
	struct buf esc;
	char *t;

	if (how == FMT_CSV_EXACT) {
		csv_exact(b, s, len);
		return;
	}
	/* util_escape() reads up to a NUL; a field with a NUL in it (only
	 * from a damaged log) is cut there on a terminal. */
	t = xstrndup(s, len);
	buf_init(&esc);
	util_escape(&esc, t);
	csv_exact(b, esc.data != NULL ? esc.data : "", esc.len);
	buf_free(&esc);
	free(t);
}

void
fmt_csv(struct buf *b, const char *s, enum fmt_csv how)
{
	fmt_csv_field(b, s, strlen(s), how);
}

/* One code point as JSON writes a control: its short escape, or \uXXXX. */
static void
json_escape_cp(struct buf *b, uint32_t cp)
{
	switch (cp) {
	case '\b':
		buf_adds(b, "\\b");
		break;
	case '\f':
		buf_adds(b, "\\f");
		break;
	case '\n':
		buf_adds(b, "\\n");
		break;
	case '\r':
		buf_adds(b, "\\r");
		break;
	case '\t':
		buf_adds(b, "\\t");
		break;
	default:
		buf_printf(b, "\\u%04x", (unsigned)cp);
		break;
	}
}

void
fmt_json_string(struct buf *b, const char *s)
{
	size_t len, i = 0, n;
	uint32_t cp;

	if (s == NULL) {
		buf_adds(b, "null");
		return;
	}
	len = strlen(s);
	buf_addc(b, '"');
	while (i < len) {
		n = utf8_decode(s + i, len - i, &cp);
		if (n == 0) {
			buf_printf(b, "\\u%04x", (unsigned char)s[i]);
			i++;
			continue;
		}
		if (cp == '"' || cp == '\\') {
			buf_addc(b, '\\');
			buf_addc(b, (char)cp);
		} else if (util_unsafe(cp)) {
			json_escape_cp(b, cp);
		} else {
			buf_add(b, s + i, n);
		}
		i += n;
	}
	buf_addc(b, '"');
}

void
fmt_json_text(struct buf *b, const char *json, size_t len)
{
	size_t i = 0, from = 0, n;
	uint32_t cp;

	while (i < len) {
		n = utf8_decode(json + i, len - i, &cp);
		if (n == 0) {
			/* Not UTF-8 (only from a damaged log): as
			 * fmt_json_string() writes it. */
			buf_add(b, json + from, i - from);
			buf_printf(b, "\\u%04x", (unsigned char)json[i]);
			from = ++i;
			continue;
		}
		if (util_unsafe(cp)) {
			buf_add(b, json + from, i - from);
			json_escape_cp(b, cp);
			from = i + n;
		}
		i += n;
	}
	buf_add(b, json + from, len - from);
}
