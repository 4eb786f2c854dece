/*
 * Unit tests of the day's model, program_day_load(): what ran on a day,
 * what was kept, whether a flare-up ran, and the practices and questions
 * its check-in asks, one rule a test. A real SQLite log in a temporary
 * directory and a small pack (alpha with a practice and a question, beta
 * with a practice, the wildcard mat whose practice is the flare-up tool in
 * a pack that marks none); today is passed in, so no clock is needed.
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
#include "store.h"
#include "util.h"

#define TODAY "2026-11-24"

enum { ALPHA, BETA, MAT, GAMMA };

static int
setup(void **state)
{
	struct fx *fx;
	char *cause = NULL;

	if (fx_open(state, fx_pack_days, sizeof fx_pack_days - 1) != 0)
		return -1;
	fx = *state;
	/* No approach starts before the safety question is answered. */
	if (program_screening(fx->pack, fx->store, "numb", 0, &cause) != 0) {
		print_error("%s\n", cause);
		free(cause);
		return -1;
	}
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
stop(struct fx *fx, const char *id, const char *day)
{
	char *cause = NULL;

	expect_ok(
	    program_stop(fx->pack, fx->store, id, day, OUTCOME_STOPPED, &cause),
	    &cause);
}

static void
keep(struct fx *fx, const char *id, const char *day)
{
	char *cause = NULL;

	expect_ok(
	    program_keep(fx->pack, fx->store, id, day, OUTCOME_HELPED, &cause),
	    &cause);
}

static void
drop(struct fx *fx, const char *id, const char *day)
{
	char *cause = NULL;

	expect_ok(program_drop(fx->pack, fx->store, id, day, &cause), &cause);
}

/* A flare-up from began; it lasts until over (no usual pain, no level). */
static void
flare(struct fx *fx, const char *began, const char *over)
{
	char *cause = NULL;

	expect_ok(program_flare(fx->pack, fx->store, TODAY, began, ENTRY_NONE,
				NULL, NULL, &cause),
		  &cause);
	if (over != NULL)
		expect_ok(program_flare_over(fx->pack, fx->store, TODAY, over,
					     NULL, NULL, &cause),
			  &cause);
}

static void
did(struct fx *fx, const char *practice, const char *day)
{
	struct program_session s = {.practice = practice,
				    .minutes = ENTRY_NONE,
				    .pain_before = ENTRY_NONE,
				    .pain_after = ENTRY_NONE};
	char *cause = NULL;

	memcpy(s.day, day, DAY_LEN);
	expect_ok(
	    program_session_add(fx->pack, fx->store, TODAY, &s, NULL, &cause),
	    &cause);
}

static void
load(struct fx *fx, const char *day, struct program_day *d)
{
	char *cause = NULL;

	expect_ok(program_day_load(fx->pack, fx->store, day, TODAY, d, &cause),
		  &cause);
	assert_string_equal(d->day, day);
	assert_int_equal(d->napproaches, fx->pack->napproaches);
}

/* "walk stretch(habit) lie(flare)": the practices as the day lists them,
 * each with its label, for one comparison per case. */
static char *
listed(const struct program_day *d)
{
	struct buf b;
	size_t i;

	buf_init(&b);
	for (i = 0; i < d->npractices; i++)
		buf_printf(&b, "%s%s%s", i > 0 ? " " : "",
			   d->practices[i].practice->id,
			   d->practices[i].habit   ? "(habit)"
			   : d->practices[i].flare ? "(flare)"
						   : "");
	if (b.data == NULL)
		buf_adds(&b, "");
	return buf_take(&b);
}

static void
expect_listed(struct fx *fx, const char *day, const char *want)
{
	struct program_day d;
	char *got;

	load(fx, day, &d);
	got = listed(&d);
	program_day_free(&d);
	if (strcmp(got, want) != 0) {
		char msg[256];

		snprintf(msg, sizeof msg, "%s: listed '%s', expected '%s'", day,
			 got, want);
		free(got);
		fail_msg("%s", msg);
	}
	free(got);
}

/* One order: the approaches that ran (pack order, wildcards too), then the
 * habits, then on a flare-up's day the flare-up tools. */
static void
test_day_order(void **state)
{
	struct fx *fx = *state;

	expect_listed(fx, TODAY, "");
	start(fx, "beta", "2026-11-01");
	keep(fx, "beta", "2026-11-10");
	start(fx, "alpha", "2026-11-20");
	expect_listed(fx, TODAY, "walk stretch(habit)");
	flare(fx, "2026-11-23", NULL);
	expect_listed(fx, TODAY, "walk stretch(habit) lie(flare)");
	/* Beta again, as a trial beside its habit: asked as the approach
	 * that runs, in pack order. */
	start(fx, "beta", "2026-11-24");
	expect_listed(fx, TODAY, "walk stretch lie(flare)");
}

/* Each practice once: the running wildcard's practice is the flare-up tool
 * too, a habit's practice may be one as well. */
static void
test_day_each_once(void **state)
{
	struct fx *fx = *state;
	struct program_day d;

	start(fx, "mat", "2026-11-20");
	flare(fx, "2026-11-22", NULL);
	load(fx, TODAY, &d);
	assert_int_equal(d.npractices, 1);
	assert_string_equal(d.practices[0].practice->id, "lie");
	/* Listed where the running approach puts it, labelled as the tool
	 * it is on a flare-up's day. */
	assert_true(d.practices[0].flare);
	assert_false(d.practices[0].habit);
	program_day_free(&d);

	keep(fx, "mat", TODAY);
	expect_listed(fx, TODAY, "lie(habit)");
	/* Before the flare-up the running mat's practice has no label. */
	expect_listed(fx, "2026-11-21", "lie");
}

/* A habit kept with program_keep() is listed as the habit from the day
 * it was kept (its trial's last day is no longer a day it ran), with the
 * day's count; its questions are not asked. */
static void
test_day_habit_label(void **state)
{
	struct fx *fx = *state;
	struct program_day d;

	start(fx, "alpha", "2026-11-10");
	keep(fx, "alpha", "2026-11-20");
	did(fx, "walk", TODAY);
	load(fx, TODAY, &d);
	assert_int_equal(d.npractices, 1);
	assert_string_equal(d.practices[0].practice->id, "walk");
	assert_true(d.practices[0].habit);
	assert_false(d.practices[0].flare);
	assert_int_equal(d.practices[0].done, 1);
	assert_int_equal(d.nquestions, 0);
	assert_false(d.ran[ALPHA]);
	assert_true(d.kept[ALPHA]);
	program_day_free(&d);

	expect_listed(fx, "2026-11-20", "walk(habit)");
	load(fx, "2026-11-19", &d);
	assert_true(d.ran[ALPHA]);
	assert_false(d.kept[ALPHA]);
	assert_int_equal(d.nquestions, 1);
	assert_string_equal(d.questions[0].question->id, "feel");
	assert_false(d.practices[0].habit);
	program_day_free(&d);
}

/* The flare-up tools only on a flare-up's days, as program_flares_load()
 * counts them: from the day it began to the day before it was over. */
static void
test_day_flare_label_only_on_flare_days(void **state)
{
	struct fx *fx = *state;
	struct program_day d;

	flare(fx, "2026-11-15", "2026-11-17");
	expect_listed(fx, "2026-11-14", "");
	expect_listed(fx, "2026-11-15", "lie(flare)");
	expect_listed(fx, "2026-11-16", "lie(flare)");
	expect_listed(fx, "2026-11-17", "");
	load(fx, "2026-11-16", &d);
	assert_string_equal(d.flare_began, "2026-11-15");
	assert_false(d.flare_running);
	program_day_free(&d);

	/* One running today: its days reach today. */
	flare(fx, "2026-11-22", NULL);
	expect_listed(fx, "2026-11-21", "");
	load(fx, TODAY, &d);
	assert_string_equal(d.flare_began, "2026-11-22");
	assert_true(d.flare_running);
	program_day_free(&d);
}

/* An earlier day asks what ran then: not a trial that started after it,
 * nor its questions; a trial that ended after it, yes. */
static void
test_day_earlier_trial(void **state)
{
	struct fx *fx = *state;
	struct program_day d;

	start(fx, "beta", "2026-11-05");
	stop(fx, "beta", "2026-11-18");
	start(fx, "alpha", "2026-11-20");
	load(fx, "2026-11-19", &d);
	assert_false(d.ran[ALPHA]);
	assert_false(d.ran[BETA]);
	assert_int_equal(d.npractices, 0);
	assert_int_equal(d.nquestions, 0);
	program_day_free(&d);
	expect_listed(fx, "2026-11-17", "stretch");
	expect_listed(fx, "2026-11-04", "");
	load(fx, "2026-11-20", &d);
	assert_true(d.ran[ALPHA]);
	assert_int_equal(d.nquestions, 1);
	program_day_free(&d);
}

/* A habit dropped is asked on the days it was kept, not from the day it
 * was dropped; before it was kept its trial ran. */
static void
test_day_earlier_habit(void **state)
{
	struct fx *fx = *state;

	start(fx, "beta", "2026-11-01");
	keep(fx, "beta", "2026-11-10");
	drop(fx, "beta", "2026-11-15");
	expect_listed(fx, "2026-11-09", "stretch");
	expect_listed(fx, "2026-11-10", "stretch(habit)");
	expect_listed(fx, "2026-11-14", "stretch(habit)");
	expect_listed(fx, "2026-11-15", "");
	expect_listed(fx, TODAY, "");
}

/* The day's check-in, its answers to the questions asked, and the
 * answers that warn, by program_question_warns(). */
static void
test_day_checkin_and_answers(void **state)
{
	struct fx *fx = *state;
	struct program_answer ans = {"feel", "worse"};
	struct program_checkin in = {.day = "2026-11-22",
				     .pain = 6,
				     .interference = ENTRY_NONE,
				     .note = "tired",
				     .answers = &ans,
				     .nanswers = 1};
	struct program_day d;
	char *cause = NULL;

	start(fx, "alpha", "2026-11-20");
	load(fx, "2026-11-22", &d);
	assert_false(d.checked_in);
	assert_int_equal(d.nquestions, 1);
	assert_int_equal(d.questions[0].choice, -1);
	assert_int_equal(d.nwarnings, 0);
	program_day_free(&d);

	expect_ok(program_checkin(fx->pack, fx->store, TODAY, &in, NULL, NULL,
				  NULL, &cause),
		  &cause);
	load(fx, "2026-11-22", &d);
	assert_true(d.checked_in);
	assert_int_equal(d.checkin.pain, 6);
	assert_int_equal(d.checkin.interference, ENTRY_NONE);
	assert_string_equal(d.checkin.note, "tired");
	assert_int_equal(d.questions[0].choice, 1);
	assert_int_equal(d.nwarnings, 1);
	assert_string_equal(d.warnings[0]->warning, "Rest.");
	program_day_free(&d);
	/* Another day has none of it. */
	load(fx, "2026-11-23", &d);
	assert_false(d.checked_in);
	assert_int_equal(d.nwarnings, 0);
	program_day_free(&d);
}

/* The one warn_if rule. */
static void
test_question_warns(void **state)
{
	struct fx *fx = *state;
	const struct question *q = content_question(fx->pack, "feel");

	assert_non_null(q);
	assert_true(program_question_warns(q, "worse"));
	assert_false(program_question_warns(q, "better"));
	assert_false(program_question_warns(q, NULL));
	assert_false(program_question_warns(NULL, "worse"));
}

/* Today's list in program_today_load() is the day's, entry for entry. */
static void
test_today_is_the_day(void **state)
{
	struct fx *fx = *state;
	struct program_today t;
	struct program_day d;
	char *cause = NULL;
	size_t i;

	start(fx, "beta", "2026-11-01");
	keep(fx, "beta", "2026-11-10");
	start(fx, "alpha", "2026-11-20");
	start(fx, "mat", "2026-11-20");
	flare(fx, "2026-11-23", NULL);
	did(fx, "stretch", TODAY);
	load(fx, TODAY, &d);
	expect_ok(program_today_load(fx->pack, fx->store, TODAY, &t, &cause),
		  &cause);
	assert_int_equal(t.npractices, d.npractices);
	assert_int_equal(t.npractices, 3);
	for (i = 0; i < d.npractices; i++) {
		assert_ptr_equal(t.practices[i].practice,
				 d.practices[i].practice);
		assert_int_equal(t.practices[i].done, d.practices[i].done);
		assert_int_equal(t.practices[i].habit, d.practices[i].habit);
		assert_int_equal(t.practices[i].flare, d.practices[i].flare);
	}
	assert_string_equal(t.flare_since, "2026-11-23");
	program_today_free(&t);
	program_day_free(&d);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(test_day_order, setup, fx_close),
	    cmocka_unit_test_setup_teardown(test_day_each_once, setup,
					    fx_close),
	    cmocka_unit_test_setup_teardown(test_day_habit_label, setup,
					    fx_close),
	    cmocka_unit_test_setup_teardown(
		test_day_flare_label_only_on_flare_days, setup, fx_close),
	    cmocka_unit_test_setup_teardown(test_day_earlier_trial, setup,
					    fx_close),
	    cmocka_unit_test_setup_teardown(test_day_earlier_habit, setup,
					    fx_close),
	    cmocka_unit_test_setup_teardown(test_day_checkin_and_answers, setup,
					    fx_close),
	    cmocka_unit_test_setup_teardown(test_question_warns, setup,
					    fx_close),
	    cmocka_unit_test_setup_teardown(test_today_is_the_day, setup,
					    fx_close),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
