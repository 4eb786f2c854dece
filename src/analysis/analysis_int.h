/*
 * analysis_int.h: what the files of src/analysis/ share and no other
 * module sees: the scales of analysis.h's constants and the exact change,
 * so that a sentence (analysis_text.c) shows the very fraction the verdict
 * (analysis.c) compared; a window's ratings and their noise
 * (analysis_window.c), which the verdict, the chance (analysis_chance.c)
 * and the pause (analysis_pause.c) read; the chance's noise and the
 * confounded days (analysis_overlap.c) the verdict asks for.  Calls go one
 * way: analysis_text.c -> analysis.c -> analysis_chance.c,
 * analysis_overlap.c -> analysis_window.c, and analysis_pause.c ->
 * analysis_window.c.
 */
#ifndef BACKPAIN_ANALYSIS_INT_H
#define BACKPAIN_ANALYSIS_INT_H

#include "analysis.h"

/* Percentages are compared as 100 * part against pct * whole. */
#define ANALYSIS_PCT_SCALE 100
/* Tenths of a point: ANALYSIS_FLARE_TENTHS, and changes shown to one
 * decimal. */
#define ANALYSIS_TENTHS 10
/* Constants and Kendall's tau kept in thousandths. */
#define ANALYSIS_MILLI 1000.0

/* A power of r or a density below this adds nothing the numbers could
 * show: the variance factor's powers, the chance's grid cells. */
#define ANALYSIS_TINY 1e-12

/* Which rating of a check-in a window reads. */
enum analysis_measure { ANALYSIS_MEASURE_PAIN, ANALYSIS_MEASURE_INTERFERENCE };

/*
 * One window's ratings: count, sum, the sum of squared deviations from its
 * own mean, and the lag-1 cross products of consecutive rated days.
 */
struct analysis_wstat {
	int n, sum;
	double ss, lag;
	int pairs;
	int hist[ANALYSIS_PAIN_MAX + 1];
};

/* The change before_mean - during_mean of x as an exact fraction: this
 * numerator over before_n * during_n. */
long long analysis_change_num(const struct analysis_change *x);

/* analysis_window.c */
int analysis_valid_pain(int pain);
/* The first check-in on day or later (c sorted by day). */
size_t analysis_first_from(const struct analysis_checkin *c, size_t n,
			   long long day);
/* Whether day is one of t's days that are not trial days (t->off). */
int analysis_off_day(const struct analysis_trial_in *t, long long day);
/* The days of lo .. hi that are trial days, of t (NULL: every day). */
long long analysis_trial_days_in(const struct analysis_trial_in *t,
				 long long lo, long long hi);
/* The window lo .. hi of measure m into *w, without the days skip (NULL:
 * none) leaves out. */
void analysis_window(const struct analysis_checkin *c, size_t n,
		     enum analysis_measure m, long long lo, long long hi,
		     const struct analysis_trial_in *skip,
		     struct analysis_wstat *w);
/* The AR(1) variance factor g of the mean of n days at lag-1 r. */
double analysis_ar_factor(int n, double r);
/* The smallest change, in points, that passes pct or points. */
double analysis_threshold_points(double mean, int pct, int points);
/* The person's own lag-1 autocorrelation of windows a and b, bias
 * corrected; *pairs: how many pairs it was read from (0: the prior). */
double analysis_own_lag1(const struct analysis_wstat *a,
			 const struct analysis_wstat *b, int *pairs);
/* An own lag-1 estimate from pairs pairs, shrunk toward the prior with
 * the weight of prior_pairs, and bounded. */
double analysis_shrink_lag1(double own, int pairs, int prior_pairs);
/* The verdict's lag-1 autocorrelation of windows a and b. */
double analysis_lag1(const struct analysis_wstat *a,
		     const struct analysis_wstat *b);

/* analysis_chance.c: r's chance it helped, from its pain change. */
void analysis_chance_of(struct analysis_result *r);

/* analysis_overlap.c: the days of r's two compared windows a confounding
 * other trial of t covers. */
int analysis_confounded_days(const struct analysis_result *r,
			     const struct analysis_trial_in *t);

#endif
