/* store_import.c: a whole log written back from an export (store.h), in
 * one transaction, table by table: each row of the dump is found the same
 * in the log, put in place of the log's (--replace), added, or refused.
 * Its values were checked first (store_import_check.c). */
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "store_int.h"
#include "util.h"

/* Steps st (bound with result bind) to its end; finalizes it. */
static int
run(struct store *s, sqlite3_stmt *st, int bind, const char *what, char **cause)
{
	int rc = bind;

	if (rc == SQLITE_OK)
		rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc == SQLITE_DONE || rc == SQLITE_ROW)
		return 0;
	return store_sqlerr(s, rc, what, cause);
}

/* *found = 1 when st (bound with result bind) yields a row. */
static int
exists(struct store *s, sqlite3_stmt *st, int bind, int *found, char **cause)
{
	int rc = bind;

	*found = 0;
	if (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		*found = 1;
		rc = SQLITE_DONE;
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : store_sqlerr(s, rc, "reading", cause);
}

/* The first row of st (bound with result bind), a SELECT id, equal: *id its
 * id (0 when there is none), *same its second column. */
static int
first_row(struct store *s, sqlite3_stmt *st, int bind, long long *id, int *same,
	  char **cause)
{
	int rc = bind;

	*id = 0;
	*same = 0;
	if (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		*id = sqlite3_column_int64(st, 0);
		*same = sqlite3_column_int(st, 1);
		rc = SQLITE_DONE;
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : store_sqlerr(s, rc, "reading", cause);
}

static int
log_empty(struct store *s, int *empty, char **cause)
{
	sqlite3_stmt *st;
	int code, found;

	if ((code = store_prepare(
		 s,
		 "SELECT 1 WHERE EXISTS (SELECT 1 FROM checkin)"
		 " OR EXISTS (SELECT 1 FROM trial) OR EXISTS (SELECT 1 FROM"
		 " session) OR EXISTS (SELECT 1 FROM screening)"
		 " OR EXISTS (SELECT 1 FROM profile)"
		 " OR EXISTS (SELECT 1 FROM habit) OR EXISTS (SELECT 1 FROM"
		 " flare)",
		 &st, cause)) != 0 ||
	    (code = exists(s, st, SQLITE_OK, &found, cause)) != 0)
		return code;
	*empty = !found;
	return 0;
}

static int
refuse(struct store_import_result *res, const char *table, size_t row,
       char **cause, char *why)
{
	res->table = table;
	res->row = row;
	*cause = why;
	return EX_DATAERR;
}

/* The first of the dump's answers of day (they are in the order of their
 * days), or nanswers. */
static size_t
first_answer(const struct store_dump *d, const char *day)
{
	size_t lo = 0, hi = d->nanswers, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (strcmp(d->answers[mid].day, day) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

static int
insert_checkin(struct store *s, const struct store_dump *d, size_t i,
	       struct store_import_result *res, char **cause)
{
	const struct store_checkin *c = &d->checkins[i];
	sqlite3_stmt *st;
	size_t k;
	int code;

	if ((code =
		 store_prepare(s,
			       "INSERT INTO checkin (day, pain, interference,"
			       " note, recorded_at, updated_at)"
			       " VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
			       &st, cause)) != 0 ||
	    (code =
		 run(s, st,
		     store_bind(st, "tirttt", c->day, c->pain, c->interference,
				c->note, c->recorded_at, c->updated_at),
		     "importing a check-in", cause)) != 0)
		return code;
	for (k = 0; k < d->nanswers; k++) {
		if (strcmp(d->answers[k].day, c->day) != 0)
			continue;
		if ((code =
			 store_prepare(s,
				       "INSERT INTO answer (day, question_id,"
				       " value) VALUES (?1, ?2, ?3)",
				       &st, cause)) != 0 ||
		    (code = run(s, st,
				store_bind(st, "ttt", c->day,
					   d->answers[k].question,
					   d->answers[k].value),
				"importing an answer", cause)) != 0)
			return code;
		res->answer.added++;
	}
	return 0;
}

/* The log's check-in of the day and its answers equal the dump's. */
static int
checkin_same(struct store *s, const struct store_dump *d, size_t i, int *same,
	     char **cause)
{
	const struct store_checkin *c = &d->checkins[i];
	sqlite3_stmt *st;
	size_t k, n = 0;
	long long logged = 0;
	int code, found, rc;

	if ((code = store_prepare(
		 s,
		 "SELECT (SELECT count(*) FROM answer WHERE day = ?1)"
		 " FROM checkin WHERE day = ?1 AND pain = ?2"
		 " AND interference IS ?3 AND note IS ?4"
		 " AND recorded_at = ?5 AND updated_at = ?6",
		 &st, cause)) != 0)
		return code;
	rc = store_bind(st, "tirttt", c->day, c->pain, c->interference, c->note,
			c->recorded_at, c->updated_at);
	*same = 0;
	if (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		*same = 1;
		logged = sqlite3_column_int64(st, 0);
		rc = SQLITE_DONE;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return store_sqlerr(s, rc, "reading", cause);
	for (k = first_answer(d, c->day);
	     *same && k < d->nanswers && strcmp(d->answers[k].day, c->day) == 0;
	     k++) {
		n++;
		if ((code =
			 store_prepare(s,
				       "SELECT 1 FROM answer WHERE day = ?1"
				       " AND question_id = ?2 AND value = ?3",
				       &st, cause)) != 0 ||
		    (code = exists(s, st,
				   store_bind(st, "ttt", c->day,
					      d->answers[k].question,
					      d->answers[k].value),
				   &found, cause)) != 0)
			return code;
		*same = found;
	}
	if (*same && (long long)n != logged)
		*same = 0;
	return 0;
}

static int
import_checkins(struct store *s, const struct store_dump *d, int empty,
		int replace, struct store_import_result *res, char **cause)
{
	sqlite3_stmt *st;
	size_t i;
	int code, found, same;

	for (i = 0; i < d->ncheckins; i++) {
		const char *day = d->checkins[i].day;

		found = 0;
		if (!empty && ((code = store_prepare(
				    s, "SELECT 1 FROM checkin WHERE day = ?1",
				    &st, cause)) != 0 ||
			       (code = exists(s, st, store_bind(st, "t", day),
					      &found, cause)) != 0))
			return code;
		if (found) {
			if ((code = checkin_same(s, d, i, &same, cause)) != 0)
				return code;
			if (same) {
				res->checkin.same++;
				continue;
			}
			if (!replace)
				return refuse(
				    res, "checkin", i, cause,
				    xasprintf("the log already has another "
					      "check-in for %s (--replace puts "
					      "the file's in its place)",
					      day));
			/* Its answers go with it (ON DELETE CASCADE). */
			if ((code = store_prepare(
				 s, "DELETE FROM checkin WHERE day = ?1", &st,
				 cause)) != 0 ||
			    (code = run(s, st, store_bind(st, "t", day),
					"replacing a check-in", cause)) != 0)
				return code;
			res->checkin.replaced++;
		} else {
			res->checkin.added++;
		}
		if ((code = insert_checkin(s, d, i, res, cause)) != 0)
			return code;
	}
	return 0;
}

/* Sets the impression of the log's trial id or the doctor's check of its
 * screening answer id to the dump's (--replace). */
static int
set_column(struct store *s, const char *sql, int bind_as_text, const char *text,
	   int number, long long id, const char *what, char **cause)
{
	sqlite3_stmt *st;
	int code;

	if ((code = store_prepare(s, sql, &st, cause)) != 0)
		return code;
	return run(s, st,
		   bind_as_text ? store_bind(st, "tl", text, id)
				: store_bind(st, "rl", number, id),
		   what, cause);
}

/* Into log_ids[i], the id trial i of the dump has in the log. */
static int
import_trials(struct store *s, const struct store_dump *d, int empty,
	      int replace, long long *log_ids, struct store_import_result *res,
	      char **cause)
{
	sqlite3_stmt *st;
	const struct store_trial *t;
	const char *ended, *outcome;
	long long id = 0;
	size_t i;
	int code, found = 0, same = 0;

	for (i = 0; i < d->ntrials; i++) {
		t = &d->trials[i];
		ended = t->ended_on[0] != '\0' ? t->ended_on : NULL;
		outcome = t->outcome != OUTCOME_NONE
			      ? store_outcome_name(t->outcome)
			      : NULL;
		/* The same trial, its impression first when it has it. */
		if (!empty &&
		    ((code = store_prepare(
			  s,
			  "SELECT id, impression IS ?5 FROM trial"
			  " WHERE approach = ?1 AND started_on = ?2"
			  " AND ended_on IS ?3 AND outcome IS ?4"
			  " ORDER BY impression IS ?5 DESC, id LIMIT 1",
			  &st, cause)) != 0 ||
		     (code = first_row(s, st,
				       store_bind(st, "ttttr", t->approach,
						  t->started_on, ended, outcome,
						  t->impression),
				       &id, &same, cause)) != 0))
			return code;
		log_ids[i] = id;
		if (id != 0 && same) {
			res->trial.same++;
			continue;
		}
		if (id != 0) {
			if (!replace)
				return refuse(
				    res, "trial", i, cause,
				    xasprintf("the log already has this trial "
					      "of %s (%s to %s) with another "
					      "impression (--replace puts the "
					      "file's in its place)",
					      t->approach, t->started_on,
					      t->ended_on));
			if ((code = set_column(
				 s,
				 "UPDATE trial SET impression = ?1"
				 " WHERE id = ?2",
				 0, NULL, t->impression, id,
				 "replacing an impression", cause)) != 0)
				return code;
			res->trial.replaced++;
			continue;
		}
		if (ended == NULL && !empty) {
			if ((code = store_prepare(s,
						  "SELECT 1 FROM trial WHERE"
						  " approach = ?1 AND ended_on"
						  " IS NULL",
						  &st, cause)) != 0 ||
			    (code =
				 exists(s, st, store_bind(st, "t", t->approach),
					&found, cause)) != 0)
				return code;
			if (found)
				return refuse(
				    res, "trial", i, cause,
				    xasprintf("%s is already running in the "
					      "log",
					      t->approach));
		}
		if ((code = store_prepare(
			 s,
			 "INSERT INTO trial (id, approach, started_on,"
			 " ended_on, outcome, impression)"
			 " VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
			 &st, cause)) != 0)
			return code;
		code = store_bind(st, "lttttr", t->id, t->approach,
				  t->started_on, ended, outcome, t->impression);
		if (code == SQLITE_OK && !empty)
			code = sqlite3_bind_null(st, 1);
		if ((code = run(s, st, code, "importing a trial", cause)) != 0)
			return code;
		log_ids[i] = sqlite3_last_insert_rowid(s->db);
		res->trial.added++;
	}
	return 0;
}

static int
import_sessions(struct store *s, const struct store_dump *d, int empty,
		struct store_import_result *res, char **cause)
{
	sqlite3_stmt *st;
	const struct store_session *x;
	size_t i;
	int code, found = 0;

	for (i = 0; i < d->nsessions; i++) {
		x = &d->sessions[i];
		if (!empty &&
		    ((code = store_prepare(
			  s,
			  /* A mark (no minutes) counts as there when the
			   * practice is marked or timed that day, as
			   * store_checkin_write() marks. */
			  "SELECT 1 FROM session WHERE practice = ?1"
			  " AND day = ?3 AND (?4 IS NULL OR (approach = ?2"
			  " AND minutes IS ?4 AND pain_before IS ?5"
			  " AND pain_after IS ?6 AND recorded_at = ?7))",
			  &st, cause)) != 0 ||
		     (code = exists(s, st,
				    store_bind(st, "tttrrrt", x->practice,
					       x->approach, x->day, x->minutes,
					       x->pain_before, x->pain_after,
					       x->recorded_at),
				    &found, cause)) != 0))
			return code;
		if (found) {
			res->session.same++;
			continue;
		}
		if ((code = store_prepare(
			 s,
			 "INSERT INTO session (id, practice, approach, day,"
			 " minutes, pain_before, pain_after, recorded_at)"
			 " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
			 &st, cause)) != 0)
			return code;
		code = store_bind(
		    st, "ltttrrrt", x->id, x->practice, x->approach, x->day,
		    x->minutes, x->pain_before, x->pain_after, x->recorded_at);
		if (code == SQLITE_OK && !empty)
			code = sqlite3_bind_null(st, 1);
		if ((code = run(s, st, code, "importing a session", cause)) !=
		    0)
			return code;
		res->session.added++;
	}
	return 0;
}

static int
import_screenings(struct store *s, const struct store_dump *d, int empty,
		  int replace, struct store_import_result *res, char **cause)
{
	sqlite3_stmt *st;
	const struct store_dump_screening *x;
	const char *checked;
	long long id = 0;
	size_t i;
	int code, same = 0;

	for (i = 0; i < d->nscreenings; i++) {
		x = &d->screenings[i];
		checked = x->checked_on[0] != '\0' ? x->checked_on : NULL;
		/* The same answer, its doctor's check first when it has it. */
		if (!empty &&
		    ((code = store_prepare(
			  s,
			  "SELECT id, checked_on IS ?4 FROM screening"
			  " WHERE flag_id = ?1 AND answer = ?2"
			  " AND asked_at = ?3"
			  " ORDER BY checked_on IS ?4 DESC, id LIMIT 1",
			  &st, cause)) != 0 ||
		     (code =
			  first_row(s, st,
				    store_bind(st, "titt", x->flag, x->answer,
					       x->asked_at, checked),
				    &id, &same, cause)) != 0))
			return code;
		if (id != 0 && same) {
			res->screening.same++;
			continue;
		}
		if (id != 0) {
			if (!replace)
				return refuse(
				    res, "screening", i, cause,
				    xasprintf("the log already has this answer "
					      "to %s (%s) with another "
					      "doctor's check (--replace puts "
					      "the file's in its place)",
					      x->flag, x->asked_at));
			if ((code = set_column(
				 s,
				 "UPDATE screening SET checked_on = ?1"
				 " WHERE id = ?2",
				 1, checked, 0, id,
				 "replacing a doctor's check", cause)) != 0)
				return code;
			res->screening.replaced++;
			continue;
		}
		if ((code = store_prepare(s,
					  "INSERT INTO screening (id, flag_id,"
					  " answer, asked_at, checked_on)"
					  " VALUES (?1, ?2, ?3, ?4, ?5)",
					  &st, cause)) != 0)
			return code;
		code = store_bind(st, "ltitt", x->id, x->flag, x->answer,
				  x->asked_at, checked);
		if (code == SQLITE_OK && !empty)
			code = sqlite3_bind_null(st, 1);
		if ((code = run(s, st, code, "importing a screening answer",
				cause)) != 0)
			return code;
		res->screening.added++;
	}
	return 0;
}

static int
import_profile(struct store *s, const struct store_dump *d, int replace,
	       struct store_import_result *res, char **cause)
{
	sqlite3_stmt *st;
	const struct store_dump_profile *x;
	char *value;
	size_t i;
	int code, rc;

	for (i = 0; i < d->nprofile; i++) {
		x = &d->profile[i];
		if ((code = store_prepare(
			 s, "SELECT value FROM profile WHERE key = ?1", &st,
			 cause)) != 0)
			return code;
		value = NULL;
		rc = store_bind(st, "t", x->key);
		if (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
			if (store_read_text(st, 0, 0, &value) != 0) {
				sqlite3_finalize(st);
				free(value);
				return store_corrupt(s, "the profile", cause);
			}
			rc = SQLITE_DONE;
		}
		sqlite3_finalize(st);
		if (rc != SQLITE_DONE)
			return store_sqlerr(s, rc, "reading", cause);
		if (value != NULL && strcmp(value, x->value) == 0) {
			free(value);
			res->profile.same++;
			continue;
		}
		if (value != NULL && !replace) {
			free(value);
			return refuse(
			    res, "profile", i, cause,
			    xasprintf("the log's profile has another %s "
				      "(--replace puts the file's in its "
				      "place)",
				      x->key));
		}
		if (value != NULL)
			res->profile.replaced++;
		else
			res->profile.added++;
		free(value);
		if ((code = store_prepare(
			 s,
			 "INSERT INTO profile (key, value) VALUES (?1, ?2)"
			 " ON CONFLICT (key) DO UPDATE SET value ="
			 " excluded.value",
			 &st, cause)) != 0 ||
		    (code = run(s, st, store_bind(st, "tt", x->key, x->value),
				"importing the profile", cause)) != 0)
			return code;
	}
	return 0;
}

/* The day a row of sql (bound with result bind) names in its first column
 * into day ("" when it yields none), its second into day2 ("" for NULL). */
static int
two_days(struct store *s, sqlite3_stmt *st, int bind, char day[DAY_LEN],
	 char day2[DAY_LEN], char **cause)
{
	int rc = bind;

	day[0] = day2[0] = '\0';
	if (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		rc = SQLITE_DONE;
		if (store_read_day(st, 0, 0, day) != 0 ||
		    store_read_day(st, 1, 1, day2) != 0) {
			sqlite3_finalize(st);
			return store_corrupt(s, "the log", cause);
		}
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : store_sqlerr(s, rc, "reading", cause);
}

static int
import_habits(struct store *s, const struct store_dump *d, int empty,
	      int replace, const long long *trial_ids,
	      struct store_import_result *res, char **cause)
{
	sqlite3_stmt *st;
	const struct store_habit *h;
	const char *dropped;
	char since[DAY_LEN], unused[DAY_LEN];
	long long id = 0, trial;
	size_t i, k;
	int code, same = 0;

	for (i = 0; i < d->nhabits; i++) {
		h = &d->habits[i];
		dropped = h->dropped_on[0] != '\0' ? h->dropped_on : NULL;
		trial = 0;
		for (k = 0; h->trial_id != 0 && k < d->ntrials; k++)
			if (d->trials[k].id == h->trial_id)
				trial = trial_ids[k];
		if (h->trial_id != 0 && trial == 0)
			return refuse(res, "habit", i, cause,
				      xasprintf("trial_id %lld: no such trial "
						"among those imported",
						h->trial_id));
		/* The same habit: its approach kept on the same day. */
		if (!empty &&
		    ((code = store_prepare(
			  s,
			  "SELECT id, trial_id IS ?3 AND dropped_on IS ?4"
			  " FROM habit WHERE approach = ?1 AND kept_on = ?2"
			  " ORDER BY 2 DESC, id LIMIT 1",
			  &st, cause)) != 0 ||
		     (code = first_row(s, st,
				       store_bind(st, "ttkt", h->approach,
						  h->kept_on, trial, dropped),
				       &id, &same, cause)) != 0))
			return code;
		if (id != 0 && same) {
			res->habit.same++;
			continue;
		}
		if (id != 0 && !replace)
			return refuse(
			    res, "habit", i, cause,
			    xasprintf("the log already has the habit of %s "
				      "kept on %s, with another trial or day "
				      "it was dropped (--replace puts the "
				      "file's in its place)",
				      h->approach, h->kept_on));
		/* At most one kept habit per approach. */
		since[0] = '\0';
		if (dropped == NULL && !empty &&
		    ((code = store_prepare(
			  s,
			  "SELECT kept_on, NULL FROM habit WHERE approach = ?1"
			  " AND dropped_on IS NULL AND id IS NOT ?2",
			  &st, cause)) != 0 ||
		     (code =
			  two_days(s, st, store_bind(st, "tk", h->approach, id),
				   since, unused, cause)) != 0))
			return code;
		if (dropped == NULL && since[0] != '\0')
			return refuse(res, "habit", i, cause,
				      xasprintf("%s is already kept as a habit "
						"in the log, since %s",
						h->approach, since));
		if (id != 0) {
			if ((code =
				 store_prepare(s,
					       "UPDATE habit SET trial_id = ?1,"
					       " dropped_on = ?2 WHERE id = ?3",
					       &st, cause)) != 0 ||
			    (code =
				 run(s, st,
				     store_bind(st, "ktl", trial, dropped, id),
				     "replacing a habit", cause)) != 0)
				return code;
			res->habit.replaced++;
			continue;
		}
		if ((code = store_prepare(s,
					  "INSERT INTO habit (id, approach,"
					  " trial_id, kept_on, dropped_on)"
					  " VALUES (?1, ?2, ?3, ?4, ?5)",
					  &st, cause)) != 0 ||
		    (code = run(s, st,
				store_bind(st, "ktktt", empty ? h->id : 0,
					   h->approach, trial, h->kept_on,
					   dropped),
				"importing a habit", cause)) != 0)
			return code;
		res->habit.added++;
	}
	return 0;
}

static int
import_flares(struct store *s, const struct store_dump *d, int empty,
	      int replace, struct store_import_result *res, char **cause)
{
	sqlite3_stmt *st;
	const struct store_flare *f;
	const char *ended, *by;
	char began[DAY_LEN], until[DAY_LEN];
	long long id = 0;
	size_t i;
	int code, same = 0;

	for (i = 0; i < d->nflares; i++) {
		f = &d->flares[i];
		ended = f->ended_on[0] != '\0' ? f->ended_on : NULL;
		by = ended != NULL ? store_flare_end_name(f->ended_by) : NULL;
		/* The same flare: one begun on the same day. */
		if (!empty &&
		    ((code = store_prepare(
			  s,
			  "SELECT id, ended_on IS ?2 AND ended_by IS ?3"
			  " AND pain IS ?4 AND note IS ?5"
			  " AND recorded_at = ?6"
			  " FROM flare WHERE began_on = ?1"
			  " ORDER BY 2 DESC, id LIMIT 1",
			  &st, cause)) != 0 ||
		     (code = first_row(s, st,
				       store_bind(st, "tttrtt", f->began_on,
						  ended, by, f->pain, f->note,
						  f->recorded_at),
				       &id, &same, cause)) != 0))
			return code;
		if (id != 0 && same) {
			res->flare.same++;
			continue;
		}
		if (id != 0 && !replace)
			return refuse(
			    res, "flare", i, cause,
			    xasprintf("the log already has the flare-up that "
				      "began on %s, recorded otherwise "
				      "(--replace puts the file's in its "
				      "place)",
				      f->began_on));
		/* No two flares share a day; one open at most. */
		began[0] = until[0] = '\0';
		if (!empty &&
		    ((code = store_prepare(
			  s,
			  "SELECT began_on, ended_on FROM flare"
			  " WHERE id IS NOT ?1"
			  " AND (ended_on IS NULL OR ended_on > ?2)"
			  " AND (?3 IS NULL OR began_on < ?3)"
			  " ORDER BY ended_on IS NULL DESC, began_on LIMIT 1",
			  &st, cause)) != 0 ||
		     (code = two_days(
			  s, st, store_bind(st, "ktt", id, f->began_on, ended),
			  began, until, cause)) != 0))
			return code;
		if (began[0] != '\0' && until[0] == '\0' && ended == NULL)
			return refuse(res, "flare", i, cause,
				      xasprintf("the log already has an open "
						"flare-up, since %s (one is "
						"open at most)",
						began));
		if (began[0] != '\0')
			return refuse(
			    res, "flare", i, cause,
			    xasprintf("this flare-up from %s shares days with "
				      "the log's from %s%s%s",
				      f->began_on, began,
				      until[0] != '\0' ? " to " : " (open)",
				      until));
		if (id != 0) {
			if ((code = store_prepare(
				 s,
				 "UPDATE flare SET ended_on = ?1,"
				 " ended_by = ?2, pain = ?3, note = ?4,"
				 " recorded_at = ?5 WHERE id = ?6",
				 &st, cause)) != 0 ||
			    (code = run(s, st,
					store_bind(st, "ttrttl", ended, by,
						   f->pain, f->note,
						   f->recorded_at, id),
					"replacing a flare-up", cause)) != 0)
				return code;
			res->flare.replaced++;
			continue;
		}
		if ((code = store_prepare(
			 s,
			 "INSERT INTO flare (id, began_on, ended_on,"
			 " ended_by, pain, note, recorded_at)"
			 " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
			 &st, cause)) != 0 ||
		    (code = run(s, st,
				store_bind(st, "ktttrtt", empty ? f->id : 0,
					   f->began_on, ended, by, f->pain,
					   f->note, f->recorded_at),
				"importing a flare-up", cause)) != 0)
			return code;
		res->flare.added++;
	}
	return 0;
}

int
store_import(struct store *s, const struct store_dump *d, int replace,
	     struct store_import_result *res, char **cause)
{
	long long *trial_ids;
	int code, empty = 0;

	memset(res, 0, sizeof *res);
	if ((code = store_import_check(d, res, cause)) != 0)
		return code;
	if ((code = store_begin(s, cause)) != 0)
		return code;
	trial_ids = xcalloc(d->ntrials + 1, sizeof *trial_ids);
	if ((code = log_empty(s, &empty, cause)) != 0 ||
	    (code = import_checkins(s, d, empty, replace, res, cause)) != 0 ||
	    (code = import_trials(s, d, empty, replace, trial_ids, res,
				  cause)) != 0 ||
	    (code = import_sessions(s, d, empty, res, cause)) != 0 ||
	    (code = import_screenings(s, d, empty, replace, res, cause)) != 0 ||
	    (code = import_profile(s, d, replace, res, cause)) != 0 ||
	    (code = import_habits(s, d, empty, replace, trial_ids, res,
				  cause)) != 0 ||
	    (code = import_flares(s, d, empty, replace, res, cause)) != 0 ||
	    (code = store_import_pauses(s, d, empty, replace, trial_ids, res,
					cause)) != 0 ||
	    (code = store_commit(s, cause)) != 0) {
		free(trial_ids);
		store_rollback(s);
		return code;
	}
	free(trial_ids);
	return 0;
}
