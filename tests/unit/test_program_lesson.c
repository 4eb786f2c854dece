/*
 * Unit tests of issue 20 in the program: a safety answer given to an
 * earlier revision of its question (stale: it keeps its effect, is shown
 * as such and makes the re-check due), the lessons offered at the moments
 * their after: names (program_lessons_load(), the one rule of the offers),
 * read and put off, and a lesson's practice logged and listed like any
 * other. A real SQLite log in a temporary directory and the small pack
 * below; "today" is passed in.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>
#include <unistd.h>

#include "content.h"
#include "expect.h"
#include "program_fixture.h"
#include "program.h"
#include "review.h"
#include "store.h"
#include "util.h"

#define TODAY "2026-11-24"

static const char pack_text[] =
    "format: 1\n"
    "id: lesson-test\n"
    "title: T\n"
    "language: en\n"
    "about: A.\n"
    "disclaimer: D.\n"
    "onboarding: {injury_question: Q?, injury_advice: A., "
    "usual_pain_question: U?}\n"
    "pain_scale: {question: P?, anchors: [{value: 0, label: none}, "
    "{value: 10, label: worst}]}\n"
    "interference_scale: {question: I?, anchors: [{value: 0, label: none}, "
    "{value: 10, label: all}]}\n"
    "red_flags:\n"
    "  - {id: numb, question: Newly numb?, urgency: emergency, advice: Go., "
    "revision: 2}\n"
    "  - {id: legs, question: New leg weakness?, urgency: soon, advice: "
    "See., revision: 2}\n"
    "  - {id: fever, question: Fever?, urgency: soon, advice: See.}\n"
    "approaches:\n"
    "  - {id: alpha, title: Alpha, summary: S., model: M., suits: [a], "
    "effort: low, trial_days: 7, steps: [s],\n"
    "     practices: [{id: walk, title: W, minutes: 10, per_day: 1, "
    "steps: [w]}]}\n"
    "  - {id: beta, title: Beta, summary: S., model: M., suits: [a], "
    "effort: low, trial_days: 14, steps: [s]}\n"
    "lessons:\n"
    "  - {id: hurt, title: Hurt, text: H., sources: [S], after: "
    "[start:alpha, start:beta]}\n"
    "  - {id: plan, title: Plan, text: P., sources: [S], after: [flare]}\n"
    "  - {id: pace, title: Pace, text: Pa., sources: [S], after: "
    "[first-week, stop:alpha]}\n"
    "  - {id: nice, title: Nice, text: N., sources: [S], after: "
    "[first-checkin]}\n"
    "  - {id: calm, title: Calm, text: C., sources: [S],\n"
    "     practices: [{id: breathe, title: B, minutes: 5, per_day: 2, "
    "steps: [b]}]}\n";

static int
setup(void **state)
{
	return fx_open(state, pack_text, sizeof pack_text - 1);
}

/* An answer of the first revision, as a log from before revisions has. */
/* Answers are stamped by the real clock, after TODAY: from TODAY's view a
 * clock that was ahead, which makes the re-check due. Given on TODAY
 * instead (of one second, the later written is the latest). */
static void
on_today(const struct fx *fx)
{
	fx_sql(fx, "UPDATE screening SET asked_at = '" TODAY "T12:00:00+00:00'"
		   " WHERE asked_at > '" TODAY "T12:00:00+00:00'");
}

static void
old_answer(struct fx *fx, const char *flag, int yes)
{
	char *cause = NULL;

	expect_ok(store_screening_add(fx->store, flag, yes, 1, &cause), &cause);
	on_today(fx);
}

static void
answer(struct fx *fx, const char *flag, int yes)
{
	char *cause = NULL;

	expect_ok(program_screening(fx->pack, fx->store, flag, yes, &cause),
		  &cause);
	on_today(fx);
}

static void
safety(struct fx *fx, const char *today, struct program_safety *s)
{
	char *cause = NULL;

	expect_ok(program_safety_load(fx->pack, fx->store, today, s, &cause),
		  &cause);
}

/* A yes given to an earlier wording still holds, is stale and makes the
 * re-check due; answered anew it is current. */
static void
test_stale_yes_holds(void **state)
{
	struct fx *fx = *state;
	struct program_safety s;
	char *cause = NULL;

	old_answer(fx, "numb", 1);
	answer(fx, "legs", 0);
	answer(fx, "fever", 0);
	safety(fx, TODAY, &s);
	assert_int_equal(s.flags[0].state, PROGRAM_FLAG_HOLDS);
	assert_true(s.flags[0].stale);
	assert_false(s.flags[1].stale);
	assert_false(s.flags[2].stale);
	assert_int_equal(s.holding, 1);
	assert_int_equal(s.stale, 1);
	assert_true(s.recheck_due);
	assert_int_equal(program_safety_allows(&s, &cause), PROGRAM_REFUSED);
	free(cause);
	cause = NULL;
	program_safety_free(&s);
	/* A doctor's check of it still counts. */
	expect_ok(program_screening_checked(fx->pack, fx->store, "numb", TODAY,
					    TODAY, &cause),
		  &cause);
	safety(fx, TODAY, &s);
	assert_int_equal(s.flags[0].state, PROGRAM_FLAG_CHECKED);
	assert_true(s.flags[0].stale);
	assert_true(s.recheck_due);
	assert_int_equal(program_safety_allows(&s, &cause), 0);
	program_safety_free(&s);
	/* Answered to the question as it is now: no longer stale. */
	answer(fx, "numb", 1);
	safety(fx, TODAY, &s);
	assert_int_equal(s.flags[0].state, PROGRAM_FLAG_HOLDS);
	assert_false(s.flags[0].stale);
	assert_int_equal(s.stale, 0);
	assert_false(s.recheck_due);
	program_safety_free(&s);
}

/* An old no counts as answered, so a start goes through, but the re-check
 * is due; a flag whose question did not change is never stale. */
static void
test_stale_no(void **state)
{
	struct fx *fx = *state;
	struct program_safety s;
	struct program_today t;
	char *cause = NULL;

	old_answer(fx, "numb", 0);
	old_answer(fx, "legs", 0);
	old_answer(fx, "fever", 0);
	safety(fx, TODAY, &s);
	assert_int_equal(s.unanswered, 0);
	assert_int_equal(s.flags[0].state, PROGRAM_FLAG_NO);
	assert_true(s.flags[0].stale);
	assert_true(s.flags[1].stale);
	assert_false(s.flags[2].stale);
	assert_int_equal(s.stale, 2);
	assert_true(s.recheck_due);
	assert_int_equal(program_safety_allows(&s, &cause), 0);
	program_safety_free(&s);
	expect_ok(
	    program_start(fx->pack, fx->store, "alpha", TODAY, NULL, &cause),
	    &cause);
	/* The re-check is the next thing once checked in. */
	expect_ok(store_profile_set(fx->store, "onboarded", TODAY, &cause),
		  &cause);
	{
		struct checkin c = {.pain = 3, .interference = ENTRY_NONE};

		memcpy(c.day, TODAY, DAY_LEN);
		expect_ok(store_checkin_put(fx->store, &c, NULL, 0, NULL, 0,
					    NULL, NULL, &cause),
			  &cause);
	}
	expect_ok(program_today_load(fx->pack, fx->store, TODAY, &t, &cause),
		  &cause);
	assert_int_equal(t.next, PROGRAM_NEXT_RECHECK);
	program_today_free(&t);
	answer(fx, "numb", 0);
	answer(fx, "legs", 0);
	safety(fx, TODAY, &s);
	assert_int_equal(s.stale, 0);
	assert_false(s.recheck_due);
	program_safety_free(&s);
}

static void
lessons(struct fx *fx, const char *today, struct program_lessons *ls)
{
	char *cause = NULL;

	expect_ok(program_lessons_load(fx->pack, fx->store, today, ls, &cause),
		  &cause);
}

/* The moments lesson i is offered at today, "a b", or "-" when none. */
static void
expect_offer(struct fx *fx, const char *today, size_t i, const char *want)
{
	struct program_lessons ls;
	struct buf b;
	size_t k;

	lessons(fx, today, &ls);
	buf_init(&b);
	for (k = 0; k < ls.lessons[i].nmoments; k++)
		buf_printf(&b, "%s%s", k > 0 ? " " : "",
			   ls.lessons[i].moments[k]);
	if (b.len == 0)
		buf_adds(&b, "-");
	if (strcmp(b.data, want) != 0)
		fail_msg("%s on %s: offered at '%s', want '%s'",
			 ls.lessons[i].lesson->id, today, b.data, want);
	buf_free(&b);
	program_lessons_free(&ls);
}

enum { HURT, PLAN, PACE, NICE, CALM };

static void
checkin(struct fx *fx, const char *day)
{
	struct checkin c = {.pain = 4, .interference = ENTRY_NONE};
	char *cause = NULL;

	memcpy(c.day, day, DAY_LEN);
	expect_ok(store_checkin_put(fx->store, &c, NULL, 0, NULL, 0, NULL, NULL,
				    &cause),
		  &cause);
}

/* first-checkin from the first check-in's day, first-week seven days
 * later; both stand until read or put off. */
static void
test_offer_first_checkin_and_week(void **state)
{
	struct fx *fx = *state;
	char *cause = NULL;

	expect_offer(fx, TODAY, NICE, "-");
	checkin(fx, "2026-11-10");
	expect_offer(fx, "2026-11-09", NICE, "-");
	expect_offer(fx, "2026-11-10", NICE, "first-checkin");
	expect_offer(fx, "2026-11-16", PACE, "-");
	expect_offer(fx, "2026-11-17", PACE, "first-week");
	expect_ok(
	    program_lesson_dismiss(fx->pack, fx->store, "pace", TODAY, &cause),
	    &cause);
	expect_offer(fx, TODAY, PACE, "-");
	expect_refused(
	    program_lesson_dismiss(fx->pack, fx->store, "pace", TODAY, &cause),
	    &cause, "not offered now");
	expect_ok(program_lesson_read(fx->pack, fx->store, "nice", TODAY, TODAY,
				      &cause),
		  &cause);
	expect_offer(fx, TODAY, NICE, "-");
	/* Read once, offered no more; the reading kept its moment. */
	{
		struct store_lesson *r;
		size_t n;

		expect_ok(store_lesson_list(fx->store, &r, &n, &cause), &cause);
		assert_int_equal(n, 2);
		assert_string_equal(r[1].lesson, "nice");
		assert_string_equal(r[1].moment, "first-checkin");
		assert_string_equal(r[1].read_on, TODAY);
		store_lessons_free(r, n);
	}
}

/* flare: while one runs, or on the day its record was made; a new
 * flare-up offers a lesson put off during the last one again. */
static void
test_offer_flare(void **state)
{
	struct fx *fx = *state;
	char *cause = NULL;

	expect_offer(fx, TODAY, PLAN, "-");
	expect_ok(program_flare(fx->pack, fx->store, "2026-11-20", "2026-11-20",
				7, NULL, NULL, &cause),
		  &cause);
	expect_offer(fx, "2026-11-20", PLAN, "flare");
	expect_offer(fx, "2026-11-21", PLAN, "flare");
	expect_ok(program_lesson_dismiss(fx->pack, fx->store, "plan",
					 "2026-11-21", &cause),
		  &cause);
	expect_offer(fx, "2026-11-22", PLAN, "-");
	expect_ok(program_flare_over(fx->pack, fx->store, "2026-11-22",
				     "2026-11-22", NULL, NULL, &cause),
		  &cause);
	expect_offer(fx, "2026-11-23", PLAN, "-");
	/* The next flare-up is a moment of its own. */
	expect_ok(program_flare(fx->pack, fx->store, "2026-11-23", "2026-11-23",
				ENTRY_NONE, NULL, NULL, &cause),
		  &cause);
	expect_offer(fx, "2026-11-23", PLAN, "flare");
}

/* A flare-up put in the log when it was over is offered on the day of
 * its record only. */
static void
test_offer_flare_recorded_late(void **state)
{
	struct fx *fx = *state;
	char today[DAY_LEN], began[DAY_LEN], over[DAY_LEN], *cause = NULL;

	/* The record's time is the clock's: today is the clock's day. */
	day_today(0, today);
	day_add(today, -10, began);
	day_add(today, -8, over);
	expect_ok(program_flare(fx->pack, fx->store, today, began, ENTRY_NONE,
				NULL, NULL, &cause),
		  &cause);
	expect_ok(program_flare_over(fx->pack, fx->store, today, over, NULL,
				     NULL, &cause),
		  &cause);
	expect_offer(fx, today, PLAN, "flare");
}

/* start:A while and after A's latest trial began, stop:A once it ended;
 * put off at one start, a lesson is offered again at another. */
static void
test_offer_start_stop(void **state)
{
	struct fx *fx = *state;
	char *cause = NULL;

	answer(fx, "numb", 0);
	answer(fx, "legs", 0);
	answer(fx, "fever", 0);
	expect_ok(program_start(fx->pack, fx->store, "alpha", "2026-11-10",
				NULL, &cause),
		  &cause);
	expect_offer(fx, "2026-11-09", HURT, "-");
	expect_offer(fx, "2026-11-10", HURT, "start:alpha");
	expect_ok(program_lesson_dismiss(fx->pack, fx->store, "hurt",
					 "2026-11-11", &cause),
		  &cause);
	expect_offer(fx, "2026-11-11", HURT, "-");
	expect_offer(fx, "2026-11-11", PACE, "-");
	expect_ok(program_stop(fx->pack, fx->store, "alpha", "2026-11-18",
			       OUTCOME_NO_CHANGE, &cause),
		  &cause);
	expect_offer(fx, "2026-11-18", PACE, "stop:alpha");
	expect_ok(program_start(fx->pack, fx->store, "beta", "2026-11-19", NULL,
				&cause),
		  &cause);
	expect_offer(fx, "2026-11-19", HURT, "start:beta");
	/* alpha started again: its start is a new moment, its stop gone. */
	expect_ok(program_start(fx->pack, fx->store, "alpha", "2026-11-20",
				NULL, &cause),
		  &cause);
	expect_offer(fx, "2026-11-20", HURT, "start:alpha start:beta");
	expect_offer(fx, "2026-11-20", PACE, "-");
	/* Read, it is offered at none. */
	expect_ok(program_lesson_read(fx->pack, fx->store, "hurt", "2026-11-20",
				      "2026-11-20", &cause),
		  &cause);
	expect_offer(fx, "2026-11-20", HURT, "-");
}

static void
test_lesson_find(void **state)
{
	struct fx *fx = *state;
	char *cause = NULL;

	assert_string_equal(program_lesson_find(fx->pack, "plan", &cause)->id,
			    "plan");
	assert_string_equal(program_lesson_find(fx->pack, "3", &cause)->id,
			    "pace");
	assert_null(program_lesson_find(fx->pack, "6", &cause));
	assert_non_null(strstr(cause, "hurt, plan, pace, nice, calm"));
	free(cause);
	cause = NULL;
	assert_null(program_lesson_find(fx->pack, "nope", &cause));
	free(cause);
	cause = NULL;
	expect_refused(program_lesson_read(fx->pack, fx->store, "nope", TODAY,
					   TODAY, &cause),
		       &cause, "no such lesson");
	expect_refused(program_lesson_read(fx->pack, fx->store, "plan",
					   "2026-11-25", TODAY, &cause),
		       &cause, "in the future");
}

/* A lesson's practice is logged under its lesson, listed on a day once
 * the lesson is read or when done that day, never the next thing to do,
 * and no part of a trial's verdict. */
static void
test_lesson_practice(void **state)
{
	struct fx *fx = *state;
	struct program_session ps = {TODAY, "breathe", ENTRY_NONE, 6, 4, 0};
	const char *did[] = {"breathe"};
	struct program_checkin in = {
	    .pain = 5, .interference = ENTRY_NONE, .did = did, .ndid = 1};
	struct program_day d;
	struct store_session *s;
	char *cause = NULL;
	size_t n;

	expect_ok(program_day_load(fx->pack, fx->store, "2026-11-23", TODAY, &d,
				   &cause),
		  &cause);
	assert_int_equal(d.npractices, 0);
	program_day_free(&d);
	expect_ok(
	    program_session_add(fx->pack, fx->store, TODAY, &ps, NULL, &cause),
	    &cause);
	assert_int_equal(ps.minutes, 5);
	memcpy(in.day, "2026-11-22", DAY_LEN);
	expect_ok(program_checkin(fx->pack, fx->store, TODAY, &in, NULL, NULL,
				  NULL, &cause),
		  &cause);
	expect_ok(store_session_range(fx->store, NULL, NULL, &s, &n, &cause),
		  &cause);
	assert_int_equal(n, 2);
	assert_string_equal(s[0].practice, "breathe");
	assert_string_equal(s[0].approach, "calm");
	assert_int_equal(s[0].minutes, ENTRY_NONE);
	assert_string_equal(s[1].approach, "calm");
	assert_int_equal(s[1].minutes, 5);
	store_sessions_free(s, n);
	/* Done that day: listed, as a lesson's. */
	expect_ok(
	    program_day_load(fx->pack, fx->store, TODAY, TODAY, &d, &cause),
	    &cause);
	assert_int_equal(d.npractices, 1);
	assert_true(d.practices[0].lesson);
	assert_int_equal(d.practices[0].done, 1);
	program_day_free(&d);
	/* Read on the 23rd: listed from then on, not before. */
	expect_ok(program_lesson_read(fx->pack, fx->store, "calm", "2026-11-23",
				      TODAY, &cause),
		  &cause);
	expect_ok(program_day_load(fx->pack, fx->store, "2026-11-23", TODAY, &d,
				   &cause),
		  &cause);
	assert_int_equal(d.npractices, 1);
	assert_int_equal(d.practices[0].done, 0);
	program_day_free(&d);
	expect_ok(program_day_load(fx->pack, fx->store, "2026-11-21", TODAY, &d,
				   &cause),
		  &cause);
	assert_int_equal(d.npractices, 0);
	program_day_free(&d);
}

/* Sessions of a lesson's practice on a trial's days count for no trial:
 * neither its practised days nor its relief during sessions. */
static void
test_lesson_practice_not_in_review(void **state)
{
	struct fx *fx = *state;
	struct review rv;
	char *cause = NULL, day[DAY_LEN];
	int i;

	answer(fx, "numb", 0);
	answer(fx, "legs", 0);
	answer(fx, "fever", 0);
	expect_ok(program_start(fx->pack, fx->store, "alpha", "2026-11-10",
				NULL, &cause),
		  &cause);
	for (i = 0; i < 10; i++) {
		struct program_session ps = {"", "breathe", 5, 6, 4, 0};

		day_add("2026-11-10", i, day);
		memcpy(ps.day, day, DAY_LEN);
		expect_ok(program_session_add(fx->pack, fx->store, TODAY, &ps,
					      NULL, &cause),
			  &cause);
		checkin(fx, day);
	}
	expect_ok(review_load(fx->pack, fx->store, TODAY, &rv, &cause), &cause);
	assert_int_equal(rv.nrows, 1);
	assert_int_equal(rv.rows[0].result.practised_days, 0);
	assert_int_equal(rv.rows[0].result.immediate_n, 0);
	review_free(&rv);
}

/* An export's lessons table read back: refused as the writes refuse. */
static void
test_import_lessons(void **state)
{
	static const char head[] =
	    "{\"format\":3,\"checkin\":[],\"answer\":[],\"trial\":[],"
	    "\"session\":[],\"screening\":[],\"profile\":[],\"lesson\":[";
	static const struct {
		const char *row, *words;
	} bad[] = {
	    {"{\"id\":1,\"lesson_id\":\"nope\",\"moment\":null,"
	     "\"read_on\":\"2026-11-20\",\"dismissed_on\":null,"
	     "\"recorded_at\":\"2026-11-20T12:00:00+00:00\",\"uid\":null}",
	     "no such lesson in the pack"},
	    {"{\"id\":1,\"lesson_id\":\"plan\",\"moment\":\"first-week\","
	     "\"read_on\":\"2026-11-20\",\"dismissed_on\":null,"
	     "\"recorded_at\":\"2026-11-20T12:00:00+00:00\",\"uid\":null}",
	     "plan is not offered at this moment"},
	    {"{\"id\":1,\"lesson_id\":\"plan\",\"moment\":\"flare\","
	     "\"read_on\":\"2026-11-20\",\"dismissed_on\":\"2026-11-20\","
	     "\"recorded_at\":\"2026-11-20T12:00:00+00:00\",\"uid\":null}",
	     "one of read_on and dismissed_on"},
	    {"{\"id\":1,\"lesson_id\":\"plan\",\"moment\":null,"
	     "\"read_on\":null,\"dismissed_on\":\"2026-11-20\","
	     "\"recorded_at\":\"2026-11-20T12:00:00+00:00\",\"uid\":null}",
	     "only an offer, at a moment, is put off"},
	    {"{\"id\":1,\"lesson_id\":\"plan\",\"moment\":null,"
	     "\"read_on\":\"2026-11-27\",\"dismissed_on\":null,"
	     "\"recorded_at\":\"2026-11-20T12:00:00+00:00\",\"uid\":null}",
	     "in the future"},
	};
	struct fx *fx = *state;
	struct program_import *imp = NULL;
	struct program_import_result res;
	struct store_lesson *r;
	char *text, *cause = NULL;
	size_t i, n;

	for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		text = xasprintf("%s%s]}", head, bad[i].row);
		expect_refused(program_import_read(fx->pack, TODAY, "x.json",
						   text, strlen(text), &imp,
						   &cause),
			       &cause, bad[i].words);
		assert_null(imp);
		free(text);
	}
	text =
	    xasprintf("%s{\"id\":3,\"lesson_id\":\"plan\",\"moment\":\"flare\","
		      "\"read_on\":null,\"dismissed_on\":\"2026-11-20\","
		      "\"recorded_at\":\"2026-11-20T12:00:00+00:00\","
		      "\"uid\":\"0123456789abcdef0123456789abcdef\"}]}",
		      head);
	expect_ok(program_import_read(fx->pack, TODAY, "x.json", text,
				      strlen(text), &imp, &cause),
		  &cause);
	expect_ok(program_import_write(fx->store, imp, 0, &res, &cause),
		  &cause);
	assert_int_equal(res.n[STORE_TABLE_LESSON].added, 1);
	program_import_free(imp);
	free(text);
	expect_ok(store_lesson_list(fx->store, &r, &n, &cause), &cause);
	assert_int_equal(n, 1);
	assert_int_equal(r[0].id, 3);
	assert_string_equal(r[0].dismissed_on, "2026-11-20");
	store_lessons_free(r, n);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(test_stale_yes_holds, setup,
					    fx_close),
	    cmocka_unit_test_setup_teardown(test_stale_no, setup, fx_close),
	    cmocka_unit_test_setup_teardown(test_offer_first_checkin_and_week,
					    setup, fx_close),
	    cmocka_unit_test_setup_teardown(test_offer_flare, setup, fx_close),
	    cmocka_unit_test_setup_teardown(test_offer_flare_recorded_late,
					    setup, fx_close),
	    cmocka_unit_test_setup_teardown(test_offer_start_stop, setup,
					    fx_close),
	    cmocka_unit_test_setup_teardown(test_lesson_find, setup, fx_close),
	    cmocka_unit_test_setup_teardown(test_lesson_practice, setup,
					    fx_close),
	    cmocka_unit_test_setup_teardown(test_lesson_practice_not_in_review,
					    setup, fx_close),
	    cmocka_unit_test_setup_teardown(test_import_lessons, setup,
					    fx_close),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
