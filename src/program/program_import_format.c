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

#include "util.h"

#define IMPORT_FORMAT 1 /* the "format" of the exports this program reads */

const char *const program_import_table_names[PROGRAM_IMPORT_TABLES] = {
    "checkin", "answer", "trial", "session",	"screening",
    "profile", "habit",	 "flare", "trial_pause"};
/* The tables from this one on came after the first exports (the log's
 * schema step 4 -> 5, and trial_pause later): a file without them, from
 * an older backpain, has none of their rows. */
#define OPTIONAL_TABLES PROGRAM_IMPORT_HABIT

/* The columns of each table's rows, as store_export.c writes them. */
static const char *const columns[][PROGRAM_IMPORT_COLUMNS] = {
    {"day", "pain", "interference", "note", "recorded_at", "updated_at"},
    {"day", "question_id", "value"},
    {"id", "approach", "started_on", "ended_on", "outcome", "impression"},
    {"id", "practice", "approach", "day", "minutes", "pain_before",
     "pain_after", "recorded_at"},
    {"id", "flag_id", "answer", "asked_at", "checked_on"},
    {"key", "value"},
    {"id", "approach", "trial_id", "kept_on", "dropped_on"},
    {"id", "began_on", "ended_on", "ended_by", "pain", "note", "recorded_at"},
    {"id", "trial_id", "paused_on", "resumed_on", "recorded_at"},
};
/* Each table's columns from this one on came after the first exports (the
 * log's schema steps 2 -> 3 and 3 -> 4): a row without them, from an older
 * backpain, reads them as null. ALL: none (each came with its table). */
#define ALL PROGRAM_IMPORT_COLUMNS
static const size_t optional_from[PROGRAM_IMPORT_TABLES] = {
    ALL, ALL, 5 /* impression */, ALL, 4 /* checked_on */, ALL, ALL, ALL, ALL};
#undef ALL
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

/* A whole number in [min, max]; STORE_NONE for null when nullable. */
int
program_import_get_int(struct program_reading *r, const struct json *v,
		       const char *what, long long min, long long max,
		       int nullable, long long *out)
{
	if (nullable && v->type == JSON_NULL) {
		*out = STORE_NONE;
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
 * today. */
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
	if (strcmp(s, r->today) > 0)
		return program_import_refuse(
		    r, v, "%s %s is in the future (today is %s)", what, s,
		    r->today);
	memcpy(out, s, DAY_LEN);
	return 0;
}

static int
two(const char *s, int max)
{
	if (s[0] < '0' || s[0] > '9' || s[1] < '0' || s[1] > '9')
		return -1;
	return (s[0] - '0') * 10 + (s[1] - '0') <= max ? 0 : -1;
}

/* A time as the log records it: YYYY-MM-DDTHH:MM:SS and +HH:MM, -HH:MM
 * or Z. Its date may be after today: with a day that starts at 04:00, a
 * check-in made at 02:00 counts for the day before. */
int
program_import_get_time(struct program_reading *r, const struct json *v,
			const char *what, const char **out)
{
	char day[DAY_LEN];
	const char *s;
	size_t n;
	int rc;

	if ((rc = program_import_get_str(r, v, what, 0, &s)) != 0)
		return rc;
	n = strlen(s);
	memcpy(day, s, n >= DAY_LEN - 1 ? DAY_LEN - 1 : n);
	day[n >= DAY_LEN - 1 ? DAY_LEN - 1 : n] = '\0';
	if (n < 20 || day_valid(day) != 0 || s[10] != 'T' ||
	    two(s + 11, 23) != 0 || s[13] != ':' || two(s + 14, 59) != 0 ||
	    s[16] != ':' || two(s + 17, 60) != 0 ||
	    !((n == 20 && s[19] == 'Z') ||
	      (n == 25 && (s[19] == '+' || s[19] == '-') &&
	       two(s + 20, 23) == 0 && s[22] == ':' && two(s + 23, 59) == 0)))
		return program_import_refuse(r, v,
					     "%s is not a time of the log "
					     "(YYYY-MM-DDTHH:MM:SS+HH:MM)",
					     what);
	*out = s;
	return 0;
}

/* The row's values in the order of columns[t]: no column missing (but
 * those of optional_from, as null), none unknown. */
int
program_import_row(struct program_reading *r, enum program_import_table t,
		   size_t i, const struct json *row,
		   const struct json *vals[PROGRAM_IMPORT_COLUMNS])
{
	size_t k, c;

	if (row->type != JSON_OBJECT)
		return program_import_refuse(
		    r, row, "%s row %zu is %s; it must be an object",
		    program_import_table_names[t], i + 1,
		    json_type_name(row->type));
	for (c = 0; c < PROGRAM_IMPORT_COLUMNS && columns[t][c] != NULL; c++)
		if ((vals[c] = json_get(row, columns[t][c])) == NULL &&
		    c >= optional_from[t])
			vals[c] = &json_null;
		else if (vals[c] == NULL)
			return program_import_refuse(
			    r, row, "%s row %zu has no \"%s\"",
			    program_import_table_names[t], i + 1,
			    columns[t][c]);
	for (k = 0; k < row->n; k++) {
		for (c = 0; c < PROGRAM_IMPORT_COLUMNS && columns[t][c] != NULL;
		     c++)
			if (strcmp(row->members[k].key, columns[t][c]) == 0)
				break;
		if (c == PROGRAM_IMPORT_COLUMNS || columns[t][c] == NULL) {
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
			    program_import_table_names[t], i + 1,
			    b.data != NULL ? b.data : "",
			    program_import_table_names[t]);
			buf_free(&b);
			return rc;
		}
	}
	return 0;
}

int
program_import_tables(struct program_reading *r,
		      const struct json *t[PROGRAM_IMPORT_TABLES])
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
		for (c = 0; c < PROGRAM_IMPORT_TABLES; c++)
			if (strcmp(root->members[k].key,
				   program_import_table_names[c]) == 0)
				break;
		if (c == PROGRAM_IMPORT_TABLES) {
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
	    format != IMPORT_FORMAT)
		return program_import_refuse(
		    r, fmt,
		    "format %s is not one this backpain reads "
		    "(%d)",
		    fmt->type == JSON_NUMBER ? fmt->str : "?", IMPORT_FORMAT);
	for (c = 0; c < PROGRAM_IMPORT_TABLES; c++) {
		if ((t[c] = json_get(root, program_import_table_names[c])) ==
			NULL &&
		    c >= OPTIONAL_TABLES)
			t[c] = &none;
		else if (t[c] == NULL)
			return program_import_refuse(
			    r, root,
			    "no \"%s\" table: not a whole export "
			    "of backpain",
			    program_import_table_names[c]);
		if (t[c]->type != JSON_ARRAY)
			return program_import_refuse(
			    r, t[c],
			    "the %s table is %s; it must be an "
			    "array",
			    program_import_table_names[c],
			    json_type_name(t[c]->type));
	}
	return 0;
}
