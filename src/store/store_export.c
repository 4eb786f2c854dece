/* store_export.c: the log as JSON (built by SQLite's JSON functions) and
 * as CSV, both written by the policy of fmt.h. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "fmt.h"
#include "store_int.h"
#include "util.h"

/* The "format" of an export; raise on a change that an older backpain
 * would misread. 2: every row's uid and the check-ins' revisions (schema
 * version 6), which format 1's readers refuse as unknown columns. 3: a
 * check-in's pain_set_at and a session's seconds (schema version 7), the
 * screening answers' revisions and the lesson table (version 8), and the
 * pause week's table trial_pause (version 9), which format 2's readers
 * refuse likewise. */
#define EXPORT_FORMAT 3

/* The order each table's rows are exported in: stable, so that an export
 * of a log and of its restored copy are the same bytes. The columns are
 * the exported ones of store_tables (store_columns.c). */
static const char *const order[STORE_TABLES] = {
    [STORE_TABLE_CHECKIN] = "day",  [STORE_TABLE_ANSWER] = "day, question_id",
    [STORE_TABLE_TRIAL] = "id",	    [STORE_TABLE_SESSION] = "id",
    [STORE_TABLE_SCREENING] = "id", [STORE_TABLE_PROFILE] = "key",
    [STORE_TABLE_HABIT] = "id",	    [STORE_TABLE_FLARE] = "id",
    [STORE_TABLE_LESSON] = "id",
    [STORE_TABLE_PAUSE] = "id",
};

/* The export's query of table t: its rows as CSV reads them, or one JSON
 * array of objects (allocated). */
static char *
table_sql(enum store_table_id t, enum store_format format)
{
	const struct store_table *tb = &store_tables[t];
	struct buf b;
	size_t i;

	buf_init(&b);
	if (format == STORE_FORMAT_CSV) {
		buf_printf(&b, "SELECT %s FROM %s ORDER BY %s",
			   store_columns_sql(t, 1), tb->name, order[t]);
		return buf_take(&b);
	}
	buf_adds(&b, "SELECT json_group_array(json_object(");
	for (i = 0; i < tb->nexported; i++)
		buf_printf(&b, "%s'%s', %s", i > 0 ? ", " : "",
			   tb->columns[i].name, tb->columns[i].name);
	buf_printf(&b, ")) FROM (SELECT * FROM %s ORDER BY %s)", tb->name,
		   order[t]);
	return buf_take(&b);
}

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
csv_table(struct store *s, enum store_table_id t, FILE *out, char **cause)
{
	enum fmt_csv how = fmt_csv_for(out);
	sqlite3_stmt *st;
	const char *text;
	char *sql = table_sql(t, STORE_FORMAT_CSV);
	struct buf b;
	int rc, code, i, cols;

	code = store_prepare(s, sql, &st, cause);
	free(sql);
	if (code != 0)
		return code;
	fprintf(out, "# table %s\n", store_tables[t].name);
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
	char *sql;
	int code, t;

	fprintf(out, "{\"format\":%d", EXPORT_FORMAT);
	for (t = 0; t < STORE_TABLES; t++) {
		fprintf(out, ",\"%s\":", store_tables[t].name);
		sql = table_sql((enum store_table_id)t, STORE_FORMAT_JSON);
		code = write_value(s, sql, NULL, NULL, out, cause);
		free(sql);
		if (code != 0)
			return code;
	}
	fputs("}\n", out);
	return 0;
}

int
store_export(struct store *s, enum store_format format, FILE *out, char **cause)
{
	int rc, code = 0, t;

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
		for (t = 0; t < STORE_TABLES && code == 0; t++)
			code = csv_table(s, (enum store_table_id)t, out, cause);
	store_rollback(s);
	if (code != 0)
		return code;
	return write_failed(out, cause);
}
