/*
 * Unit tests for analysis.c: each part of the verdict rule at its
 * boundaries, with the figures worked out by hand in the comments
 * (doc/verdicts.md has the formulas).
 */
#include <math.h>
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
#define EPS 1e-9

/* Exact comparison of doubles, with both values in the failure message. */
#define assert_exact(a, b) check_exact((a), (b), #a, __LINE__)
#define assert_near(a, b) check_near((a), (b), #a, __LINE__)

static void
check_exact(double got, double want, const char *expr, int line)
{
	if (got != want)
		fail_msg("line %d: %s is %.17g, want %.17g", line, expr, got,
			 want);
}

static void
check_near(double got, double want, const char *expr, int line)
{
	if (got < want - EPS || got > want + EPS)
		fail_msg("line %d: %s is %.17g, want %.17g", line, expr, got,
			 want);
}

/* A chance against its value worked out by hand: the library sums a grid
 * (analysis_chance()), within this of the exact integral. */
#define CHANCE_TOL 2e-4
#define assert_chance_near(a, b) check_chance((a), (b), #a, __LINE__)

static void
check_chance(double got, double want, const char *expr, int line)
{
	if (got < want - CHANCE_TOL || got > want + CHANCE_TOL)
		fail_msg("line %d: %s is %.17g, want %.17g", line, expr, got,
			 want);
}

/*
 * Append check-ins on days first, first+1, ...; a rating of NO skips a
 * day.  Interference is not asked.  Callers append in day order.
 */
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
		c[n].interference = NO;
		n++;
	}
	return n;
}

/* count days of the same rating from first. */
static size_t
flat(struct analysis_checkin *c, size_t n, int first, int count, int pain)
{
	int i;

	for (i = 0; i < count; i++) {
		c[n].day = first + i;
		c[n].pain = pain;
		c[n].interference = NO;
		n++;
	}
	return n;
}

/* A trial of ndays days from S, settling in 7 days, nothing else. */
static struct analysis_trial_in
trial(int ndays)
{
	struct analysis_trial_in t;

	memset(&t, 0, sizeof t);
	t.start = S;
	t.end = S + ndays - 1;
	t.settle_days = ANALYSIS_SETTLE_DAYS;
	return t;
}

static void
assert_explained(const struct analysis_result *r, const char *want)
{
	char buf[1024];
	int len = analysis_explain(r, buf, sizeof buf);

	assert_string_equal(buf, want);
	assert_int_equal(len, (int)strlen(want));
}

static void
assert_explain_has(const struct analysis_result *r, const char *part)
{
	char buf[1024];

	analysis_explain(r, buf, sizeof buf);
	if (strstr(buf, part) == NULL)
		fail_msg("'%s' lacks '%s'", buf, part);
}

/*
 * 14 days of 6 before, 7 judged days of 3 after a 7-day settling in: 50%.
 * Both windows are flat, so the SD is the floor 0.5 and r the prior 0.55
 * (no spread to estimate it from).  g(n) = 1 + 2 sum (1 - k/n) 0.55^k:
 * g(14) = 3.0565273, g(7) = 2.6802446; SE = 0.5 sqrt(g(14)/14 + g(7)/7)
 * = 0.38769043; lower bound 3 - 0.842 SE = 2.6736 > 0: substantial.
 */
static void
test_exactly_50_pct_and_clear(void **state)
{
	struct analysis_checkin c[64];
	struct analysis_trial_in t = trial(14);
	struct analysis_result r;
	size_t n = flat(c, 0, S - 14, 14, 6);
	(void)state;

	n = flat(c, n, S + 7, 7, 3);
	assert_int_equal(analysis_trial(c, n, NO, &t, &r), 0);
	assert_int_equal(r.before_n, 14);
	assert_int_equal(r.during_n, 7);
	assert_int_equal(r.during_first, S + 7);
	assert_exact(r.change, 3.0);
	assert_exact(r.change_pct, 0.5);
	assert_near(r.pain.sd, 0.5);
	assert_near(r.pain.r, 0.55);
	assert_near(r.pain.se, 0.38769042825612954);
	assert_near(r.pain.lower, 3 - 0.842 * 0.38769042825612954);
	assert_exact(r.pain.nap, 1.0);
	assert_int_equal(r.verdict, VERDICT_SUBSTANTIAL);
	assert_int_equal(r.reference, ANALYSIS_REF_BASELINE);
	assert_explained(&r, "pain fell by 50% (threshold 50%), from 6.0 to "
			     "3.0; allowing for the day-to-day noise, a fall "
			     "of 2.7 to 3.3 points, clear of no change; on "
			     "100 of 100 pairs of days pain was lower during "
			     "the trial than before");
}

/*
 * 14 days of 5; judged 8 days 3 4 3 4 3 4 3 4, mean 3.5: 1.5 = 30%
 * exactly: meaningful by percent.  The alternating days give a negative
 * lag-1 estimate, so r is its floor 0.3; the SD (SS 2 over 20) is below
 * the floor 0.5; SE = 0.5 sqrt(g(14)/14 + g(8)/8) with r 0.3 = 0.29130.
 * One 3 made a 4 (mean 3.625, 27.5%, 1.375 points) passes no threshold,
 * and the 90% interval 1.375 +- 1.645 * 0.2913 reaches past 1.5: unclear,
 * and as the baseline alone has 1.645 * 0.5 sqrt(g(14)/14) = 0.29 > 0.125
 * left to the threshold, more days cannot settle it (-1).
 */
static void
test_exactly_30_pct(void **state)
{
	struct analysis_checkin c[64];
	struct analysis_trial_in t = trial(15);
	struct analysis_result r;
	size_t n = flat(c, 0, S - 14, 14, 5), m;
	(void)state;

	m = days(c, n, S + 7, (int[]){3, 4, 3, 4, 3, 4, 3, 4}, 8);
	assert_int_equal(analysis_trial(c, m, NO, &t, &r), 0);
	assert_exact(r.change, 1.5);
	assert_exact(r.change_pct, 0.3);
	assert_near(r.pain.r, 0.3);
	assert_near(r.pain.se, 0.29129758151259594);
	assert_int_equal(r.verdict, VERDICT_MEANINGFUL);
	assert_int_equal(r.basis, ANALYSIS_BASIS_PERCENT);
	/* Helped at the margin: surely lower, and rather under the
	 * threshold of 1.5 than over it.  The chance's own noise: the
	 * person's r, -1.369643 from the alternating days, shrunk with 20
	 * pairs against 200 of 0.55 is 0.375487; the SD floor 0.5 from (14 +
	 * 8 - 2) (1 - r^2) / (1 + r^2) = 15.057260 degrees of freedom shrunk
	 * toward 1.3 with 20: s^2 = (15.057260 * 0.25 + 20 * 1.69) /
	 * 35.057260 = 1.071513; g(14) = 2.064960, g(8) = 1.961904: va =
	 * 0.158045, vb = 0.262776, SE 0.648707 with 35.057260 degrees of
	 * freedom (the verdict's, 0.29, trusts the eight days' small
	 * spread).  Integrated as in test_chance_no_effect, the level 5 seen
	 * with va: lower 0.982123, helped 0.408293, worse 0.000014.  The
	 * verdict's worse_at at the mean seen is 30% of 3.5, 1.05. */
	assert_near(r.chance.helped_at, 1.5);
	assert_near(r.chance.worse_at, 1.05);
	assert_near(r.chance.r, 0.3754870129870131);
	assert_near(r.chance.se, 0.648707092232538);
	assert_near(r.chance.in.ref_var, 0.15804515850339046);
	assert_near(r.chance.in.judged_var, 0.2627757330094041);
	assert_near(r.chance.in.df, 35.05725955466713);
	assert_chance_near(r.chance.lower, 0.982122508354393);
	assert_chance_near(r.chance.helped, 0.4082933541008993);
	assert_chance_near(r.chance.worse, 1.3699385568647e-05);

	m = days(c, n, S + 7, (int[]){3, 4, 3, 4, 3, 4, 4, 4}, 8);
	assert_int_equal(analysis_trial(c, m, NO, &t, &r), 0);
	assert_exact(r.change, 1.375);
	assert_int_equal(r.verdict, VERDICT_UNCLEAR);
	assert_int_equal(r.pain.more_days, -1);
	assert_explain_has(&r, "not clear, and more days alone are unlikely "
			       "to settle it");
}

/* 14 days of 8, 7 judged days of 6: 2 points (25%): meaningful by points. */
static void
test_exactly_2_points(void **state)
{
	struct analysis_checkin c[64];
	struct analysis_trial_in t = trial(14);
	struct analysis_result r;
	size_t n = flat(c, 0, S - 14, 14, 8);
	(void)state;

	n = flat(c, n, S + 7, 7, 6);
	assert_int_equal(analysis_trial(c, n, NO, &t, &r), 0);
	assert_exact(r.change, 2.0);
	assert_int_equal(r.verdict, VERDICT_MEANINGFUL);
	assert_int_equal(r.basis, ANALYSIS_BASIS_POINTS);
	assert_explain_has(&r, "pain fell by 2.0 points (threshold 2 "
			       "points)");
}

/*
 * A rise is the mirror of a fall: 7 before, 10 after is -3, 30% of the
 * judged mean 10: worse by percent; 8 before, 10 after is -2 points (20%
 * of 10): worse by points; 8 before, 9 after (-1, 11%) is no call.
 */
static void
test_worse_boundaries(void **state)
{
	struct analysis_checkin c[64];
	struct analysis_trial_in t = trial(14);
	struct analysis_result r;
	size_t n;
	(void)state;

	n = flat(c, flat(c, 0, S - 14, 14, 7), S + 7, 7, 10);
	assert_int_equal(analysis_trial(c, n, NO, &t, &r), 0);
	assert_exact(r.change, -3.0);
	assert_int_equal(r.verdict, VERDICT_WORSE);
	assert_int_equal(r.basis, ANALYSIS_BASIS_PERCENT);

	n = flat(c, flat(c, 0, S - 14, 14, 8), S + 7, 7, 10);
	assert_int_equal(analysis_trial(c, n, NO, &t, &r), 0);
	assert_int_equal(r.verdict, VERDICT_WORSE);
	assert_int_equal(r.basis, ANALYSIS_BASIS_POINTS);

	n = flat(c, flat(c, 0, S - 14, 14, 8), S + 7, 7, 9);
	assert_int_equal(analysis_trial(c, n, NO, &t, &r), 0);
	assert_int_not_equal(r.verdict, VERDICT_WORSE);
}

/* Unchanged flat pain: the 90% interval 0 +- 1.645 * 0.3877 = +-0.64 is
 * inside the thresholds (1.5 each way): no-change. */
static void
test_no_change(void **state)
{
	struct analysis_checkin c[64];
	struct analysis_trial_in t = trial(14);
	struct analysis_result r;
	size_t n = flat(c, flat(c, 0, S - 14, 14, 5), S + 7, 7, 5);
	(void)state;

	assert_int_equal(analysis_trial(c, n, NO, &t, &r), 0);
	assert_exact(r.change, 0.0);
	assert_exact(r.pain.nap, 0.5);
	assert_int_equal(r.verdict, VERDICT_NO_CHANGE);
	assert_explain_has(&r, "inside the thresholds: no important change");
}

/*
 * A fall of 2 points (40% of 5) that the noise swamps: the baseline swings
 * 2 2 2 9 9 9 2 2 2 9 9 9 2 2 (mean 5), the judged week is flat 3.  The
 * change passes its threshold but not the noise: unclear, with the
 * interval across zero.
 */
static void
test_noise_makes_it_unclear(void **state)
{
	struct analysis_checkin c[64];
	struct analysis_trial_in t = trial(14);
	struct analysis_result r;
	size_t n = days(c, 0, S - 14,
			(int[]){2, 2, 2, 9, 9, 9, 2, 2, 2, 9, 9, 9, 2, 2}, 14);
	(void)state;

	n = flat(c, n, S + 7, 7, 3);
	assert_int_equal(analysis_trial(c, n, NO, &t, &r), 0);
	assert_exact(r.change, 2.0);
	assert_true(r.pain.lower < 0);
	assert_true(r.pain.upper > 2);
	assert_int_equal(r.verdict, VERDICT_UNCLEAR);
	assert_explain_has(&r, "not clear");
}

/* The baseline needs 5 check-ins in the 14 days before; a usual-pain
 * rating never stands in. */
static void
test_baseline_needs_5_checkins(void **state)
{
	struct analysis_checkin c[64];
	struct analysis_trial_in t = trial(14);
	struct analysis_result r;
	size_t n = days(c, 0, S - 15, (int[]){6, 6, NO, 6, NO, 6, NO, NO},
			8); /* S-15 is outside: 3 in the window */
	size_t m;
	(void)state;

	m = flat(c, n, S + 7, 7, 3);
	assert_int_equal(analysis_trial(c, m, 7, &t, &r), 0);
	assert_int_equal(r.baseline_n, 3);
	assert_int_equal(r.usual_pain, 7);
	assert_int_equal(r.verdict, VERDICT_NO_BASELINE);
	assert_explained(&r, "3 check-ins in the 14 days before the start (5 "
			     "needed)");

	n = days(c, n, S - 7, (int[]){6, NO, 6}, 3); /* 5 in the window */
	m = flat(c, n, S + 7, 7, 3);
	assert_int_equal(analysis_trial(c, m, 7, &t, &r), 0);
	assert_int_equal(r.baseline_n, 5);
	assert_exact(r.before_mean, 6.0);
	assert_int_equal(r.verdict, VERDICT_SUBSTANTIAL);
}

/*
 * Re-answering the first-run questions (a new usual pain) changes nothing:
 * the whole result is the same with a recalled 2 or 9, but for the
 * context field.
 */
static void
test_usual_pain_is_only_context(void **state)
{
	struct analysis_checkin c[64];
	struct analysis_trial_in t = trial(14);
	struct analysis_result a, b;
	size_t n = flat(c, flat(c, 0, S - 14, 14, 5), S + 7, 7, 5);
	(void)state;

	assert_int_equal(analysis_trial(c, n, 2, &t, &a), 0);
	assert_int_equal(analysis_trial(c, n, 9, &t, &b), 0);
	assert_int_equal(a.usual_pain, 2);
	b.usual_pain = 2;
	assert_memory_equal(&a, &b, sizeof a);
	/* And with no check-ins before, no usual pain makes a baseline. */
	n = flat(c, 0, S + 7, 7, 5);
	assert_int_equal(analysis_trial(c, n, 7, &t, &a), 0);
	assert_int_equal(a.verdict, VERDICT_NO_BASELINE);
}

/* Judged from settle_days + 7 days on, with 5 check-ins after settling. */
static void
test_settle_and_judged_window(void **state)
{
	struct analysis_checkin c[64];
	struct analysis_trial_in t = trial(13);
	struct analysis_result r;
	size_t n = flat(c, 0, S - 14, 14, 6), m;
	(void)state;

	m = flat(c, n, S, 14, 3);
	assert_int_equal(analysis_trial(c, m, NO, &t, &r), 0);
	assert_int_equal(r.verdict, VERDICT_TOO_EARLY);
	assert_explained(&r, "the trial has run 13 of the 14 days needed (7 "
			     "to settle in, then 7 to judge)");
	t = trial(14);
	assert_int_equal(analysis_trial(c, m, NO, &t, &r), 0);
	assert_int_equal(r.verdict, VERDICT_SUBSTANTIAL);
	assert_int_equal(r.during_n, 7); /* S+7 .. S+13 only */

	/* A pack's settle_days of 3: judged from S+3, 10 days suffice. */
	t = trial(10);
	t.settle_days = 3;
	assert_int_equal(analysis_trial(c, m, NO, &t, &r), 0);
	assert_int_equal(r.during_first, S + 3);
	assert_int_equal(r.during_n, 7);
	assert_int_equal(r.verdict, VERDICT_SUBSTANTIAL);

	/* 4 check-ins after settling in: too early; 5: judged. */
	t = trial(14);
	m = days(c, n, S + 7, (int[]){3, NO, 3, NO, 3, NO, 3}, 7);
	assert_int_equal(analysis_trial(c, m, NO, &t, &r), 0);
	assert_int_equal(r.verdict, VERDICT_TOO_EARLY);
	assert_explained(&r, "4 check-ins from day 8 of the trial on (5 "
			     "needed)");
	m = days(c, n, S + 7, (int[]){3, 3, 3, NO, 3, NO, 3}, 7);
	assert_int_equal(analysis_trial(c, m, NO, &t, &r), 0);
	assert_int_equal(r.verdict, VERDICT_SUBSTANTIAL);
}

/*
 * Days that are not trial days (off: on hold) are left out: of the
 * trial's days, its settling in, its judged window (ratings and length)
 * and its practised days; the baseline is not touched. 14 days of 6
 * before; the trial's days are 3 but for 4 days off in the judged window
 * rated 10, which would have hidden the change.
 */
static void
test_days_off(void **state)
{
	struct analysis_checkin c[64];
	struct analysis_trial_in t = trial(18);
	struct analysis_result r;
	unsigned char off[18] = {0};
	const int did[] = {S, S + 10, S + 13};
	size_t n = flat(c, 0, S - 14, 14, 6);
	(void)state;

	n = flat(c, n, S, 9, 3);
	n = flat(c, n, S + 9, 4, 10);
	n = flat(c, n, S + 13, 5, 3);
	t.has_practices = 1;
	t.practice_days = did;
	t.npractice_days = 3;
	assert_int_equal(analysis_trial(c, n, NO, &t, &r), 0);
	assert_int_equal(r.days, 18);
	assert_int_equal(r.off_days, 0);
	assert_int_equal(r.during_n, 11);
	assert_int_equal(r.practised_days, 3);
	assert_int_not_equal(r.verdict, VERDICT_SUBSTANTIAL);

	memset(off + 9, 1, 4);
	t.off = off;
	t.noff = sizeof off;
	assert_int_equal(analysis_trial(c, n, NO, &t, &r), 0);
	assert_int_equal(r.days, 14);
	assert_int_equal(r.off_days, 4);
	assert_int_equal(r.baseline_n, 14);
	assert_int_equal(r.before_sum, 14 * 6);
	assert_int_equal(r.during_first, S + 7);
	assert_int_equal(r.during_n, 7);
	assert_int_equal(r.during_sum, 7 * 3);
	assert_int_equal(r.practised_days, 2);
	assert_int_equal(r.verdict, VERDICT_SUBSTANTIAL);

	/* Off in the settling in: the judged window begins that much later;
	 * 15 calendar days then hold 6 judged days, too few. */
	memset(off, 0, sizeof off);
	memset(off + 2, 1, 2);
	t.end = S + 14;
	assert_int_equal(analysis_trial(c, n, NO, &t, &r), 0);
	assert_int_equal(r.during_first, S + 9);
	assert_int_equal(r.days, 13);
	assert_int_equal(r.verdict, VERDICT_TOO_EARLY);
	/* The mask is a pointer with a count. */
	t.off = NULL;
	assert_int_equal(analysis_trial(c, n, NO, &t, &r), -1);
}

/*
 * Started in a flare: S-28 .. S-4 all 5, the last 3 days 9 (4 above, >= 2):
 * judged against the longer-run 5.  The judged days at 4 are 1 point (20%)
 * below it, though 1.857 (31.7%) below the baseline mean 82/14: not
 * helped, since a verdict must hold against both.
 */
static void
test_flare_before_start(void **state)
{
	struct analysis_checkin c[64];
	struct analysis_trial_in t = trial(14);
	struct analysis_result r;
	size_t n = flat(c, 0, S - 28, 25, 5), m;
	(void)state;

	m = flat(c, flat(c, n, S - 3, 3, 9), S + 7, 7, 4);
	assert_int_equal(analysis_trial(c, m, NO, &t, &r), 0);
	assert_int_equal(r.longrun_n, 25);
	assert_int_equal(r.flare_n, 3);
	assert_int_equal(r.started_in_flare, 1);
	assert_int_equal(r.reference, ANALYSIS_REF_LONGRUN);
	assert_int_equal(r.ref_first, S - 28);
	assert_int_equal(r.ref_last, S - 4);
	assert_exact(r.before_mean, 5.0);
	assert_exact(r.change, 1.0);
	assert_true(r.baseline_change.change > 1.85);
	assert_false(analysis_helped(r.verdict));
	assert_explain_has(&r, "were a flare");

	/* 6 6 7 is 1.33 above the longer-run 5, under 2: no flare, and the
	 * baseline is the reference. */
	m = flat(c, days(c, n, S - 3, (int[]){6, 6, 7}, 3), S + 7, 7, 4);
	assert_int_equal(analysis_trial(c, m, NO, &t, &r), 0);
	assert_int_equal(r.started_in_flare, 0);
	assert_int_equal(r.reference, ANALYSIS_REF_BASELINE);
}

/*
 * Already falling: 9 9 8 8 7 7 6 6 5 5 4 4 3 3 has Kendall's tau
 * (0 - 84) / 91 = -0.923 (7 tied pairs): judged against the last 7 days,
 * 6 5 5 4 4 3 3 (mean 30/7).  Judged days at 3: 9/7 below, 30% of 30/7
 * exactly, so meaningful, not the substantial (50%) the whole baseline
 * (mean 6) would give.
 */
static void
test_already_falling(void **state)
{
	struct analysis_checkin c[64];
	struct analysis_trial_in t = trial(14);
	struct analysis_result r;
	size_t n = days(c, 0, S - 14,
			(int[]){9, 9, 8, 8, 7, 7, 6, 6, 5, 5, 4, 4, 3, 3}, 14);
	(void)state;

	n = flat(c, n, S + 7, 7, 3);
	assert_int_equal(analysis_trial(c, n, NO, &t, &r), 0);
	assert_int_equal(r.tau_milli, -923);
	assert_int_equal(r.already_falling, 1);
	assert_int_equal(r.reference, ANALYSIS_REF_RECENT);
	assert_int_equal(r.before_sum, 30);
	assert_int_equal(r.before_n, 7);
	assert_int_equal(r.baseline_change.verdict, VERDICT_SUBSTANTIAL);
	assert_exact(r.change_pct, 0.3);
	assert_int_equal(r.verdict, VERDICT_MEANINGFUL);
	assert_explain_has(&r, "already falling");
}

/*
 * NAP: 14 days of 5 against 4 5 6 4 5 6 4: 3 of 7 lower (x 14 = 42
 * pairs), 2 tied (28 pairs): (42 + 28 / 2) / 98 = 56 / 98.
 */
static void
test_nap(void **state)
{
	struct analysis_checkin c[64];
	struct analysis_trial_in t = trial(14);
	struct analysis_result r;
	size_t n = flat(c, 0, S - 14, 14, 5);
	(void)state;

	n = days(c, n, S + 7, (int[]){4, 5, 6, 4, 5, 6, 4}, 7);
	assert_int_equal(analysis_trial(c, n, NO, &t, &r), 0);
	assert_int_equal(r.pain.nap_half, 112);
	assert_exact(r.pain.nap, 56.0 / 98.0);
	assert_explain_has(&r, "on 57 of 100 pairs of days pain was lower");
}

/* Interference beside pain, with its 1-point threshold. */
static void
test_interference(void **state)
{
	struct analysis_checkin c[64];
	struct analysis_trial_in t = trial(14);
	struct analysis_result r;
	size_t i, n = flat(c, flat(c, 0, S - 14, 14, 5), S + 7, 7, 5);
	(void)state;

	for (i = 0; i < n; i++)
		c[i].interference = c[i].day < S ? 4 : 3;
	assert_int_equal(analysis_trial(c, n, NO, &t, &r), 0);
	assert_int_equal(r.verdict, VERDICT_NO_CHANGE);
	assert_int_equal(r.interference.has_change, 1);
	assert_exact(r.interference.change, 1.0);
	assert_int_equal(r.interference.verdict, VERDICT_MEANINGFUL);
	/* One judged day at 4: 6/7 of a point, below the threshold. */
	c[n - 1].interference = 4;
	assert_int_equal(analysis_trial(c, n, NO, &t, &r), 0);
	assert_false(analysis_helped(r.interference.verdict));
	/* Too few ratings: not judged. */
	for (i = 0; i < 10; i++)
		c[i].interference = NO;
	assert_int_equal(analysis_trial(c, n, NO, &t, &r), 0);
	assert_int_equal(r.interference.has_change, 0);
	assert_int_equal(r.interference.verdict, VERDICT_NO_BASELINE);
}

/*
 * A flare-up tool by its sessions.  Three rated sessions: too early.  Four,
 * 6>4 5>3 6>4 5>3: relief 2 each, 8 of the 22 points before (36%), no
 * spread: meaningful by percent, 4 of 4 relieving.  6>5 5>3 6>4 5>4:
 * relief 1.5 (27%), SD of 1 2 2 1 = 0.577, SE 0.289; the 90% interval
 * 1.5 +- 0.475 reaches past 1.65 (30% of 5.5): unclear.
 */
static void
test_flare_tool_sessions(void **state)
{
	struct analysis_trial_in t = trial(2);
	struct analysis_result r;
	const struct analysis_session good[] = {
	    {S, 6, 4}, {S, 5, 3}, {S + 1, 6, 4}, {S + 1, 5, 3}};
	const struct analysis_session mixed[] = {
	    {S, 6, 5}, {S, 5, 3}, {S + 1, 6, 4}, {S + 1, 5, 4}};
	const struct analysis_session worse[] = {
	    {S, 4, 6}, {S, 3, 5}, {S + 1, 4, 6}, {S + 1, 3, 5}};
	(void)state;

	t.flare_tool = 1;
	t.has_practices = 1;
	t.sessions = good;
	t.nsessions = 3;
	assert_int_equal(analysis_trial(NULL, 0, NO, &t, &r), 0);
	assert_int_equal(r.verdict, VERDICT_TOO_EARLY);
	assert_explained(&r, "3 sessions rated before and after (4 needed)");

	t.nsessions = 4;
	assert_int_equal(analysis_trial(NULL, 0, NO, &t, &r), 0);
	assert_exact(r.change, 2.0);
	assert_int_equal(r.immediate_relieved, 4);
	assert_int_equal(r.verdict, VERDICT_MEANINGFUL);
	assert_int_equal(r.basis, ANALYSIS_BASIS_PERCENT);
	assert_int_equal(r.practised_days, 2);
	assert_explain_has(&r, "4 of 4 sessions brought 2 points or more of "
			       "relief");

	t.sessions = mixed;
	assert_int_equal(analysis_trial(NULL, 0, NO, &t, &r), 0);
	assert_exact(r.change, 1.5);
	assert_near(r.immediate_se, 0.28867513459481287);
	assert_int_equal(r.immediate_relieved, 2);
	assert_int_equal(r.verdict, VERDICT_UNCLEAR);
	/* Not past a threshold, so it would take the 90% interval inside
	 * 1.65: (1.645 * 0.57735 / (1.65 - 1.5))^2 = 40.08 sessions, 36.08
	 * more. */
	assert_int_equal(r.pain.more_days, 37);

	/* Pain 2 points higher after every session: worse, by points. */
	t.sessions = worse;
	assert_int_equal(analysis_trial(NULL, 0, NO, &t, &r), 0);
	assert_exact(r.change, -2.0);
	assert_int_equal(r.verdict, VERDICT_WORSE);
	assert_int_equal(r.basis, ANALYSIS_BASIS_POINTS);
}

/*
 * The chance it helped, by hand.  The posterior of the true change delta
 * is the prior N(0, tau^2), cut to -10 .. 10, times the likelihood of d =
 * ref - judged given delta: normal of SD s = sqrt(va + vb) (df 0), or
 * Student's t with df degrees of freedom and scale s.  With the level
 * known (va 0) and high (10: the thresholds are 2 points each way, since
 * 30% of 10 and of the level during, at least 10, pass 2) and the normal
 * likelihood, it is normal with mean m = d tau^2 / (tau^2 + s^2) and SD q
 * = tau s / sqrt(tau^2 + s^2) (the cut is far out, below 1e-10 in these
 * cases): chance_lower = Phi(m / q), chance_helped = Phi((m - 2) / q),
 * chance_worse = Phi((-2 - m) / q), Phi the standard normal distribution
 * function.  With the level uncertain (va > 0), below 2 points helped
 * needs delta >= 0.3 L and worse -delta >= 0.3 (L - delta), where L |
 * delta is normal with mean (ref / va + (judged + delta) / vb) / (1 / va +
 * 1 / vb) and variance 1 / (1 / va + 1 / vb).  Those chances, and all
 * with the t, were integrated apart from the library: Simpson's rule with
 * 20000 steps on each stretch of -10 .. 10 between the points where the
 * integrand jumps (0, -+2, a known level's thresholds), Phi from erfc, in
 * Python.  The library sums a grid of steps of 0.01, within CHANCE_TOL of
 * either.
 */
static void
assert_chance(const double in6[6], double lower, double helped, double worse)
{
	struct analysis_chance_in in = {in6[0], in6[1], in6[2],
					in6[3], in6[4], in6[5]};
	struct analysis_chance c;
	double s = sqrt(in.ref_var + in.judged_var), t2 = in.tau * in.tau;

	assert_int_equal(analysis_chance(&in, &c), 0);
	assert_chance_near(c.lower, lower);
	assert_chance_near(c.helped, helped);
	assert_chance_near(c.worse, worse);
	assert_exact(c.in.tau, in.tau);
	assert_exact(c.in.df, in.df);
	assert_exact(c.se, s);
	if (in.df == 0) {
		double d = in.ref_mean - in.judged_mean;

		assert_chance_near(c.mean, d * t2 / (t2 + s * s));
		assert_chance_near(c.sd, in.tau * s / sqrt(t2 + s * s));
	}
}

/* No change seen: the posterior sits on no change, as likely lower as
 * higher.  Level 10 known, s = 1, tau = 2: m = 0, q = 2 / sqrt(5) =
 * 0.894427; Phi(-2 / 0.894427) = 0.012674 each way.  With the t of 4
 * degrees of freedom, its wider tails leave 0.025786 each way.  At a level
 * of 5 seen with noise (va = vb = 0.5, normal), 30% of it is about 1.5
 * points: 0.026684 each way. */
static void
test_chance_no_effect(void **state)
{
	(void)state;
	assert_chance((double[]){10, 10, 0, 1, 0, 2}, 0.5, 0.01267365933873416,
		      0.01267365933873417);
	assert_chance((double[]){10, 10, 0, 1, 4, 2}, 0.5, 0.02578644910551689,
		      0.02578644910551697);
	assert_chance((double[]){5, 5, 0.5, 0.5, 0, 2}, 0.5,
		      0.02668358067054679, 0.02668358067054679);
}

/* A clear 3-point fall, s = 0.5, level 10 known: m = 3 * 4 / 4.25 =
 * 2.823529, q = 1 / sqrt(4.25) = 0.485071; lower Phi(5.82) = 1 - 2.9e-9,
 * helped Phi(1.697) = 0.955222, worse Phi(-9.94) = 1.3e-23.  The t of 10
 * degrees of freedom is less sure of a seen change so far from the prior's
 * middle: helped 0.925086, worse 1.05e-6.  From 6 to 3 seen with noise
 * (va = vb = 0.125): 30% of a level near 6 is 1.8, so helped 0.993886. */
static void
test_chance_clear_effect(void **state)
{
	(void)state;
	assert_chance((double[]){10, 7, 0, 0.25, 0, 2}, 0.9999999970726328,
		      0.9552224627931787, 1.33978276470378e-23);
	assert_chance((double[]){10, 7, 0, 0.25, 10, 2}, 0.999812684226035,
		      0.9250864026484308, 1.050600526908203e-06);
	assert_chance((double[]){6, 3, 0.125, 0.125, 0, 2}, 0.9999999970726327,
		      0.99388625749693, 1.805815033964701e-19);
}

/* A 2-point fall with a wide interval, s = 2 = tau, level 10 known:
 * halfway to no change, m = 1, q = 2 / sqrt(2) = 1.414214; lower
 * Phi(0.7071) = 0.760250, helped Phi(-0.7071) = 0.239750, worse
 * Phi(-2.121) = 0.016947.  With the t of 3 degrees of freedom: 0.743450,
 * 0.236491, 0.033079.  From 5 to 3 with va = vb = 2: the same posterior
 * of delta, but 30% of a level near 5 is 1.5: helped 0.390213, worse
 * 0.049172. */
static void
test_chance_wide_interval(void **state)
{
	(void)state;
	assert_chance((double[]){10, 8, 0, 4, 0, 2}, 0.7602499388829569,
		      0.2397500610187372, 0.01694742676400705);
	assert_chance((double[]){10, 8, 0, 4, 3, 2}, 0.7434502466661694,
		      0.2364914328223268, 0.03307862873585342);
	assert_chance((double[]){5, 3, 2, 2, 0, 2}, 0.760249938882957,
		      0.3902127548664717, 0.04917209242585546);
}

/* The same 2-point fall, s = 1, at each end of the prior's allowed spread:
 * level 10 known, tau = 1.5 pulls it to m = 2 * 2.25 / 3.25 = 1.384615 (q
 * = 1.5 / sqrt(3.25) = 0.832050, helped Phi(-0.7397) = 0.229771); tau =
 * 2.5 to m = 2 * 6.25 / 7.25 = 1.724138 (q = 0.928477, helped
 * Phi(-0.2971) = 0.383190).  The narrower prior is the more sceptical.
 * From 5 to 3 with va = vb = 0.5, against 30% of a level near 5: helped
 * 0.487275 and 0.629504. */
static void
test_chance_prior_ends(void **state)
{
	(void)state;
	assert_chance((double[]){10, 8, 0, 1, 0, 1.5}, 0.951953835272163,
		      0.2297712914371466, 2.3729397205976e-05);
	assert_chance((double[]){10, 8, 0, 1, 0, 2.5}, 0.9683411065849771,
		      0.3831902950345324, 3.022858307483726e-05);
	assert_chance((double[]){5, 3, 0.5, 0.5, 0, 1.5}, 0.9519538352721633,
		      0.4872750869637621, 0.0005050505359022647);
	assert_chance((double[]){5, 3, 0.5, 0.5, 0, 2.5}, 0.9683411065849771,
		      0.6295041928375461, 0.0004532106786059358);
}

/*
 * analysis_trial() fills the chance from the verdict's means and its own
 * noise: 14 days of 6 before, 7 judged days of 3
 * (test_exactly_50_pct_and_clear), d = 3; the verdict's thresholds at the
 * means seen, helped_at min(2, 30% of 6) = 1.8, worse_at min(2, 30% of 3)
 * = 0.9.  The ratings do not vary, so the person has no r of their own:
 * r = 0.55; their SD is the floor 0.5, from (14 + 7 - 2) (1 - 0.3025) /
 * (1 + 0.3025) = 10.174664 degrees of freedom, shrunk toward 1.3 with 20:
 * s^2 = (10.174664 * 0.25 + 20 * 1.69) / 30.174664 = 1.204443, SD
 * 1.097471; g(14) = 3.056527 and g(7) = 2.680245 at r 0.55, so va =
 * 1.204443 * 3.056527 / 14 = 0.262958, vb = 1.204443 * 2.680245 / 7 =
 * 0.461172, SE 0.850958, df 30.174664; integrated as above: lower
 * 0.998117, helped 0.855223, worse 0.000003.  (The verdict, with the SD
 * of 0.5, has SE 0.387690: a week of equal ratings says little about how
 * much they can move.)  Not before the trial can be judged.
 */
static void
test_chance_of_a_trial(void **state)
{
	struct analysis_checkin c[64];
	struct analysis_trial_in t = trial(14);
	struct analysis_result r;
	size_t n = flat(c, 0, S - 14, 14, 6);
	(void)state;

	n = flat(c, n, S + 7, 7, 3);
	assert_int_equal(analysis_trial(c, n, NO, &t, &r), 0);
	assert_true(r.has_chance);
	assert_near(r.chance.helped_at, 1.8);
	assert_near(r.chance.worse_at, 0.9);
	assert_exact(r.chance.in.tau, ANALYSIS_PRIOR_SD_MILLI / 1000.0);
	assert_exact(r.chance.in.ref_mean, 6);
	assert_exact(r.chance.in.judged_mean, 3);
	assert_near(r.chance.r, 0.55);
	assert_near(r.chance.day_sd, 1.097471230412838);
	assert_near(r.chance.in.ref_var, 0.2629580891616678);
	assert_near(r.chance.in.judged_var, 0.461171739431912);
	assert_near(r.chance.se, 0.8509581826350692);
	assert_near(r.chance.in.df, 30.174664107485604);
	assert_chance_near(r.chance.lower, 0.9981168347107173);
	assert_chance_near(r.chance.helped, 0.8552234236798867);
	assert_chance_near(r.chance.worse, 3.342457798017061e-06);

	t = trial(13);
	assert_int_equal(analysis_trial(c, n - 1, NO, &t, &r), 0);
	assert_int_equal(r.verdict, VERDICT_TOO_EARLY);
	assert_false(r.has_chance);
	assert_exact(r.chance.helped, 0);
}

/*
 * A flare-up tool by its sessions: relief 6>5 5>3 6>4 5>4, d = 1.5, SD of
 * the differences sqrt(1/3) = 0.577350 (over the floor 0.5), SE 0.288675
 * with 3 degrees of freedom, all of it the change's (va 0, vb 1/12: the
 * pain before each session is rated, so the level is its mean, 5.5);
 * helped at min(2, 30% of 5.5) = 1.65; worse at min(2, 30% of the level
 * during, 5.5 + the rise) = 2 (a rise r with r >= 0.3 (5.5 + r) needs r
 * >= 2.36); integrated as above: lower 0.991735, helped 0.266986, worse
 * 0.000255: surely some relief, likely less than the threshold (unclear).
 * Four sessions of exactly 2 points: no spread, but four whole-number
 * ratings cannot show that there is none, so the SD is the floor 0.5, SE
 * 0.25 with 3 degrees of freedom: lower 0.997135, helped 0.834681, worse
 * 0.000129.  The verdict's worse_at at the means seen stays min(2, 30% of
 * the mean after).
 */
static void
test_chance_flare_tool(void **state)
{
	struct analysis_trial_in t = trial(2);
	struct analysis_result r;
	const struct analysis_session good[] = {
	    {S, 6, 4}, {S, 5, 3}, {S + 1, 6, 4}, {S + 1, 5, 3}};
	const struct analysis_session mixed[] = {
	    {S, 6, 5}, {S, 5, 3}, {S + 1, 6, 4}, {S + 1, 5, 4}};
	(void)state;

	t.flare_tool = 1;
	t.sessions = mixed;
	t.nsessions = 4;
	assert_int_equal(analysis_trial(NULL, 0, NO, &t, &r), 0);
	assert_int_equal(r.verdict, VERDICT_UNCLEAR);
	assert_true(r.has_chance);
	assert_near(r.chance.helped_at, 1.65);
	assert_near(r.chance.worse_at, 1.2);
	assert_near(r.chance.se, 0.28867513459481287);
	assert_exact(r.chance.in.ref_var, 0);
	assert_exact(r.chance.in.df, 3);
	assert_exact(r.chance.r, 0);
	assert_chance_near(r.chance.lower, 0.9917347579026401);
	assert_chance_near(r.chance.helped, 0.2669859195571897);
	assert_chance_near(r.chance.worse, 0.000254636554654397);

	t.sessions = good;
	assert_int_equal(analysis_trial(NULL, 0, NO, &t, &r), 0);
	assert_int_equal(r.verdict, VERDICT_MEANINGFUL);
	assert_exact(r.chance.day_sd, 0.5);
	assert_exact(r.chance.se, 0.25);
	assert_near(r.chance.worse_at, 1.05);
	assert_chance_near(r.chance.lower, 0.9971350611975957);
	assert_chance_near(r.chance.helped, 0.834681119522942);
	assert_chance_near(r.chance.worse, 0.000129447741682739);

	t.nsessions = 3;
	assert_int_equal(analysis_trial(NULL, 0, NO, &t, &r), 0);
	assert_false(r.has_chance);
}

/* With no noise at all the estimate is the truth: 0 or 1, against the
 * thresholds at the means (5.5: 1.65).  With the judged mean read without
 * noise (vb 0), the level is judged + delta: from 5 to 3, helped needs
 * delta >= 0.3 (3 + delta), delta >= 9/7 = 1.285714 (normal, s = 1, tau
 * 2: m = 1.6, q = 0.894427, Phi(0.3514) = 0.637349), worse -delta >= 0.9
 * (Phi(-2.795) = 0.002595). */
static void
test_chance_no_noise(void **state)
{
	struct analysis_chance_in in = {5.5, 3.5, 0, 0, 3, 2};
	struct analysis_chance c;
	(void)state;

	assert_int_equal(analysis_chance(&in, &c), 0);
	assert_exact(c.mean, 2);
	assert_exact(c.sd, 0);
	assert_exact(c.lower, 1);
	assert_exact(c.helped, 1);
	assert_exact(c.worse, 0);
	assert_near(c.helped_at, 1.65);

	assert_chance((double[]){5, 3, 1, 0, 0, 2}, 0.9631808649398484,
		      0.6373491493088854, 0.00259430377615779);
}

/* Refusals, and the hundredths the figures and the words share. */
static void
test_chance_edges(void **state)
{
	struct analysis_chance c;
	struct analysis_chance_in ok = {5, 4, 0.5, 0.5, 0, 2}, in;
	(void)state;

	assert_int_equal(analysis_chance(&ok, &c), 0);
	assert_int_equal(analysis_chance(&ok, NULL), -1);
	assert_int_equal(analysis_chance(NULL, &c), -1);
	in = ok;
	in.judged_var = -0.1;
	assert_int_equal(analysis_chance(&in, &c), -1);
	in = ok;
	in.ref_var = INFINITY;
	assert_int_equal(analysis_chance(&in, &c), -1);
	in = ok;
	in.df = -1;
	assert_int_equal(analysis_chance(&in, &c), -1);
	in.df = NAN;
	assert_int_equal(analysis_chance(&in, &c), -1);
	in = ok;
	in.tau = 0;
	assert_int_equal(analysis_chance(&in, &c), -1);
	in = ok;
	in.ref_mean = -1;
	assert_int_equal(analysis_chance(&in, &c), -1);
	in = ok;
	in.judged_mean = NAN;
	assert_int_equal(analysis_chance(&in, &c), -1);
	assert_exact(c.lower, 0);
	assert_exact(c.in.tau, 0);

	assert_int_equal(analysis_chance_pct(0), 0);
	assert_int_equal(analysis_chance_pct(0.004), 0);
	assert_int_equal(analysis_chance_pct(0.0051), 1);
	assert_int_equal(analysis_chance_pct(0.949), 95);
	assert_int_equal(analysis_chance_pct(0.99999), 100);
	assert_int_equal(analysis_chance_pct(1.5), 100);
	assert_int_equal(analysis_chance_pct(-0.2), 0);
	assert_int_equal(analysis_chance_pct(NAN), 0);
}

/* Practised on 6 of 14 days with no clear change: low-practice; 7 of 14
 * (exactly half) is a fair trial. */
static void
test_low_practice(void **state)
{
	struct analysis_checkin c[64];
	struct analysis_trial_in t = trial(14);
	struct analysis_result r;
	const int did[] = {S, S + 2, S + 4, S + 6, S + 8, S + 10, S + 12};
	size_t n = flat(c, flat(c, 0, S - 14, 14, 5), S + 7, 7, 5);
	(void)state;

	t.has_practices = 1;
	t.practice_days = did;
	t.npractice_days = 6;
	assert_int_equal(analysis_trial(c, n, NO, &t, &r), 0);
	assert_int_equal(r.practised_days, 6);
	assert_int_equal(r.verdict, VERDICT_LOW_PRACTICE);
	t.npractice_days = 7;
	assert_int_equal(analysis_trial(c, n, NO, &t, &r), 0);
	assert_exact(r.adherence, 0.5);
	assert_int_equal(r.verdict, VERDICT_NO_CHANGE);
}

/*
 * Overlap counts only what differs between the two compared windows
 * (S-14 .. S-1 and S+7 .. S+13 for a 14-day trial).
 */
static int
overlap_with(struct analysis_span o, int flare_tool)
{
	struct analysis_checkin c[64];
	struct analysis_trial_in t = trial(14);
	struct analysis_result r;
	size_t n = flat(c, flat(c, 0, S - 14, 14, 5), S + 7, 7, 5);

	t.flare_tool = flare_tool;
	t.others = &o;
	t.nothers = 1;
	assert_int_equal(analysis_trial(c, n, NO, &t, &r), 0);
	assert_int_equal(analysis_confounds(&r, &o), r.overlap_days > 0);
	return r.overlap_days;
}

static void
test_overlap_that_means_something(void **state)
{
	(void)state;
	/* The plan's handover: stopped on the start day, or the day before. */
	assert_int_equal(overlap_with((struct analysis_span){S - 40, S}, 0), 0);
	assert_int_equal(overlap_with((struct analysis_span){S - 40, S - 1}, 0),
			 0);
	/* The next one started on the last day, or the day after. */
	assert_int_equal(
	    overlap_with((struct analysis_span){S + 13, S + 40}, 0), 0);
	/* Kept as a habit through both windows. */
	assert_int_equal(
	    overlap_with((struct analysis_span){S - 100, S + 100}, 0), 0);
	/* Only in the settling-in days: in neither window. */
	assert_int_equal(overlap_with((struct analysis_span){S + 1, S + 5}, 0),
			 0);
	/* Started in the judged window: S+10 .. S+13, 4 days. */
	assert_int_equal(
	    overlap_with((struct analysis_span){S + 10, S + 20}, 0), 4);
	/* Stopped in the baseline: S-14 .. S-5, 10 days. */
	assert_int_equal(overlap_with((struct analysis_span){S - 30, S - 5}, 0),
			 10);
	/* Ran through the baseline and into the trial (stopped on S+2, not a
	 * handover): the 14 baseline days. */
	assert_int_equal(overlap_with((struct analysis_span){S - 30, S + 2}, 0),
			 14);
	/* A flare-up tool compares pain minutes apart: nothing counts. */
	assert_int_equal(
	    overlap_with((struct analysis_span){S + 10, S + 20}, 1), 0);
}

static void
test_overlap_days(void **state)
{
	const struct analysis_span others[] = {{S + 10, S + 20},
					       {S - 5, S + 2},
					       {S + 30, S + 40},
					       {S + 1, S + 4},
					       {S - 9, S - 1}};
	const struct analysis_span same[] = {{S, S + 13}};
	const struct analysis_span around[] = {{S - 100, S + 100}};
	(void)state;

	/* S..S+4 (5 days) and S+10..S+13 (4). */
	assert_int_equal(analysis_overlap_days(S, S + 13, others, LEN(others)),
			 9);
	assert_int_equal(analysis_overlap_days(S, S + 13, NULL, 0), 0);
	assert_int_equal(analysis_overlap_days(S, S + 13, same, 1), 14);
	assert_int_equal(analysis_overlap_days(S, S + 13, around, 1), 14);
	assert_int_equal(analysis_overlap_days(S, S, others, LEN(others)), 1);
	assert_int_equal(
	    analysis_overlap_days(S + 5, S + 9, others, LEN(others)), 0);
}

static void
test_rolling_mean_with_gaps(void **state)
{
	/* Out of order, with a rating off the scale that must not count. */
	const struct analysis_checkin c[] = {{105, 2, NO},
					     {100, 4, NO},
					     {120, 5, NO},
					     {101, 6, NO},
					     {103, 11, NO}};
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
	assert_string_equal(analysis_verdict_name(VERDICT_UNCLEAR), "unclear");
	assert_string_equal(analysis_verdict_name((enum analysis_verdict)99),
			    "unknown");
}

/* A short buffer gets a terminated prefix and the length the text needs. */
static void
test_explain_truncates(void **state)
{
	struct analysis_trial_in t = trial(7);
	struct analysis_result r;
	const char *full = "0 check-ins in the 14 days before the start (5 "
			   "needed)";
	char buf[10];
	(void)state;

	assert_int_equal(analysis_trial(NULL, 0, 5, &t, &r), 0);
	assert_int_equal(analysis_explain(&r, buf, sizeof buf),
			 (int)strlen(full));
	assert_string_equal(buf, "0 check-i");
	assert_int_equal(analysis_explain(&r, NULL, 0), (int)strlen(full));
}

static void
test_invalid_input(void **state)
{
	struct analysis_checkin c[4];
	struct analysis_trial_in t = trial(7);
	struct analysis_result r;
	size_t n = days(c, 0, S, (int[]){5, 5}, 2);
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
	t.settle_days = ANALYSIS_SETTLE_DAYS_MAX + 1;
	assert_int_equal(analysis_trial(c, n, NO, &t, &r), -1);
	t.settle_days = -1;
	assert_int_equal(analysis_trial(c, n, NO, &t, &r), -1);
	t.settle_days = ANALYSIS_SETTLE_DAYS;
	/* Not oldest first, or two on one day. */
	c[1].day = S;
	assert_int_equal(analysis_trial(c, n, NO, &t, &r), -1);
	c[1].day = S - 1;
	assert_int_equal(analysis_trial(c, n, NO, &t, &r), -1);
	c[1].day = S + 1;
	assert_int_equal(analysis_trial(c, n, NO, &t, &r), 0);
	assert_int_equal(r.days, 1);
}

/*
 * The pause week's contrast (doc/verdicts.md section 9), by hand. Days
 * S .. S+6 on it (the judged window), S+7 .. S+13 paused, S+14 .. S+20
 * back; the first ANALYSIS_PAUSE_FADE_DAYS (2) of the pause and of the
 * days back are not judged, so the pause is judged on S+9 .. S+13 and the
 * days back on S+16 .. S+20.
 */
static const struct analysis_pause_in pause_in = {
    S, S + 6, S + 7, S + 13, S + 14, S + 20, NULL, 0, 0};

static struct analysis_pause
pause_of(const int *on, const int *paused, const int *back,
	 const struct analysis_pause_in *in)
{
	struct analysis_checkin c[21];
	struct analysis_pause p;
	size_t n = 0;

	n = days(c, n, S, on, 7);
	n = days(c, n, S + 7, paused, 7);
	n = days(c, n, S + 14, back, 7);
	assert_int_equal(analysis_pause(c, n, in, &p), 0);
	return p;
}

/* g(n, r) = 1 + 2 sum_{k<n} (1 - k/n) r^k, as analysis.c's variance
 * factor of a mean of n consecutive days. */
static double
hand_g(int n, double r)
{
	double g = 1;
	int k;

	for (k = 1; k < n; k++)
		g += 2 * (1 - (double)k / n) * pow(r, k);
	return g;
}

/* Flat pain, 2 on it and 6 in the pause: the days not judged (8 and 9
 * at the start of each) change nothing. With no spread the SD is its
 * floor 0.5 and r the prior 0.55; SE^2 = 0.25 (g(5)/5 + (7 g(7) + 5
 * g(5)) / 12^2), 0.41731 by hand: the rise 4 is past 1.8 (30% of 6) and
 * 4 - 1.645 SE = 3.31 > 0: confirmed. */
static void
test_pause_confirmed(void **state)
{
	static const int on[] = {2, 2, 2, 2, 2, 2, 2};
	static const int paused[] = {9, 9, 6, 6, 6, 6, 6};
	static const int back[] = {8, 8, 2, 2, 2, 2, 2};
	struct analysis_pause p = pause_of(on, paused, back, &pause_in);
	double se =
	    sqrt(0.25 * (hand_g(5, 0.55) / 5 +
			 (7 * hand_g(7, 0.55) + 5 * hand_g(5, 0.55)) / 144));

	(void)state;
	assert_int_equal(p.pause_n, 5);
	assert_int_equal(p.pause_sum, 30);
	assert_int_equal(p.on_n, 12);
	assert_int_equal(p.on_sum, 24);
	assert_int_equal(p.back_n, 5);
	assert_near(p.rise, 4);
	assert_near(p.threshold, 1.8);
	assert_near(p.sd, 0.5);
	assert_near(p.r, 0.55);
	assert_near(p.se, se);
	assert_true(fabs(p.se - 0.41731) < 1e-5);
	assert_near(p.lower, 4 - 1.645 * se);
	assert_int_equal(p.confirmation, ANALYSIS_CONFIRMED);
	assert_string_equal(analysis_confirmation_name(p.confirmation),
			    "confirmed");
}

/* Pain of 3 throughout: the rise is 0 and 0 + 1.645 SE = 0.686 is under
 * the threshold 0.9 (30% of 3): not confirmed. */
static void
test_pause_not_confirmed(void **state)
{
	static const int three[] = {3, 3, 3, 3, 3, 3, 3};
	struct analysis_pause p = pause_of(three, three, three, &pause_in);

	(void)state;
	assert_near(p.rise, 0);
	assert_near(p.threshold, 0.9);
	assert_true(fabs(p.upper - 0.68648) < 1e-5);
	assert_int_equal(p.confirmation, ANALYSIS_NOT_CONFIRMED);
}

/*
 * With day-to-day ups and downs: each window pooled about its own mean
 * (sum of squares 4.1143 over 17 - 3), the lag-1 products of the three
 * windows (-3.3894 over 14 pairs) bias-corrected with the mean length
 * 17 / 3 (as 11 / 2) and shrunk: below 0.3, so 0.3. Rise 5.6 - 2.5 = 3.1,
 * SE 0.36781: confirmed.
 */
static void
test_pause_noise(void **state)
{
	static const int on[] = {2, 3, 2, 3, 2, 3, 2};
	static const int paused[] = {NO, NO, 6, 5, 6, 5, 6};
	static const int back[] = {NO, NO, 3, 2, 3, 2, 3};
	struct analysis_pause p = pause_of(on, paused, back, &pause_in);

	(void)state;
	assert_near(p.rise, 3.1);
	assert_near(p.r, 0.3);
	assert_near(p.sd, sqrt(4.114285714285714 / 14));
	assert_true(fabs(p.se - 0.36781) < 1e-5);
	assert_near(p.threshold, 1.68);
	assert_int_equal(p.confirmation, ANALYSIS_CONFIRMED);
}

/* Too few ratings in the judged pause (2 of the 3 needed) is unclear
 * whatever the rise; a flare-up's days left out (off) are not read, and
 * a pause whose rise is past the threshold but not clear of the noise is
 * unclear. */
static void
test_pause_unclear(void **state)
{
	static const int on[] = {2, 2, 2, 2, 2, 2, 2};
	static const int few[] = {NO, NO, 7, NO, NO, 7, NO};
	static const int four[] = {4, 4, 4, 4, 4, 4, 4};
	static const int paused[] = {4, 4, 9, 9, 4, 4, 4};
	static const int back[] = {2, 2, 2, 2, 2, 2, 2};
	static const int noisy_on[] = {1, 5, 1, 5, 1, 5, 1};
	static const int noisy_pause[] = {NO, NO, 6, 2, 6, 2, 6};
	static const int noisy_back[] = {NO, NO, 5, 1, 5, 1, 5};
	/* Days S+9 and S+10 were a recorded flare-up: left out. */
	static const unsigned char off[] = {1, 1};
	struct analysis_pause_in in = pause_in;
	struct analysis_pause p;

	(void)state;
	p = pause_of(on, few, back, &pause_in);
	assert_int_equal(p.pause_n, 2);
	assert_int_equal(p.confirmation, ANALYSIS_CONFIRM_UNCLEAR);

	/* Read whole, the flare's two days of 9 lift the pause's mean;
	 * left out, the pause is flat at the level on it. */
	p = pause_of(four, paused, four, &pause_in);
	assert_near(p.pause_mean, 6);
	in.off = off;
	in.off_first = S + 9;
	in.noff = LEN(off);
	p = pause_of(four, paused, four, &in);
	assert_int_equal(p.pause_n, 3);
	assert_near(p.rise, 0);
	assert_int_equal(p.confirmation, ANALYSIS_NOT_CONFIRMED);

	p = pause_of(noisy_on, noisy_pause, noisy_back, &pause_in);
	assert_true(p.rise >= p.threshold);
	assert_true(p.lower <= 0);
	assert_int_equal(p.confirmation, ANALYSIS_CONFIRM_UNCLEAR);
}

/* Refusals: reversed windows, days back that begin in the pause. */
static void
test_pause_invalid(void **state)
{
	struct analysis_pause_in in = pause_in;
	struct analysis_pause p;

	(void)state;
	assert_int_equal(analysis_pause(NULL, 0, NULL, &p), -1);
	in.pause_last = in.pause_first - 1;
	assert_int_equal(analysis_pause(NULL, 0, &in, &p), -1);
	in = pause_in;
	in.back_first = in.pause_last;
	assert_int_equal(analysis_pause(NULL, 0, &in, &p), -1);
	in = pause_in;
	in.back_last = in.back_first - 1; /* none back yet: allowed */
	assert_int_equal(analysis_pause(NULL, 0, &in, &p), 0);
	assert_int_equal(p.confirmation, ANALYSIS_CONFIRM_UNCLEAR);
	assert_string_equal(analysis_confirmation_name(ANALYSIS_CONFIRM_NONE),
			    "");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_exactly_50_pct_and_clear),
	    cmocka_unit_test(test_exactly_30_pct),
	    cmocka_unit_test(test_exactly_2_points),
	    cmocka_unit_test(test_worse_boundaries),
	    cmocka_unit_test(test_no_change),
	    cmocka_unit_test(test_noise_makes_it_unclear),
	    cmocka_unit_test(test_baseline_needs_5_checkins),
	    cmocka_unit_test(test_usual_pain_is_only_context),
	    cmocka_unit_test(test_settle_and_judged_window),
	    cmocka_unit_test(test_days_off),
	    cmocka_unit_test(test_flare_before_start),
	    cmocka_unit_test(test_already_falling),
	    cmocka_unit_test(test_nap),
	    cmocka_unit_test(test_interference),
	    cmocka_unit_test(test_flare_tool_sessions),
	    cmocka_unit_test(test_chance_no_effect),
	    cmocka_unit_test(test_chance_clear_effect),
	    cmocka_unit_test(test_chance_wide_interval),
	    cmocka_unit_test(test_chance_prior_ends),
	    cmocka_unit_test(test_chance_of_a_trial),
	    cmocka_unit_test(test_chance_flare_tool),
	    cmocka_unit_test(test_chance_no_noise),
	    cmocka_unit_test(test_chance_edges),
	    cmocka_unit_test(test_low_practice),
	    cmocka_unit_test(test_overlap_that_means_something),
	    cmocka_unit_test(test_overlap_days),
	    cmocka_unit_test(test_rolling_mean_with_gaps),
	    cmocka_unit_test(test_verdict_names),
	    cmocka_unit_test(test_explain_truncates),
	    cmocka_unit_test(test_invalid_input),
	    cmocka_unit_test(test_pause_confirmed),
	    cmocka_unit_test(test_pause_not_confirmed),
	    cmocka_unit_test(test_pause_noise),
	    cmocka_unit_test(test_pause_unclear),
	    cmocka_unit_test(test_pause_invalid),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
