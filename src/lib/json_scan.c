/* json_scan.c: the tokens of json.c's reader: where it stands (line and
 * column), what it refuses and why, and the scalars: strings with their
 * escapes, numbers and the three words.  Both passes read them alike; the
 * second keeps their bytes in the block. */
#include "json.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "json_int.h"
#include "util.h"

int
json_fail(struct json_reader *r, const char *fmt, ...)
{
	va_list ap;

	r->err->line = r->line;
	r->err->col = r->col;
	va_start(ap, fmt);
	vsnprintf(r->err->msg, sizeof r->err->msg, fmt, ap);
	va_end(ap);
	return -1;
}

/* What stands at the reader, for a message. */
static const char *
what_here(const struct json_reader *r, char buf[16])
{
	int c = json_peek(r);

	if (c < 0)
		return "the end of the file";
	if (c == 0)
		return "a NUL byte";
	if (c < ' ' || c == 0x7F) {
		snprintf(buf, 16, "byte 0x%02X", (unsigned)c);
		return buf;
	}
	if (c >= 0x80)
		return "a non-ASCII character";
	snprintf(buf, 16, "'%c'", c);
	return buf;
}

int
json_unexpected(struct json_reader *r, const char *wanted)
{
	char buf[16];

	return json_fail(r, "expected %s, found %s", wanted, what_here(r, buf));
}

static int
hex4(struct json_reader *r, uint32_t *out)
{
	uint32_t v = 0;
	int k, c;

	for (k = 0; k < 4; k++) {
		c = json_peek(r);
		if (c >= '0' && c <= '9')
			v = v * 16 + (uint32_t)(c - '0');
		else if (c >= 'a' && c <= 'f')
			v = v * 16 + (uint32_t)(c - 'a' + 10);
		else if (c >= 'A' && c <= 'F')
			v = v * 16 + (uint32_t)(c - 'A' + 10);
		else
			return json_unexpected(r, "four hex digits after \\u");
		json_advance(r, 1);
	}
	*out = v;
	return 0;
}

/* A \u escape (the backslash and u already read), a surrogate pair
 * whole. */
static int
unicode_escape(struct json_reader *r, struct buf *b)
{
	uint32_t hi, lo;

	if (hex4(r, &hi) != 0)
		return -1;
	if (hi >= 0xDC00 && hi <= 0xDFFF)
		return json_fail(r,
				 "\\u%04X is half of a surrogate pair, alone",
				 (unsigned)hi);
	if (hi >= 0xD800 && hi <= 0xDBFF) {
		if (json_peek(r) != '\\' || r->i + 1 >= r->len ||
		    r->s[r->i + 1] != 'u')
			return json_fail(r,
					 "\\u%04X is half of a surrogate pair, "
					 "alone",
					 (unsigned)hi);
		json_advance(r, 2);
		if (hex4(r, &lo) != 0)
			return -1;
		if (lo < 0xDC00 || lo > 0xDFFF)
			return json_fail(r,
					 "\\u%04X does not end the surrogate "
					 "pair \\u%04X",
					 (unsigned)lo, (unsigned)hi);
		hi = 0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00);
	}
	buf_add_utf8(b, hi);
	return 0;
}

/* A string at the opening quote, decoded into b (emptied first; its
 * bytes are b->data[0..b->len)). */
int
json_parse_string(struct json_reader *r, struct buf *b)
{
	uint32_t cp;
	size_t n;
	int c;

	json_advance(r, 1);
	b->len = 0;
	for (;;) {
		c = json_peek(r);
		if (c < 0)
			return json_fail(r, "the string is not closed (no '\"' "
					    "before the end of the file)");
		if (c == '"')
			break;
		if (c < 0x20) {
			if (c == '\n')
				return json_fail(r,
						 "a line break inside a string "
						 "(the string is not closed, "
						 "or write it as \\n)");
			return json_fail(
			    r,
			    "byte 0x%02X inside a string (write it "
			    "as \\u%04X)",
			    (unsigned)c, (unsigned)c);
		}
		if (c == '\\') {
			json_advance(r, 1);
			c = json_peek(r);
			switch (c) {
			case '"':
			case '\\':
			case '/':
				buf_addc(b, (char)c);
				break;
			case 'b':
				buf_addc(b, '\b');
				break;
			case 'f':
				buf_addc(b, '\f');
				break;
			case 'n':
				buf_addc(b, '\n');
				break;
			case 'r':
				buf_addc(b, '\r');
				break;
			case 't':
				buf_addc(b, '\t');
				break;
			case 'u':
				json_advance(r, 1);
				if (unicode_escape(r, b) != 0)
					return -1;
				continue;
			default:
				return json_unexpected(
				    r, "an escape (\\\" \\\\ \\/ "
				       "\\b \\f \\n \\r \\t "
				       "\\uXXXX)");
			}
			json_advance(r, 1);
			continue;
		}
		if (c < 0x80) {
			buf_addc(b, (char)c);
			json_advance(r, 1);
			continue;
		}
		n = utf8_decode((const char *)r->s + r->i, r->len - r->i, &cp);
		if (n == 0)
			return json_fail(r, "byte 0x%02X is not UTF-8",
					 (unsigned)c);
		buf_add(b, (const char *)r->s + r->i, n);
		json_advance(r, n);
	}
	json_advance(r, 1);
	return 0;
}

/* Counts n bytes and a NUL (first pass), or copies them to the block and
 * points *out at them (second). */
void
json_keep_bytes(struct json_reader *r, const void *p, size_t n, char **out,
		size_t *len)
{
	if (!r->fill) {
		r->nbytes += n + 1;
		return;
	}
	*out = r->bytes + r->byte_end;
	*len = n;
	if (n > 0)
		memcpy(*out, p, n);
	(*out)[n] = '\0';
	r->byte_end += n + 1;
}

static int
digits(struct json_reader *r)
{
	int c, n = 0;

	while ((c = json_peek(r)) >= '0' && c <= '9') {
		json_advance(r, 1);
		n++;
	}
	return n;
}

int
json_parse_number(struct json_reader *r, struct json *v)
{
	size_t start = r->i;

	if (json_peek(r) == '-')
		json_advance(r, 1);
	if (json_peek(r) == '0') {
		json_advance(r, 1);
		if (json_peek(r) >= '0' && json_peek(r) <= '9')
			return json_fail(
			    r, "a number may not start with 0 (leading "
			       "zeros are not JSON)");
	} else if (digits(r) == 0) {
		return json_unexpected(r, "a digit");
	}
	if (json_peek(r) == '.') {
		json_advance(r, 1);
		if (digits(r) == 0)
			return json_unexpected(r, "a digit after '.'");
	}
	if (json_peek(r) == 'e' || json_peek(r) == 'E') {
		json_advance(r, 1);
		if (json_peek(r) == '+' || json_peek(r) == '-')
			json_advance(r, 1);
		if (digits(r) == 0)
			return json_unexpected(r, "a digit in the exponent");
	}
	if (r->i - start > JSON_NUMBER_MAX) {
		r->col -= (int)(r->i - start);
		return json_fail(r, "a number of %zu characters (at most %d)",
				 r->i - start, JSON_NUMBER_MAX);
	}
	v->type = JSON_NUMBER;
	json_keep_bytes(r, r->s + start, r->i - start, &v->str, &v->len);
	return 0;
}

int
json_parse_word(struct json_reader *r, struct json *v)
{
	static const struct {
		const char *word;
		enum json_type type;
	} words[] = {
	    {"null", JSON_NULL}, {"true", JSON_TRUE}, {"false", JSON_FALSE}};
	size_t k, n;

	for (k = 0; k < sizeof words / sizeof words[0]; k++) {
		n = strlen(words[k].word);
		if (r->len - r->i >= n &&
		    memcmp(r->s + r->i, words[k].word, n) == 0) {
			json_advance(r, n);
			v->type = words[k].type;
			return 0;
		}
	}
	return json_unexpected(r, "a value (an object, array, string, number, "
				  "true, false or null)");
}
