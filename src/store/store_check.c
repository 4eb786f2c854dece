/* store_check.c: whether a log is sound, read without changing it: the
 * read-only look before a log is opened for writing (its version, whose
 * file it is, and once a day or before an upgrade the whole file read
 * through), the daily stamp that spares the read on the other opens, and
 * the scans of the tables' rules (by the table of store_columns.c) that
 * exports use. */
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sysexits.h>
#include <time.h>
#include <unistd.h>

#include "store_int.h"
#include "util.h"

#define STAMP_MAX 256 /* the longest stamp line, with room to spare */

/* PRAGMA quick_check: 0 when it says "ok", else its first complaint. */
static int
quick_check(sqlite3 *db, char **problem)
{
	sqlite3_stmt *st;
	const unsigned char *text;
	int rc = sqlite3_prepare_v2(db, "PRAGMA quick_check", -1, &st, NULL);

	*problem = NULL;
	if (rc != SQLITE_OK)
		return rc;
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		text = sqlite3_column_text(st, 0);
		if (text == NULL || strcmp((const char *)text, "ok") != 0)
			*problem = xasprintf("quick_check: %s",
					     text ? (const char *)text : "?");
		rc = SQLITE_OK;
	}
	sqlite3_finalize(st);
	return rc;
}

/*
 * The scan of a whole log: every row of every table of its version against
 * the table of store_columns.c (the SQL function backpain_problem(): each
 * column's type and range, the rules between them), and each answer's
 * check-in there. It runs on a log of any version before upgrading it,
 * each table with the columns it had then. A scan: SQLite does not read a
 * table's CHECK constraints on a read-only connection, so there
 * quick_check passes a pain of 11. The first broken row, named, or none.
 */
static int
scan_table(sqlite3 *db, enum store_table_id t, int version, const char *lo,
	   const char *hi, char **problem)
{
	const struct store_table *tb = &store_tables[t];
	sqlite3_stmt *st;
	struct buf cols, sql;
	int rc, a, b;
	char *name;

	store_row_keys(t, &a, &b);
	buf_init(&cols);
	buf_init(&sql);
	buf_printf(&sql,
		   "SELECT * FROM (SELECT %s, %s, backpain_problem(%d, %d, %s)"
		   " AS p FROM %s%s) WHERE p IS NOT NULL LIMIT 1",
		   tb->columns[a].name, b >= 0 ? tb->columns[b].name : "NULL",
		   version, (int)t, store_columns_at(t, version, &cols),
		   tb->name, lo != NULL ? " WHERE day BETWEEN ?1 AND ?2" : "");
	rc = sqlite3_prepare_v2(db, sql.data, -1, &st, NULL);
	buf_free(&cols);
	buf_free(&sql);
	if (rc != SQLITE_OK)
		return rc;
	if (lo != NULL)
		rc = store_bind(st, "tt", lo, hi);
	if (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		name = store_row_name(t, sqlite3_column_value(st, 0),
				      sqlite3_column_value(st, 1));
		*problem = xasprintf("%s: %s", name,
				     (const char *)sqlite3_column_text(st, 2));
		free(name);
		rc = SQLITE_DONE;
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

/* The rules scan: SQLITE_OK with *problem NULL when it passes. */
static int
rules_scan(sqlite3 *db, int version, char **problem)
{
	sqlite3_stmt *st;
	int rc = SQLITE_OK, t;

	*problem = NULL;
	for (t = 0; t < STORE_TABLES && rc == SQLITE_OK && *problem == NULL;
	     t++)
		if (store_tables[t].since <= version)
			rc = scan_table(db, (enum store_table_id)t, version,
					NULL, NULL, problem);
	if (rc != SQLITE_OK || *problem != NULL)
		return rc;
	rc = sqlite3_prepare_v2(db,
				"SELECT day, question_id FROM answer WHERE NOT"
				" EXISTS (SELECT 1 FROM checkin AS c"
				" WHERE c.day = answer.day) LIMIT 1",
				-1, &st, NULL);
	if (rc != SQLITE_OK)
		return rc;
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		char *name = store_row_name(STORE_TABLE_ANSWER,
					    sqlite3_column_value(st, 0),
					    sqlite3_column_value(st, 1));

		*problem =
		    xasprintf("%s: the log has no check-in of its day", name);
		free(name);
		rc = SQLITE_DONE;
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

/* quick_check, then the rules scan on a log that has its tables:
 * SQLITE_OK with *problem NULL when both pass. */
static int
full_check(sqlite3 *db, int version, char **problem)
{
	int rc = quick_check(db, problem);

	if (rc != SQLITE_OK || *problem != NULL || version < 1)
		return rc;
	return rules_scan(db, version, problem);
}

int
store_check_rules(struct store *s, char **cause)
{
	char *problem = NULL;
	int rc = rules_scan(s->db, STORE_VERSION, &problem);

	if (rc != SQLITE_OK)
		return store_sqlerr(s, rc, "reading the log", cause);
	if (problem == NULL)
		return 0;
	*cause = store_damaged(s->path, problem);
	free(problem);
	return EX_IOERR;
}

int
store_check_checkins(struct store *s, const char *lo, const char *hi,
		     char **cause)
{
	char *problem = NULL;
	int rc = scan_table(s->db, STORE_TABLE_CHECKIN, STORE_VERSION, lo, hi,
			    &problem);

	if (rc != SQLITE_OK)
		return store_sqlerr(s, rc, "reading the log", cause);
	if (problem == NULL)
		return 0;
	*cause = store_damaged(s->path, problem);
	free(problem);
	return EX_IOERR;
}

/*
 * A read-only connection that leaves no trace. Without a -wal file, or
 * with an empty one (left by a connection that wrote nothing, or that
 * failed on a full disk), the file alone is the log, so it is opened
 * immutable: SQLite then creates no -wal or -shm beside a log it may be
 * about to refuse, and needs no room for them. With pages in the -wal,
 * they are part of the log and a plain read-only connection reads them.
 */
int
store_check_open(const char *path, sqlite3 **db)
{
	static const char plain[] = "abcdefghijklmnopqrstuvwxyz"
				    "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789/._-~";
	char *wal = xasprintf("%s-wal", path);
	struct stat st;
	struct buf uri;
	const unsigned char *p;
	int rc, has_wal = lstat(wal, &st) == 0 && st.st_size > 0;

	free(wal);
	if (has_wal)
		return sqlite3_open_v2(path, db, SQLITE_OPEN_READONLY, NULL);
	buf_init(&uri);
	buf_adds(&uri, "file:");
	for (p = (const unsigned char *)path; *p != '\0'; p++) {
		if (strchr(plain, *p) != NULL)
			buf_addc(&uri, (char)*p);
		else
			buf_printf(&uri, "%%%02X", *p);
	}
	buf_adds(&uri, "?immutable=1");
	rc = sqlite3_open_v2(uri.data, db,
			     SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL);
	buf_free(&uri);
	return rc;
}

/*
 * The stamp beside the log, PATH.checked (0600), says on which local day
 * the log was last found sound, and what its file (device, inode, size,
 * modification and change times) and its -wal looked like then or when
 * this program last closed it after its own writes (store_stamp()). A
 * log copied over, or changed in place by anything else, no longer
 * matches, and its next open reads it through; the change time cannot be
 * set back, so a copy that keeps the times (cp -p) does not match either.
 * The line the stamp should hold now goes into line; -1 when the log
 * cannot be looked at.
 */
static int
stamp_line(const char *path, char *line, size_t size)
{
	char *wal = xasprintf("%s-wal", path);
	struct stat st, w;
	struct tm tm;
	time_t now = time(NULL);
	int n, has_wal = lstat(wal, &w) == 0;

	free(wal);
	*line = '\0';
	if (stat(path, &st) != 0 || localtime_r(&now, &tm) == NULL)
		return -1;
	n = snprintf(
	    line, size, "%04d-%02d-%02d %ju %ju %jd %jd.%09ld %jd.%09ld",
	    tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, (uintmax_t)st.st_dev,
	    (uintmax_t)st.st_ino, (intmax_t)st.st_size,
	    (intmax_t)st.st_mtim.tv_sec, st.st_mtim.tv_nsec,
	    (intmax_t)st.st_ctim.tv_sec, st.st_ctim.tv_nsec);
	if (n > 0 && (size_t)n < size && has_wal)
		n += snprintf(line + n, size - (size_t)n,
			      " wal %jd %jd.%09ld %jd.%09ld",
			      (intmax_t)w.st_size, (intmax_t)w.st_mtim.tv_sec,
			      w.st_mtim.tv_nsec, (intmax_t)w.st_ctim.tv_sec,
			      w.st_ctim.tv_nsec);
	if (n > 0 && (size_t)n + 1 < size)
		strcat(line, "\n");
	else
		*line = '\0';
	return *line == '\0' ? -1 : 0;
}

/* What the stamp holds, "" when there is none. */
static void
stamp_read(const char *path, char *have, size_t size)
{
	char *stamp = xasprintf("%s.checked", path);
	ssize_t n = -1;
	int fd = open(stamp, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);

	if (fd >= 0) {
		n = read(fd, have, size - 1);
		close(fd);
	}
	free(stamp);
	have[n < 0 ? 0 : n] = '\0';
}

/* Returns the line the stamp should hold now in want; 1 when it holds it. */
static int
checked_today(const char *path, char *want, size_t size)
{
	char have[STAMP_MAX];

	if (stamp_line(path, want, size) != 0)
		return 0;
	stamp_read(path, have, sizeof have);
	return strcmp(have, want) == 0;
}

/* Writes the stamp; a stamp that cannot be written only costs another
 * check next time. */
static void
stamp_checked(const char *path, const char *line)
{
	char *stamp = xasprintf("%s.checked", path);
	size_t len = strlen(line);
	int fd = open(stamp,
		      O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_NONBLOCK |
			  O_CLOEXEC,
		      STORE_FILE_MODE);

	if (fd >= 0) {
		/* A short stamp would only fail to match; remove it anyway. */
		if (fchmod(fd, STORE_FILE_MODE) != 0 ||
		    write(fd, line, len) != (ssize_t)len)
			unlink(stamp);
		close(fd);
	}
	free(stamp);
}

void
store_stamp(const char *path)
{
	char want[STAMP_MAX], have[STAMP_MAX];

	if (stamp_line(path, want, sizeof want) != 0)
		return;
	stamp_read(path, have, sizeof have);
	if (strcmp(have, want) != 0)
		stamp_checked(path, want);
}

static int inspect(const char *path, int *verified, char **cause);

/* Whether the file stayed as it was between two stats, with no -wal made
 * beside it in the meantime. */
static int
unchanged(const char *path, const struct stat *before)
{
	char *wal = xasprintf("%s-wal", path);
	struct stat now, w;
	int same = stat(path, &now) == 0 && lstat(wal, &w) != 0 &&
		   now.st_size == before->st_size &&
		   now.st_mtim.tv_sec == before->st_mtim.tv_sec &&
		   now.st_mtim.tv_nsec == before->st_mtim.tv_nsec;

	free(wal);
	return same;
}

/*
 * An immutable connection takes no locks, so a process that opens, writes
 * and closes the log while it is read (checkpointing into the file) can
 * show the reader a state that never was: version 0 with tables, a torn
 * page. A refusal therefore stands only when the file did not change
 * during the read; else the log is looked at again.
 */
int
store_inspect(const char *path, int *verified, char **cause)
{
	struct stat before;
	int code, tries;

	for (tries = 1;; tries++) {
		if (stat(path, &before) != 0)
			before.st_size = -1;
		*verified = 0;
		code = inspect(path, verified, cause);
		if (code == 0 || tries == 3 || unchanged(path, &before))
			return code;
		free(*cause);
		*cause = NULL;
	}
}

static int
inspect(const char *path, int *verified, char **cause)
{
	char today[STAMP_MAX] = "";
	struct store ro = {NULL, (char *)path, 0};
	char *problem = NULL;
	int rc, version = 0, objects = 0, code = 0, app = 0;

	rc = store_check_open(path, &ro.db);
	if (rc == SQLITE_OK)
		rc = store_columns_register(ro.db);
	if (rc == SQLITE_OK) {
		sqlite3_extended_result_codes(ro.db, 1);
		sqlite3_busy_timeout(ro.db, STORE_BUSY_MS);
		rc = store_sql_int(ro.db, "PRAGMA user_version", &version);
	}
	if (rc == SQLITE_READONLY_ROLLBACK) {
		/* A hot journal that only a writer may roll back. */
		sqlite3_close(ro.db);
		return 0;
	}
	if (rc != SQLITE_OK) {
		code = store_sqlerr(&ro, rc, "checking the log", cause);
		goto out;
	}
	if ((code = store_check_version(path, version, cause)) != 0)
		goto out;
	/* Only a file at version 0 may be someone else's database; counting
	 * its objects reads the schema, which a log's daily open need not. */
	if (version == 0)
		rc = store_sql_int(ro.db, "SELECT count(*) FROM sqlite_schema",
				   &objects);
	/* A database of another program that happens to have a version. */
	if (version >= 1)
		rc = store_sql_int(ro.db, "PRAGMA application_id", &app);
	if (rc == SQLITE_OK && ((version == 0 && objects > 0) ||
				(version >= 1 && app != STORE_APP_ID))) {
		code = store_fail(cause, EX_IOERR,
				  "%s is an SQLite database but not a "
				  "backpain log; nothing was changed",
				  path);
		goto out;
	}
	/*
	 * The whole file is read through (quick_check) before an upgrade
	 * rewrites it and at the first open of each day, so a damaged log
	 * is refused before anything is written to it. Not at every open: on
	 * a long log that read costs more than all a daily command does (97%
	 * of `due` on 100 years of days). Between checks SQLite's own guard
	 * stands: a header that is not SQLite's, a file shorter than its
	 * header says, and any damaged page that a command reads or writes
	 * fail with SQLITE_CORRUPT, which refuses the command (EX_IOERR) and
	 * rolls its transaction back.
	 */
	if (rc == SQLITE_OK && (version < STORE_VERSION ||
				!checked_today(path, today, sizeof today))) {
		rc = full_check(ro.db, version, &problem);
		if (rc == SQLITE_OK && problem == NULL && *today != '\0')
			stamp_checked(path, today);
	}
	*verified = rc == SQLITE_OK && problem == NULL;
	if (rc != SQLITE_OK) {
		code = store_sqlerr(&ro, rc, "checking the log", cause);
	} else if (problem != NULL) {
		*cause = store_damaged(path, problem);
		code = EX_IOERR;
	}
out:
	free(problem);
	sqlite3_close(ro.db);
	return code;
}
