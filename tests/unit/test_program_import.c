/*
 * Unit tests of `backpain import` below the command line: an export read
 * back by program_import_read() and written by program_import_write()
 * (store_import()), on real SQLite logs in a temporary directory. A log
 * exported, imported into an empty log and exported again gives the same
 * bytes; into a log in use, what it holds is kept, a differing day or
 * profile key is refused with its place in the file (and nothing written)
 * unless replace, and so is a trial or a yes there with another impression
 * or doctor's check; every refused value is named by file, line and
 * column. An export from before those two columns imports them as null.
 * Habits and flare-ups round-trip too; merged, a habit follows its trial
 * to the trial's new id; a second kept habit or open flare-up beside the
 * log's is refused; an export from before their tables imports.
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
    "Go.}]\n"
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

/* The JSON export of s, allocated. */
static char *
export_of(struct store *s)
{
	char *text = NULL, *cause = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&text, &len);

	assert_non_null(f);
	expect_ok(store_export(s, STORE_FORMAT_JSON, f, &cause), &cause);
	fclose(f);
	return text;
}

/* A second log beside the fixture's, opened; one at a time. */
static struct store *
second(struct fx *fx, const char *name)
{
	char *path = xasprintf("%s/%s", fx->dir, name), *cause = NULL;

	assert_null(fx->other);
	fx->other_name = xstrdup(name);
	expect_ok(store_open(path, &fx->other, &cause), &cause);
	free(path);
	return fx->other;
}

/* Imports text into s; returns the result code, cause as given. */
static int
import(const struct fx *fx, struct store *s, const char *text, int replace,
       struct program_import_result *res, char **cause)
{
	struct program_import *imp = NULL;
	int rc;

	rc = program_import_read(fx->pack, TODAY, "f.json", text, strlen(text),
				 &imp, cause);
	if (rc != 0)
		return rc;
	rc = program_import_write(s, imp, replace, res, cause);
	program_import_free(imp);
	/* The counts are what these tests read; the names of the log's rows
	 * replaced or removed are cli/import's. */
	if (rc == 0)
		program_import_result_clear(res);
	return rc;
}

/* Something of every table in the fixture's log. */
static void
fill(struct fx *fx)
{
	static const char *const did[] = {"walk"};
	static const struct program_answer ans[] = {{"feel", "worse"}};
	struct program_checkin in = {.pain = 4, .interference = ENTRY_NONE};
	/* Timed by the timer: 7 minutes and 5 seconds. */
	struct program_session ses = {.practice = "stretch",
				      .minutes = ENTRY_NONE,
				      .pain_before = 5,
				      .pain_after = 3,
				      .seconds = 425};
	char *cause = NULL;

	/* No approach starts before the safety questions are answered. */
	expect_ok(program_screening(fx->pack, fx->store, "numb", 0, &cause),
		  &cause);
	expect_ok(program_start(fx->pack, fx->store, "alpha", "2026-11-20",
				NULL, &cause),
		  &cause);
	memcpy(in.day, "2026-11-22", DAY_LEN);
	in.note = "a\nb\t\033[2J \xe2\x80\xae \xc2\x85 \xf0\x9f\x98\x80";
	expect_ok(program_checkin(fx->pack, fx->store, TODAY, &in, NULL, NULL,
				  NULL, &cause),
		  &cause);
	memcpy(in.day, "2026-11-23", DAY_LEN);
	in.pain = 6;
	in.interference = 2;
	in.note = NULL;
	in.did = did;
	in.ndid = 1;
	in.answers = ans;
	in.nanswers = 1;
	expect_ok(program_checkin(fx->pack, fx->store, TODAY, &in, NULL, NULL,
				  NULL, &cause),
		  &cause);
	memcpy(ses.day, TODAY, DAY_LEN);
	expect_ok(
	    program_session_add(fx->pack, fx->store, TODAY, &ses, NULL, &cause),
	    &cause);
	expect_ok(program_stop(fx->pack, fx->store, "alpha", "2026-11-23",
			       OUTCOME_HELPED, &cause),
		  &cause);
	expect_ok(
	    program_impression(fx->store, "alpha", "2026-11-23", 2, &cause),
	    &cause);
	expect_ok(program_start(fx->pack, fx->store, "beta", "2026-11-23", NULL,
				&cause),
		  &cause);
	/* A later yes, checked by a doctor (the clock stamps its asked_at
	 * after TODAY: it counts as answered today). */
	expect_ok(program_screening(fx->pack, fx->store, "numb", 1, &cause),
		  &cause);
	expect_ok(program_screening_checked(fx->pack, fx->store, "numb", TODAY,
					    TODAY, &cause),
		  &cause);
	expect_ok(
	    program_screening(fx->pack, fx->store, SCREENING_INJURY, 1, &cause),
	    &cause);
	expect_ok(program_usual_pain(fx->store, 6, &cause), &cause);
}

static void
test_round_trip(void **state)
{
	struct fx *fx = *state;
	struct program_import_result res;
	struct store *s;
	char *a, *b, *cause = NULL;

	fill(fx);
	a = export_of(fx->store);
	s = second(fx, "copy.db");
	expect_ok(import(fx, s, a, 0, &res, &cause), &cause);
	assert_int_equal(res.n[STORE_TABLE_CHECKIN].added, 2);
	assert_int_equal(res.n[STORE_TABLE_ANSWER].added, 1);
	assert_int_equal(res.n[STORE_TABLE_TRIAL].added, 2);
	assert_int_equal(res.n[STORE_TABLE_SESSION].added, 2);
	assert_int_equal(res.n[STORE_TABLE_SCREENING].added, 3);
	assert_int_equal(res.n[STORE_TABLE_PROFILE].added, 2);
	b = export_of(s);
	assert_string_equal(a, b);
	free(b);
	/* The seconds and the times the pains were set came along (issue
	 * 18). */
	assert_non_null(strstr(a, "\"minutes\":7,"));
	assert_non_null(strstr(a, "\"seconds\":425}"));
	assert_non_null(strstr(a, "\"pain_set_at\":\"20"));
	/* Again: all of it is there already; nothing changes. */
	expect_ok(import(fx, s, a, 0, &res, &cause), &cause);
	assert_int_equal(res.n[STORE_TABLE_CHECKIN].same, 2);
	assert_int_equal(res.n[STORE_TABLE_TRIAL].same, 2);
	assert_int_equal(res.n[STORE_TABLE_SESSION].same, 2);
	assert_int_equal(res.n[STORE_TABLE_SCREENING].same, 3);
	assert_int_equal(res.n[STORE_TABLE_PROFILE].same, 2);
	assert_int_equal(res.n[STORE_TABLE_CHECKIN].added +
			     res.n[STORE_TABLE_TRIAL].added +
			     res.n[STORE_TABLE_SESSION].added +
			     res.n[STORE_TABLE_SCREENING].added +
			     res.n[STORE_TABLE_PROFILE].added,
			 0);
	b = export_of(s);
	assert_string_equal(a, b);
	free(b);
	fx_close_other(fx);
	free(a);
}

/* A log in use with another check-in for 2026-11-23 and another usual
 * pain: refused, placed, nothing written; with replace, the file's. */
static void
test_conflicts(void **state)
{
	struct fx *fx = *state;
	struct program_checkin in = {.pain = 1, .interference = ENTRY_NONE};
	struct program_import_result res;
	struct store *s;
	char *a, *before, *after, *at, *cause = NULL;

	fill(fx);
	a = export_of(fx->store);
	s = second(fx, "used.db");
	static const char *const walk[] = {"walk"};

	memcpy(in.day, "2026-11-23", DAY_LEN);
	in.note = "mine";
	in.did = walk;
	in.ndid = 1;
	expect_ok(
	    program_checkin(fx->pack, s, TODAY, &in, NULL, NULL, NULL, &cause),
	    &cause);
	before = export_of(s);
	assert_int_equal(import(fx, s, a, 0, &res, &cause), EX_DATAERR);
	expect_refused(EX_DATAERR, &cause,
		       "another check-in for 2026-11-23 (--replace");
	assert_string_equal(res.table, "checkin");
	assert_int_equal(res.row, 1);
	after = export_of(s);
	assert_string_equal(before, after);
	free(after);
	/* The cause is placed at the row in the file. */
	assert_int_equal(import(fx, s, a, 0, &res, &cause), EX_DATAERR);
	assert_true(strncmp(cause, "f.json:1:", 9) == 0);
	free(cause);
	cause = NULL;

	/* With replace, the day is the file's, its answer too. */
	expect_ok(import(fx, s, a, 1, &res, &cause), &cause);
	assert_int_equal(res.n[STORE_TABLE_CHECKIN].replaced, 1);
	assert_int_equal(res.n[STORE_TABLE_CHECKIN].added, 1);
	after = export_of(s);
	assert_non_null(strstr(after, "\"day\":\"2026-11-23\",\"pain\":6"));
	assert_non_null(strstr(after, "\"question_id\":\"feel\""));
	assert_null(strstr(after, "mine"));
	/* The day's mark of walk, in both, is there once. */
	at = strstr(after, "\"practice\":\"walk\"");
	assert_non_null(at);
	assert_null(strstr(at + 1, "\"practice\":\"walk\""));
	assert_int_equal(res.n[STORE_TABLE_SESSION].same, 1);
	assert_int_equal(res.n[STORE_TABLE_SESSION].added, 1);
	free(after);
	free(before);

	/* A running trial of an approach already running in the log:
	 * refused; with replace, the file's, the log's removed. */
	fx_close_other(fx);
	s = second(fx, "running.db");
	expect_ok(program_screening(fx->pack, s, "numb", 0, &cause), &cause);
	expect_ok(
	    program_start(fx->pack, s, "beta", "2026-11-21", NULL, &cause),
	    &cause);
	before = export_of(s);
	assert_int_equal(import(fx, s, a, 0, &res, &cause), EX_DATAERR);
	expect_refused(EX_DATAERR, &cause,
		       "beta is already running in the log, since 2026-11-21");
	after = export_of(s);
	assert_string_equal(before, after);
	free(after);
	free(before);
	expect_ok(import(fx, s, a, 1, &res, &cause), &cause);
	assert_int_equal(res.n[STORE_TABLE_TRIAL].removed, 1);
	assert_int_equal(res.n[STORE_TABLE_TRIAL].added, 2);
	after = export_of(s);
	assert_null(strstr(after, "2026-11-21"));
	free(after);
	fx_close_other(fx);

	/* The same trial with another impression, the same yes with another
	 * doctor's check: refused unless replace, which takes the file's. */
	s = second(fx, "checked.db");
	expect_ok(import(fx, s, a, 0, &res, &cause), &cause);
	expect_ok(program_impression(s, "alpha", "2026-11-23", 5, &cause),
		  &cause);
	before = export_of(s);
	assert_int_equal(import(fx, s, a, 0, &res, &cause), EX_DATAERR);
	expect_refused(EX_DATAERR, &cause,
		       "this trial of alpha (2026-11-20 to 2026-11-23) with "
		       "another impression (--replace");
	assert_string_equal(res.table, "trial");
	assert_int_equal(res.row, 0);
	after = export_of(s);
	assert_string_equal(before, after);
	free(after);
	free(before);
	expect_ok(import(fx, s, a, 1, &res, &cause), &cause);
	assert_int_equal(res.n[STORE_TABLE_TRIAL].replaced, 1);
	assert_int_equal(res.n[STORE_TABLE_TRIAL].same, 1);
	expect_ok(store_screening_checked(s, "numb", "2026-11-20", &cause),
		  &cause);
	before = export_of(s);
	assert_int_equal(import(fx, s, a, 0, &res, &cause), EX_DATAERR);
	expect_refused(EX_DATAERR, &cause, "this answer to numb (2026-");
	assert_string_equal(res.table, "screening");
	assert_int_equal(res.row, 1);
	after = export_of(s);
	assert_string_equal(before, after);
	free(after);
	free(before);
	expect_ok(import(fx, s, a, 1, &res, &cause), &cause);
	assert_int_equal(res.n[STORE_TABLE_SCREENING].replaced, 1);
	assert_int_equal(res.n[STORE_TABLE_SCREENING].same, 2);
	after = export_of(s);
	assert_string_equal(a, after);
	free(after);
	fx_close_other(fx);
	free(a);
}

/* text without each ,"key":VALUE (VALUE a number, null or a string without
 * a comma or a brace), allocated. */
static char *
without(const char *text, const char *key)
{
	char *pat = xasprintf(",\"%s\":", key), *out, *o;
	const char *at;

	out = o = xmalloc(strlen(text) + 1);
	while ((at = strstr(text, pat)) != NULL) {
		memcpy(o, text, (size_t)(at - text));
		o += at - text;
		text = at + strlen(pat);
		text += strcspn(text, ",}");
	}
	strcpy(o, text);
	free(pat);
	return out;
}

/* An export of a backpain from before the impression and the doctor's
 * check (log schema 2) imports, both null. */
static void
test_older_export(void **state)
{
	struct fx *fx = *state;
	struct program_import_result res;
	struct store *s;
	char *a, *b, *old, *back, *cause = NULL;

	fill(fx);
	a = export_of(fx->store);
	b = without(a, "impression");
	old = without(b, "checked_on");
	free(b);
	assert_null(strstr(old, "impression"));
	assert_null(strstr(old, "checked_on"));
	s = second(fx, "old.db");
	expect_ok(import(fx, s, old, 0, &res, &cause), &cause);
	assert_int_equal(res.n[STORE_TABLE_TRIAL].added, 2);
	assert_int_equal(res.n[STORE_TABLE_SCREENING].added, 3);
	b = export_of(s);
	assert_non_null(
	    strstr(b, "\"outcome\":\"helped\",\"impression\":null"));
	assert_null(strstr(b, "\"checked_on\":\""));
	back = without(b, "impression");
	free(b);
	b = without(back, "checked_on");
	assert_string_equal(b, old);
	free(back);
	free(b);
	fx_close_other(fx);
	free(old);
	free(a);
}

/* Each hostile edit of a good export is refused at its place. */
static void
test_refused_values(void **state)
{
	static const struct {
		const char *from, *to, *words;
	} edits[] = {
	    {"\"pain\":6", "\"pain\":11", "pain is 11"},
	    {"\"pain\":6", "\"pain\":\"6\"", "pain is a string"},
	    {"\"interference\":2", "\"interference\":-1", "interference is -1"},
	    {"\"value\":\"worse\"", "\"value\":\"bad\"",
	     "feel is one of: better, worse"},
	    {"\"question_id\":\"feel\"", "\"question_id\":\"wh\\u0007ere\"",
	     "question_id holds a control character"},
	    {"\"practice\":\"stretch\"", "\"practice\":\"\"",
	     "practice is empty"},
	    {"\"approach\":\"alpha\",\"day\"", "\"approach\":\"beta\",\"day\"",
	     "walk is a practice of alpha"},
	    {"\"minutes\":7", "\"minutes\":1441", "minutes is 1441"},
	    {"\"day\":\"2026-11-22\"", "\"day\":\"2026-11-27\"",
	     "is in the future (today is 2026-11-24; an import takes days up "
	     "to 2026-11-26"},
	    {"\"day\":\"2026-11-22\"", "\"day\":\"2026-02-30\"",
	     "is not a day"},
	    {"\"outcome\":\"helped\"", "\"outcome\":\"great\"",
	     "outcome is one of"},
	    {"\"outcome\":\"helped\"", "\"outcome\":null",
	     "an ended trial needs an outcome"},
	    {"\"answer\":0", "\"answer\":2", "answer is 2"},
	    {"\"value\":\"6\"", "\"value\":\"66\"", "usual pain"},
	    {"\"value\":\"yes\"", "\"value\":\"maybe\"", "yes or no"},
	    {"\"recorded_at\":\"", "\"recorded_at\":\"x", "not a time"},
	    {"\"format\":3", "\"format\":3.0", "format 3.0"},
	    {"\"note\":null", "\"note\":\"a\\u0000b\"", "NUL"},
	    {"\"note\":null", "\"note\":\"a\",\"note2\":1", "no column"},
	    {"{\"format\"", "{,\"format\"", "expected a key"},
	    {"\"format\":3", "\"format\":3,\"format\":3", "twice"},
	    {"\"impression\":2", "\"impression\":8", "impression is 8"},
	    {"\"impression\":2", "\"impression\":\"much-better\"",
	     "impression is a string"},
	    {"\"outcome\":null,\"impression\":null",
	     "\"outcome\":null,\"impression\":3", "has no impression yet"},
	    {"\"checked_on\":null", "\"checked_on\":\"2026-11-24\"",
	     "this answer is no"},
	    {"\"checked_on\":\"2026-11-24\"", "\"checked_on\":\"2026-11-31\"",
	     "checked_on is not a day"},
	    {"\"checked_on\":\"2026-11-24\"", "\"checked_on\":\"2026-11-27\"",
	     "is in the future"},
	    {"\"checked_on\":\"2026-11-24\"", "\"checked_on\":\"2026-11-23\"",
	     "would come before the yes"},
	    {"\"checked_on\":\"2026-11-24\"",
	     "\"checked_on\":\"2026-11-24\",\"checked_by\":1", "no column"},
	};
	struct fx *fx = *state;
	struct program_import_result res;
	struct store *s;
	char *a, *bad, *at, *before, *after, *cause = NULL;
	size_t i, n;

	fill(fx);
	a = export_of(fx->store);
	s = second(fx, "target.db");
	before = export_of(s);
	for (i = 0; i < sizeof edits / sizeof edits[0]; i++) {
		at = strstr(a, edits[i].from);
		if (at == NULL)
			fail_msg("no %s in %s", edits[i].from, a);
		n = (size_t)(at - a);
		bad = xasprintf("%.*s%s%s", (int)n, a, edits[i].to,
				at + strlen(edits[i].from));
		if (import(fx, s, bad, 1, &res, &cause) != EX_DATAERR)
			fail_msg("accepted: %s", edits[i].to);
		if (strncmp(cause, "f.json:1:", 9) != 0 ||
		    strstr(cause, edits[i].words) == NULL)
			fail_msg("%s: cause '%s' lacks 'f.json:1:' or '%s'",
				 edits[i].to, cause, edits[i].words);
		free(cause);
		cause = NULL;
		free(bad);
	}
	after = export_of(s);
	assert_string_equal(before, after);
	free(after);
	free(before);
	fx_close_other(fx);
	free(a);
}

/* fill() and a habit (beta kept today) and two flare-ups: one ended by the
 * person, one open. */
static void
fill_issue12(struct fx *fx)
{
	char *cause = NULL;

	/* Before fill()'s check-ins, which would end it by itself. */
	expect_ok(program_flare(fx->pack, fx->store, TODAY, "2026-11-10", 6,
				"lift\tthe \033[1mbox", NULL, &cause),
		  &cause);
	expect_ok(program_flare_over(fx->pack, fx->store, TODAY, "2026-11-12",
				     NULL, NULL, &cause),
		  &cause);
	fill(fx);
	expect_ok(program_keep(fx->pack, fx->store, "beta", TODAY,
			       OUTCOME_HELPED, &cause),
		  &cause);
	expect_ok(program_flare(fx->pack, fx->store, TODAY, TODAY, ENTRY_NONE,
				NULL, NULL, &cause),
		  &cause);
}

/* The one text sql yields on the log at path, allocated. */
static char *
query(const struct fx *fx, const char *name, const char *sql)
{
	char *path = xasprintf("%s/%s", fx->dir, name), *out;
	sqlite3 *db = NULL;
	sqlite3_stmt *st = NULL;

	assert_int_equal(sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL),
			 SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &st, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	out = xstrdup((const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	sqlite3_close(db);
	free(path);
	return out;
}

/* Habits and flare-ups round-trip; merged into a log with a trial of its
 * own, the habit follows its trial to the trial's new id; a second kept
 * habit or open flare-up beside the log's is refused, nothing written. */
static void
test_habits_flares(void **state)
{
	static const char q_habit[] =
	    "SELECT group_concat(h.approach || ' ' || h.kept_on || ' '"
	    " || t.approach || ' ' || t.started_on, ';') FROM habit h"
	    " JOIN trial t ON t.id = h.trial_id";
	struct fx *fx = *state;
	struct program_import_result res;
	struct store *s;
	char *a, *b, *got, *cause = NULL;

	fill_issue12(fx);
	a = export_of(fx->store);
	assert_non_null(strstr(a, "\"ended_by\":\"person\""));
	s = second(fx, "copy.db");
	expect_ok(import(fx, s, a, 0, &res, &cause), &cause);
	assert_int_equal(res.n[STORE_TABLE_HABIT].added, 1);
	assert_int_equal(res.n[STORE_TABLE_FLARE].added, 2);
	b = export_of(s);
	assert_string_equal(a, b);
	free(b);
	expect_ok(import(fx, s, a, 0, &res, &cause), &cause);
	assert_int_equal(res.n[STORE_TABLE_HABIT].same, 1);
	assert_int_equal(res.n[STORE_TABLE_FLARE].same, 2);
	assert_int_equal(
	    res.n[STORE_TABLE_HABIT].added + res.n[STORE_TABLE_FLARE].added, 0);
	fx_close_other(fx);

	/* A log whose trial 1 is a mat trial of its own. */
	s = second(fx, "merged.db");
	expect_ok(program_screening(fx->pack, s, "numb", 0, &cause), &cause);
	expect_ok(program_start(fx->pack, s, "mat", "2026-11-01", NULL, &cause),
		  &cause);
	expect_ok(program_stop(fx->pack, s, "mat", "2026-11-05",
			       OUTCOME_STOPPED, &cause),
		  &cause);
	expect_ok(import(fx, s, a, 0, &res, &cause), &cause);
	assert_int_equal(res.n[STORE_TABLE_HABIT].added, 1);
	got = query(fx, "merged.db", q_habit);
	assert_string_equal(got, "beta 2026-11-24 beta 2026-11-23");
	free(got);
	fx_close_other(fx);

	/* A log with its own open flare-up, then beta kept since before. */
	s = second(fx, "open.db");
	expect_ok(program_flare(fx->pack, s, TODAY, "2026-11-23", 5, NULL, NULL,
				&cause),
		  &cause);
	b = export_of(s);
	expect_refused(import(fx, s, a, 0, &res, &cause), &cause,
		       "the log already has an open flare-up, since "
		       "2026-11-23");
	got = export_of(s);
	assert_string_equal(b, got);
	free(got);
	free(b);
	fx_close_other(fx);
	s = second(fx, "kept.db");
	expect_ok(program_screening(fx->pack, s, "numb", 0, &cause), &cause);
	expect_ok(
	    program_start(fx->pack, s, "beta", "2026-11-10", NULL, &cause),
	    &cause);
	expect_ok(program_keep(fx->pack, s, "beta", "2026-11-12",
			       OUTCOME_HELPED, &cause),
		  &cause);
	b = export_of(s);
	expect_refused(import(fx, s, a, 0, &res, &cause), &cause,
		       "beta is already kept as a habit in the log, since "
		       "2026-11-12");
	got = export_of(s);
	assert_string_equal(b, got);
	free(got);
	free(b);
	fx_close_other(fx);
	free(a);
}

/* An export from before habits and flare-ups (log schema 4: no such
 * tables) imports, with none. */
static void
test_before_habits(void **state)
{
	struct fx *fx = *state;
	struct program_import_result res;
	char *a, *cut, *old, *b, *want, *cause = NULL;
	struct store *s;

	fill_issue12(fx);
	a = export_of(fx->store);
	assert_non_null(cut = strstr(a, ",\"habit\":"));
	old = xasprintf("%.*s}\n", (int)(cut - a), a);
	want = xasprintf("%.*s,\"habit\":[],\"flare\":[],\"lesson\":[],"
			 "\"trial_pause\":[]}\n",
			 (int)(cut - a), a);
	s = second(fx, "old.db");
	expect_ok(import(fx, s, old, 0, &res, &cause), &cause);
	assert_int_equal(
	    res.n[STORE_TABLE_HABIT].added + res.n[STORE_TABLE_FLARE].added, 0);
	assert_int_equal(res.n[STORE_TABLE_TRIAL].added, 2);
	b = export_of(s);
	assert_string_equal(b, want);
	free(b);
	fx_close_other(fx);
	free(want);
	free(old);
	free(a);
}

/* The write path's side of a stale save (item 7 of issue 19): a check-in
 * saved by a face that read the day before a newer save is refused with
 * CHECKIN_CHANGED, the newer one handed back; one that read the newer one
 * saves. A face that read nothing (PROGRAM_SEEN_NONE) may not save over a
 * check-in made since. */
static void
test_stale_checkin(void **state)
{
	struct fx *fx = *state;
	struct program_checkin in = {.pain = 3, .interference = ENTRY_NONE};
	struct checkin old;
	char *cause = NULL;
	int replaced;

	memcpy(in.day, "2026-11-23", DAY_LEN);
	in.seen_revision = PROGRAM_SEEN_NONE;
	expect_ok(program_checkin(fx->pack, fx->store, TODAY, &in, &old,
				  &replaced, NULL, &cause),
		  &cause);
	assert_int_equal(replaced, 0);
	in.note = "NEWER note";
	in.pain = 8;
	in.seen_revision = 0;
	expect_ok(program_checkin(fx->pack, fx->store, TODAY, &in, &old,
				  &replaced, NULL, &cause),
		  &cause);
	checkin_clear(&old);
	/* The screen opened at revision 1 saves its older note. */
	in.note = "older note";
	in.pain = 6;
	in.seen_revision = 1;
	assert_int_equal(program_checkin(fx->pack, fx->store, TODAY, &in, &old,
					 &replaced, NULL, &cause),
			 CHECKIN_CHANGED);
	free(cause);
	cause = NULL;
	assert_int_equal(replaced, -1);
	assert_string_equal(old.note, "NEWER note");
	assert_int_equal(old.revision, 2);
	checkin_clear(&old);
	in.seen_revision = PROGRAM_SEEN_NONE;
	assert_int_equal(program_checkin(fx->pack, fx->store, TODAY, &in, &old,
					 &replaced, NULL, &cause),
			 CHECKIN_CHANGED);
	free(cause);
	cause = NULL;
	checkin_clear(&old);
	/* Having seen the newer one, it saves. */
	in.seen_revision = 2;
	expect_ok(program_checkin(fx->pack, fx->store, TODAY, &in, &old,
				  &replaced, NULL, &cause),
		  &cause);
	assert_int_equal(replaced, 1);
	checkin_clear(&old);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(test_round_trip, setup, fx_close),
	    cmocka_unit_test_setup_teardown(test_conflicts, setup, fx_close),
	    cmocka_unit_test_setup_teardown(test_refused_values, setup,
					    fx_close),
	    cmocka_unit_test_setup_teardown(test_older_export, setup, fx_close),
	    cmocka_unit_test_setup_teardown(test_habits_flares, setup,
					    fx_close),
	    cmocka_unit_test_setup_teardown(test_before_habits, setup,
					    fx_close),
	    cmocka_unit_test_setup_teardown(test_stale_checkin, setup,
					    fx_close),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
