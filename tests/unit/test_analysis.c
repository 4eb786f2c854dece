/* Unit tests for analysis.c: one test per branch of the verdict rule. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "analysis.h"

/* An arbitrary trial start, far from any edge. */
#define S 20000
#define NO ANALYSIS_NO_RATING
#define LEN(a) (sizeof(a) / sizeof((a)[0]))

/* Exact comparison of doubles, with both values in the failure message. */
#define assert_exact(a, b) check_exact((a), (b), #a, __LINE__)

static void
check_exact(double got, double want, const char *expr, int line)
{
	if (got != want)
		fail_msg("line %d: %s is %.17g, want %.17g", line, expr, got,
			 want);
}

/* Append check-ins on days first, first+1, ...; a rating of NO skips a day. */
static size_t
days(struct analysis_checkin *c, size_t n, int first, const int *pain,
     size_t npain)
{
	size_t i;

	for (i = 0; i < npain; i++) {
		if (pain[i] == NO)
			continue;
		c[n].day = first + (int)i;
		c[n].pain = pain[i];
		n++;
	}
	return n;
}

/* A trial of ndays days from S, no practices, no sessions, no others. */
static struct analysis_trial_in
trial(int ndays)
{
	struct analysis_trial_in t;

	memset(&t, 0, sizeof t);
	t.start = S;
	t.end = S + ndays - 1;
	return t;
}

static void
assert_explained(const struct analysis_result *r, const char *want)
{
	char buf[256];
	int len = analysis_explain(r, buf, sizeof buf);

	assert_string_equal(buf, want);
	assert_int_equal(len, (int)strlen(want));
}

/* A full week of 6 before, a full week of 3 during: 50%, substantial. */
static void
test_before_exactly_3_checkins(void **state)
{
	struct analysis_checkin c[32];
	struct analysis_trial_in t = trial(7);
	struct analysis_result r;
	size_t n = 0;
	/* S-8 is outside the window; S-7, S-4 and S-1 are its edges. */
	n = days(c, n, S - 8, (int[]){10, 6, NO, NO, 6, NO, NO, 6}, 8);
	n = days(c, n, S, (int[]){3, 3, 3, 3, 3, 3, 3}, 7);
	(void)state;

	assert_int_equal(analysis_trial(c, n, 9, &t, &r), 0);
	assert_int_equal(r.before_n, 3);
	assert_int_equal(r.before_sum, 18);
	assert_int_equal(r.has_baseline, 1);
	assert_int_equal(r.baseline_from_onboarding, 0);
	assert_exact(r.before_mean, 6.0);
	assert_int_equal(r.usual_pain, 9);
	assert_int_equal(r.during_n, 7);
	assert_exact(r.during_mean, 3.0);
	assert_int_equal(r.has_change, 1);
	assert_exact(r.change, 3.0);
	assert_exact(r.change_pct, 0.5);
	assert_int_equal(r.verdict, VERDICT_SUBSTANTIAL);
	assert_int_equal(r.basis, ANALYSIS_BASIS_PERCENT);
	assert_explained(&r, "pain fell by 50% (threshold 50%), from 6.0 to "
			     "3.0; a mean of fewer than 5 check-ins is rough");
}

/* Two check-ins are not a baseline: the usual-pain rating 8 stands in. */
static void
test_before_2_checkins_with_usual_pain(void **state)
{
	struct analysis_checkin c[32];
	struct analysis_trial_in t = trial(7);
	struct analysis_result r;
	size_t n = 0;
	n = days(c, n, S - 7, (int[]){6, NO, NO, NO, NO, NO, 6}, 7);
	n = days(c, n, S, (int[]){4, 4, 4, 4, 4, 4, 4}, 7);
	(void)state;

	assert_int_equal(analysis_trial(c, n, 8, &t, &r), 0);
	assert_int_equal(r.before_n, 2);
	assert_int_equal(r.before_sum, 12);
	assert_int_equal(r.has_baseline, 1);
	assert_int_equal(r.baseline_from_onboarding, 1);
	assert_exact(r.before_mean, 8.0);
	assert_exact(r.change, 4.0);
	assert_exact(r.change_pct, 0.5);
	assert_int_equal(r.verdict, VERDICT_SUBSTANTIAL);
	assert_explained(&r, "pain fell by 50% (threshold 50%), from 8.0 "
			     "(usual pain at onboarding) to 4.0");
}

static void
test_before_2_checkins_without_usual_pain(void **state)
{
	struct analysis_checkin c[32];
	struct analysis_trial_in t = trial(7);
	struct analysis_result r;
	size_t n = 0;
	n = days(c, n, S - 7, (int[]){6, NO, NO, NO, NO, NO, 6}, 7);
	n = days(c, n, S, (int[]){4, 4, 4, 4, 4, 4, 4}, 7);
	(void)state;

	assert_int_equal(analysis_trial(c, n, NO, &t, &r), 0);
	assert_int_equal(r.before_n, 2);
	assert_int_equal(r.has_baseline, 0);
	assert_int_equal(r.baseline_from_onboarding, 0);
	assert_int_equal(r.usual_pain, NO);
	assert_exact(r.before_mean, 0.0);
	assert_int_equal(r.during_n, 7);
	assert_int_equal(r.has_change, 0);
	assert_exact(r.change, 0.0);
	assert_int_equal(r.verdict, VERDICT_NO_BASELINE);
	assert_explained(&r, "2 check-ins in the 7 days before the start "
			     "(3 needed) and no usual-pain rating");

	/* A usual-pain rating off the 0-10 scale counts as none. */
	assert_int_equal(analysis_trial(c, n, 11, &t, &r), 0);
	assert_int_equal(r.usual_pain, NO);
	assert_int_equal(r.verdict, VERDICT_NO_BASELINE);
}

/* Day 10 of a trial: the during window is S+3 .. S+9. */
static void
test_during_exactly_4_checkins(void **state)
{
	struct analysis_checkin c[32];
	struct analysis_trial_in t = trial(10);
	struct analysis_result r;
	size_t n = 0;
	n = days(c, n, S - 7, (int[]){6, 6, 6, 6, 6, 6, 6}, 7);
	/* S+2 (pain 0) is just outside the window. */
	n = days(c, n, S, (int[]){0, 0, 0, 5, NO, 5, NO, 5, NO, 5}, 10);
	(void)state;

	assert_int_equal(analysis_trial(c, n, NO, &t, &r), 0);
	assert_int_equal(r.days, 10);
	assert_int_equal(r.during_n, 4);
	assert_int_equal(r.during_sum, 20);
	assert_exact(r.during_mean, 5.0);
	assert_exact(r.change, 1.0);
	assert_exact(r.change_pct, 1.0 / 6.0);
	assert_int_equal(r.verdict, VERDICT_NO_CHANGE);
	assert_int_equal(r.basis, ANALYSIS_BASIS_NONE);
	assert_explained(&r, "pain fell by 16% (1.0 points), below 30% and 2 "
			     "points, from 6.0 to 5.0; a mean of fewer than 5 "
			     "check-ins is rough");
}

static void
test_during_3_checkins_is_too_early(void **state)
{
	struct analysis_checkin c[32];
	struct analysis_trial_in t = trial(10);
	struct analysis_result r;
	size_t n = 0;
	n = days(c, n, S - 7, (int[]){6, 6, 6, 6, 6, 6, 6}, 7);
	n = days(c, n, S, (int[]){0, 0, 0, 1, NO, 1, NO, NO, NO, 1}, 10);
	(void)state;

	assert_int_equal(analysis_trial(c, n, NO, &t, &r), 0);
	assert_int_equal(r.during_n, 3);
	assert_int_equal(r.during_sum, 3);
	assert_exact(r.during_mean, 1.0);
	assert_int_equal(r.has_change, 0);
	assert_exact(r.change, 0.0);
	assert_int_equal(r.verdict, VERDICT_TOO_EARLY);
	assert_explained(&r, "3 check-ins in the last 7 days (4 needed)");
}

/* Six days of much less pain are still too early; S-1 is not "during". */
static void
test_trial_of_6_days_is_too_early(void **state)
{
	struct analysis_checkin c[32];
	struct analysis_trial_in t = trial(6);
	struct analysis_result r;
	size_t n = 0;
	n = days(c, n, S - 7, (int[]){6, 6, 6, 6, 6, 6, 9}, 7);
	n = days(c, n, S, (int[]){1, 1, 1, 1, 1, 1}, 6);
	(void)state;

	assert_int_equal(analysis_trial(c, n, NO, &t, &r), 0);
	assert_int_equal(r.days, 6);
	assert_int_equal(r.before_n, 7);
	assert_int_equal(r.before_sum, 45);
	assert_int_equal(r.during_n, 6);
	assert_int_equal(r.during_sum, 6);
	assert_int_equal(r.has_change, 0);
	assert_int_equal(r.verdict, VERDICT_TOO_EARLY);
	assert_explained(&r, "the trial has run 6 of the 7 days needed");
}

static void
test_trial_of_7_days_is_judged(void **state)
{
	struct analysis_checkin c[32];
	struct analysis_trial_in t = trial(7);
	struct analysis_result r;
	size_t n = 0;
	n = days(c, n, S - 7, (int[]){6, 6, 6, 6, 6, 6, 6}, 7);
	n = days(c, n, S, (int[]){4, 4, 4, 4, 4, 4, 4}, 7);
	(void)state;

	assert_int_equal(analysis_trial(c, n, NO, &t, &r), 0);
	assert_int_equal(r.days, 7);
	assert_int_equal(r.during_n, 7);
	assert_exact(r.change, 2.0);
	assert_exact(r.change_pct, 1.0 / 3.0);
	assert_int_equal(r.verdict, VERDICT_MEANINGFUL);
	assert_int_equal(r.basis, ANALYSIS_BASIS_PERCENT);
	assert_explained(&r,
			 "pain fell by 33% (threshold 30%), from 6.0 to 4.0");
}

/* A baseline of 0: change_pct is 0, only points can judge. */
static void
test_before_mean_zero(void **state)
{
	struct analysis_checkin c[32];
	struct analysis_trial_in t = trial(7);
	struct analysis_result r;
	size_t n = 0;
	n = days(c, n, S - 7, (int[]){0, 0, 0, 0, 0, 0, 0}, 7);
	n = days(c, n, S, (int[]){1, 1, 1, 1, 1, 1, 1}, 7);
	(void)state;

	assert_int_equal(analysis_trial(c, n, NO, &t, &r), 0);
	assert_exact(r.before_mean, 0.0);
	assert_exact(r.change, -1.0);
	assert_exact(r.change_pct, 0.0);
	assert_int_equal(r.verdict, VERDICT_NO_CHANGE);
	assert_explained(
	    &r, "pain rose by 1.0 points, below 2 points, from 0.0 to 1.0");

	n = 7;
	n = days(c, n, S, (int[]){2, 2, 2, 2, 2, 2, 2}, 7);
	assert_int_equal(analysis_trial(c, n, NO, &t, &r), 0);
	assert_exact(r.change, -2.0);
	assert_exact(r.change_pct, 0.0);
	assert_int_equal(r.verdict, VERDICT_WORSE);
	assert_int_equal(r.basis, ANALYSIS_BASIS_POINTS);
	assert_explained(&r, "pain rose by 2.0 points (threshold 2 points), "
			     "from 0.0 to 2.0");
}

/*
 * 2/7 before, 1/5 during: change_pct is exactly 3/10, though the naive
 * (before - during) / before in doubles gives 0.29999999999999993.
 */
static void
test_change_pct_exactly_30(void **state)
{
	struct analysis_checkin c[32];
	struct analysis_trial_in t = trial(7);
	struct analysis_result r;
	size_t n = 0;
	n = days(c, n, S - 7, (int[]){1, 1, 0, 0, 0, 0, 0}, 7);
	n = days(c, n, S, (int[]){1, 0, 0, 0, 0, NO, NO}, 7);
	(void)state;

	assert_int_equal(analysis_trial(c, n, NO, &t, &r), 0);
	assert_exact(r.before_mean, 2.0 / 7.0);
	assert_exact(r.during_mean, 1.0 / 5.0);
	assert_exact(r.change, 3.0 / 35.0);
	assert_exact(r.change_pct, 0.30);
	assert_int_equal(r.verdict, VERDICT_MEANINGFUL);
	assert_int_equal(r.basis, ANALYSIS_BASIS_PERCENT);
	assert_explained(&r, "pain fell by 30% (threshold 30%), from 0.3 to "
			     "0.2");

	/* Just under: 5 before, 18/5 = 3.6 during is 28%, 1.4 points. */
	n = 0;
	n = days(c, n, S - 7, (int[]){5, 5, 5, 5, 5, 5, 5}, 7);
	n = days(c, n, S, (int[]){4, 4, 4, 3, 3, NO, NO}, 7);
	assert_int_equal(analysis_trial(c, n, NO, &t, &r), 0);
	assert_exact(r.change_pct, 0.28);
	assert_int_equal(r.verdict, VERDICT_NO_CHANGE);
	assert_explained(&r, "pain fell by 28% (1.4 points), below 30% and 2 "
			     "points, from 5.0 to 3.6");
}

static void
test_change_pct_exactly_50(void **state)
{
	struct analysis_checkin c[32];
	struct analysis_trial_in t = trial(7);
	struct analysis_result r;
	size_t n = 0;
	n = days(c, n, S - 7, (int[]){3, 3, 3, 3, 3, 3, 3}, 7);
	n = days(c, n, S, (int[]){1, 2, 1, 2, NO, NO, NO}, 7);
	(void)state;

	assert_int_equal(analysis_trial(c, n, NO, &t, &r), 0);
	assert_exact(r.during_mean, 1.5);
	assert_exact(r.change, 1.5);
	assert_exact(r.change_pct, 0.50);
	assert_int_equal(r.verdict, VERDICT_SUBSTANTIAL);
	assert_int_equal(r.basis, ANALYSIS_BASIS_PERCENT);

	/* Just under: 8/5 = 1.6 during is 46%, meaningful only. */
	n = 7;
	n = days(c, n, S, (int[]){1, 2, 2, 1, 2, NO, NO}, 7);
	assert_int_equal(analysis_trial(c, n, NO, &t, &r), 0);
	assert_exact(r.change_pct, 49.0 / 105.0);
	assert_int_equal(r.verdict, VERDICT_MEANINGFUL);
	assert_explained(&r,
			 "pain fell by 46% (threshold 30%), from 3.0 to 1.6");
}

/*
 * 26/3 before, 40/6 during: exactly 2 points (23%), though the naive
 * difference in doubles is 1.9999999999999991.
 */
static void
test_change_exactly_2_points(void **state)
{
	struct analysis_checkin c[32];
	struct analysis_trial_in t = trial(7);
	struct analysis_result r;
	size_t n = 0;
	n = days(c, n, S - 7, (int[]){9, NO, NO, 9, NO, NO, 8}, 7);
	n = days(c, n, S, (int[]){7, 7, 7, 7, 6, 6, NO}, 7);
	(void)state;

	assert_int_equal(analysis_trial(c, n, NO, &t, &r), 0);
	assert_exact(r.before_mean, 26.0 / 3.0);
	assert_exact(r.during_mean, 40.0 / 6.0);
	assert_exact(r.change, 2.0);
	assert_exact(r.change_pct, 36.0 / 156.0);
	assert_int_equal(r.verdict, VERDICT_MEANINGFUL);
	assert_int_equal(r.basis, ANALYSIS_BASIS_POINTS);
	assert_explained(&r, "pain fell by 2.0 points (threshold 2 points), "
			     "from 8.7 to 6.7; a mean of fewer than 5 "
			     "check-ins is rough");

	/* Just under: 41/6 during is 1.83 points, 21%. */
	n = 3;
	n = days(c, n, S, (int[]){7, 7, 7, 7, 7, 6, NO}, 7);
	assert_int_equal(analysis_trial(c, n, NO, &t, &r), 0);
	assert_int_equal(r.verdict, VERDICT_NO_CHANGE);
	assert_explained(&r, "pain fell by 21% (1.8 points), below 30% and 2 "
			     "points, from 8.7 to 6.8; a mean of fewer than 5 "
			     "check-ins is rough");
}

/*
 * 5/3 before, 13/6 during: exactly -30% (-0.5 points), though the naive
 * ratio in doubles is -0.2999999999999999.
 */
static void
test_change_pct_exactly_minus_30(void **state)
{
	struct analysis_checkin c[32];
	struct analysis_trial_in t = trial(7);
	struct analysis_result r;
	size_t n = 0;
	n = days(c, n, S - 7, (int[]){2, NO, 2, NO, 1, NO, NO}, 7);
	n = days(c, n, S, (int[]){2, 2, 2, 2, 2, 3, NO}, 7);
	(void)state;

	assert_int_equal(analysis_trial(c, n, NO, &t, &r), 0);
	assert_exact(r.change, -0.5);
	assert_exact(r.change_pct, -0.30);
	assert_int_equal(r.verdict, VERDICT_WORSE);
	assert_int_equal(r.basis, ANALYSIS_BASIS_PERCENT);
	assert_explained(&r, "pain rose by 30% (threshold 30%), from 1.7 to "
			     "2.2; a mean of fewer than 5 check-ins is rough");
}

/*
 * 23/3 before, 58/6 during: exactly -2 points (-26%), though the naive
 * difference in doubles is -1.9999999999999991.
 */
static void
test_change_exactly_minus_2_points(void **state)
{
	struct analysis_checkin c[32];
	struct analysis_trial_in t = trial(7);
	struct analysis_result r;
	size_t n = 0;
	n = days(c, n, S - 7, (int[]){8, 8, 7, NO, NO, NO, NO}, 7);
	n = days(c, n, S, (int[]){10, 10, 10, 10, 9, 9, NO}, 7);
	(void)state;

	assert_int_equal(analysis_trial(c, n, NO, &t, &r), 0);
	assert_exact(r.change, -2.0);
	assert_exact(r.change_pct, -6.0 / 23.0);
	assert_int_equal(r.verdict, VERDICT_WORSE);
	assert_int_equal(r.basis, ANALYSIS_BASIS_POINTS);
	assert_explained(&r, "pain rose by 2.0 points (threshold 2 points), "
			     "from 7.7 to 9.7; a mean of fewer than 5 "
			     "check-ins is rough");
}

/*
 * 14 days with 7 practised: adherence exactly 0.50 is enough.  The practised
 * days come from --did marks (with a duplicate and a day before the trial)
 * and from sessions.
 */
static void
test_adherence_exactly_half(void **state)
{
	struct analysis_checkin c[32];
	struct analysis_trial_in t = trial(14);
	struct analysis_result r;
	const int did[] = {S, S + 2, S + 2, S + 4, S - 1, S + 13};
	const struct analysis_session ses[] = {{S + 4, NO, NO},
					       {S + 6, NO, NO},
					       {S + 8, NO, NO},
					       {S + 10, NO, NO}};
	size_t n = 0;
	n = days(c, n, S - 7, (int[]){5, 5, 5, 5, 5, 5, 5}, 7);
	n = days(c, n, S + 7, (int[]){5, 5, 5, 5, 5, 5, 5}, 7);
	(void)state;

	t.has_practices = 1;
	t.practice_days = did;
	t.npractice_days = LEN(did);
	t.sessions = ses;
	t.nsessions = LEN(ses);
	assert_int_equal(analysis_trial(c, n, NO, &t, &r), 0);
	assert_int_equal(r.has_adherence, 1);
	assert_int_equal(r.practised_days, 7);
	assert_exact(r.adherence, 0.5);
	assert_int_equal(r.verdict, VERDICT_NO_CHANGE);
	assert_explained(&r, "pain unchanged, from 5.0 to 5.0");
}

/* One day more, the same 7 practised: 7/15 is low practice. */
static void
test_adherence_just_under_half(void **state)
{
	struct analysis_checkin c[32];
	struct analysis_trial_in t = trial(15);
	struct analysis_result r;
	const int did[] = {S, S + 2, S + 4, S + 6, S + 8, S + 10, S + 12};
	size_t n = 0;
	n = days(c, n, S - 7, (int[]){5, 5, 5, 5, 5, 5, 5}, 7);
	n = days(c, n, S + 8, (int[]){5, 5, 5, 5, 5, 5, 4}, 7);
	(void)state;

	t.has_practices = 1;
	t.practice_days = did;
	t.npractice_days = LEN(did);
	assert_int_equal(analysis_trial(c, n, NO, &t, &r), 0);
	assert_int_equal(r.practised_days, 7);
	assert_exact(r.adherence, 7.0 / 15.0);
	assert_int_equal(r.verdict, VERDICT_LOW_PRACTICE);
	assert_explained(&r, "practised on 7 of 15 days (46%, threshold 50%); "
			     "pain fell by 2% (0.1 points), below 30% and 2 "
			     "points, from 5.0 to 4.9");
}

/* Without practices there is no adherence, so no low-practice verdict. */
static void
test_approach_without_practices(void **state)
{
	struct analysis_checkin c[32];
	struct analysis_trial_in t = trial(14);
	struct analysis_result r;
	size_t n = 0;
	n = days(c, n, S - 7, (int[]){5, 5, 5, 5, 5, 5, 5}, 7);
	n = days(c, n, S + 7, (int[]){5, 5, 5, 5, 5, 5, 5}, 7);
	(void)state;

	assert_int_equal(analysis_trial(c, n, NO, &t, &r), 0);
	assert_int_equal(r.has_adherence, 0);
	assert_int_equal(r.practised_days, 0);
	assert_exact(r.adherence, 0.0);
	assert_int_equal(r.verdict, VERDICT_NO_CHANGE);
}

static void
test_overlapping_trials(void **state)
{
	struct analysis_checkin c[32];
	struct analysis_trial_in t = trial(14);
	struct analysis_result r;
	/* S..S+2 and S+1..S+4 overlap each other: 5 days; S+10..S+13: 4. */
	const struct analysis_span others[] = {{S + 10, S + 20},
					       {S - 5, S + 2},
					       {S + 30, S + 40},
					       {S + 1, S + 4},
					       {S - 9, S - 1}};
	const struct analysis_span same[] = {{S, S + 13}};
	const struct analysis_span around[] = {{S - 100, S + 100}};
	size_t n = 0;
	n = days(c, n, S - 7, (int[]){5, 5, 5, 5, 5, 5, 5}, 7);
	n = days(c, n, S + 7, (int[]){2, 2, 2, 2, 2, 2, 2}, 7);
	(void)state;

	t.others = others;
	t.nothers = LEN(others);
	assert_int_equal(analysis_trial(c, n, NO, &t, &r), 0);
	assert_int_equal(r.overlap_days, 9);
	assert_int_equal(r.verdict, VERDICT_SUBSTANTIAL);
	assert_explained(&r, "pain fell by 60% (threshold 50%), from 5.0 to "
			     "2.0; shared 9 days with another trial");

	assert_int_equal(analysis_overlap_days(S, S + 13, NULL, 0), 0);
	assert_int_equal(analysis_overlap_days(S, S + 13, same, 1), 14);
	assert_int_equal(analysis_overlap_days(S, S + 13, around, 1), 14);
	assert_int_equal(analysis_overlap_days(S, S, others, LEN(others)), 1);
	assert_int_equal(
	    analysis_overlap_days(S + 5, S + 9, others, LEN(others)), 0);
}

/* 2026-03-28 .. 2026-04-03 spans the EU change to summer time: 7 days. */
static void
test_trial_across_dst_change(void **state)
{
	const int start = 20540; /* 2026-03-28 */
	const int end = 20546;	 /* 2026-04-03 */
	struct analysis_checkin c[32];
	struct analysis_trial_in t = trial(1);
	struct analysis_result r;
	size_t n = 0;
	n = days(c, n, start - 7, (int[]){7, 7, 7, 7, 7, 7, 7}, 7);
	n = days(c, n, start, (int[]){5, 5, 5, 5, 5, 5, 5}, 7);
	(void)state;

	t.start = start;
	t.end = end;
	assert_int_equal(analysis_trial(c, n, NO, &t, &r), 0);
	assert_int_equal(r.days, 7);
	assert_int_equal(r.before_n, 7);
	assert_int_equal(r.during_n, 7);
	assert_exact(r.change, 2.0);
	assert_int_equal(r.verdict, VERDICT_MEANINGFUL);
}

/* Only sessions inside the trial with both ratings count. */
static void
test_immediate_effect(void **state)
{
	struct analysis_checkin c[32];
	struct analysis_trial_in t = trial(7);
	struct analysis_result r;
	const struct analysis_session ses[] = {{S, 6, 4},      {S + 1, 5, NO},
					       {S + 2, NO, 3}, {S + 3, 7, 4},
					       {S + 4, 3, 4},  {S - 1, 8, 0}};
	size_t n = 0;
	(void)state;

	t.has_practices = 1;
	t.sessions = ses;
	t.nsessions = LEN(ses);
	assert_int_equal(analysis_trial(c, n, NO, &t, &r), 0);
	assert_int_equal(r.immediate_n, 3);
	assert_int_equal(r.immediate_sum, -4);
	assert_exact(r.immediate_mean, -4.0 / 3.0);
	assert_int_equal(r.practised_days, 5);
	assert_int_equal(r.verdict, VERDICT_NO_BASELINE);

	t.nsessions = 2; /* neither has both ratings */
	t.sessions = ses + 1;
	assert_int_equal(analysis_trial(c, n, NO, &t, &r), 0);
	assert_int_equal(r.immediate_n, 0);
	assert_exact(r.immediate_mean, 0.0);
}

static void
test_rolling_mean_with_gaps(void **state)
{
	/* Out of order, with a rating off the scale that must not count. */
	const struct analysis_checkin c[] = {
	    {105, 2}, {100, 4}, {120, 5}, {101, 6}, {103, 11}};
	struct analysis_rolling out[25];
	(void)state;

	analysis_rolling_mean(c, LEN(c), 99, LEN(out), out);
	assert_int_equal(out[0].day, 99);
	assert_int_equal(out[0].n, 0);
	assert_int_equal(out[0].has_mean, 0);
	assert_exact(out[0].mean, 0.0);
	assert_int_equal(out[1].n, 1); /* 100 */
	assert_exact(out[1].mean, 4.0);
	assert_int_equal(out[2].n, 2); /* 101 */
	assert_exact(out[2].mean, 5.0);
	assert_int_equal(out[4].n, 2); /* 103: the 11 is ignored */
	assert_int_equal(out[4].sum, 10);
	assert_int_equal(out[6].n, 3); /* 105 */
	assert_exact(out[6].mean, 4.0);
	assert_int_equal(out[7].n, 3); /* 106: 100 .. 106 */
	assert_exact(out[7].mean, 4.0);
	assert_int_equal(out[8].n, 2); /* 107: 101 .. 107 */
	assert_exact(out[8].mean, 4.0);
	assert_int_equal(out[9].n, 1); /* 108 */
	assert_exact(out[9].mean, 2.0);
	assert_int_equal(out[12].n, 1); /* 111: 105 .. 111 */
	assert_int_equal(out[12].has_mean, 1);
	assert_int_equal(out[13].day, 112);
	assert_int_equal(out[13].n, 0); /* 112: 106 .. 112, a gap */
	assert_int_equal(out[13].has_mean, 0);
	assert_int_equal(out[20].has_mean, 0); /* 119 */
	assert_int_equal(out[21].n, 1);	       /* 120 */
	assert_exact(out[21].mean, 5.0);
	assert_int_equal(out[24].day, 123);
	assert_exact(out[24].mean, 5.0);
}

static void
test_verdict_names(void **state)
{
	(void)state;
	assert_string_equal(analysis_verdict_name(VERDICT_NO_BASELINE),
			    "no-baseline");
	assert_string_equal(analysis_verdict_name(VERDICT_TOO_EARLY),
			    "too-early");
	assert_string_equal(analysis_verdict_name(VERDICT_SUBSTANTIAL),
			    "substantial");
	assert_string_equal(analysis_verdict_name(VERDICT_MEANINGFUL),
			    "meaningful");
	assert_string_equal(analysis_verdict_name(VERDICT_WORSE), "worse");
	assert_string_equal(analysis_verdict_name(VERDICT_LOW_PRACTICE),
			    "low-practice");
	assert_string_equal(analysis_verdict_name(VERDICT_NO_CHANGE),
			    "no-change");
	assert_string_equal(analysis_verdict_name((enum analysis_verdict)99),
			    "unknown");
}

/* A short buffer gets a terminated prefix and the length the text needs. */
static void
test_explain_truncates(void **state)
{
	struct analysis_checkin c[32];
	struct analysis_trial_in t = trial(7);
	struct analysis_result r;
	const char *full = "the trial has run 6 of the 7 days needed";
	char buf[10];
	size_t n = 0;
	(void)state;

	t.end = S + 5;
	assert_int_equal(analysis_trial(c, n, 5, &t, &r), 0);
	assert_int_equal(analysis_explain(&r, buf, sizeof buf),
			 (int)strlen(full));
	assert_string_equal(buf, "the trial");
	assert_int_equal(analysis_explain(&r, NULL, 0), (int)strlen(full));
}

static void
test_invalid_input(void **state)
{
	struct analysis_trial_in t = trial(7);
	struct analysis_result r;
	(void)state;

	t.end = S - 1;
	assert_int_equal(analysis_trial(NULL, 0, NO, &t, &r), -1);
	assert_int_equal(r.days, 0);
	assert_int_equal(r.verdict, VERDICT_NO_BASELINE);
	assert_int_equal(analysis_trial(NULL, 0, NO, NULL, &r), -1);
	assert_int_equal(analysis_trial(NULL, 0, NO, &t, NULL), -1);
	t.end = S;
	assert_int_equal(analysis_trial(NULL, 3, NO, &t, &r), -1);
	t.nsessions = 1;
	assert_int_equal(analysis_trial(NULL, 0, NO, &t, &r), -1);
	t.nsessions = 0;
	assert_int_equal(analysis_trial(NULL, 0, NO, &t, &r), 0);
	assert_int_equal(r.days, 1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_before_exactly_3_checkins),
	    cmocka_unit_test(test_before_2_checkins_with_usual_pain),
	    cmocka_unit_test(test_before_2_checkins_without_usual_pain),
	    cmocka_unit_test(test_during_exactly_4_checkins),
	    cmocka_unit_test(test_during_3_checkins_is_too_early),
	    cmocka_unit_test(test_trial_of_6_days_is_too_early),
	    cmocka_unit_test(test_trial_of_7_days_is_judged),
	    cmocka_unit_test(test_before_mean_zero),
	    cmocka_unit_test(test_change_pct_exactly_30),
	    cmocka_unit_test(test_change_pct_exactly_50),
	    cmocka_unit_test(test_change_exactly_2_points),
	    cmocka_unit_test(test_change_pct_exactly_minus_30),
	    cmocka_unit_test(test_change_exactly_minus_2_points),
	    cmocka_unit_test(test_adherence_exactly_half),
	    cmocka_unit_test(test_adherence_just_under_half),
	    cmocka_unit_test(test_approach_without_practices),
	    cmocka_unit_test(test_overlapping_trials),
	    cmocka_unit_test(test_trial_across_dst_change),
	    cmocka_unit_test(test_immediate_effect),
	    cmocka_unit_test(test_rolling_mean_with_gaps),
	    cmocka_unit_test(test_verdict_names),
	    cmocka_unit_test(test_explain_truncates),
	    cmocka_unit_test(test_invalid_input),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
