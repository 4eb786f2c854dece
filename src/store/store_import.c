/*
 * store_import.c: a whole log written back from an export (store.h), in
 * one transaction, the way SQLite's own .import works: the dump's rows are
 * loaded into TEMP tables and checked there (store_import_check.c), then
 * merged into the log table by table with set-based statements, whose
 * changes() and counts are what the import reports.
 *
 * A row is known by its uid. A file's row without one (an export from
 * before schema version 6) takes the uid of the log's row it matches: by
 * its key where the log keeps the key unique (a check-in's day, an
 * answer's day and question, a profile key); else by every value, the
 * k-th equal row of the file the k-th of the log, so that two rows the
 * program wrote alike stay two; else by a key (a trial's approach and
 * start, a flare-up's start, ...) where it is unique on both sides. A row
 * still without a uid gets a new one.
 *
 * Each row of the file is then, to the log (the imp_T.class):
 *   NEW        no row of the log has its uid: added
 *   SAME       the log's row of its uid holds the same: nothing to do
 *   NEWER      the log holds an older copy (a trial running that the file
 *              has ended, a habit not yet dropped, a flare-up not yet over,
 *              a yes not yet checked by a doctor, a check-in of a lower
 *              revision): the file's takes its place
 *   OLDER      the log holds a newer copy: the log's stays, --replace or
 *              not; an older copy never replaces a newer one
 *   DIFFERENT  the log holds another copy, neither older nor newer
 * and a row to be added or taken may clash with another row of the log: a
 * check-in of the same day, a profile key, a trial of the approach whose
 * days it shares (a trial may start on the day the one before it ended,
 * never inside it; one runs at a time, as store_trial_start() allows), a
 * flare-up likewise, a second kept habit, a second pause week of a trial.
 * A habit's and a pause week's trial is the log's copy of the file's
 * trial (found by the trial's uid, the trials merged first); the log's
 * pause weeks of a trial --replace removes go with it, named. Plain import
 * refuses with the first DIFFERENT or clashing row, in the order of the tables
 * and rows;
 * --replace takes the file's, removing the log's rows it clashes with.
 * Every row of the log replaced or removed is named in res->changed.
 */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "store_int.h"
#include "util.h"

enum { NEW, SAME, NEWER, OLDER, DIFFERENT };

struct merge {
	struct store *s;
	const struct store_dump *d;
	int replace, empty;
	char now[STORE_TIMESTAMP_LEN];
	struct store_import_result *res;
	char **cause;
};

static int
sql_fail(struct merge *m, int rc)
{
	return store_sqlerr(m->s, rc, "importing", m->cause);
}

static int execf(struct merge *m, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
static int
execf(struct merge *m, const char *fmt, ...)
{
	va_list ap;
	char *sql;
	int rc;

	va_start(ap, fmt);
	sql = xvasprintf(fmt, ap);
	va_end(ap);
	rc = sqlite3_exec(m->s->db, sql, NULL, NULL, NULL);
	free(sql);
	return rc == SQLITE_OK ? 0 : sql_fail(m, rc);
}

/* The rows the last statement changed. */
static size_t
changed(const struct merge *m)
{
	return (size_t)sqlite3_changes(m->s->db);
}

static int countf(struct merge *m, size_t *out, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static int
countf(struct merge *m, size_t *out, const char *fmt, ...)
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
	return rc == SQLITE_OK ? 0 : sql_fail(m, rc);
}

/* Each row sql yields (a name, made safe to show) into res->changed,
 * followed by how. */
static int namef(struct merge *m, const char *how, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static int
namef(struct merge *m, const char *how, const char *fmt, ...)
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
	return rc == SQLITE_DONE ? 0 : sql_fail(m, rc);
}

/*
 * What the merge knows of each table beyond the column table: the key an
 * older file's row is matched by (NULL: by its values only); the columns
 * whose values are not compared (the row id, the uid, a check-in's
 * revision; a habit's or a pause week's trial is compared as the log's,
 * file_col()); when
 * the file's copy (f) of a row is newer than the log's (l), and when it is
 * older; how a row of the log (l) is named, and a row of the file (f) in a
 * refusal.
 */
#define COL(c) (1u << (c))
static const struct table_merge {
	const char *key;
	unsigned skip;
	const char *newer, *older;
	const char *log_name, *file_name;
} tm[STORE_TABLES] = {
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
static const char *
file_col(enum store_table_id t, size_t c)
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
			   file ? file_col(t, c)
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
		if (tm[t].skip & COL(c))
			continue;
		buf_adds(&x, x.len > 0 ? sep : "");
		compared_col(&x, t, c, a, file);
		buf_printf(&x, " %s ", op);
		compared_col(&x, t, c, b, 0);
	}
	return buf_take(&x);
}

/* The first compared column whose value differs, as messages name it. */
static char *
differs(enum store_table_id t)
{
	const struct store_table *tb = &store_tables[t];
	struct buf x;
	size_t c;

	const char *p;

	buf_init(&x);
	buf_adds(&x, "CASE");
	for (c = 0; c < tb->nexported; c++) {
		if (tm[t].skip & COL(c))
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
	char *keys = xstrdup(tm[t].key), *k, *save = NULL;

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
static int
fallback_uids(struct merge *m, enum store_table_id t)
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
	    (code = execf(m,
			  "UPDATE imp_session SET class = %d,"
			  " uid = ifnull(uid, lower(hex(randomblob(16))))"
			  " WHERE minutes IS NULL AND (uid IS NULL OR uid NOT"
			  " IN (SELECT uid FROM session WHERE uid IS NOT NULL))"
			  " AND EXISTS (SELECT 1 FROM session AS l WHERE"
			  " l.practice = imp_session.practice"
			  " AND l.day = imp_session.day)",
			  SAME)) != 0)
		return code;
	if (!key_unique(t)) {
		/* The values as one JSON array (NULL, a number and a text
		 * stay apart), so that the join is on one = and SQLite can
		 * index it: the time stays near n log n on a long log. */
		buf_init(&fc);
		buf_init(&lc);
		for (c = 0; c < store_tables[t].nexported; c++) {
			if (tm[t].skip & COL(c))
				continue;
			buf_printf(&fc, "%s%s", fc.len ? ", " : "",
				   file_col(t, c));
			buf_printf(&lc, "%s%s", lc.len ? ", " : "",
				   store_tables[t].columns[c].name);
		}
		fcols = buf_take(&fc);
		lcols = buf_take(&lc);
		code = execf(
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
	if (tm[t].key != NULL) {
		keys = key_eq(t, "f", "l");
		on = key_eq(t, "f2", "f");
		lcols = key_eq(t, "l2", "l");
		/* A key unique in both needs no count. */
		code = execf(
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
	return execf(m,
		     "UPDATE imp_%s SET uid = lower(hex(randomblob(16)))"
		     " WHERE uid IS NULL",
		     name);
}

/* The class of each row of the file not yet classed, by the log's row of
 * its uid (a check-in with its answers). */
static int
classify(struct merge *m, enum store_table_id t)
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

	code = execf(m,
		     "UPDATE imp_%s AS f SET class = ifnull((SELECT CASE"
		     " WHEN %s%s THEN %d WHEN %s THEN %d WHEN %s THEN %d"
		     " ELSE %d END FROM main.%s AS l WHERE l.uid = f.uid), %d)"
		     " WHERE class IS NULL",
		     name, same, answers_same, SAME, tm[t].newer, NEWER,
		     tm[t].older, OLDER, DIFFERENT, name, NEW);
	free(same);
	return code;
}

/*
 * The rows of the log a row of the file (f) clashes with (l), to be
 * taken (class NEW, NEWER, or DIFFERENT with --replace): SQL over f and l,
 * and the refusal naming the first. The log's rows the file takes the
 * place of are not the log's any more and clash with nothing.
 */
static const struct {
	enum store_table_id t;
	const char *where, *why;
} clashes[] = {
    {STORE_TABLE_CHECKIN, "l.day = f.day",
     "'the log already has another check-in for ' || f.day ||"
     " ' (--replace puts the file''s in its place)'"},
    {STORE_TABLE_PROFILE, "l.key = f.key",
     "'the log''s profile has another ' || f.key ||"
     " ' (--replace puts the file''s in its place)'"},
    {STORE_TABLE_TRIAL,
     "l.approach = f.approach AND (f.ended_on IS NULL OR f.ended_on >"
     " l.started_on) AND (l.ended_on IS NULL OR l.ended_on > f.started_on)",
     "CASE WHEN f.ended_on IS NULL AND l.ended_on IS NULL THEN f.approach"
     " || ' is already running in the log, since ' || l.started_on ||"
     " ' (--replace puts the file''s in place of the log''s)' ELSE"
     " 'this trial of ' || f.approach || ' from ' || f.started_on ||"
     " ifnull(' to ' || f.ended_on, ', running,') || ' shares days with"
     " the log''s from ' || l.started_on || ifnull(' to ' || l.ended_on,"
     " ', running') || ': a trial starts on or after the day the one"
     " before it ended (--replace puts the file''s in place of the"
     " log''s)' END"},
    {STORE_TABLE_HABIT,
     "f.dropped_on IS NULL AND l.dropped_on IS NULL AND l.approach ="
     " f.approach",
     "f.approach || ' is already kept as a habit in the log, since ' ||"
     " l.kept_on || ' (--replace puts the file''s in place of the"
     " log''s)'"},
    {STORE_TABLE_FLARE,
     "(f.ended_on IS NULL OR f.ended_on > l.began_on) AND (l.ended_on IS"
     " NULL OR l.ended_on > f.began_on)",
     "CASE WHEN f.ended_on IS NULL AND l.ended_on IS NULL THEN 'the log"
     " already has an open flare-up, since ' || l.began_on || ' (one is"
     " open at most)' ELSE 'this flare-up from ' || f.began_on || ' shares"
     " days with the log''s from ' || l.began_on || ifnull(' to ' ||"
     " l.ended_on, ' (open)') END || ' (--replace puts the file''s in"
     " place of the log''s)'"},
    {STORE_TABLE_PAUSE, "l.trial_id = f.trial",
     "'the log already has a pause week of this trial, from ' ||"
     " l.paused_on || ' (a trial is paused once; --replace puts the"
     " file''s in its place)'"},
};
#define CLASHES (sizeof clashes / sizeof clashes[0])

/* The file's rows that are taken (their class), the log's that stay. */
#define TAKEN "f.class IN (%d, %d, %d)"
#define STAYS "l.uid NOT IN (SELECT uid FROM imp_%s WHERE class IN (%d, %d))"

static int
clash_of(enum store_table_id t)
{
	size_t k;

	for (k = 0; k < CLASHES; k++)
		if (clashes[k].t == t)
			return (int)k;
	return -1;
}

/* Plain import: the first row of the file that is DIFFERENT or clashes. */
static int
first_disagreement(struct merge *m, enum store_table_id t)
{
	const char *name = store_tables[t].name;
	char *what = differs(t), *sql;
	int k = clash_of(t), code, rc;
	sqlite3_stmt *st;
	struct buf b;

	buf_init(&b);
	buf_printf(&b,
		   "SELECT f.pos, 'the log already has this ' || %s ||"
		   " ' with another ' || %s || ' (--replace puts the"
		   " file''s in its place)' FROM imp_%s AS f JOIN main.%s AS l"
		   " ON l.uid = f.uid WHERE f.class = %d",
		   tm[t].file_name, what, name, name, DIFFERENT);
	if (k >= 0)
		buf_printf(&b,
			   " UNION ALL SELECT * FROM (SELECT f.pos, %s FROM"
			   " imp_%s AS f JOIN main.%s AS l ON %s AND l.uid IS"
			   " NOT f.uid AND " STAYS " WHERE f.class IN (%d, %d)"
			   " ORDER BY f.pos LIMIT 1)",
			   clashes[k].why, name, name, clashes[k].where, name,
			   NEWER, DIFFERENT, NEW, NEWER);
	buf_adds(&b, " ORDER BY 1 LIMIT 1");
	free(what);
	sql = buf_take(&b);
	code = store_prepare(m->s, sql, &st, m->cause);
	free(sql);
	if (code != 0)
		return code;
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const unsigned char *why = sqlite3_column_text(st, 1);

		m->res->table = name;
		m->res->row = (size_t)sqlite3_column_int64(st, 0);
		*m->cause = store_shown(why != NULL ? (const char *)why : "");
		sqlite3_finalize(st);
		return EX_DATAERR;
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : sql_fail(m, rc);
}

/* The rows that go with a row of another table --replace removes, named
 * (the schema's cascade would take them unnamed): a check-in's answers, a
 * trial's pause week. The child's link column holds the parent's key. */
static const struct dependent {
	enum store_table_id parent, child;
	const char *link, *key;
	const char *order; /* the child's rows, as their names are listed */
	const char *how;
} dependents[] = {
    {STORE_TABLE_CHECKIN, STORE_TABLE_ANSWER, "day", "day",
     "l.day, l.question_id", "removed with its check-in"},
    {STORE_TABLE_TRIAL, STORE_TABLE_PAUSE, "trial_id", "id", "l.id",
     "removed with its trial"},
};
#define DEPENDENTS (sizeof dependents / sizeof dependents[0])

/* --replace: the log's rows the taken rows of the file clash with go,
 * named, with the rows that depend on them. *n their number. */
static int
remove_clashing(struct merge *m, enum store_table_id t, const char *how,
		size_t *n)
{
	const char *name = store_tables[t].name;
	int k = clash_of(t), code;
	size_t d, none = 0;
	char *rows;

	*n = 0;
	if (k < 0)
		return 0;
	rows =
	    xasprintf("SELECT l.uid FROM main.%s AS l JOIN imp_%s AS f ON"
		      " %s AND l.uid IS NOT f.uid WHERE " TAKEN " AND " STAYS,
		      name, name, clashes[k].where, NEW, NEWER, DIFFERENT, name,
		      NEWER, DIFFERENT);
	/* Mostly there are none: one look, then nothing more to do. */
	if ((code = countf(m, &none, "SELECT NOT EXISTS (%s)", rows)) != 0 ||
	    none) {
		free(rows);
		return code;
	}
	for (d = 0; d < DEPENDENTS; d++) {
		const struct dependent *dp = &dependents[d];
		const char *child = store_tables[dp->child].name;

		if (dp->parent != t)
			continue;
		if ((code = namef(m, dp->how,
				  "SELECT %s FROM %s AS l WHERE l.%s IN (SELECT"
				  " %s FROM %s WHERE uid IN (%s)) ORDER BY %s",
				  tm[dp->child].log_name, child, dp->link,
				  dp->key, name, rows, dp->order)) != 0 ||
		    (code = execf(m,
				  "DELETE FROM %s WHERE %s IN (SELECT %s FROM"
				  " %s WHERE uid IN (%s))",
				  child, dp->link, dp->key, name, rows)) != 0) {
			free(rows);
			return code;
		}
		m->res->n[dp->child].removed += changed(m);
	}
	if ((code = namef(m, how,
			  "SELECT %s FROM main.%s AS l WHERE uid IN (%s)"
			  " ORDER BY %s",
			  tm[t].log_name, name, rows,
			  t == STORE_TABLE_CHECKIN   ? "day"
			  : t == STORE_TABLE_PROFILE ? "key"
						     : "id")) == 0 &&
	    (code = execf(m, "DELETE FROM main.%s WHERE uid IN (%s)", name,
			  rows)) == 0)
		*n = changed(m);
	free(rows);
	return code;
}

/* The file's values of the rows of class cls put in place of the log's of
 * their uid, the log's named first; *n their number. */
static int
take_copies(struct merge *m, enum store_table_id t, int cls, const char *how,
	    size_t *n)
{
	const struct store_table *tb = &store_tables[t];
	struct buf set;
	size_t c;
	int code;

	*n = 0;
	if ((code = namef(m, how,
			  "SELECT %s FROM main.%s AS l JOIN imp_%s AS f ON"
			  " f.uid = l.uid WHERE f.class = %d ORDER BY f.pos",
			  tm[t].log_name, tb->name, tb->name, cls)) != 0)
		return code;
	buf_init(&set);
	for (c = 0; c < tb->nexported; c++) {
		if (c == 0 && tb->columns[c].type == STORE_TYPE_ROWID)
			continue;
		if (tb->columns[c].type == STORE_TYPE_UID)
			continue;
		if (t == STORE_TABLE_CHECKIN && c == STORE_CHECKIN_REVISION)
			buf_printf(&set,
				   "%srevision = ifnull(f.revision,"
				   " %s.revision)",
				   set.len ? ", " : "", tb->name);
		else
			buf_printf(&set, "%s%s = f.%s", set.len ? ", " : "",
				   tb->columns[c].name, file_col(t, c));
	}
	code = execf(m,
		     "UPDATE main.%s SET %s FROM imp_%s AS f WHERE"
		     " %s.uid = f.uid AND f.class = %d",
		     tb->name, set.data, tb->name, tb->name, cls);
	buf_free(&set);
	if (code == 0)
		*n = changed(m);
	return code;
}

/* The file's rows new to the log (class NEW), in their order: with their
 * ids into an empty log, so that its export is the file again. */
static int
add_rows(struct merge *m, enum store_table_id t, size_t *n)
{
	const struct store_table *tb = &store_tables[t];
	struct buf cols, vals;
	size_t c;
	int code;

	*n = 0;
	buf_init(&cols);
	buf_init(&vals);
	for (c = 0; c < tb->nexported; c++) {
		buf_printf(&cols, "%s%s", c ? ", " : "", tb->columns[c].name);
		if (tb->columns[c].type == STORE_TYPE_ROWID && !m->empty)
			buf_printf(&vals, "%sNULL", c ? ", " : "");
		else if (t == STORE_TABLE_CHECKIN &&
			 c == STORE_CHECKIN_REVISION)
			buf_printf(&vals, "%sifnull(revision, 1)",
				   c ? ", " : "");
		else
			buf_printf(&vals, "%s%s", c ? ", " : "",
				   file_col(t, c));
	}
	/* When this log received it: a stamp from a clock that was ahead
	 * counts from now (store_screening_latest()). */
	if (t == STORE_TABLE_SCREENING) {
		buf_adds(&cols, ", received_at");
		buf_printf(&vals, ", '%s'", m->now);
	}
	code = execf(m,
		     "INSERT INTO main.%s (%s) SELECT %s FROM imp_%s WHERE"
		     " class = %d ORDER BY pos",
		     tb->name, cols.data, vals.data, tb->name, NEW);
	buf_free(&cols);
	buf_free(&vals);
	if (code == 0)
		*n = changed(m);
	return code;
}

/* The answers of the check-ins the file's take the place of, or adds:
 * those of a check-in of the log that stays (the same, or newer in the
 * log) are the log's; of one taken, the file's are the day's answers. */
static int
merge_answers(struct merge *m)
{
	struct store_import_count *n = &m->res->n[STORE_TABLE_ANSWER];
	char *days = xasprintf("(SELECT day FROM imp_checkin WHERE class IN"
			       " (%d, %d, %d))",
			       NEW, NEWER, DIFFERENT);
	size_t k;
	int code;

	if ((code = execf(m,
			  "UPDATE imp_answer AS f SET class = CASE"
			  " WHEN day NOT IN %s THEN (SELECT CASE class WHEN %d"
			  " THEN %d ELSE %d END FROM imp_checkin AS c WHERE"
			  " c.day = f.day)"
			  " WHEN EXISTS (SELECT 1 FROM answer AS l WHERE"
			  " l.uid = f.uid AND l.day = f.day AND l.question_id"
			  " = f.question_id AND l.value = f.value) THEN %d"
			  " WHEN EXISTS (SELECT 1 FROM answer AS l WHERE"
			  " l.uid = f.uid) THEN %d ELSE %d END",
			  days, OLDER, OLDER, SAME, SAME, DIFFERENT, NEW)) != 0)
		goto out;
	/* The log's answers of a taken day that the file's day lacks. */
	if ((code = namef(m,
			  "removed, the file's check-in of its day taking"
			  " its place",
			  "SELECT %s FROM answer AS l WHERE l.day IN %s AND"
			  " l.uid NOT IN (SELECT uid FROM imp_answer) ORDER BY"
			  " l.day, l.question_id",
			  tm[STORE_TABLE_ANSWER].log_name, days)) != 0 ||
	    (code = execf(m,
			  "DELETE FROM answer WHERE day IN %s AND uid NOT IN"
			  " (SELECT uid FROM imp_answer)",
			  days)) != 0)
		goto out;
	n->removed += changed(m);
	if ((code = take_copies(m, STORE_TABLE_ANSWER, DIFFERENT,
				"replaced by the file's", &k)) != 0)
		goto out;
	n->replaced += k;
	if ((code = add_rows(m, STORE_TABLE_ANSWER, &k)) != 0)
		goto out;
	n->added += k;
	code = countf(m, &n->same,
		      "SELECT count(*) FROM imp_answer WHERE"
		      " class = %d",
		      SAME);
	if (code == 0)
		code = countf(
		    m, &n->older,
		    "SELECT count(*) FROM imp_answer WHERE class = %d", OLDER);
out:
	free(days);
	return code;
}

/* One table of the file merged into the log (the check-ins with their
 * answers). */
static int
merge_table(struct merge *m, enum store_table_id t)
{
	struct store_import_count *n = &m->res->n[t];
	const char *name = store_tables[t].name;
	size_t k = 0, swapped = 0;
	int code;

	if (t == STORE_TABLE_ANSWER)
		return 0; /* with the check-ins */
	/* A habit's or a pause week's trial as the log has it, the trials
	 * merged before. */
	if ((t == STORE_TABLE_HABIT || t == STORE_TABLE_PAUSE) &&
	    (code = execf(m,
			  "UPDATE imp_%s SET trial = (SELECT log_id FROM"
			  " imp_trial AS t WHERE t.id = imp_%s.trial_id)"
			  " WHERE trial_id IS NOT NULL",
			  name, name)) != 0)
		return code;
	if ((code = fallback_uids(m, t)) != 0 ||
	    (t == STORE_TABLE_CHECKIN &&
	     (code = fallback_uids(m, STORE_TABLE_ANSWER)) != 0) ||
	    (code = classify(m, t)) != 0)
		return code;
	if (!m->replace && (code = first_disagreement(m, t)) != 0)
		return code;
	if ((code = remove_clashing(
		 m, t,
		 t == STORE_TABLE_CHECKIN || t == STORE_TABLE_PROFILE
		     ? "replaced by the file's"
		 : t == STORE_TABLE_PAUSE
		     ? "removed, the file's pause week of its trial taking "
		       "its place"
		     : "removed, sharing days with the file's",
		 &swapped)) != 0 ||
	    (code = take_copies(m, t, NEWER,
				"replaced by the file's newer copy", &k)) != 0)
		return code;
	n->newer += k;
	if ((code = take_copies(m, t, DIFFERENT, "replaced by the file's",
				&k)) != 0)
		return code;
	n->replaced += k;
	if ((code = add_rows(m, t, &k)) != 0)
		return code;
	/* A check-in or profile key put in place of the log's of its day or
	 * key counts as replaced, the log's named; a trial, habit, flare-up
	 * or pause week is added, the log's it shares days (or its trial)
	 * with removed. */
	if (t == STORE_TABLE_CHECKIN || t == STORE_TABLE_PROFILE) {
		n->replaced += swapped;
		n->added += k - swapped;
	} else {
		n->removed += swapped;
		n->added += k;
	}
	if ((code = countf(m, &n->same,
			   "SELECT count(*) FROM imp_%s WHERE class = %d", name,
			   SAME)) != 0 ||
	    (code = countf(m, &n->older,
			   "SELECT count(*) FROM imp_%s WHERE class = %d", name,
			   OLDER)) != 0)
		return code;
	if (t == STORE_TABLE_TRIAL &&
	    (code = execf(m, "UPDATE imp_trial SET log_id = (SELECT id FROM"
			     " trial WHERE uid = imp_trial.uid)")) != 0)
		return code;
	if (t == STORE_TABLE_CHECKIN)
		return merge_answers(m);
	return 0;
}

static int
log_empty(struct store *s, int *empty, char **cause)
{
	int rc, t, n = 0;
	char *sql;

	*empty = 1;
	for (t = 0; t < STORE_TABLES && *empty; t++) {
		sql = xasprintf("SELECT EXISTS (SELECT 1 FROM main.%s)",
				store_tables[t].name);
		rc = store_sql_int(s->db, sql, &n);
		free(sql);
		if (rc != SQLITE_OK)
			return store_sqlerr(s, rc, "reading the log", cause);
		*empty = !n;
	}
	return 0;
}

int
store_import(struct store *s, const struct store_dump *d, int replace,
	     struct store_import_result *res, char **cause)
{
	struct merge m = {s, d, replace, 0, "", res, cause};
	int code, t;

	memset(res, 0, sizeof *res);
	store_now(m.now);
	if ((code = store_begin(s, cause)) != 0)
		return code;
	if ((code = store_import_load(s, d, res, cause)) == 0 &&
	    (code = log_empty(s, &m.empty, cause)) == 0)
		for (t = 0; t < STORE_TABLES && code == 0; t++)
			code = merge_table(&m, (enum store_table_id)t);
	if (code == 0 && store_import_drop(s) != SQLITE_OK)
		code =
		    store_sqlerr(s, sqlite3_errcode(s->db), "importing", cause);
	if (code == 0)
		code = store_commit(s, cause);
	if (code != 0) {
		store_rollback(s);
		store_import_drop(s);
		store_import_result_clear(res);
	}
	return code;
}

void
store_import_result_clear(struct store_import_result *res)
{
	size_t i;

	for (i = 0; i < res->nchanged; i++)
		free(res->changed[i]);
	free(res->changed);
	res->changed = NULL;
	res->nchanged = 0;
}
