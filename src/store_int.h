/*
 * store_int.h: what the store's files (store.c, store_*.c) share and no one
 * else sees. struct store owns its connection and its path. The helpers
 * returning int return 0 or a sysexits.h code with *cause set (allocated,
 * the caller frees), like the public API.
 */
#ifndef BACKPAIN_STORE_INT_H
#define BACKPAIN_STORE_INT_H

#include <sqlite3.h>

#include "pain.h"
#include "store.h"

#define STORE_TIMESTAMP_LEN 32 /* the out[32] of day_timestamp() */

struct store {
	sqlite3 *db;
	char *path;
};

/* Sets *cause and returns code. */
int store_fail(char **cause, int code, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* Turns SQLite result rc of doing what into a sysexits code and cause. */
int store_sqlerr(const struct store *, int rc, const char *what, char **cause);
/* The message for a damaged log, with how to restore it. */
char *store_damaged(const char *path, const char *detail);

int store_begin(struct store *, char **cause); /* BEGIN IMMEDIATE */
int store_commit(struct store *, char **cause);
void store_rollback(struct store *);
int store_prepare(struct store *, const char *sql, sqlite3_stmt **,
		  char **cause);
/*
 * Binds the arguments to parameters 1, 2, ... by the letters of types:
 * 't' const char * (NULL binds NULL), 'r' an int rating or duration
 * (STORE_NONE binds NULL), 'i' an int, 'l' a long long. Returns an SQLite
 * result code.
 */
int store_bind(sqlite3_stmt *, const char *types, ...);
/* Column i as an allocated string (NULL for NULL), an int (STORE_NONE for
 * NULL), a day. */
char *store_col_str(sqlite3_stmt *, int i);
int store_col_opt(sqlite3_stmt *, int i);
void store_col_day(sqlite3_stmt *, int i, char out[DAY_LEN]);
void store_now(char out[STORE_TIMESTAMP_LEN]);

/* Checks of values before anything is written: EX_DATAERR with a cause
 * naming what. */
int store_check_day(const char *what, const char *day, char **cause);
int store_check_text(const char *what, const char *s, char **cause);
int store_check_id(const char *what, const char *s, char **cause);
int store_check_rating(const char *what, int v, int optional, char **cause);
/* s with control characters escaped, for a message (allocated). */
char *store_shown(const char *s);
/* The bounds of a range query; NULL means unbounded. */
int store_range(const char *from, const char *to, const char **lo,
		const char **hi, char **cause);

/* store_trial.c: ends the running trial of approach on day inside the
 * caller's transaction (refused as store_trial_stop()); its id in *id. The
 * outcome is not checked here. */
int store_trial_end(struct store *, const char *approach, const char *day,
		    enum store_outcome, long long *id, char **cause);

/* store_schema.c: checks an existing file without changing it, and brings
 * an open log to STORE_VERSION. */
int store_inspect(const char *path, char **cause);
int store_migrate(struct store *, char **cause);

#endif
