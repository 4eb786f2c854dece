/*
 * Unit tests of the one write path (program_write_*.c), with no terminal: a
 * real SQLite log in a temporary directory, read back with sqlite3 on a
 * connection of its own. Every write that is allowed lands as asked; every
 * refusal returns EX_DATAERR, names the refused value (struct program_bad)
 * and leaves the file exactly as it was. "today" is passed in.
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
#include <unistd.h>

#include "content.h"
#include "expect.h"
#include "program_fixture.h"
#include "program.h"
#include "store.h"
#include "util.h"

#define TODAY "2026-11-24"

static const char pack_text[] =
    "format: 1\n"
    "id: write-test\n"
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
    "Go.},\n"
    "  {id: slow, question: S?, urgency: soon, holds: false, advice: See.}]\n"
    "approaches:\n"
    "  - {id: alpha, title: Alpha, summary: S., model: M., suits: [a], "
    "effort: low, trial_days: 7, steps: [s],\n"
    "     practices: [{id: walk, title: W, minutes: 10, per_day: 1, "
    "steps: [w]}],\n"
    "     questions: [{id: feel, text: F?, choices: [better, worse], "
    "warn_if: worse, warning: Rest.}]}\n"
    "  - {id: beta, title: Beta, summary: S., model: M., suits: [a], "
    "effort: low, trial_days: 14, steps: [s],\n"
    "     practices: [{id: stretch, title: S, minutes: 5, per_day: 2, "
    "steps: [s]}],\n"
    "     questions: [{id: where, text: W?, choices: [same, spreading], "
    "warn_if: spreading, warning: See someone.}]}\n"
    "  - {id: mat, title: Mat, summary: S., model: M., suits: [a], "
    "effort: low, wildcard: true, steps: [s],\n"
    "     practices: [{id: lie, title: L, minutes: 20, per_day: 1, "
    "steps: [l]}]}\n";

static int
setup(void **state)
{
	return fx_open(state, pack_text, sizeof pack_text - 1);
}

/* The rows of sql, one line each, columns split by '|', read on a
 * connection of the test's own (NULL shown as '-'). Allocated. */
static char *
rows(const struct fx *fx, const char *sql)
{
	sqlite3 *db;
	sqlite3_stmt *st;
	struct buf b;
	int i, rc;

	assert_int_equal(
	    sqlite3_open_v2(fx->path, &db, SQLITE_OPEN_READONLY, NULL),
	    SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &st, NULL), SQLITE_OK);
	buf_init(&b);
	buf_adds(&b, "");
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		for (i = 0; i < sqlite3_column_count(st); i++) {
			const unsigned char *t = sqlite3_column_text(st, i);

			buf_printf(&b, "%s%s", i > 0 ? "|" : "",
				   t != NULL ? (const char *)t : "-");
		}
		buf_addc(&b, '\n');
	}
	assert_int_equal(rc, SQLITE_DONE);
	sqlite3_finalize(st);
	sqlite3_close(db);
	return buf_take(&b);
}

static void
expect_rows(const struct fx *fx, const char *sql, const char *want)
{
	char *got = rows(fx, sql);

	if (strcmp(got, want) != 0)
		fail_msg("%s\ngave:\n%swant:\n%s", sql, got, want);
	free(got);
}

/* Everything a person can write, as text, to see that a refusal left the
 * file as it was (timestamps included). */
static char *
everything(const struct fx *fx)
{
	static const char *const tables[] = {
	    "SELECT * FROM checkin ORDER BY day",
	    "SELECT * FROM answer ORDER BY day, question_id",
	    "SELECT * FROM session ORDER BY id",
	    "SELECT * FROM trial ORDER BY id",
	    "SELECT * FROM screening ORDER BY rowid",
	    "SELECT * FROM profile ORDER BY key",
	    "SELECT * FROM habit ORDER BY id",
	    "SELECT * FROM flare ORDER BY id",
	};
	struct buf b;
	size_t i;

	buf_init(&b);
	for (i = 0; i < sizeof tables / sizeof tables[0]; i++) {
		char *r = rows(fx, tables[i]);

		buf_printf(&b, "%s:\n%s", tables[i], r);
		free(r);
	}
	return buf_take(&b);
}

/* A check-in of TODAY, pain 4, nothing else. */
static struct program_checkin
plain(void)
{
	struct program_checkin in = {.pain = 4, .interference = ENTRY_NONE};

	memcpy(in.day, TODAY, DAY_LEN);
	return in;
}

static void
save(struct fx *fx, const struct program_checkin *in)
{
	char *cause = NULL;

	expect_ok(program_checkin(fx->pack, fx->store, TODAY, in, NULL, NULL,
				  NULL, &cause),
		  &cause);
}

/* Both program_checkin_check and program_checkin refuse in, naming field
 * (and index), with words in the cause; the file does not change. */
static void
checkin_refused(struct fx *fx, const struct program_checkin *in,
		enum program_field field, size_t index, const char *words)
{
	struct program_bad bad = {PROGRAM_FIELD_NONE, 99};
	char *before = everything(fx), *after, *cause = NULL;

	expect_refused(program_checkin_check(fx->pack, TODAY, in, &bad, &cause),
		       &cause, words);
	assert_int_equal(bad.field, field);
	assert_int_equal(bad.index, index);
	bad.field = PROGRAM_FIELD_NONE;
	expect_refused(program_checkin(fx->pack, fx->store, TODAY, in, NULL,
				       NULL, &bad, &cause),
		       &cause, words);
	assert_int_equal(bad.field, field);
	assert_int_equal(bad.index, index);
	after = everything(fx);
	assert_string_equal(before, after);
	free(before);
	free(after);
}

static void
test_checkin_lands(void **state)
{
	struct fx *fx = *state;
	struct program_checkin in = plain();
	const char *did[] = {"walk", "lie", "walk"};
	const struct program_answer ans[] = {
	    {"feel", "worse"}, {"where", "same"}, {"feel", "better"}};
	struct checkin old;
	char *cause = NULL;
	int replaced = -1;

	in.interference = 3;
	in.note = "stiff";
	in.did = did;
	in.ndid = 3;
	in.answers = ans;
	in.nanswers = 3;
	expect_ok(program_checkin(fx->pack, fx->store, TODAY, &in, &old,
				  &replaced, NULL, &cause),
		  &cause);
	assert_int_equal(replaced, 0);
	checkin_clear(&old);
	expect_rows(fx, "SELECT day, pain, interference, note FROM checkin",
		    "2026-11-24|4|3|stiff\n");
	/* A question answered twice keeps the last answer. */
	expect_rows(fx,
		    "SELECT question_id, value FROM answer ORDER BY "
		    "question_id",
		    "feel|better\nwhere|same\n");
	/* A practice marked is a session with no minutes, once; a practice
	 * of an approach that is not running may be marked. */
	expect_rows(fx,
		    "SELECT practice, approach, day, minutes, pain_before, "
		    "pain_after FROM session ORDER BY id",
		    "walk|alpha|2026-11-24|-|-|-\nlie|mat|2026-11-24|-|-|-\n");
	/* An empty note is no note; the day before today is fine. */
	in = plain();
	in.note = "";
	memcpy(in.day, "2026-11-23", DAY_LEN);
	save(fx, &in);
	expect_rows(fx, "SELECT day, note FROM checkin ORDER BY day",
		    "2026-11-23|-\n2026-11-24|stiff\n");
}

static void
test_checkin_refusals(void **state)
{
	struct fx *fx = *state;
	struct program_checkin in = plain();
	const char *did[] = {"walk", "nope"};
	const struct program_answer unknown[] = {{"feel", "worse"},
						 {"nope", "same"}};
	const struct program_answer choice[] = {{"where", "nowhere"}};

	in.note = "kept";
	save(fx, &in);

	in = plain();
	in.pain = 11;
	checkin_refused(fx, &in, PROGRAM_FIELD_PAIN, 0, "not a rating");
	in.pain = -1;
	checkin_refused(fx, &in, PROGRAM_FIELD_PAIN, 0, "from 0");
	in = plain();
	in.interference = 12;
	checkin_refused(fx, &in, PROGRAM_FIELD_INTERFERENCE, 0, "to 10");
	in = plain();
	in.note = "bad \xff byte";
	checkin_refused(fx, &in, PROGRAM_FIELD_NOTE, 0, "UTF-8 at byte 5");
	in = plain();
	in.did = did;
	in.ndid = 2;
	checkin_refused(fx, &in, PROGRAM_FIELD_DID, 1,
			"no such practice; the pack has: walk, stretch, lie");
	in = plain();
	in.answers = unknown;
	in.nanswers = 2;
	checkin_refused(fx, &in, PROGRAM_FIELD_ANSWER, 1,
			"no such question; the pack has: feel, where");
	in.answers = choice;
	in.nanswers = 1;
	checkin_refused(fx, &in, PROGRAM_FIELD_ANSWER, 0,
			"where is one of: same, spreading");
	in = plain();
	memcpy(in.day, "2026-11-25", DAY_LEN);
	checkin_refused(fx, &in, PROGRAM_FIELD_DAY, 0,
			"2026-11-25 is in the future (today is 2026-11-24)");
	memcpy(in.day, "2026-02-30", DAY_LEN);
	checkin_refused(fx, &in, PROGRAM_FIELD_DAY, 0, "not a day");
}

/*
 * A second check-in of a day: a rating alone keeps the answers and marks;
 * answers given (merge 0, the CLI) replace all of the day's answers; merge
 * 1 (the TUI form) adds to them; marks only add; a timed session is never
 * deleted nor marked again.
 */
static void
test_recheckin(void **state)
{
	struct fx *fx = *state;
	struct program_checkin in = plain();
	const char *did[] = {"walk"}, *more[] = {"lie", "stretch"};
	const struct program_answer first[] = {{"feel", "worse"},
					       {"where", "spreading"}};
	const struct program_answer same[] = {{"where", "same"}};
	const struct program_answer better[] = {{"feel", "better"}};
	struct program_session s = {.practice = "stretch", .minutes = 12};
	char *cause = NULL;

	in.did = did;
	in.ndid = 1;
	in.answers = first;
	in.nanswers = 2;
	save(fx, &in);
	memcpy(s.day, TODAY, DAY_LEN);
	s.pain_before = s.pain_after = ENTRY_NONE;
	expect_ok(
	    program_session_add(fx->pack, fx->store, TODAY, &s, NULL, &cause),
	    &cause);

	in = plain();
	in.pain = 5;
	save(fx, &in);
	expect_rows(fx, "SELECT pain FROM checkin", "5\n");
	expect_rows(fx,
		    "SELECT question_id, value FROM answer ORDER BY "
		    "question_id",
		    "feel|worse\nwhere|spreading\n");
	expect_rows(fx, "SELECT practice, minutes FROM session ORDER BY id",
		    "walk|-\nstretch|12\n");

	in.answers = same;
	in.nanswers = 1;
	save(fx, &in);
	expect_rows(fx, "SELECT question_id, value FROM answer",
		    "where|same\n");

	in.answers = better;
	in.merge = 1;
	save(fx, &in);
	expect_rows(fx,
		    "SELECT question_id, value FROM answer ORDER BY "
		    "question_id",
		    "feel|better\nwhere|same\n");

	in = plain();
	in.did = more;
	in.ndid = 2;
	save(fx, &in);
	expect_rows(fx, "SELECT practice, minutes FROM session ORDER BY id",
		    "walk|-\nstretch|12\nlie|-\n");
	expect_rows(fx, "SELECT count(*) FROM answer", "2\n");
}

static void
session_refused(struct fx *fx, struct program_session *s,
		enum program_field field, const char *words)
{
	struct program_bad bad = {PROGRAM_FIELD_NONE, 99};
	char *before = everything(fx), *after, *cause = NULL;

	expect_refused(
	    program_session_add(fx->pack, fx->store, TODAY, s, &bad, &cause),
	    &cause, words);
	assert_int_equal(bad.field, field);
	after = everything(fx);
	assert_string_equal(before, after);
	free(before);
	free(after);
}

static void
test_sessions(void **state)
{
	struct fx *fx = *state;
	struct program_session s = {.practice = "lie",
				    .minutes = ENTRY_NONE,
				    .pain_before = 7,
				    .pain_after = ENTRY_NONE};
	char *cause = NULL;

	/* No minutes: the practice's own. */
	memcpy(s.day, "2026-11-23", DAY_LEN);
	expect_ok(
	    program_session_add(fx->pack, fx->store, TODAY, &s, NULL, &cause),
	    &cause);
	assert_int_equal(s.minutes, 20);
	expect_rows(fx,
		    "SELECT practice, approach, day, minutes, pain_before, "
		    "pain_after FROM session",
		    "lie|mat|2026-11-23|20|7|-\n");

	s.practice = "nope";
	session_refused(fx, &s, PROGRAM_FIELD_PRACTICE, "no such practice");
	s.practice = "walk";
	s.minutes = 0;
	session_refused(fx, &s, PROGRAM_FIELD_MINUTES, "from 1 to 1440");
	s.minutes = SESSION_MINUTES_MAX + 1;
	session_refused(fx, &s, PROGRAM_FIELD_MINUTES, "from 1 to 1440");
	s.minutes = 10;
	s.pain_before = 11;
	session_refused(fx, &s, PROGRAM_FIELD_BEFORE, "not a rating");
	s.pain_before = ENTRY_NONE;
	s.pain_after = -2;
	session_refused(fx, &s, PROGRAM_FIELD_AFTER, "not a rating");
	s.pain_after = 3;
	memcpy(s.day, "2026-11-25", DAY_LEN);
	session_refused(fx, &s, PROGRAM_FIELD_DAY, "in the future");
}

static void
test_screening_and_profile(void **state)
{
	struct fx *fx = *state;
	char *before, *after, *cause = NULL;

	expect_ok(program_screening(fx->pack, fx->store, "numb", 1, &cause),
		  &cause);
	expect_ok(
	    program_screening(fx->pack, fx->store, SCREENING_INJURY, 0, &cause),
	    &cause);
	expect_ok(program_usual_pain(fx->store, 6, &cause), &cause);
	expect_ok(program_onboarded(fx->store, TODAY, TODAY, &cause), &cause);
	expect_rows(fx, "SELECT flag_id, answer FROM screening ORDER BY rowid",
		    "numb|1\nrecent-injury|0\n");
	expect_rows(fx, "SELECT key, value FROM profile ORDER BY key",
		    "onboarded|2026-11-24\nrecent_injury|no\nusual_pain|6\n");

	before = everything(fx);
	expect_refused(
	    program_screening(fx->pack, fx->store, "fever", 1, &cause), &cause,
	    "no such safety question 'fever'");
	expect_refused(
	    program_screening(fx->pack, fx->store, "numb", 2, &cause), &cause,
	    "yes or no");
	expect_refused(program_usual_pain(fx->store, 11, &cause), &cause,
		       "not a rating");
	expect_refused(
	    program_onboarded(fx->store, "2026-11-25", TODAY, &cause), &cause,
	    "in the future");
	after = everything(fx);
	assert_string_equal(before, after);
	free(before);
	free(after);
}

/* The safety questions answered no, as onboarding would. */
static void
screened(struct fx *fx)
{
	static const char *const ids[] = {"numb", "slow"};
	static const int no[] = {0, 0};
	char *cause = NULL;

	expect_ok(program_screening_many(fx->pack, fx->store, ids, no, 2, NULL,
					 &cause),
		  &cause);
}

/* A start refused for safety: PROGRAM_REFUSED, words in the cause, the log
 * as it was. */
static void
start_held(struct fx *fx, const char *day, const char *words)
{
	char *before = everything(fx), *after, *cause = NULL;
	int rc = program_start(fx->pack, fx->store, "alpha", day, NULL, &cause);

	if (rc != PROGRAM_REFUSED)
		fail_msg("start gave %d, want %d: %s", rc, PROGRAM_REFUSED,
			 cause ? cause : "(no cause)");
	if (cause == NULL || strstr(cause, words) == NULL)
		fail_msg("cause '%s' lacks '%s'", cause ? cause : "", words);
	free(cause);
	after = everything(fx);
	assert_string_equal(before, after);
	free(before);
	free(after);
}

static void
safety(struct fx *fx, const char *today, struct program_safety *s)
{
	char *cause = NULL;

	expect_ok(program_safety_load(fx->pack, fx->store, today, s, &cause),
		  &cause);
}

/*
 * Issue 11: never answered, no start (a check-in is fine); a yes to a flag
 * that holds, no start until a doctor's check is recorded; a yes to one
 * that does not hold, advice only; the emergency questions fall due again
 * after six weeks.
 */
static void
test_safety_holds(void **state)
{
	struct fx *fx = *state;
	struct program_safety s;
	char asked[DAY_LEN], later[DAY_LEN], *cause = NULL;
	const char *ids[] = {"numb", "slow"};
	int answers[] = {1, 1};

	safety(fx, TODAY, &s);
	assert_int_equal(s.unanswered, 2);
	assert_string_equal(s.since, "");
	program_safety_free(&s);
	start_held(fx, TODAY, "safety questions are answered");

	/* An unknown flag in a batch writes none of it. */
	ids[1] = "fever";
	expect_refused(program_screening_many(fx->pack, fx->store, ids, answers,
					      2, NULL, &cause),
		       &cause, "no such safety question");
	expect_rows(fx, "SELECT count(*) FROM screening", "0\n");
	ids[1] = "slow";
	expect_ok(program_screening_many(fx->pack, fx->store, ids, answers, 2,
					 NULL, &cause),
		  &cause);
	/* An answer stamped after today (before the day's start hour) counts
	 * as today's; a later today reads the clock's day as it is. */
	safety(fx, "2000-01-01", &s);
	assert_string_equal(s.flags[0].asked_on, "2000-01-01");
	program_safety_free(&s);
	safety(fx, "2999-12-31", &s);
	memcpy(asked, s.flags[0].asked_on, DAY_LEN);
	assert_int_equal(day_valid(asked), 0);
	assert_int_equal(s.unanswered, 0);
	assert_int_equal(s.holding, 1);
	assert_int_equal(s.advice, 1);
	assert_int_equal(s.flags[0].state, PROGRAM_FLAG_HOLDS);
	assert_int_equal(s.flags[1].state, PROGRAM_FLAG_ADVICE);
	assert_string_equal(s.since, asked);
	program_safety_free(&s);
	start_held(fx, asked, "you answered yes on");

	/* A check is of a yes, not before it, not in the future. */
	day_add(asked, -1, later);
	expect_refused(program_screening_checked(fx->pack, fx->store, "numb",
						 later, asked, &cause),
		       &cause, "before the yes it checks");
	day_add(asked, 1, later);
	expect_refused(program_screening_checked(fx->pack, fx->store, "numb",
						 later, asked, &cause),
		       &cause, "in the future");
	expect_ok(program_screening_checked(fx->pack, fx->store, "numb", asked,
					    asked, &cause),
		  &cause);
	safety(fx, asked, &s);
	assert_int_equal(s.flags[0].state, PROGRAM_FLAG_CHECKED);
	assert_string_equal(s.flags[0].checked_on, asked);
	assert_int_equal(s.holding, 0);
	assert_int_equal(program_safety_allows(&s, &cause), 0);
	program_safety_free(&s);
	expect_ok(
	    program_start(fx->pack, fx->store, "alpha", asked, NULL, &cause),
	    &cause);
	/* Both the answer and the check stay in the log. */
	expect_rows(fx,
		    "SELECT flag_id, answer, checked_on IS NOT NULL FROM "
		    "screening ORDER BY id",
		    "numb|1|1\nslow|1|0\n");

	/* A no replaces the yes; a no cannot be checked. */
	expect_ok(program_screening(fx->pack, fx->store, "numb", 0, &cause),
		  &cause);
	expect_refused(program_screening_checked(fx->pack, fx->store, "numb",
						 asked, asked, &cause),
		       &cause, "latest answer is no");

	/* Six weeks on, the emergency questions are due again. */
	day_add(asked, PROGRAM_RECHECK_DAYS - 1, later);
	safety(fx, later, &s);
	assert_false(s.recheck_due);
	program_safety_free(&s);
	day_add(asked, PROGRAM_RECHECK_DAYS, later);
	safety(fx, later, &s);
	assert_true(s.recheck_due);
	program_safety_free(&s);
}

static void
test_trials_refused_unchanged(void **state)
{
	struct fx *fx = *state;
	char *before, *after, *cause = NULL;

	screened(fx);
	expect_ok(program_start(fx->pack, fx->store, "alpha", "2026-11-20",
				NULL, &cause),
		  &cause);
	before = everything(fx);
	expect_refused(
	    program_start(fx->pack, fx->store, "nope", TODAY, NULL, &cause),
	    &cause, "unknown approach");
	expect_refused(
	    program_start(fx->pack, fx->store, "alpha", TODAY, NULL, &cause),
	    &cause, "already running");
	expect_refused(program_stop(fx->pack, fx->store, "alpha", "2026-11-19",
				    OUTCOME_HELPED, &cause),
		       &cause, "before it started");
	expect_refused(program_outcome(fx->store, 1, OUTCOME_HELPED, &cause),
		       &cause, "still running");
	after = everything(fx);
	assert_string_equal(before, after);
	free(before);
	free(after);

	/* An ended trial's outcome may change, never to "none". */
	expect_ok(program_stop(fx->pack, fx->store, "alpha", TODAY,
			       OUTCOME_STOPPED, &cause),
		  &cause);
	before = everything(fx);
	expect_refused(program_outcome(fx->store, 1, OUTCOME_NONE, &cause),
		       &cause, "needs an outcome");
	expect_refused(program_outcome(fx->store, 2, OUTCOME_HELPED, &cause),
		       &cause, "no trial 2");
	after = everything(fx);
	assert_string_equal(before, after);
	free(before);
	free(after);
	expect_ok(program_outcome(fx->store, 1, OUTCOME_HELPED, &cause),
		  &cause);
	expect_rows(fx, "SELECT approach, ended_on, outcome FROM trial",
		    "alpha|2026-11-24|helped\n");
}

/* A check-in of day with pain p. */
static void
pain_on(struct fx *fx, const char *day, int p)
{
	struct program_checkin in = plain();

	memcpy(in.day, day, DAY_LEN);
	in.pain = p;
	save(fx, &in);
}

/* The flare-ups as program_flares_load() sees them today, one line each:
 * began|ended|by|level|peak|days. */
static char *
flares_seen(struct fx *fx)
{
	struct program_flares fl;
	struct buf b;
	char *cause = NULL;
	size_t i;

	expect_ok(program_flares_load(fx->pack, fx->store, TODAY, &fl, &cause),
		  &cause);
	buf_init(&b);
	buf_adds(&b, "");
	for (i = 0; i < fl.n; i++) {
		const struct program_flare *f = &fl.flares[i];

		buf_printf(&b, "%s|%s|%s|%d|%d|%d\n", f->began_on,
			   f->ended_on[0] ? f->ended_on : "-",
			   flare_end_name(f->ended_by), f->level, f->peak,
			   f->days);
	}
	program_flares_free(&fl);
	return buf_take(&b);
}

/* Issue 12: the person's level is the median of the 28 days before the
 * flare (the lower middle of an even count); two calm days (at most a
 * point above it) end it on the first of them, written to the log by the
 * check-in that makes the second; a flare that overlaps one recorded, or
 * begins before a later one, is refused with the file unchanged. */
static void
test_flare_median_level(void **state)
{
	static const int before[] = {2, 2, 3, 5, 6, 6, 9};
	struct fx *fx = *state;
	char day[DAY_LEN], over_on[DAY_LEN], *cause = NULL, *was, *seen;
	struct program_bad bad;
	size_t i;
	int changed;

	for (i = 0; i < sizeof before / sizeof before[0]; i++) {
		snprintf(day, sizeof day, "2026-11-%02zu", i + 1);
		pain_on(fx, day, before[i]);
	}
	expect_ok(program_flare(fx->pack, fx->store, TODAY, "2026-11-08", 8,
				"lifted a box", &bad, &cause),
		  &cause);
	pain_on(fx, "2026-11-08", 9);
	pain_on(fx, "2026-11-09", 7); /* 2 above the level 5: not calm */
	pain_on(fx, "2026-11-10", 6);
	expect_rows(fx, "SELECT began_on, ended_on FROM flare",
		    "2026-11-08|-\n");
	pain_on(fx, "2026-11-11", 5);
	expect_rows(fx,
		    "SELECT began_on, ended_on, ended_by, pain, note "
		    "FROM flare",
		    "2026-11-08|2026-11-10|calm|8|lifted a box\n");
	seen = flares_seen(fx);
	assert_string_equal(seen, "2026-11-08|2026-11-10|calm|5|9|2\n");
	free(seen);

	was = everything(fx);
	assert_int_equal(program_flare(fx->pack, fx->store, TODAY, "2026-11-09",
				       ENTRY_NONE, NULL, &bad, &cause),
			 EX_DATAERR);
	assert_non_null(strstr(cause, "already part of the flare-up"));
	free(cause);
	cause = NULL;
	assert_int_equal(program_flare(fx->pack, fx->store, TODAY, "2026-11-05",
				       ENTRY_NONE, NULL, &bad, &cause),
			 EX_DATAERR);
	assert_int_equal(bad.field, PROGRAM_FIELD_DAY);
	free(cause);
	cause = NULL;
	assert_int_equal(program_flare(fx->pack, fx->store, TODAY, "2026-11-20",
				       11, NULL, &bad, &cause),
			 EX_DATAERR);
	assert_int_equal(bad.field, PROGRAM_FIELD_PAIN);
	free(cause);
	cause = NULL;
	/* Over already: said so, and nothing changes. */
	expect_ok(program_flare_over(fx->pack, fx->store, TODAY, TODAY,
				     &changed, over_on, &cause),
		  &cause);
	assert_int_equal(changed, 0);
	assert_string_equal(over_on, "2026-11-10");
	seen = everything(fx);
	assert_string_equal(seen, was);
	free(seen);
	free(was);
}

/* Without 7 ratings before it the level is the usual pain; without that
 * either, only the person ends a flare. */
static void
test_flare_usual_level(void **state)
{
	struct fx *fx = *state;
	char *cause = NULL, *seen, *was, over_on[DAY_LEN];
	int changed;

	expect_ok(program_flare(fx->pack, fx->store, TODAY, "2026-11-20",
				ENTRY_NONE, NULL, NULL, &cause),
		  &cause);
	pain_on(fx, "2026-11-21", 2);
	pain_on(fx, "2026-11-22", 2);
	seen = flares_seen(fx);
	assert_string_equal(seen, "2026-11-20|-||-1|2|5\n");
	free(seen);
	/* With a usual pain of 3 the two days of 2 are calm: it was over on
	 * 11-21, which flare --over may no longer say. */
	expect_ok(program_usual_pain(fx->store, 3, &cause), &cause);
	seen = flares_seen(fx);
	assert_string_equal(seen, "2026-11-20|2026-11-21|calm|3|-1|1\n");
	free(seen);
	/* Over on a day on or after the rule's: it is over either way, so
	 * nothing changes and it is not an error. */
	was = everything(fx);
	changed = -1;
	expect_ok(program_flare_over(fx->pack, fx->store, TODAY, TODAY,
				     &changed, over_on, &cause),
		  &cause);
	assert_int_equal(changed, 0);
	assert_string_equal(over_on, "2026-11-21");
	seen = everything(fx);
	assert_string_equal(seen, was);
	free(seen);
	free(was);
	expect_ok(program_flare_settle(fx->pack, fx->store, TODAY, &cause),
		  &cause);
	expect_rows(fx, "SELECT began_on, ended_on, ended_by FROM flare",
		    "2026-11-20|2026-11-21|calm\n");
}

/* The person's day replaces the calm-days rule's when the rule ended the
 * flare after it: while the log still holds the flare open, and after a
 * check-in has written the rule's end; a day before the flare began, or
 * before any flare, is refused with nothing written. */
static void
test_flare_over_before_calm(void **state)
{
	struct fx *fx = *state;
	char *cause = NULL, *was, *seen, over_on[DAY_LEN];
	int changed;

	expect_ok(program_usual_pain(fx->store, 3, &cause), &cause);
	assert_int_equal(program_flare_over(fx->pack, fx->store, TODAY,
					    "2026-11-19", NULL, NULL, &cause),
			 EX_DATAERR);
	assert_non_null(strstr(cause, "no flare-up is running"));
	free(cause);
	cause = NULL;
	expect_ok(program_flare(fx->pack, fx->store, TODAY, "2026-11-20", 8,
				NULL, NULL, &cause),
		  &cause);
	pain_on(fx, "2026-11-22", 2);
	pain_on(fx, "2026-11-23", 2);
	/* pain_on's check-ins settled it: over by itself on 11-22. */
	expect_rows(fx, "SELECT began_on, ended_on, ended_by FROM flare",
		    "2026-11-20|2026-11-22|calm\n");
	was = everything(fx);
	assert_int_equal(program_flare_over(fx->pack, fx->store, TODAY,
					    "2026-11-19", &changed, over_on,
					    &cause),
			 EX_DATAERR);
	free(cause);
	cause = NULL;
	seen = everything(fx);
	assert_string_equal(seen, was);
	free(seen);
	free(was);
	expect_ok(program_flare_over(fx->pack, fx->store, TODAY, "2026-11-21",
				     &changed, over_on, &cause),
		  &cause);
	assert_int_equal(changed, 1);
	assert_string_equal(over_on, "2026-11-21");
	expect_rows(fx, "SELECT began_on, ended_on, ended_by FROM flare",
		    "2026-11-20|2026-11-21|person\n");
	/* Said again, or for a later day: already over, nothing changes. */
	expect_ok(program_flare_over(fx->pack, fx->store, TODAY, "2026-11-23",
				     &changed, over_on, &cause),
		  &cause);
	assert_int_equal(changed, 0);
	assert_string_equal(over_on, "2026-11-21");
	expect_rows(fx, "SELECT began_on, ended_on, ended_by FROM flare",
		    "2026-11-20|2026-11-21|person\n");
}

/* Keep and drop: a habit needs a running trial, keeps it once, and its
 * practice's marks count for it. */
static void
test_habit_keep_drop(void **state)
{
	struct fx *fx = *state;
	struct program_checkin in = plain();
	const char *did[] = {"walk"};
	struct program_plan plan;
	char *cause = NULL;

	assert_int_equal(program_keep(fx->pack, fx->store, "alpha", TODAY,
				      OUTCOME_HELPED, &cause),
			 EX_DATAERR);
	free(cause);
	cause = NULL;
	/* No approach starts before the safety questions are answered. */
	expect_ok(program_screening(fx->pack, fx->store, "numb", 0, &cause),
		  &cause);
	expect_ok(program_screening(fx->pack, fx->store, "slow", 0, &cause),
		  &cause);
	expect_ok(program_start(fx->pack, fx->store, "alpha", "2026-11-10",
				NULL, &cause),
		  &cause);
	expect_ok(program_keep(fx->pack, fx->store, "alpha", "2026-11-20",
			       OUTCOME_HELPED, &cause),
		  &cause);
	in.did = did;
	in.ndid = 1;
	save(fx, &in);
	expect_ok(program_plan_load(fx->pack, fx->store, TODAY, &plan, &cause),
		  &cause);
	assert_int_equal(plan.steps[0].habit, 1);
	assert_string_equal(plan.steps[0].habit_since, "2026-11-20");
	assert_int_equal(plan.steps[0].habit_practised, 1);
	assert_int_equal(plan.steps[0].habit_days, 5);
	assert_int_equal(plan.steps[0].number, 1);
	assert_int_equal(plan.habits, 1);
	program_plan_free(&plan);
	assert_int_equal(
	    program_drop(fx->pack, fx->store, "beta", TODAY, &cause),
	    EX_DATAERR);
	free(cause);
	cause = NULL;
	expect_ok(program_drop(fx->pack, fx->store, "alpha", TODAY, &cause),
		  &cause);
	expect_rows(fx,
		    "SELECT h.approach, h.kept_on, h.dropped_on, t.outcome "
		    "FROM habit h JOIN trial t ON t.id = h.trial_id",
		    "alpha|2026-11-20|2026-11-24|helped\n");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(test_checkin_lands, setup,
					    fx_close),
	    cmocka_unit_test_setup_teardown(test_checkin_refusals, setup,
					    fx_close),
	    cmocka_unit_test_setup_teardown(test_recheckin, setup, fx_close),
	    cmocka_unit_test_setup_teardown(test_flare_median_level, setup,
					    fx_close),
	    cmocka_unit_test_setup_teardown(test_flare_usual_level, setup,
					    fx_close),
	    cmocka_unit_test_setup_teardown(test_flare_over_before_calm, setup,
					    fx_close),
	    cmocka_unit_test_setup_teardown(test_habit_keep_drop, setup,
					    fx_close),
	    cmocka_unit_test_setup_teardown(test_sessions, setup, fx_close),
	    cmocka_unit_test_setup_teardown(test_screening_and_profile, setup,
					    fx_close),
	    cmocka_unit_test_setup_teardown(test_safety_holds, setup, fx_close),
	    cmocka_unit_test_setup_teardown(test_trials_refused_unchanged,
					    setup, fx_close),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
