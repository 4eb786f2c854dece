/* store_trial.c: trials of approaches, safety screening answers, and the
 * profile. */
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "store_int.h"
#include "util.h"

#define TRIALS_FIRST 16 /* rows allocated at first, doubled as needed */

static const char *const outcome_names[] = {
    [OUTCOME_NONE] = "",
    [OUTCOME_HELPED] = "helped",
    [OUTCOME_NO_CHANGE] = "no-change",
    [OUTCOME_WORSE] = "worse",
    [OUTCOME_STOPPED] = "stopped",
};
#define OUTCOMES (sizeof outcome_names / sizeof outcome_names[0])

const char *
store_outcome_name(enum store_outcome o)
{
	if ((size_t)o >= OUTCOMES)
		return "";
	return outcome_names[o];
}

int
store_outcome_parse(const char *name, enum store_outcome *out)
{
	size_t i;

	for (i = OUTCOME_HELPED; name != NULL && i < OUTCOMES; i++) {
		if (strcmp(name, outcome_names[i]) == 0) {
			*out = (enum store_outcome)i;
			return 0;
		}
	}
	return -1;
}

static const char *const impression_names[] = {
    "",		 "very-much-better", "much-better", "a-little-better",
    "no-change", "a-little-worse",   "much-worse",  "very-much-worse"};

const char *
store_impression_name(int impression)
{
	if (impression < STORE_IMPRESSION_MIN ||
	    impression > STORE_IMPRESSION_MAX)
		return "";
	return impression_names[impression];
}

int
store_impression_parse(const char *text, int *out)
{
	int i;

	for (i = STORE_IMPRESSION_MIN;
	     text != NULL && i <= STORE_IMPRESSION_MAX; i++) {
		if (strcmp(text, impression_names[i]) == 0 ||
		    (text[0] == '0' + i && text[1] == '\0')) {
			*out = i;
			return 0;
		}
	}
	return -1;
}

/* The outcome as it is stored: NULL for none. */
static const char *
outcome_text(enum store_outcome o)
{
	return o == OUTCOME_NONE ? NULL : outcome_names[o];
}

static int
check_outcome(enum store_outcome o, char **cause)
{
	if ((size_t)o < OUTCOMES)
		return 0;
	return store_fail(cause, EX_DATAERR, "outcome: %d is not an outcome",
			  (int)o);
}

/* Steps st, which has at most one row, and hands it to the caller: 1 for
 * a row, 0 for none, or -1 with *code set. */
static int
one_row(struct store *s, sqlite3_stmt *st, int rc, int *code, char **cause)
{
	if (rc == SQLITE_OK)
		rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		return 1;
	if (rc == SQLITE_DONE)
		return 0;
	*code = store_sqlerr(s, rc, "reading the log", cause);
	return -1;
}

static int
exec_write(struct store *s, sqlite3_stmt *st, int rc, const char *what,
	   char **cause)
{
	if (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_DONE)
		rc = SQLITE_OK;
	sqlite3_finalize(st);
	return rc == SQLITE_OK ? 0 : store_sqlerr(s, rc, what, cause);
}

/* The checks of a start made inside the transaction. */
static int
start_allowed(struct store *s, const char *approach, const char *day,
	      char **cause)
{
	sqlite3_stmt *st;
	char since[DAY_LEN];
	int code = 0, row;

	if ((code = store_prepare(s,
				  "SELECT started_on FROM trial WHERE approach "
				  "= ?1 AND ended_on IS NULL",
				  &st, cause)) != 0)
		return code;
	row = one_row(s, st, store_bind(st, "t", approach), &code, cause);
	if (row == 1 && store_read_day(st, 0, 0, since) != 0)
		code = store_corrupt(s, "the trials", cause);
	else if (row == 1)
		code = store_fail(cause, EX_DATAERR,
				  "%s is already running (since %s)", approach,
				  since);
	sqlite3_finalize(st);
	if (code != 0)
		return code;
	if ((code = store_prepare(s,
				  "SELECT max(ended_on) FROM trial WHERE "
				  "approach = ?1",
				  &st, cause)) != 0)
		return code;
	row = one_row(s, st, store_bind(st, "t", approach), &code, cause);
	if (row == 1 && store_read_day(st, 0, 1, since) != 0)
		code = store_corrupt(s, "the trials", cause);
	else if (row == 1 && since[0] != '\0') {
		if (strcmp(day, since) < 0)
			code = store_fail(cause, EX_DATAERR,
					  "%s cannot start on %s: its last "
					  "trial ran until %s",
					  approach, day, since);
	}
	sqlite3_finalize(st);
	return code;
}

int
store_trial_start(struct store *s, const char *approach, const char *day,
		  char **cause)
{
	sqlite3_stmt *st;
	int code;

	if ((code = store_check_id("approach", approach, cause)) != 0 ||
	    (code = store_check_day("start", day, cause)) != 0 ||
	    (code = store_begin(s, cause)) != 0)
		return code;
	if ((code = start_allowed(s, approach, day, cause)) != 0 ||
	    (code = store_prepare(s,
				  "INSERT INTO trial (approach, started_on)"
				  " VALUES (?1, ?2)",
				  &st, cause)) != 0 ||
	    (code = exec_write(s, st, store_bind(st, "tt", approach, day),
			       "starting the trial", cause)) != 0) {
		store_rollback(s);
		return code;
	}
	return store_commit(s, cause);
}

/* The id of the running trial of approach, checked against a stop on day. */
static int
stop_allowed(struct store *s, const char *approach, const char *day,
	     long long *id, char **cause)
{
	sqlite3_stmt *st;
	char since[DAY_LEN];
	int code = 0, row;

	if ((code = store_prepare(s,
				  "SELECT id, started_on FROM trial WHERE "
				  "approach = ?1 AND ended_on IS NULL",
				  &st, cause)) != 0)
		return code;
	row = one_row(s, st, store_bind(st, "t", approach), &code, cause);
	if (row == 0)
		code = store_fail(cause, EX_DATAERR, "%s is not running",
				  approach);
	if (row == 1 && store_read_day(st, 1, 0, since) != 0)
		code = store_corrupt(s, "the trials", cause);
	else if (row == 1) {
		*id = sqlite3_column_int64(st, 0);
		if (strcmp(day, since) < 0)
			code = store_fail(cause, EX_DATAERR,
					  "%s cannot stop on %s: it started "
					  "on %s",
					  approach, day, since);
	}
	sqlite3_finalize(st);
	return code;
}

/* Ends the running trial of approach inside the caller's transaction; its
 * id in *id (store_int.h). */
int
store_trial_end(struct store *s, const char *approach, const char *day,
		enum store_outcome outcome, long long *id, char **cause)
{
	sqlite3_stmt *st;
	int code;

	*id = 0;
	if ((code = stop_allowed(s, approach, day, id, cause)) != 0 ||
	    (code = store_prepare(s,
				  "UPDATE trial SET ended_on = ?1, outcome = "
				  "?2 WHERE id = ?3",
				  &st, cause)) != 0)
		return code;
	return exec_write(
	    s, st, store_bind(st, "ttl", day, outcome_text(outcome), *id),
	    "stopping the trial", cause);
}

int
store_trial_stop(struct store *s, const char *approach, const char *day,
		 enum store_outcome outcome, char **cause)
{
	long long id = 0;
	int code;

	if ((code = store_check_id("approach", approach, cause)) != 0 ||
	    (code = store_check_day("stop", day, cause)) != 0 ||
	    (code = check_outcome(outcome, cause)) != 0 ||
	    (code = store_begin(s, cause)) != 0)
		return code;
	if ((code = store_trial_end(s, approach, day, outcome, &id, cause)) !=
	    0) {
		store_rollback(s);
		return code;
	}
	return store_commit(s, cause);
}

int
store_trial_set_outcome(struct store *s, long long id,
			enum store_outcome outcome, char **cause)
{
	sqlite3_stmt *st;
	int code = 0, row;

	if ((code = check_outcome(outcome, cause)) != 0 ||
	    (code = store_begin(s, cause)) != 0)
		return code;
	if ((code = store_prepare(s,
				  "SELECT approach, ended_on FROM trial WHERE "
				  "id = ?1",
				  &st, cause)) != 0)
		goto fail;
	row = one_row(s, st, store_bind(st, "l", id), &code, cause);
	if (row == 0)
		code =
		    store_fail(cause, EX_DATAERR, "there is no trial %lld", id);
	else if (row == 1 && sqlite3_column_type(st, 1) == SQLITE_NULL) {
		const unsigned char *a = sqlite3_column_text(st, 0);
		char *approach = store_shown(a ? (const char *)a : "");
		code = store_fail(cause, EX_DATAERR,
				  "the trial of %s is still running", approach);
		free(approach);
	}
	sqlite3_finalize(st);
	if (code != 0)
		goto fail;
	if ((code =
		 store_prepare(s, "UPDATE trial SET outcome = ?1 WHERE id = ?2",
			       &st, cause)) != 0 ||
	    (code = exec_write(s, st,
			       store_bind(st, "tl", outcome_text(outcome), id),
			       "saving the outcome", cause)) != 0)
		goto fail;
	return store_commit(s, cause);
fail:
	store_rollback(s);
	return code;
}

int
store_trial_set_impression(struct store *s, const char *approach,
			   const char *day, int impression, char **cause)
{
	sqlite3_stmt *st;
	int code;

	if ((code = store_check_id("approach", approach, cause)) != 0 ||
	    (code = store_check_day("impression", day, cause)) != 0)
		return code;
	if (impression < STORE_IMPRESSION_MIN ||
	    impression > STORE_IMPRESSION_MAX)
		return store_fail(
		    cause, EX_DATAERR, "impression: %d is not from %d to %d",
		    impression, STORE_IMPRESSION_MIN, STORE_IMPRESSION_MAX);
	if ((code = store_begin(s, cause)) != 0)
		return code;
	if ((code = store_prepare(
		 s,
		 "UPDATE trial SET impression = ?1 WHERE id = (SELECT id "
		 "FROM trial WHERE approach = ?2 AND ended_on = ?3 ORDER BY "
		 "id DESC LIMIT 1)",
		 &st, cause)) != 0 ||
	    (code = exec_write(s, st,
			       store_bind(st, "itt", impression, approach, day),
			       "saving the impression", cause)) != 0)
		goto fail;
	if (sqlite3_changes(s->db) != 1) {
		code = store_fail(cause, EX_DATAERR,
				  "no trial of %s ended on %s", approach, day);
		goto fail;
	}
	return store_commit(s, cause);
fail:
	store_rollback(s);
	return code;
}

/* The order trials are handed out in: oldest start first, then as added. */
static int
trial_before(const struct store_trial *a, const struct store_trial *b)
{
	int c = strcmp(a->started_on, b->started_on);

	return c < 0 || (c == 0 && a->id < b->id);
}

static int
trial_cmp(const void *a, const void *b)
{
	if (trial_before(a, b))
		return -1;
	return trial_before(b, a);
}

/*
 * Trials are read in id order, which needs no sorting in SQLite (ORDER BY
 * started_on made it sort them all in a temporary b-tree), and are nearly
 * always started in the order of their days already: they are sorted here
 * only when they are not.
 */
static void
trials_sort(struct store_trial *t, size_t n)
{
	size_t i;

	for (i = 1; i < n; i++)
		if (trial_before(&t[i], &t[i - 1])) {
			qsort(t, n, sizeof *t, trial_cmp);
			return;
		}
}

/* id, approach, started_on, ended_on, outcome, impression into t; -1 when a
 * value is out of its range or the row breaks the table's rules. */
static int
read_trial(sqlite3_stmt *st, struct store_trial *t)
{
	char *name = NULL;
	int bad = 0;

	t->id = sqlite3_column_int64(st, 0);
	t->outcome = OUTCOME_NONE;
	bad |= store_read_id(st, 1, &t->approach);
	bad |= store_read_day(st, 2, 0, t->started_on);
	bad |= store_read_day(st, 3, 1, t->ended_on);
	bad |= store_read_text(st, 4, 1, &name);
	bad |= store_read_int(st, 5, STORE_IMPRESSION_MIN, STORE_IMPRESSION_MAX,
			      1, &t->impression);
	if (name != NULL && (store_outcome_parse(name, &t->outcome) != 0 ||
			     t->ended_on[0] == '\0'))
		bad = -1;
	if (t->ended_on[0] != '\0' && strcmp(t->ended_on, t->started_on) < 0)
		bad = -1;
	if (t->impression != STORE_NONE && t->ended_on[0] == '\0')
		bad = -1;
	free(name);
	return bad;
}

int
store_trial_list(struct store *s, struct store_trial **out, size_t *n,
		 char **cause)
{
	sqlite3_stmt *st;
	struct store_trial *t = NULL, *row;
	size_t count = 0, cap = 0;
	int rc, code, bad = 0;

	*out = NULL;
	*n = 0;
	if ((code = store_prepare(s,
				  "SELECT id, approach, started_on, ended_on, "
				  "outcome, impression FROM trial ORDER BY id",
				  &st, cause)) != 0)
		return code;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (count == cap) {
			cap = cap ? cap * 2 : TRIALS_FIRST;
			t = xreallocarray(t, cap, sizeof *t);
		}
		row = &t[count++];
		memset(row, 0, sizeof *row);
		if ((bad = read_trial(st, row)) != 0)
			break;
	}
	sqlite3_finalize(st);
	*out = t;
	*n = count;
	if (bad) {
		store_trials_free(t, count);
		*out = NULL;
		*n = 0;
		return store_corrupt(s, "the trials", cause);
	}
	if (rc != SQLITE_DONE) {
		store_trials_free(t, count);
		*out = NULL;
		*n = 0;
		return store_sqlerr(s, rc, "reading the trials", cause);
	}
	trials_sort(t, count);
	return 0;
}

void
store_trials_free(struct store_trial *t, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(t[i].approach);
	free(t);
}

int
store_screening_add(struct store *s, const char *flag, int answer, int revision,
		    char **cause)
{
	sqlite3_stmt *st;
	char now[STORE_TIMESTAMP_LEN];
	int code;

	if ((code = store_check_id("red flag", flag, cause)) != 0)
		return code;
	if (answer != 0 && answer != 1)
		return store_fail(cause, EX_DATAERR,
				  "red flag %s: the answer must be 1 (yes) or "
				  "0 (no), not %d",
				  flag, answer);
	if (revision < 1)
		return store_fail(cause, EX_DATAERR,
				  "red flag %s: the revision must be 1 or "
				  "more, not %d",
				  flag, revision);
	store_now(now);
	if ((code = store_begin(s, cause)) != 0)
		return code;
	if ((code = store_prepare(s,
				  "INSERT INTO screening (flag_id, answer, "
				  "asked_at, revision) VALUES (?1, ?2, ?3, ?4)",
				  &st, cause)) != 0 ||
	    (code = exec_write(
		 s, st, store_bind(st, "titi", flag, answer, now, revision),
		 "saving the answer", cause)) != 0) {
		store_rollback(s);
		return code;
	}
	return store_commit(s, cause);
}

/* Rows of a SELECT flag_id, answer, asked_at, checked_on, revision. */
static int
screening_rows(struct store *s, const char *sql, struct store_screening **out,
	       size_t *n, char **cause)
{
	sqlite3_stmt *st;
	struct store_screening *r = NULL;
	size_t count = 0;
	int rc, code, bad = 0;

	*out = NULL;
	*n = 0;
	if ((code = store_prepare(s, sql, &st, cause)) != 0)
		return code;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		r = xreallocarray(r, count + 1, sizeof *r);
		bad |= store_read_id(st, 0, &r[count].flag);
		bad |= store_read_int(st, 1, 0, 1, 0, &r[count].answer);
		bad |= store_read_text(st, 2, 0, &r[count].asked_at);
		bad |= store_read_day(st, 3, 1, r[count].checked_on);
		bad |= store_read_int(st, 4, 1, INT_MAX, 0, &r[count].revision);
		if (r[count].checked_on[0] != '\0' && r[count].answer != 1)
			bad = -1;
		count++;
		if (bad)
			break;
	}
	sqlite3_finalize(st);
	*out = r;
	*n = count;
	if (bad) {
		store_screenings_free(r, count);
		*out = NULL;
		*n = 0;
		return store_corrupt(s, "the screening answers", cause);
	}
	if (rc != SQLITE_DONE) {
		store_screenings_free(r, count);
		*out = NULL;
		*n = 0;
		return store_sqlerr(s, rc, "reading the screening", cause);
	}
	return 0;
}

int
store_screening_latest(struct store *s, struct store_screening **out, size_t *n,
		       char **cause)
{
	return screening_rows(s,
			      "SELECT flag_id, answer, asked_at, checked_on,"
			      " revision FROM screening AS s"
			      " WHERE id = (SELECT max(id) FROM screening"
			      "  WHERE flag_id = s.flag_id)"
			      " ORDER BY (SELECT min(id) FROM screening"
			      "  WHERE flag_id = s.flag_id)",
			      out, n, cause);
}

int
store_screening_all(struct store *s, struct store_screening **out, size_t *n,
		    char **cause)
{
	return screening_rows(s,
			      "SELECT flag_id, answer, asked_at, checked_on,"
			      " revision FROM screening ORDER BY id",
			      out, n, cause);
}

int
store_screening_checked(struct store *s, const char *flag, const char *day,
			char **cause)
{
	sqlite3_stmt *st;
	long long id = 0;
	int code = 0, row;

	if ((code = store_check_id("red flag", flag, cause)) != 0 ||
	    (code = store_check_day("checked", day, cause)) != 0 ||
	    (code = store_begin(s, cause)) != 0)
		return code;
	if ((code = store_prepare(s,
				  "SELECT id, answer FROM screening WHERE "
				  "flag_id = ?1 ORDER BY id DESC LIMIT 1",
				  &st, cause)) != 0)
		goto fail;
	row = one_row(s, st, store_bind(st, "t", flag), &code, cause);
	if (row == 1 && sqlite3_column_int(st, 1) == 1)
		id = sqlite3_column_int64(st, 0);
	else if (row >= 0)
		code = store_fail(cause, EX_DATAERR,
				  "red flag %s: the latest answer is not a "
				  "yes, so there is nothing to check",
				  flag);
	sqlite3_finalize(st);
	if (code != 0)
		goto fail;
	if ((code = store_prepare(s,
				  "UPDATE screening SET checked_on = ?1 WHERE "
				  "id = ?2",
				  &st, cause)) != 0 ||
	    (code = exec_write(s, st, store_bind(st, "tl", day, id),
			       "saving the check", cause)) != 0)
		goto fail;
	return store_commit(s, cause);
fail:
	store_rollback(s);
	return code;
}

void
store_screenings_free(struct store_screening *r, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		free(r[i].flag);
		free(r[i].asked_at);
	}
	free(r);
}

/* The known keys hold what their names promise. */
static int
check_profile(const char *key, const char *value, char **cause)
{
	char *want = NULL, *shown;
	long v;

	if (strcmp(key, STORE_PROFILE_USUAL_PAIN) == 0 &&
	    util_parse_int(value, PAIN_MIN, PAIN_MAX, &v) != 0)
		want = xasprintf("a rating from %d to %d", PAIN_MIN, PAIN_MAX);
	else if (strcmp(key, STORE_PROFILE_ONBOARDED) == 0 &&
		 day_valid(value) != 0)
		want = xstrdup("a day (YYYY-MM-DD)");
	else if (strcmp(key, STORE_PROFILE_RECENT_INJURY) == 0 &&
		 strcmp(value, "yes") != 0 && strcmp(value, "no") != 0)
		want = xstrdup("yes or no");
	if (want == NULL)
		return 0;
	shown = store_shown(value);
	store_fail(cause, EX_DATAERR, "%s: '%s' is not %s", key, shown, want);
	free(shown);
	free(want);
	return EX_DATAERR;
}

int
store_profile_get(struct store *s, const char *key, char **value, char **cause)
{
	sqlite3_stmt *st;
	char *bad = NULL;
	int code = 0;

	*value = NULL;
	if ((code = store_check_id("profile key", key, cause)) != 0 ||
	    (code = store_prepare(s, "SELECT value FROM profile WHERE key = ?1",
				  &st, cause)) != 0)
		return code;
	if (one_row(s, st, store_bind(st, "t", key), &code, cause) == 1 &&
	    (store_read_text(st, 0, 0, value) != 0 ||
	     check_profile(key, *value, &bad) != 0)) {
		free(bad);
		free(*value);
		*value = NULL;
		code = store_corrupt(s, "the profile", cause);
	}
	sqlite3_finalize(st);
	return code;
}

int
store_profile_set(struct store *s, const char *key, const char *value,
		  char **cause)
{
	sqlite3_stmt *st;
	int code;

	if ((code = store_check_id("profile key", key, cause)) != 0 ||
	    (code = store_check_text(key, value, cause)) != 0 ||
	    (code = check_profile(key, value, cause)) != 0 ||
	    (code = store_begin(s, cause)) != 0)
		return code;
	if ((code = store_prepare(s,
				  "INSERT INTO profile (key, value) VALUES "
				  "(?1, ?2) ON CONFLICT (key) DO UPDATE SET "
				  "value = excluded.value",
				  &st, cause)) != 0 ||
	    (code = exec_write(s, st, store_bind(st, "tt", key, value),
			       "saving the profile", cause)) != 0) {
		store_rollback(s);
		return code;
	}
	return store_commit(s, cause);
}
