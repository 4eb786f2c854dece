/*
 * store_fixture.h: what the store's unit tests share. Each test gets a
 * fresh temporary directory (removed afterwards) and the log path
 * DIR/backpain/log.db inside it; nothing there exists until a test makes it.
 * The helpers fail the test on any surprise, so callers need not check.
 */
#ifndef BACKPAIN_STORE_FIXTURE_H
#define BACKPAIN_STORE_FIXTURE_H

#include <fcntl.h>
#include <ftw.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "store.h"
#include "util.h"

#define FX_OPEN_FDS 16 /* nftw's limit on open directories */

struct fixture {
	char *dir;
	char *path; /* DIR/backpain/log.db */
};

static int
fx_setup(void **state)
{
	struct fixture *fx = xcalloc(1, sizeof *fx);
	const char *tmp = getenv("TMPDIR");

	fx->dir = xasprintf("%s/backpain-store.XXXXXX",
			    tmp != NULL && *tmp != '\0' ? tmp : "/tmp");
	if (mkdtemp(fx->dir) == NULL)
		return -1;
	fx->path = xasprintf("%s/backpain/log.db", fx->dir);
	*state = fx;
	return 0;
}

static int
fx_remove(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st;
	(void)flag;
	(void)ftw;
	remove(path);
	return 0;
}

static int
fx_teardown(void **state)
{
	struct fixture *fx = *state;

	chmod(fx->dir, 0700);
	nftw(fx->dir, fx_remove, FX_OPEN_FDS, FTW_DEPTH | FTW_PHYS);
	free(fx->dir);
	free(fx->path);
	free(fx);
	return 0;
}

/* Opens the log at path; any failure fails the test. */
static inline struct store *
fx_open(const char *path)
{
	struct store *s = NULL;
	char *cause = NULL;
	int rc = store_open(path, &s, &cause);

	if (rc != 0)
		fail_msg("store_open(%s): %d: %s", path, rc, cause);
	return s;
}

/* Expects store_open to fail with code and a cause holding words; returns
 * the cause for more checks (free it). */
static inline char *
fx_open_fails(const char *path, int code, const char *words)
{
	struct store *s = NULL;
	char *cause = NULL;
	int rc = store_open(path, &s, &cause);

	if (rc != code)
		fail_msg("store_open(%s) gave %d, want %d: %s", path, rc, code,
			 cause ? cause : "(no cause)");
	assert_null(s);
	assert_non_null(cause);
	if (strstr(cause, words) == NULL)
		fail_msg("cause '%s' lacks '%s'", cause, words);
	return cause;
}

/* A connection of its own, past the store, as another program would. */
static inline sqlite3 *
fx_raw(const char *path)
{
	sqlite3 *db = NULL;

	if (sqlite3_open_v2(path, &db,
			    SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE,
			    NULL) != SQLITE_OK)
		fail_msg("sqlite3_open %s: %s", path, sqlite3_errmsg(db));
	sqlite3_busy_timeout(db, STORE_BUSY_MS);
	return db;
}

static inline void
fx_exec(sqlite3 *db, const char *sql)
{
	char *err = NULL;

	if (sqlite3_exec(db, sql, NULL, NULL, &err) != SQLITE_OK)
		fail_msg("%s: %s", sql, err);
}

/* The first column of the first row of sql as an int (-1 for none). */
static inline int
fx_int(sqlite3 *db, const char *sql)
{
	sqlite3_stmt *st;
	int v = -1;

	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
		fail_msg("%s: %s", sql, sqlite3_errmsg(db));
	if (sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return v;
}

/* The first column of the first row of sql as text (allocated; NULL for
 * none or NULL). */
static inline char *
fx_text(sqlite3 *db, const char *sql)
{
	sqlite3_stmt *st;
	char *v = NULL;

	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
		fail_msg("%s: %s", sql, sqlite3_errmsg(db));
	if (sqlite3_step(st) == SQLITE_ROW &&
	    sqlite3_column_type(st, 0) != SQLITE_NULL)
		v = xstrdup((const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	return v;
}

static inline int
fx_exists(const char *path)
{
	struct stat st;

	return lstat(path, &st) == 0;
}

static inline unsigned
fx_mode(const char *path)
{
	struct stat st;

	if (stat(path, &st) != 0)
		fail_msg("%s does not exist", path);
	return (unsigned)(st.st_mode & 07777);
}

/* The whole content of a file (allocated), its length in *len. */
static inline char *
fx_read(const char *path, size_t *len)
{
	struct buf b;
	char chunk[4096];
	size_t n;
	FILE *f = fopen(path, "rb");

	if (f == NULL)
		fail_msg("cannot read %s", path);
	buf_init(&b);
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
		buf_add(&b, chunk, n);
	fclose(f);
	*len = b.len;
	return buf_take(&b);
}

static inline void
fx_write(const char *path, const void *data, size_t len, unsigned mode)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, mode);

	if (fd < 0 || write(fd, data, len) != (ssize_t)len)
		fail_msg("cannot write %s", path);
	close(fd);
}

/* The log's directory, made by the test (0700). */
static inline char *
fx_logdir(const struct fixture *fx)
{
	char *d = xasprintf("%s/backpain", fx->dir);

	mkdir(d, 0700);
	return d;
}

/* A check-in with no note and no interference. */
static inline struct checkin
fx_checkin(const char *day, int pain)
{
	struct checkin c;

	memset(&c, 0, sizeof c);
	snprintf(c.day, sizeof c.day, "%s", day);
	c.pain = pain;
	c.interference = ENTRY_NONE;
	return c;
}

static inline void
fx_put(struct store *s, const struct checkin *c)
{
	char *cause = NULL;
	int rc = store_checkin_put(s, c, NULL, 0, NULL, 0, NULL, NULL, &cause);

	if (rc != 0)
		fail_msg("store_checkin_put %s: %d: %s", c->day, rc, cause);
}

/* A lesson read on read (moment may be NULL), or put off on dismissed
 * ("" for the day not set). */
static inline void
fx_lesson(struct store *s, const char *lesson, const char *moment,
	  const char *read, const char *dismissed)
{
	struct store_lesson l;
	char *cause = NULL;
	int rc;

	memset(&l, 0, sizeof l);
	l.lesson = (char *)lesson;
	l.moment = (char *)moment;
	snprintf(l.read_on, sizeof l.read_on, "%s", read);
	snprintf(l.dismissed_on, sizeof l.dismissed_on, "%s", dismissed);
	if ((rc = store_lesson_add(s, &l, &cause)) != 0)
		fail_msg("store_lesson_add %s: %d: %s", lesson, rc, cause);
}

#endif
