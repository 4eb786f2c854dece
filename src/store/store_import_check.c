/* store_import_check.c: a dump loaded into TEMP tables, one per table of
 * the log (imp_checkin, ...: its exported columns as store_columns.c
 * describes them, beside the row's place in the dump, pos), and checked
 * there before anything of the log is touched: each value by the column
 * table (backpain_problem(), as the scan of a log checks them), then what
 * the file's rows must keep among themselves (one check-in a day, an
 * answer of a check-in of the file, each uid once, trials of an approach
 * and flare-ups one after the other, a habit's trial in the file, a pause
 * week's trial in the file and paused once). How
 * the rows sit beside the log's is store_import.c's to judge. */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "store_int.h"
#include "util.h"

/* The columns of the TEMP tables beside the exported ones: the row's place
 * in the dump; what store_import.c finds it to be (a STORE_IMPORT_*
 * class); the id of its row in the log; a trial id of the log in place of
 * a habit's or a pause week's trial_id of the file. */
#define EXTRA "pos INTEGER PRIMARY KEY, class INTEGER, log_id INTEGER, trial"

static int
exec_sql(struct store *s, const char *sql, char **cause)
{
	int rc = sqlite3_exec(s->db, sql, NULL, NULL, NULL);

	return rc == SQLITE_OK ? 0 : store_sqlerr(s, rc, "importing", cause);
}

static int execf(struct store *s, char **cause, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static int
execf(struct store *s, char **cause, const char *fmt, ...)
{
	va_list ap;
	char *sql;
	int code;

	va_start(ap, fmt);
	sql = xvasprintf(fmt, ap);
	va_end(ap);
	code = exec_sql(s, sql, cause);
	free(sql);
	return code;
}

/* Keys of the file that, as in the log, a table holds once. */
static const char *const once[STORE_TABLES] = {
    [STORE_TABLE_CHECKIN] = "day",
    [STORE_TABLE_ANSWER] = "day, question_id",
    [STORE_TABLE_PROFILE] = "key",
    [STORE_TABLE_PAUSE] = "trial_id", /* a trial is paused once */
};

static int
create(struct store *s, char **cause)
{
	int t, code = 0;

	for (t = 0; t < STORE_TABLES && code == 0; t++) {
		const char *name = store_tables[t].name;

		code = execf(s, cause,
			     "DROP TABLE IF EXISTS temp.imp_%s;"
			     "CREATE TEMP TABLE imp_%s (" EXTRA ", %s);"
			     "CREATE UNIQUE INDEX temp.imp_%s_uid"
			     " ON imp_%s (uid);",
			     name, name, store_columns_sql(t, 1), name, name);
		if (code == 0 && once[t] != NULL)
			code = execf(s, cause,
				     "CREATE UNIQUE INDEX temp.imp_%s_key"
				     " ON imp_%s (%s);",
				     name, name, once[t]);
	}
	return code;
}

int
store_import_drop(struct store *s)
{
	int t, rc = SQLITE_OK;
	char *sql;

	for (t = 0; t < STORE_TABLES && rc == SQLITE_OK; t++) {
		sql = xasprintf("DROP TABLE IF EXISTS temp.imp_%s",
				store_tables[t].name);
		rc = sqlite3_exec(s->db, sql, NULL, NULL, NULL);
		free(sql);
	}
	return rc;
}

/* Binding column col of a TEMP table's INSERT (its parameter 2 + col; 1
 * is pos): NULL for "" (a day, a uid), for ENTRY_NONE (an optional
 * number) and for a NULL text. */
static int
b_text(sqlite3_stmt *st, int col, const char *v)
{
	return v != NULL && *v != '\0'
		   ? sqlite3_bind_text(st, 2 + col, v, -1, SQLITE_STATIC)
		   : sqlite3_bind_null(st, 2 + col);
}

/* Unlike b_text, an empty text is kept: a note may be "". */
static int
b_note(sqlite3_stmt *st, int col, const char *v)
{
	return v != NULL ? sqlite3_bind_text(st, 2 + col, v, -1, SQLITE_STATIC)
			 : sqlite3_bind_null(st, 2 + col);
}

static int
b_int(sqlite3_stmt *st, int col, long long v, int none)
{
	return none ? sqlite3_bind_null(st, 2 + col)
		    : sqlite3_bind_int64(st, 2 + col, v);
}

static int
bind_row(sqlite3_stmt *st, enum store_table_id t, const struct store_dump *d,
	 size_t i)
{
	int rc = sqlite3_bind_int64(st, 1, (long long)i);

	switch (t) {
	case STORE_TABLE_CHECKIN: {
		const struct checkin *c = &d->checkins[i];

		rc |= b_text(st, STORE_CHECKIN_DAY, c->day);
		rc |= b_int(st, STORE_CHECKIN_PAIN, c->pain, 0);
		rc |= b_int(st, STORE_CHECKIN_INTERFERENCE, c->interference,
			    c->interference == ENTRY_NONE);
		rc |= b_note(st, STORE_CHECKIN_NOTE, c->note);
		rc |= b_note(st, STORE_CHECKIN_RECORDED_AT, c->recorded_at);
		rc |= b_note(st, STORE_CHECKIN_UPDATED_AT, c->updated_at);
		rc |= b_text(st, STORE_CHECKIN_UID, c->uid);
		rc |= b_int(st, STORE_CHECKIN_REVISION, c->revision,
			    c->revision == 0);
		rc |= b_note(st, STORE_CHECKIN_PAIN_SET_AT, c->pain_set_at);
		break;
	}
	case STORE_TABLE_ANSWER: {
		const struct store_answer *a = &d->answers[i];

		rc |= b_text(st, STORE_ANSWER_DAY, a->day);
		rc |= b_note(st, STORE_ANSWER_QUESTION, a->question);
		rc |= b_note(st, STORE_ANSWER_VALUE, a->value);
		rc |= b_text(st, STORE_ANSWER_UID, a->uid);
		break;
	}
	case STORE_TABLE_TRIAL: {
		const struct store_trial *x = &d->trials[i];

		rc |= b_int(st, STORE_TRIAL_ID, x->id, 0);
		rc |= b_note(st, STORE_TRIAL_APPROACH, x->approach);
		rc |= b_text(st, STORE_TRIAL_STARTED_ON, x->started_on);
		rc |= b_text(st, STORE_TRIAL_ENDED_ON, x->ended_on);
		rc |= b_text(st, STORE_TRIAL_OUTCOME, outcome_name(x->outcome));
		if (x->outcome != OUTCOME_NONE &&
		    outcome_name(x->outcome)[0] == '\0')
			rc |= sqlite3_bind_int(st, 2 + STORE_TRIAL_OUTCOME,
					       (int)x->outcome);
		rc |= b_int(st, STORE_TRIAL_IMPRESSION, x->impression,
			    x->impression == ENTRY_NONE);
		rc |= b_text(st, STORE_TRIAL_UID, x->uid);
		break;
	}
	case STORE_TABLE_SESSION: {
		const struct store_session *x = &d->sessions[i];

		rc |= b_int(st, STORE_SESSION_ID, x->id, 0);
		rc |= b_note(st, STORE_SESSION_PRACTICE, x->practice);
		rc |= b_note(st, STORE_SESSION_APPROACH, x->approach);
		rc |= b_text(st, STORE_SESSION_DAY, x->day);
		rc |= b_int(st, STORE_SESSION_MINUTES, x->minutes,
			    x->minutes == ENTRY_NONE);
		rc |= b_int(st, STORE_SESSION_PAIN_BEFORE, x->pain_before,
			    x->pain_before == ENTRY_NONE);
		rc |= b_int(st, STORE_SESSION_PAIN_AFTER, x->pain_after,
			    x->pain_after == ENTRY_NONE);
		rc |= b_note(st, STORE_SESSION_RECORDED_AT, x->recorded_at);
		rc |= b_text(st, STORE_SESSION_UID, x->uid);
		rc |= b_int(st, STORE_SESSION_SECONDS, x->seconds,
			    x->seconds == 0);
		break;
	}
	case STORE_TABLE_SCREENING: {
		const struct store_dump_screening *x = &d->screenings[i];

		rc |= b_int(st, STORE_SCREENING_ID, x->id, 0);
		rc |= b_note(st, STORE_SCREENING_FLAG, x->flag);
		rc |= b_int(st, STORE_SCREENING_ANSWER, x->answer, 0);
		rc |= b_note(st, STORE_SCREENING_ASKED_AT, x->asked_at);
		rc |= b_text(st, STORE_SCREENING_CHECKED_ON, x->checked_on);
		rc |= b_text(st, STORE_SCREENING_UID, x->uid);
		/* A file from before revisions were kept: the first. */
		rc |= b_int(st, STORE_SCREENING_REVISION,
			    x->revision != 0 ? x->revision : 1, 0);
		break;
	}
	case STORE_TABLE_PROFILE: {
		const struct store_dump_profile *x = &d->profile[i];

		rc |= b_note(st, STORE_PROFILE_KEY, x->key);
		rc |= b_note(st, STORE_PROFILE_VALUE, x->value);
		rc |= b_text(st, STORE_PROFILE_UID, x->uid);
		break;
	}
	case STORE_TABLE_HABIT: {
		const struct store_habit *x = &d->habits[i];

		rc |= b_int(st, STORE_HABIT_ID, x->id, 0);
		rc |= b_note(st, STORE_HABIT_APPROACH, x->approach);
		rc |=
		    b_int(st, STORE_HABIT_TRIAL, x->trial_id, x->trial_id == 0);
		rc |= b_text(st, STORE_HABIT_KEPT_ON, x->kept_on);
		rc |= b_text(st, STORE_HABIT_DROPPED_ON, x->dropped_on);
		rc |= b_text(st, STORE_HABIT_UID, x->uid);
		break;
	}
	case STORE_TABLE_FLARE: {
		const struct store_flare *x = &d->flares[i];

		rc |= b_int(st, STORE_FLARE_ID, x->id, 0);
		rc |= b_text(st, STORE_FLARE_BEGAN_ON, x->began_on);
		rc |= b_text(st, STORE_FLARE_ENDED_ON, x->ended_on);
		rc |= b_text(st, STORE_FLARE_ENDED_BY,
			     flare_end_name(x->ended_by));
		if (x->ended_by != FLARE_OPEN &&
		    flare_end_name(x->ended_by)[0] == '\0')
			rc |= sqlite3_bind_int(st, 2 + STORE_FLARE_ENDED_BY,
					       (int)x->ended_by);
		rc |=
		    b_int(st, STORE_FLARE_PAIN, x->pain, x->pain == ENTRY_NONE);
		rc |= b_note(st, STORE_FLARE_NOTE, x->note);
		rc |= b_note(st, STORE_FLARE_RECORDED_AT, x->recorded_at);
		rc |= b_text(st, STORE_FLARE_UID, x->uid);
		break;
	}
	case STORE_TABLE_LESSON: {
		const struct store_lesson *x = &d->lessons[i];

		rc |= b_int(st, STORE_LESSON_ID, x->id, 0);
		rc |= b_note(st, STORE_LESSON_LESSON, x->lesson);
		rc |= b_note(st, STORE_LESSON_MOMENT, x->moment);
		rc |= b_text(st, STORE_LESSON_READ_ON, x->read_on);
		rc |= b_text(st, STORE_LESSON_DISMISSED_ON, x->dismissed_on);
		rc |= b_note(st, STORE_LESSON_RECORDED_AT, x->recorded_at);
		rc |= b_text(st, STORE_LESSON_UID, x->uid);
		break;
	}
	case STORE_TABLE_PAUSE: {
		const struct store_pause *x = &d->pauses[i];

		rc |= b_int(st, STORE_PAUSE_ID, x->id, 0);
		rc |= b_int(st, STORE_PAUSE_TRIAL, x->trial_id, 0);
		rc |= b_text(st, STORE_PAUSE_PAUSED_ON, x->paused_on);
		rc |= b_text(st, STORE_PAUSE_RESUMED_ON, x->resumed_on);
		rc |= b_note(st, STORE_PAUSE_RECORDED_AT, x->recorded_at);
		rc |= b_text(st, STORE_PAUSE_UID, x->uid);
		break;
	}
	default:
		break;
	}
	return rc;
}

static size_t
rows_of(const struct store_dump *d, enum store_table_id t)
{
	const size_t n[STORE_TABLES] = {
	    [STORE_TABLE_CHECKIN] = d->ncheckins,
	    [STORE_TABLE_ANSWER] = d->nanswers,
	    [STORE_TABLE_TRIAL] = d->ntrials,
	    [STORE_TABLE_SESSION] = d->nsessions,
	    [STORE_TABLE_SCREENING] = d->nscreenings,
	    [STORE_TABLE_PROFILE] = d->nprofile,
	    [STORE_TABLE_HABIT] = d->nhabits,
	    [STORE_TABLE_FLARE] = d->nflares,
	    [STORE_TABLE_LESSON] = d->nlessons,
	    [STORE_TABLE_PAUSE] = d->npauses,
	};

	return n[t];
}

static int
refuse(struct store_import_result *res, enum store_table_id t, size_t row,
       char **cause, char *why)
{
	res->table = store_tables[t].name;
	res->row = row;
	*cause = why;
	return EX_DATAERR;
}

/* The rows of table t into imp_T, one prepared INSERT for all; a row the
 * TEMP table's unique indexes refuse is the second of a uid or a key. */
static int
load(struct store *s, const struct store_dump *d, enum store_table_id t,
     struct store_import_result *res, char **cause)
{
	const struct store_table *tb = &store_tables[t];
	size_t i, k, n = rows_of(d, t);
	struct buf sql;
	sqlite3_stmt *st;
	int rc = SQLITE_OK, code;

	buf_init(&sql);
	buf_printf(&sql, "INSERT INTO imp_%s (pos, %s) VALUES (?1", tb->name,
		   store_columns_sql(t, 1));
	for (k = 0; k < tb->nexported; k++)
		buf_printf(&sql, ", ?%zu", k + 2);
	buf_adds(&sql, ")");
	code = store_prepare(s, sql.data, &st, cause);
	buf_free(&sql);
	if (code != 0)
		return code;
	for (i = 0; i < n && rc == SQLITE_OK; i++) {
		sqlite3_reset(st);
		sqlite3_clear_bindings(st);
		if ((rc = bind_row(st, t, d, i)) == SQLITE_OK &&
		    (rc = sqlite3_step(st)) == SQLITE_DONE)
			rc = SQLITE_OK;
	}
	sqlite3_finalize(st);
	if (rc == SQLITE_OK)
		return 0;
	if ((rc & 0xff) == SQLITE_CONSTRAINT)
		return refuse(
		    res, t, i - 1, cause,
		    xasprintf("a second %s with this %s: the file "
			      "has each once",
			      tb->what,
			      strstr(sqlite3_errmsg(s->db), ".uid") != NULL
				  ? "uid"
			      : once[t] != NULL ? once[t]
						: "key"));
	return store_sqlerr(s, rc, "importing", cause);
}

/* The first row of sql (its pos, then a message) refuses the dump as row
 * pos of table t; none passes. */
static int
first_refused(struct store *s, enum store_table_id t, const char *sql,
	      struct store_import_result *res, char **cause)
{
	sqlite3_stmt *st;
	const unsigned char *why;
	int rc, code;

	if ((code = store_prepare(s, sql, &st, cause)) != 0)
		return code;
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		why = sqlite3_column_text(st, 1);
		code = refuse(
		    res, t, (size_t)sqlite3_column_int64(st, 0), cause,
		    store_shown(why != NULL ? (const char *)why : "refused"));
		sqlite3_finalize(st);
		return code;
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : store_sqlerr(s, rc, "importing", cause);
}

static int
check_values(struct store *s, enum store_table_id t,
	     struct store_import_result *res, char **cause)
{
	char *sql =
	    xasprintf("SELECT pos, p FROM (SELECT pos,"
		      " backpain_problem(0, %d, %s) AS p FROM imp_%s)"
		      " WHERE p IS NOT NULL ORDER BY pos LIMIT 1",
		      (int)t, store_columns_sql(t, 1), store_tables[t].name);
	int code = first_refused(s, t, sql, res, cause);

	free(sql);
	return code;
}

/*
 * What the file's rows keep among themselves, as the program's writes
 * keep them in one log: an answer of a check-in of the file; the trials of
 * an approach one after the other, each starting on or after the day the
 * one before ended, only the last running (the rows in order of their
 * start, each against the one before: LAG); the same for the flare-ups,
 * which are one after the other too; a habit of a trial of the file, of
 * its approach, one kept at a time; a pause week of a trial of the file,
 * on one of its days. Each query yields the first row that
 * breaks its rule, with why.
 */
static const struct {
	enum store_table_id t;
	const char *sql;
} among[] = {
    {STORE_TABLE_ANSWER,
     "SELECT pos, 'the file has no check-in of ' || day || ', the day of"
     " this answer' FROM imp_answer AS a WHERE NOT EXISTS (SELECT 1"
     " FROM imp_checkin AS c WHERE c.day = a.day) ORDER BY pos LIMIT 1"},
    {STORE_TABLE_TRIAL,
     "SELECT pos, CASE WHEN prev_end IS NULL THEN 'a second running"
     " trial of ' || approach || ' (since ' || prev_start || ')'"
     " ELSE 'this trial of ' || approach || ' from ' || started_on"
     " || ' starts inside the one from ' || prev_start || ' to '"
     " || prev_end || ': a trial starts on or after the day the one"
     " before it ended' END FROM (SELECT pos, approach, started_on,"
     " lag(started_on) OVER w AS prev_start, lag(ended_on) OVER w AS"
     " prev_end, lag(pos) OVER w AS prev FROM imp_trial WINDOW w AS"
     " (PARTITION BY approach ORDER BY started_on, ended_on IS NULL,"
     " ended_on, pos)) WHERE prev IS NOT NULL AND (prev_end IS NULL OR"
     " prev_end > started_on) ORDER BY pos LIMIT 1"},
    {STORE_TABLE_FLARE,
     "SELECT pos, CASE WHEN prev_end IS NULL THEN 'a second open"
     " flare-up (the one from ' || prev_start || ' is open): one is open"
     " at most' ELSE 'this flare-up from ' || began_on || ' shares days"
     " with the one from ' || prev_start || ' to ' || prev_end END"
     " FROM (SELECT pos, began_on, lag(began_on) OVER w AS prev_start,"
     " lag(ended_on) OVER w AS prev_end, lag(pos) OVER w AS prev"
     " FROM imp_flare WINDOW w AS (ORDER BY began_on, ended_on IS NULL,"
     " ended_on, pos)) WHERE prev IS NOT NULL AND (prev_end IS NULL OR"
     " prev_end > began_on) ORDER BY pos LIMIT 1"},
    {STORE_TABLE_HABIT,
     "SELECT h.pos, CASE WHEN t.pos IS NULL THEN 'trial_id ' ||"
     " h.trial_id || ': no such trial among those imported' ELSE"
     " 'trial_id ' || h.trial_id || ' is a trial of ' || t.approach"
     " || ', not of ' || h.approach END FROM imp_habit AS h LEFT JOIN"
     " imp_trial AS t ON t.id = h.trial_id WHERE h.trial_id IS NOT NULL"
     " AND (t.pos IS NULL OR t.approach IS NOT h.approach)"
     " ORDER BY h.pos LIMIT 1"},
    {STORE_TABLE_HABIT,
     "SELECT pos, approach || ' is kept as a habit a second time: at"
     " most once at a time' FROM imp_habit AS h WHERE dropped_on IS NULL"
     " AND EXISTS (SELECT 1 FROM imp_habit AS o WHERE o.approach ="
     " h.approach AND o.dropped_on IS NULL AND o.pos < h.pos)"
     " ORDER BY pos LIMIT 1"},
    {STORE_TABLE_PAUSE,
     "SELECT p.pos, CASE WHEN t.pos IS NULL THEN 'trial_id ' ||"
     " p.trial_id || ': no such trial among those imported' ELSE"
     " 'paused_on ' || p.paused_on || ' is not a day of its trial (' ||"
     " t.started_on || ' to ' || ifnull(t.ended_on, 'today') || ')' END"
     " FROM imp_trial_pause AS p LEFT JOIN imp_trial AS t ON t.id ="
     " p.trial_id WHERE t.pos IS NULL OR p.paused_on < t.started_on OR"
     " p.paused_on > t.ended_on ORDER BY p.pos LIMIT 1"},
};

int
store_import_load(struct store *s, const struct store_dump *d,
		  struct store_import_result *res, char **cause)
{
	size_t k;
	int t, code;

	if ((code = create(s, cause)) != 0)
		return code;
	for (t = 0; t < STORE_TABLES; t++)
		if ((code = load(s, d, (enum store_table_id)t, res, cause)) !=
			0 ||
		    (code = check_values(s, (enum store_table_id)t, res,
					 cause)) != 0)
			return code;
	for (k = 0; k < sizeof among / sizeof among[0]; k++)
		if ((code = first_refused(s, among[k].t, among[k].sql, res,
					  cause)) != 0)
			return code;
	return 0;
}
