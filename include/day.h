/*
 * day: the user's local calendar days, as "YYYY-MM-DD" text.
 *
 * A day starts at a configurable time (minutes after local midnight, default
 * 04:00), so a check-in at 01:30 belongs to the evening before. Adding days
 * goes through struct tm with tm_isdst = -1 at noon, never through multiples
 * of 86400 seconds, so DST changes neither skip nor double a day. Day numbers
 * (days since 1970-01-01, proleptic Gregorian) are pure calendar arithmetic,
 * for code that compares or indexes days. Nothing here allocates except the
 * *cause messages, which the caller frees.
 */
#ifndef BACKPAIN_DAY_H
#define BACKPAIN_DAY_H

#include <time.h>

#define DAY_LEN 11		   /* "YYYY-MM-DD" and its NUL */
#define DAY_START_DEFAULT (4 * 60) /* 04:00, in minutes after midnight */

/*
 * The days a log may hold. Every day a person gives (--date, a day of the
 * TUI, a row of an import) is refused outside them, and a day outside
 * them found in a log makes it a damaged log. They sit well inside the
 * years day_add() reaches (1000..9999), so that every window the program
 * looks at around a day of the log is made of real days and every walk
 * over days ends: before DAY_LOG_FIRST there are 900 years for the
 * windows that look back (28 days before a flare-up, a baseline before a
 * trial); after DAY_LOG_LAST there is DAY_MARGIN for those that look
 * ahead (a trial's days to settle and to be judged, at most
 * ANALYSIS_SETTLE_DAYS_MAX + ANALYSIS_DURING_DAYS). DAY_LOG_FIRST is also
 * older than any log a person keeps of their own pain.
 */
#define DAY_LOG_FIRST "1900-01-01"
#define DAY_LOG_LAST "9998-12-31"
#define DAY_MARGIN 365 /* days from DAY_LOG_LAST to 9999-12-31 */

/* 0 when s is exactly YYYY-MM-DD and a real date (years 1000..9999): a day
 * day_add() and day_number() work with. */
int day_valid(const char *s);
/* 0 when s is a valid day from DAY_LOG_FIRST to DAY_LOG_LAST: a day a
 * log may hold. */
int day_in_range(const char *s);
/* day_in_range(), with *cause (allocated, the caller frees) saying why s
 * is no day a log may hold, quoting s with its control characters
 * escaped; returns 0 or -1. */
int day_check(const char *s, char **cause);
/* out = day + n days (n may be negative). 0, or -1 if day is not valid or
 * the result is not (before 1000-01-01 or after 9999-12-31): from a day in
 * range, |n| <= DAY_MARGIN always succeeds. out may be day; on failure
 * it is left as it was. */
int day_add(const char *day, int n, char out[DAY_LEN]);
/* Days since 1970-01-01 of a valid day. */
int day_number(const char *day);
void day_from_number(int n, char out[DAY_LEN]);
/* to - from, in days. */
int day_diff(const char *from, const char *to);
/* The day that the local time t belongs to, with the day starting at
 * start_minutes after midnight: the latest day whose start, the first
 * moment its local clock showed start_minutes, is not after t. A day that
 * has begun stays begun when the clock is set back (DST ending), so the
 * hour that comes twice belongs to one day, not to two. */
void day_of(time_t t, int start_minutes, char out[DAY_LEN]);
void day_today(int start_minutes, char out[DAY_LEN]);
/*
 * Resolves a day given on the command line: "today", "yesterday" or
 * YYYY-MM-DD. Future days, impossible dates and days outside DAY_LOG_FIRST ..
 * DAY_LOG_LAST are refused: returns -1 with *cause saying why.
 */
int day_resolve(const char *arg, int start_minutes, char out[DAY_LEN],
		char **cause);
/* Parses "HH:MM" (00:00..23:59) into minutes after midnight; 0 or -1. */
int day_parse_hhmm(const char *s, int *minutes);
/* Local timestamp "YYYY-MM-DDTHH:MM:SS+HH:MM" of t. */
void day_timestamp(time_t t, char out[32]);

#endif
