/* store_pause.c: pause weeks, a running trial stopped for some days to see
 * whether the pain comes back (issue 21; the table of its own schema step).
 * Which trials may be paused is program.h's to say; this keeps the log sound.
 */
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "store_int.h"
#include "util.h"

/* Reads one row of sql (bound to id) into the days given: *found 0 when
 * there is none. Columns: two days, the second optional. */
static int
read_days(struct store *s, const char *sql, long long id, int *found,
	  char a[DAY_LEN], char b[DAY_LEN], char **cause)
{
	sqlite3_stmt *st;
	int rc, code, bad = 0;

	*found = 0;
	a[0] = b[0] = '\0';
	if ((code = store_prepare(s, sql, &st, cause)) != 0)
		return code;
	rc = store_bind(st, "l", id);
	if (rc == SQLITE_OK)
		rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*found = 1;
		bad |= store_read_day(st, 0, 0, a);
		bad |= store_read_day(st, 1, 1, b);
		rc = SQLITE_OK;
	} else if (rc == SQLITE_DONE) {
		rc = SQLITE_OK;
	}
	sqlite3_finalize(st);
	if (bad)
		return store_corrupt(s, "the trials and their pauses", cause);
	return rc == SQLITE_OK ? 0
			       : store_sqlerr(s, rc, "reading the log", cause);
}

int
store_pause_begin(struct store *s, long long trial_id, const char *day,
		  char **cause)
{
	sqlite3_stmt *st;
	char start[DAY_LEN], end[DAY_LEN], now[STORE_TIMESTAMP_LEN];
	int code, found;

	if ((code = store_check_day("pause", day, cause)) != 0 ||
	    (code = store_begin(s, cause)) != 0)
		return code;
	if ((code = read_days(s,
			      "SELECT started_on, ended_on FROM trial WHERE "
			      "id = ?1",
			      trial_id, &found, start, end, cause)) != 0)
		goto fail;
	if (!found || end[0] != '\0') {
		code =
		    store_fail(cause, EX_DATAERR, "that trial is not running");
		goto fail;
	}
	if (strcmp(day, start) < 0) {
		code = store_fail(cause, EX_DATAERR,
				  "the trial cannot be paused on %s: it "
				  "started on %s",
				  day, start);
		goto fail;
	}
	if ((code = read_days(s,
			      "SELECT paused_on, resumed_on FROM trial_pause "
			      "WHERE trial_id = ?1",
			      trial_id, &found, start, end, cause)) != 0)
		goto fail;
	if (found) {
		code = store_fail(cause, EX_DATAERR,
				  "this trial was already paused, on %s; a "
				  "trial is paused once",
				  start);
		goto fail;
	}
	store_now(now);
	if ((code = store_prepare(s,
				  "INSERT INTO trial_pause (trial_id, "
				  "paused_on, recorded_at) VALUES (?1, ?2, ?3)",
				  &st, cause)) != 0 ||
	    (code = store_run(s, st, store_bind(st, "ltt", trial_id, day, now),
			      "pausing the trial", cause)) != 0)
		goto fail;
	return store_commit(s, cause);
fail:
	store_rollback(s);
	return code;
}

int
store_pause_end(struct store *s, long long trial_id, const char *day,
		char **cause)
{
	sqlite3_stmt *st;
	char from[DAY_LEN], until[DAY_LEN];
	int code, found;

	if ((code = store_check_day("resume", day, cause)) != 0 ||
	    (code = store_begin(s, cause)) != 0)
		return code;
	if ((code = read_days(s,
			      "SELECT paused_on, resumed_on FROM trial_pause "
			      "WHERE trial_id = ?1",
			      trial_id, &found, from, until, cause)) != 0)
		goto fail;
	if (!found || until[0] != '\0') {
		code = store_fail(cause, EX_DATAERR,
				  found ? "this trial was resumed already, on "
					  "%s"
					: "this trial is not paused%s",
				  found ? until : "");
		goto fail;
	}
	if (strcmp(day, from) <= 0) {
		code = store_fail(cause, EX_DATAERR,
				  "the trial cannot be resumed on %s: it was "
				  "paused on %s, so the first day back is "
				  "later",
				  day, from);
		goto fail;
	}
	if ((code = store_prepare(s,
				  "UPDATE trial_pause SET resumed_on = ?1 "
				  "WHERE trial_id = ?2",
				  &st, cause)) != 0 ||
	    (code = store_run(s, st, store_bind(st, "tl", day, trial_id),
			      "resuming the trial", cause)) != 0)
		goto fail;
	return store_commit(s, cause);
fail:
	store_rollback(s);
	return code;
}

int
store_pause_list(struct store *s, struct store_pause **out, size_t *n,
		 char **cause)
{
	void *rows;
	int code =
	    store_rows(s, STORE_TABLE_PAUSE, NULL, "ORDER BY paused_on, id",
		       sizeof **out, &rows, n, cause, "");

	*out = rows;
	return code;
}

void
store_pauses_free(struct store_pause *p, size_t n)
{
	store_rows_free(STORE_TABLE_PAUSE, p, n, sizeof *p);
}
