/* store_flare.c: flare-ups, when they began and ended. */
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "store_int.h"
#include "util.h"

/* The day the open flare began in began, or "" when none is open. */
static int
open_flare(struct store *s, char began[DAY_LEN], char **cause)
{
	sqlite3_stmt *st;
	int rc, code;

	began[0] = '\0';
	if ((code = store_prepare(s,
				  "SELECT began_on FROM flare WHERE ended_on "
				  "IS NULL",
				  &st, cause)) != 0)
		return code;
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		if (store_read_day(st, 0, 0, began) != 0) {
			sqlite3_finalize(st);
			return store_corrupt(s, "the flare-ups", cause);
		}
		rc = SQLITE_OK;
	} else if (rc == SQLITE_DONE)
		rc = SQLITE_OK;
	sqlite3_finalize(st);
	return rc == SQLITE_OK ? 0
			       : store_sqlerr(s, rc, "reading the log", cause);
}

/* Ends the open flare inside the caller's transaction. */
static int
end_open(struct store *s, const char *day, enum flare_end how, char **cause)
{
	sqlite3_stmt *st;
	char began[DAY_LEN];
	int code;

	if ((code = open_flare(s, began, cause)) != 0)
		return code;
	if (began[0] == '\0')
		return store_fail(cause, EX_DATAERR, "no flare-up is running");
	if (strcmp(day, began) < 0)
		return store_fail(cause, EX_DATAERR,
				  "the flare-up cannot end on %s: it began on "
				  "%s",
				  day, began);
	if ((code = store_prepare(s,
				  "UPDATE flare SET ended_on = ?1, ended_by = "
				  "?2 WHERE ended_on IS NULL",
				  &st, cause)) != 0)
		return code;
	return store_run(s, st, store_bind(st, "tt", day, flare_end_name(how)),
			 "ending the flare-up", cause);
}

int
store_flare_begin(struct store *s, const struct store_flare *f,
		  const char *close_on, char **cause)
{
	sqlite3_stmt *st;
	char began[DAY_LEN], now[STORE_TIMESTAMP_LEN];
	int code;

	if ((code = store_check_day("flare", f->began_on, cause)) != 0 ||
	    (code = store_check_rating("pain", f->pain, 1, cause)) != 0 ||
	    (f->note != NULL &&
	     (code = store_check_text("note", f->note, cause)) != 0) ||
	    (close_on != NULL &&
	     (code = store_check_day("flare end", close_on, cause)) != 0) ||
	    (code = store_begin(s, cause)) != 0)
		return code;
	if (close_on != NULL &&
	    (code = end_open(s, close_on, FLARE_CALM, cause)) != 0)
		goto fail;
	if ((code = open_flare(s, began, cause)) != 0)
		goto fail;
	if (began[0] != '\0') {
		code = store_fail(cause, EX_DATAERR,
				  "a flare-up is already running, since %s",
				  began);
		goto fail;
	}
	store_now(now);
	if ((code = store_prepare(s,
				  "INSERT INTO flare (began_on, pain, note, "
				  "recorded_at) VALUES (?1, ?2, ?3, ?4)",
				  &st, cause)) != 0 ||
	    (code = store_run(
		 s, st,
		 store_bind(st, "trtt", f->began_on, f->pain, f->note, now),
		 "recording the flare-up", cause)) != 0)
		goto fail;
	return store_commit(s, cause);
fail:
	store_rollback(s);
	return code;
}

/* A flare-up's end: a day of the log, by the person or by calm days. */
static int
check_end(const char *day, enum flare_end how, char **cause)
{
	int code;

	if ((code = store_check_day("flare end", day, cause)) != 0)
		return code;
	if (how != FLARE_PERSON && how != FLARE_CALM)
		return store_fail(cause, EX_DATAERR,
				  "a flare-up ends by the person or by calm "
				  "days");
	return 0;
}

int
store_flare_end(struct store *s, const char *day, enum flare_end how,
		char **cause)
{
	int code;

	if ((code = check_end(day, how, cause)) != 0 ||
	    (code = store_begin(s, cause)) != 0)
		return code;
	if ((code = end_open(s, day, how, cause)) != 0) {
		store_rollback(s);
		return code;
	}
	return store_commit(s, cause);
}

int
store_flare_reend(struct store *s, long long id, const char *day,
		  enum flare_end how, char **cause)
{
	sqlite3_stmt *st;
	int code;

	if ((code = check_end(day, how, cause)) != 0 ||
	    (code = store_begin(s, cause)) != 0)
		return code;
	/* Only a flare that has ended, on a day after day and after its
	 * start: a running one ends through store_flare_end(). */
	if ((code = store_prepare(s,
				  "UPDATE flare SET ended_on = ?2, ended_by = "
				  "?3 WHERE id = ?1 AND ended_on IS NOT NULL "
				  "AND ended_on > ?2 AND began_on <= ?2",
				  &st, cause)) != 0 ||
	    (code = store_run(
		 s, st, store_bind(st, "ltt", id, day, flare_end_name(how)),
		 "recording the end of the flare-up", cause)) != 0)
		goto fail;
	if (sqlite3_changes(s->db) != 1) {
		code = store_fail(cause, EX_DATAERR,
				  "no flare-up ended after %s to change", day);
		goto fail;
	}
	return store_commit(s, cause);
fail:
	store_rollback(s);
	return code;
}

int
store_flare_list(struct store *s, struct store_flare **out, size_t *n,
		 char **cause)
{
	void *rows;
	int code =
	    store_rows(s, STORE_TABLE_FLARE, NULL, "ORDER BY began_on, id",
		       sizeof **out, &rows, n, cause, "");

	*out = rows;
	return code;
}

void
store_flares_free(struct store_flare *f, size_t n)
{
	store_rows_free(STORE_TABLE_FLARE, f, n, sizeof *f);
}
