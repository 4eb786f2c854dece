/* analysis.c: the verdict, the numbers of the rule: the guards that pick
 * the reference, the two windows compared, a flare-up tool's sessions
 * (their words are in analysis_text.c; the windows' numbers in
 * analysis_window.c, the chance in analysis_chance.c); see analysis.h and
 * doc/verdicts.md. */
#include "analysis.h"

#include <limits.h>
#include <math.h>
#include <string.h>

#include "analysis_int.h"

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

/* NAP from the two windows' histograms: pairs where the judged day is
 * lower count 2, ties 1. */
static long long
nap_half(const struct analysis_wstat *a, const struct analysis_wstat *b)
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
compare(const struct analysis_wstat *a, const struct analysis_wstat *b,
	const struct spec *sp, struct analysis_change *x)
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

	x->r_own = analysis_own_lag1(a, b, &x->pairs);
	x->r = analysis_shrink_lag1(x->r_own, x->pairs, ANALYSIS_R_PRIOR_PAIRS);
	ga = analysis_ar_factor(a->n, x->r);
	gb = analysis_ar_factor(b->n, x->r);
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
	up = analysis_threshold_points(x->before_mean, sp->meaningful_pct,
				       sp->points);
	down = analysis_threshold_points(x->during_mean, sp->worse_pct,
					 sp->worse_points);
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
	return day >= t->start && day <= t->end && !analysis_off_day(t, day);
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

		if (!in_trial(t, s->day) ||
		    !analysis_valid_pain(s->pain_before) ||
		    !analysis_valid_pain(s->pain_after))
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
	double up =
	    analysis_threshold_points(x->before_mean, ANALYSIS_MEANINGFUL_PCT,
				      ANALYSIS_MEANINGFUL_POINTS);
	double down = analysis_threshold_points(
	    x->during_mean, ANALYSIS_WORSE_PCT, ANALYSIS_WORSE_POINTS);
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
	size_t i, j, from = analysis_first_from(c, n, lo);

	*cd = 0;
	*pairs = 0;
	for (i = from; i < n && c[i].day <= hi; i++) {
		if (!analysis_valid_pain(c[i].pain))
			continue;
		for (j = i + 1; j < n && c[j].day <= hi; j++) {
			if (!analysis_valid_pain(c[j].pain))
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
	struct analysis_wstat w;
	long long s = r->start, cd, pairs;

	analysis_window(c, n, ANALYSIS_MEASURE_PAIN, s - ANALYSIS_LONGRUN_DAYS,
			s - ANALYSIS_FLARE_DAYS - 1, NULL, &w);
	r->longrun_n = w.n;
	r->longrun_sum = w.sum;
	analysis_window(c, n, ANALYSIS_MEASURE_PAIN, s - ANALYSIS_FLARE_DAYS,
			s - 1, NULL, &w);
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
		analysis_window(c, n, ANALYSIS_MEASURE_PAIN,
				s - ANALYSIS_RECENT_DAYS, s - 1, NULL, &w);
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
	struct analysis_wstat a, b;

	if (!r->has_baseline) {
		r->verdict = VERDICT_NO_BASELINE;
		return;
	}
	if (analysis_trial_days_in(t, r->during_first, r->end) <
		ANALYSIS_DURING_DAYS ||
	    r->during_n < ANALYSIS_DURING_MIN_CHECKINS) {
		r->verdict = VERDICT_TOO_EARLY;
		return;
	}
	analysis_window(c, n, ANALYSIS_MEASURE_PAIN, r->ref_first, r->ref_last,
			NULL, &a);
	analysis_window(c, n, ANALYSIS_MEASURE_PAIN, r->during_first, r->end, t,
			&b);
	compare(&a, &b, &pain_spec, &r->pain);
	if (r->reference != ANALYSIS_REF_BASELINE) {
		analysis_window(c, n, ANALYSIS_MEASURE_PAIN,
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

	analysis_window(c, n, ANALYSIS_MEASURE_INTERFERENCE, r->ref_first,
			r->ref_last, NULL, &a);
	analysis_window(c, n, ANALYSIS_MEASURE_INTERFERENCE, r->during_first,
			r->end, t, &b);
	if (a.n < ANALYSIS_BEFORE_MIN_CHECKINS)
		r->interference.verdict = VERDICT_NO_BASELINE;
	else if (b.n < ANALYSIS_DURING_MIN_CHECKINS)
		r->interference.verdict = VERDICT_TOO_EARLY;
	else
		compare(&a, &b, &interference_spec, &r->interference);
}

/* The first day of the judged window: the first trial day after
 * settle_days of them, the days left out not counted (past the end, where
 * none is left out, as if the trial went on). */
static int
during_first(const struct analysis_trial_in *t)
{
	long long d = t->start;
	int settled = 0;

	while (settled < t->settle_days || analysis_off_day(t, d)) {
		if (!analysis_off_day(t, d))
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
	struct analysis_wstat w;
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
	r->days = (int)analysis_trial_days_in(t, t->start, t->end);
	r->off_days = t->end - t->start + 1 - r->days;
	r->settle_days = t->settle_days;
	r->flare_tool = t->flare_tool;
	if (analysis_valid_pain(usual_pain))
		r->usual_pain = usual_pain;

	analysis_window(c, n, ANALYSIS_MEASURE_PAIN,
			(long long)t->start - ANALYSIS_BEFORE_DAYS,
			(long long)t->start - 1, NULL, &w);
	r->baseline_n = w.n;
	r->baseline_sum = w.sum;
	r->has_baseline = w.n >= ANALYSIS_BEFORE_MIN_CHECKINS;
	guard(c, n, r);
	analysis_window(c, n, ANALYSIS_MEASURE_PAIN, r->ref_first, r->ref_last,
			NULL, &w);
	r->before_n = w.n;
	r->before_sum = w.sum;
	if (w.n > 0)
		r->before_mean = (double)w.sum / w.n;

	r->during_first = during_first(t);
	analysis_window(c, n, ANALYSIS_MEASURE_PAIN, r->during_first, t->end, t,
			&w);
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
	r->overlap_days = analysis_confounded_days(r, t);

	if (t->flare_tool)
		judge_sessions(r, before_sum);
	else
		judge_windows(c, n, t, r);
	if (r->has_change)
		analysis_chance_of(r);
	return 0;
}

int
analysis_helped(enum analysis_verdict v)
{
	return v == VERDICT_SUBSTANTIAL || v == VERDICT_MEANINGFUL;
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
