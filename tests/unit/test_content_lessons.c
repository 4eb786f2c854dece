/*
 * Unit tests for the pack's lessons and red flag revisions (issue 20): a
 * lesson loads with its sources, moments and practices; a practice of a
 * lesson is found by id like any other and says whose it is; and each
 * mistake is refused at its line and column. The lessons are appended to
 * BASE (content_test.h), so their lines start at 56.
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

/* Lines 56 to 71 after BASE's 55. */
static const char LESSONS[] =
    "lessons:\n"				/* 56 */
    "  - id: calm\n"				/* 57 */
    "    title: Calm\n"				/* 58 */
    "    text: Breathe.\n"			/* 59 */
    "    sources: [NICE NG59 2016]\n"		/* 60 */
    "    after: [flare, start:one, stop:two]\n" /* 61 */
    "    practices:\n"				/* 62 */
    "      - id: breathe\n"			/* 63 */
    "        title: Breathe\n"			/* 64 */
    "        minutes: 5\n"			/* 65 */
    "        per_day: 2\n"			/* 66 */
    "        steps: [in, out]\n"		/* 67 */
    "  - id: work\n"				/* 68 */
    "    title: Work\n"				/* 69 */
    "    text: Stay.\n"				/* 70 */
    "    sources: [A 2020, B 2021]\n";		/* 71 */

/* BASE and LESSONS, with the first `from` replaced by `to`. Allocated. */
static char *
lessons_edit(const char *from, const char *to)
{
	char *all = xasprintf("%s%s", BASE, LESSONS);
	char *out = replace(all, from, to);

	free(all);
	return out;
}

static void
test_lessons_load(void **state)
{
	char *text = lessons_edit("", "");
	struct pack *p = load_ok(text);
	const struct lesson *l;
	const struct practice *pr;

	(void)state;
	free(text);
	assert_int_equal(p->nlessons, 2);
	l = content_lesson(p, "calm");
	assert_ptr_equal(l, &p->lessons[0]);
	assert_string_equal(l->title, "Calm");
	assert_string_equal(l->text, "Breathe.");
	assert_int_equal(l->sources.n, 1);
	assert_string_equal(l->sources.v[0], "NICE NG59 2016");
	assert_int_equal(l->after.n, 3);
	assert_true(content_lesson_after(l, CONTENT_MOMENT_FLARE));
	assert_true(content_lesson_after(l, "start:one"));
	assert_true(content_lesson_after(l, "stop:two"));
	assert_false(content_lesson_after(l, "start:two"));
	assert_false(content_lesson_after(l, CONTENT_MOMENT_FIRST_WEEK));
	/* A lesson without after: is offered at no moment. */
	l = content_lesson(p, "work");
	assert_int_equal(l->sources.n, 2);
	assert_null(l->after.v);
	assert_int_equal(l->after.n, 0);
	assert_false(content_lesson_after(l, CONTENT_MOMENT_FLARE));
	assert_int_equal(l->npractices, 0);
	assert_null(content_lesson(p, "one"));
	assert_null(content_practice_any(p, "calm"));

	/* A lesson's practice is found by id and belongs to its lesson; the
	 * look-up the program uses for now finds the approaches' only. */
	assert_null(content_practice(p, "breathe"));
	pr = content_practice_any(p, "breathe");
	assert_ptr_equal(pr, &p->lessons[0].practices[0]);
	assert_int_equal(pr->minutes, 5);
	assert_int_equal(pr->per_day, 2);
	assert_int_equal(pr->steps.n, 2);
	assert_int_equal(pr->approach, CONTENT_NONE);
	assert_int_equal(pr->lesson, 0);
	pr = content_practice(p, "walk");
	assert_ptr_equal(content_practice_any(p, "walk"), pr);
	assert_int_equal(pr->approach, 0);
	assert_int_equal(pr->lesson, CONTENT_NONE);
	/* npractices counts the approaches' practices, as before. */
	assert_int_equal(p->npractices, 2);
	content_free(p);

	/* No lessons at all is fine. */
	p = load_ok(BASE);
	assert_int_equal(p->nlessons, 0);
	assert_null(p->lessons);
	assert_null(content_lesson(p, "calm"));
	content_free(p);
}

/* Moments may name an approach written after the lessons. */
static void
test_lessons_before_approaches(void **state)
{
	char *text = xasprintf("%s%s", LESSONS, BASE);
	struct pack *p = load_ok(text);

	(void)state;
	free(text);
	assert_true(content_lesson_after(&p->lessons[0], "start:one"));
	content_free(p);
}

static void
test_lesson_needs_sources(void **state)
{
	(void)state;
	only_error(lessons_edit("    sources: [A 2020, B 2021]\n", ""),
		   NAME ":68:5: missing key 'sources' in lesson");
	only_error(lessons_edit("sources: [A 2020, B 2021]", "sources: []"),
		   NAME ":71:14: expected at least 1 item in 'sources', got "
			"0");
	only_error(lessons_edit("sources: [A 2020, B 2021]", "sources: A 2020"),
		   NAME ":71:14: expected a list of strings for 'sources', "
			"got 'A 2020'");
	only_error(
	    lessons_edit("sources: [A 2020, B 2021]", "sources: [A 2020, ~]"),
	    NAME ":71:23: expected a string for 'sources', got null "
		 "('~')");
	has_error(lessons_edit("    sources: [A 2020, B 2021]\n",
			       "    source: A 2020\n"),
		  NAME ":68:5: missing key 'sources' in lesson");
	has_error(lessons_edit("    sources: [A 2020, B 2021]\n",
			       "    source: A 2020\n"),
		  NAME ":71:5: unknown key 'source' in lesson (did you mean "
		       "'sources'?)");
}

static void
test_lesson_fields(void **state)
{
	(void)state;
	only_error(lessons_edit("    text: Stay.\n", ""),
		   NAME ":68:5: missing key 'text' in lesson");
	only_error(lessons_edit("text: Stay.", "text: [Stay]"),
		   NAME ":70:11: expected a string for 'text', got a list");
	has_error(lessons_edit("title: Work", "titel: Work"),
		  NAME ":68:5: missing key 'title' in lesson");
	has_error(lessons_edit("title: Work", "titel: Work"),
		  NAME ":69:5: unknown key 'titel' in lesson (did you mean "
		       "'title'?)");
	only_error(lessons_edit("id: work", "id: Work"),
		   NAME ":68:9: expected an id (1 to 40 of a-z, 0-9 and -, "
			"not starting with -) for 'id', got 'Work'");
	has_error(lessons_edit("lessons:\n", "lessons: calm\nx:\n"),
		  NAME ":56:10: expected a list of lesson mappings for "
		       "'lessons', got 'calm'");
	only_error(lessons_edit("minutes: 5", "minutes: 0"),
		   NAME ":65:18: expected an integer from 1 to 180 for "
			"'minutes', got '0'");
	only_error(lessons_edit("    text: Stay.\n",
				"    text: Stay.\n    flare: true\n"),
		   NAME ":71:5: unknown key 'flare' in lesson");
}

static void
test_lesson_after(void **state)
{
	(void)state;
	only_error(lessons_edit("after: [flare,", "after: [flares,"),
		   NAME ":61:13: expected one of first-checkin, first-week, "
			"flare, start:APPROACH or stop:APPROACH for 'after', "
			"got 'flares'");
	only_error(lessons_edit("start:one", "start:twoo"),
		   NAME ":61:20: 'start:twoo' names no approach of the pack "
			"(did you mean 'start:two'?)");
	only_error(lessons_edit("stop:two", "stop:three"),
		   NAME ":61:31: 'stop:three' names no approach of the pack");
	only_error(lessons_edit("stop:two", "\"stop:\""),
		   NAME ":61:31: 'stop:' names no approach of the pack");
	only_error(lessons_edit("stop:two", "flare"),
		   NAME ":61:31: duplicate moment 'flare' (first at line 61, "
			"column 13)");
	only_error(
	    lessons_edit("after: [flare, start:one, stop:two]", "after: []"),
	    NAME ":61:12: expected 1 to 67 items in 'after', got 0");
	only_error(
	    lessons_edit("after: [flare, start:one, stop:two]", "after: flare"),
	    NAME ":61:12: expected a list of strings for 'after', got "
		 "'flare'");
	/* Every moment of the fixed set. */
	{
		char *text = lessons_edit(
		    "after: [flare, start:one, stop:two]",
		    "after: [first-checkin, first-week, flare, start:one, "
		    "stop:one, start:two, stop:two]");
		struct pack *p = load_ok(text);

		free(text);
		assert_int_equal(p->lessons[0].after.n, 7);
		assert_true(content_lesson_after(&p->lessons[0],
						 CONTENT_MOMENT_FIRST_CHECKIN));
		content_free(p);
	}
}

/* A lesson's id differs from every id of the pack; a lesson's practice
 * from every practice. */
static void
test_lesson_ids(void **state)
{
	(void)state;
	only_error(lessons_edit("id: work", "id: calm"),
		   NAME ":68:9: duplicate lesson id 'calm' (first at line 57, "
			"column 9)");
	only_error(lessons_edit("id: work", "id: one"),
		   NAME ":68:9: lesson id 'one' is already the id of an "
			"approach (line 26, column 9); a lesson's id must "
			"differ from every other id");
	only_error(lessons_edit("id: work", "id: numb"),
		   NAME ":68:9: lesson id 'numb' is already the id of a red "
			"flag (line 21, column 9); a lesson's id must differ "
			"from every other id");
	only_error(lessons_edit("id: work", "id: breathe"),
		   NAME ":68:9: lesson id 'breathe' is already the id of a "
			"practice (line 63, column 13); a lesson's id must "
			"differ from every other id");
	only_error(lessons_edit("id: breathe", "id: walk"),
		   NAME ":63:13: duplicate practice id 'walk' (first at line "
			"35, column 13)");
}

/* A red flag's revision: 1 unless the pack says more (issue 20). */
static void
test_red_flag_revision(void **state)
{
	struct pack *p;
	char *text;

	(void)state;
	p = load_ok(BASE);
	assert_int_equal(p->red_flags[0].revision, 1);
	content_free(p);
	text = edit("    advice: Go.\n", "    advice: Go.\n    revision: 2\n");
	p = load_ok(text);
	free(text);
	assert_int_equal(p->red_flags[0].revision, 2);
	content_free(p);
	only_error(
	    edit("    advice: Go.\n", "    advice: Go.\n    revision: 0\n"),
	    NAME ":25:15: expected an integer from 1 to 1000 for "
		 "'revision', got '0'");
	only_error(
	    edit("    advice: Go.\n", "    advice: Go.\n    revision: \"2\"\n"),
	    NAME ":25:15: expected an integer from 1 to 1000 for "
		 "'revision', got the quoted string '2'");
	only_error(
	    edit("    advice: Go.\n", "    advice: Go.\n    revison: 2\n"),
	    NAME ":25:5: unknown key 'revison' in red flag (did you mean "
		 "'revision'?)");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_lessons_load),
	    cmocka_unit_test(test_lessons_before_approaches),
	    cmocka_unit_test(test_lesson_needs_sources),
	    cmocka_unit_test(test_lesson_fields),
	    cmocka_unit_test(test_lesson_after),
	    cmocka_unit_test(test_lesson_ids),
	    cmocka_unit_test(test_red_flag_revision),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
