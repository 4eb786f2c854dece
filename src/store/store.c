/* store.c: opening and closing the log. The file is made ready by
 * store_file.c, checked by store_check.c and brought up to date by
 * store_migrate.c; here the connection is opened and configured. */
#include "store.h"

#include <stdlib.h>
#include <string.h>
#include <sysexits.h>
#include <time.h>

#include "store_int.h"
#include "util.h"

/* Connection settings; none of them writes to the file. */
static int
configure(struct store *s, char **cause)
{
	static const char *const pragmas[] = {
	    "PRAGMA foreign_keys = ON",
	    "PRAGMA trusted_schema = OFF",
	    "PRAGMA synchronous = FULL",
	};
	size_t i;
	int rc;

	sqlite3_extended_result_codes(s->db, 1);
	sqlite3_busy_timeout(s->db, STORE_BUSY_MS);
	if ((rc = store_columns_register(s->db)) != SQLITE_OK)
		return store_sqlerr(s, rc, "opening the log", cause);
	sqlite3_db_config(s->db, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL);
	for (i = 0; i < sizeof pragmas / sizeof pragmas[0]; i++) {
		rc = sqlite3_exec(s->db, pragmas[i], NULL, NULL, NULL);
		if (rc != SQLITE_OK)
			return store_sqlerr(s, rc, "opening the log", cause);
	}
	return 0;
}

#define BUSY_STEP_MS 5 /* how often to try again while the log is busy */

/* WAL mode, which the file remembers; switching needs the write lock. */
static int
set_wal(struct store *s, char **cause)
{
	sqlite3_stmt *st;
	const unsigned char *mode;
	const struct timespec step = {0, BUSY_STEP_MS * 1000000L};
	int rc, waited;

	if ((rc = store_prepare(s, "PRAGMA journal_mode = WAL", &st, cause)))
		return rc;
	/*
	 * Switching, or confirming, the journal mode can answer SQLITE_BUSY
	 * without SQLite's busy handler waiting: while the last connection
	 * of another process checkpoints and removes the -wal file. Wait for
	 * it here, within the same budget.
	 */
	for (waited = 0; (rc = sqlite3_step(st)) != SQLITE_ROW &&
			 (rc & 0xff) == SQLITE_BUSY && waited < STORE_BUSY_MS;
	     waited += BUSY_STEP_MS) {
		sqlite3_reset(st);
		nanosleep(&step, NULL);
	}
	if (rc != SQLITE_ROW) {
		rc = store_sqlerr(s, rc, "opening the log", cause);
		sqlite3_finalize(st);
		return rc;
	}
	mode = sqlite3_column_text(st, 0);
	if (mode == NULL || strcmp((const char *)mode, "wal") != 0) {
		*cause = xasprintf("cannot use the log %s: its file system "
				   "does not support write-ahead logging",
				   s->path);
		sqlite3_finalize(st);
		return EX_IOERR;
	}
	sqlite3_finalize(st);
	return 0;
}

int
store_open(const char *path, struct store **out, char **cause)
{
	struct store *s;
	int rc, empty, verified = 0;
	mode_t mode;

	*out = NULL;
	if ((rc = store_file_prepare(path, &empty, &mode, cause)) != 0)
		return rc;
	/* A file with content is checked read-only first, so that a newer,
	 * foreign or visibly damaged log is refused without a byte changed
	 * (store_inspect() says how far it looks), and made private only
	 * then. */
	if (!empty && ((rc = store_inspect(path, &verified, cause)) != 0 ||
		       (rc = store_file_private(path, mode, cause)) != 0))
		return rc;

	s = xcalloc(1, sizeof *s);
	s->path = xstrdup(path);
	s->verified = empty || verified;
	/* NOMUTEX: one thread uses a connection, so SQLite need not lock
	 * its mutex around every call (a fifth of reading many rows). */
	rc = sqlite3_open_v2(path, &s->db,
			     SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL);
	if (rc != SQLITE_OK) {
		rc = store_sqlerr(s, rc, "opening the log", cause);
		store_close(s);
		return rc;
	}
	if ((rc = configure(s, cause)) != 0 || (rc = set_wal(s, cause)) != 0 ||
	    (rc = store_migrate(s, cause)) != 0) {
		store_close(s);
		return rc;
	}
	*out = s;
	return 0;
}

void
store_close(struct store *s)
{
	if (s == NULL)
		return;
	/* The log as this program leaves it is the one found sound at open,
	 * changed by its own writes. (Someone else's change while it was
	 * open is taken as its own: the stamp guards the time between uses.) */
	if (sqlite3_close(s->db) == SQLITE_OK && s->verified)
		store_stamp(s->path);
	free(s->path);
	free(s);
}

const char *
store_path(const struct store *s)
{
	return s->path;
}

int
store_saved(const struct store *s)
{
	return sqlite3_total_changes(s->db) > 0;
}
