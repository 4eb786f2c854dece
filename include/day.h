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

/* 0 when s is exactly YYYY-MM-DD and a real date (years 1000..9999). */
int day_valid(const char *s);
/* out = day + n days (n may be negative). 0, or -1 if day is not valid. */
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
 * YYYY-MM-DD. Future days and impossible dates are refused: returns -1 with
 * *cause saying why.
 */
int day_resolve(const char *arg, int start_minutes, char out[DAY_LEN],
		char **cause);
/* Parses "HH:MM" (00:00..23:59) into minutes after midnight; 0 or -1. */
int day_parse_hhmm(const char *s, int *minutes);
/* Local timestamp "YYYY-MM-DDTHH:MM:SS+HH:MM" of t. */
void day_timestamp(time_t t, char out[32]);

#endif
