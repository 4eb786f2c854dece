/* store_value.c: one value at a time, in either direction: a value read
 * from the log is checked against what the store writes (store_read_*()),
 * and a value is checked before it is written (store_check_*()). Stands
 * on store_sql.c only. */
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>
#include <time.h>

#include "store_int.h"
#include "util.h"

#define DAY_LAST "9999-12-31" /* after every valid day */
#define DEL 0x7f
#define C1_LEAD 0xc2 /* UTF-8 of U+0080..U+009F: C2 80..C2 9F */
#define C1_FIRST 0x80
#define C1_LAST 0x9f

int
store_read_day(sqlite3_stmt *st, int i, int optional, char out[DAY_LEN])
{
	const unsigned char *p = sqlite3_column_text(st, i);

	out[0] = '\0';
	if (p == NULL)
		return optional && sqlite3_column_type(st, i) == SQLITE_NULL
			   ? 0
			   : -1;
	if (sqlite3_column_bytes(st, i) != DAY_LEN - 1 ||
	    day_in_range((const char *)p) != 0)
		return -1;
	memcpy(out, p, DAY_LEN);
	return 0;
}

int
store_read_int(sqlite3_stmt *st, int i, int lo, int hi, int optional, int *out)
{
	sqlite3_int64 v;

	switch (sqlite3_column_type(st, i)) {
	case SQLITE_NULL:
		*out = STORE_NONE;
		return optional ? 0 : -1;
	case SQLITE_INTEGER:
		v = sqlite3_column_int64(st, i);
		if (v < lo || v > hi)
			break;
		*out = (int)v;
		return 0;
	default:
		break;
	}
	*out = lo;
	return -1;
}

int
store_read_text(sqlite3_stmt *st, int i, int optional, char **out)
{
	const char *p;
	size_t len;

	*out = NULL;
	if (sqlite3_column_type(st, i) == SQLITE_NULL)
		return optional ? 0 : -1;
	if (sqlite3_column_type(st, i) != SQLITE_TEXT ||
	    (p = (const char *)sqlite3_column_text(st, i)) == NULL)
		return -1;
	len = (size_t)sqlite3_column_bytes(st, i);
	if (strlen(p) != len || utf8_valid(p, len, NULL) != 0)
		return -1;
	*out = xstrndup(p, len);
	return 0;
}

int
store_read_id(sqlite3_stmt *st, int i, char **out)
{
	char *cause = NULL;

	if (store_read_text(st, i, 0, out) != 0)
		return -1;
	if (store_check_id("id", *out, &cause) == 0)
		return 0;
	free(cause);
	free(*out);
	*out = NULL;
	return -1;
}

void
store_now(char out[STORE_TIMESTAMP_LEN])
{
	day_timestamp(time(NULL), out);
}

int
store_check_day(const char *what, const char *day, char **cause)
{
	struct buf b;

	if (day != NULL && day_valid(day) == 0)
		return 0;
	if (day == NULL)
		return store_fail(cause, EX_DATAERR, "%s: no day given", what);
	buf_init(&b);
	util_escape(&b, day);
	*cause = xasprintf("%s: '%s' is not a day (YYYY-MM-DD)", what,
			   b.data ? b.data : "");
	buf_free(&b);
	return EX_DATAERR;
}

int
store_check_text(const char *what, const char *s, char **cause)
{
	size_t bad;

	if (s == NULL)
		return store_fail(cause, EX_DATAERR, "%s: missing", what);
	if (utf8_valid(s, strlen(s), &bad) != 0)
		return store_fail(cause, EX_DATAERR,
				  "%s: not valid UTF-8 (byte %zu)", what,
				  bad + 1);
	return 0;
}

/* Ids (of the pack's approaches, practices, questions, flags) are shown
 * in messages, so they may not hold control characters. */
int
store_check_id(const char *what, const char *s, char **cause)
{
	const unsigned char *p;
	int rc;

	if (s != NULL && *s == '\0')
		return store_fail(cause, EX_DATAERR, "%s: empty", what);
	if ((rc = store_check_text(what, s, cause)) != 0)
		return rc;
	for (p = (const unsigned char *)s; *p != '\0'; p++) {
		if (*p < ' ' || *p == DEL ||
		    (p[0] == C1_LEAD && p[1] >= C1_FIRST && p[1] <= C1_LAST))
			return store_fail(
			    cause, EX_DATAERR,
			    "%s: holds a control character "
			    "(byte %zu)",
			    what, (size_t)(p - (const unsigned char *)s) + 1);
	}
	return 0;
}

char *
store_shown(const char *s)
{
	struct buf b;

	buf_init(&b);
	util_escape(&b, s);
	return buf_take(&b);
}

int
store_check_rating(const char *what, int v, int optional, char **cause)
{
	if (optional && v == STORE_NONE)
		return 0;
	if (v < PAIN_MIN || v > PAIN_MAX)
		return store_fail(cause, EX_DATAERR,
				  "%s: %d is not a rating from %d to %d", what,
				  v, PAIN_MIN, PAIN_MAX);
	return 0;
}

int
store_range(const char *from, const char *to, const char **lo, const char **hi,
	    char **cause)
{
	int rc;

	if (from != NULL && (rc = store_check_day("from", from, cause)) != 0)
		return rc;
	if (to != NULL && (rc = store_check_day("to", to, cause)) != 0)
		return rc;
	/* Plain bounds keep every range query on an index. */
	*lo = from != NULL ? from : "";
	*hi = to != NULL ? to : DAY_LAST;
	return 0;
}

int
store_check_version(const char *path, int version, char **cause)
{
	if (version < 0)
		return store_fail(cause, EX_IOERR,
				  "the log %s has version %d, which no "
				  "backpain writes; nothing was changed",
				  path, version);
	if (version > STORE_VERSION)
		return store_fail(cause, EX_IOERR,
				  "the log %s has version %d, newer than this "
				  "backpain knows (version %d); nothing was "
				  "changed. Use a newer backpain with it",
				  path, version, STORE_VERSION);
	return 0;
}
