/* store_checkin.c: check-ins, their answers, and practice sessions. */
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "store_int.h"
#include "util.h"

_Static_assert(CHECKIN_CHANGED == EX_TEMPFAIL,
	       "CHECKIN_CHANGED is EX_TEMPFAIL");

/* Answers and marks belong to the check-in's day: their own day may be
 * left empty, or must be the same. */
static int
check_same_day(const char *what, const char *day, const char *checkin_day,
	       char **cause)
{
	if (day[0] == '\0' || strcmp(day, checkin_day) == 0)
		return 0;
	if (day_valid(day) != 0)
		return store_check_day(what, day, cause);
	return store_fail(cause, EX_DATAERR,
			  "%s: day %s is not the check-in's day %s", what, day,
			  checkin_day);
}

static int
check_checkin(const struct checkin *c, const struct store_answer *answers,
	      size_t nanswers, const struct store_session *done, size_t ndone,
	      const char *const *undone, size_t nundone, char **cause)
{
	size_t i;
	int rc;

	if ((rc = store_check_day("check-in", c->day, cause)) != 0 ||
	    (rc = store_check_rating("pain", c->pain, 0, cause)) != 0 ||
	    (rc = store_check_rating("interference", c->interference, 1,
				     cause)) != 0)
		return rc;
	if (c->note != NULL && (rc = store_check_text("note", c->note, cause)))
		return rc;
	for (i = 0; i < nundone; i++)
		if ((rc = store_check_id("practice", undone[i], cause)) != 0)
			return rc;
	for (i = 0; i < nanswers; i++) {
		if ((rc = store_check_id("question", answers[i].question,
					 cause)) != 0 ||
		    (rc = store_check_text("answer", answers[i].value,
					   cause)) != 0 ||
		    (rc = check_same_day("answer", answers[i].day, c->day,
					 cause)) != 0)
			return rc;
	}
	for (i = 0; i < ndone; i++) {
		if ((rc = store_check_id("practice", done[i].practice,
					 cause)) != 0 ||
		    (rc = store_check_id("approach", done[i].approach,
					 cause)) != 0 ||
		    (rc = check_same_day("practice", done[i].day, c->day,
					 cause)) != 0)
			return rc;
	}
	return 0;
}

/* A row from before the column pain_set_at, or written by other means: its
 * pain was set when its day was first checked in (issue 18's schema
 * step). */
static void
pain_set_at(struct checkin *c)
{
	if (c->pain_set_at == NULL && c->recorded_at != NULL)
		c->pain_set_at = xstrdup(c->recorded_at);
}

/* Deletes the day's answers when replace asks for it. */
static int
clear_rows(struct store *s, const char *day, unsigned replace, char **cause)
{
	sqlite3_stmt *st;
	int code;

	if ((replace & STORE_REPLACE_ANSWERS) &&
	    ((code = store_prepare(s, "DELETE FROM answer WHERE day = ?1", &st,
				   cause)) != 0 ||
	     (code = store_run(s, st, store_bind(st, "t", day),
			       "replacing the answers", cause)) != 0))
		return code;
	return 0;
}

/* Takes back the marks of practice on day: sessions with nothing but
 * the mark, never a timed or rated one. */
static int
take_back(struct store *s, const char *day, const char *practice, char **cause)
{
	sqlite3_stmt *st;
	int code;

	if ((code = store_prepare(s,
				  "DELETE FROM session WHERE day = ?1 AND "
				  "practice = ?2 AND minutes IS NULL AND "
				  "seconds IS NULL AND pain_before IS NULL "
				  "AND pain_after IS NULL",
				  &st, cause)) != 0)
		return code;
	return store_run(s, st, store_bind(st, "tt", day, practice),
			 "taking back a practice marked done", cause);
}

static int
put_rows(struct store *s, const struct checkin *c,
	 const struct store_answer *answers, size_t nanswers,
	 const struct store_session *done, size_t ndone,
	 const char *const *undone, size_t nundone, unsigned replace,
	 const char *now, char **cause)
{
	sqlite3_stmt *st;
	size_t i;
	int code;

	if ((code = clear_rows(s, c->day, replace, cause)) != 0)
		return code;
	for (i = 0; i < nundone; i++)
		if ((code = take_back(s, c->day, undone[i], cause)) != 0)
			return code;
	/* A new day's check-in gets its uid from the schema (store_migrate.c);
	 * a day already there keeps it, one revision more. */
	if ((code = store_prepare(
		 s,
		 "INSERT INTO checkin (day, pain, interference, note,"
		 " recorded_at, updated_at, pain_set_at)"
		 " VALUES (?1, ?2, ?3, ?4, ?5, ?5, ?5) ON CONFLICT (day)"
		 /* The rating keeps its time unless it changes. */
		 " DO UPDATE SET pain_set_at = CASE WHEN pain = excluded.pain"
		 " THEN pain_set_at ELSE excluded.pain_set_at END,"
		 " pain = excluded.pain,"
		 " interference = excluded.interference,"
		 " note = excluded.note, updated_at = excluded.updated_at,"
		 " revision = revision + 1",
		 &st, cause)) != 0 ||
	    (code = store_run(s, st,
			      store_bind(st, "tirtt", c->day, c->pain,
					 c->interference, c->note, now),
			      "saving the check-in", cause)) != 0)
		return code;
	for (i = 0; i < nanswers; i++) {
		if ((code = store_prepare(
			 s,
			 "INSERT INTO answer (day, question_id, value)"
			 " VALUES (?1, ?2, ?3) ON CONFLICT (day, question_id)"
			 " DO UPDATE SET value = excluded.value",
			 &st, cause)) != 0 ||
		    (code = store_run(s, st,
				      store_bind(st, "ttt", c->day,
						 answers[i].question,
						 answers[i].value),
				      "saving an answer", cause)) != 0)
			return code;
	}
	for (i = 0; i < ndone; i++) {
		if ((code = store_prepare(
			 s,
			 "INSERT INTO session (practice, approach, day,"
			 " recorded_at) SELECT ?1, ?2, ?3, ?4 WHERE NOT EXISTS"
			 " (SELECT 1 FROM session WHERE day = ?3"
			 " AND practice = ?1)",
			 &st, cause)) != 0 ||
		    (code = store_run(s, st,
				      store_bind(st, "tttt", done[i].practice,
						 done[i].approach, c->day, now),
				      "saving a practice", cause)) != 0)
			return code;
	}
	return 0;
}

/* STORE_IF_UNCHANGED: the day's check-in is still as the caller read it,
 * at c->revision (0: none), in the transaction of the write; two saves
 * within one second are told apart by the revision, not by a time. */
static int
unchanged(const struct checkin *c, const struct checkin *now, int found,
	  unsigned replace, char **cause)
{
	int have = found ? now->revision : 0;

	if (!(replace & STORE_IF_UNCHANGED) || have == c->revision)
		return 0;
	if (!found)
		return store_fail(cause, CHECKIN_CHANGED,
				  "the check-in of %s is gone since it was "
				  "read",
				  c->day);
	return store_fail(cause, CHECKIN_CHANGED,
			  "the check-in of %s was saved again since it was "
			  "read (at %s: pain %d)",
			  c->day, now->updated_at, now->pain);
}

int
store_checkin_put(struct store *s, const struct checkin *c,
		  const struct store_answer *answers, size_t nanswers,
		  const struct store_session *done, size_t ndone,
		  struct checkin *old, int *replaced, char **cause)
{
	return store_checkin_write(s, c, answers, nanswers, done, ndone, NULL,
				   0, STORE_KEEP, old, replaced, cause);
}

int
store_checkin_write(struct store *s, const struct checkin *c,
		    const struct store_answer *answers, size_t nanswers,
		    const struct store_session *done, size_t ndone,
		    const char *const *undone, size_t nundone, unsigned replace,
		    struct checkin *old, int *replaced, char **cause)
{
	struct checkin prev;
	char now[STORE_TIMESTAMP_LEN];
	int code, found = 0;

	if (replaced != NULL)
		*replaced = 0;
	if (old != NULL)
		memset(old, 0, sizeof *old);
	if ((code = check_checkin(c, answers, nanswers, done, ndone, undone,
				  nundone, cause)))
		return code;
	store_now(now);
	if ((code = store_begin(s, cause)) != 0)
		return code;
	memset(&prev, 0, sizeof prev);
	if ((code = store_checkin_get(s, c->day, &prev, &found, cause)) != 0 ||
	    (code = unchanged(c, &prev, found, replace, cause)) != 0 ||
	    (code = put_rows(s, c, answers, nanswers, done, ndone, undone,
			     nundone, replace, now, cause)) != 0 ||
	    (code = store_commit(s, cause)) != 0) {
		store_rollback(s);
		if (code == CHECKIN_CHANGED && replaced != NULL)
			*replaced = -1;
		if (code == CHECKIN_CHANGED && old != NULL && found)
			*old = prev;
		else
			checkin_clear(&prev);
		return code;
	}
	if (replaced != NULL)
		*replaced = found;
	if (old != NULL && found)
		*old = prev;
	else
		checkin_clear(&prev);
	return 0;
}

int
store_checkin_get(struct store *s, const char *day, struct checkin *out,
		  int *found, char **cause)
{
	int code;

	*found = 0;
	if ((code = store_check_day("check-in", day, cause)) != 0 ||
	    (code = store_row(s, STORE_TABLE_CHECKIN, "WHERE day = ?1", out,
			      sizeof *out, found, cause, "t", day)) != 0)
		return code;
	if (*found)
		pain_set_at(out);
	return 0;
}

int
store_checkin_first(struct store *s, char day[DAY_LEN], char **cause)
{
	sqlite3_stmt *st;
	int rc, code;

	day[0] = '\0';
	if ((code = store_prepare(s, "SELECT min(day) FROM checkin", &st,
				  cause)) != 0)
		return code;
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (store_read_day(st, 0, 1, day) != 0) {
			sqlite3_finalize(st);
			return store_corrupt(s, "the check-ins", cause);
		}
		rc = SQLITE_DONE;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return store_sqlerr(s, rc, "reading the check-ins", cause);
	return 0;
}

int
store_session_tally(struct store *s, const char *approach, const char *to,
		    int *count, char last[DAY_LEN], char **cause)
{
	sqlite3_stmt *st;
	int rc, code;

	*count = 0;
	last[0] = '\0';
	if ((code = store_check_id("approach", approach, cause)) != 0 ||
	    (code = store_check_day("session", to, cause)) != 0)
		return code;
	if ((code = store_prepare(s,
				  "SELECT count(*), max(day) FROM session "
				  "WHERE approach = ?1 AND day <= ?2",
				  &st, cause)) != 0)
		return code;
	rc = store_bind(st, "tt", approach, to);
	if (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		sqlite3_int64 n = sqlite3_column_int64(st, 0);

		if (n < 0 || n > INT_MAX ||
		    store_read_day(st, 1, 1, last) != 0 ||
		    (n > 0) != (last[0] != '\0')) {
			sqlite3_finalize(st);
			return store_corrupt(s, "the sessions", cause);
		}
		*count = (int)n;
		rc = SQLITE_DONE;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return store_sqlerr(s, rc, "reading the sessions", cause);
	return 0;
}

/* The rows of table t with from <= day <= to (either NULL: unbounded), in
 * the order of tail (store_rows()). */
static int
range(struct store *s, enum store_table_id t, const char *tail,
      const char *from, const char *to, size_t size, void **out, size_t *n,
      char **cause)
{
	const char *lo, *hi;
	char *where;
	int code;

	*out = NULL;
	*n = 0;
	if ((code = store_range(from, to, &lo, &hi, cause)) != 0)
		return code;
	where = xasprintf("WHERE day BETWEEN ?1 AND ?2 %s", tail);
	code = store_rows(s, t, NULL, where, size, out, n, cause, "tt", lo, hi);
	free(where);
	return code;
}

int
store_checkin_range(struct store *s, const char *from, const char *to,
		    struct checkin **out, size_t *n, char **cause)
{
	void *rows;
	size_t i;
	int code;

	code = range(s, STORE_TABLE_CHECKIN, "ORDER BY day", from, to,
		     sizeof **out, &rows, n, cause);
	*out = rows;
	/* One check-in a day, in order: the callers index days by it. */
	for (i = 0; code == 0 && i < *n; i++) {
		pain_set_at(&(*out)[i]);
		if (i > 0 && strcmp((*out)[i - 1].day, (*out)[i].day) >= 0)
			code = store_corrupt(s, "the check-ins", cause);
	}
	if (code != 0) {
		checkins_free(*out, *n);
		*out = NULL;
		*n = 0;
	}
	return code;
}

int
store_answer_range(struct store *s, const char *from, const char *to,
		   struct store_answer **out, size_t *n, char **cause)
{
	void *rows;
	int code = range(s, STORE_TABLE_ANSWER, "ORDER BY day, question_id",
			 from, to, sizeof **out, &rows, n, cause);

	*out = rows;
	return code;
}

void
store_answers_free(struct store_answer *a, size_t n)
{
	store_rows_free(STORE_TABLE_ANSWER, a, n, sizeof *a);
}

int
store_session_add(struct store *s, struct store_session *ses, char **cause)
{
	sqlite3_stmt *st;
	char now[STORE_TIMESTAMP_LEN];
	int code;

	if ((code = store_check_id("practice", ses->practice, cause)) != 0 ||
	    (code = store_check_id("approach", ses->approach, cause)) != 0 ||
	    (code = store_check_day("practice", ses->day, cause)) != 0 ||
	    (code = store_check_rating("pain before", ses->pain_before, 1,
				       cause)) != 0 ||
	    (code = store_check_rating("pain after", ses->pain_after, 1,
				       cause)) != 0)
		return code;
	if (ses->minutes != ENTRY_NONE &&
	    (ses->minutes < 1 || ses->minutes > SESSION_MINUTES_MAX))
		return store_fail(cause, EX_DATAERR,
				  "minutes: %d is not from 1 to %d",
				  ses->minutes, SESSION_MINUTES_MAX);
	if (ses->seconds < 0 || ses->seconds > SESSION_SECONDS_MAX)
		return store_fail(cause, EX_DATAERR,
				  "seconds: %d is not from 1 to %d",
				  ses->seconds, SESSION_SECONDS_MAX);
	store_now(now);
	if ((code = store_begin(s, cause)) != 0)
		return code;
	if ((code = store_prepare(
		 s,
		 "INSERT INTO session (practice, approach, day, minutes,"
		 " pain_before, pain_after, recorded_at, seconds)"
		 " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
		 &st, cause)) != 0 ||
	    (code = store_run(s, st,
			      store_bind(st, "tttrrrtk", ses->practice,
					 ses->approach, ses->day, ses->minutes,
					 ses->pain_before, ses->pain_after, now,
					 (long long)ses->seconds),
			      "saving the practice", cause)) != 0) {
		store_rollback(s);
		return code;
	}
	ses->id = sqlite3_last_insert_rowid(s->db);
	return store_commit(s, cause);
}

/* The order sessions are handed out in: by day, then as logged. */
static int
session_before(const struct store_session *a, const struct store_session *b)
{
	int c = strcmp(a->day, b->day);

	return c < 0 || (c == 0 && a->id < b->id);
}

/*
 * Rows read in the order of the index session_day (day, practice, id) are
 * put in day, id order here: asking SQLite for that order makes it sort
 * every row in a temporary b-tree, which doubled the cost of reading a
 * long log. Days come in order already, so only the few sessions of one
 * day move, and the insertion sort stays linear.
 */
static void
sessions_sort(struct store_session *ses, size_t n)
{
	struct store_session t;
	size_t i, j;

	for (i = 1; i < n; i++) {
		if (!session_before(&ses[i], &ses[i - 1]))
			continue;
		t = ses[i];
		for (j = i; j > 0 && session_before(&t, &ses[j - 1]); j--)
			ses[j] = ses[j - 1];
		ses[j] = t;
	}
}

int
store_session_range(struct store *s, const char *from, const char *to,
		    struct store_session **out, size_t *n, char **cause)
{
	void *rows;
	size_t i;
	int code = range(s, STORE_TABLE_SESSION, "ORDER BY day, practice, id",
			 from, to, sizeof **out, &rows, n, cause);

	*out = rows;
	/* Not timed (a NULL): 0 seconds, as struct store_session says. */
	for (i = 0; i < *n; i++)
		if ((*out)[i].seconds == ENTRY_NONE)
			(*out)[i].seconds = 0;
	sessions_sort(*out, *n);
	return code;
}

void
store_sessions_free(struct store_session *ses, size_t n)
{
	store_rows_free(STORE_TABLE_SESSION, ses, n, sizeof *ses);
}
