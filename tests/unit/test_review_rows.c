/*
 * Unit tests of what the review adds to its rows once the trials are
 * judged (src/review/review_rows.c) and of the sentences every face says
 * the same way (issue 18): the trial a habit was kept from, a flare-up
 * tool's sessions outside its trials as a row of their own, flare-up days
 * in a trial's windows, the interference in those windows, an unclear
 * verdict's "yet", a rise's share and the settling-in words.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <string.h>

#include "expect.h"
#include "program.h"
#include "program_fixture.h"
#include "review.h"

#define TODAY "2026-11-24"

static const char pack_text[] =
    "format: 1\n"
    "id: review-rows-test\n"
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
    "red_flags: [{id: numb, question: N?, urgency: emergency, advice: "
    "Go.}]\n"
    "approaches:\n"
    "  - {id: alpha, title: Alpha, summary: S., model: M., suits: [a], "
    "effort: low, trial_days: 14, steps: [s],\n"
    "     practices: [{id: walk, title: W, minutes: 10, per_day: 1, "
    "steps: [w]}]}\n"
    "  - {id: mat, title: Mat, summary: S., model: M., suits: [a], "
    "effort: low, wildcard: true, flare_tool: true, trial_days: 2, "
    "steps: [s],\n"
    "     practices: [{id: lie, title: L, minutes: 20, per_day: 2, "
    "flare: true, steps: [l]}]}\n";

static int
setup(void **state)
{
	struct fx *fx;
	char *cause = NULL;

	if (fx_open(state, pack_text, sizeof pack_text - 1) != 0)
		return -1;
	fx = *state;
	if (program_screening(fx->pack, fx->store, "numb", 0, &cause) != 0) {
		print_error("%s\n", cause);
		free(cause);
		return -1;
	}
	return 0;
}

static void
checkin(struct fx *fx, const char *day, int pain, int interference)
{
	struct checkin c = {.pain = pain, .interference = interference};
	char *cause = NULL;

	memcpy(c.day, day, DAY_LEN);
	expect_ok(store_checkin_put(fx->store, &c, NULL, 0, NULL, 0, NULL, NULL,
				    &cause),
		  &cause);
}

static void
session(struct fx *fx, const char *day, const char *practice)
{
	struct program_session s = {.practice = practice,
				    .minutes = ENTRY_NONE,
				    .pain_before = 7,
				    .pain_after = 4};
	char *cause = NULL;

	memcpy(s.day, day, DAY_LEN);
	expect_ok(
	    program_session_add(fx->pack, fx->store, TODAY, &s, NULL, &cause),
	    &cause);
}

/*
 * 10-20 .. 11-24 at pain 5 (9 on 11-12, a one-day flare-up), interference
 * 5 before alpha's start and 3 after; alpha from 11-03, kept as a habit on
 * 11-20; the mat used four times on 11-10 and 11-11, then started as a trial
 * on 11-22 with a session on 11-23.
 */
static void
fill(struct fx *fx)
{
	char day[DAY_LEN], *cause = NULL;
	int i;

	for (i = 0; i < 36; i++) {
		day_add("2026-10-20", i, day);
		checkin(fx, day, strcmp(day, "2026-11-12") == 0 ? 9 : 5,
			strcmp(day, "2026-11-03") < 0 ? 5 : 3);
	}
	expect_ok(program_flare(fx->pack, fx->store, TODAY, "2026-11-12", 9,
				NULL, NULL, &cause),
		  &cause);
	expect_ok(program_start(fx->pack, fx->store, "alpha", "2026-11-03",
				NULL, &cause),
		  &cause);
	session(fx, "2026-11-10", "lie");
	session(fx, "2026-11-10", "lie");
	session(fx, "2026-11-11", "lie");
	session(fx, "2026-11-11", "lie");
	expect_ok(program_keep(fx->pack, fx->store, "alpha", "2026-11-20",
			       OUTCOME_HELPED, &cause),
		  &cause);
	expect_ok(program_start(fx->pack, fx->store, "mat", "2026-11-22", NULL,
				&cause),
		  &cause);
	session(fx, "2026-11-23", "lie");
	/* Each rating entered on its own day, as a person checking in
	 * daily does: the real clock's stamps would make them recalled. */
	fx_sql(fx, "UPDATE checkin SET pain_set_at = day || "
		   "'T20:00:00+00:00', recorded_at = day || 'T20:00:00+00:00'");
}

static void
test_rows(void **state)
{
	struct fx *fx = *state;
	const struct review_row *alpha, *mat, *tool;
	struct review_windows w;
	struct review rv;
	char *cause = NULL;

	fill(fx);
	expect_ok(review_load(fx->pack, fx->store, TODAY, &rv, &cause), &cause);
	assert_int_equal(rv.nrows, 3);
	alpha = &rv.rows[0];
	mat = &rv.rows[1];
	tool = &rv.rows[2];

	/* The habit, on the trial it was kept from. */
	assert_true(alpha->habit);
	assert_string_equal(alpha->habit_since, "2026-11-20");
	assert_string_equal(alpha->habit_dropped, "");
	assert_string_equal(review_row_state(alpha), "kept as a habit");
	assert_false(mat->habit);
	assert_string_equal(review_row_state(mat), "running");

	/* The flare-up of 11-12 is in alpha's judged days, not its
	 * baseline. */
	assert_int_equal(alpha->flare_before, 0);
	assert_int_equal(alpha->flare_during, 1);

	/* The mat's four sessions before its trial: a row of their own,
	 * judged by them; the session in its trial is the trial's. */
	assert_true(tool->tool_use);
	assert_int_equal(tool->trial_id, 0);
	assert_string_equal(tool->approach, "mat");
	assert_int_equal(tool->tool_sessions, 4);
	assert_string_equal(tool->started_on, "2026-11-10");
	assert_string_equal(tool->ended_on, "2026-11-11");
	assert_true(tool->result.flare_tool);
	assert_int_equal(tool->result.immediate_n, 4);
	assert_true(tool->result.has_change);
	assert_string_equal(review_row_state(tool), "used outside a trial");
	assert_false(mat->tool_use);
	assert_int_equal(mat->result.immediate_n, 1);

	/* Interference in alpha's windows, with their days. */
	review_interference(&rv, alpha, &w);
	assert_string_equal(w.before_from, "2026-10-20");
	assert_string_equal(w.before_to, "2026-11-02");
	assert_int_equal(w.before_n, 14);
	assert_int_equal(w.before_sum, 70);
	assert_string_equal(w.during_from, "2026-11-10");
	assert_string_equal(w.during_to, "2026-11-20");
	assert_int_equal(w.during_n, 11);
	assert_int_equal(w.during_sum, 33);
	review_interference(&rv, tool, &w);
	assert_int_equal(w.before_n + w.during_n, 0);
	review_free(&rv);

	/* A rating of the judged days set 5 days after its day is
	 * recalled: left out of the interference as of the pain, so the
	 * two are of the same check-ins. */
	fx_sql(fx, "UPDATE checkin SET pain_set_at = '2026-11-20T20:00:00"
		   "+00:00' WHERE day = '2026-11-15'");
	expect_ok(review_load(fx->pack, fx->store, TODAY, &rv, &cause), &cause);
	alpha = &rv.rows[0];
	assert_int_equal(alpha->recalled, 1);
	review_interference(&rv, alpha, &w);
	assert_int_equal(w.during_n, 10);
	assert_int_equal(w.during_sum, 30);
	assert_int_equal(w.during_n, alpha->result.pain.during_n);
	review_free(&rv);
}

static void
rise_row(struct review_row *row, int more)
{
	struct analysis_change *x = &row->result.pain;

	memset(row, 0, sizeof *row);
	row->running = 1;
	row->result.verdict = VERDICT_UNCLEAR;
	row->result.has_change = 1;
	x->has_change = 1;
	x->before_n = 2;
	x->before_sum = 8;
	x->during_n = 2;
	x->during_sum = 10;
	x->lower = -1.4;
	x->upper = -0.6;
	x->more_days = more;
}

/* "Not clear yet" only while more days would settle it; a rise as the
 * share of the level during the trial, as the Why line gives it. */
static void
test_words(void **state)
{
	struct review_row row;
	struct buf b;

	(void)state;
	rise_row(&row, -1);
	assert_null(strstr(review_row_verdict_words(&row), "Not clear yet"));
	assert_non_null(
	    strstr(review_row_verdict_words(&row), "unlikely to settle it"));
	rise_row(&row, 4);
	assert_non_null(
	    strstr(review_row_verdict_words(&row), "Not clear yet"));
	assert_null(
	    strstr(review_row_verdict_words(&row), "unlikely to settle it"));

	buf_init(&b);
	review_change(&b, &row);
	assert_string_equal(
	    b.data, "1.0 points higher, a rise of 20% of the level during the "
		    "trial");
	buf_free(&b);

	/* Day 3 of 7 with 3 check-ins: not judged, never "no check-in". */
	memset(&row, 0, sizeof row);
	row.running = 1;
	row.checkins = 3;
	row.result.days = 3;
	row.result.settle_days = 7;
	buf_init(&b);
	assert_true(review_settling(&b, &row));
	assert_string_equal(b.data,
			    "settling in, day 3 of 7: its 3 check-ins are not "
			    "judged; the judged days begin on day 8");
	buf_free(&b);
	row.result.days = 8;
	assert_false(review_settling(&b, &row));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(test_rows, setup, fx_close),
	    cmocka_unit_test(test_words),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
