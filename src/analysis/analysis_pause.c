/* analysis_pause.c: the pause week's contrast, the days off a practice
 * against the days on it, read through the verdict's windows
 * (analysis_window.c).  See analysis.h and doc/verdicts.md section 14. */
#include "analysis.h"

#include <math.h>
#include <string.h>

#include "analysis_int.h"

/*
 * The pause week (analysis.h, doc/verdicts.md section 14).  Its windows
 * read the check-ins as the verdict's do, through analysis_window(), with off
 * as the days left out: an analysis_trial_in that carries nothing but them.
 */
static void
pause_window(const struct analysis_checkin *c, size_t n, long long lo,
	     long long hi, const struct analysis_trial_in *skip,
	     struct analysis_wstat *w)
{
	if (hi < lo)
		memset(w, 0, sizeof *w);
	else
		analysis_window(c, n, ANALYSIS_MEASURE_PAIN, lo, hi, skip, w);
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
	struct analysis_wstat on, pause, back, all;
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
	    analysis_threshold_points(out->pause_mean, ANALYSIS_MEANINGFUL_PCT,
				      ANALYSIS_MEANINGFUL_POINTS);
	/* analysis_lag1() over the windows pooled, their mean length as the
	 * series length of its bias correction. */
	windows = 1 + (pause.n > 0) + (back.n > 0);
	memset(&all, 0, sizeof all);
	all.n = on.n + pause.n + back.n;
	all.ss = on.ss + pause.ss + back.ss;
	all.lag = on.lag + pause.lag + back.lag;
	all.pairs = on.pairs + pause.pairs + back.pairs;
	nbar = (double)all.n / windows;
	{
		/* analysis_lag1() takes its windows' mean length as (a.n + b.n)
		 * / 2: all of them as one of 2 nbar ratings (the same variance)
		 * beside an empty one. */
		struct analysis_wstat one = all, none;

		memset(&none, 0, sizeof none);
		one.n = (int)lround(2 * nbar);
		one.ss = all.ss * one.n / all.n;
		out->r = analysis_lag1(&one, &none);
	}
	/* Each window pooled about its own mean. */
	s2 = all.n > windows ? all.ss / (all.n - windows) : 0;
	if (s2 < floor_sd * floor_sd)
		s2 = floor_sd * floor_sd;
	out->sd = sqrt(s2);
	/* The days on it are two stretches a pause apart: the variance of
	 * their mean is that of each, weighted by its days. */
	g_on = analysis_ar_factor(on.n, out->r);
	g_back = analysis_ar_factor(back.n, out->r);
	g_pause = analysis_ar_factor(pause.n, out->r);
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
