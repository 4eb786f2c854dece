/*
 * Unit tests of loading the review and the report from long logs. A real
 * SQLite log in a temporary directory, filled with SQL: decades of days,
 * gaps longer than a piece of the log the review reads at a time, rows
 * dated before the first trial and after today, and 2,000 trials that
 * overlap. The expected results are worked out the slow, plain way:
 * analysis_trial() over every check-in, every session of the trial's
 * approach and every other trial, and every pair of trials compared.
 * Memory is measured with AddressSanitizer's count of allocated bytes.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include <sysexits.h>

#include "analysis.h"
#include "day.h"
#include "report.h"
#include "review.h"
#include "store_fixture.h"

#define TODAY "2026-11-24"
#define TRIALS 2000
/* Generous bounds: what the review keeps of 2,000 trials and decades of
 * days, against the 32 MB that one slot per pair of trials took. */
#define REVIEW_HEAP_MAX (4u << 20)
/* What reading 50 more years of check-ins may add while the log is read:
 * a few ints a day, not the rows with their strings (over 2 MB). */
#define LONGER_LOG_MAX (512u << 10)

#if defined(__SANITIZE_ADDRESS__)
#define HAVE_HEAP_COUNT 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define HAVE_HEAP_COUNT 1
#endif
#endif
#ifdef HAVE_HEAP_COUNT
/* From AddressSanitizer's runtime (sanitizer/allocator_interface.h). */
size_t __sanitizer_get_current_allocated_bytes(void);
static size_t
heap_bytes(void)
{
	return __sanitizer_get_current_allocated_bytes();
}
#else
static size_t
heap_bytes(void)
{
	return 0;
}
#endif

/*
 * Check-ins from 2000-01-01 on most days, none from day 4000 to 6599 (a
 * gap of seven years), a quarter of 1990 long before any trial, and two
 * days after today; a note every 97th day (an empty one every 89th).
 * Sessions of the trials' approaches, of one with no trial, and one in
 * 1990. TRIALS trials of seven approaches a few days apart, 0 to 44 days
 * long, one running since 2000 beside all of them, one of an approach with
 * no session, and one starting after today.
 */
static const char fill_sql[] =
    "BEGIN;"
    "WITH RECURSIVE d(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM d"
    " WHERE n < 9800)"
    " INSERT INTO checkin (day, pain, note, recorded_at, updated_at)"
    " SELECT date('2000-01-01', '+' || n || ' days'), (n * 7) % 11,"
    "  CASE WHEN n % 97 = 0 THEN 'note ' || n WHEN n % 89 = 0 THEN ''"
    "  END, date('2000-01-01', '+' || n || ' days') || 'T12:00:00+00:00',"
    "  date('2000-01-01', '+' || n || ' days') || 'T12:00:00+00:00'"
    " FROM d WHERE n % 11 <> 5 AND (n < 4000 OR n >= 6600);"
    "WITH RECURSIVE d(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM d"
    " WHERE n < 89)"
    " INSERT INTO checkin (day, pain, note, recorded_at, updated_at)"
    " SELECT date('1990-01-01', '+' || n || ' days'), n % 11,"
    "  CASE WHEN n % 10 = 0 THEN 'old ' || n END,"
    "  date('1990-01-01', '+' || n || ' days') || 'T12:00:00+00:00',"
    "  date('1990-01-01', '+' || n || ' days') || 'T12:00:00+00:00' FROM d;"
    "INSERT INTO checkin (day, pain, note, recorded_at, updated_at) VALUES"
    " ('2027-01-02', 9, 'ahead', '2027-01-02T12:00:00+00:00',"
    " '2027-01-02T12:00:00+00:00'), ('2030-05-05', 1, NULL,"
    " '2030-05-05T12:00:00+00:00', '2030-05-05T12:00:00+00:00');"
    "WITH RECURSIVE d(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM d"
    " WHERE n < 9800)"
    " INSERT INTO session (practice, approach, day, minutes, pain_before,"
    "  pain_after, recorded_at)"
    " SELECT 'p' || (n % 7), CASE WHEN n % 13 = 0 THEN 'none' ELSE"
    "  'a' || (n % 7) END, date('2000-01-01', '+' || n || ' days'), 10,"
    "  CASE WHEN n % 5 = 0 THEN NULL ELSE n % 11 END, (n * 3) % 11,"
    "  date('2000-01-01', '+' || n || ' days') || 'T12:00:00+00:00'"
    " FROM d WHERE n % 3 <> 1;"
    "INSERT INTO session (practice, approach, day, recorded_at) VALUES"
    " ('p1', 'a1', '1990-02-02', '1990-02-02T12:00:00+00:00');"
    "WITH RECURSIVE k(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM k"
    " WHERE n < 1999)"
    " INSERT INTO trial (approach, started_on, ended_on, outcome)"
    " SELECT 'a' || (n % 7), date('2000-01-20', '+' || (n * 4) || ' days'),"
    "  date('2000-01-20', '+' || (n * 4 + (n * 37) % 45) || ' days'),"
    "  'stopped' FROM k;"
    "INSERT INTO trial (approach, started_on) VALUES"
    " ('long', '2000-02-01'), ('quiet', '2010-06-01'),"
    " ('a3', '2027-01-01');"
    "INSERT INTO profile (key, value) VALUES ('usual_pain', '6');"
    "COMMIT;";

/* A log filled by sql, as another program would write it. */
static void
fx_exec_on(const char *path, const char *sql)
{
	sqlite3 *db = fx_raw(path);

	fx_exec(db, sql);
	sqlite3_close(db);
}

static struct store *
filled(const char *path, const char *sql)
{
	struct store *st = fx_open(path);
	sqlite3 *db = fx_raw(path);

	fx_exec(db, sql);
	sqlite3_close(db);
	return st;
}

struct everything {
	struct checkin *checkins;
	size_t ncheckins;
	struct store_session *sessions;
	size_t nsessions;
	struct analysis_checkin *all;
};

static void
everything_load(struct store *st, struct everything *e)
{
	char *cause = NULL;
	size_t i;

	if (store_checkin_range(st, NULL, NULL, &e->checkins, &e->ncheckins,
				&cause) != 0 ||
	    store_session_range(st, NULL, NULL, &e->sessions, &e->nsessions,
				&cause) != 0)
		fail_msg("reading the whole log: %s", cause);
	e->all = xcalloc(e->ncheckins + 1, sizeof *e->all);
	for (i = 0; i < e->ncheckins; i++) {
		e->all[i].day = day_number(e->checkins[i].day);
		e->all[i].pain = e->checkins[i].pain;
		e->all[i].interference =
		    e->checkins[i].interference == ENTRY_NONE
			? ANALYSIS_NO_RATING
			: e->checkins[i].interference;
	}
}

static void
everything_free(struct everything *e)
{
	checkins_free(e->checkins, e->ncheckins);
	store_sessions_free(e->sessions, e->nsessions);
	free(e->all);
}

/* Row i judged against the whole log, as the review once did it. */
static void
judge_plainly(const struct review *rv, const struct everything *e, size_t i,
	      struct analysis_result *out)
{
	const struct review_row *row = &rv->rows[i];
	struct analysis_session *ses = xcalloc(e->nsessions + 1, sizeof *ses);
	struct analysis_span *others = xcalloc(rv->nrows, sizeof *others);
	struct analysis_trial_in in = {0};
	size_t j, nses = 0, nothers = 0;
	int logged = 0;

	for (j = 0; j < e->nsessions; j++) {
		int day = day_number(e->sessions[j].day);

		if (strcmp(e->sessions[j].approach, row->approach) != 0)
			continue;
		logged = 1;
		/* Days outside the trial count for nothing (analysis.h), and
		 * counting distinct days is quadratic. */
		if (day < row->result.start || day > row->result.end)
			continue;
		ses[nses].day = day;
		ses[nses].pain_before = e->sessions[j].pain_before;
		ses[nses].pain_after = e->sessions[j].pain_after;
		nses++;
	}
	for (j = 0; j < rv->nrows; j++)
		if (j != i) {
			others[nothers].start = rv->rows[j].result.start;
			others[nothers].end = rv->rows[j].result.end;
			nothers++;
		}
	in.start = row->result.start;
	in.end = row->result.end;
	in.settle_days = ANALYSIS_SETTLE_DAYS; /* no pack: the default */
	in.has_practices = logged;
	in.sessions = ses;
	in.nsessions = nses;
	in.others = others;
	in.nothers = nothers;
	assert_int_equal(
	    analysis_trial(e->all, e->ncheckins, rv->usual_pain, &in, out), 0);
	free(ses);
	free(others);
}

/* Every row as the plain way has it: the judgement, the check-ins on its
 * days, and the trials it shares days with, in row order. */
static void
test_review_matches_the_plain_way(void **state)
{
	struct fixture *fx = *state;
	struct store *st = filled(fx->path, fill_sql);
	struct everything e = {0};
	struct review rv;
	struct analysis_result want;
	char *cause = NULL;
	size_t i, j, k, total = 0;
	int n;

	assert_int_equal(review_load(NULL, st, TODAY, &rv, &cause), 0);
	everything_load(st, &e);
	assert_int_equal(rv.nrows, TRIALS + 3);
	assert_int_equal(rv.ncheckins, e.ncheckins);
	for (i = 0; i < e.ncheckins; i++) {
		assert_int_equal(rv.checkins[i].day, e.all[i].day);
		assert_int_equal(rv.checkins[i].pain, e.all[i].pain);
	}
	for (i = 0; i < rv.nrows; i++) {
		const struct review_row *row = &rv.rows[i];

		judge_plainly(&rv, &e, i, &want);
		if (memcmp(&want, &row->result, sizeof want) != 0)
			fail_msg("trial %zu (%s from %s) is judged otherwise",
				 i, row->approach, row->started_on);
		for (n = 0, j = 0; j < e.ncheckins; j++)
			n += e.all[j].day >= want.start &&
			     e.all[j].day <= want.end;
		assert_int_equal(row->checkins, n);
		for (k = 0, j = 0; j < rv.nrows; j++) {
			struct analysis_span o;

			o.start = rv.rows[j].result.start;
			o.end = rv.rows[j].result.end;
			if (j == i || !analysis_confounds(&want, &o))
				continue;
			if (k >= row->noverlaps || row->overlaps[k] != j)
				fail_msg("trial %zu: overlap %zu is not %zu", i,
					 k, j);
			k++;
		}
		assert_int_equal(k, row->noverlaps);
		total += k;
	}
	/* The trial running since 2000 starts or stops in none of the others'
	 * windows, so it counts against none of them (a habit through both);
	 * they count against each other where they meet. */
	assert_true(total > 0);
	everything_free(&e);
	review_free(&rv);
	store_close(st);
}

/*
 * Baselines stay put: answering the first-run questions again (a new usual
 * pain, as the onboarding screen stores it) changes no trial's judgement;
 * a corrected daily rating on a trial's days does.
 */
static void
test_first_run_again_changes_no_verdict(void **state)
{
	struct fixture *fx = *state;
	struct store *st = filled(fx->path, fill_sql);
	struct review a, b;
	char *cause = NULL;
	size_t i;
	int changed = 0;

	assert_int_equal(review_load(NULL, st, TODAY, &a, &cause), 0);
	assert_int_equal(a.usual_pain, 6);
	assert_int_equal(store_profile_set(st, "usual_pain", "10", &cause), 0);
	assert_int_equal(review_load(NULL, st, TODAY, &b, &cause), 0);
	assert_int_equal(b.usual_pain, 10);
	assert_int_equal(a.nrows, b.nrows);
	for (i = 0; i < a.nrows; i++) {
		struct analysis_result ra = a.rows[i].result;
		struct analysis_result rb = b.rows[i].result;

		assert_int_equal(ra.usual_pain, 6);
		assert_int_equal(rb.usual_pain, 10);
		rb.usual_pain = ra.usual_pain;
		if (memcmp(&ra, &rb, sizeof ra) != 0)
			fail_msg("trial %zu (%s) changed with the usual pain",
				 i, a.rows[i].approach);
	}
	review_free(&b);

	/* A daily rating corrected on some trial's days does change it. */
	fx_exec_on(fx->path, "UPDATE checkin SET pain = 10 WHERE day IN "
			     "(SELECT started_on FROM trial)");
	assert_int_equal(review_load(NULL, st, TODAY, &b, &cause), 0);
	for (i = 0; i < a.nrows; i++)
		changed |= memcmp(&a.rows[i].result, &b.rows[i].result,
				  sizeof a.rows[i].result) != 0;
	assert_true(changed);
	review_free(&a);
	review_free(&b);
	store_close(st);
}

/* The memory the review keeps grows with the overlaps, not with the square
 * of the trials. */
static void
test_review_memory_with_many_trials(void **state)
{
	struct fixture *fx = *state;
	struct store *st = filled(fx->path, fill_sql);
	struct review rv;
	char *cause = NULL;
	size_t before, kept;

	/* Once first, so that SQLite's page cache is as full as it gets. */
	assert_int_equal(review_load(NULL, st, TODAY, &rv, &cause), 0);
	review_free(&rv);
	before = heap_bytes();
	assert_int_equal(review_load(NULL, st, TODAY, &rv, &cause), 0);
	kept = heap_bytes() - before;
	review_free(&rv);
	store_close(st);
#ifndef HAVE_HEAP_COUNT
	skip();
#endif
	if (kept > REVIEW_HEAP_MAX)
		fail_msg("the review of %d trials keeps %zu bytes", TRIALS + 3,
			 kept);
}

/* The latest ten notes, newest first from SQL, then oldest first in the
 * report; empty notes are no notes. */
static void
test_report_latest_notes(void **state)
{
	struct fixture *fx = *state;
	struct store *st = filled(fx->path, fill_sql);
	sqlite3 *db = fx_raw(fx->path);
	sqlite3_stmt *q;
	struct report rp;
	char *cause = NULL;
	size_t i;

	assert_int_equal(report_load(NULL, st, TODAY, &rp, &cause), 0);
	assert_int_equal(rp.nnotes, REPORT_NOTES);
	assert_int_equal(sqlite3_prepare_v2(db,
					    "SELECT day, note FROM checkin"
					    " WHERE note <> '' ORDER BY day"
					    " DESC LIMIT 10",
					    -1, &q, NULL),
			 SQLITE_OK);
	for (i = REPORT_NOTES; i > 0; i--) {
		assert_int_equal(sqlite3_step(q), SQLITE_ROW);
		assert_string_equal(rp.notes[i - 1].day,
				    (const char *)sqlite3_column_text(q, 0));
		assert_string_equal(rp.notes[i - 1].note,
				    (const char *)sqlite3_column_text(q, 1));
	}
	sqlite3_finalize(q);
	sqlite3_close(db);
	assert_string_equal(rp.first_day, "1990-01-01");
	assert_string_equal(rp.last_day, "2030-05-05");
	report_free(&rp);
	store_close(st);
}

/* Only notes older than a gap of years: still found, all of them. */
static void
test_report_old_notes(void **state)
{
	struct fixture *fx = *state;
	struct store *st = filled(
	    fx->path,
	    "INSERT INTO checkin (day, pain, note, recorded_at, updated_at)"
	    " VALUES ('1995-03-01', 4, 'first', '1995-03-01T12:00:00+00:00',"
	    " '1995-03-01T12:00:00+00:00'), ('1995-03-02', 5, 'second',"
	    " '1995-03-02T12:00:00+00:00', '1995-03-02T12:00:00+00:00'),"
	    " ('2026-11-20', 3, NULL, '2026-11-20T12:00:00+00:00',"
	    " '2026-11-20T12:00:00+00:00');");
	struct report rp;
	char *cause = NULL;

	assert_int_equal(report_load(NULL, st, TODAY, &rp, &cause), 0);
	assert_int_equal(rp.nnotes, 2);
	assert_string_equal(rp.notes[0].note, "first");
	assert_string_equal(rp.notes[1].note, "second");
	assert_int_equal(rp.review.ncheckins, 3);
	assert_int_equal(rp.span_days,
			 day_diff("1995-03-01", "2026-11-20") + 1);
	report_free(&rp);
	store_close(st);
}

/* The most allocated while the log is read, as seen from the callback. */
static void
note_peak(const struct checkin *c, void *arg)
{
	size_t *peak = arg, now = heap_bytes();

	(void)c;
	if (now > *peak)
		*peak = now;
}

static size_t
reading_peak(const char *path, int years)
{
	char *sql = xasprintf(
	    "WITH RECURSIVE d(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM d"
	    " WHERE n < %d)"
	    " INSERT INTO checkin (day, pain, note, recorded_at, updated_at)"
	    " SELECT date('%s', '-' || n || ' days'), n %% 11,"
	    "  'a note of a few words, day ' || n,"
	    "  '2026-01-01T20:00:00+01:00', '2026-01-01T20:00:00+01:00'"
	    " FROM d;",
	    years * 365, TODAY);
	struct store *st = filled(path, sql);
	struct review rv;
	char *cause = NULL;
	size_t before, peak;

	free(sql);
	/* Once first, so that SQLite's page cache is as full as it gets. */
	assert_int_equal(review_load(NULL, st, TODAY, &rv, &cause), 0);
	review_free(&rv);
	before = peak = heap_bytes();
	assert_int_equal(
	    review_load_with(NULL, st, TODAY, note_peak, &peak, &rv, &cause),
	    0);
	assert_int_equal(rv.ncheckins, (size_t)years * 365 + 1);
	review_free(&rv);
	store_close(st);
	return peak - before;
}

/* Reading a log five times as long takes hardly more memory. */
static void
test_reading_stays_flat(void **state)
{
	struct fixture *fx = *state;
	char *longer = xasprintf("%s/longer.db", fx->dir);
	size_t ten, sixty;

	ten = reading_peak(fx->path, 10);
	sixty = reading_peak(longer, 60);
	free(longer);
#ifndef HAVE_HEAP_COUNT
	skip();
#endif
	if (sixty > ten + LONGER_LOG_MAX)
		fail_msg("reading 10 years took %zu bytes, 60 years %zu", ten,
			 sixty);
}

/* A row's day that day.c refuses makes the log damaged (the store
 * refuses it where it reads it), and nothing is handed out. */
static void
test_review_bad_day(void **state)
{
	struct fixture *fx = *state;
	struct store *st = filled(
	    fx->path, "INSERT INTO checkin (day, pain, recorded_at, updated_at)"
		      " VALUES ('0999-06-01', 3, '2026-11-01T12:00:00+00:00', "
		      "'2026-11-01T12:00:00+00:00'),"
		      " ('2026-11-01', 4, '2026-11-01T12:00:00+00:00',"
		      " '2026-11-01T12:00:00+00:00');");
	struct review rv;
	char *cause = NULL;

	assert_int_equal(review_load(NULL, st, TODAY, &rv, &cause), EX_IOERR);
	assert_non_null(cause);
	assert_non_null(strstr(cause, "is damaged (the check-in of 0999-06-01: "
				      "day is '0999-06-01', not a day"));
	assert_null(rv.rows);
	assert_null(rv.checkins);
	free(cause);
	store_close(st);
}

/*
 * Issue 18: 71 days to TODAY and a trial from 2026-10-20 (day 35). Every
 * day but each fifth has a rating entered on its day, 6 give or take one
 * before the trial and 3 give or take one after settling in; each fifth
 * day up to 2026-11-19 (day 65) has a rating of 10 entered on TODAY, five
 * days or more after its day: recalled. One of them has no pain_set_at,
 * so its recorded_at (as late) counts.
 */
#define RECALL_DAYS_SQL                                                        \
	"WITH RECURSIVE d(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM d"       \
	" WHERE n < 70), e(n, day) AS (SELECT n, date('2026-09-15', '+' || n"  \
	" || ' days') FROM d) "
static const char recall_own_sql[] =
    "BEGIN;" RECALL_DAYS_SQL
    "INSERT INTO checkin (day, pain, recorded_at, updated_at, pain_set_at)"
    " SELECT day, CASE WHEN n >= 42 THEN 3 ELSE 6 END + n % 3 - 1,"
    "  day || 'T20:00:00+00:00', day || 'T20:00:00+00:00',"
    "  day || 'T20:00:00+00:00' FROM e WHERE n % 5 <> 0;"
    "INSERT INTO trial (approach, started_on) VALUES ('a', '2026-10-20');"
    "COMMIT;";
static const char recall_late_sql[] =
    "BEGIN;" RECALL_DAYS_SQL
    "INSERT INTO checkin (day, pain, recorded_at, updated_at, pain_set_at)"
    " SELECT day, 10, '" TODAY "T09:00:00+00:00', '" TODAY
    "T09:00:00+00:00', CASE WHEN n = 5 THEN NULL ELSE '" TODAY
    "T09:00:00+00:00' END FROM e WHERE n % 5 = 0 AND n < 70;"
    "COMMIT;";

/* The recalled ratings are kept among the check-ins, but the verdict is
 * the one the log would give without them; the row counts those of its
 * baseline and its days, and says so. */
static void
test_recalled_left_out(void **state)
{
	struct fixture *fx = *state;
	char *plain = xasprintf("%s/plain.db", fx->dir);
	struct store *st = filled(fx->path, recall_own_sql), *without;
	struct review rv, want;
	char *cause = NULL;
	struct buf b;
	size_t i;
	int during_n;

	fx_exec_on(fx->path, recall_late_sql);
	without = filled(plain, recall_own_sql);
	assert_int_equal(review_load(NULL, st, TODAY, &rv, &cause), 0);
	assert_int_equal(review_load(NULL, without, TODAY, &want, &cause), 0);
	assert_int_equal(rv.ncheckins, 70);
	assert_int_equal(want.ncheckins, 56);
	assert_int_equal(rv.nrecalled, 14);
	for (i = 0; i < rv.nrecalled; i++)
		assert_int_equal(rv.recalled[i],
				 day_number("2026-09-15") + (int)i * 5);
	assert_true(review_recalled_on(&rv, day_number("2026-11-19")));
	assert_false(review_recalled_on(&rv, day_number("2026-11-18")));
	assert_false(review_recalled_on(&rv, day_number(TODAY)));
	assert_int_equal(rv.nrows, 1);
	assert_true(analysis_helped(rv.rows[0].result.verdict));
	if (memcmp(&rv.rows[0].result, &want.rows[0].result,
		   sizeof want.rows[0].result) != 0)
		fail_msg("the recalled ratings changed the verdict");
	/* From 2026-10-06, 14 days before the start: days 25 to 65. */
	assert_int_equal(rv.rows[0].recalled, 9);
	assert_int_equal(want.rows[0].recalled, 0);
	buf_init(&b);
	review_explain(&b, &rv.rows[0]);
	assert_non_null(strstr(b.data, "; 9 ratings entered more than 3 days "
				       "after their day were left out: a "
				       "recalled rating is less reliable"));
	buf_free(&b);
	during_n = want.rows[0].result.during_n;
	review_free(&rv);
	review_free(&want);
	store_close(without);

	/* The same ratings entered on their days count, and change it. */
	fx_exec_on(fx->path, "UPDATE checkin SET pain_set_at = day ||"
			     " 'T20:00:00+00:00', recorded_at = day ||"
			     " 'T20:00:00+00:00'");
	assert_int_equal(review_load(NULL, st, TODAY, &rv, &cause), 0);
	assert_int_equal(rv.nrecalled, 0);
	assert_int_equal(rv.rows[0].recalled, 0);
	assert_true(rv.rows[0].result.during_n > during_n);
	review_free(&rv);
	store_close(st);
	free(plain);
}

/* A verdict that waits for ratings says how many recalled ones it left
 * out, after what it lacks; one is said as one. */
static void
test_missing_says_recalled(void **state)
{
	struct review_row row;
	struct buf b;

	(void)state;
	memset(&row, 0, sizeof row);
	memcpy(row.started_on, "2026-11-24", DAY_LEN);
	row.result.verdict = VERDICT_NO_BASELINE;
	row.result.baseline_n = 2;
	row.recalled = 6;
	buf_init(&b);
	review_missing(&b, &row);
	assert_non_null(strstr(b.data, "it can be. 6 ratings entered more than "
				       "3 days after their day were left out: "
				       "a recalled rating is less reliable."));
	buf_free(&b);
	buf_init(&b);
	review_recalled(&b, 1);
	assert_string_equal(b.data, "1 rating entered more than 3 days after "
				    "its day was left out: a recalled rating "
				    "is less reliable.");
	buf_free(&b);
	buf_init(&b);
	review_recalled(&b, 0);
	assert_int_equal(b.len, 0);
	buf_free(&b);
}

/* A row with an unclear pain change from 9/4 before to 7/4 during, its
 * interval lower .. upper. */
static void
unclear_row(struct review_row *row, double lower, double upper, int more)
{
	struct analysis_change *x = &row->result.pain;

	memset(row, 0, sizeof *row);
	memcpy(row->started_on, "2026-11-02", DAY_LEN);
	row->running = 1;
	row->result.verdict = VERDICT_UNCLEAR;
	row->result.has_change = 1;
	row->result.has_baseline = 1;
	x->has_change = 1;
	x->verdict = VERDICT_UNCLEAR;
	x->before_n = 4;
	x->before_sum = 9;
	x->during_n = 4;
	x->during_sum = 7;
	x->before_mean = 2.25;
	x->during_mean = 1.75;
	x->change = 0.5;
	x->lower = lower;
	x->upper = upper;
	x->more_days = more;
}

/* Newuser item 5: an interval past zero is not "within the ups and
 * downs"; what is unclear is whether the change reaches its threshold. */
static void
test_unclear_words_fit_the_interval(void **state)
{
	struct review_row row;
	const char *w;

	(void)state;
	unclear_row(&row, 0.3, 0.9, 0);
	w = review_row_verdict_words(&row);
	assert_null(strstr(w, "within"));
	assert_non_null(strstr(w, "fell by more than its day-to-day ups and "
				  "downs"));
	assert_non_null(strstr(w, "whether the fall reaches"));
	unclear_row(&row, -0.9, -0.3, 0);
	w = review_row_verdict_words(&row);
	assert_null(strstr(w, "within"));
	assert_non_null(strstr(w, "rose by more than"));
	unclear_row(&row, -0.2, 1.2, 3);
	assert_string_equal(review_row_verdict_words(&row),
			    review_verdict_words(VERDICT_UNCLEAR));
	assert_non_null(strstr(review_row_verdict_words(&row), "within"));
}

/* The Why line's means are rounded from the exact sums, half away from
 * zero, as the review screen rounds them: 9/4 is 2.3 there, not the 2.2
 * printf's "%.1f" gives. */
static void
test_why_means_round_as_the_screen(void **state)
{
	struct review_row row;
	struct buf b;
	char fig[REVIEW_FIGURE_LEN];

	(void)state;
	unclear_row(&row, 0.3, 0.9, 0);
	buf_init(&b);
	review_explain(&b, &row);
	assert_non_null(strstr(b.data, "from 2.3 to 1.8"));
	buf_free(&b);
	review_fraction(9, 4, 1, 0, fig);
	assert_string_equal(fig, "2.3");
}

/* Newuser item 4: a trial without a baseline says what it had and never
 * asks for ratings of its old days. */
static void
test_no_baseline_asks_no_old_days(void **state)
{
	struct review_row row;
	struct buf b;

	(void)state;
	memset(&row, 0, sizeof row);
	memcpy(row.started_on, "2026-11-02", DAY_LEN);
	row.result.verdict = VERDICT_NO_BASELINE;
	row.result.baseline_n = 2;
	row.need_checkins = 3;
	buf_init(&b);
	review_missing(&b, &row);
	assert_non_null(strstr(b.data, "It had only 2 ratings in the 14 days "
				       "before its start (2026-10-19 to "
				       "2026-11-01)"));
	assert_non_null(strstr(b.data, "so its effect cannot be judged"));
	assert_null(strstr(b.data, "more for those days"));
	assert_null(strstr(b.data, "would give it a baseline"));
	buf_free(&b);
}

/* An ended trial with too few ratings after settling in says so, and
 * never asks for ratings of its old days either. */
static void
test_too_early_ended_asks_no_old_days(void **state)
{
	struct review_row row;
	struct buf b;

	(void)state;
	memset(&row, 0, sizeof row);
	memcpy(row.started_on, "2026-11-02", DAY_LEN);
	memcpy(row.ended_on, "2026-11-29", DAY_LEN);
	row.result.verdict = VERDICT_TOO_EARLY;
	row.result.days = 28;
	row.result.settle_days = 7;
	row.result.during_n = 3;
	row.need_checkins = 2;
	buf_init(&b);
	review_missing(&b, &row);
	assert_non_null(strstr(b.data, "(2026-11-09 to 2026-11-29) had only 3 "
				       "check-ins, and 5 are needed, so its "
				       "effect cannot be judged."));
	assert_null(strstr(b.data, "more for those days"));
	buf_free(&b);
}

/* A judged row with the chance it helped set by hand. */
static void
chance_row(struct review_row *row, enum analysis_verdict v, double lower,
	   double helped, double worse)
{
	unclear_row(row, 0.3, 0.9, 0);
	row->result.verdict = v;
	row->result.pain.verdict = v;
	row->result.has_chance = 1;
	row->result.chance.lower = lower;
	row->result.chance.helped = helped;
	row->result.chance.worse = worse;
}

/* Each chance in tenths, from the hundredths the CSV shows; the ends are
 * "more than 9 in 10" and "less than 1 in 10", never a certainty. */
static void
test_chance_words_at_the_ends(void **state)
{
	char w[REVIEW_FIGURE_LEN];
	int i;

	(void)state;
	assert_string_equal(review_chance_words(0, w), "less than 1 in 10");
	assert_string_equal(review_chance_words(0.044, w), "less than 1 in 10");
	assert_string_equal(review_chance_words(0.05, w), "about 1 in 10");
	assert_string_equal(review_chance_words(0.5, w), "about 5 in 10");
	assert_string_equal(review_chance_words(0.944, w), "about 9 in 10");
	assert_string_equal(review_chance_words(0.95, w), "more than 9 in 10");
	assert_string_equal(review_chance_words(1, w), "more than 9 in 10");
	assert_int_equal(review_chance_tenths(0.044), 0);
	assert_int_equal(review_chance_tenths(0.45), 5);
	assert_int_equal(review_chance_tenths(0.949), REVIEW_CHANCE_TENTHS);
	for (i = 0; i <= 1000; i++) {
		review_chance_words(i / 1000.0, w);
		assert_null(strstr(w, "10 in 10"));
		assert_null(strstr(w, "about 0 "));
	}
}

/* The three chances as figures (two decimals) and as words. */
static void
test_chance_figures_and_words(void **state)
{
	struct review_row row;
	struct review_figures f;
	struct buf b;

	(void)state;
	chance_row(&row, VERDICT_UNCLEAR, 0.87, 0.456, 0.0049);
	review_figures(&row, &f);
	assert_string_equal(f.chance_lower, "0.87");
	assert_string_equal(f.chance_helped, "0.46");
	assert_string_equal(f.chance_worse, "0.00");
	buf_init(&b);
	review_chance(&b, &row);
	assert_string_equal(
	    b.data, "The chances, allowing for the day-to-day ups and downs: "
		    "about 9 in 10 that it lowered your pain; about 5 in 10 "
		    "that it lowered it by a meaningful amount (2 points or "
		    "30%); less than 1 in 10 that it raised it by as much.");
	buf_free(&b);

	/* Too early: no chances, no words. */
	row.result.has_chance = 0;
	row.result.has_change = 0;
	row.result.verdict = VERDICT_TOO_EARLY;
	review_figures(&row, &f);
	assert_string_equal(f.chance_lower, "");
	assert_string_equal(f.chance_helped, "");
	assert_string_equal(f.chance_worse, "");
	buf_init(&b);
	review_chance(&b, &row);
	assert_int_equal(b.len, 0);
	buf_free(&b);
}

/* A "helped" at the margin: the fall seen passed the threshold, and the
 * true fall is as likely under it as over; the words say both without
 * contradiction. Likewise a "worse" at the margin. */
static void
test_chance_at_the_margin(void **state)
{
	struct review_row row;
	struct buf b;

	(void)state;
	chance_row(&row, VERDICT_MEANINGFUL, 0.995, 0.41, 0.0001);
	buf_init(&b);
	review_chance(&b, &row);
	assert_non_null(strstr(b.data, "more than 9 in 10 that it lowered "
				       "your pain; about 4 in 10 that it "
				       "lowered it by a meaningful amount (2 "
				       "points or 30%), as the fall seen did, "
				       "though the true fall may be smaller;"));
	buf_free(&b);
	/* The report's brief words say the same. */
	buf_init(&b);
	review_chance_brief(&b, &row);
	assert_string_equal(b.data, "Chance that it lowered pain: more than 9 "
				    "in 10; by 2 points or 30%: about 4 in 10 "
				    "(the fall seen did; the true one may be "
				    "smaller); that it raised it as much: less "
				    "than 1 in 10.");
	buf_free(&b);
	/* Past a half, nothing to reconcile. */
	chance_row(&row, VERDICT_MEANINGFUL, 0.999, 0.61, 0.0001);
	buf_init(&b);
	review_chance(&b, &row);
	assert_null(strstr(b.data, "as the fall seen did"));
	buf_free(&b);
	chance_row(&row, VERDICT_WORSE, 0.01, 0.001, 0.38);
	buf_init(&b);
	review_chance(&b, &row);
	assert_non_null(strstr(b.data, "about 4 in 10 that it raised it by as "
				       "much, as the rise seen did, though the "
				       "true rise may be smaller."));
	buf_free(&b);
	/* Unclear is not helped: no such clause. */
	chance_row(&row, VERDICT_UNCLEAR, 0.995, 0.41, 0.0001);
	buf_init(&b);
	review_chance(&b, &row);
	assert_null(strstr(b.data, "as the fall seen did"));
	buf_free(&b);
}

/* A flare-up tool's chances are its sessions'. */
static void
test_chance_of_sessions(void **state)
{
	struct review_row row;
	struct buf b;

	(void)state;
	chance_row(&row, VERDICT_UNCLEAR, 0.9999, 0.28, 0);
	row.result.flare_tool = 1;
	buf_init(&b);
	review_chance(&b, &row);
	assert_string_equal(
	    b.data,
	    "The chances, allowing for the spread between sessions: more "
	    "than 9 in 10 that its sessions lowered your pain; about 3 in 10 "
	    "that they lowered it by a meaningful amount (2 points or 30%); "
	    "less than 1 in 10 that they raised it by as much.");
	buf_free(&b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(test_review_matches_the_plain_way,
					    fx_setup, fx_teardown),
	    cmocka_unit_test_setup_teardown(
		test_first_run_again_changes_no_verdict, fx_setup, fx_teardown),
	    cmocka_unit_test_setup_teardown(test_review_memory_with_many_trials,
					    fx_setup, fx_teardown),
	    cmocka_unit_test_setup_teardown(test_report_latest_notes, fx_setup,
					    fx_teardown),
	    cmocka_unit_test_setup_teardown(test_report_old_notes, fx_setup,
					    fx_teardown),
	    cmocka_unit_test_setup_teardown(test_reading_stays_flat, fx_setup,
					    fx_teardown),
	    cmocka_unit_test_setup_teardown(test_review_bad_day, fx_setup,
					    fx_teardown),
	    cmocka_unit_test_setup_teardown(test_recalled_left_out, fx_setup,
					    fx_teardown),
	    cmocka_unit_test(test_missing_says_recalled),
	    cmocka_unit_test(test_unclear_words_fit_the_interval),
	    cmocka_unit_test(test_why_means_round_as_the_screen),
	    cmocka_unit_test(test_no_baseline_asks_no_old_days),
	    cmocka_unit_test(test_too_early_ended_asks_no_old_days),
	    cmocka_unit_test(test_chance_words_at_the_ends),
	    cmocka_unit_test(test_chance_figures_and_words),
	    cmocka_unit_test(test_chance_at_the_margin),
	    cmocka_unit_test(test_chance_of_sessions),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
