/* day.c: local calendar days as YYYY-MM-DD text. */
#include "day.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

#define DAY_YEAR_MIN 1000
#define DAY_YEAR_MAX 9999
#define MONTHS 12
#define MINUTES_PER_HOUR 60
#define HOURS_PER_DAY 24
#define SECONDS_PER_MINUTE 60
#define NOON 12
#define TM_YEAR_BASE 1900
#define EPOCH_YEAR 1970
#define HHMM_LEN 5	 /* "HH:MM" */
#define TIMESTAMP_LEN 32 /* the out[32] of day_timestamp() */

static const char *const month_names[MONTHS] = {
    "January", "February", "March",	"April",   "May",      "June",
    "July",    "August",   "September", "October", "November", "December"};

static int
leap_year(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int
month_days(int y, int m)
{
	static const int days[MONTHS] = {31, 28, 31, 30, 31, 30,
					 31, 31, 30, 31, 30, 31};

	return m == 2 && leap_year(y) ? 29 : days[m - 1];
}

static int
digits(const char *s, int n, int *out)
{
	int i, v = 0;

	for (i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	*out = v;
	return 0;
}

/* Splits "YYYY-MM-DD" (shape only: any digits) into numbers. */
static int
day_split(const char *s, int *y, int *m, int *d)
{
	if (strlen(s) != DAY_LEN - 1 || s[4] != '-' || s[7] != '-')
		return -1;
	if (digits(s, 4, y) != 0 || digits(s + 5, 2, m) != 0 ||
	    digits(s + 8, 2, d) != 0)
		return -1;
	return 0;
}

static void
day_format(int y, int m, int d, char out[DAY_LEN])
{
	/* Unsigned and reduced, so the text always fits DAY_LEN; callers pass
	 * real dates. */
	unsigned uy = y < 0 ? 0 : (unsigned)y % 10000;
	unsigned um = m < 0 ? 0 : (unsigned)m % 100;
	unsigned ud = d < 0 ? 0 : (unsigned)d % 100;

	snprintf(out, DAY_LEN, "%04u-%02u-%02u", uy, um, ud);
}

int
day_valid(const char *s)
{
	int y, m, d;

	if (s == NULL || day_split(s, &y, &m, &d) != 0)
		return -1;
	if (y < DAY_YEAR_MIN || m < 1 || m > MONTHS || d < 1 ||
	    d > month_days(y, m))
		return -1;
	return 0;
}

int
day_in_range(const char *s)
{
	if (day_valid(s) != 0 || strcmp(s, DAY_LOG_FIRST) < 0 ||
	    strcmp(s, DAY_LOG_LAST) > 0)
		return -1;
	return 0;
}

int
day_add(const char *day, int n, char out[DAY_LEN])
{
	struct tm tm;
	int y, m, d;

	if (day_valid(day) != 0)
		return -1;
	day_split(day, &y, &m, &d);
	if ((n > 0 && d > INT_MAX - n) || (n < 0 && d < INT_MIN + 1 - n))
		return -1;
	/* Noon, with the zone deciding DST: a DST change (at most a few
	 * hours) cannot move noon into another day. */
	memset(&tm, 0, sizeof tm);
	tm.tm_year = y - TM_YEAR_BASE;
	tm.tm_mon = m - 1;
	tm.tm_mday = d + n;
	tm.tm_hour = NOON;
	tm.tm_isdst = -1;
	if (mktime(&tm) == (time_t)-1)
		return -1;
	y = tm.tm_year + TM_YEAR_BASE;
	if (y < DAY_YEAR_MIN || y > DAY_YEAR_MAX)
		return -1;
	day_format(y, tm.tm_mon + 1, tm.tm_mday, out);
	return 0;
}

/* Days from 0001-01-01 to y-m-d in the proleptic Gregorian calendar. */
static long
civil_count(int y, int m, int d)
{
	long py = y - 1, n;
	int i;

	n = py * 365 + py / 4 - py / 100 + py / 400;
	for (i = 1; i < m; i++)
		n += month_days(y, i);
	return n + d - 1;
}

int
day_number(const char *day)
{
	int y, m, d;

	if (day_split(day, &y, &m, &d) != 0)
		return 0;
	return (int)(civil_count(y, m, d) - civil_count(EPOCH_YEAR, 1, 1));
}

void
day_from_number(int n, char out[DAY_LEN])
{
	long target = civil_count(EPOCH_YEAR, 1, 1) + n;
	long lo = civil_count(DAY_YEAR_MIN, 1, 1);
	long hi = civil_count(DAY_YEAR_MAX, MONTHS, 31);
	int y, m;

	/* Days outside the years a day may have are clamped to them. */
	if (target < lo)
		target = lo;
	if (target > hi)
		target = hi;
	y = EPOCH_YEAR + (int)((target - civil_count(EPOCH_YEAR, 1, 1)) / 366);
	while (y > DAY_YEAR_MIN && civil_count(y, 1, 1) > target)
		y--;
	while (y < DAY_YEAR_MAX && civil_count(y + 1, 1, 1) <= target)
		y++;
	target -= civil_count(y, 1, 1);
	for (m = 1; m < MONTHS && target >= month_days(y, m); m++)
		target -= month_days(y, m);
	day_format(y, m, (int)target + 1, out);
}

int
day_diff(const char *from, const char *to)
{
	return day_number(to) - day_number(from);
}

/* Into *when the first moment the local clock shows start_minutes on
 * day: read as standard time, as summer time and as the zone guesses, each
 * read back, the earliest that shows that time. -1 when none does: the
 * clock skipped it (DST beginning), and the day starts at the end of the
 * gap, which the minutes of the clock already tell. */
static int
day_begins(const char *day, int start_minutes, time_t *when)
{
	struct tm tm, back;
	time_t t;
	int y, m, d, isdst, found = 0;

	if (day_split(day, &y, &m, &d) != 0)
		return -1;
	for (isdst = -1; isdst <= 1; isdst++) {
		memset(&tm, 0, sizeof tm);
		tm.tm_year = y - TM_YEAR_BASE;
		tm.tm_mon = m - 1;
		tm.tm_mday = d;
		tm.tm_hour = start_minutes / MINUTES_PER_HOUR;
		tm.tm_min = start_minutes % MINUTES_PER_HOUR;
		tm.tm_isdst = isdst;
		t = mktime(&tm);
		if (t == (time_t)-1 || localtime_r(&t, &back) == NULL ||
		    back.tm_year != y - TM_YEAR_BASE || back.tm_mon != m - 1 ||
		    back.tm_mday != d ||
		    back.tm_hour * MINUTES_PER_HOUR + back.tm_min !=
			start_minutes)
			continue;
		if (!found || t < *when)
			*when = t;
		found = 1;
	}
	return found ? 0 : -1;
}

void
day_of(time_t t, int start_minutes, char out[DAY_LEN])
{
	struct tm tm;
	char next[DAY_LEN];
	time_t begins = 0;
	long n;

	if (localtime_r(&t, &tm) == NULL) {
		day_from_number(0, out);
		return;
	}
	/* A clock beyond the years of a day reads as their first or last. */
	if ((long)tm.tm_year + TM_YEAR_BASE < DAY_YEAR_MIN ||
	    (long)tm.tm_year + TM_YEAR_BASE > DAY_YEAR_MAX) {
		day_from_number(tm.tm_year < 0 ? INT_MIN : INT_MAX, out);
		return;
	}
	n = civil_count(tm.tm_year + TM_YEAR_BASE, tm.tm_mon + 1, tm.tm_mday) -
	    civil_count(EPOCH_YEAR, 1, 1);
	if (tm.tm_hour * MINUTES_PER_HOUR + tm.tm_min < start_minutes)
		n--;
	/* The clock set back (DST ending) can show a time before the start
	 * again after the next day began: that day stays begun. */
	day_from_number((int)n + 1, next);
	if (day_begins(next, start_minutes, &begins) == 0 && begins <= t)
		n++;
	day_from_number((int)n, out);
}

void
day_today(int start_minutes, char out[DAY_LEN])
{
	day_of(time(NULL), start_minutes, out);
}

/* day_check(), with form the shape a day is asked in ("YYYY-MM-DD"). */
static int
check_as(const char *s, const char *form, char **cause)
{
	struct buf b;
	const char *shown;
	int y, m, d;

	if (day_in_range(s) == 0)
		return 0;
	if (s == NULL) {
		*cause = xstrdup("no day given");
		return -1;
	}
	buf_init(&b);
	util_escape(&b, s);
	shown = b.data != NULL ? b.data : "";
	if (day_split(s, &y, &m, &d) != 0)
		*cause = xasprintf("'%s' is not a day: use %s", shown, form);
	else if (m < 1 || m > MONTHS)
		*cause = xasprintf("'%s' is not a day: there is no month %d",
				   shown, m);
	else if (d < 1 || d > month_days(y, m))
		*cause =
		    xasprintf("'%s' is not a day: %s %d has %d days", shown,
			      month_names[m - 1], y, month_days(y, m));
	else if (strcmp(s, DAY_LOG_FIRST) < 0)
		*cause = xasprintf("'%s' is before %s, the first day a log "
				   "can hold",
				   shown, DAY_LOG_FIRST);
	else
		*cause = xasprintf("'%s' is after %s, the last day a log can "
				   "hold",
				   shown, DAY_LOG_LAST);
	buf_free(&b);
	return -1;
}

int
day_check(const char *s, char **cause)
{
	return check_as(s, "YYYY-MM-DD", cause);
}

int
day_resolve(const char *arg, int start_minutes, char out[DAY_LEN], char **cause)
{
	char today[DAY_LEN], calendar[DAY_LEN];

	day_today(start_minutes, today);
	if (strcmp(arg, "today") == 0 || strcmp(arg, "yesterday") == 0) {
		/* By the clock: one out of the log's days is refused too. */
		if (arg[0] == 'y' && day_add(today, -1, out) != 0) {
			*cause = xasprintf("there is no day before %s", today);
			return -1;
		}
		if (arg[0] == 't')
			memcpy(out, today, DAY_LEN);
		return day_check(out, cause);
	}
	if (check_as(arg, "YYYY-MM-DD, today or yesterday", cause) != 0)
		return -1;
	/* A day that has begun on the calendar is not in the future, even
	 * before the configured start of the day. */
	day_of(time(NULL), 0, calendar);
	if (strcmp(arg, calendar) > 0) {
		*cause =
		    xasprintf("%s is in the future (today is %s)", arg, today);
		return -1;
	}
	memcpy(out, arg, DAY_LEN);
	return 0;
}

int
day_parse_hhmm(const char *s, int *minutes)
{
	int h, m;

	if (s == NULL || strlen(s) != HHMM_LEN || s[2] != ':' ||
	    digits(s, 2, &h) != 0 || digits(s + 3, 2, &m) != 0)
		return -1;
	if (h >= HOURS_PER_DAY || m >= MINUTES_PER_HOUR)
		return -1;
	*minutes = h * MINUTES_PER_HOUR + m;
	return 0;
}

void
day_timestamp(time_t t, char out[32])
{
	struct tm tm;
	long off;
	char sign = '+';

	if (localtime_r(&t, &tm) == NULL) {
		snprintf(out, TIMESTAMP_LEN, "1970-01-01T00:00:00+00:00");
		return;
	}
	off = tm.tm_gmtoff / SECONDS_PER_MINUTE;
	if (off < 0) {
		sign = '-';
		off = -off;
	}
	strftime(out, TIMESTAMP_LEN, "%Y-%m-%dT%H:%M:%S", &tm);
	snprintf(out + strlen(out), TIMESTAMP_LEN - strlen(out),
		 "%c%02ld:%02ld", sign, off / MINUTES_PER_HOUR % 100,
		 off % MINUTES_PER_HOUR);
}
