/* store_pause.c: pause weeks, a running trial stopped for some days to see
 * whether the pain comes back (issue 21; the table of its own schema step).
 * Which trials may be paused is program.h's to say; this keeps the log sound.
 */
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "store_int.h"
#include "util.h"

static int
step_done(struct store *s, sqlite3_stmt *st, int rc, const char *what,
	  char **cause)
{
	if (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_DONE)
		rc = SQLITE_OK;
	sqlite3_finalize(st);
	return rc == SQLITE_OK ? 0 : store_sqlerr(s, rc, what, cause);
}

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
	    (code = step_done(s, st, store_bind(st, "ltt", trial_id, day, now),
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
	    (code = step_done(s, st, store_bind(st, "tl", day, trial_id),
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
	sqlite3_stmt *st;
	struct store_pause *p = NULL, *row;
	size_t count = 0;
	char *sql;
	int rc, code;

	*out = NULL;
	*n = 0;
	sql = xasprintf("SELECT %s FROM trial_pause ORDER BY paused_on, id",
			store_columns_sql(STORE_TABLE_PAUSE, 0));
	code = store_prepare(s, sql, &st, cause);
	free(sql);
	if (code != 0)
		return code;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		/* The schema's checks hold these (store_columns.c); a file
		 * changed behind the program's back is damaged. */
		if ((code = store_row_check(s, st, STORE_TABLE_PAUSE, cause)) !=
		    0)
			break;
		p = xreallocarray(p, count + 1, sizeof *p);
		row = &p[count++];
		memset(row, 0, sizeof *row);
		row->id = sqlite3_column_int64(st, STORE_PAUSE_ID);
		row->trial_id = sqlite3_column_int64(st, STORE_PAUSE_TRIAL);
		store_col_day(st, STORE_PAUSE_PAUSED_ON, row->paused_on);
		store_col_day(st, STORE_PAUSE_RESUMED_ON, row->resumed_on);
		row->recorded_at = store_col_text(st, STORE_PAUSE_RECORDED_AT);
		store_col_uid(st, STORE_PAUSE_UID, row->uid);
	}
	sqlite3_finalize(st);
	if (code == 0 && rc != SQLITE_DONE)
		code = store_sqlerr(s, rc, "reading the pauses", cause);
	if (code != 0) {
		store_pauses_free(p, count);
		return code;
	}
	*out = p;
	*n = count;
	return 0;
}

void
store_pauses_free(struct store_pause *p, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(p[i].recorded_at);
	free(p);
}
