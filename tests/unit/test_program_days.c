/*
 * Unit tests of which days of a trial count (issue 18): the safety holds
 * read from the screening answers (program_pauses_load()), the one rule
 * program_trial_days(), and what reads it: the plan's day count and
 * review_due, the day's list (program_day_load()), whether a practice may
 * be done, and the review's days, check-ins and judged window. A real
 * SQLite log in a temporary directory; the answers are written with the
 * days they were given (asked_at) on a connection of the test's own, as
 * the clock would have stamped them, so no clock is needed.
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
#include <sysexits.h>

#include "content.h"
#include "expect.h"
#include "program_fixture.h"
#include "program.h"
#include "review.h"
#include "store.h"
#include "util.h"

static const char pack_text[] =
    "format: 1\n"
    "id: days-test\n"
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
    "  - {id: numb, question: N?, urgency: emergency, advice: Go.}\n"
    "  - {id: lamp, question: L?, urgency: soon, advice: See.}\n"
    "  - {id: soft, question: S?, urgency: soon, holds: false, advice: "
    "Mention.}\n"
    "approaches:\n"
    "  - {id: alpha, title: Alpha, summary: S., model: M., suits: [a], "
    "effort: low, trial_days: 7, steps: [s],\n"
    "     practices: [{id: walk, title: W, minutes: 10, per_day: 1, "
    "steps: [w]}]}\n"
    "  - {id: mat, title: Mat, summary: S., model: M., suits: [a], "
    "effort: low, wildcard: true, steps: [s],\n"
    "     practices: [{id: lie, title: L, minutes: 20, per_day: 1, "
    "steps: [l]}]}\n";

static void
sql(const struct fx *fx, const char *text)
{
	sqlite3 *db;
	char *err = NULL;

	assert_int_equal(sqlite3_open(fx->path, &db), SQLITE_OK);
	if (sqlite3_exec(db, text, NULL, NULL, &err) != SQLITE_OK)
		fail_msg("%s: %s", text, err ? err : "?");
	sqlite3_close(db);
}

/* An answer to flag given on day, as the clock stamps it. */
static void
answer(const struct fx *fx, const char *flag, int yes, const char *day)
{
	char *q = xasprintf("INSERT INTO screening (flag_id, answer, asked_at) "
			    "VALUES ('%s', %d, '%sT12:00:00+00:00')",
			    flag, yes, day);

	sql(fx, q);
	free(q);
}

/* A doctor's check of the latest answer to flag, recorded for day. */
static void
checked(struct fx *fx, const char *flag, const char *day, const char *today)
{
	char *cause = NULL;

	expect_ok(program_screening_checked(fx->pack, fx->store, flag, day,
					    today, &cause),
		  &cause);
}

static int
setup(void **state)
{
	struct fx *fx;

	if (fx_open(state, pack_text, sizeof pack_text - 1) != 0)
		return -1;
	fx = *state;
	/* Every question answered no a month before, as onboarding does. */
	answer(fx, "numb", 0, "2026-10-01");
	answer(fx, "lamp", 0, "2026-10-01");
	answer(fx, "soft", 0, "2026-10-01");
	return 0;
}

static void
start(struct fx *fx, const char *id, const char *day)
{
	char *cause = NULL;

	expect_ok(program_start(fx->pack, fx->store, id, day, NULL, &cause),
		  &cause);
}

static void
checkin(struct fx *fx, const char *day, int pain)
{
	struct checkin c = {.pain = pain, .interference = ENTRY_NONE};
	char *cause = NULL;

	memcpy(c.day, day, DAY_LEN);
	expect_ok(store_checkin_put(fx->store, &c, NULL, 0, NULL, 0, NULL, NULL,
				    &cause),
		  &cause);
	/* Entered on its day, as a daily check-in is: else the clock's day
	 * would make it recalled (program_recalled()). */
	fx_pain_set_on(fx->path, day, day);
}

static void
load_pauses(struct fx *fx, const char *today, struct program_pauses *p)
{
	char *cause = NULL;

	expect_ok(program_pauses_load(fx->pack, fx->store, today, p, &cause),
		  &cause);
}

static void
load_plan(struct fx *fx, const char *today, struct program_plan *plan)
{
	char *cause = NULL;

	expect_ok(program_plan_load(fx->pack, fx->store, today, plan, &cause),
		  &cause);
}

/* The days of first .. last that do not count, as "YYYY-MM-DD ..." . */
static char *
off_days(const struct program_trial_days *d)
{
	struct buf b;
	char day[DAY_LEN];
	int i;

	buf_init(&b);
	buf_adds(&b, "");
	for (i = 0; i <= d->last - d->first; i++)
		if (d->off[i]) {
			day_from_number(d->first + i, day);
			buf_printf(&b, "%s%s", b.len > 0 ? " " : "", day);
		}
	return buf_take(&b);
}

/* A yes that holds begins a hold on its day; the doctor's check ends it
 * on the day checked, which counts again; a no ends one too; a later yes
 * begins another. A yes to a flag that does not hold pauses nothing. */
static void
test_pauses_from_answers(void **state)
{
	struct fx *fx = *state;
	struct program_pauses p;

	answer(fx, "soft", 1, "2026-11-02");
	answer(fx, "numb", 1, "2026-11-05");
	load_pauses(fx, "2026-11-07", &p);
	assert_int_equal(p.n, 1);
	assert_string_equal(p.pauses[0].from, "2026-11-05");
	assert_string_equal(p.pauses[0].until, "");
	assert_string_equal(p.pauses[0].flag->id, "numb");
	assert_int_equal(p.pauses[0].why, PROGRAM_PAUSE_HOLD);
	assert_int_equal(p.pauses[0].trial_id, 0);
	assert_int_equal(program_paused_on(&p, 0, day_number("2026-11-04")), 0);
	assert_int_equal(program_paused_on(&p, 0, day_number("2026-11-05")),
			 PROGRAM_PAUSE_HOLD);
	assert_int_equal(program_paused_on(&p, 7, day_number("2026-11-07")),
			 PROGRAM_PAUSE_HOLD);
	program_pauses_free(&p);

	checked(fx, "numb", "2026-11-09", "2026-11-09");
	answer(fx, "lamp", 1, "2026-11-12");
	answer(fx, "lamp", 0, "2026-11-14");
	answer(fx, "numb", 1, "2026-11-20");
	load_pauses(fx, "2026-11-21", &p);
	assert_int_equal(p.n, 3);
	assert_string_equal(p.pauses[0].from, "2026-11-05");
	assert_string_equal(p.pauses[0].until, "2026-11-09");
	assert_string_equal(p.pauses[1].from, "2026-11-12");
	assert_string_equal(p.pauses[1].until, "2026-11-14");
	assert_string_equal(p.pauses[1].flag->id, "lamp");
	assert_string_equal(p.pauses[2].from, "2026-11-20");
	assert_string_equal(p.pauses[2].until, "");
	assert_int_equal(program_paused_on(&p, 0, day_number("2026-11-08")),
			 PROGRAM_PAUSE_HOLD);
	assert_int_equal(program_paused_on(&p, 0, day_number("2026-11-09")), 0);
	assert_int_equal(program_paused_on(&p, 0, day_number("2026-11-14")), 0);
	program_pauses_free(&p);
}

/* A yes and its check on the same day hold no day. */
static void
test_pauses_same_day(void **state)
{
	struct fx *fx = *state;
	struct program_pauses p;

	answer(fx, "numb", 1, "2026-11-05");
	checked(fx, "numb", "2026-11-05", "2026-11-05");
	load_pauses(fx, "2026-11-07", &p);
	assert_int_equal(p.n, 0);
	program_pauses_free(&p);
}

/* A hold given on day 5 of a trial and lifted on day 9: four days do not
 * count, the rest do. */
static void
test_trial_days_hold_in_middle(void **state)
{
	struct fx *fx = *state;
	struct program_pauses p;
	struct program_trial_days d;
	char *off;

	answer(fx, "numb", 1, "2026-11-05");
	checked(fx, "numb", "2026-11-09", "2026-11-09");
	load_pauses(fx, "2026-11-12", &p);
	program_trial_days(&p, 1, day_number("2026-11-01"),
			   day_number("2026-11-12"), &d);
	assert_int_equal(d.counted, 8);
	assert_int_equal(d.held, 4);
	assert_int_equal(d.paused, 0);
	off = off_days(&d);
	assert_string_equal(off, "2026-11-05 2026-11-06 2026-11-07 2026-11-08");
	free(off);
	program_trial_days_free(&d);

	/* Up to a day on hold: paused, since the hold's first day. */
	program_trial_days(&p, 1, day_number("2026-11-01"),
			   day_number("2026-11-07"), &d);
	assert_int_equal(d.counted, 4);
	assert_int_equal(d.held, 3);
	assert_int_equal(d.paused, 1);
	assert_string_equal(d.paused_since, "2026-11-05");
	program_trial_days_free(&d);

	/* A span with no days. */
	program_trial_days(&p, 1, 10, 9, &d);
	assert_int_equal(d.counted, 0);
	assert_null(d.off);
	program_trial_days_free(&d);
	program_pauses_free(&p);
}

/* Two holds overlapping, and one starting the day the other is lifted:
 * one stretch, since the first of them. */
static void
test_trial_days_overlapping(void **state)
{
	struct fx *fx = *state;
	struct program_pauses p;
	struct program_trial_days d;

	answer(fx, "numb", 1, "2026-11-05");
	answer(fx, "lamp", 1, "2026-11-07");
	checked(fx, "numb", "2026-11-09", "2026-11-09");
	answer(fx, "lamp", 0, "2026-11-11");
	answer(fx, "numb", 1, "2026-11-11");
	load_pauses(fx, "2026-11-12", &p);
	program_trial_days(&p, 1, day_number("2026-11-01"),
			   day_number("2026-11-12"), &d);
	assert_int_equal(d.counted, 4);
	assert_int_equal(d.held, 8);
	assert_int_equal(d.paused, 1);
	assert_string_equal(d.paused_since, "2026-11-05");
	program_trial_days_free(&d);
	program_pauses_free(&p);
}

/* The plan counts only the days that count: "day 4 of 7" stays while on
 * hold, goes on when the hold is lifted, and the review comes due four
 * days later than it would have. */
static void
test_plan_day_count(void **state)
{
	struct fx *fx = *state;
	struct program_plan plan;
	const struct program_step *st;

	start(fx, "alpha", "2026-11-01");
	load_plan(fx, "2026-11-04", &plan);
	st = &plan.steps[0];
	assert_int_equal(st->day, 4);
	assert_int_equal(st->paused, 0);
	assert_int_equal(st->held, 0);
	program_plan_free(&plan);

	answer(fx, "numb", 1, "2026-11-05");
	load_plan(fx, "2026-11-07", &plan);
	st = &plan.steps[0];
	assert_int_equal(st->day, 4);
	assert_int_equal(st->paused, 1);
	assert_string_equal(st->paused_since, "2026-11-05");
	assert_int_equal(st->held, 3);
	assert_int_equal(st->review_due, 0);
	program_plan_free(&plan);

	checked(fx, "numb", "2026-11-09", "2026-11-09");
	load_plan(fx, "2026-11-09", &plan);
	st = &plan.steps[0];
	assert_int_equal(st->day, 5);
	assert_int_equal(st->paused, 0);
	assert_int_equal(st->held, 4);
	program_plan_free(&plan);

	/* Without the hold its 7 days were up on 2026-11-07. */
	load_plan(fx, "2026-11-10", &plan);
	assert_int_equal(plan.steps[0].day, 6);
	assert_int_equal(plan.steps[0].review_due, 0);
	program_plan_free(&plan);
	load_plan(fx, "2026-11-11", &plan);
	assert_int_equal(plan.steps[0].day, 7);
	assert_int_equal(plan.steps[0].review_due, 1);
	program_plan_free(&plan);
}

/* On a day on hold every practice waits (habits' and flare-up tools' too):
 * listed, marked held, none due; the day after the check they are due. */
static void
test_day_held(void **state)
{
	struct fx *fx = *state;
	struct program_day d;
	struct program_today t;
	char *cause = NULL;
	size_t i;

	expect_ok(store_profile_set(fx->store, STORE_PROFILE_ONBOARDED,
				    "2026-10-01", &cause),
		  &cause);
	start(fx, "alpha", "2026-11-01");
	start(fx, "mat", "2026-11-01");
	answer(fx, "lamp", 1, "2026-11-05");
	expect_ok(program_day_load(fx->pack, fx->store, "2026-11-06",
				   "2026-11-06", &d, &cause),
		  &cause);
	assert_int_equal(d.held, 1);
	assert_int_equal(d.npractices, 2);
	for (i = 0; i < d.npractices; i++)
		assert_int_equal(d.practices[i].held, 1);
	program_day_free(&d);
	expect_ok(program_day_load(fx->pack, fx->store, "2026-11-04",
				   "2026-11-06", &d, &cause),
		  &cause);
	assert_int_equal(d.held, 0);
	assert_int_equal(d.practices[0].held, 0);
	program_day_free(&d);

	checkin(fx, "2026-11-06", 4);
	expect_ok(
	    program_today_load(fx->pack, fx->store, "2026-11-06", &t, &cause),
	    &cause);
	assert_int_equal(t.held, 1);
	assert_int_equal(t.next, PROGRAM_NEXT_DOCTOR);
	program_today_free(&t);

	checked(fx, "lamp", "2026-11-07", "2026-11-07");
	checkin(fx, "2026-11-07", 4);
	expect_ok(
	    program_today_load(fx->pack, fx->store, "2026-11-07", &t, &cause),
	    &cause);
	assert_int_equal(t.held, 0);
	assert_int_equal(t.next, PROGRAM_NEXT_PRACTICE);
	assert_string_equal(t.next_practice, "walk");
	program_today_free(&t);
}

/* A practice waits on a day a standing hold holds, with the flag's words;
 * a day before the hold, or once it is lifted, is fine. */
static void
test_practice_allows(void **state)
{
	struct fx *fx = *state;
	char *cause = NULL;
	int rc;

	answer(fx, "numb", 1, "2026-11-05");
	rc = program_practice_allows(fx->pack, fx->store, "2026-11-06",
				     "2026-11-06", &cause);
	assert_int_equal(rc, PROGRAM_REFUSED);
	assert_non_null(strstr(cause, "yes on 2026-11-05 to \"N?\" Go."));
	assert_non_null(strstr(cause, "backpain safety --checked numb"));
	free(cause);
	cause = NULL;
	expect_ok(program_practice_allows(fx->pack, fx->store, "2026-11-04",
					  "2026-11-06", &cause),
		  &cause);
	checked(fx, "numb", "2026-11-07", "2026-11-07");
	expect_ok(program_practice_allows(fx->pack, fx->store, "2026-11-06",
					  "2026-11-07", &cause),
		  &cause);
}

/* The review leaves the days on hold out: of its days, its check-ins and
 * its judged window, whose ratings on hold (10s here) change nothing; the
 * baseline before it stays as it was. */
static void
test_review_leaves_out_hold(void **state)
{
	struct fx *fx = *state;
	struct review rv;
	const struct analysis_result *r;
	char day[DAY_LEN], *cause = NULL;
	int i;

	for (i = -14; i < 0; i++) {
		assert_int_equal(day_add("2026-11-01", i, day), 0);
		checkin(fx, day, 6);
	}
	start(fx, "alpha", "2026-11-01");
	answer(fx, "numb", 1, "2026-11-05");
	checked(fx, "numb", "2026-11-09", "2026-11-09");
	for (i = 0; i < 20; i++) {
		assert_int_equal(day_add("2026-11-01", i, day), 0);
		checkin(fx, day, i >= 4 && i < 8 ? 10 : 3);
	}
	expect_ok(review_load(fx->pack, fx->store, "2026-11-20", &rv, &cause),
		  &cause);
	assert_int_equal(rv.nrows, 1);
	r = &rv.rows[0].result;
	assert_int_equal(r->days, 16);
	assert_int_equal(r->off_days, 4);
	assert_int_equal(rv.rows[0].checkins, 16);
	assert_int_equal(rv.rows[0].paused, 0);
	assert_int_equal(r->baseline_n, 14);
	assert_int_equal(r->before_sum, 14 * 6);
	/* Settling in takes 7 trial days: 1..4 and 9..11. */
	assert_int_equal(r->during_first, day_number("2026-11-12"));
	assert_int_equal(r->during_n, 9);
	assert_int_equal(r->during_sum, 9 * 3);
	assert_int_equal(r->verdict, VERDICT_SUBSTANTIAL);
	review_free(&rv);

	/* While the hold stands, a running trial is paused. */
	answer(fx, "numb", 1, "2026-11-21");
	checkin(fx, "2026-11-21", 3);
	expect_ok(review_load(fx->pack, fx->store, "2026-11-22", &rv, &cause),
		  &cause);
	assert_int_equal(rv.rows[0].paused, 1);
	assert_string_equal(rv.rows[0].paused_since, "2026-11-21");
	assert_int_equal(rv.rows[0].result.days, 16);
	assert_int_equal(rv.rows[0].checkins, 16);
	review_free(&rv);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(test_pauses_from_answers, setup,
					    fx_close),
	    cmocka_unit_test_setup_teardown(test_pauses_same_day, setup,
					    fx_close),
	    cmocka_unit_test_setup_teardown(test_trial_days_hold_in_middle,
					    setup, fx_close),
	    cmocka_unit_test_setup_teardown(test_trial_days_overlapping, setup,
					    fx_close),
	    cmocka_unit_test_setup_teardown(test_plan_day_count, setup,
					    fx_close),
	    cmocka_unit_test_setup_teardown(test_day_held, setup, fx_close),
	    cmocka_unit_test_setup_teardown(test_practice_allows, setup,
					    fx_close),
	    cmocka_unit_test_setup_teardown(test_review_leaves_out_hold, setup,
					    fx_close),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
