/* analysis_window.c: a window's ratings and their noise, the numbers every
 * judgement of analysis.c, analysis_chance.c and analysis_pause.c starts
 * from: which days a window holds, its sums and lag-1 products, the AR(1)
 * variance factor, the autocorrelation shrunk toward its prior, and the
 * threshold in points; the history's rolling weekly mean too.  See
 * analysis.h and doc/verdicts.md. */
#include "analysis.h"

#include <string.h>

#include "analysis_int.h"

int
analysis_valid_pain(int pain)
{
	return pain >= ANALYSIS_PAIN_MIN && pain <= ANALYSIS_PAIN_MAX;
}

static int
rating(const struct analysis_checkin *c, enum analysis_measure m)
{
	return m == ANALYSIS_MEASURE_PAIN ? c->pain : c->interference;
}

/* The first check-in on day or later (c sorted by day). */
size_t
analysis_first_from(const struct analysis_checkin *c, size_t n, long long day)
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

/* Whether day is one of t's days that are not trial days (t->off). */
int
analysis_off_day(const struct analysis_trial_in *t, long long day)
{
	return t != NULL && day >= t->start &&
	       day - t->start < (long long)t->noff && t->off[day - t->start];
}

/* The days of lo .. hi that are trial days, of t (NULL: every day). */
long long
analysis_trial_days_in(const struct analysis_trial_in *t, long long lo,
		       long long hi)
{
	long long d, n = hi >= lo ? hi - lo + 1 : 0;

	for (d = lo; t != NULL && t->noff > 0 && d <= hi; d++)
		n -= analysis_off_day(t, d);
	return n;
}

/* The window lo .. hi without the days that skip (NULL: none) leaves out
 * of its trial (the windows before a start have none). */
void
analysis_window(const struct analysis_checkin *c, size_t n,
		enum analysis_measure m, long long lo, long long hi,
		const struct analysis_trial_in *skip, struct analysis_wstat *w)
{
	size_t i, from = analysis_first_from(c, n, lo);
	double mean;
	int prev_day = 0, have_prev = 0;
	double prev_dev = 0;

	memset(w, 0, sizeof *w);
	for (i = from; i < n && c[i].day <= hi; i++) {
		int v = rating(&c[i], m);

		if (!analysis_valid_pain(v) || analysis_off_day(skip, c[i].day))
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
		if (!analysis_valid_pain(v) || analysis_off_day(skip, c[i].day))
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
double
analysis_ar_factor(int n, double r)
{
	double g = 1, rk = 1;
	int k;

	for (k = 1; k < n; k++) {
		rk *= r;
		if (rk < ANALYSIS_TINY)
			break;
		g += 2 * (1 - (double)k / n) * rk;
	}
	return g;
}

/* The smallest change, in points, that passes a threshold of pct or
 * points (the easier of the two). */
double
analysis_threshold_points(double mean, int pct, int points)
{
	double t = points;

	if (pct > 0 && mean > 0 && pct * mean / ANALYSIS_PCT_SCALE < t)
		t = pct * mean / ANALYSIS_PCT_SCALE;
	return t;
}

/*
 * The person's own lag-1 autocorrelation from both windows' deviations,
 * bias-corrected for short series (Marriott & Pope 1954: E r_hat ~ r -
 * (1 + 4r) / n); the prior when there are no pairs or no spread.  *pairs
 * is the number of pairs of consecutive days it was read from.
 */
double
analysis_own_lag1(const struct analysis_wstat *a,
		  const struct analysis_wstat *b, int *pairs)
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
double
analysis_shrink_lag1(double own, int pairs, int prior_pairs)
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
double
analysis_lag1(const struct analysis_wstat *a, const struct analysis_wstat *b)
{
	int pairs;
	double own = analysis_own_lag1(a, b, &pairs);

	return analysis_shrink_lag1(own, pairs, ANALYSIS_R_PRIOR_PAIRS);
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
		if (!analysis_valid_pain(c[i].pain))
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
