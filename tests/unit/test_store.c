/*
 * Unit tests of the log's contents through the store API: check-ins and
 * their replacement, answers, practice marks, trials, sessions, screening,
 * profile, and that the daily paths use indexes on a log of a hundred
 * years. Real SQLite files in a temporary directory. The exports are in
 * test_store_export.c.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <sysexits.h>

#include "expect.h"
#include "store_fixture.h"
/* The store's private header, to watch its statements for full scans. */
#include "../../src/store/store_int.h"

#define LEN(a) (sizeof(a) / sizeof((a)[0]))
#define BIG_NOTE (1 << 20)

static struct store *
opened(void **state)
{
	struct fixture *fx = *state;

	return fx_open(fx->path);
}

static int
count(struct store *s, const char *sql)
{
	return fx_int(s->db, sql);
}

static void
test_checkin_put_get(void **state)
{
	struct store *s = opened(state);
	char note[] = "stiff after the drive";
	struct checkin c = fx_checkin("2026-11-20", 4), got;
	char *cause = NULL;
	int found = 0, replaced = 7;

	c.interference = 6;
	c.note = note;
	assert_int_equal(
	    store_checkin_put(s, &c, NULL, 0, NULL, 0, NULL, &replaced, &cause),
	    0);
	assert_int_equal(replaced, 0);
	assert_int_equal(
	    store_checkin_get(s, "2026-11-20", &got, &found, &cause), 0);
	assert_int_equal(found, 1);
	assert_string_equal(got.day, "2026-11-20");
	assert_int_equal(got.pain, 4);
	assert_int_equal(got.interference, 6);
	assert_string_equal(got.note, note);
	assert_non_null(got.recorded_at);
	assert_string_equal(got.recorded_at, got.updated_at);
	assert_int_equal(strlen(got.recorded_at),
			 strlen("2026-11-20T10:00:00+00:00"));
	checkin_clear(&got);
	found = 9;
	assert_int_equal(
	    store_checkin_get(s, "2026-11-21", &got, &found, &cause), 0);
	assert_int_equal(found, 0);
	store_close(s);
}

/* A second check-in for a day replaces the first whole and hands it back;
 * the first recording time stays. */
static void
test_checkin_replace(void **state)
{
	struct store *s = opened(state);
	char note[] = "first";
	struct checkin c = fx_checkin("2026-11-20", 4), old, got;
	char *cause = NULL, *first_recorded;
	int found, replaced = 0;

	c.interference = 3;
	c.note = note;
	fx_put(s, &c);
	c = fx_checkin("2026-11-20", 7);
	assert_int_equal(
	    store_checkin_put(s, &c, NULL, 0, NULL, 0, &old, &replaced, &cause),
	    0);
	assert_int_equal(replaced, 1);
	assert_int_equal(old.pain, 4);
	assert_int_equal(old.interference, 3);
	assert_string_equal(old.note, "first");
	first_recorded = xstrdup(old.recorded_at);
	checkin_clear(&old);
	assert_int_equal(
	    store_checkin_get(s, "2026-11-20", &got, &found, &cause), 0);
	assert_int_equal(got.pain, 7);
	assert_int_equal(got.interference, ENTRY_NONE);
	assert_null(got.note);
	assert_string_equal(got.recorded_at, first_recorded);
	checkin_clear(&got);
	assert_int_equal(count(s, "SELECT count(*) FROM checkin"), 1);
	/* old is cleared when nothing was replaced. */
	c = fx_checkin("2026-11-21", 2);
	memset(&old, 0x5a, sizeof old);
	assert_int_equal(
	    store_checkin_put(s, &c, NULL, 0, NULL, 0, &old, &replaced, &cause),
	    0);
	assert_int_equal(replaced, 0);
	assert_null(old.note);
	checkin_clear(&old);
	free(first_recorded);
	store_close(s);
}

static void
test_answers_replace_per_question(void **state)
{
	struct store *s = opened(state);
	struct checkin c = fx_checkin("2026-11-20", 4);
	char q1[] = "pain-location", q2[] = "sleep", v1[] = "same",
	     v2[] = "poor", v3[] = "centralising", v4[] = "spreading";
	struct store_answer first[] = {{"", q1, v1, ""},
				       {"2026-11-20", q2, v2, ""}};
	struct store_answer again[] = {{"", q1, v3, ""}, {"", q1, v4, ""}};
	struct store_answer *a;
	char *cause = NULL;
	size_t n;

	assert_int_equal(
	    store_checkin_put(s, &c, first, 2, NULL, 0, NULL, NULL, &cause), 0);
	assert_int_equal(
	    store_checkin_put(s, &c, again, 2, NULL, 0, NULL, NULL, &cause), 0);
	assert_int_equal(store_answer_range(s, NULL, NULL, &a, &n, &cause), 0);
	assert_int_equal(n, 2);
	assert_string_equal(a[0].question, "pain-location");
	assert_string_equal(a[0].value, "spreading"); /* the last one given */
	assert_string_equal(a[0].day, "2026-11-20");
	assert_string_equal(a[1].question, "sleep");
	assert_string_equal(a[1].value, "poor");
	store_answers_free(a, n);
	store_close(s);
}

static void
test_done_not_doubled(void **state)
{
	struct store *s = opened(state);
	struct checkin c = fx_checkin("2026-11-20", 4);
	char p1[] = "daily-reminders", p2[] = "founder", p3[] = "walk",
	     ap[] = "mind-body";
	struct store_session done[] = {
	    {0, p1, ap, "", 0, 0, 0, NULL, "", 0},
	    {0, p1, ap, "", 0, 0, 0, NULL, "", 0},
	    {0, p2, ap, "2026-11-20", 0, 0, 0, NULL, "", 0},
	};
	struct store_session timed = {0,	  p3, ap,   "2026-11-20", 20,
				      ENTRY_NONE, 5,  NULL, "",		  0};
	struct store_session *ses;
	char *cause = NULL;
	size_t n;

	assert_int_equal(store_session_add(s, &timed, &cause), 0);
	assert_int_equal(
	    store_checkin_put(s, &c, NULL, 0, done, 3, NULL, NULL, &cause), 0);
	done[2].practice = p3; /* already timed today */
	assert_int_equal(
	    store_checkin_put(s, &c, NULL, 0, done, 3, NULL, NULL, &cause), 0);
	assert_int_equal(store_session_range(s, "2026-11-20", "2026-11-20",
					     &ses, &n, &cause),
			 0);
	assert_int_equal(n, 3);
	assert_string_equal(ses[0].practice, "walk");
	assert_int_equal(ses[0].minutes, 20);
	assert_string_equal(ses[1].practice, "daily-reminders");
	assert_int_equal(ses[1].minutes, ENTRY_NONE);
	assert_int_equal(ses[1].pain_before, ENTRY_NONE);
	assert_string_equal(ses[2].practice, "founder");
	store_sessions_free(ses, n);
	store_close(s);
}

/* Whatever is refused, nothing of the check-in is written. */
static void
test_checkin_refused(void **state)
{
	struct store *s = opened(state);
	char bad_utf8[] = "caf\xc3", esc[] = "abc\033[2J", q[] = "q", v[] = "v",
	     p[] = "p", a[] = "a", empty[] = "";
	struct store_answer wrong_day[] = {{"2026-11-19", q, v, ""}};
	struct store_answer no_question[] = {{"", empty, v, ""}};
	struct store_session no_approach[] = {
	    {0, p, NULL, "", 0, 0, 0, NULL, "", 0}};
	struct store_session done[] = {{0, p, a, "", 0, 0, 0, NULL, "", 0}};
	struct checkin c;
	char *cause = NULL;

	c = fx_checkin("2026-11-20", 11);
	expect_refused(
	    store_checkin_put(s, &c, NULL, 0, done, 1, NULL, NULL, &cause),
	    &cause, "pain: 11 is not a rating from 0 to 10");
	c = fx_checkin("2026-11-20", -1);
	expect_refused(
	    store_checkin_put(s, &c, NULL, 0, NULL, 0, NULL, NULL, &cause),
	    &cause, "pain: -1");
	c = fx_checkin("2026-11-20", 4);
	c.interference = 11;
	expect_refused(
	    store_checkin_put(s, &c, NULL, 0, NULL, 0, NULL, NULL, &cause),
	    &cause, "interference: 11");
	c = fx_checkin("2026-02-30", 4);
	expect_refused(
	    store_checkin_put(s, &c, NULL, 0, NULL, 0, NULL, NULL, &cause),
	    &cause, "'2026-02-30' is not a day");
	c = fx_checkin("2026-11-20", 4);
	c.note = bad_utf8;
	expect_refused(
	    store_checkin_put(s, &c, NULL, 0, NULL, 0, NULL, NULL, &cause),
	    &cause, "note: not valid UTF-8 (byte 4)");
	c.note = NULL;
	expect_refused(
	    store_checkin_put(s, &c, wrong_day, 1, done, 1, NULL, NULL, &cause),
	    &cause, "not the check-in's day");
	expect_refused(store_checkin_put(s, &c, no_question, 1, NULL, 0, NULL,
					 NULL, &cause),
		       &cause, "question: empty");
	expect_refused(store_checkin_put(s, &c, NULL, 0, no_approach, 1, NULL,
					 NULL, &cause),
		       &cause, "approach: missing");
	no_approach[0].approach = esc;
	expect_refused(store_checkin_put(s, &c, NULL, 0, no_approach, 1, NULL,
					 NULL, &cause),
		       &cause, "approach: holds a control character (byte 4)");
	assert_int_equal(count(s, "SELECT count(*) FROM checkin"), 0);
	assert_int_equal(count(s, "SELECT count(*) FROM answer"), 0);
	assert_int_equal(count(s, "SELECT count(*) FROM session"), 0);
	store_close(s);
}

/* Any UTF-8 of any length comes back byte for byte. */
static void
test_note_exact(void **state)
{
	struct store *s = opened(state);
	struct checkin c = fx_checkin("2026-11-20", 4), got;
	static const char pieces[] = "a,\"b\"\r\n\tc\\ é ☃ 😀 \x1b[2J ";
	char *note = xmalloc(BIG_NOTE + 1), *cause = NULL;
	size_t i, len = sizeof pieces - 1;
	int found;

	for (i = 0; i + len <= BIG_NOTE; i += len)
		memcpy(note + i, pieces, len);
	note[i] = '\0';
	c.note = note;
	fx_put(s, &c);
	assert_int_equal(store_checkin_get(s, c.day, &got, &found, &cause), 0);
	assert_int_equal(strlen(got.note), i);
	assert_memory_equal(got.note, note, i);
	checkin_clear(&got);
	free(note);
	store_close(s);
}

static void
test_ranges(void **state)
{
	struct store *s = opened(state);
	struct checkin c, *r;
	char *cause = NULL;
	size_t n;
	int i;

	for (i = 0; i < 10; i++) {
		c = fx_checkin("2026-11-01", i);
		day_add("2026-11-01", 9 - i, c.day); /* written newest first */
		fx_put(s, &c);
	}
	assert_int_equal(
	    store_checkin_range(s, "2026-11-03", "2026-11-05", &r, &n, &cause),
	    0);
	assert_int_equal(n, 3);
	assert_string_equal(r[0].day, "2026-11-03");
	assert_string_equal(r[2].day, "2026-11-05");
	assert_int_equal(r[0].pain, 7);
	checkins_free(r, n);
	assert_int_equal(
	    store_checkin_range(s, NULL, "2026-11-02", &r, &n, &cause), 0);
	assert_int_equal(n, 2);
	checkins_free(r, n);
	assert_int_equal(
	    store_checkin_range(s, "2026-11-09", NULL, &r, &n, &cause), 0);
	assert_int_equal(n, 2);
	checkins_free(r, n);
	assert_int_equal(store_checkin_range(s, NULL, NULL, &r, &n, &cause), 0);
	assert_int_equal(n, 10);
	checkins_free(r, n);
	assert_int_equal(
	    store_checkin_range(s, "2026-12-01", NULL, &r, &n, &cause), 0);
	assert_int_equal(n, 0);
	assert_null(r);
	expect_refused(store_checkin_range(s, "2026-11", NULL, &r, &n, &cause),
		       &cause, "from: '2026-11' is not a day");
	store_close(s);
}

static void
expect_trials(struct store *s, size_t want)
{
	struct store_trial *t;
	char *cause = NULL;
	size_t n;

	assert_int_equal(store_trial_list(s, &t, &n, &cause), 0);
	assert_int_equal(n, want);
	store_trials_free(t, n);
}

static void
test_trial_rules(void **state)
{
	struct store *s = opened(state);
	struct store_trial *t;
	char *cause = NULL;
	size_t n;

	assert_int_equal(
	    store_trial_start(s, "mind-body", "2026-10-01", &cause), 0);
	expect_refused(store_trial_start(s, "mind-body", "2026-10-05", &cause),
		       &cause,
		       "mind-body is already running (since 2026-10-01)");
	expect_refused(store_trial_stop(s, "foundation", "2026-10-05",
					OUTCOME_NONE, &cause),
		       &cause, "foundation is not running");
	expect_refused(store_trial_stop(s, "mind-body", "2026-09-30",
					OUTCOME_HELPED, &cause),
		       &cause, "it started on 2026-10-01");
	expect_refused(store_trial_stop(s, "mind-body", "2026-10-31",
					(enum outcome)42, &cause),
		       &cause, "not an outcome");
	expect_trials(s, 1);
	assert_int_equal(count(s, "SELECT count(*) FROM trial WHERE ended_on "
				  "IS NULL"),
			 1);
	assert_int_equal(store_trial_stop(s, "mind-body", "2026-10-28",
					  OUTCOME_NONE, &cause),
			 0);
	expect_refused(store_trial_start(s, "mind-body", "2026-10-20", &cause),
		       &cause, "its last trial ran until 2026-10-28");
	expect_refused(store_trial_set_outcome(s, 99, OUTCOME_WORSE, &cause),
		       &cause, "there is no trial 99");
	assert_int_equal(
	    store_trial_start(s, "foundation", "2026-10-28", &cause), 0);
	assert_int_equal(store_trial_list(s, &t, &n, &cause), 0);
	assert_int_equal(n, 2);
	expect_refused(
	    store_trial_set_outcome(s, t[1].id, OUTCOME_HELPED, &cause), &cause,
	    "the trial of foundation is still running");
	assert_int_equal(
	    store_trial_set_outcome(s, t[0].id, OUTCOME_HELPED, &cause), 0);
	store_trials_free(t, n);
	assert_int_equal(store_trial_list(s, &t, &n, &cause), 0);
	assert_string_equal(t[0].approach, "mind-body");
	assert_string_equal(t[0].started_on, "2026-10-01");
	assert_string_equal(t[0].ended_on, "2026-10-28");
	assert_int_equal(t[0].outcome, OUTCOME_HELPED);
	assert_string_equal(t[1].ended_on, "");
	assert_int_equal(t[1].outcome, OUTCOME_NONE);
	store_trials_free(t, n);
	/* A stop on the day of the start is a trial of one day. */
	assert_int_equal(store_trial_stop(s, "foundation", "2026-10-28",
					  OUTCOME_STOPPED, &cause),
			 0);
	assert_int_equal(
	    store_trial_start(s, "mind-body", "2026-10-28", &cause), 0);
	expect_trials(s, 3);
	store_close(s);
}

static void
test_outcome_names(void **state)
{
	static const char *const names[] = {"helped", "no-change", "worse",
					    "stopped"};
	enum outcome o;
	size_t i;

	(void)state;
	for (i = 0; i < LEN(names); i++) {
		assert_int_equal(outcome_parse(names[i], &o), 0);
		assert_string_equal(outcome_name(o), names[i]);
	}
	assert_int_equal(outcome_parse("great", &o), -1);
	assert_int_equal(outcome_parse("", &o), -1);
	assert_string_equal(outcome_name(OUTCOME_NONE), "");
}

static void
test_sessions(void **state)
{
	struct store *s = opened(state);
	char p[] = "founder", a[] = "foundation";
	struct store_session ses = {0, p, a,	"2026-11-20", 12,
				    6, 4, NULL, "",	      0};
	struct store_session *r;
	char *cause = NULL;
	size_t n;

	assert_int_equal(store_session_add(s, &ses, &cause), 0);
	assert_true(ses.id > 0);
	ses.minutes = 0;
	expect_refused(store_session_add(s, &ses, &cause), &cause,
		       "minutes: 0 is not from 1 to 1440");
	ses.minutes = ENTRY_NONE;
	ses.pain_after = 11;
	expect_refused(store_session_add(s, &ses, &cause), &cause,
		       "pain after: 11");
	ses.pain_after = ENTRY_NONE;
	snprintf(ses.day, sizeof ses.day, "2026-13-01");
	expect_refused(store_session_add(s, &ses, &cause), &cause,
		       "'2026-13-01' is not a day");
	assert_int_equal(store_session_range(s, NULL, NULL, &r, &n, &cause), 0);
	assert_int_equal(n, 1);
	assert_int_equal(r[0].minutes, 12);
	assert_int_equal(r[0].pain_before, 6);
	assert_int_equal(r[0].pain_after, 4);
	assert_string_equal(r[0].approach, "foundation");
	assert_non_null(r[0].recorded_at);
	assert_int_equal(r[0].seconds, 0);
	store_sessions_free(r, n);
	store_close(s);
}

#define TALLY_STAMP "'2026-12-01T20:00:00+00:00'"

/* The tally of an approach's sessions up to a day: how many and the
 * latest, by one aggregate; another approach's and later ones not
 * counted. */
static void
test_session_tally(void **state)
{
	struct store *s = opened(state);
	char last[DAY_LEN], *cause = NULL;
	int n = -1;

	assert_int_equal(
	    store_session_tally(s, "mat", "2026-11-30", &n, last, &cause), 0);
	assert_int_equal(n, 0);
	assert_string_equal(last, "");
	fx_exec(s->db, "INSERT INTO session (practice, approach, day,"
		       " recorded_at) VALUES"
		       " ('lie', 'mat', '2026-11-03', " TALLY_STAMP "),"
		       " ('lie', 'mat', '2026-11-20', " TALLY_STAMP "),"
		       " ('lie', 'mat', '2026-12-01', " TALLY_STAMP "),"
		       " ('walk', 'movement', '2026-11-25', " TALLY_STAMP ");");
	assert_int_equal(
	    store_session_tally(s, "mat", "2026-11-30", &n, last, &cause), 0);
	assert_int_equal(n, 2);
	assert_string_equal(last, "2026-11-20");
	free(cause);
	store_close(s);
}

/* A session the timer measured keeps its seconds beside its minutes
 * (issue 18); a day's worth at most. */
static void
test_session_seconds(void **state)
{
	struct store *s = opened(state);
	char p[] = "founder", a[] = "foundation";
	struct store_session ses = {0, p, a,	"2026-11-20", 1,
				    6, 5, NULL, "",	      12};
	struct store_session *r;
	char *cause = NULL;
	size_t n;

	assert_int_equal(store_session_add(s, &ses, &cause), 0);
	ses.seconds = SESSION_SECONDS_MAX + 1;
	expect_refused(store_session_add(s, &ses, &cause), &cause,
		       "seconds: 86401 is not from 1 to 86400");
	ses.seconds = -1;
	expect_refused(store_session_add(s, &ses, &cause), &cause,
		       "seconds: -1");
	assert_int_equal(store_session_range(s, NULL, NULL, &r, &n, &cause), 0);
	assert_int_equal(n, 1);
	assert_int_equal(r[0].minutes, 1);
	assert_int_equal(r[0].seconds, 12);
	store_sessions_free(r, n);
	store_close(s);
}

/* The pain's own time (issue 18): set by the put that gives the day's
 * pain, kept by one that changes only the rest (a note), set again by one
 * that changes the pain; a row without it reads as its recorded_at. */
static void
test_pain_set_at(void **state)
{
	struct store *s = opened(state);
	static const char then[] = "2026-11-20T12:00:00+00:00";
	char note[] = "written later";
	struct checkin c = fx_checkin("2026-11-20", 4), got;
	char *cause = NULL;
	int found = 0;

	assert_int_equal(
	    store_checkin_put(s, &c, NULL, 0, NULL, 0, NULL, NULL, &cause), 0);
	assert_int_equal(
	    store_checkin_get(s, "2026-11-20", &got, &found, &cause), 0);
	assert_non_null(got.pain_set_at);
	assert_string_equal(got.pain_set_at, got.recorded_at);
	checkin_clear(&got);
	/* As if entered on its day, long ago. */
	fx_exec(s->db, "UPDATE checkin SET recorded_at = "
		       "'2026-11-20T12:00:00+00:00', updated_at = "
		       "'2026-11-20T12:00:00+00:00', pain_set_at = "
		       "'2026-11-20T12:00:00+00:00'");
	c.note = note;
	assert_int_equal(
	    store_checkin_put(s, &c, NULL, 0, NULL, 0, NULL, NULL, &cause), 0);
	assert_int_equal(
	    store_checkin_get(s, "2026-11-20", &got, &found, &cause), 0);
	assert_string_equal(got.note, note);
	assert_string_equal(got.pain_set_at, then);
	assert_string_not_equal(got.updated_at, then);
	checkin_clear(&got);
	c.pain = 6;
	assert_int_equal(
	    store_checkin_put(s, &c, NULL, 0, NULL, 0, NULL, NULL, &cause), 0);
	assert_int_equal(
	    store_checkin_get(s, "2026-11-20", &got, &found, &cause), 0);
	assert_string_equal(got.recorded_at, then);
	assert_string_equal(got.pain_set_at, got.updated_at);
	assert_string_not_equal(got.pain_set_at, then);
	checkin_clear(&got);
	fx_exec(s->db, "UPDATE checkin SET pain_set_at = NULL");
	assert_int_equal(
	    store_checkin_get(s, "2026-11-20", &got, &found, &cause), 0);
	assert_string_equal(got.pain_set_at, then);
	checkin_clear(&got);
	store_close(s);
}

static void
test_screening_latest(void **state)
{
	struct store *s = opened(state);
	struct screening *r;
	char *cause = NULL;
	size_t n;

	assert_int_equal(
	    store_screening_add(s, "saddle-numbness", 1, 1, &cause), 0);
	assert_int_equal(store_screening_add(s, "bladder", 0, 1, &cause), 0);
	assert_int_equal(
	    store_screening_add(s, "saddle-numbness", 0, 1, &cause), 0);
	expect_refused(store_screening_add(s, "fever", 2, 1, &cause), &cause,
		       "must be 1 (yes) or 0 (no)");
	assert_int_equal(store_screening_latest(s, &r, &n, &cause), 0);
	assert_int_equal(n, 2);
	assert_string_equal(r[0].flag, "saddle-numbness");
	assert_int_equal(r[0].answer, 0);
	assert_string_equal(r[1].flag, "bladder");
	assert_non_null(r[1].asked_at);
	screenings_free(r, n);
	store_close(s);
}

/* Each answer keeps the revision of the question it answered. */
static void
test_screening_revision(void **state)
{
	struct store *s = opened(state);
	struct screening *r;
	char *cause = NULL;
	size_t n;

	assert_int_equal(store_screening_add(s, "both-legs", 1, 1, &cause), 0);
	assert_int_equal(store_screening_add(s, "night-pain", 0, 2, &cause), 0);
	expect_refused(store_screening_add(s, "both-legs", 0, 0, &cause),
		       &cause, "revision must be 1 or more");
	assert_int_equal(store_screening_all(s, &r, &n, &cause), 0);
	assert_int_equal(n, 2);
	assert_int_equal(r[0].revision, 1);
	assert_int_equal(r[1].revision, 2);
	screenings_free(r, n);
	store_close(s);
}

/* A lesson's rows: read, or an offer put off, once per event. */
static void
test_lessons(void **state)
{
	struct store *s = opened(state);
	struct store_lesson *r, bad;
	char *cause = NULL;
	size_t n;

	fx_lesson(s, "flare-up-plan", "flare", "", "2026-11-20");
	fx_lesson(s, "flare-up-plan", NULL, "2026-11-21", "");
	/* Read twice on a day: one event. */
	fx_lesson(s, "flare-up-plan", NULL, "2026-11-21", "");
	fx_lesson(s, "pacing", "first-week", "2026-11-22", "");
	memset(&bad, 0, sizeof bad);
	bad.lesson = (char *)"pacing";
	expect_refused(store_lesson_add(s, &bad, &cause), &cause,
		       "either read or put off");
	memcpy(bad.read_on, "2026-11-22", DAY_LEN);
	memcpy(bad.dismissed_on, "2026-11-22", DAY_LEN);
	expect_refused(store_lesson_add(s, &bad, &cause), &cause,
		       "either read or put off");
	bad.read_on[0] = '\0';
	expect_refused(store_lesson_add(s, &bad, &cause), &cause,
		       "only an offer");
	bad.moment = (char *)"first-week";
	memcpy(bad.dismissed_on, "2026-02-30", DAY_LEN);
	expect_refused(store_lesson_add(s, &bad, &cause), &cause, "dismissed");
	assert_int_equal(store_lesson_list(s, &r, &n, &cause), 0);
	assert_int_equal(n, 3);
	assert_string_equal(r[0].lesson, "flare-up-plan");
	assert_string_equal(r[0].moment, "flare");
	assert_string_equal(r[0].dismissed_on, "2026-11-20");
	assert_string_equal(r[0].read_on, "");
	assert_null(r[1].moment);
	assert_string_equal(r[1].read_on, "2026-11-21");
	assert_non_null(r[1].recorded_at);
	assert_string_equal(r[2].moment, "first-week");
	store_lessons_free(r, n);
	store_close(s);
}

/* The first check-in's day, or none. */
static void
test_checkin_first(void **state)
{
	struct store *s = opened(state);
	struct checkin c;
	char day[DAY_LEN], *cause = NULL;

	assert_int_equal(store_checkin_first(s, day, &cause), 0);
	assert_string_equal(day, "");
	c = fx_checkin("2026-11-21", 3);
	fx_put(s, &c);
	c = fx_checkin("2026-11-02", 3);
	fx_put(s, &c);
	assert_int_equal(store_checkin_first(s, day, &cause), 0);
	assert_string_equal(day, "2026-11-02");
	store_close(s);
}

static void
test_profile(void **state)
{
	struct store *s = opened(state);
	char *cause = NULL, *stale = xstrdup("stale"), *v = stale;

	assert_int_equal(store_profile_get(s, "usual_pain", &v, &cause), 0);
	assert_null(v); /* an output only: what was there is not freed */
	free(stale);
	assert_int_equal(store_profile_set(s, "usual_pain", "6", &cause), 0);
	assert_int_equal(store_profile_set(s, "usual_pain", "5", &cause), 0);
	assert_int_equal(store_profile_get(s, "usual_pain", &v, &cause), 0);
	assert_string_equal(v, "5");
	free(v);
	expect_refused(store_profile_set(s, "usual_pain", "11", &cause), &cause,
		       "usual_pain: '11' is not a rating");
	expect_refused(store_profile_set(s, "onboarded", "someday", &cause),
		       &cause,
		       "onboarded: 'someday' is not a day (YYYY-MM-DD)");
	expect_refused(store_profile_set(s, "recent_injury", "maybe", &cause),
		       &cause, "not yes or no");
	expect_refused(store_profile_set(s, "", "x", &cause), &cause, "empty");
	expect_refused(store_profile_set(s, "recent_injury", "\033[2J", &cause),
		       &cause, "recent_injury: '\\e[2J' is not yes or no");
	assert_int_equal(
	    store_profile_set(s, "onboarded", "2026-11-20", &cause), 0);
	assert_int_equal(count(s, "SELECT count(*) FROM profile"), 2);
	store_close(s);
}

static long long fullscans;

static int
watch(unsigned type, void *ctx, void *p, void *x)
{
	(void)type;
	(void)ctx;
	(void)x;
	fullscans += sqlite3_stmt_status(p, SQLITE_STMTSTATUS_FULLSCAN_STEP, 0);
	return 0;
}

#define STAMP "'2026-11-20T20:00:00+00:00'"

/* A hundred years of days: what a day needs reads through indexes. */
static void
test_hundred_years_no_full_scans(void **state)
{
	struct store *s = opened(state);
	struct checkin c = fx_checkin("2026-11-20", 4), got, *r;
	struct store_answer *a;
	struct store_session *ses;
	char p[] = "walk", ap[] = "movement", q[] = "where", v[] = "same";
	struct store_answer ans[] = {{"", q, v, ""}};
	struct store_session done[] = {{0, p, ap, "", 0, 0, 0, NULL, "", 0}};
	char *cause = NULL;
	size_t n;
	int found;

	fx_exec(s->db,
		"BEGIN;"
		"WITH RECURSIVE d(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM d"
		" WHERE n < 36524)"
		" INSERT INTO checkin (day, pain, interference, note,"
		" recorded_at, updated_at) SELECT date('1926-11-20', '+' || n"
		" || ' days'), n % 11, NULL, 'note', " STAMP ", " STAMP
		" FROM d;"
		"INSERT INTO answer (day, question_id, value)"
		" SELECT day, 'where', 'same' FROM checkin;"
		"INSERT INTO session (practice, approach, day, recorded_at)"
		" SELECT 'walk', 'movement', day, " STAMP " FROM checkin;"
		"COMMIT;");
	assert_int_equal(count(s, "SELECT count(*) FROM checkin"), 36525);
	fullscans = 0;
	sqlite3_trace_v2(s->db, SQLITE_TRACE_PROFILE, watch, NULL);
	assert_int_equal(
	    store_checkin_put(s, &c, ans, 1, done, 1, NULL, NULL, &cause), 0);
	assert_int_equal(
	    store_checkin_get(s, "2026-11-19", &got, &found, &cause), 0);
	checkin_clear(&got);
	assert_int_equal(
	    store_checkin_range(s, "2026-11-07", "2026-11-20", &r, &n, &cause),
	    0);
	assert_int_equal(n, 14);
	checkins_free(r, n);
	assert_int_equal(
	    store_answer_range(s, "2026-11-07", "2026-11-20", &a, &n, &cause),
	    0);
	store_answers_free(a, n);
	assert_int_equal(store_session_range(s, "2026-11-07", "2026-11-20",
					     &ses, &n, &cause),
			 0);
	store_sessions_free(ses, n);
	assert_int_equal(store_trial_start(s, "movement", "2026-11-01", &cause),
			 0);
	assert_int_equal(
	    store_trial_stop(s, "movement", "2026-11-20", OUTCOME_NONE, &cause),
	    0);
	sqlite3_trace_v2(s->db, 0, NULL, NULL);
	assert_int_equal(fullscans, 0);
	store_close(s);
}

/* A dump the store imports straight (no program checked it): a uid twice,
 * trials of one approach one inside another, a flare-up inside another,
 * are refused, naming the row; rows keep their uids. */
static void
test_import_dump_rules(void **state)
{
	struct store *s = opened(state);
	char a[] = "alpha", t1[] = "2026-11-20T10:00:00+00:00";
	struct store_trial trials[] = {
	    {1, a, "2026-11-01", "2026-11-20", OUTCOME_STOPPED, ENTRY_NONE,
	     "0123456789abcdef0123456789abcdef"},
	    {2, a, "2026-11-05", "2026-11-10", OUTCOME_STOPPED, ENTRY_NONE,
	     "1123456789abcdef0123456789abcdef"},
	};
	struct store_flare flares[] = {
	    {1, "2026-11-01", "2026-11-05", FLARE_PERSON, ENTRY_NONE, NULL, t1,
	     "2123456789abcdef0123456789abcdef"},
	    {2, "2026-11-03", "", FLARE_OPEN, ENTRY_NONE, NULL, t1,
	     "3123456789abcdef0123456789abcdef"},
	};
	struct store_dump d = {0};
	struct store_import_result res;
	struct store_trial *got;
	char *cause = NULL;
	size_t n;

	d.trials = trials;
	d.ntrials = 2;
	assert_int_equal(store_import(s, &d, 0, &res, &cause), EX_DATAERR);
	assert_non_null(strstr(cause, "starts inside the one from 2026-11-01"));
	assert_string_equal(res.table, "trial");
	assert_int_equal(res.row, 1);
	free(cause);
	cause = NULL;
	memcpy(trials[1].uid, trials[0].uid, ENTRY_UID_LEN);
	memcpy(trials[1].started_on, "2026-11-20", DAY_LEN);
	memcpy(trials[1].ended_on, "2026-11-21", DAY_LEN);
	assert_int_equal(store_import(s, &d, 0, &res, &cause), EX_DATAERR);
	assert_non_null(strstr(cause, "with this uid"));
	assert_int_equal(res.row, 1);
	free(cause);
	cause = NULL;
	d.ntrials = 1;
	d.flares = flares;
	d.nflares = 2;
	assert_int_equal(store_import(s, &d, 0, &res, &cause), EX_DATAERR);
	assert_non_null(strstr(cause, "shares days with the one from"));
	assert_string_equal(res.table, "flare");
	free(cause);
	cause = NULL;
	d.nflares = 0;
	expect_ok(store_import(s, &d, 0, &res, &cause), &cause);
	assert_int_equal(res.n[STORE_TABLE_TRIAL].added, 1);
	store_import_result_clear(&res);
	expect_ok(store_trial_list(s, &got, &n, &cause), &cause);
	assert_int_equal(n, 1);
	assert_string_equal(got[0].uid, trials[0].uid);
	store_trials_free(got, n);
	store_close(s);
}

/* A save from a screen opened before a newer save of its day is refused,
 * the newer one handed back, nothing written; the revision tells two
 * saves of one second apart. */
static void
test_checkin_if_unchanged(void **state)
{
	struct store *s = opened(state);
	struct checkin c = fx_checkin("2026-11-20", 4), old, got;
	char *cause = NULL;
	int replaced, found;

	/* The screen saw no check-in; another was saved meanwhile. */
	c.revision = 0;
	expect_ok(
	    store_checkin_put(s, &c, NULL, 0, NULL, 0, NULL, NULL, &cause),
	    &cause);
	c.pain = 8;
	assert_int_equal(store_checkin_write(s, &c, NULL, 0, NULL, 0, NULL, 0,
					     STORE_IF_UNCHANGED, &old,
					     &replaced, &cause),
			 CHECKIN_CHANGED);
	assert_non_null(strstr(cause, "saved again since it was read"));
	free(cause);
	cause = NULL;
	assert_int_equal(replaced, -1);
	assert_int_equal(old.pain, 4);
	assert_int_equal(old.revision, 1);
	checkin_clear(&old);
	/* Read at revision 1, then saved twice within the second. */
	expect_ok(
	    store_checkin_put(s, &c, NULL, 0, NULL, 0, NULL, NULL, &cause),
	    &cause);
	c.revision = 1;
	c.pain = 2;
	assert_int_equal(store_checkin_write(s, &c, NULL, 0, NULL, 0, NULL, 0,
					     STORE_IF_UNCHANGED, &old,
					     &replaced, &cause),
			 CHECKIN_CHANGED);
	free(cause);
	cause = NULL;
	assert_int_equal(old.revision, 2);
	assert_int_equal(old.pain, 8);
	checkin_clear(&old);
	expect_ok(store_checkin_get(s, "2026-11-20", &got, &found, &cause),
		  &cause);
	assert_int_equal(got.pain, 8);
	checkin_clear(&got);
	/* Read as it is now: saved. */
	c.revision = 2;
	expect_ok(store_checkin_write(s, &c, NULL, 0, NULL, 0, NULL, 0,
				      STORE_IF_UNCHANGED, &old, &replaced,
				      &cause),
		  &cause);
	assert_int_equal(replaced, 1);
	checkin_clear(&old);
	expect_ok(store_checkin_get(s, "2026-11-20", &got, &found, &cause),
		  &cause);
	assert_int_equal(got.pain, 2);
	assert_int_equal(got.revision, 3);
	checkin_clear(&got);
	store_close(s);
}

#define T(f) cmocka_unit_test_setup_teardown(f, fx_setup, fx_teardown)

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    T(test_checkin_put_get),
	    T(test_checkin_replace),
	    T(test_answers_replace_per_question),
	    T(test_done_not_doubled),
	    T(test_checkin_refused),
	    T(test_note_exact),
	    T(test_ranges),
	    T(test_trial_rules),
	    cmocka_unit_test(test_outcome_names),
	    T(test_sessions),
	    T(test_session_tally),
	    T(test_session_seconds),
	    T(test_pain_set_at),
	    T(test_screening_latest),
	    T(test_screening_revision),
	    T(test_lessons),
	    T(test_checkin_first),
	    T(test_profile),
	    T(test_hundred_years_no_full_scans),
	    T(test_import_dump_rules),
	    T(test_checkin_if_unchanged),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
