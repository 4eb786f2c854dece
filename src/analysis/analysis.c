/* analysis.c: windows, noise, guards and verdicts, the numbers of the rule
 * (their words are in analysis_text.c); see analysis.h and
 * doc/verdicts.md. */
#include "analysis.h"

#include <limits.h>
#include <math.h>
#include <string.h>

#include "analysis_int.h"

/* Powers of r below this add nothing to the variance factor. */
#define TINY 1e-12
/* The normal distribution function from erfc(). */
#define SQRT2 1.41421356237309504880

/* Which rating of a check-in a window reads. */
enum measure { MEASURE_PAIN, MEASURE_INTERFERENCE };

static int
valid_pain(int pain)
{
	return pain >= ANALYSIS_PAIN_MIN && pain <= ANALYSIS_PAIN_MAX;
}

static int
rating(const struct analysis_checkin *c, enum measure m)
{
	return m == MEASURE_PAIN ? c->pain : c->interference;
}

/* The first check-in on day or later (c sorted by day). */
static size_t
first_from(const struct analysis_checkin *c, size_t n, long long day)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (c[mid].day < day)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/*
 * One window's ratings: count, sum, the sum of squared deviations from its
 * own mean, and the lag-1 cross products of consecutive rated days.
 */
struct wstat {
	int n, sum;
	double ss, lag;
	int pairs;
	int hist[ANALYSIS_PAIN_MAX + 1];
};

/* Whether day is one of t's days that are not trial days (t->off). */
static int
off_day(const struct analysis_trial_in *t, long long day)
{
	return t != NULL && day >= t->start &&
	       day - t->start < (long long)t->noff && t->off[day - t->start];
}

/* The days of lo .. hi that are trial days, of t (NULL: every day). */
static long long
trial_days_in(const struct analysis_trial_in *t, long long lo, long long hi)
{
	long long d, n = hi >= lo ? hi - lo + 1 : 0;

	for (d = lo; t != NULL && t->noff > 0 && d <= hi; d++)
		n -= off_day(t, d);
	return n;
}

/* The window lo .. hi without the days that skip (NULL: none) leaves out
 * of its trial (the windows before a start have none). */
static void
window(const struct analysis_checkin *c, size_t n, enum measure m, long long lo,
       long long hi, const struct analysis_trial_in *skip, struct wstat *w)
{
	size_t i, from = first_from(c, n, lo);
	double mean;
	int prev_day = 0, have_prev = 0;
	double prev_dev = 0;

	memset(w, 0, sizeof *w);
	for (i = from; i < n && c[i].day <= hi; i++) {
		int v = rating(&c[i], m);

		if (!valid_pain(v) || off_day(skip, c[i].day))
			continue;
		w->n++;
		w->sum += v;
		w->hist[v]++;
	}
	if (w->n == 0)
		return;
	mean = (double)w->sum / w->n;
	for (i = from; i < n && c[i].day <= hi; i++) {
		int v = rating(&c[i], m);
		double dev;

		/* A day left out breaks the run of consecutive days. */
		if (!valid_pain(v) || off_day(skip, c[i].day))
			continue;
		dev = v - mean;
		w->ss += dev * dev;
		if (have_prev && c[i].day == prev_day + 1) {
			w->lag += dev * prev_dev;
			w->pairs++;
		}
		have_prev = 1;
		prev_day = c[i].day;
		prev_dev = dev;
	}
}

/*
 * The variance of the mean of n consecutive days of an AR(1) series is
 * sigma^2 * g / n with g = 1 + 2 sum_{k=1}^{n-1} (1 - k/n) r^k; n / g is the
 * effective sample size, n (1 - r) / (1 + r) for long windows.
 */
static double
ar_factor(int n, double r)
{
	double g = 1, rk = 1;
	int k;

	for (k = 1; k < n; k++) {
		rk *= r;
		if (rk < TINY)
			break;
		g += 2 * (1 - (double)k / n) * rk;
	}
	return g;
}

/* What one measure is judged by: thresholds, negated for worse. */
struct spec {
	int substantial_pct; /* 0: none */
	int meaningful_pct;  /* 0: none */
	int points;
	int worse_pct; /* 0: none */
	int worse_points;
};

static const struct spec pain_spec = {
    ANALYSIS_SUBSTANTIAL_PCT, ANALYSIS_MEANINGFUL_PCT,
    ANALYSIS_MEANINGFUL_POINTS, ANALYSIS_WORSE_PCT, ANALYSIS_WORSE_POINTS};
static const struct spec interference_spec = {
    0, 0, ANALYSIS_INTERFERENCE_POINTS, 0, ANALYSIS_INTERFERENCE_POINTS};

/* change = bs/bn - ds/dn = num / (bn * dn), exactly. */
long long
analysis_change_num(const struct analysis_change *x)
{
	return (long long)x->before_sum * x->during_n -
	       (long long)x->during_sum * x->before_n;
}

/* Whether change / before_mean >= pct / 100 (<= for a negative pct). */
static int
pct_reaches(const struct analysis_change *x, int pct)
{
	long long num = analysis_change_num(x);

	if (pct == 0 || (pct > 0 && x->before_sum == 0))
		return 0;
	if (pct > 0)
		return ANALYSIS_PCT_SCALE * num >=
		       (long long)pct * x->before_sum * x->during_n;
	/* A rise as the mirror of a fall: the judged mean would have to
	 * fall by pct to get back (change / during_mean <= pct / 100). */
	if (x->during_sum == 0)
		return 0;
	return ANALYSIS_PCT_SCALE * num <=
	       (long long)pct * x->during_sum * x->before_n;
}

/* Whether change >= points (<= for negative points). */
static int
points_reach(const struct analysis_change *x, int points)
{
	long long num = analysis_change_num(x);
	long long den = (long long)x->before_n * x->during_n;

	if (points >= 0)
		return num >= points * den;
	return num <= points * den;
}

/* The smallest change, in points, that passes a threshold of pct or
 * points (the easier of the two). */
static double
threshold_points(double mean, int pct, int points)
{
	double t = points;

	if (pct > 0 && mean > 0 && pct * mean / ANALYSIS_PCT_SCALE < t)
		t = pct * mean / ANALYSIS_PCT_SCALE;
	return t;
}

/* NAP from the two windows' histograms: pairs where the judged day is
 * lower count 2, ties 1. */
static long long
nap_half(const struct wstat *a, const struct wstat *b)
{
	long long half = 0;
	int i, j;

	for (i = 0; i <= ANALYSIS_PAIN_MAX; i++)
		for (j = 0; j <= ANALYSIS_PAIN_MAX; j++)
			if (j < i)
				half += 2LL * a->hist[i] * b->hist[j];
			else if (j == i)
				half += (long long)a->hist[i] * b->hist[j];
	return half;
}

/*
 * The person's own lag-1 autocorrelation from both windows' deviations,
 * bias-corrected for short series (Marriott & Pope 1954: E r_hat ~ r -
 * (1 + 4r) / n); the prior when there are no pairs or no spread.  *pairs
 * is the number of pairs of consecutive days it was read from.
 */
static double
own_lag1(const struct wstat *a, const struct wstat *b, int *pairs)
{
	double rhat, var, nbar;

	*pairs = a->pairs + b->pairs;
	var = (a->ss + b->ss) / (a->n + b->n);
	if (*pairs == 0 || !(var > 0)) {
		*pairs = 0;
		return ANALYSIS_R_PRIOR_MILLI / ANALYSIS_MILLI;
	}
	rhat = (a->lag + b->lag) / *pairs / var;
	nbar = (a->n + b->n) / 2.0;
	if (nbar > 4)
		rhat = (nbar * rhat + 1) / (nbar - 4);
	return rhat;
}

/* The own estimate shrunk toward the prior with the weight of prior_pairs
 * pairs, and bounded. */
static double
shrink_lag1(double own, int pairs, int prior_pairs)
{
	double prior = ANALYSIS_R_PRIOR_MILLI / ANALYSIS_MILLI, r = prior;

	if (pairs > 0)
		r = (pairs * own + prior_pairs * prior) / (pairs + prior_pairs);
	if (r < ANALYSIS_R_MIN_MILLI / ANALYSIS_MILLI)
		r = ANALYSIS_R_MIN_MILLI / ANALYSIS_MILLI;
	if (r > ANALYSIS_R_MAX_MILLI / ANALYSIS_MILLI)
		r = ANALYSIS_R_MAX_MILLI / ANALYSIS_MILLI;
	return r;
}

/* The verdict's lag-1 autocorrelation (as compare() reads it, for the
 * pause's contrast): the person's own, shrunk toward the prior with the
 * weight of ANALYSIS_R_PRIOR_PAIRS pairs, and bounded. */
static double
lag1(const struct wstat *a, const struct wstat *b)
{
	int pairs;
	double own = own_lag1(a, b, &pairs);

	return shrink_lag1(own, pairs, ANALYSIS_R_PRIOR_PAIRS);
}

/*
 * About how many more rated days in the judged window would bring z * SE
 * within margin: sigma^2 g_b / n_b' <= (margin / z)^2 - sigma^2 g_a / n_a,
 * with g_b' at its long-window value (1 + r) / (1 - r).  -1 when the
 * baseline alone is noisier than that, or it would take more than
 * ANALYSIS_MORE_DAYS_MAX days.
 */
static int
more_days(const struct analysis_change *x, double ga, double margin, double z)
{
	double s2 = x->sd * x->sd;
	double room = (margin / z) * (margin / z) - s2 * ga / x->before_n;
	double need;

	if (margin <= 0 || room <= 0)
		return -1;
	need = s2 * (1 + x->r) / (1 - x->r) / room - x->during_n;
	if (need > ANALYSIS_MORE_DAYS_MAX)
		return -1;
	return need < 1 ? 1 : (int)ceil(need);
}

/*
 * Compare windows a (reference) and b (judged) of one measure.  Sets
 * verdict to substantial, meaningful, worse (clear of the noise), or
 * no-change (interval inside the thresholds) or unclear; low-practice is
 * the caller's.
 */
static void
compare(const struct wstat *a, const struct wstat *b, const struct spec *sp,
	struct analysis_change *x)
{
	double z = ANALYSIS_Z_MILLI / ANALYSIS_MILLI, floor_sd;
	double zs = ANALYSIS_Z_SAME_MILLI / ANALYSIS_MILLI;
	double ga, gb, s2, denom, up, down;
	int helped_pct = 0, helped_pts, worse;

	x->before_n = a->n;
	x->before_sum = a->sum;
	x->during_n = b->n;
	x->during_sum = b->sum;
	x->before_mean = (double)a->sum / a->n;
	x->during_mean = (double)b->sum / b->n;
	x->has_change = 1;
	/* From the exact fractions: one rounding. */
	x->change = (double)analysis_change_num(x) / ((double)a->n * b->n);

	x->r_own = own_lag1(a, b, &x->pairs);
	x->r = shrink_lag1(x->r_own, x->pairs, ANALYSIS_R_PRIOR_PAIRS);
	ga = ar_factor(a->n, x->r);
	gb = ar_factor(b->n, x->r);
	/* Pooled about each window's own mean; the autocorrelation enters
	 * through the effective sample sizes. */
	denom = a->n + b->n - 2;
	s2 = (a->ss + b->ss) / denom;
	floor_sd = ANALYSIS_SD_FLOOR_MILLI / ANALYSIS_MILLI;
	if (s2 < floor_sd * floor_sd)
		s2 = floor_sd * floor_sd;
	x->sd = sqrt(s2);
	x->neff_before = a->n / ga;
	x->neff_during = b->n / gb;
	x->se = sqrt(s2 * (ga / a->n + gb / b->n));
	x->lower = x->change - z * x->se;
	x->upper = x->change + z * x->se;
	x->nap_half = nap_half(a, b);
	x->nap = (double)x->nap_half / (2.0 * a->n * b->n);
	x->more_days = 0;

	if (sp->substantial_pct > 0 && pct_reaches(x, sp->substantial_pct)) {
		helped_pct = 2;
	} else if (sp->meaningful_pct > 0 &&
		   pct_reaches(x, sp->meaningful_pct)) {
		helped_pct = 1;
	}
	helped_pts = points_reach(x, sp->points);
	worse = 0;
	if (sp->worse_pct > 0 && pct_reaches(x, -sp->worse_pct))
		worse = 1;
	else if (points_reach(x, -sp->worse_points))
		worse = 2;

	if ((helped_pct || helped_pts) && x->lower > 0) {
		x->verdict =
		    helped_pct == 2 ? VERDICT_SUBSTANTIAL : VERDICT_MEANINGFUL;
		x->basis =
		    helped_pct ? ANALYSIS_BASIS_PERCENT : ANALYSIS_BASIS_POINTS;
		return;
	}
	if (worse && x->upper < 0) {
		x->verdict = VERDICT_WORSE;
		x->basis =
		    worse == 1 ? ANALYSIS_BASIS_PERCENT : ANALYSIS_BASIS_POINTS;
		return;
	}
	up = threshold_points(x->before_mean, sp->meaningful_pct, sp->points);
	down =
	    threshold_points(x->during_mean, sp->worse_pct, sp->worse_points);
	if (x->change + zs * x->se < up && x->change - zs * x->se > -down) {
		x->verdict = VERDICT_NO_CHANGE;
		return;
	}
	x->verdict = VERDICT_UNCLEAR;
	if (helped_pct || helped_pts || worse)
		x->more_days = more_days(x, ga, fabs(x->change), z);
	else
		x->more_days = more_days(
		    x, ga, (x->change >= 0 ? up : down) - fabs(x->change), zs);
}

static int
in_trial(const struct analysis_trial_in *t, int day)
{
	return day >= t->start && day <= t->end && !off_day(t, day);
}

/*
 * The i-th practised day candidate: --did marks first, then session days.
 * Counting distinct ones by looking back keeps the function free of
 * allocation; the caller hands only the trial's own days.
 */
static int
candidate(const struct analysis_trial_in *t, size_t i)
{
	if (i < t->npractice_days)
		return t->practice_days[i];
	return t->sessions[i - t->npractice_days].day;
}

static int
practised_days(const struct analysis_trial_in *t)
{
	size_t total = t->npractice_days + t->nsessions;
	size_t i, j;
	int count = 0;

	for (i = 0; i < total; i++) {
		int day = candidate(t, i);

		if (!in_trial(t, day))
			continue;
		for (j = 0; j < i; j++)
			if (candidate(t, j) == day)
				break;
		if (j == i)
			count++;
	}
	return count;
}

/* Sessions with both ratings: their paired differences after - before. */
static void
immediate(const struct analysis_trial_in *t, struct analysis_result *r,
	  long long *before_sum)
{
	size_t i;

	*before_sum = 0;
	for (i = 0; i < t->nsessions; i++) {
		const struct analysis_session *s = &t->sessions[i];
		int d;

		if (!in_trial(t, s->day) || !valid_pain(s->pain_before) ||
		    !valid_pain(s->pain_after))
			continue;
		d = s->pain_after - s->pain_before;
		r->immediate_n++;
		r->immediate_sum += d;
		r->immediate_sumsq += (long long)d * d;
		*before_sum += s->pain_before;
		if (-d >= ANALYSIS_RELIEF_POINTS)
			r->immediate_relieved++;
	}
	if (r->immediate_n > 0)
		r->immediate_mean = (double)r->immediate_sum / r->immediate_n;
	if (r->immediate_n > 1) {
		double n = r->immediate_n;
		double var = ((double)r->immediate_sumsq -
			      (double)r->immediate_sum * r->immediate_sum / n) /
			     (n - 1);

		r->immediate_se = sqrt(var > 0 ? var : 0) / sqrt(n);
	}
}

/*
 * No change when the 90% interval lies inside both thresholds; else
 * unclear, with about how many more rated sessions would settle it:
 * n' = (z sd / M)^2, M the margin as for days (past a threshold: |change|
 * with the clear z; not past: threshold - |change| with the 90% z).
 */
static void
session_unclear(struct analysis_result *r, int past, double sd)
{
	struct analysis_change *x = &r->pain;
	double zs = ANALYSIS_Z_SAME_MILLI / ANALYSIS_MILLI,
	       z = ANALYSIS_Z_MILLI / ANALYSIS_MILLI;
	double up = threshold_points(x->before_mean, ANALYSIS_MEANINGFUL_PCT,
				     ANALYSIS_MEANINGFUL_POINTS);
	double down = threshold_points(x->during_mean, ANALYSIS_WORSE_PCT,
				       ANALYSIS_WORSE_POINTS);
	double margin, need;

	if (x->change + zs * x->se < up && x->change - zs * x->se > -down) {
		r->verdict = VERDICT_NO_CHANGE;
		return;
	}
	r->verdict = VERDICT_UNCLEAR;
	if (past) {
		margin = fabs(x->change);
	} else {
		margin = (x->change >= 0 ? up : down) - fabs(x->change);
		z = zs;
	}
	x->more_days = -1;
	if (margin <= 0)
		return;
	need = (z * sd / margin) * (z * sd / margin) - x->during_n;
	if (need <= ANALYSIS_MORE_DAYS_MAX)
		x->more_days = need < 1 ? 1 : (int)ceil(need);
}

/*
 * A flare-up tool by its sessions: the relief before - after, as a change
 * from a "before" of the mean pain before sessions to the mean after, with
 * the paired standard error; sessions are taken as independent (they are
 * half a day apart and each starts from the pain of its moment).
 */
static void
judge_sessions(struct analysis_result *r, long long before_sum)
{
	struct analysis_change *x = &r->pain;
	double z = ANALYSIS_Z_MILLI / ANALYSIS_MILLI, sd;
	long long n = r->immediate_n, relief = -(long long)r->immediate_sum;
	int helped_pct = 0, helped_pts, worse = 0;

	if (n < ANALYSIS_SESSIONS_MIN) {
		r->verdict = VERDICT_TOO_EARLY;
		return;
	}
	memset(x, 0, sizeof *x);
	x->before_n = x->during_n = (int)n;
	x->before_sum = (int)before_sum;
	x->during_sum = (int)(before_sum - relief);
	x->before_mean = (double)before_sum / n;
	x->during_mean = (double)x->during_sum / n;
	x->has_change = 1;
	x->change = (double)relief / n;
	x->se = r->immediate_se;
	sd = x->se * sqrt((double)n);
	x->sd = sd;
	x->lower = x->change - z * x->se;
	x->upper = x->change + z * x->se;
	x->nap = (double)r->immediate_relieved / n;

	/* Percent of the pain before the sessions, exactly. */
	if (before_sum > 0 &&
	    ANALYSIS_PCT_SCALE * relief >=
		(long long)ANALYSIS_SUBSTANTIAL_PCT * before_sum)
		helped_pct = 2;
	else if (before_sum > 0 &&
		 ANALYSIS_PCT_SCALE * relief >=
		     (long long)ANALYSIS_MEANINGFUL_PCT * before_sum)
		helped_pct = 1;
	helped_pts = relief >= (long long)ANALYSIS_MEANINGFUL_POINTS * n;
	/* A rise mirrors a fall, as for days: of the mean after. */
	if (relief <= -(long long)ANALYSIS_WORSE_POINTS * n)
		worse = 2;
	else if (x->during_sum > 0 &&
		 ANALYSIS_PCT_SCALE * -relief >=
		     (long long)ANALYSIS_WORSE_PCT * x->during_sum)
		worse = 1;
	r->has_change = 1;
	r->change = x->change;
	r->change_pct = before_sum > 0 ? (double)relief / before_sum : 0;
	if ((helped_pct || helped_pts) && x->lower > 0) {
		r->verdict =
		    helped_pct == 2 ? VERDICT_SUBSTANTIAL : VERDICT_MEANINGFUL;
		r->basis =
		    helped_pct ? ANALYSIS_BASIS_PERCENT : ANALYSIS_BASIS_POINTS;
	} else if (worse && x->upper < 0) {
		r->verdict = VERDICT_WORSE;
		r->basis =
		    worse == 1 ? ANALYSIS_BASIS_PERCENT : ANALYSIS_BASIS_POINTS;
	} else {
		session_unclear(r, helped_pct || helped_pts || worse, sd);
	}
	x->verdict = r->verdict;
	x->basis = r->basis;
}

/* Kendall's tau-a of the window's ratings against their days, as C - D
 * over its pairs. */
static void
kendall(const struct analysis_checkin *c, size_t n, long long lo, long long hi,
	long long *cd, long long *pairs)
{
	size_t i, j, from = first_from(c, n, lo);

	*cd = 0;
	*pairs = 0;
	for (i = from; i < n && c[i].day <= hi; i++) {
		if (!valid_pain(c[i].pain))
			continue;
		for (j = i + 1; j < n && c[j].day <= hi; j++) {
			if (!valid_pain(c[j].pain))
				continue;
			(*pairs)++;
			if (c[j].pain > c[i].pain)
				(*cd)++;
			else if (c[j].pain < c[i].pain)
				(*cd)--;
		}
	}
}

/* The regression-to-the-mean guard: picks the reference window. */
static void
guard(const struct analysis_checkin *c, size_t n, struct analysis_result *r)
{
	struct wstat w;
	long long s = r->start, cd, pairs;

	window(c, n, MEASURE_PAIN, s - ANALYSIS_LONGRUN_DAYS,
	       s - ANALYSIS_FLARE_DAYS - 1, NULL, &w);
	r->longrun_n = w.n;
	r->longrun_sum = w.sum;
	window(c, n, MEASURE_PAIN, s - ANALYSIS_FLARE_DAYS, s - 1, NULL, &w);
	r->flare_n = w.n;
	r->flare_sum = w.sum;
	if (r->longrun_n >= ANALYSIS_LONGRUN_MIN_CHECKINS &&
	    r->flare_n >= ANALYSIS_FLARE_MIN_CHECKINS &&
	    ANALYSIS_TENTHS * ((long long)r->flare_sum * r->longrun_n -
			       (long long)r->longrun_sum * r->flare_n) >=
		(long long)ANALYSIS_FLARE_TENTHS * r->flare_n * r->longrun_n)
		r->started_in_flare = 1;

	kendall(c, n, s - ANALYSIS_BEFORE_DAYS, s - 1, &cd, &pairs);
	if (pairs > 0)
		r->tau_milli = (int)lround(ANALYSIS_MILLI * (double)cd / pairs);
	if (r->baseline_n >= ANALYSIS_FALLING_MIN_CHECKINS &&
	    ANALYSIS_PCT_SCALE * cd <=
		-(long long)ANALYSIS_FALLING_TAU_PCT * pairs)
		r->already_falling = 1;

	r->reference = ANALYSIS_REF_BASELINE;
	r->ref_first = (int)(s - ANALYSIS_BEFORE_DAYS);
	r->ref_last = (int)(s - 1);
	if (r->started_in_flare) {
		r->reference = ANALYSIS_REF_LONGRUN;
		r->ref_first = (int)(s - ANALYSIS_LONGRUN_DAYS);
		r->ref_last = (int)(s - ANALYSIS_FLARE_DAYS - 1);
	} else if (r->already_falling) {
		window(c, n, MEASURE_PAIN, s - ANALYSIS_RECENT_DAYS, s - 1,
		       NULL, &w);
		if (w.n >= ANALYSIS_BEFORE_MIN_CHECKINS) {
			r->reference = ANALYSIS_REF_RECENT;
			r->ref_first = (int)(s - ANALYSIS_RECENT_DAYS);
		}
	}
}

static int
low_practice(const struct analysis_result *r)
{
	return r->has_adherence &&
	       (long long)ANALYSIS_PCT_SCALE * r->practised_days <
		   (long long)ANALYSIS_LOW_PRACTICE_PCT * r->days;
}

/*
 * With a guard's reference, a verdict must hold against the whole baseline
 * too: helped or worse (the weaker) or no-change only when both say so,
 * else unclear.  So neither a flare before the start nor the choice of
 * reference can make a trial look better or worse than both levels allow.
 */
static void
combine(struct analysis_change *x, const struct analysis_change *y)
{
	enum analysis_verdict v = x->verdict, w = y->verdict;
	int more = -1;

	if (analysis_helped(v) && analysis_helped(w)) {
		if (w == VERDICT_MEANINGFUL && v == VERDICT_SUBSTANTIAL) {
			x->verdict = w;
			x->basis = y->basis;
		}
		return;
	}
	if ((v == VERDICT_WORSE && w == VERDICT_WORSE) ||
	    (v == VERDICT_NO_CHANGE && w == VERDICT_NO_CHANGE))
		return;
	if (v == VERDICT_UNCLEAR)
		more = x->more_days;
	if (w == VERDICT_UNCLEAR &&
	    (v != VERDICT_UNCLEAR || (more >= 0 && y->more_days > more) ||
	     y->more_days < 0))
		more = y->more_days;
	x->verdict = VERDICT_UNCLEAR;
	x->basis = ANALYSIS_BASIS_NONE;
	x->more_days = more;
}

/* Pain and interference over the reference and the judged window, the
 * latter without the days t leaves out. */
static void
judge_windows(const struct analysis_checkin *c, size_t n,
	      const struct analysis_trial_in *t, struct analysis_result *r)
{
	struct wstat a, b;

	if (!r->has_baseline) {
		r->verdict = VERDICT_NO_BASELINE;
		return;
	}
	if (trial_days_in(t, r->during_first, r->end) < ANALYSIS_DURING_DAYS ||
	    r->during_n < ANALYSIS_DURING_MIN_CHECKINS) {
		r->verdict = VERDICT_TOO_EARLY;
		return;
	}
	window(c, n, MEASURE_PAIN, r->ref_first, r->ref_last, NULL, &a);
	window(c, n, MEASURE_PAIN, r->during_first, r->end, t, &b);
	compare(&a, &b, &pain_spec, &r->pain);
	if (r->reference != ANALYSIS_REF_BASELINE) {
		window(c, n, MEASURE_PAIN,
		       (long long)r->start - ANALYSIS_BEFORE_DAYS,
		       (long long)r->start - 1, NULL, &a);
		compare(&a, &b, &pain_spec, &r->baseline_change);
		combine(&r->pain, &r->baseline_change);
	}
	r->has_change = 1;
	r->change = r->pain.change;
	if (r->before_sum > 0)
		r->change_pct = (double)analysis_change_num(&r->pain) /
				((double)r->before_sum * r->during_n);
	r->verdict = r->pain.verdict;
	r->basis = r->pain.basis;
	if ((r->verdict == VERDICT_NO_CHANGE ||
	     r->verdict == VERDICT_UNCLEAR) &&
	    low_practice(r))
		r->verdict = VERDICT_LOW_PRACTICE;

	window(c, n, MEASURE_INTERFERENCE, r->ref_first, r->ref_last, NULL, &a);
	window(c, n, MEASURE_INTERFERENCE, r->during_first, r->end, t, &b);
	if (a.n < ANALYSIS_BEFORE_MIN_CHECKINS)
		r->interference.verdict = VERDICT_NO_BASELINE;
	else if (b.n < ANALYSIS_DURING_MIN_CHECKINS)
		r->interference.verdict = VERDICT_TOO_EARLY;
	else
		compare(&a, &b, &interference_spec, &r->interference);
}

static int
spans_meet(long long a1, long long a2, long long b1, long long b2)
{
	return a1 <= b2 && b1 <= a2;
}

static int
covers(const struct analysis_span *o, long long lo, long long hi)
{
	return o->start <= lo && o->end >= hi;
}

int
analysis_confounds(const struct analysis_result *r,
		   const struct analysis_span *o)
{
	long long a1, a2, b1, b2;

	if (r == NULL || o == NULL || r->flare_tool)
		return 0;
	a1 = r->ref_first;
	a2 = r->ref_last;
	b1 = r->during_first;
	b2 = r->end;
	/* The plan's own handover: one stopped on the day the other
	 * started (or the day before). */
	if (o->start < r->start && o->end <= r->start &&
	    o->end >= (long long)r->start - 1)
		return 0;
	if (o->start >= r->end &&
	    (long long)o->start <= (long long)r->end + 1 && o->end > r->end)
		return 0;
	/* Kept through both windows, as a habit: no difference between
	 * them. */
	if (covers(o, a1, a2) && covers(o, b1, b2))
		return 0;
	return spans_meet(o->start, o->end, a1, a2) ||
	       spans_meet(o->start, o->end, b1, b2);
}

/* Days of the two compared windows covered by a confounding other trial,
 * the days t leaves out not among them. Day by day: the windows are what
 * the verdict reads, a few weeks. */
static int
confounded_days(const struct analysis_result *r,
		const struct analysis_trial_in *t)
{
	const struct analysis_span *others = t->others;
	long long d, lo[2] = {r->ref_first, r->during_first},
		     hi[2] = {r->ref_last, r->end};
	size_t i, n = t->nothers;
	int w, count = 0;

	if (others == NULL || r->flare_tool)
		return 0;
	for (w = 0; w < 2; w++)
		for (d = lo[w]; d <= hi[w]; d++)
			for (i = 0; i < n && !off_day(t, d); i++)
				if (others[i].start <= d &&
				    others[i].end >= d &&
				    analysis_confounds(r, &others[i])) {
					count++;
					break;
				}
	return count;
}

/*
 * The chance's grid over the true change: -10 .. 10 points (a mean change
 * of 0-10 ratings lies there) in steps of 1 / GRID_PER_POINT, so that 0
 * and every hundredth of a point are on it exactly.
 */
#define GRID_PER_POINT 100
#define GRID_HALF (ANALYSIS_PAIN_MAX * GRID_PER_POINT)
#define GRID_POINTS (2 * GRID_HALF + 1)

static double
grid_at(int i)
{
	return (double)(i - GRID_HALF) / GRID_PER_POINT;
}

/* The log of the likelihood's density at standardised error u, up to a
 * constant: Student's t with df degrees of freedom, normal when df is 0. */
static double
log_likelihood(double u, double df)
{
	return df > 0 ? -(df + 1) / 2 * log1p(u * u / df) : -u * u / 2;
}

/*
 * The posterior's mass below x, by the trapezoid rule over the grid's
 * cells with the density linear within the cell that x cuts.  w holds the
 * unnormalised density at each grid point.
 */
static double
mass_below(const double *w, double x)
{
	double at = x * GRID_PER_POINT + GRID_HALF, frac, wx, sum = 0;
	int i, k;

	if (at <= 0)
		return 0;
	if (at >= GRID_POINTS - 1)
		at = GRID_POINTS - 1;
	k = (int)floor(at);
	if (k >= GRID_POINTS - 1)
		k = GRID_POINTS - 2;
	frac = at - k;
	for (i = 0; i < k; i++)
		sum += (w[i] + w[i + 1]) / 2;
	wx = w[k] + frac * (w[k + 1] - w[k]);
	sum += frac * (w[k] + wx) / 2;
	return sum / GRID_PER_POINT;
}

/* The standard normal distribution function. */
static double
normal_cdf(double x)
{
	return 0.5 * erfc(-x / SQRT2);
}

/*
 * The person's level L given the true change delta (struct
 * analysis_chance_in): the reference mean reads L, the judged mean L -
 * delta, each with its own noise, and L has no prior (any level is as
 * likely before the ratings), so L | delta is normal with the precision
 * 1 / ref_var + 1 / judged_var.  Both variances are positive here.
 */
static void
level_given(const struct analysis_chance_in *in, double delta, double *mean,
	    double *sd)
{
	double pa = 1 / in->ref_var, pb = 1 / in->judged_var;

	*mean =
	    (pa * in->ref_mean + pb * (in->judged_mean + delta)) / (pa + pb);
	*sd = 1 / sqrt(pa + pb);
}

/*
 * The chance that delta reached the helped threshold (sign 1) or the worse
 * one (sign -1), given delta: 1 past the points threshold; below it, the
 * chance that the person's level was low enough for the percent threshold
 * to be met, delta >= 0.3 L for helped, -delta >= 0.3 (L - delta) (of the
 * level during) for worse.
 */
static double
reach_given(const struct analysis_chance_in *in, double delta, int sign)
{
	double pct = ANALYSIS_MEANINGFUL_PCT / (double)ANALYSIS_PCT_SCALE;
	double mean, sd, fall = sign * delta;

	if (sign < 0)
		pct = ANALYSIS_WORSE_PCT / (double)ANALYSIS_PCT_SCALE;
	if (fall <= 0)
		return 0;
	if (fall >=
	    (sign > 0 ? ANALYSIS_MEANINGFUL_POINTS : ANALYSIS_WORSE_POINTS))
		return 1;
	level_given(in, delta, &mean, &sd);
	/* helped: L <= delta / pct; worse: L - delta <= -delta / pct. */
	if (sign > 0)
		return normal_cdf((delta / pct - mean) / sd);
	return normal_cdf((delta - delta / pct - mean) / sd);
}

/*
 * The posterior mass of delta reaching a threshold whose percent part
 * rests on the uncertain level: the trapezoid rule over the grid's cells
 * between 0 and the points threshold, where reach_given() is below 1,
 * with the jump to 1 at the points threshold taken at its left, and the
 * mass past it as it is.
 */
static double
mass_reaching(const double *w, const struct analysis_chance_in *in, int sign)
{
	int points =
	    sign > 0 ? ANALYSIS_MEANINGFUL_POINTS : ANALYSIS_WORSE_POINTS;
	int i, ends = points * GRID_PER_POINT;
	double sum = 0, q0 = 0, q1;

	for (i = 1; i <= ends; i++) {
		double delta = sign * (double)i / GRID_PER_POINT;
		double w0 = w[GRID_HALF + sign * (i - 1)];
		double w1 = w[GRID_HALF + sign * i];

		/* A cell whose density is a trillionth of the top's adds
		 * nothing the hundredths could show: its level is not
		 * worked out. */
		if (w0 < TINY && w1 < TINY) {
			q0 = 0;
			continue;
		}
		q1 = i < ends ? reach_given(in, delta, sign)
			      : reach_given(in, sign * (points - 1e-9), sign);
		sum += (w0 * q0 + w1 * q1) / 2;
		q0 = q1;
	}
	sum /= GRID_PER_POINT;
	if (sign > 0)
		return sum + mass_below(w, ANALYSIS_PAIN_MAX) -
		       mass_below(w, points);
	return sum + mass_below(w, -points);
}

int
analysis_chance(const struct analysis_chance_in *in,
		struct analysis_chance *out)
{
	double w[GRID_POINTS], top = -HUGE_VAL, total, m1 = 0, m2 = 0, d, s;
	double hp = ANALYSIS_MEANINGFUL_PCT / (double)ANALYSIS_PCT_SCALE;
	double wp = ANALYSIS_WORSE_PCT / (double)ANALYSIS_PCT_SCALE;
	int i;

	if (out == NULL)
		return -1;
	memset(out, 0, sizeof *out);
	if (in == NULL || !isfinite(in->ref_mean) ||
	    !isfinite(in->judged_mean) || !isfinite(in->ref_var) ||
	    !isfinite(in->judged_var) || !isfinite(in->df) ||
	    !isfinite(in->tau) || in->ref_mean < 0 || in->judged_mean < 0 ||
	    in->ref_var < 0 || in->judged_var < 0 || in->df < 0 || in->tau <= 0)
		return -1;
	out->in = *in;
	d = in->ref_mean - in->judged_mean;
	s = sqrt(in->ref_var + in->judged_var);
	out->se = s;
	out->helped_at = threshold_points(in->ref_mean, ANALYSIS_MEANINGFUL_PCT,
					  ANALYSIS_MEANINGFUL_POINTS);
	out->worse_at = threshold_points(in->judged_mean, ANALYSIS_WORSE_PCT,
					 ANALYSIS_WORSE_POINTS);
	if (s == 0) {
		/* No noise at all: the estimate is the truth, and so are the
		 * levels. */
		out->mean = d;
		out->lower = d > 0;
		out->helped = d >= out->helped_at;
		out->worse = d <= -out->worse_at;
		return 0;
	}
	/* Logs first, so that a narrow posterior far out in the prior's tail
	 * does not underflow before it is scaled. */
	for (i = 0; i < GRID_POINTS; i++) {
		double delta = grid_at(i);

		w[i] = -delta * delta / (2 * in->tau * in->tau) +
		       log_likelihood((d - delta) / s, in->df);
		if (w[i] > top)
			top = w[i];
	}
	for (i = 0; i < GRID_POINTS; i++)
		w[i] = exp(w[i] - top);
	total = mass_below(w, ANALYSIS_PAIN_MAX);
	for (i = 0; i < GRID_POINTS; i++) {
		/* The trapezoid rule's end weights are halves. */
		double wt = i == 0 || i == GRID_POINTS - 1 ? w[i] / 2 : w[i];

		m1 += wt * grid_at(i);
		m2 += wt * grid_at(i) * grid_at(i);
	}
	m1 /= total * GRID_PER_POINT;
	m2 /= total * GRID_PER_POINT;
	out->mean = m1;
	out->sd = m2 > m1 * m1 ? sqrt(m2 - m1 * m1) : 0;
	out->lower = 1 - mass_below(w, 0) / total;
	if (in->ref_var == 0) {
		/* The level is the reference mean: the thresholds are
		 * numbers, min(2, 0.3 L) for helped and, of the level during
		 * L - delta, min(2, 0.3 L / 0.7) for worse. */
		double h =
		    threshold_points(in->ref_mean, ANALYSIS_MEANINGFUL_PCT,
				     ANALYSIS_MEANINGFUL_POINTS);
		double wt = ANALYSIS_WORSE_POINTS;

		if (in->ref_mean > 0 && wp * in->ref_mean / (1 - wp) < wt)
			wt = wp * in->ref_mean / (1 - wp);
		out->helped = 1 - mass_below(w, h) / total;
		out->worse = mass_below(w, -wt) / total;
	} else if (in->judged_var == 0) {
		/* The level during is the judged mean: L = judged + delta,
		 * so helped needs delta >= 0.3 (judged + delta). */
		double h = ANALYSIS_MEANINGFUL_POINTS;

		if (in->judged_mean > 0 && hp * in->judged_mean / (1 - hp) < h)
			h = hp * in->judged_mean / (1 - hp);
		out->helped = 1 - mass_below(w, h) / total;
		out->worse = mass_below(w, -out->worse_at) / total;
	} else {
		out->helped = mass_reaching(w, in, 1) / total;
		out->worse = mass_reaching(w, in, -1) / total;
	}
	return 0;
}

int
analysis_chance_pct(double p)
{
	if (!(p > 0))
		return 0;
	if (p >= 1)
		return ANALYSIS_CHANCE_SCALE;
	return (int)lround(ANALYSIS_CHANCE_SCALE * p);
}

/*
 * The chance's noise for days: the verdict's SE formula with r and the
 * day-to-day variance shrunk toward the population's (analysis.h says
 * why), kept as the variances of the two means, since the reference mean
 * is also what tells the person's level.  The variance of an AR(1)
 * series' sample variance is that of (m + n - 2) (1 - r^2) / (1 + r^2)
 * independent days' (Bartlett 1946): those are the person's own degrees
 * of freedom.  *r_out and *sd_out: what the variances were built from.
 */
static void
day_noise(const struct analysis_change *x, struct analysis_chance_in *in,
	  double *r_out, double *sd_out)
{
	double r = shrink_lag1(x->r_own, x->pairs, ANALYSIS_CHANCE_R_PAIRS);
	double own =
	    (x->before_n + x->during_n - 2) * (1 - r * r) / (1 + r * r);
	double prior = ANALYSIS_CHANCE_SD_MILLI / ANALYSIS_MILLI;
	double s2 =
	    (own * x->sd * x->sd + ANALYSIS_CHANCE_SD_DF * prior * prior) /
	    (own + ANALYSIS_CHANCE_SD_DF);

	*r_out = r;
	*sd_out = sqrt(s2);
	in->df = own + ANALYSIS_CHANCE_SD_DF;
	in->ref_var = s2 * ar_factor(x->before_n, r) / x->before_n;
	in->judged_var = s2 * ar_factor(x->during_n, r) / x->during_n;
}

/*
 * The chance it helped, from pain's means against the verdict's own
 * reference (a guard's level, or the sessions).  Sessions are
 * independent, so their SD needs no population's help: the t with n - 1
 * degrees of freedom allows for its uncertainty, and the floor for
 * whole-number ratings keeps a run of equal reliefs from reading as
 * certainty.  A session's relief is of the pain it started from, which
 * the person rated each time: the mean before the sessions is their level
 * as it is (ref_var 0), and the paired noise is all the change's.
 */
static void
chance_of(struct analysis_result *r)
{
	const struct analysis_change *x = &r->pain;
	struct analysis_chance_in in;
	double floor_sd = ANALYSIS_SD_FLOOR_MILLI / ANALYSIS_MILLI, rr = 0, sd;

	memset(&in, 0, sizeof in);
	in.ref_mean = x->before_mean;
	in.judged_mean = x->during_mean;
	in.tau = ANALYSIS_PRIOR_SD_MILLI / ANALYSIS_MILLI;
	if (r->flare_tool) {
		sd = x->sd > floor_sd ? x->sd : floor_sd;
		in.judged_var = sd * sd / x->during_n;
		in.df = x->during_n - 1;
	} else {
		day_noise(x, &in, &rr, &sd);
	}
	r->has_chance = analysis_chance(&in, &r->chance) == 0;
	r->chance.r = rr;
	r->chance.day_sd = sd;
}

/* The first day of the judged window: the first trial day after
 * settle_days of them, the days left out not counted (past the end, where
 * none is left out, as if the trial went on). */
static int
during_first(const struct analysis_trial_in *t)
{
	long long d = t->start;
	int settled = 0;

	while (settled < t->settle_days || off_day(t, d)) {
		if (!off_day(t, d))
			settled++;
		d++;
	}
	return (int)d;
}

static int
valid_input(const struct analysis_checkin *c, size_t n,
	    const struct analysis_trial_in *t)
{
	size_t i;

	if (t == NULL || (c == NULL && n > 0) || t->end < t->start)
		return 0;
	if ((long long)t->end - t->start >= INT_MAX / 2 ||
	    (long long)t->start - ANALYSIS_LONGRUN_DAYS < INT_MIN / 2)
		return 0;
	if (t->settle_days < 0 || t->settle_days > ANALYSIS_SETTLE_DAYS_MAX)
		return 0;
	if ((t->practice_days == NULL && t->npractice_days > 0) ||
	    (t->sessions == NULL && t->nsessions > 0) ||
	    (t->others == NULL && t->nothers > 0) ||
	    (t->off == NULL && t->noff > 0))
		return 0;
	for (i = 1; i < n; i++)
		if (c[i].day <= c[i - 1].day)
			return 0;
	return 1;
}

int
analysis_trial(const struct analysis_checkin *c, size_t n, int usual_pain,
	       const struct analysis_trial_in *t, struct analysis_result *out)
{
	struct analysis_result *r = out;
	struct wstat w;
	long long before_sum;

	if (r == NULL)
		return -1;
	memset(r, 0, sizeof *r);
	r->verdict = VERDICT_NO_BASELINE;
	r->usual_pain = ANALYSIS_NO_RATING;
	r->pain.verdict = r->interference.verdict = VERDICT_NO_BASELINE;
	if (!valid_input(c, n, t))
		return -1;

	r->start = t->start;
	r->end = t->end;
	r->days = (int)trial_days_in(t, t->start, t->end);
	r->off_days = t->end - t->start + 1 - r->days;
	r->settle_days = t->settle_days;
	r->flare_tool = t->flare_tool;
	if (valid_pain(usual_pain))
		r->usual_pain = usual_pain;

	window(c, n, MEASURE_PAIN, (long long)t->start - ANALYSIS_BEFORE_DAYS,
	       (long long)t->start - 1, NULL, &w);
	r->baseline_n = w.n;
	r->baseline_sum = w.sum;
	r->has_baseline = w.n >= ANALYSIS_BEFORE_MIN_CHECKINS;
	guard(c, n, r);
	window(c, n, MEASURE_PAIN, r->ref_first, r->ref_last, NULL, &w);
	r->before_n = w.n;
	r->before_sum = w.sum;
	if (w.n > 0)
		r->before_mean = (double)w.sum / w.n;

	r->during_first = during_first(t);
	window(c, n, MEASURE_PAIN, r->during_first, t->end, t, &w);
	r->during_n = w.n;
	r->during_sum = w.sum;
	if (w.n > 0)
		r->during_mean = (double)w.sum / w.n;

	if (t->has_practices) {
		r->has_adherence = 1;
		r->practised_days = practised_days(t);
		r->adherence = (double)r->practised_days / r->days;
	}
	immediate(t, r, &before_sum);
	r->overlap_days = confounded_days(r, t);

	if (t->flare_tool)
		judge_sessions(r, before_sum);
	else
		judge_windows(c, n, t, r);
	if (r->has_change)
		chance_of(r);
	return 0;
}

int
analysis_helped(enum analysis_verdict v)
{
	return v == VERDICT_SUBSTANTIAL || v == VERDICT_MEANINGFUL;
}

/*
 * Walk start .. end in covered stretches: from day d, jump past the furthest
 * end of the spans covering d, else to the next span's start.  No allocation,
 * no sorting, O(stretches * n).
 */
int
analysis_overlap_days(int start, int end, const struct analysis_span *others,
		      size_t n)
{
	long long d = start, covered = 0;
	size_t i;

	if (others == NULL)
		return 0;
	while (d <= end) {
		long long reach = d - 1, next = (long long)end + 1;

		for (i = 0; i < n; i++) {
			if (others[i].start <= d && others[i].end >= d) {
				if (others[i].end > reach)
					reach = others[i].end;
			} else if (others[i].start > d &&
				   others[i].start < next) {
				next = others[i].start;
			}
		}
		if (reach >= d) {
			if (reach > end)
				reach = end;
			covered += reach - d + 1;
			d = reach + 1;
		} else {
			d = next;
		}
	}
	return covered > INT_MAX ? INT_MAX : (int)covered;
}

const char *
analysis_verdict_name(enum analysis_verdict v)
{
	switch (v) {
	case VERDICT_NO_BASELINE:
		return "no-baseline";
	case VERDICT_TOO_EARLY:
		return "too-early";
	case VERDICT_SUBSTANTIAL:
		return "substantial";
	case VERDICT_MEANINGFUL:
		return "meaningful";
	case VERDICT_WORSE:
		return "worse";
	case VERDICT_LOW_PRACTICE:
		return "low-practice";
	case VERDICT_NO_CHANGE:
		return "no-change";
	case VERDICT_UNCLEAR:
		return "unclear";
	}
	return "unknown";
}

/*
 * Each check-in counts towards the 7 windows that end on its day and the 6
 * days after, so one pass over the check-ins fills every day: O(7n + ndays).
 */
void
analysis_rolling_mean(const struct analysis_checkin *c, size_t n, int first,
		      size_t ndays, struct analysis_rolling *out)
{
	size_t i;
	int k;

	if (out == NULL)
		return;
	for (i = 0; i < ndays; i++) {
		memset(&out[i], 0, sizeof out[i]);
		out[i].day = (int)(first + (long long)i);
	}
	for (i = 0; c != NULL && i < n; i++) {
		if (!valid_pain(c[i].pain))
			continue;
		for (k = 0; k < ANALYSIS_ROLLING_DAYS; k++) {
			long long at = (long long)c[i].day + k - first;

			if (at < 0 || (unsigned long long)at >= ndays)
				continue;
			out[at].n++;
			out[at].sum += c[i].pain;
		}
	}
	for (i = 0; i < ndays; i++) {
		if (out[i].n < ANALYSIS_ROLLING_MIN_CHECKINS)
			continue;
		out[i].has_mean = 1;
		out[i].mean = (double)out[i].sum / out[i].n;
	}
}

/*
 * The pause week (analysis.h, doc/verdicts.md section 14).  Its windows
 * read the check-ins as the verdict's do, through window(), with off as
 * the days left out: an analysis_trial_in that carries nothing but them.
 */
static void
pause_window(const struct analysis_checkin *c, size_t n, long long lo,
	     long long hi, const struct analysis_trial_in *skip,
	     struct wstat *w)
{
	if (hi < lo)
		memset(w, 0, sizeof *w);
	else
		window(c, n, MEASURE_PAIN, lo, hi, skip, w);
}

/* The contrast's thresholds as analysis.c's exact comparisons: the rise
 * pause - on reaches 2 points or 30% of the pause's mean. */
static int
rise_reaches(const struct analysis_pause *p)
{
	long long num = (long long)p->pause_sum * p->on_n -
			(long long)p->on_sum * p->pause_n;

	return num >= (long long)ANALYSIS_MEANINGFUL_POINTS * p->pause_n *
			  p->on_n ||
	       (p->pause_sum > 0 &&
		ANALYSIS_PCT_SCALE * num >= (long long)ANALYSIS_MEANINGFUL_PCT *
						p->pause_sum * p->on_n);
}

int
analysis_pause(const struct analysis_checkin *c, size_t n,
	       const struct analysis_pause_in *in, struct analysis_pause *out)
{
	struct analysis_trial_in skip = {0};
	struct wstat on, pause, back, all;
	double z = ANALYSIS_PAUSE_Z_MILLI / ANALYSIS_MILLI;
	double zs = ANALYSIS_Z_SAME_MILLI / ANALYSIS_MILLI;
	double floor_sd = ANALYSIS_SD_FLOOR_MILLI / ANALYSIS_MILLI;
	double s2, v_on, g_on, g_back, g_pause, nbar;
	size_t i;
	int windows;

	if (out == NULL)
		return -1;
	memset(out, 0, sizeof *out);
	if (in == NULL || (c == NULL && n > 0) ||
	    (in->off == NULL && in->noff > 0) || in->on_last < in->on_first ||
	    in->pause_last < in->pause_first ||
	    (in->back_last >= in->back_first &&
	     in->back_first <= in->pause_last))
		return -1;
	for (i = 1; i < n; i++)
		if (c[i].day <= c[i - 1].day)
			return -1;
	skip.start = in->off_first;
	skip.off = in->off;
	skip.noff = in->noff;

	pause_window(c, n, in->on_first, in->on_last, &skip, &on);
	pause_window(c, n,
		     (long long)in->pause_first + ANALYSIS_PAUSE_FADE_DAYS,
		     in->pause_last, &skip, &pause);
	pause_window(c, n, (long long)in->back_first + ANALYSIS_PAUSE_FADE_DAYS,
		     in->back_last, &skip, &back);
	out->pause_n = pause.n;
	out->pause_sum = pause.sum;
	out->back_n = back.n;
	out->back_sum = back.sum;
	out->on_n = on.n + back.n;
	out->on_sum = on.sum + back.sum;
	if (out->pause_n > 0)
		out->pause_mean = (double)out->pause_sum / out->pause_n;
	if (out->on_n > 0)
		out->on_mean = (double)out->on_sum / out->on_n;
	out->confirmation = ANALYSIS_CONFIRM_UNCLEAR;
	if (out->pause_n == 0 || out->on_n == 0)
		return 0;

	out->has_rise = 1;
	out->rise = (double)((long long)out->pause_sum * out->on_n -
			     (long long)out->on_sum * out->pause_n) /
		    ((double)out->pause_n * out->on_n);
	out->threshold =
	    threshold_points(out->pause_mean, ANALYSIS_MEANINGFUL_PCT,
			     ANALYSIS_MEANINGFUL_POINTS);
	/* lag1() over the windows pooled, their mean length as the series
	 * length of its bias correction. */
	windows = 1 + (pause.n > 0) + (back.n > 0);
	memset(&all, 0, sizeof all);
	all.n = on.n + pause.n + back.n;
	all.ss = on.ss + pause.ss + back.ss;
	all.lag = on.lag + pause.lag + back.lag;
	all.pairs = on.pairs + pause.pairs + back.pairs;
	nbar = (double)all.n / windows;
	{
		/* lag1() takes its windows' mean length as (a.n + b.n) / 2:
		 * all of them as one of 2 nbar ratings (the same variance)
		 * beside an empty one. */
		struct wstat one = all, none;

		memset(&none, 0, sizeof none);
		one.n = (int)lround(2 * nbar);
		one.ss = all.ss * one.n / all.n;
		out->r = lag1(&one, &none);
	}
	/* Each window pooled about its own mean. */
	s2 = all.n > windows ? all.ss / (all.n - windows) : 0;
	if (s2 < floor_sd * floor_sd)
		s2 = floor_sd * floor_sd;
	out->sd = sqrt(s2);
	/* The days on it are two stretches a pause apart: the variance of
	 * their mean is that of each, weighted by its days. */
	g_on = ar_factor(on.n, out->r);
	g_back = ar_factor(back.n, out->r);
	g_pause = ar_factor(pause.n, out->r);
	v_on =
	    (g_on * on.n + g_back * back.n) / ((double)out->on_n * out->on_n);
	out->se = sqrt(s2 * (g_pause / pause.n + v_on));
	out->lower = out->rise - z * out->se;
	out->upper = out->rise + zs * out->se;
	if (out->pause_n < ANALYSIS_PAUSE_MIN_CHECKINS ||
	    out->on_n < ANALYSIS_PAUSE_MIN_CHECKINS)
		return 0;
	if (rise_reaches(out) && out->lower > 0)
		out->confirmation = ANALYSIS_CONFIRMED;
	else if (out->upper < out->threshold)
		out->confirmation = ANALYSIS_NOT_CONFIRMED;
	return 0;
}

const char *
analysis_confirmation_name(enum analysis_confirmation c)
{
	switch (c) {
	case ANALYSIS_CONFIRM_NONE:
		return "";
	case ANALYSIS_CONFIRM_PENDING:
		return "pending";
	case ANALYSIS_CONFIRMED:
		return "confirmed";
	case ANALYSIS_NOT_CONFIRMED:
		return "not-confirmed";
	case ANALYSIS_CONFIRM_UNCLEAR:
		return "unclear";
	}
	return "";
}
