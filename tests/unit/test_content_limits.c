/*
 * Unit tests for the pack loader's limits on the file itself, before any
 * field is read: YAML syntax, size, depth, node count, UTF-8, anchors and
 * tags, duplicate keys, the number of documents and the format version.
 * Hostile input must end in a clear error at the right place, never a crash.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "content_test.h"

static void
test_foreign_tag(void **state)
{
	char *text;

	(void)state;
	only_error(edit("title: T", "title: !secret T"),
		   NAME ":3:8: tag '!secret' is not allowed (only the YAML "
			"core tags are)");
	/* Core tags are fine where they fit, and wrong where they do not. */
	only_error(edit("title: T", "title: !!int 12"),
		   NAME ":3:8: expected a string for 'title', got '12' tagged "
			"!!int");
	text = edit("title: T", "title: !!str 12");
	content_free(load_ok(text));
	free(text);
}

static void
test_duplicate_key(void **state)
{
	(void)state;
	/* At the second key, and only the first value is read. */
	only_error(edit("per_day: 1\n", "per_day: 1\n        per_day: 2\n"),
		   NAME ":39:9: duplicate key 'per_day' (first at line 38, "
			"column 9)");
	only_error(edit("{value: 0, label: none}",
			"{value: 0, label: none, value: 0}"),
		   NAME ":17:31: duplicate key 'value' (first at line 17, "
			"column 8)");
}

static void
test_anchors_and_aliases(void **state)
{
	struct content_errors e;

	(void)state;
	load_bad(edit("summary: S.\n    model: M.\n    suits: [all]",
		      "summary: &s S.\n    model: M.\n    suits: [*s]"),
		 &e);
	assert_int_equal(e.n, 2);
	assert_string_equal(e.v[0], NAME ":28:14: anchor &s is not allowed "
					 "(no anchors or aliases)");
	assert_string_equal(e.v[1], NAME ":30:13: alias *s is not allowed "
					 "(no anchors or aliases)");
	content_errors_free(&e);
}

static void
test_too_deep(void **state)
{
	struct buf b;
	int i;

	(void)state;
	/* 32 levels are allowed (the top mapping is the first). */
	buf_init(&b);
	buf_adds(&b, "language: en\nzzz: ");
	for (i = 0; i < CONTENT_MAX_DEPTH - 1; i++)
		buf_addc(&b, '[');
	for (i = 0; i < CONTENT_MAX_DEPTH - 1; i++)
		buf_addc(&b, ']');
	buf_addc(&b, '\n');
	only_error(edit("language: en\n", b.data),
		   NAME ":5:1: unknown key 'zzz' in the pack");
	buf_free(&b);
	buf_adds(&b, "language: en\nzzz: ");
	for (i = 0; i < CONTENT_MAX_DEPTH; i++)
		buf_addc(&b, '[');
	for (i = 0; i < CONTENT_MAX_DEPTH; i++)
		buf_addc(&b, ']');
	buf_addc(&b, '\n');
	only_error(edit("language: en\n", b.data),
		   NAME ":5:37: nested deeper than 32 levels");
	buf_free(&b);
}

static void
test_too_big(void **state)
{
	char *text = xmalloc(CONTENT_MAX_BYTES + 2);

	(void)state;
	memset(text, '#', CONTENT_MAX_BYTES + 1);
	text[CONTENT_MAX_BYTES + 1] = '\0';
	only_error(text, NAME ":1:1: the file is larger than 1048576 bytes "
			      "(1 MiB)");
	/* Exactly the limit is read (and here holds only a comment). */
	text = xmalloc(CONTENT_MAX_BYTES + 1);
	memset(text, '#', CONTENT_MAX_BYTES);
	text[CONTENT_MAX_BYTES] = '\0';
	only_error(text, NAME ":1:1: the file is empty; a pack is a YAML "
			      "mapping");
}

static void
test_bad_utf8(void **state)
{
	(void)state;
	/* Column in characters, as libyaml counts them: é is one. */
	only_error(edit("title: T", "title: \xc3\xa9t\xe9"),
		   NAME ":3:10: invalid UTF-8 (byte 0xE9); the file must be "
			"UTF-8");
	only_error(edit("about: A.", "about: \xed\xa0\x80"),
		   NAME ":5:8: invalid UTF-8 (byte 0xED); the file must be "
			"UTF-8");
	/* A control character that libyaml finds is placed by us. */
	only_error(edit("about: A.", "about: A\x01"),
		   NAME ":5:9: invalid YAML: control characters are not "
			"allowed (character U+0001)");
	/* An escape sequence in a quoted string would reach the terminal. */
	only_error(edit("title: T", "title: \"\\e[2J\""),
		   NAME ":3:8: control character U+001B in 'title' is not "
			"allowed");
}

static void
test_several_documents(void **state)
{
	(void)state;
	only_error(edit("format: 1\n", "---\nformat: 1\n...\n---\nx: 1\n"),
		   NAME ":4:1: a second YAML document; the file must hold "
			"exactly one");
}

static void
test_empty(void **state)
{
	(void)state;
	only_error(xstrdup(""),
		   NAME ":1:1: the file is empty; a pack is a YAML mapping");
	only_error(xstrdup("# nothing here\n\n"),
		   NAME ":1:1: the file is empty; a pack is a YAML mapping");
	only_error(xstrdup("- a\n"),
		   NAME ":1:1: expected a mapping (the pack) at the top of the "
			"file, got a list");
}

static void
test_newer_format(void **state)
{
	(void)state;
	/* Said alone: the unknown keys of a newer format are not listed. */
	only_error(edit("format: 1\n", "format: 2\nnew_thing: 1\n"),
		   NAME ":1:9: pack format '2' is newer than this backpain "
			"reads (1); the pack needs a newer backpain");
	only_error(edit("format: 1", "format: 0"),
		   NAME ":1:9: expected the integer 1 for 'format', got '0'");
}

static void
test_syntax_error(void **state)
{
	(void)state;
	/* libyaml's own position and words, after our file:line:column. */
	only_error(edit("steps: [do]", "steps: [do"),
		   NAME ":34:14: invalid YAML: did not find expected ',' or "
			"']' (while parsing a flow sequence at line 33, column "
			"12)");
}

static void
test_too_many_nodes(void **state)
{
	struct buf b;
	size_t i;

	(void)state;
	/* "?" is a mapping entry with an empty key and value: two events. */
	buf_init(&b);
	for (i = 0; i < CONTENT_MAX_BYTES / 2 - 8; i++)
		buf_adds(&b, "?\n");
	has_error(buf_take(&b), NAME ":500000:1: more than 1000000 YAML parse "
				     "events; the file is refused as too "
				     "complex");
}

static void
test_unreadable(void **state)
{
	struct content_errors e;
	struct pack *p = NULL;

	(void)state;
	assert_int_equal(content_load_file("/nonexistent/pack.yaml", &p, &e),
			 CONTENT_UNREADABLE);
	assert_null(p);
	assert_int_equal(e.n, 1);
	assert_string_equal(e.v[0], "/nonexistent/pack.yaml: cannot read: No "
				    "such file or directory");
	content_errors_free(&e);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_foreign_tag),
	    cmocka_unit_test(test_duplicate_key),
	    cmocka_unit_test(test_anchors_and_aliases),
	    cmocka_unit_test(test_too_deep),
	    cmocka_unit_test(test_too_big),
	    cmocka_unit_test(test_bad_utf8),
	    cmocka_unit_test(test_several_documents),
	    cmocka_unit_test(test_empty),
	    cmocka_unit_test(test_newer_format),
	    cmocka_unit_test(test_syntax_error),
	    cmocka_unit_test(test_too_many_nodes),
	    cmocka_unit_test(test_unreadable),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
