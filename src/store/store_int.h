/*
 * store_int.h: what the files of src/store/ share and no one else sees;
 * the folder's one private header. Each file does one job, and they use
 * each other one way only, each the ones listed before it
 * (tests/robust/cycles.sh):
 *   store_sql.c          statements, transactions, what a failure means
 *   store_value.c        one value read from the log, or checked to be
 *                        written
 *   store_columns.c      the log's tables and columns described once, and
 *                        the rules between a row's columns
 *   store_row.c          a table's rows read into its row structs by them
 *   store_file.c         the log's file, directory and mode before SQLite
 *                        opens it
 *   store_check.c        whether a log is sound: the look at open, the
 *                        daily stamp, the scans of the tables' rules
 *   store_migrate.c      the schema's steps, and upgrading with a backup
 *   store.c              opening and closing the log (the three above)
 *   store_checkin.c, store_trial.c, store_habit.c, store_flare.c,
 *   store_lesson.c, store_pause.c: the tables' rows read and written
 *                        (store_habit.c ends trials through store_trial.c)
 *   store_export.c       the history as JSON, the log as JSON and CSV
 *   store_import_check.c, store_import.c, store_import_match.c: a dump
 *                        checked, then merged (store_import_int.h)
 * struct store owns its connection and its path. The helpers returning
 * int return 0 or a sysexits.h code with *cause set (allocated, the
 * caller frees), like the public API.
 */
#ifndef BACKPAIN_STORE_INT_H
#define BACKPAIN_STORE_INT_H

#include <sqlite3.h>
#include <stdarg.h>
#include <sys/types.h>

#include "pain.h"
#include "store.h"

#define STORE_TIMESTAMP_LEN 32	/* the out[32] of day_timestamp() */
#define STORE_APP_ID 1112560713 /* "BPLI", PRAGMA application_id of a log */
/* The mode of the files the store makes: the log, its backups, its stamp. */
#define STORE_FILE_MODE 0600
/* PATH.bak-vN: the copy of the log at version N, made before upgrading it
 * (store_migrate.c) and named in the damaged-log message (store_sql.c). */
#define STORE_BACKUP_SUFFIX ".bak-v"

struct store {
	sqlite3 *db;
	char *path;
	int verified; /* found sound at open: store_close() may stamp it */
};

/*
 * store_sql.c: statements, transactions and what their failures mean.
 */
/* Sets *cause and returns code. */
int store_fail(char **cause, int code, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* Turns SQLite result rc of doing what into a sysexits code and cause. */
int store_sqlerr(const struct store *, int rc, const char *what, char **cause);
/* The message for a damaged log, with how to restore it. */
char *store_damaged(const char *path, const char *detail);
/* EX_IOERR with the damaged-log message: a value in the log is out of its
 * range (what names where). */
int store_corrupt(const struct store *, const char *what, char **cause);

int store_begin(struct store *, char **cause); /* BEGIN IMMEDIATE */
int store_commit(struct store *, char **cause);
void store_rollback(struct store *);
int store_prepare(struct store *, const char *sql, sqlite3_stmt **,
		  char **cause);
/*
 * Binds the arguments to parameters 1, 2, ... by the letters of types:
 * 't' const char * (NULL binds NULL), 'r' an int rating or duration
 * (ENTRY_NONE binds NULL), 'i' an int, 'l' a long long, 'k' a long long
 * row id (0 binds NULL). Returns an SQLite result code.
 */
int store_bind(sqlite3_stmt *, const char *types, ...);
int store_vbind(sqlite3_stmt *, const char *types, va_list);
/* Runs st, a statement that returns no rows, once its binding gave rc;
 * finalizes it. 0, or the code of the failure of doing what. */
int store_run(struct store *, sqlite3_stmt *st, int rc, const char *what,
	      char **cause);
/* Into *out the integer of sql's first row (a PRAGMA, a count), on any
 * connection (the read-only one of the check too). Returns an SQLite
 * result code. */
int store_sql_int(sqlite3 *, const char *sql, int *out);

/*
 * store_value.c: values read from the log are checked against what the store
 * writes, so a value damaged on disk is refused as a damaged log rather than
 * handed on (a pain of 11 indexing past a table). Each returns 0, or -1 when
 * the value is out of its range; the reader then returns store_corrupt().
 * store_read_day: a day a log may hold (day_in_range(); optional: NULL
 * reads as "");
 * store_read_int: an integer in lo..hi (optional: NULL reads as
 * ENTRY_NONE); store_read_text: UTF-8 without NUL (optional: NULL reads
 * as NULL), allocated; an id also non-empty and without control characters.
 */
int store_read_day(sqlite3_stmt *, int i, int optional, char out[DAY_LEN]);
int store_read_int(sqlite3_stmt *, int i, int lo, int hi, int optional,
		   int *out);
int store_read_text(sqlite3_stmt *, int i, int optional, char **out);
int store_read_id(sqlite3_stmt *, int i, char **out);
/* A column of a row store_row_check() found sound, as it is: a day (""
 * for NULL), an int (ENTRY_NONE for NULL), a text (allocated; NULL for
 * NULL), a uid. */
void store_col_day(sqlite3_stmt *, int i, char out[DAY_LEN]);
int store_col_int(sqlite3_stmt *, int i);
char *store_col_text(sqlite3_stmt *, int i);
void store_col_uid(sqlite3_stmt *, int i, char out[ENTRY_UID_LEN]);
/* The time a row is recorded at, as recorded_at holds it. */
void store_now(char out[STORE_TIMESTAMP_LEN]);

/* Checks of values before anything is written: EX_DATAERR with a cause
 * naming what. */
int store_check_day(const char *what, const char *day, char **cause);
int store_check_text(const char *what, const char *s, char **cause);
int store_check_id(const char *what, const char *s, char **cause);
int store_check_rating(const char *what, int v, int optional, char **cause);
/* A version of the log this program can open (perhaps after upgrading),
 * or EX_IOERR naming the file and both versions. */
int store_check_version(const char *path, int version, char **cause);
/* s with control characters escaped, for a message (allocated). */
char *store_shown(const char *s);
/* The bounds of a range query; NULL means unbounded. */
int store_range(const char *from, const char *to, const char **lo,
		const char **hi, char **cause);

/* What is wrong with value v of column c (allocated; NULL when nothing):
 * its type, its range, a NULL where nullable does not allow one. */
char *store_value_problem(const struct store_column *c, int nullable,
			  sqlite3_value *v);

/*
 * store_columns.c: the table of store.h's store_tables, read. A row's
 * values v (n of them) are the columns of table t at version, in order
 * (version 0: the exported columns of a row of a file, those of a version
 * after STORE_EXPORT_FIRST possibly NULL); store_row_problem() says what is
 * wrong with them, the types or the rules between columns (allocated;
 * NULL when nothing). store_row_check() checks the row st is on, selected
 * as store_columns_sql(t, 0) lists them, and refuses a wrong one as a
 * damaged log naming the row (EX_IOERR). store_columns_sql() lists the
 * columns ("day, pain, ...") of t at STORE_VERSION, all or the exported
 * ones; store_columns_at() those at version into b. store_row_name() names a
 * row by its key values (store_row_keys(): their columns; b is -1 when one
 * names it), as "the check-in of 2026-11-07" (allocated).
 * store_columns_register() gives a connection the SQL function
 * backpain_problem(VERSION, TABLE, VALUE...), store_row_problem() for SQL.
 */
char *store_row_problem(enum store_table_id t, int version,
			sqlite3_value *const *v, size_t n);
int store_row_check(struct store *, sqlite3_stmt *st, enum store_table_id t,
		    char **cause);
const char *store_columns_sql(enum store_table_id t, int exported);
struct buf;
const char *store_columns_at(enum store_table_id t, int version, struct buf *b);
char *store_row_name(enum store_table_id t, sqlite3_value *a, sqlite3_value *b);
void store_row_keys(enum store_table_id t, int *a, int *b);
int store_columns_register(sqlite3 *db);
/* What a known profile key's value should be and is not ("a rating from
 * 0 to 10", allocated), or NULL when value fits key. */
char *store_profile_problem(const char *key, const char *value);

/* A profile row as store_row.c reads it (store.h hands out its values
 * alone). */
struct store_profile_row {
	char *key;
	char *value;
	char uid[ENTRY_UID_LEN];
};

/*
 * store_row.c: the rows of a table read into its row struct by the column
 * table, the one reader every table's rows go through. store_rows()
 * selects table t's columns in table order (store_columns_sql(t, 0)) FROM
 * from (NULL: the table t) followed by tail (WHERE, ORDER BY; its
 * parameters bound by types and the arguments after it, as store_bind()
 * binds them), checks each row (store_row_check(): a damaged log is
 * EX_IOERR), and fills one struct of size bytes a row, each column at its
 * place (struct store_column's at; none for STORE_NOWHERE), as its type
 * reads (store_column_size() is its size): ROWID and REF a long long (0
 * for NULL), DAY and UID a char array ("" for NULL), INT an int
 * (ENTRY_NONE for NULL), TEXT, ID and TIME a char * (allocated; NULL for
 * NULL), WORD an enum (0 for NULL, k + 1 for words[k]). *out owns the rows
 * (store_rows_free()), *n their number; none on a failure. store_row()
 * reads the first row only, into *out when *found says there is one
 * (else out is untouched). store_row_clear() frees what a row owns.
 */
int store_rows(struct store *, enum store_table_id t, const char *from,
	       const char *tail, size_t size, void **out, size_t *n,
	       char **cause, const char *types, ...);
int store_row(struct store *, enum store_table_id t, const char *tail,
	      void *out, size_t size, int *found, char **cause,
	      const char *types, ...);
void store_row_clear(enum store_table_id t, void *row);
void store_rows_free(enum store_table_id t, void *rows, size_t n, size_t size);
size_t store_column_size(enum store_type type);

/*
 * store_file.c: the log's file made ready before SQLite opens it (its
 * directory made, 0700 when it is ours; a new file 0600), or refused when
 * someone else could read or change it, or when it is no regular file.
 * Nothing is opened after it returns. *empty says whether the file has no
 * content yet (a new log), *mode the mode it was found with: a file with
 * content keeps it, so that --db naming some other file changes nothing,
 * until store_file_private() once it is known to be a log.
 */
int store_file_prepare(const char *path, int *empty, mode_t *mode,
		       char **cause);
int store_file_private(const char *path, mode_t mode, char **cause);
/* The refusals of store_file_prepare() for a log that exists, with nothing
 * made or changed (no directory, no file, no mode): for reading only. */
int store_file_check(const char *path, mode_t *mode, char **cause);
/* The directory of path ("." or "/" for a path without one), allocated. */
char *store_file_dir(const char *path);
/* The code for a file that cannot be made: errno e of creating it. */
int store_file_errno(int e);

/* store_check.c: checks an existing file without changing it (*verified
 * says whether it was found sound, by its stamp or by reading it through). */
int store_inspect(const char *path, int *verified, char **cause);
/* A read-only connection to the log at path that makes no file beside it
 * (store_check.c says how); an SQLite result code. */
int store_check_open(const char *path, sqlite3 **db);
/* For readers that hand rows on as SQL made them (exports): EX_IOERR with
 * the damaged-log message, naming the row, when a row of the log, or a
 * check-in from lo to hi, breaks the rules of its table (store_columns.c;
 * see rules_scan in store_check.c). */
int store_check_rules(struct store *, char **cause);
int store_check_checkins(struct store *, const char *lo, const char *hi,
			 char **cause);
/* Records the log as this program leaves it, so that its next open finds
 * it unchanged and need not read it through (the stamp, PATH.checked). */
void store_stamp(const char *path);

/* store_migrate.c: brings an open log to STORE_VERSION, backing an old one
 * up first. */
int store_migrate(struct store *, char **cause);

/* store_trial.c: ends the running trial of approach on day inside the
 * caller's transaction (refused as store_trial_stop()); its id in *id. The
 * outcome is not checked here. */
int store_trial_end(struct store *, const char *approach, const char *day,
		    enum outcome, long long *id, char **cause);

/* store_lesson.c: a lesson's row as store_lesson_add() takes it (store.h):
 * ids and the one day of the row checked, a dismissal with its moment (an
 * import's rows are checked by the column table, store_columns.c). */
int store_lesson_check(const struct store_lesson *, char **cause);

/* store_import_check.c: the dump into TEMP tables (imp_checkin, ...: a
 * table's exported columns, its row's place in the dump pos, and class,
 * log_id, trial for store_import.c), checked there by the column table and
 * by what the rows of one file keep among themselves: EX_DATAERR with
 * res->table and res->row naming the row refused. store_import_drop()
 * drops the TEMP tables (an SQLite result code). */
int store_import_load(struct store *, const struct store_dump *,
		      struct store_import_result *, char **cause);
int store_import_drop(struct store *);

#endif
