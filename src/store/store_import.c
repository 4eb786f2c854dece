/*
 * store_import.c: a whole log written back from an export (store.h), in
 * one transaction, the way SQLite's own .import works: the dump's rows are
 * loaded into TEMP tables and checked there (store_import_check.c), then
 * merged into the log table by table with set-based statements, whose
 * changes() and counts are what the import reports; the rows are matched
 * to the log's (uids, classes) in store_import_match.c.
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

#include "store_import_int.h"
#include "store_int.h"
#include "util.h"

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
first_disagreement(struct store_import_merge *m, enum store_table_id t)
{
	const char *name = store_tables[t].name;
	char *what = store_import_differs(t), *sql;
	int k = clash_of(t), code, rc;
	sqlite3_stmt *st;
	struct buf b;

	buf_init(&b);
	buf_printf(&b,
		   "SELECT f.pos, 'the log already has this ' || %s ||"
		   " ' with another ' || %s || ' (--replace puts the"
		   " file''s in its place)' FROM imp_%s AS f JOIN main.%s AS l"
		   " ON l.uid = f.uid WHERE f.class = %d",
		   store_import_tm[t].file_name, what, name, name,
		   STORE_IMPORT_DIFFERENT);
	if (k >= 0)
		buf_printf(&b,
			   " UNION ALL SELECT * FROM (SELECT f.pos, %s FROM"
			   " imp_%s AS f JOIN main.%s AS l ON %s AND l.uid IS"
			   " NOT f.uid AND " STAYS " WHERE f.class IN (%d, %d)"
			   " ORDER BY f.pos LIMIT 1)",
			   clashes[k].why, name, name, clashes[k].where, name,
			   STORE_IMPORT_NEWER, STORE_IMPORT_DIFFERENT,
			   STORE_IMPORT_NEW, STORE_IMPORT_NEWER);
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
	return rc == SQLITE_DONE ? 0 : store_import_sql_fail(m, rc);
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
remove_clashing(struct store_import_merge *m, enum store_table_id t,
		const char *how, size_t *n)
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
		      name, name, clashes[k].where, STORE_IMPORT_NEW,
		      STORE_IMPORT_NEWER, STORE_IMPORT_DIFFERENT, name,
		      STORE_IMPORT_NEWER, STORE_IMPORT_DIFFERENT);
	/* Mostly there are none: one look, then nothing more to do. */
	if ((code = store_import_countf(m, &none, "SELECT NOT EXISTS (%s)",
					rows)) != 0 ||
	    none) {
		free(rows);
		return code;
	}
	for (d = 0; d < DEPENDENTS; d++) {
		const struct dependent *dp = &dependents[d];
		const char *child = store_tables[dp->child].name;

		if (dp->parent != t)
			continue;
		if ((code = store_import_namef(
			 m, dp->how,
			 "SELECT %s FROM %s AS l WHERE l.%s IN (SELECT"
			 " %s FROM %s WHERE uid IN (%s)) ORDER BY %s",
			 store_import_tm[dp->child].log_name, child, dp->link,
			 dp->key, name, rows, dp->order)) != 0 ||
		    (code = store_import_execf(
			 m,
			 "DELETE FROM %s WHERE %s IN (SELECT %s FROM"
			 " %s WHERE uid IN (%s))",
			 child, dp->link, dp->key, name, rows)) != 0) {
			free(rows);
			return code;
		}
		m->res->n[dp->child].removed += store_import_changed(m);
	}
	if ((code = store_import_namef(
		 m, how,
		 "SELECT %s FROM main.%s AS l WHERE uid IN (%s)"
		 " ORDER BY %s",
		 store_import_tm[t].log_name, name, rows,
		 t == STORE_TABLE_CHECKIN   ? "day"
		 : t == STORE_TABLE_PROFILE ? "key"
					    : "id")) == 0 &&
	    (code = store_import_execf(
		 m, "DELETE FROM main.%s WHERE uid IN (%s)", name, rows)) == 0)
		*n = store_import_changed(m);
	free(rows);
	return code;
}

/* The file's values of the rows of class cls put in place of the log's of
 * their uid, the log's named first; *n their number. */
static int
take_copies(struct store_import_merge *m, enum store_table_id t, int cls,
	    const char *how, size_t *n)
{
	const struct store_table *tb = &store_tables[t];
	struct buf set;
	size_t c;
	int code;

	*n = 0;
	if ((code = store_import_namef(
		 m, how,
		 "SELECT %s FROM main.%s AS l JOIN imp_%s AS f ON"
		 " f.uid = l.uid WHERE f.class = %d ORDER BY f.pos",
		 store_import_tm[t].log_name, tb->name, tb->name, cls)) != 0)
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
				   tb->columns[c].name,
				   store_import_file_col(t, c));
	}
	code = store_import_execf(m,
				  "UPDATE main.%s SET %s FROM imp_%s AS f WHERE"
				  " %s.uid = f.uid AND f.class = %d",
				  tb->name, set.data, tb->name, tb->name, cls);
	buf_free(&set);
	if (code == 0)
		*n = store_import_changed(m);
	return code;
}

/* The file's rows new to the log (class NEW), in their order: with their
 * ids into an empty log, so that its export is the file again. */
static int
add_rows(struct store_import_merge *m, enum store_table_id t, size_t *n)
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
				   store_import_file_col(t, c));
	}
	/* When this log received it: a stamp from a clock that was ahead
	 * counts from now (store_screening_latest()). */
	if (t == STORE_TABLE_SCREENING) {
		buf_adds(&cols, ", received_at");
		buf_printf(&vals, ", '%s'", m->now);
	}
	code = store_import_execf(
	    m,
	    "INSERT INTO main.%s (%s) SELECT %s FROM imp_%s WHERE"
	    " class = %d ORDER BY pos",
	    tb->name, cols.data, vals.data, tb->name, STORE_IMPORT_NEW);
	buf_free(&cols);
	buf_free(&vals);
	if (code == 0)
		*n = store_import_changed(m);
	return code;
}

/* The answers of the check-ins the file's take the place of, or adds:
 * those of a check-in of the log that stays (the same, or newer in the
 * log) are the log's; of one taken, the file's are the day's answers. */
static int
merge_answers(struct store_import_merge *m)
{
	struct store_import_count *n = &m->res->n[STORE_TABLE_ANSWER];
	char *days = xasprintf("(SELECT day FROM imp_checkin WHERE class IN"
			       " (%d, %d, %d))",
			       STORE_IMPORT_NEW, STORE_IMPORT_NEWER,
			       STORE_IMPORT_DIFFERENT);
	size_t k;
	int code;

	if ((code = store_import_execf(
		 m,
		 "UPDATE imp_answer AS f SET class = CASE"
		 " WHEN day NOT IN %s THEN (SELECT CASE class WHEN %d"
		 " THEN %d ELSE %d END FROM imp_checkin AS c WHERE"
		 " c.day = f.day)"
		 " WHEN EXISTS (SELECT 1 FROM answer AS l WHERE"
		 " l.uid = f.uid AND l.day = f.day AND l.question_id"
		 " = f.question_id AND l.value = f.value) THEN %d"
		 " WHEN EXISTS (SELECT 1 FROM answer AS l WHERE"
		 " l.uid = f.uid) THEN %d ELSE %d END",
		 days, STORE_IMPORT_OLDER, STORE_IMPORT_OLDER,
		 STORE_IMPORT_SAME, STORE_IMPORT_SAME, STORE_IMPORT_DIFFERENT,
		 STORE_IMPORT_NEW)) != 0)
		goto out;
	/* The log's answers of a taken day that the file's day lacks. */
	if ((code = store_import_namef(
		 m,
		 "removed, the file's check-in of its day taking"
		 " its place",
		 "SELECT %s FROM answer AS l WHERE l.day IN %s AND"
		 " l.uid NOT IN (SELECT uid FROM imp_answer) ORDER BY"
		 " l.day, l.question_id",
		 store_import_tm[STORE_TABLE_ANSWER].log_name, days)) != 0 ||
	    (code = store_import_execf(
		 m,
		 "DELETE FROM answer WHERE day IN %s AND uid NOT IN"
		 " (SELECT uid FROM imp_answer)",
		 days)) != 0)
		goto out;
	n->removed += store_import_changed(m);
	if ((code = take_copies(m, STORE_TABLE_ANSWER, STORE_IMPORT_DIFFERENT,
				"replaced by the file's", &k)) != 0)
		goto out;
	n->replaced += k;
	if ((code = add_rows(m, STORE_TABLE_ANSWER, &k)) != 0)
		goto out;
	n->added += k;
	code = store_import_countf(m, &n->same,
				   "SELECT count(*) FROM imp_answer WHERE"
				   " class = %d",
				   STORE_IMPORT_SAME);
	if (code == 0)
		code = store_import_countf(
		    m, &n->older,
		    "SELECT count(*) FROM imp_answer WHERE class = %d",
		    STORE_IMPORT_OLDER);
out:
	free(days);
	return code;
}

/* One table of the file merged into the log (the check-ins with their
 * answers). */
static int
merge_table(struct store_import_merge *m, enum store_table_id t)
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
	    (code = store_import_execf(
		 m,
		 "UPDATE imp_%s SET trial = (SELECT log_id FROM"
		 " imp_trial AS t WHERE t.id = imp_%s.trial_id)"
		 " WHERE trial_id IS NOT NULL",
		 name, name)) != 0)
		return code;
	if ((code = store_import_fallback_uids(m, t)) != 0 ||
	    (t == STORE_TABLE_CHECKIN &&
	     (code = store_import_fallback_uids(m, STORE_TABLE_ANSWER)) != 0) ||
	    (code = store_import_classify(m, t)) != 0)
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
	    (code = take_copies(m, t, STORE_IMPORT_NEWER,
				"replaced by the file's newer copy", &k)) != 0)
		return code;
	n->newer += k;
	if ((code = take_copies(m, t, STORE_IMPORT_DIFFERENT,
				"replaced by the file's", &k)) != 0)
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
	if ((code = store_import_countf(
		 m, &n->same, "SELECT count(*) FROM imp_%s WHERE class = %d",
		 name, STORE_IMPORT_SAME)) != 0 ||
	    (code = store_import_countf(
		 m, &n->older, "SELECT count(*) FROM imp_%s WHERE class = %d",
		 name, STORE_IMPORT_OLDER)) != 0)
		return code;
	if (t == STORE_TABLE_TRIAL &&
	    (code = store_import_execf(
		 m, "UPDATE imp_trial SET log_id = (SELECT id FROM"
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
	struct store_import_merge m = {s, d, replace, 0, "", res, cause};
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
