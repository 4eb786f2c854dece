/*
 * store_import_match.c: the import's statements and what it knows of each
 * table beyond the column table, and each row of the file matched to the
 * log's: the uids an older export lacks (store_import.c's header comment
 * says by what), then the class of each row.  store_import.c merges the
 * rows by their classes.
 */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "store_import_int.h"
#include "store_int.h"
#include "util.h"

int
store_import_sql_fail(struct store_import_merge *m, int rc)
{
	return store_sqlerr(m->s, rc, "importing", m->cause);
}

int
store_import_execf(struct store_import_merge *m, const char *fmt, ...)
{
	va_list ap;
	char *sql;
	int rc;

	va_start(ap, fmt);
	sql = xvasprintf(fmt, ap);
	va_end(ap);
	rc = sqlite3_exec(m->s->db, sql, NULL, NULL, NULL);
	free(sql);
	return rc == SQLITE_OK ? 0 : store_import_sql_fail(m, rc);
}

/* The rows the last statement changed. */
size_t
store_import_changed(const struct store_import_merge *m)
{
	return (size_t)sqlite3_changes(m->s->db);
}

int
store_import_countf(struct store_import_merge *m, size_t *out, const char *fmt,
		    ...)
{
	va_list ap;
	char *sql;
	int rc, n = 0;

	va_start(ap, fmt);
	sql = xvasprintf(fmt, ap);
	va_end(ap);
	rc = store_sql_int(m->s->db, sql, &n);
	free(sql);
	*out = (size_t)n;
	return rc == SQLITE_OK ? 0 : store_import_sql_fail(m, rc);
}

/* Each row sql yields (a name, made safe to show) into res->changed,
 * followed by how. */
int
store_import_namef(struct store_import_merge *m, const char *how,
		   const char *fmt, ...)
{
	struct store_import_result *res = m->res;
	va_list ap;
	sqlite3_stmt *st;
	const unsigned char *name;
	char *sql, *shown;
	int rc, code;

	va_start(ap, fmt);
	sql = xvasprintf(fmt, ap);
	va_end(ap);
	code = store_prepare(m->s, sql, &st, m->cause);
	free(sql);
	if (code != 0)
		return code;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		name = sqlite3_column_text(st, 0);
		shown = store_shown(name != NULL ? (const char *)name : "?");
		res->changed = xreallocarray(res->changed, res->nchanged + 1,
					     sizeof *res->changed);
		res->changed[res->nchanged++] = xasprintf("%s: %s", shown, how);
		free(shown);
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : store_import_sql_fail(m, rc);
}

/* What the merge knows of each table (store_import_int.h says what). */
#define COL(c) (1u << (c))
const struct store_import_table store_import_tm[STORE_TABLES] = {
    [STORE_TABLE_CHECKIN] =
	{"day", COL(STORE_CHECKIN_UID) | COL(STORE_CHECKIN_REVISION),
	 "f.revision > l.revision", "f.revision < l.revision",
	 "'the check-in of ' || l.day || ' (pain ' || l.pain || ')'",
	 "'check-in of ' || f.day"},
    [STORE_TABLE_ANSWER] = {"day, question_id", COL(STORE_ANSWER_UID), "0", "0",
			    "'the answer of ' || l.day || ' to ' ||"
			    " l.question_id || ' (' || substr(l.value, 1, 40)"
			    " || ')'",
			    "'answer of ' || f.day || ' to ' || f.question_id"},
    [STORE_TABLE_TRIAL] =
	{"approach, started_on", COL(STORE_TRIAL_ID) | COL(STORE_TRIAL_UID),
	 "l.ended_on IS NULL AND f.ended_on IS NOT NULL"
	 " AND l.approach = f.approach AND l.started_on = f.started_on",
	 "f.ended_on IS NULL AND l.ended_on IS NOT NULL"
	 " AND l.approach = f.approach AND l.started_on = f.started_on",
	 "'the trial of ' || l.approach || ' from ' || l.started_on ||"
	 " ifnull(' to ' || l.ended_on, ', running')",
	 "'trial of ' || f.approach || ' (' || f.started_on || ' to ' ||"
	 " ifnull(f.ended_on, 'now') || ')'"},
    [STORE_TABLE_SESSION] =
	{NULL, COL(STORE_SESSION_ID) | COL(STORE_SESSION_UID), "0", "0",
	 "'the session of ' || l.practice || ' on ' || l.day ||"
	 " ifnull(' (' || l.minutes || ' min)', ' (marked done)')",
	 "'session of ' || f.practice || ' on ' || f.day"},
    [STORE_TABLE_SCREENING] =
	{"flag_id, asked_at",
	 COL(STORE_SCREENING_ID) | COL(STORE_SCREENING_UID),
	 "l.checked_on IS NULL AND f.checked_on IS NOT NULL"
	 " AND l.flag_id = f.flag_id AND l.answer = f.answer"
	 " AND l.asked_at = f.asked_at",
	 "f.checked_on IS NULL AND l.checked_on IS NOT NULL"
	 " AND l.flag_id = f.flag_id AND l.answer = f.answer"
	 " AND l.asked_at = f.asked_at",
	 "'the answer to ' || l.flag_id || ' of ' || l.asked_at || ' (' ||"
	 " CASE l.answer WHEN 1 THEN 'yes' ELSE 'no' END || ')'",
	 "'answer to ' || f.flag_id || ' (' || f.asked_at || ')'"},
    [STORE_TABLE_PROFILE] =
	{"key", COL(STORE_PROFILE_UID), "0", "0",
	 "'the profile''s ' || l.key || ' (' || substr(l.value, 1, 40) ||"
	 " ')'",
	 "'profile entry ' || f.key"},
    [STORE_TABLE_HABIT] =
	{"approach, kept_on", COL(STORE_HABIT_ID) | COL(STORE_HABIT_UID),
	 "l.dropped_on IS NULL AND f.dropped_on IS NOT NULL"
	 " AND l.approach = f.approach AND l.kept_on = f.kept_on"
	 " AND l.trial_id IS f.trial",
	 "f.dropped_on IS NULL AND l.dropped_on IS NOT NULL"
	 " AND l.approach = f.approach AND l.kept_on = f.kept_on"
	 " AND l.trial_id IS f.trial",
	 "'the habit of ' || l.approach || ' kept on ' || l.kept_on ||"
	 " ifnull(', dropped on ' || l.dropped_on, '')",
	 "'habit of ' || f.approach || ' kept on ' || f.kept_on"},
    [STORE_TABLE_FLARE] =
	{"began_on", COL(STORE_FLARE_ID) | COL(STORE_FLARE_UID),
	 "l.ended_on IS NULL AND f.ended_on IS NOT NULL"
	 " AND l.began_on = f.began_on AND l.pain IS f.pain"
	 " AND l.note IS f.note AND l.recorded_at = f.recorded_at",
	 "f.ended_on IS NULL AND l.ended_on IS NOT NULL"
	 " AND l.began_on = f.began_on AND l.pain IS f.pain"
	 " AND l.note IS f.note AND l.recorded_at = f.recorded_at",
	 "'the flare-up from ' || l.began_on ||"
	 " ifnull(' to ' || l.ended_on, ', open')",
	 "'flare-up that began on ' || f.began_on"},
    /* A lesson's row is an event known by its uid alone (the table came
     * with uids: a file's rows all have one): the log's, or added. */
    [STORE_TABLE_LESSON] =
	{NULL, COL(STORE_LESSON_ID) | COL(STORE_LESSON_UID), "0", "0",
	 "'the lesson row of ' || l.lesson_id || ' (' ||"
	 " ifnull('read on ' || l.read_on, 'put off on ' || l.dismissed_on)"
	 " || ')'",
	 "'lesson row of ' || f.lesson_id"},
    [STORE_TABLE_PAUSE] =
	{NULL, COL(STORE_PAUSE_ID) | COL(STORE_PAUSE_UID),
	 "l.resumed_on IS NULL AND f.resumed_on IS NOT NULL"
	 " AND l.trial_id IS f.trial AND l.paused_on = f.paused_on"
	 " AND l.recorded_at = f.recorded_at",
	 "f.resumed_on IS NULL AND l.resumed_on IS NOT NULL"
	 " AND l.trial_id IS f.trial AND l.paused_on = f.paused_on"
	 " AND l.recorded_at = f.recorded_at",
	 "'the pause week of ' || ifnull((SELECT approach FROM main.trial AS"
	 " t WHERE t.id = l.trial_id), 'trial ' || l.trial_id) || ' from ' ||"
	 " l.paused_on || ifnull(', resumed on ' || l.resumed_on, ', paused')",
	 "'pause week of trial_id ' || f.trial_id || ' from ' || f.paused_on"},
};

/* The value of column c of a row of the file (f) as the log would hold
 * it: a habit's or a pause week's trial is the log's trial, not the
 * file's trial_id. */
const char *
store_import_file_col(enum store_table_id t, size_t c)
{
	if ((t == STORE_TABLE_HABIT && c == STORE_HABIT_TRIAL) ||
	    (t == STORE_TABLE_PAUSE && c == STORE_PAUSE_TRIAL))
		return "trial";
	return store_tables[t].columns[c].name;
}

/* Column c of a row of t on side (f or l) as compared: a check-in's
 * pain_set_at as the store reads it, recorded_at where it is NULL (a row
 * from before issue 18's step, or of a file from before it), so that an
 * older export of a log is the same as the log. */
static void
compared_col(struct buf *x, enum store_table_id t, size_t c, const char *side,
	     int file)
{
	if (t == STORE_TABLE_CHECKIN && c == STORE_CHECKIN_PAIN_SET_AT)
		buf_printf(x, "ifnull(%s.pain_set_at, %s.recorded_at)", side,
			   side);
	else
		buf_printf(x, "%s.%s", side,
			   file ? store_import_file_col(t, c)
				: store_tables[t].columns[c].name);
}

/* Over the compared columns of t, each "a.c OP b.c" joined by sep (a is
 * the file's side when file is set). */
static char *
each_col(enum store_table_id t, const char *a, const char *op, const char *b,
	 const char *sep, int file)
{
	const struct store_table *tb = &store_tables[t];
	struct buf x;
	size_t c;

	buf_init(&x);
	for (c = 0; c < tb->nexported; c++) {
		if (store_import_tm[t].skip & COL(c))
			continue;
		buf_adds(&x, x.len > 0 ? sep : "");
		compared_col(&x, t, c, a, file);
		buf_printf(&x, " %s ", op);
		compared_col(&x, t, c, b, 0);
	}
	return buf_take(&x);
}

/* The first compared column whose value differs, as messages name it. */
char *
store_import_differs(enum store_table_id t)
{
	const struct store_table *tb = &store_tables[t];
	struct buf x;
	size_t c;

	const char *p;

	buf_init(&x);
	buf_adds(&x, "CASE");
	for (c = 0; c < tb->nexported; c++) {
		if (store_import_tm[t].skip & COL(c))
			continue;
		buf_adds(&x, " WHEN ");
		compared_col(&x, t, c, "f", 1);
		buf_adds(&x, " IS NOT ");
		compared_col(&x, t, c, "l", 0);
		buf_adds(&x, " THEN '");
		/* As an SQL string: a quote doubled. */
		for (p = tb->columns[c].what; *p != '\0'; p++)
			if (*p == '\'')
				buf_adds(&x, "''");
			else
				buf_addc(&x, *p);
		buf_addc(&x, '\'');
	}
	buf_adds(&x, " ELSE 'answers' END");
	return buf_take(&x);
}

/* Key columns "f.k = l.k AND ..." of t's fallback key. */
static char *
key_eq(enum store_table_id t, const char *a, const char *b)
{
	struct buf x;
	char *keys = xstrdup(store_import_tm[t].key), *k, *save = NULL;

	buf_init(&x);
	for (k = strtok_r(keys, ", ", &save); k != NULL;
	     k = strtok_r(NULL, ", ", &save))
		buf_printf(&x, "%s%s.%s = %s.%s", x.len > 0 ? " AND " : "", a,
			   k, b, k);
	free(keys);
	return buf_take(&x);
}

/* The log and the file hold a check-in's day, an answer's day and
 * question, a profile key once (their unique indexes). */
static int
key_unique(enum store_table_id t)
{
	return t == STORE_TABLE_CHECKIN || t == STORE_TABLE_ANSWER ||
	       t == STORE_TABLE_PROFILE;
}

/*
 * The uids of the file's rows that have none (an older export): the log's
 * row of the same key where the log keeps the key unique; else the log's
 * row of the same values, the k-th equal row of the file taking the k-th
 * equal row of the log, then of the same key where the key is unique on
 * both sides; else a new uid.
 */
int
store_import_fallback_uids(struct store_import_merge *m, enum store_table_id t)
{
	const char *name = store_tables[t].name;
	char *fcols, *lcols, *on, *keys;
	struct buf fc, lc;
	size_t c;
	int code = 0;

	/* A mark of a practice (a session without minutes) that the log does
	 * not have is there all the same when the log has the practice
	 * marked or timed that day: a practice is marked once a day, as
	 * store_checkin_write() marks. */
	if (t == STORE_TABLE_SESSION &&
	    (code = store_import_execf(
		 m,
		 "UPDATE imp_session SET class = %d,"
		 " uid = ifnull(uid, lower(hex(randomblob(16))))"
		 " WHERE minutes IS NULL AND (uid IS NULL OR uid NOT"
		 " IN (SELECT uid FROM session WHERE uid IS NOT NULL))"
		 " AND EXISTS (SELECT 1 FROM session AS l WHERE"
		 " l.practice = imp_session.practice"
		 " AND l.day = imp_session.day)",
		 STORE_IMPORT_SAME)) != 0)
		return code;
	if (!key_unique(t)) {
		/* The values as one JSON array (NULL, a number and a text
		 * stay apart), so that the join is on one = and SQLite can
		 * index it: the time stays near n log n on a long log. */
		buf_init(&fc);
		buf_init(&lc);
		for (c = 0; c < store_tables[t].nexported; c++) {
			if (store_import_tm[t].skip & COL(c))
				continue;
			buf_printf(&fc, "%s%s", fc.len ? ", " : "",
				   store_import_file_col(t, c));
			buf_printf(&lc, "%s%s", lc.len ? ", " : "",
				   store_tables[t].columns[c].name);
		}
		fcols = buf_take(&fc);
		lcols = buf_take(&lc);
		code = store_import_execf(
		    m,
		    "CREATE TEMP TABLE imp_values AS SELECT uid, json_array(%s)"
		    " AS v, row_number() OVER (PARTITION BY json_array(%s)"
		    " ORDER BY id) AS k FROM main.%s WHERE uid NOT IN (SELECT"
		    " uid FROM imp_%s WHERE uid IS NOT NULL);"
		    "CREATE INDEX temp.imp_values_v ON imp_values (v, k);"
		    "UPDATE imp_%s SET uid = m.uid FROM (SELECT f.pos AS pos,"
		    " l.uid AS uid FROM (SELECT pos, json_array(%s) AS v,"
		    " row_number() OVER (PARTITION BY json_array(%s)"
		    " ORDER BY pos) AS k FROM imp_%s WHERE uid IS NULL AND"
		    " class IS NULL) AS f JOIN imp_values AS l ON l.v = f.v"
		    " AND l.k = f.k) AS m WHERE imp_%s.pos = m.pos;"
		    "DROP TABLE imp_values;",
		    lcols, lcols, name, name, name, fcols, fcols, name, name);
		free(fcols);
		free(lcols);
		if (code != 0)
			return code;
	}
	if (store_import_tm[t].key != NULL) {
		keys = key_eq(t, "f", "l");
		on = key_eq(t, "f2", "f");
		lcols = key_eq(t, "l2", "l");
		/* A key unique in both needs no count. */
		code = store_import_execf(
		    m,
		    "UPDATE imp_%s SET uid = m.uid FROM (SELECT f.pos AS pos,"
		    " l.uid AS uid FROM imp_%s AS f JOIN main.%s AS l ON %s"
		    " WHERE f.uid IS NULL AND f.class IS NULL"
		    " AND l.uid NOT IN (SELECT uid FROM imp_%s"
		    " WHERE uid IS NOT NULL)"
		    " AND (%d OR ((SELECT count(*) FROM imp_%s AS f2 WHERE"
		    " f2.uid IS NULL AND %s) = 1"
		    " AND (SELECT count(*) FROM main.%s AS l2 WHERE %s AND"
		    " l2.uid NOT IN (SELECT uid FROM imp_%s WHERE uid IS NOT"
		    " NULL)) = 1))) AS m WHERE imp_%s.pos = m.pos",
		    name, name, name, keys, name, key_unique(t), name, on, name,
		    lcols, name, name);
		free(keys);
		free(on);
		free(lcols);
		if (code != 0)
			return code;
	}
	return store_import_execf(
	    m,
	    "UPDATE imp_%s SET uid = lower(hex(randomblob(16)))"
	    " WHERE uid IS NULL",
	    name);
}

/* The class of each row of the file not yet classed, by the log's row of
 * its uid (a check-in with its answers). */
int
store_import_classify(struct store_import_merge *m, enum store_table_id t)
{
	const char *name = store_tables[t].name;
	char *same = each_col(t, "f", "IS", "l", " AND ", 1);
	const char *answers_same =
	    t != STORE_TABLE_CHECKIN
		? ""
		: " AND (SELECT count(*) FROM imp_answer AS fa WHERE fa.day ="
		  " f.day) = (SELECT count(*) FROM answer AS la WHERE la.day ="
		  " l.day) AND NOT EXISTS (SELECT 1 FROM imp_answer AS fa"
		  " WHERE fa.day = f.day AND NOT EXISTS (SELECT 1 FROM answer"
		  " AS la WHERE la.uid = fa.uid AND la.day = fa.day AND"
		  " la.question_id = fa.question_id AND la.value = fa.value))";
	int code;

	code = store_import_execf(
	    m,
	    "UPDATE imp_%s AS f SET class = ifnull((SELECT CASE"
	    " WHEN %s%s THEN %d WHEN %s THEN %d WHEN %s THEN %d"
	    " ELSE %d END FROM main.%s AS l WHERE l.uid = f.uid), %d)"
	    " WHERE class IS NULL",
	    name, same, answers_same, STORE_IMPORT_SAME,
	    store_import_tm[t].newer, STORE_IMPORT_NEWER,
	    store_import_tm[t].older, STORE_IMPORT_OLDER,
	    STORE_IMPORT_DIFFERENT, name, STORE_IMPORT_NEW);
	free(same);
	return code;
}
