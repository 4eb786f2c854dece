/*
 * program_import_format.c: the format of an export as the import reads it
 * (program_int.h): its top level, its tables and the columns of their rows
 * (as store_export.c writes them), the type of each value, and a refusal
 * placed at the line and column of the value it refuses. What the values
 * mean is checked by the readers of the tables, in program_import_checkin.c,
 * _trial.c, _safety.c and _flare.c.
 */
#include "program_int.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "content.h"
#include "util.h"

/* The "format" of the exports this program reads: 1 before uids (schema
 * version 6), 2 since, 3 since the screening's revisions and the lessons
 * (schema versions 7 and 8) and the pause weeks (9). A column or table of a
 * later schema version than STORE_EXPORT_FIRST may be missing from a file: an
 * older backpain's. */
#define IMPORT_FORMAT_FIRST 1
#define IMPORT_FORMAT 3
static const struct json json_null = {.type = JSON_NULL};

/* "FILE:LINE:COL: message"; EX_DATAERR. */
int
program_import_refuse(struct program_reading *r, const struct json *at,
		      const char *fmt, ...)
{
	va_list ap;
	char *msg;

	va_start(ap, fmt);
	msg = xvasprintf(fmt, ap);
	va_end(ap);
	*r->cause =
	    xasprintf("%s:%d:%d: %s", r->imp->name, at->line, at->col, msg);
	free(msg);
	return EX_DATAERR;
}

/* A string without NUL: *out borrowed from the tree; NULL for null when
 * nullable. */
int
program_import_get_str(struct program_reading *r, const struct json *v,
		       const char *what, int nullable, const char **out)
{
	if (nullable && v->type == JSON_NULL) {
		*out = NULL;
		return 0;
	}
	if (v->type != JSON_STRING)
		return program_import_refuse(
		    r, v, "%s is %s; it must be a string%s", what,
		    json_type_name(v->type), nullable ? " or null" : "");
	if (strlen(v->str) != v->len)
		return program_import_refuse(
		    r, v, "%s holds a NUL character (\\u0000)", what);
	*out = v->str;
	return 0;
}

/* A whole number in [min, max]; ENTRY_NONE for null when nullable. */
int
program_import_get_int(struct program_reading *r, const struct json *v,
		       const char *what, long long min, long long max,
		       int nullable, long long *out)
{
	if (nullable && v->type == JSON_NULL) {
		*out = ENTRY_NONE;
		return 0;
	}
	if (json_int(v, min, max, out) != 0)
		return program_import_refuse(
		    r, v,
		    "%s is %s%s%s; it must be a whole number from "
		    "%lld to %lld%s",
		    what,
		    v->type == JSON_NUMBER ? v->str : json_type_name(v->type),
		    "", "", min, max, nullable ? ", or null" : "");
	return 0;
}

/* A day, YYYY-MM-DD, of the days a log may hold (day.h), not after
 * r->latest. */
int
program_import_get_day(struct program_reading *r, const struct json *v,
		       const char *what, int nullable, char out[DAY_LEN])
{
	const char *s;
	int rc;

	if ((rc = program_import_get_str(r, v, what, nullable, &s)) != 0)
		return rc;
	out[0] = '\0';
	if (s == NULL)
		return 0;
	if (strlen(s) != DAY_LEN - 1 || day_valid(s) != 0)
		return program_import_refuse(
		    r, v, "%s is not a day: use YYYY-MM-DD", what);
	if (day_in_range(s) != 0)
		return program_import_refuse(
		    r, v, "%s %s is not a day a log can hold (%s to %s)", what,
		    s, DAY_LOG_FIRST, DAY_LOG_LAST);
	if (strcmp(s, r->latest) > 0)
		return program_import_refuse(
		    r, v,
		    "%s %s is in the future (today is %s; an import takes "
		    "days up to %s, for a log kept in another time zone)",
		    what, s, r->today, r->latest);
	memcpy(out, s, DAY_LEN);
	return 0;
}

/* A time as the log records it (store_time_valid()): YYYY-MM-DDTHH:MM:SS
 * and +HH:MM, -HH:MM or Z. Its date may be after today: with a day that
 * starts at 04:00, a check-in made at 02:00 counts for the day before. */
int
program_import_get_time(struct program_reading *r, const struct json *v,
			const char *what, const char **out)
{
	const char *s = NULL;
	int rc;

	if ((rc = program_import_get_str(r, v, what, 0, &s)) != 0)
		return rc;
	if (store_time_valid(s) != 0)
		return program_import_refuse(r, v,
					     "%s is not a time of the log "
					     "(YYYY-MM-DDTHH:MM:SS+HH:MM)",
					     what);
	*out = s;
	return 0;
}

int
program_import_get_id(struct program_reading *r, const struct json *v,
		      const char *what, const char **out)
{
	const unsigned char *p;
	int rc;

	if ((rc = program_import_get_str(r, v, what, 0, out)) != 0)
		return rc;
	if (**out == '\0')
		return program_import_refuse(r, v, "%s is empty", what);
	for (p = (const unsigned char *)*out; *p != '\0'; p++)
		if (*p < ' ' || *p == 0x7f ||
		    (p[0] == 0xc2 && p[1] >= 0x80 && p[1] <= 0x9f))
			return program_import_refuse(
			    r, v, "%s holds a control character", what);
	return 0;
}

const char *
program_import_approach(const struct program_reading *r, const char *id)
{
	const struct approach *a = content_approach(r->pack, id);

	if (a == NULL)
		a = content_approach_renamed(r->pack, id);
	return a != NULL ? a->id : id;
}

const char *
program_import_practice(const struct program_reading *r, const char *id)
{
	const struct practice *p = content_practice(r->pack, id);

	if (p == NULL)
		p = content_practice_renamed(r->pack, id);
	return p != NULL ? p->id : id;
}

const char *
program_import_question(const struct program_reading *r, const char *id)
{
	const struct question *q = content_question(r->pack, id);

	if (q == NULL)
		q = content_question_renamed(r->pack, id);
	return q != NULL ? q->id : id;
}

int
program_import_get_uid(struct program_reading *r, const struct json *v,
		       char out[ENTRY_UID_LEN])
{
	const char *s = NULL;
	int rc;

	out[0] = '\0';
	if ((rc = program_import_get_str(r, v, "uid", 1, &s)) != 0)
		return rc;
	if (s == NULL)
		return 0;
	if (store_uid_valid(s) != 0)
		return program_import_refuse(
		    r, v,
		    "uid is not a uid of the log (32 lowercase hex digits)");
	memcpy(out, s, ENTRY_UID_LEN);
	return 0;
}

struct uid_at {
	const char *uid;
	size_t row;
};

static int
uid_cmp(const void *a, const void *b)
{
	const struct uid_at *x = a, *y = b;
	int c = strcmp(x->uid, y->uid);

	return c != 0 ? c : (x->row > y->row) - (x->row < y->row);
}

/* Sorted, so that the file's size bounds the time (a pair of loops over a
 * long export would not be). */
int
program_import_uids_once(struct program_reading *r, enum store_table_id t,
			 const char *first, size_t stride, size_t n)
{
	struct uid_at *u = xcalloc(n + 1, sizeof *u);
	const struct json *row, *at;
	size_t i, k = 0;
	int rc = 0;

	for (i = 0; i < n; i++)
		if (first[i * stride] != '\0') {
			u[k].uid = first + i * stride;
			u[k++].row = i;
		}
	qsort(u, k, sizeof *u, uid_cmp);
	for (i = 1; i < k && rc == 0; i++)
		if (strcmp(u[i - 1].uid, u[i].uid) == 0) {
			row = &r->imp->rows[t][u[i].row];
			at = json_get(row, "uid");
			rc = program_import_refuse(
			    r, at != NULL ? at : row,
			    "uid %s is the uid of %s row %zu too: each row "
			    "has its own",
			    u[i].uid, store_tables[t].name, u[i - 1].row + 1);
		}
	free(u);
	return rc;
}

/* The row's values in the order of the table's exported columns: no
 * column missing (but those store_column_optional(), as null), none
 * unknown. */
int
program_import_row(struct program_reading *r, enum store_table_id t, size_t i,
		   const struct json *row,
		   const struct json *vals[STORE_COLUMNS_MAX])
{
	const struct store_table *tb = &store_tables[t];
	size_t k, c;

	if (row->type != JSON_OBJECT)
		return program_import_refuse(
		    r, row, "%s row %zu is %s; it must be an object", tb->name,
		    i + 1, json_type_name(row->type));
	for (c = 0; c < tb->nexported; c++)
		if ((vals[c] = json_get(row, tb->columns[c].name)) == NULL &&
		    store_column_optional(t, c))
			vals[c] = &json_null;
		else if (vals[c] == NULL)
			return program_import_refuse(
			    r, row, "%s row %zu has no \"%s\"", tb->name, i + 1,
			    tb->columns[c].name);
	for (k = 0; k < row->n; k++) {
		for (c = 0; c < tb->nexported; c++)
			if (strcmp(row->members[k].key, tb->columns[c].name) ==
			    0)
				break;
		if (c == tb->nexported) {
			struct json at = {0};
			struct buf b;
			int rc;

			at.line = row->members[k].line;
			at.col = row->members[k].col;
			buf_init(&b);
			util_escape(&b, row->members[k].key);
			rc = program_import_refuse(
			    r, &at,
			    "%s row %zu: no column \"%s\" in a %s "
			    "row",
			    tb->name, i + 1, b.data != NULL ? b.data : "",
			    tb->name);
			buf_free(&b);
			return rc;
		}
	}
	return 0;
}

int
program_import_tables(struct program_reading *r,
		      const struct json *t[STORE_TABLES])
{
	static const struct json none = {.type = JSON_ARRAY};
	const struct json *root = &r->imp->root, *fmt;
	long long format;
	size_t k, c;

	if (root->type != JSON_OBJECT)
		return program_import_refuse(
		    r, root,
		    "the file holds %s, not an export of "
		    "backpain (an object with \"format\" and a "
		    "table each)",
		    json_type_name(root->type));
	for (k = 0; k < root->n; k++) {
		if (strcmp(root->members[k].key, "format") == 0)
			continue;
		for (c = 0; c < STORE_TABLES; c++)
			if (strcmp(root->members[k].key,
				   store_tables[c].name) == 0)
				break;
		if (c == STORE_TABLES) {
			struct json at = {0};

			at.line = root->members[k].line;
			at.col = root->members[k].col;
			return program_import_refuse(
			    r, &at,
			    "no such table in an export of "
			    "backpain");
		}
	}
	if ((fmt = json_get(root, "format")) == NULL)
		return program_import_refuse(
		    r, root, "no \"format\": not an export of backpain");
	if (json_int(fmt, 0, PROGRAM_IMPORT_ID_MAX, &format) != 0 ||
	    format < IMPORT_FORMAT_FIRST || format > IMPORT_FORMAT)
		return program_import_refuse(
		    r, fmt,
		    "format %s is not one this backpain reads "
		    "(%d to %d)",
		    fmt->type == JSON_NUMBER ? fmt->str : "?",
		    IMPORT_FORMAT_FIRST, IMPORT_FORMAT);
	for (c = 0; c < STORE_TABLES; c++) {
		if ((t[c] = json_get(root, store_tables[c].name)) == NULL &&
		    store_tables[c].since > STORE_EXPORT_FIRST)
			t[c] = &none;
		else if (t[c] == NULL)
			return program_import_refuse(
			    r, root,
			    "no \"%s\" table: not a whole export "
			    "of backpain",
			    store_tables[c].name);
		if (t[c]->type != JSON_ARRAY)
			return program_import_refuse(
			    r, t[c],
			    "the %s table is %s; it must be an "
			    "array",
			    store_tables[c].name, json_type_name(t[c]->type));
	}
	return 0;
}
