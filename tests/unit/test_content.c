/*
 * Unit tests for the pack loader: the real guide loads with the expected
 * shape, and each class of error in content/README.md is reported once, at
 * its exact line and column. Error cases edit one line of a small inline
 * pack, so the positions below can be read off BASE.
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

/* Indentation of a line, or -1 for a blank or comment line. */
static int
indent(const char *line)
{
	size_t n = strspn(line, " ");

	return line[n] == '\n' || line[n] == '#' || line[n] == '\0' ? -1
								    : (int)n;
}

/*
 * Practices of approaches in guide.yaml, counted without the loader: the
 * "      - id:" lines under an approach's "    practices:" key, up to the
 * next line indented 4 or less, within the top-level "approaches:" (a
 * lesson's practices are not counted in npractices).
 */
static size_t
count_practices(const char *text)
{
	const char *line = text;
	size_t n = 0;
	int in = 0, approaches = 0, ind;

	while (line != NULL && *line != '\0') {
		ind = indent(line);
		if (ind == 0)
			approaches = strncmp(line, "approaches:", 11) == 0;
		if (ind >= 0 && ind <= 4)
			in = approaches &&
			     strncmp(line, "    practices:", 14) == 0;
		else if (in && strncmp(line, "      - id:", 11) == 0)
			n++;
		line = strchr(line, '\n');
		if (line != NULL)
			line++;
	}
	return n;
}

static char *
guide_path(void)
{
	const char *top = getenv("TOP");

	/* tests/run.sh sets TOP; make check runs from the top directory. */
	return xasprintf("%s/content/guide.yaml", top != NULL ? top : ".");
}

static void
test_guide_loads(void **state)
{
	static const char *const order[] = {
	    "mind-body",	   "foundation-training", "movement-rewiring",
	    "targeted-stretching", "acupressure-mat",	  "expert-help"};
	struct content_errors e;
	struct pack *p = NULL;
	char *path = guide_path(), *text;
	size_t i, len;
	FILE *f;

	(void)state;
	f = fopen(path, "r");
	if (f == NULL)
		fail_msg("cannot open %s (run from the top directory)", path);
	text = xcalloc(1, CONTENT_MAX_BYTES + 1);
	len = fread(text, 1, CONTENT_MAX_BYTES, f);
	fclose(f);
	if (content_load_file(path, &p, &e) != CONTENT_OK) {
		dump(&e);
		fail_msg("%s does not load", path);
	}
	assert_int_equal(e.n, 0);
	assert_int_equal(p->format, CONTENT_FORMAT);
	assert_int_equal(p->napproaches, 6);
	for (i = 0; i < p->napproaches; i++) {
		assert_string_equal(p->approaches[i].id, order[i]);
		assert_int_equal(content_approach_index(p, order[i]), (int)i);
	}
	assert_true(count_practices(text) > 0);
	assert_int_equal(p->npractices, count_practices(text));
	assert_true(p->nred_flags >= 1);
	assert_int_equal(p->pain_scale.anchors[0].value, 0);
	assert_int_equal(
	    p->pain_scale.anchors[p->pain_scale.nanchors - 1].value, 10);
	/* The mat is a flare-up tool tried for a day or two (issue 10); the
	 * others settle in for the default 7 days. */
	assert_int_equal(p->approaches[4].flare_tool, 1);
	assert_int_equal(p->approaches[4].trial_days, 2);
	for (i = 0; i < p->napproaches; i++) {
		assert_int_equal(p->approaches[i].settle_days, 0);
		if (i != 4)
			assert_int_equal(p->approaches[i].flare_tool, 0);
	}
	content_free(p);
	content_errors_free(&e);

	/* The copy built into the program is the same file. */
	assert_int_equal(content_default_pack_len, len);
	assert_memory_equal(content_default_pack, text, len);
	assert_int_equal(content_load_default(&p, &e), CONTENT_OK);
	assert_int_equal(p->napproaches, 6);
	content_free(p);
	content_errors_free(&e);
	free(text);
	free(path);
}

static void
test_base_loads(void **state)
{
	struct pack *p = load_ok(BASE);
	const struct practice *pr;
	const struct question *q;

	(void)state;
	assert_int_equal(p->napproaches, 2);
	assert_int_equal(p->npractices, 2);
	assert_int_equal(p->nquestions, 1);
	assert_int_equal(p->approaches[0].trial_days, 28);
	assert_int_equal(p->approaches[1].trial_days, 0);
	assert_int_equal(p->approaches[0].wildcard, 0);
	assert_int_equal(p->approaches[1].wildcard, 1);
	assert_int_equal(p->approaches[0].settle_days, 0);
	assert_int_equal(p->approaches[0].flare_tool, 0);
	assert_int_equal(p->approaches[1].effort, EFFORT_HIGH);
	assert_int_equal(p->red_flags[0].urgency, URGENCY_EMERGENCY);
	assert_null(p->red_flags[0].source);
	pr = content_practice(p, "bend");
	assert_non_null(pr);
	assert_int_equal(pr->minutes, 10);
	assert_int_equal(pr->per_day, 2);
	assert_int_equal(pr->approach, 1);
	q = content_question(p, "where");
	assert_non_null(q);
	assert_int_equal(q->choices.n, 3);
	assert_string_equal(q->warn_if, "more");
	assert_int_equal(q->approach, 0);
	assert_non_null(content_red_flag(p, "numb"));
	assert_null(content_approach(p, "three"));
	assert_null(content_practice(p, "walk2"));
	assert_int_equal(content_approach_index(p, "nope"), -1);
	assert_int_equal(p->interference_scale.nanchors, 3);
	assert_string_equal(p->interference_scale.anchors[1].label, "some");
	assert_string_equal(content_effort_name(EFFORT_MEDIUM), "medium");
	assert_string_equal(content_urgency_name(URGENCY_SOON), "soon");
	assert_string_equal(content_resource_kind_name(RESOURCE_PRODUCT),
			    "product");
	content_free(p);
}

static void
test_unknown_key(void **state)
{
	(void)state;
	only_error(edit("    summary: S.\n    model: M.\n    suits: [all]",
			"    summary: S.\n    model: M.\n    suits: [all]\n"
			"    sumary: X."),
		   NAME ":31:5: unknown key 'sumary' in approach (did you "
			"mean 'summary'?)");
	only_error(edit("language: en\n", "language: en\ncolour: red\n"),
		   NAME ":5:1: unknown key 'colour' in the pack");
}

static void
test_missing_key(void **state)
{
	(void)state;
	/* At the start of the mapping that lacks it. */
	only_error(edit("    title: One\n", ""),
		   NAME ":26:5: missing key 'title' in approach");
	only_error(edit("    question: Numb?\n    urgency: emergency\n", ""),
		   NAME ":21:5: missing keys 'question' and 'urgency' in red "
			"flag");
}

static void
test_wrong_type(void **state)
{
	(void)state;
	only_error(edit("suits: [all]", "suits: all"),
		   NAME ":30:12: expected a list of strings for 'suits', got "
			"'all'");
	only_error(edit("title: One", "title: [One]"),
		   NAME ":27:12: expected a string for 'title', got a list");
	only_error(edit("onboarding:\n  injury_question: Q?\n"
			"  injury_advice: A.\n  usual_pain_question: U?\n",
			"onboarding: [a, b]\n"),
		   NAME ":7:13: expected a mapping for 'onboarding', got a "
			"list");
	has_error(edit("approaches:\n", "approaches: x\nzzz:\n"),
		  NAME ":25:13: expected a list of approach mappings for "
		       "'approaches', got 'x'");
	only_error(edit("title: T", "title: ~"),
		   NAME ":3:8: expected a string for 'title', got null ('~')");
	only_error(edit("title: T", "title:"),
		   NAME ":3:7: expected a string for 'title', got an empty "
			"value");
	only_error(edit("effort: low", "effort: hard"),
		   NAME ":31:13: expected one of low, medium, high for "
			"'effort', got 'hard'");
	only_error(edit("wildcard: true", "wildcard: yes"),
		   NAME ":52:15: expected true or false for 'wildcard', got "
			"'yes'");
	only_error(edit("id: one", "id: One_1"),
		   NAME ":26:9: expected an id (1 to 40 of a-z, 0-9 and -, "
			"not starting with -) for 'id', got 'One_1'");
}

static void
test_quoted_integer(void **state)
{
	(void)state;
	only_error(edit("minutes: 20", "minutes: \"20\""),
		   NAME ":37:18: expected an integer from 1 to 180 for "
			"'minutes', got the quoted string '20'");
	only_error(edit("minutes: 20", "minutes: 1.5"),
		   NAME ":37:18: expected an integer from 1 to 180 for "
			"'minutes', got '1.5'");
	/* YAML 1.1 would read 020 as octal: refused rather than guessed. */
	only_error(edit("minutes: 20", "minutes: 020"),
		   NAME ":37:18: expected an integer from 1 to 180 for "
			"'minutes', got '020'");
}

static void
test_not_a_scalar(void **state)
{
	(void)state;
	only_error(edit("minutes: 20", "minutes: {a: 1}"),
		   NAME ":37:18: expected an integer from 1 to 180 for "
			"'minutes', got a mapping");
	only_error(edit("steps: [do]", "steps: [do, [it]]"),
		   NAME ":33:17: expected a string for 'steps', got a list");
}

static void
test_out_of_range(void **state)
{
	(void)state;
	only_error(edit("minutes: 20", "minutes: 200"),
		   NAME ":37:18: expected an integer from 1 to 180 for "
			"'minutes', got '200'");
	only_error(edit("per_day: 1", "per_day: 0"),
		   NAME ":38:18: expected an integer from 1 to 12 for "
			"'per_day', got '0'");
	only_error(edit("trial_days: 28", "trial_days: 366"),
		   NAME ":32:17: expected an integer from 1 to 365 for "
			"'trial_days', got '366'");
	only_error(edit("trial_days: 28", "trial_days: 28\n    settle_days: 0"),
		   NAME ":33:18: expected an integer from 1 to 60 for "
			"'settle_days', got '0'");
	only_error(
	    edit("trial_days: 28", "trial_days: 28\n    settle_days: 61"),
	    NAME ":33:18: expected an integer from 1 to 60 for "
		 "'settle_days', got '61'");
	only_error(edit("{value: 5,", "{value: 11,"),
		   NAME ":18:15: expected an integer from 0 to 10 for "
			"'value', got '11'");
	only_error(edit("minutes: 20", "minutes: 99999999999999999999"),
		   NAME ":37:18: expected an integer from 1 to 180 for "
			"'minutes', got '99999999999999999999'");
}

static void
test_duplicate_ids(void **state)
{
	(void)state;
	only_error(edit("id: two", "id: one"),
		   NAME ":46:9: duplicate approach id 'one' (first at line "
			"26, column 9)");
	/* Practice and question ids are unique across approaches. */
	only_error(edit("{id: bend,", "{id: walk,"),
		   NAME ":55:14: duplicate practice id 'walk' (first at line "
			"35, column 13)");
	only_error(edit("    wildcard: true\n",
			"    wildcard: true\n"
			"    questions: [{id: where, text: T, choices: [a, "
			"b]}]\n"),
		   NAME ":53:22: duplicate question id 'where' (first at line "
			"41, column 13)");
	only_error(edit("approaches:\n", "  - id: numb\n    question: Q\n"
					 "    urgency: soon\n    advice: A\n"
					 "approaches:\n"),
		   NAME ":25:9: duplicate red flag id 'numb' (first at line "
			"21, column 9)");
}

static void
test_warn_if(void **state)
{
	(void)state;
	only_error(edit("warn_if: more", "warn_if: worse"),
		   NAME ":44:18: 'warn_if' must be one of the choices, got "
			"'worse'");
	only_error(edit("        warning: Stop.\n", ""),
		   NAME ":44:18: 'warn_if' needs a 'warning' to show");
	only_error(edit("        warn_if: more\n", ""),
		   NAME ":44:18: 'warning' needs a 'warn_if' (the answer that "
			"shows it)");
}

/* A red flag's yes holds the approaches back unless the pack says not;
 * an emergency flag may not say so (issue 11). */
static void
test_red_flag_holds(void **state)
{
	struct pack *p;
	char *text;

	(void)state;
	p = load_ok(BASE);
	assert_int_equal(p->red_flags[0].holds, 1);
	content_free(p);
	text = edit("    urgency: emergency\n",
		    "    urgency: soon\n    holds: false\n");
	p = load_ok(text);
	free(text);
	assert_int_equal(p->red_flags[0].holds, 0);
	content_free(p);
	only_error(edit("    urgency: emergency\n",
			"    urgency: emergency\n    holds: false\n"),
		   NAME ":24:12: an emergency red flag always holds the "
			"approaches back: remove 'holds: false' or make it "
			"'urgency: soon'");
}

static void
test_scale_anchors(void **state)
{
	(void)state;
	only_error(edit("{value: 5,", "{value: 0,"),
		   NAME ":18:15: anchor values must increase: 0 after 0");
	only_error(edit("{value: 0, label: none}", "{value: 1, label: none}"),
		   NAME ":17:15: the first anchor must have value 0, got 1");
	only_error(edit("{value: 10, label: all}", "{value: 9, label: all}"),
		   NAME ":19:15: the last anchor must have value 10, got 9");
	/* One anchor is too few, and cannot be both first and last. */
	has_error(edit("[{value: 0, label: no}, ", "["),
		  NAME ":13:12: expected 2 to 11 items in 'anchors', got 1");
}

static void
test_duplicate_choices(void **state)
{
	(void)state;
	only_error(edit("[less, same, more]", "[less, more, more]"),
		   NAME ":43:31: duplicate choice 'more' (first at line 43, "
			"column 25)");
	only_error(edit("[less, same, more]", "[more]"),
		   NAME ":43:18: expected 2 to 8 items in 'choices', got 1");
}

static void
test_several_errors(void **state)
{
	struct content_errors e;
	char *a, *b;

	(void)state;
	/* Four problems far apart, all reported, in file order. */
	a = edit("minutes: 20", "minutes: 0");
	b = replace(a, "title: T", "titel: T");
	free(a);
	a = replace(b, "effort: high", "effort: huge");
	free(b);
	load_bad(a, &e);
	assert_int_equal(e.n, 4);
	assert_int_equal(e.dropped, 0);
	assert_string_equal(e.v[0], NAME ":1:1: missing key 'title' in the "
					 "pack");
	assert_string_equal(e.v[1], NAME ":3:1: unknown key 'titel' in the "
					 "pack (did you mean 'title'?)");
	assert_string_equal(e.v[2], NAME ":37:18: expected an integer from 1 "
					 "to 180 for 'minutes', got '0'");
	assert_string_equal(e.v[3], NAME ":51:13: expected one of low, "
					 "medium, high for 'effort', got "
					 "'huge'");
	content_errors_free(&e);
}

static void
test_error_cap(void **state)
{
	struct content_errors e;
	struct buf b;
	int i;

	(void)state;
	buf_init(&b);
	for (i = 0; i < CONTENT_MAX_ERRORS + 5; i++)
		buf_printf(&b, "extra%d: 1\n", i);
	buf_adds(&b, BASE);
	load_bad(buf_take(&b), &e);
	assert_int_equal(e.n, CONTENT_MAX_ERRORS);
	assert_int_equal(e.dropped, 5);
	/* The ones kept are the first in the file. */
	assert_string_equal(e.v[0], NAME ":1:1: unknown key 'extra0' in the "
					 "pack");
	assert_string_equal(e.v[CONTENT_MAX_ERRORS - 1],
			    NAME ":20:1: unknown key 'extra19' in the pack");
	content_errors_free(&e);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_guide_loads),
	    cmocka_unit_test(test_base_loads),
	    cmocka_unit_test(test_unknown_key),
	    cmocka_unit_test(test_missing_key),
	    cmocka_unit_test(test_wrong_type),
	    cmocka_unit_test(test_quoted_integer),
	    cmocka_unit_test(test_not_a_scalar),
	    cmocka_unit_test(test_out_of_range),
	    cmocka_unit_test(test_duplicate_ids),
	    cmocka_unit_test(test_warn_if),
	    cmocka_unit_test(test_red_flag_holds),
	    cmocka_unit_test(test_scale_anchors),
	    cmocka_unit_test(test_duplicate_choices),
	    cmocka_unit_test(test_several_errors),
	    cmocka_unit_test(test_error_cap),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
