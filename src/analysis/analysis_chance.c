/* analysis_chance.c: the chance a trial helped, as a posterior over the
 * true change on a grid, the person's level integrated out; and its noise
 * for a verdict's days or sessions (analysis_chance_of(), called by
 * analysis.c).  See analysis.h and doc/verdicts.md. */
#include "analysis.h"

#include <math.h>
#include <string.h>

#include "analysis_int.h"

/* The normal distribution function from erfc(). */
#define SQRT2 1.41421356237309504880

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
		if (w0 < ANALYSIS_TINY && w1 < ANALYSIS_TINY) {
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
	out->helped_at = analysis_threshold_points(
	    in->ref_mean, ANALYSIS_MEANINGFUL_PCT, ANALYSIS_MEANINGFUL_POINTS);
	out->worse_at = analysis_threshold_points(
	    in->judged_mean, ANALYSIS_WORSE_PCT, ANALYSIS_WORSE_POINTS);
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
		double h = analysis_threshold_points(
		    in->ref_mean, ANALYSIS_MEANINGFUL_PCT,
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
	double r =
	    analysis_shrink_lag1(x->r_own, x->pairs, ANALYSIS_CHANCE_R_PAIRS);
	double own =
	    (x->before_n + x->during_n - 2) * (1 - r * r) / (1 + r * r);
	double prior = ANALYSIS_CHANCE_SD_MILLI / ANALYSIS_MILLI;
	double s2 =
	    (own * x->sd * x->sd + ANALYSIS_CHANCE_SD_DF * prior * prior) /
	    (own + ANALYSIS_CHANCE_SD_DF);

	*r_out = r;
	*sd_out = sqrt(s2);
	in->df = own + ANALYSIS_CHANCE_SD_DF;
	in->ref_var = s2 * analysis_ar_factor(x->before_n, r) / x->before_n;
	in->judged_var = s2 * analysis_ar_factor(x->during_n, r) / x->during_n;
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
void
analysis_chance_of(struct analysis_result *r)
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
