/* store_file.c: the log's file before SQLite opens it: where it lives, its
 * directory and its mode, and the refusals that keep it private (another
 * user's file or directory, -wal and -shm others could read, a file that is
 * not a regular one). Uses no SQL: store_sql.c for its refusals only. */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sysexits.h>
#include <unistd.h>

#include "store_int.h"
#include "util.h"

#define DIR_MODE 0700
#define MODE_BITS 07777
#define PRIVATE_DIR_NAME "backpain" /* the directory that is ours */

char *
store_default_path(void)
{
	const char *env;

	if ((env = getenv("BACKPAIN_DB")) != NULL && *env != '\0')
		return xstrdup(env);
	/* XDG: a relative XDG_DATA_HOME is invalid and ignored. */
	if ((env = getenv("XDG_DATA_HOME")) != NULL && env[0] == '/')
		return xasprintf("%s/backpain/log.db", env);
	if ((env = getenv("HOME")) != NULL && *env != '\0')
		return xasprintf("%s/.local/share/backpain/log.db", env);
	return NULL;
}

int
store_file_errno(int e)
{
	return e == EACCES || e == EPERM ? EX_NOPERM : EX_CANTCREAT;
}

/* mkdir -p of dir, each directory made here private whatever the umask. */
static int
make_dirs(const char *dir, char **cause)
{
	char *p = xstrdup(dir), *slash;
	struct stat st;
	int e;

	for (slash = p + 1;; slash++) {
		if (*slash != '/' && *slash != '\0')
			continue;
		char c = *slash;
		*slash = '\0';
		if (mkdir(p, DIR_MODE) == 0) {
			if (chmod(p, DIR_MODE) != 0) {
				e = errno;
				*cause = xasprintf("cannot make %s private: %s",
						   p, strerror(e));
				free(p);
				return store_file_errno(e);
			}
		} else if (errno != EEXIST) {
			e = errno;
			*cause = xasprintf("cannot create the directory %s for "
					   "the log: %s",
					   p, strerror(e));
			free(p);
			return store_file_errno(e);
		} else if (stat(p, &st) != 0 || !S_ISDIR(st.st_mode)) {
			*cause = xasprintf("cannot create the log under %s: it "
					   "is not a directory",
					   p);
			free(p);
			return EX_CANTCREAT;
		}
		*slash = c;
		if (c == '\0')
			break;
	}
	free(p);
	return 0;
}

/* The log's directory exists and, when it is ours, is 0700. */
static int
prepare_dir(const char *path, char **cause)
{
	const char *slash = strrchr(path, '/'), *base;
	char *dir;
	struct stat st;
	int rc = 0, e;

	if (slash == NULL || slash == path)
		return 0; /* the current or the root directory: not ours */
	dir = xstrndup(path, (size_t)(slash - path));
	if ((rc = make_dirs(dir, cause)) != 0)
		goto out;
	base = strrchr(dir, '/');
	base = base == NULL ? dir : base + 1;
	if (strcmp(base, PRIVATE_DIR_NAME) == 0 && stat(dir, &st) == 0 &&
	    st.st_uid == geteuid() && (st.st_mode & MODE_BITS) != DIR_MODE) {
		if (chmod(dir, DIR_MODE) != 0) {
			e = errno;
			*cause = xasprintf("cannot make %s private: %s", dir,
					   strerror(e));
			rc = store_file_errno(e);
		}
	}
out:
	free(dir);
	return rc;
}

char *
store_file_dir(const char *path)
{
	const char *slash = strrchr(path, '/');

	if (slash == NULL)
		return xstrdup(".");
	if (slash == path)
		return xstrdup("/");
	return xstrndup(path, (size_t)(slash - path));
}

/*
 * Whoever may write the log's directory may make the log's companions
 * (-wal, -shm) before this program does, keep them open and read the
 * notes that pass through them, or swap the log. The directory must be
 * this user's (or root's), writable by no one else.
 */
static int
check_dir(const char *dir, char **cause)
{
	struct stat st;

	if (stat(dir, &st) != 0)
		return 0; /* opening the log will say what is wrong */
	if (st.st_uid != geteuid() && st.st_uid != 0)
		return store_fail(cause, EX_NOPERM,
				  "the log's directory %s belongs to another "
				  "user (uid %ju), who could read or change "
				  "the log; nothing was changed. Keep the log "
				  "in a directory of your own (--db)",
				  dir, (uintmax_t)st.st_uid);
	if ((st.st_mode & (S_IWGRP | S_IWOTH)) != 0)
		return store_fail(cause, EX_NOPERM,
				  "the log's directory %s can be written by "
				  "others (mode %04o), who could read or "
				  "change the log through its companion "
				  "files; nothing was changed. Make it "
				  "private (chmod go-w %s) or keep the log "
				  "elsewhere (--db)",
				  dir, (unsigned)(st.st_mode & MODE_BITS), dir);
	return 0;
}

/* The log's -wal and -shm, when they are there, are this user's and
 * private: SQLite would read and write the log's pages through them. */
static int
check_companions(const char *path, char **cause)
{
	static const char *const suffixes[] = {"-wal", "-shm"};
	struct stat st;
	char *f;
	size_t i;
	int rc = 0;

	for (i = 0; i < sizeof suffixes / sizeof suffixes[0] && rc == 0; i++) {
		f = xasprintf("%s%s", path, suffixes[i]);
		if (lstat(f, &st) != 0)
			;
		else if (!S_ISREG(st.st_mode))
			rc = store_fail(cause, EX_NOPERM,
					"%s, beside the log, is not a regular "
					"file; nothing was changed. Remove it "
					"(it is not the log's)",
					f);
		else if (st.st_uid != geteuid())
			rc = store_fail(cause, EX_NOPERM,
					"%s, beside the log, belongs to "
					"another user (uid %ju), who could "
					"read the log through it; nothing was "
					"changed. Remove it (it is not the "
					"log's) and keep the log in a "
					"directory of your own",
					f, (uintmax_t)st.st_uid);
		else if ((st.st_mode & (MODE_BITS & ~STORE_FILE_MODE)) != 0)
			rc = store_fail(cause, EX_NOPERM,
					"%s, beside the log, can be read or "
					"written by others (mode %04o); "
					"nothing was changed. Make it private "
					"(chmod 600 %s)",
					f, (unsigned)(st.st_mode & MODE_BITS),
					f);
		free(f);
	}
	return rc;
}

/* EX_CANTCREAT for path, a symbolic link to nothing: the log is never
 * created through a link, which could lead anywhere (into /tmp, say). */
static int
dangling(const char *path, char **cause)
{
	char to[PATH_MAX];
	ssize_t n = readlink(path, to, sizeof to - 1);

	to[n < 0 ? 0 : n] = '\0';
	return store_fail(cause, EX_CANTCREAT,
			  "cannot create the log through %s, a symbolic link "
			  "to %s, which does not exist; nothing was created. "
			  "Give the place of the log itself (--db), or make "
			  "the log there first",
			  path, n > 0 ? to : "nowhere");
}

/* The log's file opened for reading and writing: an existing one, through
 * a link or not, or else a new one, made only where path is no link
 * (O_EXCL never follows one). -1 with errno set, or -2 for a link to
 * nothing. */
static int
open_log(const char *path)
{
	const int flags = O_RDWR | O_CLOEXEC | O_NOCTTY | O_NONBLOCK;
	struct stat st;
	int fd, tries;

	/* Twice: another process may create it between the two opens. */
	for (tries = 0; tries < 2; tries++) {
		if ((fd = open(path, flags)) >= 0 || errno != ENOENT)
			return fd;
		fd = open(path, flags | O_CREAT | O_EXCL, STORE_FILE_MODE);
		if (fd >= 0 || errno != EEXIST)
			return fd;
		if (lstat(path, &st) == 0 && S_ISLNK(st.st_mode) &&
		    stat(path, &st) != 0)
			return -2;
	}
	errno = EEXIST;
	return -1;
}

/* The log opened as fd (or -1 with errno, or -2: open_log()) is a
 * regular file of this user's: 0 with *st, or the refusal (fd closed). */
static int
check_file(int fd, const char *path, struct stat *st, char **cause)
{
	int e;

	if (fd == -2)
		return dangling(path, cause);
	if (fd < 0) {
		e = errno;
		*cause =
		    xasprintf("cannot open the log %s: %s", path, strerror(e));
		return store_file_errno(e);
	}
	if (fstat(fd, st) != 0 || !S_ISREG(st->st_mode)) {
		close(fd);
		*cause = xasprintf("cannot use %s as the log: it is not a "
				   "regular file",
				   path);
		return EX_CANTCREAT;
	}
	if (st->st_uid != geteuid()) {
		close(fd);
		return store_fail(cause, EX_NOPERM,
				  "the log %s belongs to another user (uid "
				  "%ju); nothing was changed",
				  path, (uintmax_t)st->st_uid);
	}
	return 0;
}

/*
 * The log file exists, is a regular file of this user's, and is not
 * someone else's to change: a file with content is made 0600 only once it
 * is known to be a log (store_file_private()), so that --db naming some
 * other file changes nothing. *empty says whether it has no content yet,
 * *mode what its mode is. O_NONBLOCK: a FIFO or a device at path is
 * refused, never waited on.
 */
static int
prepare_file(const char *path, int *empty, mode_t *mode, char **cause)
{
	struct stat st;
	int fd = open_log(path), rc, e;

	if ((rc = check_file(fd, path, &st, cause)) != 0)
		return rc;
	*empty = st.st_size == 0;
	*mode = st.st_mode & MODE_BITS;
	if (*empty && *mode != STORE_FILE_MODE &&
	    fchmod(fd, STORE_FILE_MODE) != 0) {
		e = errno;
		close(fd);
		*cause = xasprintf("cannot make the log %s private: %s", path,
				   strerror(e));
		return store_file_errno(e);
	}
	close(fd);
	return 0;
}

/* The directories the log's files go in: the one path names, and the one
 * of the file it leads to, where SQLite puts the -wal and -shm. */
static int
check_dirs(const char *path, int resolved, char **cause)
{
	char *dir, *real;
	int rc;

	if (!resolved) {
		dir = store_file_dir(path);
		rc = check_dir(dir, cause);
		free(dir);
		return rc;
	}
	if ((real = realpath(path, NULL)) == NULL)
		return 0;
	dir = store_file_dir(real);
	rc = check_dir(dir, cause);
	if (rc == 0)
		rc = check_companions(real, cause);
	free(dir);
	free(real);
	return rc;
}

int
store_file_prepare(const char *path, int *empty, mode_t *mode, char **cause)
{
	int rc;

	*empty = 0;
	*mode = STORE_FILE_MODE;
	if (path == NULL || *path == '\0')
		return store_fail(cause, EX_CANTCREAT,
				  "no place for the log: set HOME, "
				  "BACKPAIN_DB or --db");
	if ((rc = prepare_dir(path, cause)) != 0 ||
	    (rc = check_dirs(path, 0, cause)) != 0 ||
	    (rc = prepare_file(path, empty, mode, cause)) != 0 ||
	    (rc = check_dirs(path, 1, cause)) != 0 ||
	    (rc = check_companions(path, cause)) != 0)
		return rc;
	return 0;
}

int
store_file_check(const char *path, mode_t *mode, char **cause)
{
	struct stat st;
	int fd, rc;

	*mode = STORE_FILE_MODE;
	if ((rc = check_dirs(path, 0, cause)) != 0)
		return rc;
	fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
	if ((rc = check_file(fd, path, &st, cause)) != 0)
		return rc;
	close(fd);
	*mode = st.st_mode & MODE_BITS;
	if ((rc = check_dirs(path, 1, cause)) != 0 ||
	    (rc = check_companions(path, cause)) != 0)
		return rc;
	return 0;
}

int
store_file_private(const char *path, mode_t mode, char **cause)
{
	int e;

	if (mode == STORE_FILE_MODE || chmod(path, STORE_FILE_MODE) == 0)
		return 0;
	e = errno;
	*cause =
	    xasprintf("cannot make the log %s private: %s", path, strerror(e));
	return store_file_errno(e);
}
