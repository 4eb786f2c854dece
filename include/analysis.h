/*
 * analysis: did an approach help?  Pure functions over plain arrays.
 *
 * Owns nothing.  Every function reads caller-owned arrays, writes into
 * caller-owned structs or buffers, allocates nothing, and does no I/O: no SQL,
 * no curses, no clock.  Days are int day numbers (days since 1970-01-01 in the
 * proleptic Gregorian calendar, as day.c produces them), so "today" and the
 * user's local calendar are the caller's business.
 *
 * The rule, for a trial that started on day S and ended on day E (E = today
 * while it runs), trial days = E - S + 1:
 *   before window  S-7 .. S-1; with fewer than 3 check-ins the usual-pain
 *                  rating from onboarding is the baseline, else no-baseline;
 *   during window  the last 7 days of the trial, max(S, E-6) .. E; a trial
 *                  shorter than 7 days or with fewer than 4 check-ins there
 *                  is too-early;
 *   change         before_mean - during_mean (positive: less pain),
 *                  change_pct = change / before_mean (0 when before_mean is 0);
 *   verdict        the first that applies: no-baseline, too-early,
 *                  substantial (>= 50%), meaningful (>= 30% or >= 2 points),
 *                  worse (<= -30% or <= -2 points), low-practice (adherence
 *                  below 50%), no-change.
 * Thresholds are compared in exact integer arithmetic on the sums, so a change
 * of exactly 30%, 50% or 2 points reaches its threshold.
 */
#ifndef BACKPAIN_ANALYSIS_H
#define BACKPAIN_ANALYSIS_H

#include <stddef.h>

#include "pain.h"

/* The 0-10 Numeric Rating Scale of pain intensity (GUIDE-FACTS.md 3): the
 * one scale of pain.h, under the names analysis' users know it by. */
#define ANALYSIS_PAIN_MIN PAIN_MIN
#define ANALYSIS_PAIN_MAX PAIN_MAX

/*
 * Window lengths in days.  Trials use a 7-day baseline diary, and one daily
 * rating is noisy (ICC about 0.65), so change is judged on 7-day means, never
 * on one day against another (GUIDE-FACTS.md 3).
 */
#define ANALYSIS_BEFORE_DAYS 7
#define ANALYSIS_DURING_DAYS 7
#define ANALYSIS_ROLLING_DAYS 7
/* A trial is judged only once its during window is complete. */
#define ANALYSIS_MIN_TRIAL_DAYS ANALYSIS_DURING_DAYS

/*
 * Check-ins needed in a window.  The mean of 5 or more daily ratings is
 * reliable (> 0.90; Jensen & McFarland 1993, Heapy 2014); the minimums 3
 * (before) and 4 (during) are the compromise with missed days, so the
 * explanation says when a mean rests on fewer than ANALYSIS_RELIABLE_CHECKINS.
 * A rolling mean needs at least one check-in in its 7 days.
 */
#define ANALYSIS_RELIABLE_CHECKINS 5
#define ANALYSIS_BEFORE_MIN_CHECKINS 3
#define ANALYSIS_DURING_MIN_CHECKINS 4
#define ANALYSIS_ROLLING_MIN_CHECKINS 1

/*
 * Clinically important change, in whole percent of the baseline mean and in
 * NRS points.  IMMPACT (Dworkin et al., J Pain 2008;9:105): 30% or more
 * moderately important, 50% or more substantial.  Farrar 2001 and the low back
 * pain consensus (Ostelo et al., Spine 2008): 2 points or 30%.  The same
 * thresholds, negated, mark a trial as worse.
 */
#define ANALYSIS_SUBSTANTIAL_PCT 50
#define ANALYSIS_MEANINGFUL_PCT 30
#define ANALYSIS_MEANINGFUL_POINTS 2
#define ANALYSIS_WORSE_PCT 30
#define ANALYSIS_WORSE_POINTS 2

/*
 * Below this share of trial days with a practice logged, an unchanged pain
 * says "not practised", not "did not help" (from the issue).
 */
#define ANALYSIS_LOW_PRACTICE_PCT 50

/* A pain rating that was not given (sessions, usual pain). */
#define ANALYSIS_NO_RATING (-1)

/* One daily check-in.  Ratings outside 0..10 are ignored. */
struct analysis_checkin {
	int day;
	int pain;
};

/* One practice session; pain_before/pain_after ANALYSIS_NO_RATING if absent. */
struct analysis_session {
	int day;
	int pain_before;
	int pain_after;
};

/* Another trial's days, start .. end inclusive (end = today while it runs). */
struct analysis_span {
	int start;
	int end;
};

/*
 * One trial of an approach.  practice_days are the days with a `--did` mark
 * for one of its practices; the days of its sessions count as practised too,
 * so they need not be repeated there.  Days outside start .. end and
 * duplicates are ignored.  others are the other trials (not this one), for the
 * overlap count.  Any array may be NULL when its count is 0.
 */
struct analysis_trial_in {
	int start;
	int end;
	int has_practices;
	const int *practice_days;
	size_t npractice_days;
	const struct analysis_session *sessions;
	size_t nsessions;
	const struct analysis_span *others;
	size_t nothers;
};

enum analysis_verdict {
	VERDICT_NO_BASELINE,
	VERDICT_TOO_EARLY,
	VERDICT_SUBSTANTIAL,
	VERDICT_MEANINGFUL,
	VERDICT_WORSE,
	VERDICT_LOW_PRACTICE,
	VERDICT_NO_CHANGE
};

/* Which threshold decided a substantial, meaningful or worse verdict. */
enum analysis_basis {
	ANALYSIS_BASIS_NONE,
	ANALYSIS_BASIS_PERCENT,
	ANALYSIS_BASIS_POINTS
};

/*
 * The judgement of one trial.  Means are valid when their flag or count says
 * so and are 0 otherwise; the sums are kept so that callers can show exact
 * figures.
 */
struct analysis_result {
	int start, end;
	int days; /* end - start + 1 */

	int before_n, before_sum; /* check-ins in the before window */
	int usual_pain;		  /* as given, or ANALYSIS_NO_RATING */
	int has_baseline;
	int baseline_from_onboarding; /* before_mean is usual_pain */
	double before_mean;

	int during_n, during_sum; /* check-ins in the during window */
	double during_mean;	  /* valid when during_n > 0 */

	int has_change;	   /* verdict is past too-early: change is valid */
	double change;	   /* before_mean - during_mean; > 0: less pain */
	double change_pct; /* change / before_mean; 0 when before_mean is 0 */
	enum analysis_basis basis;

	int has_adherence; /* the approach has practices */
	int practised_days;
	double adherence; /* practised_days / days */

	enum analysis_verdict verdict;

	/* Sessions in the trial with both ratings: pain_after - pain_before. */
	int immediate_n, immediate_sum;
	double immediate_mean; /* < 0: pain fell during sessions */

	int overlap_days; /* days shared with another trial */
};

/* One day of a chart: the mean of the check-ins in the 7 days ending on it. */
struct analysis_rolling {
	int day;
	int n, sum;   /* check-ins in the window and their sum */
	int has_mean; /* n >= ANALYSIS_ROLLING_MIN_CHECKINS */
	double mean;  /* 0 when !has_mean */
};

/*
 * Judge trial t against the check-ins c[0..n) (one per day, any order) and the
 * onboarding usual-pain rating (ANALYSIS_NO_RATING if none).  Returns 0, or -1
 * when t or out is NULL, end < start, or an array is NULL with a non-zero
 * count; *out is always set when out is not NULL (zeroed on error).
 */
int analysis_trial(const struct analysis_checkin *c, size_t n, int usual_pain,
		   const struct analysis_trial_in *t,
		   struct analysis_result *out);

/* Days in start .. end covered by at least one of others[0..n). */
int analysis_overlap_days(int start, int end,
			  const struct analysis_span *others, size_t n);

/* "no-baseline", "too-early", ...; "unknown" for a value out of range. */
const char *analysis_verdict_name(enum analysis_verdict v);

/*
 * Fill out[0..ndays) with the rolling mean of the days first, first+1, ...
 * from the check-ins c[0..n) in any order.
 */
void analysis_rolling_mean(const struct analysis_checkin *c, size_t n,
			   int first, size_t ndays,
			   struct analysis_rolling *out);

/*
 * Write into buf (size bytes, always terminated when size > 0) why r got its
 * verdict, in short factual words naming the threshold used, e.g.
 * "pain fell by 52% (threshold 50%), from 6.0 to 2.9".  Changes are shown
 * truncated toward zero, so a figure never reads as reaching a threshold it
 * missed.  Returns the length the whole text needs, as snprintf does.
 */
int analysis_explain(const struct analysis_result *r, char *buf, size_t size);

#endif
