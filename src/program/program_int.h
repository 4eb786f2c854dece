/*
 * program_int.h: what the files of the program module share and no other
 * module sees: the checks of the write path (program_check.c) that every
 * program_write*.c makes before it writes, and the parts of an import
 * (program_import*.c). Each check of a write returns 0, or EX_DATAERR with
 * *cause set (allocated, the caller frees) and, when bad is not NULL, bad
 * naming the value refused, as program.h's writes do.
 */
#ifndef BACKPAIN_PROGRAM_INT_H
#define BACKPAIN_PROGRAM_INT_H

#include <stddef.h>

#include "json.h"
#include "program.h"
#include "store.h"

/* program_state.c, for program_plan_load(): marks the steps that are
 * flare-up tools with their sessions, and the running ones past their
 * trial days. */
int program_plan_tools(const struct pack *, struct store *,
		       struct program_plan *, char **cause);

/* Sets bad (when not NULL) to field and index and *cause to why (taken
 * over); returns EX_DATAERR. */
int program_refuse(struct program_bad *bad, enum program_field field,
		   size_t index, char **cause, char *why);
/* Sets bad (when not NULL) to PROGRAM_FIELD_NONE: nothing refused yet. */
void program_bad_none(struct program_bad *bad);
/* A rating PAIN_MIN..PAIN_MAX, or ENTRY_NONE when optional; field names
 * it in bad. */
int program_check_rating(int v, int optional, enum program_field field,
			 struct program_bad *bad, char **cause);
/* A real day of the days a log may hold (day_check()), not after today
 * (PROGRAM_FIELD_DAY; PROGRAM_FIELD_NONE when today itself is not known). */
int program_check_day(const char *day, const char *today,
		      struct program_bad *bad, char **cause);
/* day_add() with its failure said: EX_SOFTWARE, *cause naming the day.
 * The log's days are inside day.h's bounds and the windows around them
 * fit its margins, so only a day from elsewhere (a clock set outside the
 * years of a day) can fail. */
int program_day_add(const char *day, int n, char out[DAY_LEN], char **cause);
/* The practice of the pack with that id, or NULL refused as field, index
 * with the pack's practice ids listed. */
const struct practice *
program_find_practice(const struct pack *, const char *id,
		      enum program_field field, size_t index,
		      struct program_bad *bad, char **cause);
/* The question a (answers[index] of a check-in) answers and the choice it
 * takes, both borrowed from the pack; refused as PROGRAM_FIELD_ANSWER. */
int program_find_answer(const struct pack *, const struct program_answer *a,
			size_t index, const struct question **q,
			const char **choice, struct program_bad *bad,
			char **cause);

/*
 * An import (program.h) is read in parts: program_import_format.c knows
 * the export's format (its tables, their columns, the type of each value)
 * and places a refusal in the file; program_import.c, the entry points,
 * reads the tables in order and checks the rows of each by the rules of
 * their writes: those of the check-ins, their answers and the sessions in
 * program_import_checkin.c, the trials and habits in program_import_trial.c,
 * the screening answers and the profile in program_import_safety.c, the
 * flare-ups in program_import_flare.c, the lessons read or put off in
 * program_import_lesson.c. Each function returning int returns
 * 0, or EX_DATAERR with *r->cause "NAME:LINE:COLUMN: why".
 */

/* An id is from 1 to SQLite's largest row id. */
#define PROGRAM_IMPORT_ID_MAX 9223372036854775807LL
#define PROGRAM_IMPORT_IDS_IN_ORDER                                            \
	"ids are in increasing order, each once, as the export writes them"

/* The export's tables and their columns are the store's (store.h's
 * store_tables, enum store_table_id), read in that order. */

/* The file read: the store's rows (dump) are the arrays below, their
 * strings borrowed from the parsed tree (root) or the pack; name, root and
 * the arrays are owned here (program_import_free()). */
struct program_import {
	char *name;
	struct json root;
	struct store_dump dump;
	struct checkin *checkins;
	struct store_answer *answers;
	struct store_trial *trials;
	struct store_session *sessions;
	struct store_dump_screening *screenings;
	struct store_dump_profile *profile;
	struct store_habit *habits;
	struct store_flare *flares;
	struct store_lesson *lessons;
	struct store_pause *pauses;
	/* Each row's object, for the place of a refusal. */
	const struct json *rows[STORE_TABLES];
};

/*
 * How many days after today a day of an import may be: a log kept where
 * the date is already tomorrow (time zones span 26 hours, Pacific/
 * Kiritimati to Etc/GMT+12), whose day may also start as late as 04:00,
 * is restored here and now. Only an import takes them; every command still
 * refuses a day after today.
 */
#define PROGRAM_IMPORT_DAYS_AHEAD 2

/* A file being read into imp, checked against pack and today: a day may be
 * as late as latest (PROGRAM_IMPORT_DAYS_AHEAD after today). */
struct program_reading {
	struct program_import *imp;
	const struct pack *pack;
	const char *today;
	char **cause;
	char latest[DAY_LEN];
};

/* Refuses the value at (its line and column): "FILE:LINE:COL: message". */
int program_import_refuse(struct program_reading *, const struct json *at,
			  const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/*
 * A value v of a row, named what in a refusal. get_str: a string without
 * NUL, borrowed from the tree. get_int: a whole number from min to max.
 * get_day: a day, YYYY-MM-DD, not after r->latest. get_time: a time as the log
 * records it. When nullable, a null reads as NULL (get_str), ENTRY_NONE
 * (get_int) or "" (get_day).
 */
int program_import_get_str(struct program_reading *, const struct json *v,
			   const char *what, int nullable, const char **out);
int program_import_get_int(struct program_reading *, const struct json *v,
			   const char *what, long long min, long long max,
			   int nullable, long long *out);
int program_import_get_day(struct program_reading *, const struct json *v,
			   const char *what, int nullable, char out[DAY_LEN]);
int program_import_get_time(struct program_reading *, const struct json *v,
			    const char *what, const char **out);
/* An id of the pack, or one the pack does not have (kept as the file has
 * it): a string, not empty, without control characters. */
int program_import_get_id(struct program_reading *, const struct json *v,
			  const char *what, const char **out);
/* The approach, practice or question id of the file as the pack has it now:
 * its own, the one the pack renamed it to (renamed_from), or, when the pack
 * does not have it, the file's (kept, shown as one the pack does not
 * have). */
const char *program_import_approach(const struct program_reading *,
				    const char *id);
const char *program_import_practice(const struct program_reading *,
				    const char *id);
const char *program_import_question(const struct program_reading *,
				    const char *id);
/* A row's uid (32 lowercase hex digits) into out; "" for null or absent
 * (a file from before uids). */
int program_import_get_uid(struct program_reading *, const struct json *v,
			   char out[ENTRY_UID_LEN]);
/* Row i of table t: its values in the order of the table's exported
 * columns (store_tables[t]), a column the file's version had not yet as
 * null. */
int program_import_row(struct program_reading *, enum store_table_id t,
		       size_t i, const struct json *row,
		       const struct json *vals[STORE_COLUMNS_MAX]);
/* The uids of the n rows of table t (each stride bytes after the one
 * before, from first) are each there once: else refused at the second. */
int program_import_uids_once(struct program_reading *, enum store_table_id t,
			     const char *first, size_t stride, size_t n);
/* The file's top level: an export of a format this program reads, with its
 * tables (an optional one missing reads as empty) in t. */
int program_import_tables(struct program_reading *,
			  const struct json *t[STORE_TABLES]);

/*
 * The readers of the tables, which read_root() calls in the export's order
 * (a table may look back at those before it): each reads its rows into
 * r->imp, checked by the rules of their writes. program_import_checkins()
 * reads two tables, the check-ins and their answers, then checks each
 * check-in with its answers through program_checkin_check().
 */
int program_import_checkins(struct program_reading *,
			    const struct json *checkins,
			    const struct json *answers);
int program_import_trials(struct program_reading *, const struct json *a);
int program_import_sessions(struct program_reading *, const struct json *a);
int program_import_screenings(struct program_reading *, const struct json *a);
int program_import_profile(struct program_reading *, const struct json *a);
int program_import_habits(struct program_reading *, const struct json *a);
int program_import_flares(struct program_reading *, const struct json *a);
int program_import_lessons(struct program_reading *, const struct json *a);
/* program_import_pause.c: the pause weeks (program_pause()), each of a
 * trial of the file, once. */
int program_import_pauses(struct program_reading *, const struct json *a);

#endif
