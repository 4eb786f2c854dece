/*
 * fuzz_json.c: libFuzzer target for the JSON reader of `backpain import`.
 * Any bytes go through json_parse(); a crash, a leak, a sanitizer report or
 * a broken promise of json.h (a refusal without a place and a message, a
 * string that is not UTF-8, a value placed before line 1 column 1, a key
 * json_get() cannot find, a tree of more than JSON_BYTES_PER_BYTE bytes
 * per byte of the input) stops the fuzzer. tests/robust/fuzz_json.sh runs
 * it.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "json.h"
#include "util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Checks v and what it holds; adds to *bytes what the tree takes for
 * them (json.h: its nodes, and each string, number and key with a NUL). */
static void
check(const struct json *v, int depth, size_t *bytes)
{
	size_t i, bad, step;

	if (v->line < 1 || v->col < 1 || depth > JSON_DEPTH_MAX + 1)
		abort();
	switch (v->type) {
	case JSON_STRING:
		if (v->str[v->len] != '\0' ||
		    utf8_valid(v->str, v->len, &bad) != 0)
			abort();
		*bytes += v->len + 1;
		break;
	case JSON_NUMBER:
		if (v->len == 0 || v->len > JSON_NUMBER_MAX)
			abort();
		*bytes += v->len + 1;
		break;
	case JSON_ARRAY:
		*bytes += v->n * sizeof *v->items;
		for (i = 0; i < v->n; i++)
			check(&v->items[i], depth + 1, bytes);
		break;
	case JSON_OBJECT:
		/* json_get() is a linear search: a few dozen of the keys of a
		 * large object, so that its check stays linear too. It takes
		 * a C string: a key with a \u0000 is not one to look up. */
		step = v->n / 64 + 1;
		*bytes += v->n * sizeof *v->members;
		for (i = 0; i < v->n; i++) {
			if (v->members[i].line < 1 || v->members[i].col < 1 ||
			    (i % step == 0 &&
			     strlen(v->members[i].key) ==
				 v->members[i].keylen &&
			     json_get(v, v->members[i].key) == NULL))
				abort();
			*bytes += v->members[i].keylen + 1;
			check(&v->members[i].value, depth + 1, bytes);
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
	size_t bytes = 0;
	long long x;

	if (json_parse((const char *)data, size, &v, &err) != 0) {
		if (err.line < 1 || err.col < 1 || err.msg[0] == '\0')
			abort();
		return 0;
	}
	check(&v, 0, &bytes);
	if (bytes > JSON_BYTES_PER_BYTE * size)
		abort();
	(void)json_int(&v, -1000, 1000, &x);
	json_free(&v);
	return 0;
}
