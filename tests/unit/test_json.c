/*
 * Unit tests of json.h, the strict reader behind `backpain import`: what
 * it reads, where it says a value starts, and what it refuses (with the
 * line and column of the fault) when the input is broken or hostile.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "json.h"
#include "util.h"

/* Parses s (len bytes, or strlen when len is 0) expecting a refusal at
 * line:col whose message holds words. */
static void
refused(const char *s, size_t len, int line, int col, const char *words)
{
	struct json v;
	struct json_error err;

	if (len == 0)
		len = strlen(s);
	if (json_parse(s, len, &v, &err) == 0) {
		json_free(&v);
		fail_msg("accepted: %s", s);
	}
	if (err.line != line || err.col != col ||
	    strstr(err.msg, words) == NULL)
		fail_msg("%s: got %d:%d: %s; want %d:%d: ...%s...", s, err.line,
			 err.col, err.msg, line, col, words);
}

static void
test_reads_values_and_places(void **state)
{
	static const char text[] = "{\"a\": [1, -2.5e3, true, false, null],\n"
				   "  \"b\": {\"c\": \"d\"},\n"
				   "\t\"é\": \"x\"}";
	const struct json *a, *b, *c;
	struct json v;
	struct json_error err;

	(void)state;
	assert_int_equal(json_parse(text, strlen(text), &v, &err), 0);
	assert_int_equal(v.type, JSON_OBJECT);
	assert_int_equal(v.n, 3);
	a = json_get(&v, "a");
	assert_non_null(a);
	assert_int_equal(a->type, JSON_ARRAY);
	assert_int_equal(a->n, 5);
	assert_string_equal(a->items[1].str, "-2.5e3");
	assert_int_equal(a->items[2].type, JSON_TRUE);
	assert_int_equal(a->items[3].type, JSON_FALSE);
	assert_int_equal(a->items[4].type, JSON_NULL);
	assert_int_equal(a->items[1].line, 1);
	assert_int_equal(a->items[1].col, 11);
	b = json_get(&v, "b");
	c = json_get(b, "c");
	assert_non_null(c);
	assert_int_equal(c->line, 2);
	assert_int_equal(c->col, 14);
	/* Columns count characters: é is one. */
	assert_int_equal(v.members[2].line, 3);
	assert_int_equal(v.members[2].col, 2);
	assert_int_equal(v.members[2].value.col, 7);
	assert_null(json_get(&v, "missing"));
	assert_null(json_get(a, "a"));
	json_free(&v);
}

static void
test_strings_exact(void **state)
{
	static const char text[] =
	    "\"q\\\" b\\\\ s\\/ \\b\\f\\n\\r\\t \\u00e9 \\u20AC \\ud83d\\ude00 "
	    "\\u202e \\u0000 end \xf0\x9f\x98\x80\"";
	static const char want[] =
	    "q\" b\\ s/ \b\f\n\r\t \xc3\xa9 \xe2\x82\xac "
	    "\xf0\x9f\x98\x80 \xe2\x80\xae \0 end "
	    "\xf0\x9f\x98\x80";
	struct json v;
	struct json_error err;

	(void)state;
	assert_int_equal(json_parse(text, strlen(text), &v, &err), 0);
	assert_int_equal(v.type, JSON_STRING);
	assert_int_equal(v.len, sizeof want - 1);
	assert_memory_equal(v.str, want, sizeof want - 1);
	/* A \u0000 is kept: the caller sees it by len != strlen. */
	assert_true(strlen(v.str) < v.len);
	json_free(&v);
}

static void
test_syntax_refused_with_place(void **state)
{
	(void)state;
	refused("", 0, 1, 1, "expected a value");
	refused("  \n ", 0, 2, 2, "expected a value");
	refused("[1,]", 0, 1, 4, "','");
	refused("{\"a\":1,}", 0, 1, 8, "','");
	refused("{\"a\" 1}", 0, 1, 6, "':'");
	refused("{a:1}", 0, 1, 2, "a key");
	refused("[1 2]", 0, 1, 4, "',' or ']'");
	refused("[01]", 0, 1, 3, "leading zeros");
	refused("[-]", 0, 1, 3, "a digit");
	refused("[1.]", 0, 1, 4, "a digit after '.'");
	refused("[1e]", 0, 1, 4, "exponent");
	refused("[.5]", 0, 1, 2, "expected a value");
	refused("[+1]", 0, 1, 2, "expected a value");
	refused("[nul]", 0, 1, 2, "expected a value");
	refused("[NaN]", 0, 1, 2, "expected a value");
	refused("{} {}", 0, 1, 4, "the end of the file");
	refused("[1] // no", 0, 1, 5, "the end of the file");
	refused("{\"a\":1,\n \"a\":2}", 0, 2, 2, "twice");
	refused("\xEF\xBB\xBF{}", 0, 1, 1, "byte order mark");
}

static void
test_strings_refused(void **state)
{
	(void)state;
	refused("\"abc", 0, 1, 5, "not closed");
	refused("[\"abc\\", 0, 1, 7, "an escape");
	refused("\"a\nb\"", 0, 1, 3, "line break inside a string");
	refused("\"a\tb\"", 0, 1, 3, "0x09");
	refused("\"a\x1b[2Jb\"", 0, 1, 3, "0x1B");
	refused("\"\\x41\"", 0, 1, 3, "an escape");
	refused("\"\\u12G4\"", 0, 1, 6, "four hex digits");
	refused("\"\\ud83d\"", 0, 1, 8, "surrogate");
	refused("\"\\ud83dx\"", 0, 1, 8, "surrogate");
	refused("\"\\ude00\"", 0, 1, 8, "surrogate");
	refused("\"\\ud83d\\u0041\"", 0, 1, 14, "does not end the surrogate");
	/* Bad UTF-8: a stray byte, an overlong, an encoded surrogate, a
	 * truncated sequence, above U+10FFFF. */
	refused("\"ok \xff\"", 0, 1, 5, "0xFF is not UTF-8");
	refused("\"\xc0\x80\"", 0, 1, 2, "not UTF-8");
	refused("\"\xed\xa0\x80\"", 0, 1, 2, "not UTF-8");
	refused("\"\xe2\x82\"", 0, 1, 2, "not UTF-8");
	refused("\"\xf4\x90\x80\x80\"", 0, 1, 2, "not UTF-8");
	/* Outside a string too. */
	refused("\xff", 0, 1, 1, "non-ASCII");
}

static void
test_nul_bytes_refused(void **state)
{
	(void)state;
	refused("{\"a\":\"x\0y\"}", 10, 1, 8, "NUL byte");
	refused("[1,\n2]\0", 7, 2, 3, "NUL byte");
	refused("\0", 1, 1, 1, "NUL byte");
}

static void
test_deep_nesting(void **state)
{
	size_t n = 100000, i;
	char *s = xmalloc(2 * n + 1);
	struct json v;
	struct json_error err;

	(void)state;
	/* As deep as allowed: read. */
	for (i = 0; i < JSON_DEPTH_MAX; i++) {
		s[i] = '[';
		s[JSON_DEPTH_MAX + i] = ']';
	}
	assert_int_equal(json_parse(s, 2 * JSON_DEPTH_MAX, &v, &err), 0);
	json_free(&v);
	/* One deeper: refused where the level starts. */
	for (i = 0; i <= JSON_DEPTH_MAX; i++) {
		s[i] = '[';
		s[JSON_DEPTH_MAX + 1 + i] = ']';
	}
	refused(s, 2 * (JSON_DEPTH_MAX + 1), 1, JSON_DEPTH_MAX + 1,
		"nested more than");
	/* A hundred thousand: refused, not a stack overflow. */
	memset(s, '[', n);
	memset(s + n, ']', n);
	refused(s, 2 * n, 1, JSON_DEPTH_MAX + 1, "nested more than");
	/* Objects count too. */
	for (i = 0; i < n / 5; i++)
		memcpy(s + 5 * i, "{\"a\":", 5);
	refused(s, n, 1, 5 * JSON_DEPTH_MAX + 1, "nested more than");
	free(s);
}

static void
test_numbers(void **state)
{
	char big[JSON_NUMBER_MAX + 2];
	struct json v;
	struct json_error err;
	long long x;

	(void)state;
	assert_int_equal(json_parse("9223372036854775807", 19, &v, &err), 0);
	assert_int_equal(json_int(&v, 0, 9223372036854775807LL, &x), 0);
	assert_true(x == 9223372036854775807LL);
	assert_int_equal(json_int(&v, 0, 10, &x), -1);
	json_free(&v);
	/* Past long long, a fraction, an exponent, -0: no whole number. */
	assert_int_equal(json_parse("9223372036854775808", 19, &v, &err), 0);
	assert_int_equal(
	    json_int(&v, -9223372036854775807LL, 9223372036854775807LL, &x),
	    -1);
	json_free(&v);
	assert_int_equal(json_parse("-9223372036854775809", 20, &v, &err), 0);
	assert_int_equal(json_int(&v, -9223372036854775807LL - 1, 0, &x), -1);
	json_free(&v);
	assert_int_equal(json_parse("3.0", 3, &v, &err), 0);
	assert_int_equal(json_int(&v, 0, 10, &x), -1);
	json_free(&v);
	assert_int_equal(json_parse("1e400", 5, &v, &err), 0);
	assert_int_equal(json_int(&v, 0, 10, &x), -1);
	json_free(&v);
	assert_int_equal(json_parse("-0", 2, &v, &err), 0);
	assert_int_equal(json_int(&v, -10, 10, &x), -1);
	json_free(&v);
	assert_int_equal(json_parse("-7", 2, &v, &err), 0);
	assert_int_equal(json_int(&v, -10, 10, &x), 0);
	assert_true(x == -7);
	json_free(&v);
	assert_int_equal(json_parse("\"7\"", 3, &v, &err), 0);
	assert_int_equal(json_int(&v, 0, 10, &x), -1);
	json_free(&v);
	/* A number longer than JSON_NUMBER_MAX characters is refused. */
	memset(big, '1', sizeof big - 1);
	big[sizeof big - 1] = '\0';
	refused(big, 0, 1, 1, "a number of");
	big[sizeof big - 2] = '\0';
	assert_int_equal(json_parse(big, strlen(big), &v, &err), 0);
	json_free(&v);
}

/* An object of n keys "k0000000".."k<n-1>", one a line, then the key
 * "k<dup>" again on the next line when dup < n: the text, to free(). */
static char *
many_keys(size_t n, size_t dup, size_t *len)
{
	struct buf b;
	size_t i;

	buf_init(&b);
	buf_adds(&b, "{");
	for (i = 0; i < n; i++)
		buf_printf(&b, "%s\"k%07zu\": %zu\n", i ? "," : "", i, i);
	if (dup < n)
		buf_printf(&b, ",\"k%07zu\": 0\n", dup);
	buf_adds(&b, "}");
	*len = b.len;
	return buf_take(&b);
}

/* Many keys are all kept, each found by its name; the one given twice at
 * the end is refused where it stands, naming the line of the first. The
 * keys are compared decoded: an escape does not make a key new. */
static void
test_many_keys_and_one_twice(void **state)
{
	const size_t n = 80000;
	const struct json *x;
	struct json v;
	struct json_error err;
	const char *t;
	char *s, name[16];
	size_t len, i;

	(void)state;
	s = many_keys(n, n, &len);
	assert_int_equal(json_parse(s, len, &v, &err), 0);
	assert_int_equal(v.type, JSON_OBJECT);
	assert_int_equal(v.n, n);
	for (i = 0; i < n; i += 997) {
		snprintf(name, sizeof name, "k%07zu", i);
		x = json_get(&v, name);
		assert_non_null(x);
		assert_int_equal(x->line, (int)i + 1);
		assert_int_equal(json_int(x, 0, (long long)n, &(long long){0}),
				 0);
	}
	json_free(&v);
	free(s);
	/* The duplicate of the first key, and of one in the middle. */
	s = many_keys(n, 0, &len);
	refused(s, len, (int)n + 1, 2,
		"given twice in one object (first at "
		"line 1)");
	free(s);
	s = many_keys(n, n / 2, &len);
	refused(s, len, (int)n + 1, 2, "(first at line 40001)");
	free(s);
	refused("{\"a\":1,\"\\u0061\":2}", 0, 1, 8, "twice");
	refused("{\"\\ud83d\\ude00\":1,\"\xf0\x9f\x98\x80\":2}", 0, 1, 19,
		"twice");
	refused("{\"\":1,\"\":2}", 0, 1, 7, "twice");
	/* Keys alike but for their length, or a NUL, are two keys. */
	t = "{\"a\":1,\"a\\u0000\":2,\"\":3,\"\\u0000\":4}";
	assert_int_equal(json_parse(t, strlen(t), &v, &err), 0);
	assert_int_equal(v.n, 4);
	json_free(&v);
	/* Nested objects each have their own keys. */
	t = "{\"a\":{\"a\":{\"a\":1}},\"b\":{\"a\":2}}";
	assert_int_equal(json_parse(t, strlen(t), &v, &err), 0);
	json_free(&v);
	refused("{\"a\":{\"b\":1},\"b\":{\"b\":1,\"b\":2}}", 0, 1, 25, "twice");
}

/* The heap json_parse() uses, seen through AddressSanitizer's allocation
 * hooks (the unit tests are always built with it): the bytes held now and
 * the most held at once since counting began. */
#if defined(__SANITIZE_ADDRESS__)
#define HEAP_COUNTED 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define HEAP_COUNTED 1
#endif
#endif

#ifdef HEAP_COUNTED
int __sanitizer_install_malloc_and_free_hooks(void (*)(const volatile void *,
						       size_t),
					      void (*)(const volatile void *));
size_t __sanitizer_get_allocated_size(const volatile void *);

static int heap_counting;
static size_t heap_now, heap_peak;

static void
heap_malloc(const volatile void *p, size_t size)
{
	(void)p;
	if (!heap_counting)
		return;
	heap_now += size;
	if (heap_now > heap_peak)
		heap_peak = heap_now;
}

static void
heap_free(const volatile void *p)
{
	if (heap_counting && p != NULL)
		heap_now -= __sanitizer_get_allocated_size(p);
}
#endif

/* The text made of open, n copies of item joined by sep, and close; with
 * no item, members "0":0 ... "<n-1 in hex>":0. */
static char *
repeat(const char *open, const char *item, const char *sep, const char *close,
       size_t n, size_t *len)
{
	struct buf b;
	size_t i;

	buf_init(&b);
	buf_adds(&b, open);
	for (i = 0; i < n; i++) {
		if (i > 0)
			buf_adds(&b, sep);
		if (item == NULL)
			buf_printf(&b, "\"%zx\":0", i);
		else
			buf_adds(&b, item);
	}
	buf_adds(&b, close);
	*len = b.len;
	return buf_take(&b);
}

#ifdef HEAP_COUNTED
/* Fails unless reading s (len bytes) holds at most JSON_BYTES_PER_BYTE
 * bytes per byte of it, besides the string being read (the shapes below
 * have a few bytes at most, in a buffer of 64), and leaves a tree
 * within it too. */
static void
heap_bounded(const char *what, const char *s, size_t len)
{
	struct json v;
	struct json_error err;
	size_t tree;

	heap_now = heap_peak = 0;
	heap_counting = 1;
	if (json_parse(s, len, &v, &err) != 0)
		fail_msg("%s: %d:%d: %s", what, err.line, err.col, err.msg);
	heap_counting = 0;
	tree = heap_now;
	json_free(&v);
	if (tree > JSON_BYTES_PER_BYTE * len ||
	    heap_peak > JSON_BYTES_PER_BYTE * len + 64)
		fail_msg("%s: %zu bytes of text, a tree of %zu bytes, %zu at "
			 "most while reading",
			 what, len, tree, heap_peak);
}
#endif

/* json.h's promise of memory linear in the text. The cheapest values in
 * a text are the dearest in memory: numbers and empty containers in long
 * arrays, short keys, deep nesting. */
static void
test_memory_bounded_by_text(void **state)
{
#ifdef HEAP_COUNTED
	enum { N = 100000, D = JSON_DEPTH_MAX };
	static const char *const items[] = {
	    "0",	   "[]",	"{}",
	    "\"\"",	   "[0]",	"[[]]",
	    "{\"\":0}",	   "{\"\":[]}", "{\"\":{\"\":[0]}}",
	    "\"\\u0000\"",
	};
	char deep_open[D + 1], deep_close[D + 1], nest[2 * D - 1], *s;
	size_t k, len;

	(void)state;
	assert_true(__sanitizer_install_malloc_and_free_hooks(heap_malloc,
							      heap_free) > 0);
	for (k = 0; k < sizeof items / sizeof items[0]; k++) {
		s = repeat("[", items[k], ",", "]", N, &len);
		heap_bounded(items[k], s, len);
		free(s);
	}
	/* Many short keys: the first pass's table of them. */
	s = repeat("{", NULL, ",", "}", N, &len);
	heap_bounded("keys", s, len);
	free(s);
	/* A long array as deep as allowed, and many nests that deep. */
	memset(deep_open, '[', D);
	memset(deep_close, ']', D);
	deep_open[D] = deep_close[D] = '\0';
	s = repeat(deep_open, "0", ",", deep_close, N, &len);
	heap_bounded("a deep array", s, len);
	free(s);
	memset(nest, '[', D - 1);
	memset(nest + D - 1, ']', D - 1);
	nest[2 * D - 2] = '\0';
	s = repeat("[", nest, ",", "]", N / 10, &len);
	heap_bounded("deep nests", s, len);
	free(s);
	__sanitizer_install_malloc_and_free_hooks(NULL, NULL);
#else
	(void)state;
	skip();
#endif
}

/* Every prefix of a valid document is refused without a crash or leak. */
static void
test_every_prefix(void **state)
{
	static const char doc[] =
	    "{\"format\":1,\"checkin\":[{\"day\":\"2026-11-01\",\"pain\":3,"
	    "\"note\":\"a\\n\\u00e9\\ud83d\\ude00\"}],\"x\":[true,false,null,"
	    "-1.5e-3]}";
	struct json v;
	struct json_error err;
	size_t n;

	(void)state;
	assert_int_equal(json_parse(doc, sizeof doc - 1, &v, &err), 0);
	json_free(&v);
	for (n = 0; n < sizeof doc - 1; n++) {
		char *s = xstrndup(doc, n);

		assert_int_equal(json_parse(s, n, &v, &err), -1);
		assert_true(err.line == 1 && err.col >= 1 &&
			    (size_t)err.col <= n + 1);
		assert_true(err.msg[0] != '\0');
		free(s);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_reads_values_and_places),
	    cmocka_unit_test(test_strings_exact),
	    cmocka_unit_test(test_syntax_refused_with_place),
	    cmocka_unit_test(test_strings_refused),
	    cmocka_unit_test(test_nul_bytes_refused),
	    cmocka_unit_test(test_deep_nesting),
	    cmocka_unit_test(test_numbers),
	    cmocka_unit_test(test_every_prefix),
	    cmocka_unit_test(test_many_keys_and_one_twice),
	    cmocka_unit_test(test_memory_bounded_by_text),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
