/* store_trial.c: trials of approaches, safety screening answers, and the
 * profile. */
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "store_int.h"
#include "util.h"

/* The outcome as it is stored: NULL for none. */
static const char *
outcome_text(enum outcome o)
{
	return o == OUTCOME_NONE ? NULL : outcome_name(o);
}

static int
check_outcome(enum outcome o, char **cause)
{
	if ((unsigned)o <= OUTCOME_STOPPED)
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
	    (code = store_run(s, st, store_bind(st, "tt", approach, day),
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
		enum outcome outcome, long long *id, char **cause)
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
	return store_run(s, st,
			 store_bind(st, "ttl", day, outcome_text(outcome), *id),
			 "stopping the trial", cause);
}

int
store_trial_stop(struct store *s, const char *approach, const char *day,
		 enum outcome outcome, char **cause)
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
store_trial_set_outcome(struct store *s, long long id, enum outcome outcome,
			char **cause)
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
	    (code = store_run(s, st,
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
	if (impression < IMPRESSION_MIN || impression > IMPRESSION_MAX)
		return store_fail(cause, EX_DATAERR,
				  "impression: %d is not from %d to %d",
				  impression, IMPRESSION_MIN, IMPRESSION_MAX);
	if ((code = store_begin(s, cause)) != 0)
		return code;
	if ((code = store_prepare(
		 s,
		 "UPDATE trial SET impression = ?1 WHERE id = (SELECT id "
		 "FROM trial WHERE approach = ?2 AND ended_on = ?3 ORDER BY "
		 "id DESC LIMIT 1)",
		 &st, cause)) != 0 ||
	    (code = store_run(s, st,
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

int
store_trial_list(struct store *s, struct store_trial **out, size_t *n,
		 char **cause)
{
	void *rows;
	int code = store_rows(s, STORE_TABLE_TRIAL, NULL, "ORDER BY id",
			      sizeof **out, &rows, n, cause, "");

	*out = rows;
	if (code == 0)
		trials_sort(*out, *n);
	return code;
}

void
store_trials_free(struct store_trial *t, size_t n)
{
	store_rows_free(STORE_TABLE_TRIAL, t, n, sizeof *t);
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
	    (code = store_run(
		 s, st, store_bind(st, "titi", flag, answer, now, revision),
		 "saving the answer", cause)) != 0) {
		store_rollback(s);
		return code;
	}
	return store_commit(s, cause);
}

/*
 * The moment an answer counts from: its asked_at as an instant (the
 * offsets applied, so that answers given in two time zones compare), or
 * the moment this log received it, when that was earlier: an answer
 * imported with a stamp from a clock that was ahead counts from its
 * import, never from the future. The latest answer is the one of the
 * latest moment, and of two of the same second the one written later
 * (the higher id); ids alone never decide, so that an older backup's
 * answers, imported after the log's own, stay older, and a crafted id of
 * 9223372036854775807 hides nothing. An answer this log wrote itself
 * counts from no later than any answer it wrote after it: a clock that
 * was ahead when it was given (a stamp a year on) cannot make it outrank
 * the answers given since, once the clock was right. The row is "o".
 */
#define ANSWER_AT                                                              \
	"min(unixepoch(o.asked_at), ifnull(unixepoch(o.received_at),"          \
	" unixepoch(o.asked_at)), ifnull((SELECT min(unixepoch(l.asked_at))"   \
	" FROM screening AS l WHERE o.received_at IS NULL AND l.received_at"   \
	" IS NULL AND l.id > o.id), unixepoch(o.asked_at)))"
/* The screening's rows with their moment (at), their place among their
 * flag's answers, latest first (nth), and their flag's first moment and
 * first row (the order first asked in, ties as written). */
#define SCREENING_RANKED                                                       \
	"(SELECT *, row_number() OVER (PARTITION BY flag_id ORDER BY at DESC," \
	" id DESC) AS nth, min(at) OVER (PARTITION BY flag_id) AS first,"      \
	" min(id) OVER (PARTITION BY flag_id) AS first_id"                     \
	" FROM (SELECT *, " ANSWER_AT " AS at FROM screening AS o))"

/* The screening's rows, ranked (as s), in the order of tail. */
static int
screening_rows(struct store *s, const char *tail, struct screening **out,
	       size_t *n, char **cause)
{
	void *rows;
	int code =
	    store_rows(s, STORE_TABLE_SCREENING, SCREENING_RANKED " AS s", tail,
		       sizeof **out, &rows, n, cause, "");

	*out = rows;
	return code;
}

int
store_screening_latest(struct store *s, struct screening **out, size_t *n,
		       char **cause)
{
	return screening_rows(s, "WHERE nth = 1 ORDER BY first, first_id", out,
			      n, cause);
}

int
store_screening_all(struct store *s, struct screening **out, size_t *n,
		    char **cause)
{
	return screening_rows(s, "ORDER BY at, id", out, n, cause);
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
	/* The latest answer, as store_screening_latest() finds it. */
	if ((code = store_prepare(s,
				  "SELECT id, answer FROM screening AS o "
				  "WHERE flag_id = ?1 ORDER BY " ANSWER_AT
				  " DESC, id DESC LIMIT 1",
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
	    (code = store_run(s, st, store_bind(st, "tl", day, id),
			      "saving the check", cause)) != 0)
		goto fail;
	return store_commit(s, cause);
fail:
	store_rollback(s);
	return code;
}

/* The known keys hold what their names promise (store_profile_problem()). */
static int
check_profile(const char *key, const char *value, char **cause)
{
	char *want = store_profile_problem(key, value), *shown;

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
	struct store_profile_row row;
	int code, found;

	*value = NULL;
	if ((code = store_check_id("profile key", key, cause)) != 0 ||
	    (code = store_row(s, STORE_TABLE_PROFILE, "WHERE key = ?1", &row,
			      sizeof row, &found, cause, "t", key)) != 0 ||
	    !found)
		return code;
	*value = row.value;
	row.value = NULL;
	store_row_clear(STORE_TABLE_PROFILE, &row);
	return 0;
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
	    (code = store_run(s, st, store_bind(st, "tt", key, value),
			      "saving the profile", cause)) != 0) {
		store_rollback(s);
		return code;
	}
	return store_commit(s, cause);
}
