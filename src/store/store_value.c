/* store_value.c: one value at a time, in either direction: a value read
 * from the log is checked against what the store writes (store_read_*(),
 * and store_value_problem() against a column of the table in
 * store_columns.c), and a value is checked before it is written
 * (store_check_*()). Stands on store_sql.c only. */
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
		*out = ENTRY_NONE;
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

void
store_col_day(sqlite3_stmt *st, int i, char out[DAY_LEN])
{
	const unsigned char *p = sqlite3_column_text(st, i);

	out[0] = '\0';
	if (p != NULL && sqlite3_column_bytes(st, i) == DAY_LEN - 1)
		memcpy(out, p, DAY_LEN);
}

int
store_col_int(sqlite3_stmt *st, int i)
{
	if (sqlite3_column_type(st, i) == SQLITE_NULL)
		return ENTRY_NONE;
	return sqlite3_column_int(st, i);
}

char *
store_col_text(sqlite3_stmt *st, int i)
{
	const unsigned char *p = sqlite3_column_text(st, i);

	return p != NULL ? xstrdup((const char *)p) : NULL;
}

void
store_col_uid(sqlite3_stmt *st, int i, char out[ENTRY_UID_LEN])
{
	const unsigned char *p = sqlite3_column_text(st, i);

	out[0] = '\0';
	if (p != NULL && sqlite3_column_bytes(st, i) == ENTRY_UID_LEN - 1)
		memcpy(out, p, ENTRY_UID_LEN);
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

static int
two_digits(const char *s, int max)
{
	if (s[0] < '0' || s[0] > '9' || s[1] < '0' || s[1] > '9')
		return -1;
	return (s[0] - '0') * 10 + (s[1] - '0') <= max ? 0 : -1;
}

/* YYYY-MM-DDTHH:MM:SS and +HH:MM, -HH:MM or Z, as day_timestamp() writes
 * it (a second of 60 is a leap second). */
int
store_time_valid(const char *s)
{
	char day[DAY_LEN];
	size_t n = s != NULL ? strlen(s) : 0;

	if (n != 20 && n != 25)
		return -1;
	memcpy(day, s, DAY_LEN - 1);
	day[DAY_LEN - 1] = '\0';
	if (day_valid(day) != 0 || s[10] != 'T' || two_digits(s + 11, 23) ||
	    s[13] != ':' || two_digits(s + 14, 59) || s[16] != ':' ||
	    two_digits(s + 17, 60))
		return -1;
	if (n == 20)
		return s[19] == 'Z' ? 0 : -1;
	return (s[19] == '+' || s[19] == '-') && two_digits(s + 20, 23) == 0 &&
		       s[22] == ':' && two_digits(s + 23, 59) == 0
		   ? 0
		   : -1;
}

int
store_uid_valid(const char *s)
{
	size_t i;

	for (i = 0; s != NULL && i < ENTRY_UID_LEN - 1; i++)
		if (!((s[i] >= '0' && s[i] <= '9') ||
		      (s[i] >= 'a' && s[i] <= 'f')))
			return -1;
	return s != NULL && s[i] == '\0' ? 0 : -1;
}

#define SHOWN_MAX 40 /* the bytes of a value a message shows at most */

/* v as a message shows it: escaped, cut after SHOWN_MAX bytes. */
static char *
shown_value(const char *p, size_t len)
{
	char *cut = xstrndup(p, len > SHOWN_MAX ? SHOWN_MAX : len);
	char *s = store_shown(cut);
	char *out = xasprintf("'%s'%s", s, len > SHOWN_MAX ? "..." : "");

	free(cut);
	free(s);
	return out;
}

/* "NAME is 'VALUE', WHY" for a text value; NULL for none. */
static char *
text_problem(const struct store_column *c, const char *p, size_t len,
	     const char *why)
{
	char *v = shown_value(p, len), *msg;

	msg = xasprintf("%s is %s, %s", c->name, v, why);
	free(v);
	return msg;
}

static char *
word_problem(const struct store_column *c, const char *p, size_t len)
{
	struct buf b;
	size_t i;
	char *msg;

	for (i = 0; c->words[i] != NULL; i++)
		if (strlen(c->words[i]) == len &&
		    memcmp(c->words[i], p, len) == 0)
			return NULL;
	buf_init(&b);
	buf_adds(&b, "not one of ");
	for (i = 0; c->words[i] != NULL; i++)
		buf_printf(&b, "%s%s", i > 0 ? ", " : "", c->words[i]);
	msg = text_problem(c, p, len, b.data);
	buf_free(&b);
	return msg;
}

static char *
text_value_problem(const struct store_column *c, sqlite3_value *v)
{
	const char *p = (const char *)sqlite3_value_text(v);
	size_t len = (size_t)sqlite3_value_bytes(v), bad, i;
	char *msg = NULL;

	if (p == NULL)
		return xasprintf("%s is not text", c->name);
	if (strlen(p) != len)
		return xasprintf("%s holds a NUL byte (byte %zu)", c->name,
				 strlen(p) + 1);
	if (utf8_valid(p, len, &bad) != 0)
		return xasprintf("%s is not valid UTF-8 (byte %zu)", c->name,
				 bad + 1);
	switch (c->type) {
	case STORE_TYPE_UID:
		if (store_uid_valid(p) != 0)
			msg = text_problem(
			    c, p, len, "not a uid (32 lowercase hex digits)");
		break;
	case STORE_TYPE_DAY:
		if (len != DAY_LEN - 1 || day_valid(p) != 0)
			msg = text_problem(c, p, len, "not a day (YYYY-MM-DD)");
		else if (day_in_range(p) != 0)
			msg = text_problem(c, p, len,
					   "not a day a log can hold "
					   "(" DAY_LOG_FIRST " to " DAY_LOG_LAST
					   ")");
		break;
	case STORE_TYPE_ID:
		if (len == 0)
			msg = xasprintf("%s is empty", c->name);
		for (i = 0; msg == NULL && i < len; i++)
			if ((unsigned char)p[i] < ' ' ||
			    (unsigned char)p[i] == DEL ||
			    ((unsigned char)p[i] == C1_LEAD && i + 1 < len &&
			     (unsigned char)p[i + 1] >= C1_FIRST &&
			     (unsigned char)p[i + 1] <= C1_LAST))
				msg = xasprintf("%s holds a control character "
						"(byte %zu)",
						c->name, i + 1);
		break;
	case STORE_TYPE_TIME:
		if (store_time_valid(p) != 0)
			msg = text_problem(c, p, len,
					   "not a time of the log "
					   "(YYYY-MM-DDTHH:MM:SS+HH:MM)");
		break;
	case STORE_TYPE_WORD:
		msg = word_problem(c, p, len);
		break;
	default:
		break;
	}
	return msg;
}

char *
store_value_problem(const struct store_column *c, int nullable,
		    sqlite3_value *v)
{
	sqlite3_int64 n;
	int type = sqlite3_value_type(v);

	if (type == SQLITE_NULL)
		return nullable ? NULL : xasprintf("%s is missing", c->name);
	switch (c->type) {
	case STORE_TYPE_ROWID:
	case STORE_TYPE_REF:
	case STORE_TYPE_INT:
		if (type != SQLITE_INTEGER)
			return xasprintf("%s is not a whole number", c->name);
		n = sqlite3_value_int64(v);
		if (c->type == STORE_TYPE_INT && (n < c->lo || n > c->hi))
			return xasprintf("%s is %lld, not from %d to %d",
					 c->name, (long long)n, c->lo, c->hi);
		if (c->type != STORE_TYPE_INT && n < 1)
			return xasprintf("%s is %lld, not a row id", c->name,
					 (long long)n);
		return NULL;
	default:
		if (type != SQLITE_TEXT)
			return xasprintf("%s is not text", c->name);
		return text_value_problem(c, v);
	}
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
	if (optional && v == ENTRY_NONE)
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
