/*
 * Unit tests of fmt.h, the one CSV and JSON writer, and of the policy it
 * shares with util_escape(): which characters never reach a terminal raw.
 * JSON is parsed back with SQLite's json_extract, so "exact" means what a
 * JSON reader gets back.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fmt.h"
#include "util.h"

/* A note that would drive a terminal: OSC 0 (title), OSC 52 (clipboard),
 * ESC[2J, U+202E, U+0085 (C1), U+200E, U+061C, U+2066, DEL, a tab, a
 * newline, a quote and a comma. */
static const char hostile[] =
    "t\033]0;x\007c\033]52;c;aA==\007s\033[2J\xe2\x80\xae"
    "r\xc2\x85"
    "l\xe2\x80\x8e\xd8\x9c\xe2\x81\xa6\x7f\t\n\",e";

static void
test_unsafe_policy(void **state)
{
	static const uint32_t unsafe[] = {
	    0x00,   0x07,   0x1b,   0x1f,   0x7f,   0x80,
	    0x85,   0x9b,   0x9f,   0x61c,  0x200e, 0x200f,
	    0x2028, 0x2029, 0x202a, 0x202e, 0x2066, 0x2069};
	static const uint32_t safe[] = {' ',	'a',	'~',	0xa0,
					0xe9,	0x200d, 0x2030, 0x2065,
					0x206a, 0x4e2d, 0x1f600};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof unsafe / sizeof unsafe[0]; i++)
		assert_true(util_unsafe(unsafe[i]));
	for (i = 0; i < sizeof safe / sizeof safe[0]; i++)
		assert_false(util_unsafe(safe[i]));
}

/* Whether s holds a byte of ESC, BEL, DEL, or the UTF-8 of a C1 or a bidi
 * control. */
static int
has_raw_control(const char *s)
{
	size_t i = 0, len = strlen(s), n;
	uint32_t cp;

	while (i < len) {
		n = utf8_decode(s + i, len - i, &cp);
		if (n == 0)
			return 1;
		if (util_unsafe(cp))
			return 1;
		i += n;
	}
	return 0;
}

static void
test_escape_for_people(void **state)
{
	struct buf b;

	(void)state;
	buf_init(&b);
	util_escape(&b, hostile);
	assert_false(has_raw_control(b.data));
	assert_string_equal(b.data, "t\\e]0;x\\x07c\\e]52;c;aA==\\x07s\\e[2J"
				    "\\u{202E}r\\u{0085}l\\u{200E}\\u{061C}"
				    "\\u{2066}\\x7F\\t\\n\",e");
	buf_free(&b);
}

static void
test_csv_exact(void **state)
{
	struct buf b;

	(void)state;
	buf_init(&b);
	fmt_csv(&b, "plain text", FMT_CSV_EXACT);
	buf_addc(&b, '|');
	fmt_csv(&b, "a, \"b\"", FMT_CSV_EXACT);
	buf_addc(&b, '|');
	fmt_csv(&b, "", FMT_CSV_EXACT);
	buf_addc(&b, '|');
	fmt_csv(&b, "x\ry", FMT_CSV_EXACT);
	assert_string_equal(b.data, "plain text|\"a, \"\"b\"\"\"||\"x\ry\"");
	buf_free(&b);

	/* Exact: every byte of the note, quoted, its quote doubled. */
	buf_init(&b);
	fmt_csv(&b, hostile, FMT_CSV_EXACT);
	assert_int_equal(b.len, strlen(hostile) + 3);
	assert_memory_equal(b.data + 1, hostile, strlen(hostile) - 3);
	assert_string_equal(b.data + b.len - 6, "\n\"\",e\"");
	buf_free(&b);

	/* A length, not a NUL, ends the field. */
	buf_init(&b);
	fmt_csv_field(&b, "ab\0cd", 5, FMT_CSV_EXACT);
	assert_int_equal(b.len, 5);
	assert_memory_equal(b.data, "ab\0cd", 5);
	buf_free(&b);
}

static void
test_csv_terminal(void **state)
{
	struct buf b;

	(void)state;
	buf_init(&b);
	fmt_csv(&b, hostile, FMT_CSV_TERMINAL);
	assert_false(has_raw_control(b.data));
	assert_null(strchr(b.data, '\n'));
	assert_string_equal(b.data, "\"t\\e]0;x\\x07c\\e]52;c;aA==\\x07s\\e[2J"
				    "\\u{202E}r\\u{0085}l\\u{200E}\\u{061C}"
				    "\\u{2066}\\x7F\\t\\n\"\",e\"");
	buf_free(&b);

	buf_init(&b);
	fmt_csv(&b, "plain", FMT_CSV_TERMINAL);
	assert_string_equal(b.data, "plain");
	buf_free(&b);
}

static void
test_csv_for(void **state)
{
	FILE *f = tmpfile();

	(void)state;
	assert_non_null(f);
	assert_int_equal(fmt_csv_for(f), FMT_CSV_EXACT);
	fclose(f);
}

/* json_extract(json, path) by SQLite, as an allocated string. */
static char *
extract(const char *json, const char *path)
{
	sqlite3 *db;
	sqlite3_stmt *st;
	char *out = NULL;

	assert_int_equal(sqlite3_open(":memory:", &db), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(db, "SELECT json_extract(?1, ?2)",
					    -1, &st, NULL),
			 SQLITE_OK);
	sqlite3_bind_text(st, 1, json, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, path, -1, SQLITE_STATIC);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	if (sqlite3_column_text(st, 0) != NULL)
		out = xstrdup((const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	sqlite3_close(db);
	return out;
}

static void
test_json_string(void **state)
{
	struct buf b;
	char *back;

	(void)state;
	buf_init(&b);
	buf_adds(&b, "{\"n\":");
	fmt_json_string(&b, hostile);
	buf_adds(&b, ",\"z\":");
	fmt_json_string(&b, NULL);
	buf_addc(&b, '}');
	assert_false(has_raw_control(b.data));
	assert_non_null(strstr(b.data, "\\u001b]0;x\\u0007"));
	assert_non_null(strstr(b.data, "\\u202er\\u0085l\\u200e\\u061c"
				       "\\u2066\\u007f\\t\\n\\\",e\""));
	assert_non_null(strstr(b.data, "\"z\":null}"));
	back = extract(b.data, "$.n");
	assert_string_equal(back, hostile);
	free(back);
	buf_free(&b);

	/* A byte that is not UTF-8 shows as its own escape. */
	buf_init(&b);
	fmt_json_string(&b, "a\xff"
			    "b\xc3\xa9");
	assert_string_equal(b.data, "\"a\\u00ffb\xc3\xa9\"");
	buf_free(&b);
}

/* JSON made elsewhere (as SQLite writes it) keeps its syntax; the raw
 * controls in its strings become escapes, and the values read back the
 * same. */
static void
test_json_text(void **state)
{
	static const char in[] = "[{\"note\":\"a\xc2\x85"
				 "b\xe2\x80\xae"
				 "c\x7f\\n\\u001b\"},{\"k\":1}]";
	struct buf b;
	char *want, *got;

	(void)state;
	buf_init(&b);
	fmt_json_text(&b, in, strlen(in));
	assert_string_equal(b.data, "[{\"note\":\"a\\u0085b\\u202ec\\u007f"
				    "\\n\\u001b\"},{\"k\":1}]");
	want = extract(in, "$[0].note");
	got = extract(b.data, "$[0].note");
	assert_string_equal(got, want);
	free(want);
	free(got);
	buf_free(&b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_unsafe_policy),
	    cmocka_unit_test(test_escape_for_people),
	    cmocka_unit_test(test_csv_exact),
	    cmocka_unit_test(test_csv_terminal),
	    cmocka_unit_test(test_csv_for),
	    cmocka_unit_test(test_json_string),
	    cmocka_unit_test(test_json_text),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
