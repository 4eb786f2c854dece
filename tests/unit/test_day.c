/*
 * Unit tests for day.c. Times are fixed time_t values given to the
 * functions, in zones set through TZ. The tests of today and yesterday
 * check against the real clock when run plainly; under faketime
 * (tests/robust/day_faketime.sh) DAY_EXPECT_TODAY and DAY_EXPECT_CALENDAR
 * say what the fixed clock makes of them.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cmocka.h>

#include "day.h"

#define START DAY_START_DEFAULT
#define HOUR 3600
#define MINUTE 60
#define DAY_SECONDS 86400 /* only for building UTC inputs */
#define LEN(a) (sizeof(a) / sizeof((a)[0]))

/* The zone the test was started in, for the tests of the clock. */
static char *start_tz;

static void
zone(const char *tz)
{
	setenv("TZ", tz, 1);
	tzset();
}

/* The time_t of a UTC wall-clock time. */
static time_t
utc(const char *day, int h, int m)
{
	return (time_t)day_number(day) * DAY_SECONDS + h * HOUR + m * MINUTE;
}

static void
expect_day_of(time_t t, int start, const char *want)
{
	char got[DAY_LEN];

	day_of(t, start, got);
	assert_string_equal(got, want);
}

static void
expect_add(const char *day, int n, const char *want)
{
	char got[DAY_LEN];

	assert_int_equal(day_add(day, n, got), 0);
	assert_string_equal(got, want);
}

static void
test_valid(void **state)
{
	static const char *const good[] = {"2026-11-24", "2024-02-29",
					   "2000-02-29", "1000-01-01",
					   "9999-12-31", "2026-12-31"};
	static const char *const bad[] = {
	    "2023-02-29", "2100-02-29", "2026-02-30",  "2026-04-31",
	    "2026-13-01", "2026-00-10", "2026-01-00",  "2026-2-3",
	    "2026-02-3",  "20260203",	"2026-01-01x", " 2026-01-01",
	    "0999-12-31", "",		"today",       "2026/01/01",
	    "+026-01-01", "2026-01-0a"};
	size_t i;

	(void)state;
	for (i = 0; i < LEN(good); i++)
		assert_int_equal(day_valid(good[i]), 0);
	for (i = 0; i < LEN(bad); i++) {
		if (day_valid(bad[i]) == 0)
			fail_msg("'%s' taken as a day", bad[i]);
	}
	assert_int_equal(day_valid(NULL), -1);
}

/* The days a log may hold: DAY_LOG_FIRST .. DAY_LOG_LAST, each end included. */
static void
test_in_range(void **state)
{
	static const char *const in[] = {DAY_LOG_FIRST, DAY_LOG_LAST,
					 "1900-01-02", "2026-11-24",
					 "9998-12-30"};
	static const char *const out[] = {"1899-12-31",
					  "1000-01-10",
					  "1000-01-01",
					  "9999-01-01",
					  "9999-12-31",
					  "2026-02-30",
					  ""};
	size_t i;

	(void)state;
	assert_string_equal(DAY_LOG_FIRST, "1900-01-01");
	assert_string_equal(DAY_LOG_LAST, "9998-12-31");
	for (i = 0; i < LEN(in); i++)
		if (day_in_range(in[i]) != 0)
			fail_msg("'%s' is not taken as a day of a log", in[i]);
	for (i = 0; i < LEN(out); i++)
		if (day_in_range(out[i]) == 0)
			fail_msg("'%s' taken as a day of a log", out[i]);
	assert_int_equal(day_in_range(NULL), -1);
}

static void
expect_cause(const char *day, const char *words)
{
	char *cause = NULL;

	if (day_check(day, &cause) != -1)
		fail_msg("'%s' passed the check", day);
	assert_non_null(cause);
	if (strstr(cause, words) == NULL)
		fail_msg("cause for '%s' is '%s', without '%s'", day, cause,
			 words);
	free(cause);
}

static void
test_check_says_why(void **state)
{
	char *cause = NULL;

	(void)state;
	assert_int_equal(day_check("2026-11-24", &cause), 0);
	assert_null(cause);
	expect_cause("1000-01-10",
		     "'1000-01-10' is before 1900-01-01, the first day a log "
		     "can hold");
	expect_cause("1899-12-31", "before 1900-01-01");
	expect_cause("0999-12-31", "before 1900-01-01");
	expect_cause("9999-12-31",
		     "'9999-12-31' is after 9998-12-31, the last day a log "
		     "can hold");
	expect_cause("2026-02-29", "February 2026 has 28 days");
	expect_cause("1899-02-29", "February 1899 has 28 days");
	expect_cause("2026-13-01", "there is no month 13");
	expect_cause("x\033[2J", "\\e[2J");
	expect_cause(NULL, "no day given");
}

/* From any day of a log, the windows around it are real days: DAY_MARGIN
 * ahead of the last, centuries behind the first. */
static void
test_add_from_the_bounds(void **state)
{
	char out[DAY_LEN];

	(void)state;
	zone("UTC");
	expect_add(DAY_LOG_LAST, DAY_MARGIN, "9999-12-31");
	expect_add(DAY_LOG_LAST, 1, "9999-01-01");
	expect_add(DAY_LOG_FIRST, -1, "1899-12-31");
	expect_add(DAY_LOG_FIRST, -28, "1899-12-04");
	expect_add(DAY_LOG_FIRST, -365 * 800, "1100-07-14");
	assert_int_equal(day_add(DAY_LOG_LAST, DAY_MARGIN + 1, out), -1);
	/* A failure leaves out as it was. */
	memcpy(out, "untouched", 10);
	assert_int_equal(day_add("9999-12-31", 1, out), -1);
	assert_string_equal(out, "untouched");
}

static void
test_add_month_and_year_ends(void **state)
{
	char out[DAY_LEN];

	(void)state;
	zone("UTC");
	expect_add("2026-01-31", 1, "2026-02-01");
	expect_add("2026-02-28", 1, "2026-03-01");
	expect_add("2026-03-01", -1, "2026-02-28");
	expect_add("2026-04-30", 1, "2026-05-01");
	expect_add("2026-12-31", 1, "2027-01-01");
	expect_add("2027-01-01", -1, "2026-12-31");
	expect_add("2026-11-24", 0, "2026-11-24");
	expect_add("2026-11-24", 365, "2027-11-24");
	expect_add("2026-11-24", -365, "2025-11-24");
	expect_add("2026-11-24", 3650, "2036-11-21");
	assert_int_equal(day_add("2026-02-30", 1, out), -1);
	assert_int_equal(day_add("9999-12-31", 1, out), -1);
	assert_int_equal(day_add("1000-01-01", -1, out), -1);
}

static void
test_leap_years(void **state)
{
	(void)state;
	zone("UTC");
	expect_add("2024-02-28", 1, "2024-02-29");
	expect_add("2024-02-29", 1, "2024-03-01");
	expect_add("2024-03-01", -1, "2024-02-29");
	expect_add("2100-02-28", 1, "2100-03-01"); /* 2100 is not leap */
	expect_add("2000-02-28", 1, "2000-02-29"); /* 2000 is */
	expect_add("2024-02-29", 365, "2025-02-28");
	assert_int_equal(day_diff("2024-01-01", "2025-01-01"), 366);
	assert_int_equal(day_diff("2100-01-01", "2101-01-01"), 365);
}

static void
test_numbers(void **state)
{
	char out[DAY_LEN];
	int n, first, last;

	(void)state;
	assert_int_equal(day_number("1970-01-01"), 0);
	assert_int_equal(day_number("1970-01-02"), 1);
	assert_int_equal(day_number("1969-12-31"), -1);
	assert_int_equal(day_number("2000-03-01"), 11017);
	assert_int_equal(day_number("2026-11-24"), 20781);
	assert_int_equal(day_diff("2026-11-24", "2026-11-20"), -4);
	first = day_number("1000-01-01");
	last = day_number("9999-12-31");
	/* Every valid day survives the round trip, and the next number is
	 * the next calendar day. */
	for (n = first; n <= last; n++) {
		day_from_number(n, out);
		if (day_valid(out) != 0 || day_number(out) != n)
			fail_msg("day %d came back as '%s'", n, out);
	}
	day_from_number(20781, out);
	assert_string_equal(out, "2026-11-24");
}

/* The zones and days of the DST changes of 2026. */
static const struct change {
	const char *tz, *day;
} changes[] = {
    {"Europe/Berlin", "2026-03-29"},
    {"Europe/Berlin", "2026-10-25"},
    {"America/New_York", "2026-03-08"},
    {"America/New_York", "2026-11-01"},
};

static void
test_add_across_dst(void **state)
{
	char day[DAY_LEN], next[DAY_LEN], back[DAY_LEN];
	size_t i;
	int k;

	(void)state;
	for (i = 0; i < LEN(changes); i++) {
		zone(changes[i].tz);
		assert_int_equal(day_add(changes[i].day, -3, day), 0);
		/* A week around the change: each step is one calendar day. */
		for (k = 0; k < 7; k++) {
			assert_int_equal(day_add(day, 1, next), 0);
			if (day_number(next) != day_number(day) + 1)
				fail_msg("%s: %s + 1 gave %s", changes[i].tz,
					 day, next);
			assert_int_equal(day_add(next, -1, back), 0);
			assert_string_equal(back, day);
			memcpy(day, next, DAY_LEN);
		}
		expect_add(changes[i].day, 1,
			   i == 0   ? "2026-03-30"
			   : i == 1 ? "2026-10-26"
			   : i == 2 ? "2026-03-09"
				    : "2026-11-02");
	}
	zone("UTC");
}

static void
test_day_start(void **state)
{
	(void)state;
	zone("UTC");
	expect_day_of(utc("2026-11-24", 1, 30), START, "2026-11-23");
	expect_day_of(utc("2026-11-24", 3, 59), START, "2026-11-23");
	expect_day_of(utc("2026-11-24", 4, 0), START, "2026-11-24");
	expect_day_of(utc("2026-11-24", 23, 59), START, "2026-11-24");
	expect_day_of(utc("2026-11-24", 0, 0), 0, "2026-11-24");
	expect_day_of(utc("2026-11-24", 1, 30), 0, "2026-11-24");
	/* Across the ends of a month and a year. */
	expect_day_of(utc("2026-03-01", 2, 0), START, "2026-02-28");
	expect_day_of(utc("2027-01-01", 2, 0), START, "2026-12-31");
	expect_day_of(utc("2024-03-01", 2, 0), START, "2024-02-29");
}

static void
test_day_of_around_dst(void **state)
{
	(void)state;
	/* Berlin, spring: 02:00 CET becomes 03:00 CEST at 01:00 UTC. */
	zone("Europe/Berlin");
	expect_day_of(utc("2026-03-29", 0, 30), START, "2026-03-28");
	expect_day_of(utc("2026-03-29", 1, 30), START, "2026-03-28");
	expect_day_of(utc("2026-03-29", 1, 59), START, "2026-03-28");
	expect_day_of(utc("2026-03-29", 2, 0), START, "2026-03-29");
	expect_day_of(utc("2026-03-28", 23, 30), 0, "2026-03-29");
	/* Berlin, autumn: 03:00 CEST becomes 02:00 CET at 01:00 UTC; 02:30
	 * happens twice, both still the evening before. */
	zone("Europe/Berlin");
	expect_day_of(utc("2026-10-25", 0, 30), START, "2026-10-24");
	expect_day_of(utc("2026-10-25", 1, 30), START, "2026-10-24");
	expect_day_of(utc("2026-10-25", 2, 59), START, "2026-10-24");
	expect_day_of(utc("2026-10-25", 3, 0), START, "2026-10-25");
	/* New York, spring: 02:00 EST becomes 03:00 EDT at 07:00 UTC. */
	zone("America/New_York");
	expect_day_of(utc("2026-03-08", 6, 30), START, "2026-03-07");
	expect_day_of(utc("2026-03-08", 7, 30), START, "2026-03-07");
	expect_day_of(utc("2026-03-08", 8, 0), START, "2026-03-08");
	expect_day_of(utc("2026-03-08", 4, 59), 0, "2026-03-07");
	expect_day_of(utc("2026-03-08", 5, 0), 0, "2026-03-08");
	/* New York, autumn: 02:00 EDT becomes 01:00 EST at 06:00 UTC. */
	zone("America/New_York");
	expect_day_of(utc("2026-11-01", 5, 30), START, "2026-10-31");
	expect_day_of(utc("2026-11-01", 6, 30), START, "2026-10-31");
	expect_day_of(utc("2026-11-01", 8, 59), START, "2026-10-31");
	expect_day_of(utc("2026-11-01", 9, 0), START, "2026-11-01");
	zone("UTC");
}

/* A day that starts inside the hour the clock repeats begins the first
 * time the clock shows its start, and stays begun the second time round;
 * one that starts inside the hour the clock skips begins when it ends. */
static void
test_day_start_in_a_changing_hour(void **state)
{
	(void)state;
	/* New York, autumn: 01:00..01:59 come twice, first EDT (05:00 UTC
	 * on) then EST (06:00 UTC on); the day starts at 01:30. */
	zone("America/New_York");
	expect_day_of(utc("2026-11-01", 5, 29), 90, "2026-10-31");
	expect_day_of(utc("2026-11-01", 5, 30), 90, "2026-11-01");
	expect_day_of(utc("2026-11-01", 6, 0), 90, "2026-11-01");
	expect_day_of(utc("2026-11-01", 6, 10), 90, "2026-11-01");
	expect_day_of(utc("2026-11-01", 6, 45), 90, "2026-11-01");
	expect_day_of(utc("2026-11-02", 6, 29), 90, "2026-11-01");
	expect_day_of(utc("2026-11-02", 6, 30), 90, "2026-11-02");
	/* Berlin, autumn: 02:00..02:59 come twice (00:00 and 01:00 UTC);
	 * the day starts at 02:30. */
	zone("Europe/Berlin");
	expect_day_of(utc("2026-10-25", 0, 29), 150, "2026-10-24");
	expect_day_of(utc("2026-10-25", 0, 30), 150, "2026-10-25");
	expect_day_of(utc("2026-10-25", 1, 10), 150, "2026-10-25");
	/* New York, spring: 02:00..02:59 never come (07:00 UTC is 03:00
	 * EDT); a day starting at 02:30 starts at 03:00. */
	zone("America/New_York");
	expect_day_of(utc("2026-03-08", 6, 59), 150, "2026-03-07");
	expect_day_of(utc("2026-03-08", 7, 0), 150, "2026-03-08");
	zone("UTC");
}

/* Every quarter hour through three days around a change: the day never
 * goes back, and there are exactly three of them. */
static void
test_days_never_skip_or_double(void **state)
{
	/* Starts before, inside and after the hours that change. */
	static const int starts[] = {0, 60, 90, 150, 180, START};
	char prev[DAY_LEN] = "", cur[DAY_LEN], first[DAY_LEN];
	size_t i, k;
	time_t t, end;
	int distinct;

	(void)state;
	for (i = 0; i < LEN(changes) * LEN(starts); i++) {
		int start = starts[i % LEN(starts)];

		k = i / LEN(starts);
		zone(changes[k].tz);
		assert_int_equal(day_add(changes[k].day, -1, first), 0);
		/* From noon UTC the day before to noon UTC the day after is
		 * 48 hours; the local starts of a day inside it are two. */
		t = utc(first, 12, 0);
		end = t + 2 * DAY_SECONDS;
		distinct = 0;
		prev[0] = '\0';
		for (; t < end; t += 5 * MINUTE) {
			day_of(t, start, cur);
			if (prev[0] != '\0' && strcmp(cur, prev) < 0)
				fail_msg("%s, day from %02d:%02d: went back "
					 "from %s to %s",
					 changes[k].tz, start / 60, start % 60,
					 prev, cur);
			if (prev[0] != '\0' && strcmp(cur, prev) != 0 &&
			    day_number(cur) != day_number(prev) + 1)
				fail_msg("%s: skipped from %s to %s",
					 changes[k].tz, prev, cur);
			if (strcmp(cur, prev) != 0)
				distinct++;
			memcpy(prev, cur, DAY_LEN);
		}
		assert_int_equal(distinct, 3);
	}
	zone("UTC");
}

static void
test_parse_hhmm(void **state)
{
	static const char *const bad[] = {"24:00", "4:00",  "04:60", "04:00x",
					  "",	   "ab:cd", "04-00", "-1:00",
					  "0400",  "04:0"};
	size_t i;
	int m = -7;

	(void)state;
	assert_int_equal(day_parse_hhmm("04:00", &m), 0);
	assert_int_equal(m, 240);
	assert_int_equal(day_parse_hhmm("00:00", &m), 0);
	assert_int_equal(m, 0);
	assert_int_equal(day_parse_hhmm("23:59", &m), 0);
	assert_int_equal(m, 23 * 60 + 59);
	for (i = 0; i < LEN(bad); i++) {
		m = -7;
		if (day_parse_hhmm(bad[i], &m) == 0)
			fail_msg("'%s' taken as a time", bad[i]);
		assert_int_equal(m, -7);
	}
	assert_int_equal(day_parse_hhmm(NULL, &m), -1);
}

static void
test_timestamp(void **state)
{
	char out[32];

	(void)state;
	zone("UTC");
	day_timestamp(utc("2026-11-24", 1, 30), out);
	assert_string_equal(out, "2026-11-24T01:30:00+00:00");
	zone("Europe/Berlin");
	day_timestamp(utc("2026-01-15", 12, 0), out);
	assert_string_equal(out, "2026-01-15T13:00:00+01:00");
	day_timestamp(utc("2026-07-15", 12, 0), out);
	assert_string_equal(out, "2026-07-15T14:00:00+02:00");
	zone("America/New_York");
	day_timestamp(utc("2026-01-15", 12, 0), out);
	assert_string_equal(out, "2026-01-15T07:00:00-05:00");
	zone("America/St_Johns");
	day_timestamp(utc("2026-01-15", 12, 0), out);
	assert_string_equal(out, "2026-01-15T08:30:00-03:30");
	zone("Asia/Kolkata");
	day_timestamp(utc("2026-01-15", 12, 0), out);
	assert_string_equal(out, "2026-01-15T17:30:00+05:30");
	zone("UTC");
}

static void
expect_refused(const char *arg, const char *words)
{
	char out[DAY_LEN] = "untouched";
	char *cause = NULL;

	if (day_resolve(arg, START, out, &cause) != -1)
		fail_msg("'%s' resolved to %s", arg, out);
	assert_non_null(cause);
	if (strstr(cause, words) == NULL)
		fail_msg("cause for '%s' is '%s', without '%s'", arg, cause,
			 words);
	free(cause);
}

static void
test_resolve_refuses(void **state)
{
	(void)state;
	zone("UTC");
	expect_refused("2026-02-30", "February 2026 has 28 days");
	expect_refused("2024-02-30", "February 2024 has 29 days");
	expect_refused("2026-04-31", "April 2026 has 30 days");
	expect_refused("2026-13-01", "there is no month 13");
	expect_refused("2026-00-01", "there is no month 0");
	expect_refused("2026-2-3", "use YYYY-MM-DD, today or yesterday");
	expect_refused("2026-01-01x", "'2026-01-01x' is not a day");
	expect_refused("", "'' is not a day");
	expect_refused("Today", "is not a day");
	expect_refused("0999-01-01", "before 1900-01-01, the first day");
	expect_refused("1000-01-10", "'1000-01-10' is before 1900-01-01");
	expect_refused("1899-12-31", "before 1900-01-01");
	expect_refused("2026-01-01\033[2J", "\\e[2J");
	expect_refused("9999-12-31", "after 9998-12-31, the last day");
	expect_refused("9998-12-31", "9998-12-31 is in the future");
}

/* today and yesterday by the clock, fixed or not. */
static void
test_resolve_today(void **state)
{
	char today[DAY_LEN], got[DAY_LEN], yesterday[DAY_LEN];
	char calendar[DAY_LEN], after[DAY_LEN];
	const char *want_today = getenv("DAY_EXPECT_TODAY");
	const char *want_calendar = getenv("DAY_EXPECT_CALENDAR");
	char *cause = NULL;

	(void)state;
	if (start_tz != NULL)
		zone(start_tz);
	else {
		unsetenv("TZ");
		tzset();
	}
	day_today(START, today);
	if (want_today != NULL)
		assert_string_equal(today, want_today);
	assert_int_equal(day_resolve("today", START, got, &cause), 0);
	assert_string_equal(got, today);
	assert_int_equal(day_resolve("yesterday", START, got, &cause), 0);
	assert_int_equal(day_add(today, -1, yesterday), 0);
	assert_string_equal(got, yesterday);
	assert_int_equal(day_resolve(yesterday, START, got, &cause), 0);
	assert_string_equal(got, yesterday);

	/* The calendar date has begun, so it is not in the future even
	 * before the day starts; the day after it is. */
	day_today(0, calendar);
	if (want_calendar != NULL)
		assert_string_equal(calendar, want_calendar);
	assert_int_equal(day_resolve(calendar, START, got, &cause), 0);
	assert_string_equal(got, calendar);
	assert_int_equal(day_add(calendar, 1, after), 0);
	assert_int_equal(day_resolve(after, START, got, &cause), -1);
	assert_non_null(strstr(cause, "is in the future"));
	free(cause);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_valid),
	    cmocka_unit_test(test_in_range),
	    cmocka_unit_test(test_check_says_why),
	    cmocka_unit_test(test_add_from_the_bounds),
	    cmocka_unit_test(test_add_month_and_year_ends),
	    cmocka_unit_test(test_leap_years),
	    cmocka_unit_test(test_numbers),
	    cmocka_unit_test(test_add_across_dst),
	    cmocka_unit_test(test_day_start),
	    cmocka_unit_test(test_day_of_around_dst),
	    cmocka_unit_test(test_day_start_in_a_changing_hour),
	    cmocka_unit_test(test_days_never_skip_or_double),
	    cmocka_unit_test(test_parse_hhmm),
	    cmocka_unit_test(test_timestamp),
	    cmocka_unit_test(test_resolve_refuses),
	    cmocka_unit_test(test_resolve_today),
	};
	const struct CMUnitTest clock_tests[] = {
	    cmocka_unit_test(test_resolve_today),
	};
	const char *tz = getenv("TZ");
	int failed;

	start_tz = tz != NULL ? strdup(tz) : NULL;
	/* Under a fixed clock only the clock's test has anything new to
	 * say; the rest take their times as arguments. */
	if (getenv("DAY_EXPECT_TODAY") != NULL)
		failed = cmocka_run_group_tests(clock_tests, NULL, NULL);
	else
		failed = cmocka_run_group_tests(tests, NULL, NULL);
	free(start_tz);
	return failed;
}
