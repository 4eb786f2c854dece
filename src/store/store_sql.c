/* store_sql.c: how the store's files speak to SQLite (statements, bound
 * values, transactions), and what a failure means: a sysexits code and a
 * cause, the damaged-log message saying how to get the log back. Every
 * other file of the store stands on this one; it uses none of them. */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sysexits.h>

#include "store_int.h"
#include "util.h"

int
store_fail(char **cause, int code, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	*cause = xvasprintf(fmt, ap);
	va_end(ap);
	return code;
}

int
store_sqlerr(const struct store *s, int rc, const char *what, char **cause)
{
	const char *msg = sqlite3_errstr(rc);

	if (s->db != NULL && sqlite3_extended_errcode(s->db) == rc)
		msg = sqlite3_errmsg(s->db);
	switch (rc & 0xff) {
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		*cause = xasprintf("%s: the log %s is busy: another backpain "
				   "is using it; try again in a moment",
				   what, s->path);
		return EX_TEMPFAIL;
	case SQLITE_CORRUPT:
	case SQLITE_NOTADB:
		*cause = store_damaged(s->path, msg);
		return EX_IOERR;
	case SQLITE_CONSTRAINT:
	case SQLITE_TOOBIG:
		*cause = xasprintf("%s: the log refuses it: %s", what, msg);
		return EX_DATAERR;
	case SQLITE_PERM:
	case SQLITE_READONLY:
	case SQLITE_AUTH:
		*cause = xasprintf("%s: cannot write the log %s: %s", what,
				   s->path, msg);
		return EX_NOPERM;
	case SQLITE_CANTOPEN:
		*cause = xasprintf("%s: cannot open the log %s: %s", what,
				   s->path, msg);
		return EX_CANTCREAT;
	default:
		*cause = xasprintf("%s: the log %s: %s", what, s->path, msg);
		return EX_IOERR;
	}
}

char *
store_damaged(const char *path, const char *detail)
{
	char *bak;
	struct stat st;
	int v;

	for (v = STORE_VERSION; v >= 1; v--) {
		bak = xasprintf("%s" STORE_BACKUP_SUFFIX "%d", path, v);
		if (stat(bak, &st) == 0 && S_ISREG(st.st_mode)) {
			char *msg = xasprintf(
			    "the log %s is damaged (%s); nothing was changed. "
			    "To go back to the copy made before its last "
			    "upgrade, copy %s over it; or move the damaged "
			    "file aside to start a new log",
			    path, detail, bak);
			free(bak);
			return msg;
		}
		free(bak);
	}
	return xasprintf("the log %s is damaged (%s); nothing was changed. "
			 "Move it aside (keep it: it may be repairable) to "
			 "start a new log",
			 path, detail);
}

int
store_corrupt(const struct store *s, const char *what, char **cause)
{
	char *detail = xasprintf("a value out of its range in %s", what);

	*cause = store_damaged(s->path, detail);
	free(detail);
	return EX_IOERR;
}

int
store_begin(struct store *s, char **cause)
{
	int rc = sqlite3_exec(s->db, "BEGIN IMMEDIATE", NULL, NULL, NULL);

	return rc == SQLITE_OK ? 0 : store_sqlerr(s, rc, "writing", cause);
}

int
store_commit(struct store *s, char **cause)
{
	int rc = sqlite3_exec(s->db, "COMMIT", NULL, NULL, NULL);

	if (rc == SQLITE_OK)
		return 0;
	rc = store_sqlerr(s, rc, "saving", cause);
	store_rollback(s);
	return rc;
}

void
store_rollback(struct store *s)
{
	if (!sqlite3_get_autocommit(s->db))
		sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
}

int
store_prepare(struct store *s, const char *sql, sqlite3_stmt **st, char **cause)
{
	int rc = sqlite3_prepare_v2(s->db, sql, -1, st, NULL);

	return rc == SQLITE_OK ? 0 : store_sqlerr(s, rc, "reading", cause);
}

int
store_bind(sqlite3_stmt *st, const char *types, ...)
{
	va_list ap;
	int rc;

	va_start(ap, types);
	rc = store_vbind(st, types, ap);
	va_end(ap);
	return rc;
}

int
store_vbind(sqlite3_stmt *st, const char *types, va_list ap)
{
	const char *t;
	int i, rc = SQLITE_OK, v;

	for (i = 1, t = types; *t != '\0' && rc == SQLITE_OK; t++, i++) {
		switch (*t) {
		case 't': {
			const char *str = va_arg(ap, const char *);
			rc = str == NULL
				 ? sqlite3_bind_null(st, i)
				 : sqlite3_bind_text64(st, i, str, strlen(str),
						       SQLITE_STATIC,
						       SQLITE_UTF8);
			break;
		}
		case 'r':
			v = va_arg(ap, int);
			rc = v == ENTRY_NONE ? sqlite3_bind_null(st, i)
					     : sqlite3_bind_int(st, i, v);
			break;
		case 'i':
			rc = sqlite3_bind_int(st, i, va_arg(ap, int));
			break;
		case 'l':
			rc = sqlite3_bind_int64(st, i, va_arg(ap, long long));
			break;
		case 'k': {
			long long id = va_arg(ap, long long);
			rc = id == 0 ? sqlite3_bind_null(st, i)
				     : sqlite3_bind_int64(st, i, id);
			break;
		}
		default:
			rc = SQLITE_MISUSE;
		}
	}
	return rc;
}

int
store_run(struct store *s, sqlite3_stmt *st, int rc, const char *what,
	  char **cause)
{
	if (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_DONE)
		rc = SQLITE_OK;
	sqlite3_finalize(st);
	return rc == SQLITE_OK ? 0 : store_sqlerr(s, rc, what, cause);
}

int
store_sql_int(sqlite3 *db, const char *sql, int *out)
{
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(db, sql, -1, &st, NULL);

	if (rc != SQLITE_OK)
		return rc;
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*out = sqlite3_column_int(st, 0);
		rc = SQLITE_OK;
	}
	sqlite3_finalize(st);
	return rc;
}
