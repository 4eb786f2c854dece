/* store_export.c: the log as JSON (built by SQLite's JSON functions) and
 * as CSV, both written by the policy of fmt.h. */
#include <errno.h>
#include <string.h>
#include <sysexits.h>

#include "fmt.h"
#include "store_int.h"
#include "util.h"

#define EXPORT_FORMAT 1 /* the "format" of an export; raise on a change */

/* Each table with its rows in a stable order. */
static const struct table {
	const char *name;
	const char *select; /* for CSV */
	const char *json;   /* one JSON array of the rows */
} tables[] = {
    {"checkin", "SELECT * FROM checkin ORDER BY day",
     "SELECT json_group_array(json_object('day', day, 'pain', pain,"
     " 'interference', interference, 'note', note, 'recorded_at',"
     " recorded_at, 'updated_at', updated_at))"
     " FROM (SELECT * FROM checkin ORDER BY day)"},
    {"answer", "SELECT * FROM answer ORDER BY day, question_id",
     "SELECT json_group_array(json_object('day', day, 'question_id',"
     " question_id, 'value', value))"
     " FROM (SELECT * FROM answer ORDER BY day, question_id)"},
    {"trial", "SELECT * FROM trial ORDER BY id",
     "SELECT json_group_array(json_object('id', id, 'approach', approach,"
     " 'started_on', started_on, 'ended_on', ended_on, 'outcome', outcome,"
     " 'impression', impression))"
     " FROM (SELECT * FROM trial ORDER BY id)"},
    {"session", "SELECT * FROM session ORDER BY id",
     "SELECT json_group_array(json_object('id', id, 'practice', practice,"
     " 'approach', approach, 'day', day, 'minutes', minutes,"
     " 'pain_before', pain_before, 'pain_after', pain_after,"
     " 'recorded_at', recorded_at))"
     " FROM (SELECT * FROM session ORDER BY id)"},
    {"screening", "SELECT * FROM screening ORDER BY id",
     "SELECT json_group_array(json_object('id', id, 'flag_id', flag_id,"
     " 'answer', answer, 'asked_at', asked_at, 'checked_on', checked_on))"
     " FROM (SELECT * FROM screening ORDER BY id)"},
    {"profile", "SELECT * FROM profile ORDER BY key",
     "SELECT json_group_array(json_object('key', key, 'value', value))"
     " FROM (SELECT * FROM profile ORDER BY key)"},
    /* Since schema version 5 (step 4 -> 5, issue 12). */
    {"habit", "SELECT * FROM habit ORDER BY id",
     "SELECT json_group_array(json_object('id', id, 'approach', approach,"
     " 'trial_id', trial_id, 'kept_on', kept_on, 'dropped_on',"
     " dropped_on))"
     " FROM (SELECT * FROM habit ORDER BY id)"},
    {"flare", "SELECT * FROM flare ORDER BY id",
     "SELECT json_group_array(json_object('id', id, 'began_on', began_on,"
     " 'ended_on', ended_on, 'ended_by', ended_by, 'pain', pain, 'note',"
     " note, 'recorded_at', recorded_at))"
     " FROM (SELECT * FROM flare ORDER BY id)"},
    /* Since the pause week's schema step (issue 21). */
    {"trial_pause", "SELECT * FROM trial_pause ORDER BY id",
     "SELECT json_group_array(json_object('id', id, 'trial_id', trial_id,"
     " 'paused_on', paused_on, 'resumed_on', resumed_on, 'recorded_at',"
     " recorded_at))"
     " FROM (SELECT * FROM trial_pause ORDER BY id)"},
};
#define TABLES (sizeof tables / sizeof tables[0])

static int
write_failed(FILE *out, char **cause)
{
	int e = errno;

	if (!ferror(out))
		return 0;
	return store_fail(cause, EX_IOERR, "cannot write the output: %s",
			  strerror(e));
}

/* Writes the one JSON text that sql yields, with from and to bound to
 * ?1 and ?2 when they are not NULL; control and bidi characters in it
 * become JSON escapes (fmt_json_text()). */
static int
write_value(struct store *s, const char *sql, const char *from, const char *to,
	    FILE *out, char **cause)
{
	sqlite3_stmt *st;
	const char *text;
	struct buf b;
	int rc, code;

	if ((code = store_prepare(s, sql, &st, cause)) != 0)
		return code;
	rc = from != NULL ? store_bind(st, "tt", from, to) : SQLITE_OK;
	if (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		text = (const char *)sqlite3_column_text(st, 0);
		if (text != NULL) {
			buf_init(&b);
			fmt_json_text(&b, text,
				      (size_t)sqlite3_column_bytes(st, 0));
			fwrite(b.data, 1, b.len, out);
			buf_free(&b);
		}
		rc = SQLITE_OK;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_OK)
		return store_sqlerr(s, rc, "reading the log", cause);
	return 0;
}

int
store_history_json(struct store *s, const char *from, const char *to, FILE *out,
		   char **cause)
{
	const char *lo, *hi;
	int code;

	if ((code = store_range(from, to, &lo, &hi, cause)) != 0 ||
	    (code = store_check_checkins(s, lo, hi, cause)) != 0 ||
	    (code = write_value(
		 s,
		 "SELECT json_group_array(json_object('day', day, 'pain',"
		 " pain, 'interference', interference, 'note', note))"
		 " FROM (SELECT * FROM checkin WHERE day BETWEEN ?1 AND ?2"
		 " ORDER BY day)",
		 lo, hi, out, cause)) != 0)
		return code;
	fputc('\n', out);
	return write_failed(out, cause);
}

/* One table as CSV: exact into a file or a pipe, escaped on a terminal
 * (fmt.h). */
static int
csv_table(struct store *s, const struct table *t, FILE *out, char **cause)
{
	enum fmt_csv how = fmt_csv_for(out);
	sqlite3_stmt *st;
	const char *text;
	struct buf b;
	int rc, code, i, cols;

	if ((code = store_prepare(s, t->select, &st, cause)) != 0)
		return code;
	fprintf(out, "# table %s\n", t->name);
	cols = sqlite3_column_count(st);
	buf_init(&b);
	for (i = 0; i < cols; i++) {
		if (i > 0)
			buf_addc(&b, ',');
		fmt_csv(&b, sqlite3_column_name(st, i), how);
	}
	buf_addc(&b, '\n');
	fwrite(b.data, 1, b.len, out);
	buf_free(&b);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		buf_init(&b);
		for (i = 0; i < cols; i++) {
			if (i > 0)
				buf_addc(&b, ',');
			text = (const char *)sqlite3_column_text(st, i);
			if (text != NULL)
				fmt_csv_field(
				    &b, text,
				    (size_t)sqlite3_column_bytes(st, i), how);
		}
		buf_addc(&b, '\n');
		fwrite(b.data, 1, b.len, out);
		buf_free(&b);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return store_sqlerr(s, rc, "reading the log", cause);
	return 0;
}

static int
json_export(struct store *s, FILE *out, char **cause)
{
	size_t i;
	int code;

	fprintf(out, "{\"format\":%d", EXPORT_FORMAT);
	for (i = 0; i < TABLES; i++) {
		fprintf(out, ",\"%s\":", tables[i].name);
		if ((code = write_value(s, tables[i].json, NULL, NULL, out,
					cause)) != 0)
			return code;
	}
	fputs("}\n", out);
	return 0;
}

int
store_export(struct store *s, enum store_format format, FILE *out, char **cause)
{
	size_t i;
	int rc, code = 0;

	/* One read transaction: the tables are exported as of one moment. */
	rc = sqlite3_exec(s->db, "BEGIN", NULL, NULL, NULL);
	if (rc != SQLITE_OK)
		return store_sqlerr(s, rc, "reading the log", cause);
	/* An export is the backup to restore from: what it holds must be
	 * what the log may hold. */
	code = store_check_rules(s, cause);
	if (code == 0 && format == STORE_FORMAT_JSON)
		code = json_export(s, out, cause);
	else
		for (i = 0; i < TABLES && code == 0; i++)
			code = csv_table(s, &tables[i], out, cause);
	store_rollback(s);
	if (code != 0)
		return code;
	return write_failed(out, cause);
}
