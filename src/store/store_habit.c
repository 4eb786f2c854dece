/* store_habit.c: approaches kept up as habits after their trial. */
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "store_int.h"
#include "util.h"

/* The kept-on day of approach's kept habit in since, or "" when none. */
static int
kept_since(struct store *s, const char *approach, char since[DAY_LEN],
	   char **cause)
{
	sqlite3_stmt *st;
	int rc, code;

	since[0] = '\0';
	if ((code = store_prepare(s,
				  "SELECT kept_on FROM habit WHERE approach = "
				  "?1 AND dropped_on IS NULL",
				  &st, cause)) != 0)
		return code;
	rc = store_bind(st, "t", approach);
	if (rc == SQLITE_OK)
		rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		if (store_read_day(st, 0, 0, since) != 0) {
			sqlite3_finalize(st);
			return store_corrupt(s, "the habits", cause);
		}
		rc = SQLITE_OK;
	} else if (rc == SQLITE_DONE)
		rc = SQLITE_OK;
	sqlite3_finalize(st);
	return rc == SQLITE_OK ? 0
			       : store_sqlerr(s, rc, "reading the log", cause);
}

int
store_habit_keep(struct store *s, const char *approach, const char *day,
		 enum outcome outcome, char **cause)
{
	sqlite3_stmt *st;
	char since[DAY_LEN];
	long long id = 0;
	int code;

	if ((code = store_check_id("approach", approach, cause)) != 0 ||
	    (code = store_check_day("keep", day, cause)) != 0)
		return code;
	if (outcome == OUTCOME_NONE || outcome_name(outcome)[0] == '\0')
		return store_fail(cause, EX_DATAERR,
				  "outcome: %d is not an outcome",
				  (int)outcome);
	if ((code = store_begin(s, cause)) != 0)
		return code;
	if ((code = kept_since(s, approach, since, cause)) != 0)
		goto fail;
	if (since[0] != '\0') {
		code = store_fail(cause, EX_DATAERR,
				  "%s is already kept as a habit, since %s",
				  approach, since);
		goto fail;
	}
	if ((code = store_trial_end(s, approach, day, outcome, &id, cause)) !=
		0 ||
	    (code = store_prepare(s,
				  "INSERT INTO habit (approach, trial_id, "
				  "kept_on) VALUES (?1, ?2, ?3)",
				  &st, cause)) != 0 ||
	    (code = store_run(s, st, store_bind(st, "tlt", approach, id, day),
			      "keeping the habit", cause)) != 0)
		goto fail;
	return store_commit(s, cause);
fail:
	store_rollback(s);
	return code;
}

int
store_habit_drop(struct store *s, const char *approach, const char *day,
		 char **cause)
{
	sqlite3_stmt *st;
	char since[DAY_LEN];
	int code;

	if ((code = store_check_id("approach", approach, cause)) != 0 ||
	    (code = store_check_day("drop", day, cause)) != 0 ||
	    (code = store_begin(s, cause)) != 0)
		return code;
	if ((code = kept_since(s, approach, since, cause)) != 0)
		goto fail;
	if (since[0] == '\0') {
		code = store_fail(cause, EX_DATAERR,
				  "%s is not kept as a habit", approach);
		goto fail;
	}
	if (strcmp(day, since) < 0) {
		code = store_fail(cause, EX_DATAERR,
				  "%s cannot be dropped on %s: it was kept "
				  "as a habit on %s",
				  approach, day, since);
		goto fail;
	}
	if ((code = store_prepare(s,
				  "UPDATE habit SET dropped_on = ?1 WHERE "
				  "approach = ?2 AND dropped_on IS NULL",
				  &st, cause)) != 0 ||
	    (code = store_run(s, st, store_bind(st, "tt", day, approach),
			      "dropping the habit", cause)) != 0)
		goto fail;
	return store_commit(s, cause);
fail:
	store_rollback(s);
	return code;
}

int
store_habit_list(struct store *s, struct store_habit **out, size_t *n,
		 char **cause)
{
	void *rows;
	int code =
	    store_rows(s, STORE_TABLE_HABIT, NULL, "ORDER BY kept_on, id",
		       sizeof **out, &rows, n, cause, "");

	*out = rows;
	return code;
}

void
store_habits_free(struct store_habit *h, size_t n)
{
	store_rows_free(STORE_TABLE_HABIT, h, n, sizeof *h);
}
