/* json.c: the strict JSON reader of json.h: a recursive descent over the
 * bytes that counts lines and columns as it goes. */
#include "json.h"

#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

struct reader {
	const unsigned char *s;
	size_t len, i;
	int line, col;
	int depth;
	struct json_error *err;
};

static int fail(struct reader *r, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static int
fail(struct reader *r, const char *fmt, ...)
{
	va_list ap;

	r->err->line = r->line;
	r->err->col = r->col;
	va_start(ap, fmt);
	vsnprintf(r->err->msg, sizeof r->err->msg, fmt, ap);
	va_end(ap);
	return -1;
}

/* Moves past n bytes, none of them a newline; a column is a character,
 * so UTF-8 continuation bytes do not count. */
static void
advance(struct reader *r, size_t n)
{
	while (n-- > 0 && r->i < r->len) {
		if ((r->s[r->i] & 0xC0) != 0x80)
			r->col++;
		r->i++;
	}
}

static int
peek(const struct reader *r)
{
	return r->i < r->len ? r->s[r->i] : -1;
}

static void
skip_space(struct reader *r)
{
	int c;

	while ((c = peek(r)) == ' ' || c == '\t' || c == '\n' || c == '\r') {
		r->i++;
		if (c == '\n') {
			r->line++;
			r->col = 1;
		} else {
			r->col++;
		}
	}
}

/* What stands at the reader, for a message. */
static const char *
what_here(const struct reader *r, char buf[16])
{
	int c = peek(r);

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

static int
unexpected(struct reader *r, const char *wanted)
{
	char buf[16];

	return fail(r, "expected %s, found %s", wanted, what_here(r, buf));
}

static int parse_value(struct reader *, struct json *);

static int
hex4(struct reader *r, uint32_t *out)
{
	uint32_t v = 0;
	int k, c;

	for (k = 0; k < 4; k++) {
		c = peek(r);
		if (c >= '0' && c <= '9')
			v = v * 16 + (uint32_t)(c - '0');
		else if (c >= 'a' && c <= 'f')
			v = v * 16 + (uint32_t)(c - 'a' + 10);
		else if (c >= 'A' && c <= 'F')
			v = v * 16 + (uint32_t)(c - 'A' + 10);
		else
			return unexpected(r, "four hex digits after \\u");
		advance(r, 1);
	}
	*out = v;
	return 0;
}

/* A \u escape (the backslash and u already read), a surrogate pair
 * whole. */
static int
unicode_escape(struct reader *r, struct buf *b)
{
	uint32_t hi, lo;

	if (hex4(r, &hi) != 0)
		return -1;
	if (hi >= 0xDC00 && hi <= 0xDFFF)
		return fail(r, "\\u%04X is half of a surrogate pair, alone",
			    (unsigned)hi);
	if (hi >= 0xD800 && hi <= 0xDBFF) {
		if (peek(r) != '\\' || r->i + 1 >= r->len ||
		    r->s[r->i + 1] != 'u')
			return fail(r,
				    "\\u%04X is half of a surrogate pair, "
				    "alone",
				    (unsigned)hi);
		advance(r, 2);
		if (hex4(r, &lo) != 0)
			return -1;
		if (lo < 0xDC00 || lo > 0xDFFF)
			return fail(r,
				    "\\u%04X does not end the surrogate "
				    "pair \\u%04X",
				    (unsigned)lo, (unsigned)hi);
		hi = 0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00);
	}
	buf_add_utf8(b, hi);
	return 0;
}

/* A string at the opening quote, into *out (allocated) and *len. */
static int
parse_string(struct reader *r, char **out, size_t *len)
{
	struct buf b;
	uint32_t cp;
	size_t n;
	int c;

	advance(r, 1);
	buf_init(&b);
	buf_adds(&b, "");
	for (;;) {
		c = peek(r);
		if (c < 0) {
			buf_free(&b);
			return fail(r, "the string is not closed (no '\"' "
				       "before the end of the file)");
		}
		if (c == '"')
			break;
		if (c < 0x20) {
			buf_free(&b);
			if (c == '\n')
				return fail(r, "a line break inside a string "
					       "(the string is not closed, "
					       "or write it as \\n)");
			return fail(r,
				    "byte 0x%02X inside a string (write it "
				    "as \\u%04X)",
				    (unsigned)c, (unsigned)c);
		}
		if (c == '\\') {
			advance(r, 1);
			c = peek(r);
			switch (c) {
			case '"':
			case '\\':
			case '/':
				buf_addc(&b, (char)c);
				break;
			case 'b':
				buf_addc(&b, '\b');
				break;
			case 'f':
				buf_addc(&b, '\f');
				break;
			case 'n':
				buf_addc(&b, '\n');
				break;
			case 'r':
				buf_addc(&b, '\r');
				break;
			case 't':
				buf_addc(&b, '\t');
				break;
			case 'u':
				advance(r, 1);
				if (unicode_escape(r, &b) != 0) {
					buf_free(&b);
					return -1;
				}
				continue;
			default:
				buf_free(&b);
				return unexpected(r, "an escape (\\\" \\\\ \\/ "
						     "\\b \\f \\n \\r \\t "
						     "\\uXXXX)");
			}
			advance(r, 1);
			continue;
		}
		if (c < 0x80) {
			buf_addc(&b, (char)c);
			advance(r, 1);
			continue;
		}
		n = utf8_decode((const char *)r->s + r->i, r->len - r->i, &cp);
		if (n == 0) {
			buf_free(&b);
			return fail(r, "byte 0x%02X is not UTF-8", (unsigned)c);
		}
		buf_add(&b, (const char *)r->s + r->i, n);
		advance(r, n);
	}
	advance(r, 1);
	*len = b.len;
	*out = buf_take(&b);
	return 0;
}

static int
digits(struct reader *r)
{
	int c, n = 0;

	while ((c = peek(r)) >= '0' && c <= '9') {
		advance(r, 1);
		n++;
	}
	return n;
}

static int
parse_number(struct reader *r, struct json *v)
{
	size_t start = r->i;

	if (peek(r) == '-')
		advance(r, 1);
	if (peek(r) == '0') {
		advance(r, 1);
		if (peek(r) >= '0' && peek(r) <= '9')
			return fail(r, "a number may not start with 0 (leading "
				       "zeros are not JSON)");
	} else if (digits(r) == 0) {
		return unexpected(r, "a digit");
	}
	if (peek(r) == '.') {
		advance(r, 1);
		if (digits(r) == 0)
			return unexpected(r, "a digit after '.'");
	}
	if (peek(r) == 'e' || peek(r) == 'E') {
		advance(r, 1);
		if (peek(r) == '+' || peek(r) == '-')
			advance(r, 1);
		if (digits(r) == 0)
			return unexpected(r, "a digit in the exponent");
	}
	if (r->i - start > JSON_NUMBER_MAX) {
		r->col -= (int)(r->i - start);
		return fail(r, "a number of %zu characters (at most %d)",
			    r->i - start, JSON_NUMBER_MAX);
	}
	v->type = JSON_NUMBER;
	v->str = xstrndup((const char *)r->s + start, r->i - start);
	v->len = r->i - start;
	return 0;
}

static int
parse_word(struct reader *r, struct json *v)
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
			advance(r, n);
			v->type = words[k].type;
			return 0;
		}
	}
	return unexpected(r, "a value (an object, array, string, number, "
			     "true, false or null)");
}

static int
parse_array(struct reader *r, struct json *v)
{
	size_t cap = 0;
	struct json item;

	v->type = JSON_ARRAY;
	advance(r, 1);
	skip_space(r);
	if (peek(r) == ']') {
		advance(r, 1);
		return 0;
	}
	for (;;) {
		if (parse_value(r, &item) != 0) {
			json_free(&item);
			return -1;
		}
		if (v->n == cap) {
			cap = cap ? cap * 2 : 8;
			v->items =
			    xreallocarray(v->items, cap, sizeof *v->items);
		}
		v->items[v->n++] = item;
		skip_space(r);
		if (peek(r) == ']') {
			advance(r, 1);
			return 0;
		}
		if (peek(r) != ',')
			return unexpected(r, "',' or ']'");
		advance(r, 1);
		skip_space(r);
		if (peek(r) == ']')
			return fail(r, "a ',' before ']' (no value after it)");
	}
}

/* The keys read so far in one object, so that a key given twice is found
 * in one lookup however many came before it: open addressing with linear
 * probing over the members' indices, by a hash of the decoded key. Grown
 * to twice its size when more than three quarters full; small objects
 * (most of them) stay in the table's own slots and allocate nothing. */
#define KEYS_SMALL 16

struct key_slot {
	size_t member; /* its index + 1; 0 for an empty slot */
	uint32_t hash;
};

struct keyset {
	struct key_slot *slot;
	size_t cap, n;
	struct key_slot small[KEYS_SMALL];
};

/* FNV-1a: the keys of one file need no defence against chosen
 * collisions beyond staying correct, which the byte comparison does. */
static uint32_t
key_hash(const char *s, size_t n)
{
	uint32_t h = 2166136261u;

	while (n-- > 0) {
		h ^= (unsigned char)*s++;
		h *= 16777619u;
	}
	return h;
}

static void
keyset_init(struct keyset *ks)
{
	memset(ks->small, 0, sizeof ks->small);
	ks->slot = ks->small;
	ks->cap = KEYS_SMALL;
	ks->n = 0;
}

static void
keyset_free(struct keyset *ks)
{
	if (ks->slot != ks->small)
		free(ks->slot);
}

static void
keyset_put(struct key_slot *slot, size_t cap, struct key_slot s)
{
	size_t k = s.hash & (cap - 1);

	while (slot[k].member != 0)
		k = (k + 1) & (cap - 1);
	slot[k] = s;
}

/* The index of the member of v whose key is key[0..len), or -1 after
 * adding the member index to the set. */
static long
keyset_find_or_add(struct keyset *ks, const struct json *v, size_t index,
		   const char *key, size_t len)
{
	const struct json_member *m;
	struct key_slot *old;
	uint32_t h = key_hash(key, len);
	size_t k, cap;

	for (k = h & (ks->cap - 1); ks->slot[k].member != 0;
	     k = (k + 1) & (ks->cap - 1)) {
		m = &v->members[ks->slot[k].member - 1];
		if (ks->slot[k].hash == h && m->keylen == len &&
		    memcmp(m->key, key, len) == 0)
			return (long)(ks->slot[k].member - 1);
	}
	if (4 * (ks->n + 1) > 3 * ks->cap) {
		old = ks->slot;
		cap = ks->cap;
		ks->cap *= 2;
		ks->slot = xcalloc(ks->cap, sizeof *ks->slot);
		for (k = 0; k < cap; k++)
			if (old[k].member != 0)
				keyset_put(ks->slot, ks->cap, old[k]);
		if (old != ks->small)
			free(old);
	}
	keyset_put(ks->slot, ks->cap, (struct key_slot){index + 1, h});
	ks->n++;
	return -1;
}

static int
parse_members(struct reader *r, struct json *v, struct keyset *ks)
{
	struct json_member m;
	size_t cap = 0;
	long twice;

	for (;;) {
		if (peek(r) != '"')
			return unexpected(r, "a key (a string in '\"')");
		memset(&m, 0, sizeof m);
		m.line = r->line;
		m.col = r->col;
		if (parse_string(r, &m.key, &m.keylen) != 0)
			return -1;
		twice = keyset_find_or_add(ks, v, v->n, m.key, m.keylen);
		if (twice >= 0) {
			r->line = m.line;
			r->col = m.col;
			free(m.key);
			return fail(r,
				    "the key is given twice in one "
				    "object (first at line %d)",
				    v->members[twice].line);
		}
		skip_space(r);
		if (peek(r) != ':') {
			free(m.key);
			return unexpected(r, "':' after the key");
		}
		advance(r, 1);
		if (parse_value(r, &m.value) != 0) {
			free(m.key);
			json_free(&m.value);
			return -1;
		}
		if (v->n == cap) {
			cap = cap ? cap * 2 : 8;
			v->members =
			    xreallocarray(v->members, cap, sizeof *v->members);
		}
		v->members[v->n++] = m;
		skip_space(r);
		if (peek(r) == '}') {
			advance(r, 1);
			return 0;
		}
		if (peek(r) != ',')
			return unexpected(r, "',' or '}'");
		advance(r, 1);
		skip_space(r);
		if (peek(r) == '}')
			return fail(r, "a ',' before '}' (no member after it)");
	}
}

static int
parse_object(struct reader *r, struct json *v)
{
	struct keyset ks;
	int rc;

	v->type = JSON_OBJECT;
	advance(r, 1);
	skip_space(r);
	if (peek(r) == '}') {
		advance(r, 1);
		return 0;
	}
	keyset_init(&ks);
	rc = parse_members(r, v, &ks);
	keyset_free(&ks);
	return rc;
}

/* A value, white space before it skipped. On a refusal v holds what was
 * read so far, for json_free(). */
static int
parse_value(struct reader *r, struct json *v)
{
	int c, rc;

	memset(v, 0, sizeof *v);
	skip_space(r);
	v->line = r->line;
	v->col = r->col;
	c = peek(r);
	switch (c) {
	case '{':
	case '[':
		if (r->depth >= JSON_DEPTH_MAX)
			return fail(r, "nested more than %d deep",
				    JSON_DEPTH_MAX);
		r->depth++;
		rc = c == '{' ? parse_object(r, v) : parse_array(r, v);
		r->depth--;
		return rc;
	case '"':
		v->type = JSON_STRING;
		return parse_string(r, &v->str, &v->len);
	default:
		if (c == '-' || (c >= '0' && c <= '9'))
			return parse_number(r, v);
		return parse_word(r, v);
	}
}

int
json_parse(const char *text, size_t len, struct json *out,
	   struct json_error *err)
{
	struct reader r = {(const unsigned char *)text, len, 0, 1, 1, 0, err};
	const void *nul = memchr(text, '\0', len);
	size_t at;

	memset(out, 0, sizeof *out);
	memset(err, 0, sizeof *err);
	if (nul != NULL) {
		/* Say where it is, counting lines up to it. */
		at = (size_t)((const char *)nul - text);
		while (r.i < at) {
			if (text[r.i] == '\n') {
				r.line++;
				r.col = 1;
				r.i++;
			} else {
				advance(&r, 1);
			}
		}
		return fail(&r, "a NUL byte (this is not a text file)");
	}
	if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0)
		return fail(&r, "a byte order mark (JSON has none)");
	if (parse_value(&r, out) != 0) {
		json_free(out);
		return -1;
	}
	skip_space(&r);
	if (r.i < r.len) {
		json_free(out);
		return unexpected(&r, "the end of the file after the value");
	}
	return 0;
}

void
json_free(struct json *v)
{
	size_t k;

	if (v == NULL)
		return;
	for (k = 0; v->type == JSON_ARRAY && k < v->n; k++)
		json_free(&v->items[k]);
	for (k = 0; v->type == JSON_OBJECT && k < v->n; k++) {
		free(v->members[k].key);
		json_free(&v->members[k].value);
	}
	free(v->items);
	free(v->members);
	free(v->str);
	memset(v, 0, sizeof *v);
}

const struct json *
json_get(const struct json *v, const char *key)
{
	size_t k, n = strlen(key);

	if (v == NULL || v->type != JSON_OBJECT)
		return NULL;
	for (k = 0; k < v->n; k++)
		if (v->members[k].keylen == n &&
		    memcmp(v->members[k].key, key, n) == 0)
			return &v->members[k].value;
	return NULL;
}

int
json_int(const struct json *v, long long min, long long max, long long *out)
{
	long long x;
	char *end;

	if (v == NULL || v->type != JSON_NUMBER ||
	    strpbrk(v->str, ".eE") != NULL)
		return -1;
	errno = 0;
	x = strtoll(v->str, &end, 10);
	if (errno != 0 || *end != '\0' || x < min || x > max)
		return -1;
	if (x == 0 && v->str[0] == '-')
		return -1; /* -0 is no whole number a person typed */
	*out = x;
	return 0;
}

const char *
json_type_name(enum json_type t)
{
	switch (t) {
	case JSON_NULL:
		return "null";
	case JSON_FALSE:
		return "false";
	case JSON_TRUE:
		return "true";
	case JSON_NUMBER:
		return "a number";
	case JSON_STRING:
		return "a string";
	case JSON_ARRAY:
		return "an array";
	case JSON_OBJECT:
		return "an object";
	}
	return "?";
}
