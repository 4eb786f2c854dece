/* store.c: opening and closing the log. The file is made ready by
 * store_file.c, checked by store_check.c and brought up to date by
 * store_migrate.c; here the connection is opened and configured. */
#include "store.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
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

#define READ_TRIES 3 /* reads of a log others change meanwhile */

/* The size of the log's -wal, -1 when there is none. */
static long long
wal_size(const char *path)
{
	char *wal = xasprintf("%s-wal", path);
	struct stat st;
	long long n = lstat(wal, &st) == 0 ? (long long)st.st_size : -1;

	free(wal);
	return n;
}

/* Whether the log is as it was (before) and its -wal still holds no page:
 * a copy read from the file alone is then the log. */
static int
unchanged(const char *path, const struct stat *before)
{
	struct stat now;

	return stat(path, &now) == 0 && now.st_size == before->st_size &&
	       now.st_mtim.tv_sec == before->st_mtim.tv_sec &&
	       now.st_mtim.tv_nsec == before->st_mtim.tv_nsec &&
	       now.st_ctim.tv_sec == before->st_ctim.tv_sec &&
	       now.st_ctim.tv_nsec == before->st_ctim.tv_nsec &&
	       wal_size(path) <= 0;
}

/* The log copied into memory as s->db, through store_check_open(): with
 * pages in the -wal, SQLite's locks keep the copy whole (another process
 * has the log open, and so has made its -shm); from the file alone, no
 * lock is taken, and a copy is kept only when the file did not change
 * while it was read. An SQLite result code, or SQLITE_BUSY when the log
 * kept changing. */
static int
copy_in(struct store *s)
{
	sqlite3 *src;
	sqlite3_backup *b;
	struct stat before;
	int rc = SQLITE_BUSY, tries, wal;

	for (tries = 0; tries < READ_TRIES; tries++) {
		if (stat(s->path, &before) != 0)
			return SQLITE_CANTOPEN;
		wal = wal_size(s->path) > 0;
		src = NULL;
		rc = store_check_open(s->path, &src);
		if (rc == SQLITE_OK) {
			sqlite3_busy_timeout(src, STORE_BUSY_MS);
			rc = sqlite3_open_v2(
			    ":memory:", &s->db,
			    SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL);
		}
		if (rc == SQLITE_OK) {
			b = sqlite3_backup_init(s->db, "main", src, "main");
			rc = b == NULL ? sqlite3_errcode(s->db)
				       : sqlite3_backup_step(b, -1);
			if (b != NULL && rc == SQLITE_DONE)
				rc = sqlite3_backup_finish(b);
			else if (b != NULL)
				sqlite3_backup_finish(b);
		}
		sqlite3_close(src);
		if (rc == SQLITE_OK && (wal || unchanged(s->path, &before)))
			return SQLITE_OK;
		sqlite3_close(s->db);
		s->db = NULL;
		if (rc == SQLITE_OK)
			rc = SQLITE_BUSY;
	}
	return rc;
}

int
store_open_read(const char *path, struct store **out, char **cause)
{
	struct store *s;
	struct stat st;
	int rc, verified, version = 0;
	mode_t mode;

	*out = NULL;
	if (path == NULL || *path == '\0' || stat(path, &st) != 0 ||
	    st.st_size == 0)
		return store_open(path, out, cause);
	/* The refusals and the look of store_open(), with nothing made. */
	if ((rc = store_file_check(path, &mode, cause)) != 0 ||
	    (rc = store_inspect(path, &verified, cause)) != 0 ||
	    (rc = store_file_private(path, mode, cause)) != 0)
		return rc;
	s = xcalloc(1, sizeof *s);
	s->path = xstrdup(path);
	/* Not stamped at close: the stamp records the program's writes. */
	s->verified = 0;
	if ((rc = copy_in(s)) != SQLITE_OK) {
		rc = store_sqlerr(s, rc, "reading the log", cause);
		store_close(s);
		return rc;
	}
	if ((rc = configure(s, cause)) != 0) {
		store_close(s);
		return rc;
	}
	rc = store_sql_int(s->db, "PRAGMA user_version", &version);
	if (rc != SQLITE_OK || version != STORE_VERSION) {
		/* An upgrade writes the log (and a backup of it). */
		store_close(s);
		return store_open(path, out, cause);
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
