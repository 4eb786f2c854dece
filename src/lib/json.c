/* json.c: the strict JSON reader of json.h: a recursive descent over the
 * bytes that counts lines and columns as it goes (its tokens in
 * json_scan.c, its set of an object's keys in json_keys.c).
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

#include "json_int.h"
#include "util.h"

static int parse_value(struct json_reader *, struct json *);

/* Second pass: the n items of the array that ends, from first on the
 * stack, move to the high end of the items (the header comment says
 * why). */
static void
end_items(struct json_reader *r, struct json *v, size_t first)
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
parse_array(struct json_reader *r, struct json *v)
{
	size_t first = r->item_top;
	struct json counted, *item;

	v->type = JSON_ARRAY;
	json_advance(r, 1);
	json_skip_space(r);
	if (json_peek(r) == ']') {
		json_advance(r, 1);
		return 0;
	}
	for (;;) {
		item = r->fill ? &r->items[r->item_top++] : &counted;
		if (parse_value(r, item) != 0)
			return -1;
		v->n++;
		r->nitems += !r->fill;
		json_skip_space(r);
		if (json_peek(r) == ']') {
			json_advance(r, 1);
			end_items(r, v, first);
			return 0;
		}
		if (json_peek(r) != ',')
			return json_unexpected(r, "',' or ']'");
		json_advance(r, 1);
		json_skip_space(r);
		if (json_peek(r) == ']')
			return json_fail(
			    r, "a ',' before ']' (no value after it)");
	}
}

/* The line of offset at, for a refusal. */
static int
line_of(const struct json_reader *r, size_t at)
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
end_members(struct json_reader *r, struct json *v, size_t first)
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
parse_members(struct json_reader *r, struct json *v, struct json_keyset *ks)
{
	size_t first = r->member_top, at, twice;
	struct json_member counted, *m;

	for (;;) {
		if (json_peek(r) != '"')
			return json_unexpected(r, "a key (a string in '\"')");
		m = r->fill ? &r->members[r->member_top++] : &counted;
		memset(m, 0, sizeof *m);
		m->line = r->line;
		m->col = r->col;
		at = r->i;
		if (json_parse_string(r, &r->str) != 0)
			return -1;
		if (!r->fill && json_keyset_check(r, ks, at, &twice)) {
			r->line = m->line;
			r->col = m->col;
			return json_fail(r,
					 "the key is given twice in one "
					 "object (first at line %d)",
					 line_of(r, twice));
		}
		json_keep_bytes(r, r->str.data, r->str.len, &m->key,
				&m->keylen);
		json_skip_space(r);
		if (json_peek(r) != ':')
			return json_unexpected(r, "':' after the key");
		json_advance(r, 1);
		if (parse_value(r, &m->value) != 0)
			return -1;
		v->n++;
		r->nmembers += !r->fill;
		json_skip_space(r);
		if (json_peek(r) == '}') {
			json_advance(r, 1);
			end_members(r, v, first);
			return 0;
		}
		if (json_peek(r) != ',')
			return json_unexpected(r, "',' or '}'");
		json_advance(r, 1);
		json_skip_space(r);
		if (json_peek(r) == '}')
			return json_fail(
			    r, "a ',' before '}' (no member after it)");
	}
}

static int
parse_object(struct json_reader *r, struct json *v)
{
	struct json_keyset ks;
	int rc;

	v->type = JSON_OBJECT;
	json_advance(r, 1);
	json_skip_space(r);
	if (json_peek(r) == '}') {
		json_advance(r, 1);
		return 0;
	}
	json_keyset_init(&ks);
	rc = parse_members(r, v, &ks);
	json_keyset_free(&ks);
	return rc;
}

/* A value, white space before it skipped, into v (which the second pass
 * fills; the first counts and leaves v's pointers NULL). */
static int
parse_value(struct json_reader *r, struct json *v)
{
	int c, rc;

	memset(v, 0, sizeof *v);
	json_skip_space(r);
	v->line = r->line;
	v->col = r->col;
	c = json_peek(r);
	switch (c) {
	case '{':
	case '[':
		if (r->depth >= JSON_DEPTH_MAX)
			return json_fail(r, "nested more than %d deep",
					 JSON_DEPTH_MAX);
		r->depth++;
		rc = c == '{' ? parse_object(r, v) : parse_array(r, v);
		r->depth--;
		return rc;
	case '"':
		v->type = JSON_STRING;
		if (json_parse_string(r, &r->str) != 0)
			return -1;
		json_keep_bytes(r, r->str.data, r->str.len, &v->str, &v->len);
		return 0;
	default:
		if (c == '-' || (c >= '0' && c <= '9'))
			return json_parse_number(r, v);
		return json_parse_word(r, v);
	}
}

/* One pass over the whole text, from its start. */
static int
read_text(struct json_reader *r, struct json *out)
{
	r->i = 0;
	r->line = r->col = 1;
	r->depth = 0;
	if (parse_value(r, out) != 0)
		return -1;
	json_skip_space(r);
	if (r->i < r->len)
		return json_unexpected(r,
				       "the end of the file after the value");
	return 0;
}

/* The block the second pass fills, sized by the first: the root's own
 * part first (its members when it is an object, else its items, else its
 * bytes), so that the root's pointer is the block's. NULL when the tree
 * needs none. */
static void *
make_block(struct json_reader *r, enum json_type root)
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

int
json_parse(const char *text, size_t len, struct json *out,
	   struct json_error *err)
{
	struct json_reader r;
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
				json_advance(&r, 1);
			}
		}
		return json_fail(&r, "a NUL byte (this is not a text file)");
	}
	if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0)
		return json_fail(&r, "a byte order mark (JSON has none)");
	json_seed_hash(&r);
	rc = read_text(&r, out);
	buf_free(&r.again);
	if (rc == 0) {
		block = make_block(&r, out->type);
		r.fill = 1;
		if (block == NULL && r.nitems + r.nmembers + r.nbytes > 0)
			rc = json_fail(&r, "too large to hold in memory");
		else if ((rc = read_text(&r, out)) != 0 || r.item_top != 0 ||
			 r.item_end != 0 || r.member_top != 0 ||
			 r.member_end != 0 || r.byte_end != r.nbytes)
			/* The same text read again: not reached. */
			rc = json_fail(&r, "the reader lost count (a bug)");
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
