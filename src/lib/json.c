/* json.c: the strict JSON reader of json.h: a recursive descent over the
 * bytes that counts lines and columns as it goes.
 *
 * It reads the text twice. The first pass checks everything (a refusal
 * comes from it, duplicate keys included) and counts the items of arrays,
 * the members of objects and the bytes of strings and numbers; the second
 * fills one block of exactly that size. Growing each array as it was read
 * had cost up to twice its size, and a node and a string allocated apiece
 * cost the most for the smallest values ("[],[],..." took 19 times the
 * size of the text).
 *
 * The second pass places each array's items on the low end of the block's
 * items, a stack (an item that is itself an array pushes its own above
 * it); when the array ends, they move to the high end, below those of the
 * arrays that ended before, and leave the stack. Every item is in one part
 * or the other, so the two never cross; objects' members do the same in
 * theirs. The outermost container ends last, so its items or members land
 * at the very start: json_parse() puts that part first in the block, and
 * json_free() finds the block through the root. */
#include "json.h"

#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <time.h>

#include "util.h"

struct reader {
	const unsigned char *s;
	size_t len, i;
	int line, col;
	int depth;
	struct json_error *err;
	int fill;	      /* 0: the first pass, 1: the second */
	struct buf str;	      /* the string being read, decoded */
	struct buf again;     /* first pass: an earlier key, decoded again */
	uint64_t hash_key[2]; /* first pass: of key_hash(), at random */
	/* What the first pass counts and the second fills. */
	size_t nitems, nmembers, nbytes;
	struct json *items;
	struct json_member *members;
	char *bytes;
	/* Second pass: the stacks' tops, and where the ended ones begin. */
	size_t item_top, item_end, member_top, member_end, byte_end;
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

/* A string at the opening quote, decoded into b (emptied first; its
 * bytes are b->data[0..b->len)). */
static int
parse_string(struct reader *r, struct buf *b)
{
	uint32_t cp;
	size_t n;
	int c;

	advance(r, 1);
	b->len = 0;
	for (;;) {
		c = peek(r);
		if (c < 0)
			return fail(r, "the string is not closed (no '\"' "
				       "before the end of the file)");
		if (c == '"')
			break;
		if (c < 0x20) {
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
				advance(r, 1);
				if (unicode_escape(r, b) != 0)
					return -1;
				continue;
			default:
				return unexpected(r, "an escape (\\\" \\\\ \\/ "
						     "\\b \\f \\n \\r \\t "
						     "\\uXXXX)");
			}
			advance(r, 1);
			continue;
		}
		if (c < 0x80) {
			buf_addc(b, (char)c);
			advance(r, 1);
			continue;
		}
		n = utf8_decode((const char *)r->s + r->i, r->len - r->i, &cp);
		if (n == 0)
			return fail(r, "byte 0x%02X is not UTF-8", (unsigned)c);
		buf_add(b, (const char *)r->s + r->i, n);
		advance(r, n);
	}
	advance(r, 1);
	return 0;
}

/* Counts n bytes and a NUL (first pass), or copies them to the block and
 * points *out at them (second). */
static void
keep_bytes(struct reader *r, const void *p, size_t n, char **out, size_t *len)
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
	keep_bytes(r, r->s + start, r->i - start, &v->str, &v->len);
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

/* Second pass: the n items of the array that ends, from first on the
 * stack, move to the high end of the items (the header comment says
 * why). */
static void
end_items(struct reader *r, struct json *v, size_t first)
{
	if (!r->fill || v->n == 0)
		return;
	r->item_end -= v->n;
	if (r->item_end != first) /* else already in place: the outermost */
		memmove(r->items + r->item_end, r->items + first,
			v->n * sizeof *r->items);
	v->items = r->items + r->item_end;
	r->item_top = first;
}

static int
parse_array(struct reader *r, struct json *v)
{
	size_t first = r->item_top;
	struct json counted, *item;

	v->type = JSON_ARRAY;
	advance(r, 1);
	skip_space(r);
	if (peek(r) == ']') {
		advance(r, 1);
		return 0;
	}
	for (;;) {
		item = r->fill ? &r->items[r->item_top++] : &counted;
		if (parse_value(r, item) != 0)
			return -1;
		v->n++;
		r->nitems += !r->fill;
		skip_space(r);
		if (peek(r) == ']') {
			advance(r, 1);
			end_items(r, v, first);
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

/* First pass: the keys read so far in one object, so that a key given
 * twice is found in one lookup however many came before it. Open
 * addressing with linear probing, by a hash of the decoded key; each slot
 * holds the hash and where the key starts in the text (it is decoded
 * again to be compared when the hashes agree). Grown to twice its size
 * when more than three quarters full; small objects (most of them) stay in
 * the set's own slots and allocate nothing. */
#define KEYS_SMALL 16

struct key_slot {
	size_t at; /* the offset of the key's opening quote + 1; 0: empty */
	uint64_t hash;
};

struct keyset {
	struct key_slot *slot;
	size_t cap, n;
	struct key_slot small[KEYS_SMALL];
};

#define ROTL(x, b) (uint64_t)(((x) << (b)) | ((x) >> (64 - (b))))

static void
sip_round(uint64_t v[4])
{
	v[0] += v[1];
	v[1] = ROTL(v[1], 13) ^ v[0];
	v[0] = ROTL(v[0], 32);
	v[2] += v[3];
	v[3] = ROTL(v[3], 16) ^ v[2];
	v[0] += v[3];
	v[3] = ROTL(v[3], 21) ^ v[0];
	v[2] += v[1];
	v[1] = ROTL(v[1], 17) ^ v[2];
	v[2] = ROTL(v[2], 32);
}

/* SipHash-1-3 of s[0..n) under key k: keyed, so that a file cannot
 * choose keys whose hashes collide (which would make each lookup compare
 * with every key before it again). */
static uint64_t
key_hash(const uint64_t k[2], const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	uint64_t v[4], m;
	size_t i, j;

	v[0] = k[0] ^ 0x736f6d6570736575ULL;
	v[1] = k[1] ^ 0x646f72616e646f6dULL;
	v[2] = k[0] ^ 0x6c7967656e657261ULL;
	v[3] = k[1] ^ 0x7465646279746573ULL;
	for (i = 0; i + 8 <= n; i += 8) {
		for (m = 0, j = 0; j < 8; j++)
			m |= (uint64_t)p[i + j] << (8 * j);
		v[3] ^= m;
		sip_round(v);
		v[0] ^= m;
	}
	for (m = (uint64_t)n << 56, j = 0; i + j < n; j++)
		m |= (uint64_t)p[i + j] << (8 * j);
	v[3] ^= m;
	sip_round(v);
	v[0] ^= m;
	v[2] ^= 0xff;
	sip_round(v);
	sip_round(v);
	sip_round(v);
	return v[0] ^ v[1] ^ v[2] ^ v[3];
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
	size_t k = (size_t)s.hash & (cap - 1);

	while (slot[k].at != 0)
		k = (k + 1) & (cap - 1);
	slot[k] = s;
}

/* Whether the key at offset at (already read once, so well formed)
 * decodes to the bytes of r->str. */
static int
same_key(struct reader *r, size_t at)
{
	struct reader again = *r;

	again.i = at;
	if (parse_string(&again, &r->again) != 0)
		return 0;
	return r->again.len == r->str.len &&
	       (r->str.len == 0 ||
		memcmp(r->again.data, r->str.data, r->str.len) == 0);
}

/* 1 with *first the offset of the earlier key equal to the one just read
 * into r->str (which starts at offset at); else 0 after adding it. */
static int
keyset_check(struct reader *r, struct keyset *ks, size_t at, size_t *first)
{
	struct key_slot *old;
	uint64_t h = key_hash(r->hash_key, r->str.data, r->str.len);
	size_t k, cap;

	for (k = (size_t)h & (ks->cap - 1); ks->slot[k].at != 0;
	     k = (k + 1) & (ks->cap - 1))
		if (ks->slot[k].hash == h && same_key(r, ks->slot[k].at - 1)) {
			*first = ks->slot[k].at - 1;
			return 1;
		}
	if (4 * (ks->n + 1) > 3 * ks->cap) {
		old = ks->slot;
		cap = ks->cap;
		ks->cap *= 2;
		ks->slot = xcalloc(ks->cap, sizeof *ks->slot);
		for (k = 0; k < cap; k++)
			if (old[k].at != 0)
				keyset_put(ks->slot, ks->cap, old[k]);
		if (old != ks->small)
			free(old);
	}
	keyset_put(ks->slot, ks->cap, (struct key_slot){at + 1, h});
	ks->n++;
	return 0;
}

/* The line of offset at, for a refusal. */
static int
line_of(const struct reader *r, size_t at)
{
	const unsigned char *p = r->s, *end = r->s + at;
	int line = 1;

	while ((p = memchr(p, '\n', (size_t)(end - p))) != NULL) {
		line++;
		p++;
	}
	return line;
}

/* Second pass: as end_items(), for the members of an object. */
static void
end_members(struct reader *r, struct json *v, size_t first)
{
	if (!r->fill || v->n == 0)
		return;
	r->member_end -= v->n;
	if (r->member_end != first)
		memmove(r->members + r->member_end, r->members + first,
			v->n * sizeof *r->members);
	v->members = r->members + r->member_end;
	r->member_top = first;
}

static int
parse_members(struct reader *r, struct json *v, struct keyset *ks)
{
	size_t first = r->member_top, at, twice;
	struct json_member counted, *m;

	for (;;) {
		if (peek(r) != '"')
			return unexpected(r, "a key (a string in '\"')");
		m = r->fill ? &r->members[r->member_top++] : &counted;
		memset(m, 0, sizeof *m);
		m->line = r->line;
		m->col = r->col;
		at = r->i;
		if (parse_string(r, &r->str) != 0)
			return -1;
		if (!r->fill && keyset_check(r, ks, at, &twice)) {
			r->line = m->line;
			r->col = m->col;
			return fail(r,
				    "the key is given twice in one "
				    "object (first at line %d)",
				    line_of(r, twice));
		}
		keep_bytes(r, r->str.data, r->str.len, &m->key, &m->keylen);
		skip_space(r);
		if (peek(r) != ':')
			return unexpected(r, "':' after the key");
		advance(r, 1);
		if (parse_value(r, &m->value) != 0)
			return -1;
		v->n++;
		r->nmembers += !r->fill;
		skip_space(r);
		if (peek(r) == '}') {
			advance(r, 1);
			end_members(r, v, first);
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

/* A value, white space before it skipped, into v (which the second pass
 * fills; the first counts and leaves v's pointers NULL). */
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
		if (parse_string(r, &r->str) != 0)
			return -1;
		keep_bytes(r, r->str.data, r->str.len, &v->str, &v->len);
		return 0;
	default:
		if (c == '-' || (c >= '0' && c <= '9'))
			return parse_number(r, v);
		return parse_word(r, v);
	}
}

/* One pass over the whole text, from its start. */
static int
read_text(struct reader *r, struct json *out)
{
	r->i = 0;
	r->line = r->col = 1;
	r->depth = 0;
	if (parse_value(r, out) != 0)
		return -1;
	skip_space(r);
	if (r->i < r->len)
		return unexpected(r, "the end of the file after the value");
	return 0;
}

/* The block the second pass fills, sized by the first: the root's own
 * part first (its members when it is an object, else its items, else its
 * bytes), so that the root's pointer is the block's. NULL when the tree
 * needs none. */
static void *
make_block(struct reader *r, enum json_type root)
{
	size_t isize, msize;
	char *block;

	if (r->nitems > SIZE_MAX / sizeof *r->items ||
	    r->nmembers > SIZE_MAX / sizeof *r->members)
		return NULL;
	isize = r->nitems * sizeof *r->items;
	msize = r->nmembers * sizeof *r->members;
	if (isize > SIZE_MAX - msize || r->nbytes > SIZE_MAX - isize - msize)
		return NULL;
	if (isize + msize + r->nbytes == 0)
		return NULL;
	block = xmalloc(isize + msize + r->nbytes);
	/* Both sizes are multiples of their structs', so each part is
	 * aligned as the block is. */
	if (root == JSON_OBJECT) {
		r->members = (struct json_member *)(void *)block;
		r->items = (struct json *)(void *)(block + msize);
	} else {
		r->items = (struct json *)(void *)block;
		r->members = (struct json_member *)(void *)(block + isize);
	}
	r->bytes = block + isize + msize;
	r->item_end = r->nitems;
	r->member_end = r->nmembers;
	return block;
}

/* A key for key_hash() that no file can know. Any key finds duplicates;
 * the clock and where the stack is serve when the kernel gives none. */
static void
seed_hash(struct reader *r)
{
	struct timespec ts;

	if (getrandom(r->hash_key, sizeof r->hash_key, GRND_NONBLOCK) ==
	    (ssize_t)sizeof r->hash_key)
		return;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	r->hash_key[0] = (uint64_t)ts.tv_nsec ^ (uint64_t)(uintptr_t)r;
	r->hash_key[1] = (uint64_t)ts.tv_sec;
}

int
json_parse(const char *text, size_t len, struct json *out,
	   struct json_error *err)
{
	struct reader r;
	const void *nul = memchr(text, '\0', len);
	void *block;
	size_t at;
	int rc;

	memset(&r, 0, sizeof r);
	r.s = (const unsigned char *)text;
	r.len = len;
	r.line = r.col = 1;
	r.err = err;
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
	seed_hash(&r);
	rc = read_text(&r, out);
	buf_free(&r.again);
	if (rc == 0) {
		block = make_block(&r, out->type);
		r.fill = 1;
		if (block == NULL && r.nitems + r.nmembers + r.nbytes > 0)
			rc = fail(&r, "too large to hold in memory");
		else if ((rc = read_text(&r, out)) != 0 || r.item_top != 0 ||
			 r.item_end != 0 || r.member_top != 0 ||
			 r.member_end != 0 || r.byte_end != r.nbytes)
			/* The same text read again: not reached. */
			rc = fail(&r, "the reader lost count (a bug)");
		if (rc != 0)
			free(block);
	}
	buf_free(&r.str);
	if (rc != 0)
		memset(out, 0, sizeof *out);
	return rc;
}

/* The whole tree is one block, which starts where the root's pointer
 * points (make_block() lays it out so). */
void
json_free(struct json *v)
{
	if (v == NULL)
		return;
	switch (v->type) {
	case JSON_NUMBER:
	case JSON_STRING:
		free(v->str);
		break;
	case JSON_ARRAY:
		free(v->items);
		break;
	case JSON_OBJECT:
		free(v->members);
		break;
	default:
		break;
	}
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
