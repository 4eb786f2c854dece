/*
 * analysis: did an approach help?  Pure functions over plain arrays.
 *
 * Owns nothing.  Every function reads caller-owned arrays, writes into
 * caller-owned structs or buffers, allocates nothing, and does no I/O: no SQL,
 * no curses, no clock.  Days are int day numbers (days since 1970-01-01 in the
 * proleptic Gregorian calendar, as day.c produces them), so "today" and the
 * user's local calendar are the caller's business.
 *
 * One module in files by job: analysis.c holds the verdict (guards,
 * thresholds, verdicts, and their stable names such as "no-baseline",
 * which JSON and the report carry) over analysis_window.c (windows, means,
 * autocorrelation, the rolling mean), analysis_chance.c (the chance it
 * helped), analysis_overlap.c (overlap) and analysis_pause.c (the pause
 * week's contrast); analysis_text.c holds their English,
 * analysis_explain().  The words call the numbers, never the other way;
 * what the files share beyond this header (the exact change, a window's
 * numbers, the scales of the constants) is in
 * src/analysis/analysis_int.h.
 *
 * The rule (doc/verdicts.md has it with every formula), for a trial that
 * started on day S and ended on day E (E = today while it runs):
 *   baseline       the daily ratings of S-14 .. S-1, at least 5 of them;
 *                  a recalled usual-pain rating is never a baseline, only
 *                  context;
 *   guards         started in a flare: the mean of S-3 .. S-1 is 2 points
 *                  or more above the longer-run level (the mean of
 *                  S-28 .. S-4), and then the trial is judged against that
 *                  level; already falling: Kendall's tau of the baseline
 *                  against the day is -0.7 or lower, and then the trial is
 *                  judged against the last 7 days before the start; with a
 *                  guard a verdict must hold against the baseline too;
 *   judged window  S + settle_days .. E, at least 7 days and 5 ratings,
 *                  else too-early; days that are not trial days (off:
 *                  on hold) are left out of the trial and its windows;
 *   change         reference mean - judged mean (positive: less pain), with
 *                  a standard error from the pooled day-to-day variance and
 *                  the lag-1 autocorrelation (effective sample sizes);
 *   verdict        helped (substantial >= 50%, meaningful >= 30% or >= 2
 *                  points) or worse (>= 2 points or 30% of the judged mean
 *                  higher) only when the change is also more than 0.842 SE
 *                  from zero; low-practice when neither and adherence
 *                  < 50%; no-change when change +- 1.645 SE lies inside
 *                  the thresholds; else unclear, with about how many more
 *                  rated days would settle it.
 * Flare-up tools (struct analysis_trial_in.flare_tool) are judged by their
 * sessions instead: the paired change from before to after.
 * Beside the verdict, never changing it, the chance it helped: with a
 * normal prior on the true change and a noise model that allows for the
 * uncertainty of the person's own r and SD and of their level, the
 * probabilities that it lowered pain at all, by the helped threshold, or
 * raised it by the worse threshold (analysis_chance()).
 * Threshold comparisons are exact integer arithmetic on the sums, so a
 * change of exactly 30%, 50% or 2 points reaches its threshold; the noise
 * test is in double precision.
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
 * The baseline: up to 14 days of daily ratings before the start (issue 10;
 * trials use a 7-day baseline diary, and two weeks halve the noise of a
 * mean of autocorrelated days), at least 5 of them: the mean of 5 or more
 * daily ratings is reliable (> 0.90; Jensen & McFarland 1993, Heapy 2014).
 */
#define ANALYSIS_BEFORE_DAYS 14
#define ANALYSIS_BEFORE_MIN_CHECKINS 5
#define ANALYSIS_RELIABLE_CHECKINS 5

/*
 * Regression to the mean (Whitney & Von Korff 1992; GUIDE-FACTS.md 3.1).
 * The longer-run level is the mean of S-28 .. S-4 (at least 5 ratings); a
 * start in a flare is a mean of the last 3 days before the start (at least
 * 2 ratings) 2 points or more above it, in tenths of a point: the issue
 * calls a start 1.5 above the true usual level a flare start, and 0.5 more
 * allows for the longer-run level being itself an estimate.
 */
#define ANALYSIS_LONGRUN_DAYS 28
#define ANALYSIS_LONGRUN_MIN_CHECKINS 5
#define ANALYSIS_FLARE_DAYS 3
#define ANALYSIS_FLARE_MIN_CHECKINS 2
#define ANALYSIS_FLARE_TENTHS 20
/*
 * Pain already falling: Kendall's tau of the baseline ratings against the
 * day at or below -0.7 (in percent), over at least 7 ratings (the Tau-U
 * idea, Parker 2011); then the reference is the last 7 days before the
 * start.
 */
#define ANALYSIS_FALLING_TAU_PCT 70
#define ANALYSIS_FALLING_MIN_CHECKINS 7
#define ANALYSIS_RECENT_DAYS 7

/*
 * The judged window: the trial's days after a settling-in period (the
 * pack's settle_days, default 7: most approaches take a week or more to
 * act, and the first days still carry what came before), at least 7 days
 * long with 5 ratings (as the baseline).
 */
#define ANALYSIS_SETTLE_DAYS 7
#define ANALYSIS_SETTLE_DAYS_MAX 60
#define ANALYSIS_DURING_DAYS 7
#define ANALYSIS_DURING_MIN_CHECKINS 5
/* The chart's rolling mean: 7 days, at least one rating. */
#define ANALYSIS_ROLLING_DAYS 7
#define ANALYSIS_ROLLING_MIN_CHECKINS 1

/*
 * Clinically important change, in whole percent of the reference mean and
 * in NRS points.  IMMPACT (Dworkin et al., J Pain 2008;9:105): 30% or more
 * moderately important, 50% or more substantial.  Farrar 2001 and the low
 * back pain consensus (Ostelo et al., Spine 2008): 2 points or 30%.  The
 * same thresholds, negated, mark a trial as worse.  Interference: a 1-point
 * change is minimally important (PEG, Krebs et al. 2009).
 */
#define ANALYSIS_SUBSTANTIAL_PCT 50
#define ANALYSIS_MEANINGFUL_PCT 30
#define ANALYSIS_MEANINGFUL_POINTS 2
#define ANALYSIS_WORSE_PCT 30
#define ANALYSIS_WORSE_POINTS 2
#define ANALYSIS_INTERFERENCE_POINTS 1

/*
 * The noise.  A change that passes its threshold is called only when it is
 * also more than z = 0.842 standard errors from zero (its one-sided 80%
 * bound is past zero); the two together keep false calls at or under 5%
 * each way on the simulated people (doc/verdicts.md).  No change is
 * claimed only when the 90% interval, change -+ 1.645 SE, lies inside the
 * thresholds.  Lag-1 autocorrelation r is the person's own, bias-corrected
 * (Marriott & Pope 1954) and shrunk toward 0.55 (the middle of the 0.4-0.7
 * of diary studies, GUIDE-FACTS.md 3.1) with the weight of 10 pairs of
 * days, and kept in 0.3 .. 0.85; the day-to-day SD is at least half a point
 * (whole-number ratings hide up to that).  Values in thousandths.
 */
#define ANALYSIS_Z_MILLI 842
#define ANALYSIS_Z_SAME_MILLI 1645
#define ANALYSIS_R_PRIOR_MILLI 550
#define ANALYSIS_R_PRIOR_PAIRS 10
#define ANALYSIS_R_MIN_MILLI 300
#define ANALYSIS_R_MAX_MILLI 850
#define ANALYSIS_SD_FLOOR_MILLI 500
/*
 * The chance it helped (doc/verdicts.md section 7): a prior on the true
 * change (the mean change over the judged window) centred on no change,
 * of SD tau = 2.0 points, times the likelihood of the change seen.
 * Weakly sceptical: it holds a true change of 2 points or more either way
 * to one trial in three, and of 4 or more to one in twenty.  Chosen on the
 * simulation (tests/sim) among the 1.5 .. 2.5 points the issue allows:
 * with the noise below and the level's uncertainty, each is as well
 * calibrated as a perfect chance when the true changes follow it (the
 * worst tenth of chance_helped 0.041 .. 0.043 from its middle on average
 * over fifteen seeds), and the middle of the range is the least wrong
 * when they follow another (over eight seeds, its worst tenth is 0.10 off
 * on average if the true spread is 1.5 and 0.08 if it is 2.5, where 1.75
 * is 0.105 off at 2.5 and 2.25 is 0.13 off at 1.5).  In thousandths.
 */
#define ANALYSIS_PRIOR_SD_MILLI 2000
/*
 * The chance's noise.  The verdict's SE comes from the person's own lag-1
 * autocorrelation r and day-to-day SD, read from a few weeks of days, and
 * varies from trial to trial far more than the true error does (0.4 to
 * 2.1 points against about 1 on the simulated people): a chance built on
 * it is too sure when the SE came out low and too doubtful when high, 0.1
 * off in the middle tenths.  So the chance shrinks both toward the
 * population's values, with weights that give the person's own days more
 * say as they add up (empirical Bayes), and carries what is left of the
 * SD's uncertainty as a Student t likelihood with the degrees of freedom
 * of both:
 *   r toward ANALYSIS_R_PRIOR_MILLI with the weight of 200 pairs of days:
 *     the empirical Bayes weight for the simulated people, whose r lies in
 *     0.5 .. 0.7 (SD 0.06: (1 - 0.55^2) / 0.06^2 = about 200; the 0.4 ..
 *     0.7 of diary studies, GUIDE-FACTS.md 3, would give about 120); on
 *     the simulation 100 .. 400 pairs did about as well, 40 clearly worse;
 *   the day-to-day variance toward 1.3 points squared (the simulated
 *     people's typical SD) with the weight of 20 degrees of freedom, about
 *     five weeks of the person's own days: between the empirical Bayes
 *     weights of 12 and 50 that the 1 .. 1.5 points of diary studies
 *     (GUIDE-FACTS.md 3) give if they hold two people in three or
 *     nineteen in twenty.  The simulated people are more alike than that,
 *     and on them a weight of 100 did a little better (the worst tenth
 *     0.055 from its middle on average over fifteen seeds, against
 *     0.059); but the weight stands for how much people differ, and 100
 *     would let a month of a person's own days count for a seventh of
 *     their SD, where 20 lets it count for nearly half.
 * The verdict keeps its own r and SD.  In thousandths and units.
 */
#define ANALYSIS_CHANCE_R_PAIRS 200
#define ANALYSIS_CHANCE_SD_MILLI 1300
#define ANALYSIS_CHANCE_SD_DF 20

/*
 * The pause week (issue 21; doc/verdicts.md section 14): a trial that seems
 * to help is stopped for some days (the pack's pause_days, 7 by default)
 * and then resumed for as many; one contrast, the pain in the pause
 * against the trial's judged window and the days back together, judged
 * with the verdict's noise model (pooled SD, the person's lag-1
 * autocorrelation, effective sample sizes).
 *   fade     the first ANALYSIS_PAUSE_FADE_DAYS days of the pause and of
 *            the days back are not judged: the time an effect takes to
 *            fade when stopped and to return when taken up again.  Two:
 *            on the simulation (tests/sim, an effect that fades within 3
 *            days and returns within 3, 7 days each way; 20,000 people,
 *            z 1.645) 1 day confirmed 71.3% of 3-point effects, 2 days
 *            73.1%, 3 days 64.5% (too few days left to judge); no effect
 *            3.5%, 4.2%, 4.7%; a fall on its own 6.0%, 6.7%, 6.9%.  2
 *            leaves the widest margin over the 70% asked, with the others
 *            under their 5% and 8% (doc/verdicts.md has the table).
 *   confirmed      the pain rose in the pause by the helped threshold (2
 *            points or 30% of the pause's mean: the pause is the level
 *            off the approach, as the baseline is before it) and the rise
 *            is more than z = ANALYSIS_PAUSE_Z_MILLI SE from zero;
 *   not-confirmed  the rise + 1.645 SE is below that threshold: the pain
 *            clearly did not come back by a meaningful amount;
 *   unclear  otherwise, or with fewer than ANALYSIS_PAUSE_MIN_CHECKINS
 *            ratings in the judged pause or in the judged days on it.
 * z is one-sided 95% (1.645), stricter than the verdict's 0.842: the
 * judged pause is 5 days, whose mean one unrecorded flare-up can lift by
 * a point; with z 1.282 and 2 days, no effect was confirmed in 5.6% and a
 * fall on its own in 10.4%.  In thousandths.
 */
#define ANALYSIS_PAUSE_FADE_DAYS 2
#define ANALYSIS_PAUSE_Z_MILLI 1645
#define ANALYSIS_PAUSE_MIN_CHECKINS 3

/* "About N more rated days": beyond this, more days will not settle it. */
#define ANALYSIS_MORE_DAYS_MAX 90

/*
 * Below this share of trial days with a practice logged, an unchanged pain
 * says "not practised", not "did not help".
 */
#define ANALYSIS_LOW_PRACTICE_PCT 50

/*
 * Flare-up tools: judged by at least 4 sessions rated before and after (two
 * days of twice-daily sessions, the guide's use of the mat); a session
 * with 2 or more points of relief counts as relieving (Farrar 2001).
 */
#define ANALYSIS_SESSIONS_MIN 4
#define ANALYSIS_RELIEF_POINTS 2

/* A pain rating that was not given (sessions, usual pain, interference). */
#define ANALYSIS_NO_RATING (-1)

/*
 * One daily check-in.  Ratings outside 0..10 are ignored.  interference is
 * ANALYSIS_NO_RATING when not asked.
 */
struct analysis_checkin {
	int day;
	int pain;
	int interference;
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
 * duplicates are ignored.  others are the other trials (not this one) that
 * may meet its windows, S-28 .. E, for the overlap count.  Any array may be
 * NULL when its count is 0.  settle_days is the pack's (0 ..
 * ANALYSIS_SETTLE_DAYS_MAX); flare_tool judges by sessions.
 *
 * off marks the days of start .. end that are not trial days (the caller
 * says which: backpain leaves out the days on hold for safety): off[i]
 * nonzero for day start + i, i < noff; later days count.  Such a day is
 * not one of the trial's days, nor of its settling-in days (the judged
 * window begins after settle_days trial days), nor of the judged window
 * (its ratings, its length and its overlap), nor a practised day, and
 * its sessions are not judged.  The windows before the start are not
 * changed.  With noff 0 every day counts.
 */
struct analysis_trial_in {
	int start;
	int end;
	int settle_days;
	int flare_tool;
	int has_practices;
	const int *practice_days;
	size_t npractice_days;
	const struct analysis_session *sessions;
	size_t nsessions;
	const struct analysis_span *others;
	size_t nothers;
	const unsigned char *off;
	size_t noff;
};

enum analysis_verdict {
	VERDICT_NO_BASELINE,
	VERDICT_TOO_EARLY,
	VERDICT_SUBSTANTIAL,
	VERDICT_MEANINGFUL,
	VERDICT_WORSE,
	VERDICT_LOW_PRACTICE,
	VERDICT_NO_CHANGE,
	VERDICT_UNCLEAR
};

/* Which threshold decided a substantial, meaningful or worse verdict. */
enum analysis_basis {
	ANALYSIS_BASIS_NONE,
	ANALYSIS_BASIS_PERCENT,
	ANALYSIS_BASIS_POINTS
};

/* What the judged window is compared with. */
enum analysis_reference {
	ANALYSIS_REF_BASELINE, /* S-14 .. S-1 */
	ANALYSIS_REF_LONGRUN,  /* S-28 .. S-4: the start was in a flare */
	ANALYSIS_REF_RECENT    /* S-7 .. S-1: pain was already falling */
};

/*
 * One measure (pain or interference) compared between the reference window
 * (before_*) and the judged window (during_*).  Valid when has_change.
 */
struct analysis_change {
	int before_n, before_sum;
	int during_n, during_sum;
	double before_mean, during_mean;
	int has_change;
	double change; /* before_mean - during_mean: > 0, less */
	double sd;     /* day-to-day SD, pooled over both windows */
	double r;      /* lag-1 autocorrelation used */
	/* The person's own lag-1 estimate (bias-corrected, before shrinking;
	 * the prior when there are no pairs) and its pairs of days: the
	 * chance shrinks it its own way (ANALYSIS_CHANCE_R_PAIRS). */
	double r_own;
	int pairs;
	double neff_before, neff_during; /* effective sample sizes */
	double se;			 /* standard error of change */
	double lower, upper;		 /* change -+ z * se */
	/* NAP: pairs (before day, judged day) with less in the judged day,
	 * ties half: nap = nap_half / (2 * before_n * during_n). */
	long long nap_half;
	double nap;
	/* For an unclear verdict: about how many more rated days in the
	 * judged window would settle it; -1 when more days cannot. */
	int more_days;
	enum analysis_verdict verdict; /* interference: MEANINGFUL = less */
	enum analysis_basis basis;
};

/*
 * What the chance it helped is computed from (analysis_chance()).  The
 * person's level L (their mean pain before, off the approach) and the
 * true change delta (positive: less pain); the reference mean reads L and
 * the judged mean L - delta, each with noise of the variance given (0:
 * read without noise).  The change seen, d = ref_mean - judged_mean, has a
 * likelihood of scale s = sqrt(ref_var + judged_var): Student's t with df
 * degrees of freedom, (d - delta) / s ~ t_df, or normal when df is 0.
 * delta has the prior N(0, tau^2), cut to -10 .. 10 (a mean change of 0-10
 * ratings lies there); L has none (any level is as likely before the
 * ratings), so given delta it is normal about the two means' weighted
 * mean.
 */
struct analysis_chance_in {
	double ref_mean, judged_mean; /* 0 .. 10 */
	double ref_var, judged_var;   /* the noise variance of each, >= 0 */
	double df;		      /* the likelihood's; 0: normal */
	double tau;		      /* the prior's SD, points, > 0 */
};

/*
 * The chance the approach helped.  Helped is the verdict's threshold in
 * the truth: delta >= min(2 points, 30% of L); worse, -delta >= min(2
 * points, 30% of L - delta, the level during).  Where the percent part
 * decides, it rests on L, which the reference mean tells only up to its
 * noise: the chances allow for that (doc/verdicts.md section 7).  The
 * posterior of delta is summed on a fixed grid in steps of 0.01 points,
 * to within 2e-4 of each chance.  With no noise at all, delta is d itself
 * and each chance is 0 or 1.
 */
struct analysis_chance {
	struct analysis_chance_in in; /* what it was computed from */
	double se;		      /* the likelihood's scale s */
	double r, day_sd; /* what the variances were built from (days) */
	double mean, sd;  /* the posterior of the true change */
	/* The verdict's thresholds at the means seen, in points, > 0: min(2,
	 * 30% of ref_mean) for helped, min(2, 30% of judged_mean) for worse
	 * (a mean of 0 leaves 2). */
	double helped_at, worse_at;
	double lower;  /* P(true change > 0): it lowered pain at all */
	double helped; /* P(true change reached the helped threshold) */
	double worse;  /* P(true rise reached the worse threshold) */
};

/*
 * The judgement of one trial.  Means are valid when their flag or count says
 * so and are 0 otherwise; the sums are kept so that callers can show exact
 * figures.  The before_* and during_* fields are those of pain.
 */
struct analysis_result {
	int start, end;
	int days;     /* its trial days: end - start + 1 - off_days */
	int off_days; /* days of start .. end that are not (off) */
	int settle_days;
	int flare_tool;

	/* S-14 .. S-1, the baseline window, and its Kendall tau in
	 * thousandths (0 with fewer than 2 ratings). */
	int baseline_n, baseline_sum;
	int tau_milli;
	/* The regression-to-the-mean guard. */
	int longrun_n, longrun_sum; /* S-28 .. S-4 */
	int flare_n, flare_sum;	    /* S-3 .. S-1 */
	int started_in_flare;
	int already_falling;
	enum analysis_reference reference;
	int ref_first, ref_last; /* the reference window's days */
	int usual_pain;		 /* context only: as given, or NO_RATING */

	int has_baseline;
	int before_n, before_sum; /* the reference window's pain */
	double before_mean;

	int during_first;	  /* S + settle_days, after the days off */
	int during_n, during_sum; /* the judged window's pain */
	double during_mean;	  /* valid when during_n > 0 */

	int has_change;	   /* past too-early: change and pain are valid */
	double change;	   /* before_mean - during_mean; > 0: less pain */
	double change_pct; /* change / before_mean; 0 when before_mean is 0 */
	enum analysis_basis basis;
	struct analysis_change pain;
	/* Pain against the whole baseline when a guard picked another
	 * reference (reference != ANALYSIS_REF_BASELINE), else unset. */
	struct analysis_change baseline_change;
	struct analysis_change interference; /* has_change 0: not judged */

	int has_adherence; /* the approach has practices */
	int practised_days;
	double adherence; /* practised_days / days */

	enum analysis_verdict verdict;

	/* Sessions in the trial with both ratings: pain_after - pain_before. */
	int immediate_n, immediate_sum;
	double immediate_mean; /* < 0: pain fell during sessions */
	long long immediate_sumsq;
	double immediate_se;	/* SD of the differences / sqrt(n); n >= 2 */
	int immediate_relieved; /* sessions with >= 2 points of relief */

	/* Days of the two compared windows covered by another trial that
	 * analysis_confounds() counts. */
	int overlap_days;

	/* Set with has_change: the chance it helped, from pain's reference
	 * and judged means, the prior of SD ANALYSIS_PRIOR_SD_MILLI and the
	 * verdict's thresholds in the truth (struct analysis_chance).  Its
	 * noise: for days, the variances of the two means by the verdict's
	 * formula with r and the day-to-day variance shrunk toward the
	 * population's (ANALYSIS_CHANCE_*), df = their effective degrees of
	 * freedom; for a flare-up tool, the sessions' paired SE (their SD at
	 * least ANALYSIS_SD_FLOOR_MILLI) with n - 1 degrees of freedom, all
	 * of it the change's (the pain before each session is rated, not
	 * estimated: ref_var 0). */
	int has_chance;
	struct analysis_chance chance;
};

/* One day of a chart: the mean of the check-ins in the 7 days ending on it. */
struct analysis_rolling {
	int day;
	int n, sum;   /* check-ins in the window and their sum */
	int has_mean; /* n >= ANALYSIS_ROLLING_MIN_CHECKINS */
	double mean;  /* 0 when !has_mean */
};

/*
 * Judge trial t against the check-ins c[0..n), oldest first, at most one a
 * day; usual_pain (ANALYSIS_NO_RATING if none) is kept as context only.
 * Returns 0, or -1 when t or out is NULL, end < start, the check-ins are
 * not in strictly increasing days, settle_days is out of range, or an
 * array is NULL with a non-zero count; *out is always set when out is not
 * NULL (zeroed on error).
 */
int analysis_trial(const struct analysis_checkin *c, size_t n, int usual_pain,
		   const struct analysis_trial_in *t,
		   struct analysis_result *out);

/*
 * Whether another trial o counts against attributing r's change to r's
 * approach: it started, stopped or ran in one of the two compared windows
 * (reference and judged) and not the other.  One kept through both (a
 * habit) does not, nor the plan's handover (o stopped on r's first day or
 * the day before, or started on r's last day or the day after), nor
 * anything beside a flare-up tool, whose sessions compare pain minutes
 * apart.  r is a result of analysis_trial().
 */
int analysis_confounds(const struct analysis_result *r,
		       const struct analysis_span *o);

/* Days in start .. end covered by at least one of others[0..n). */
int analysis_overlap_days(int start, int end,
			  const struct analysis_span *others, size_t n);

/*
 * The chances that the true change was above 0, reached the helped
 * threshold and reached the worse threshold, given in (struct
 * analysis_chance_in).  Returns 0, or -1 (out zeroed) when in or out is
 * NULL, a value is not finite, a mean or a variance is negative, df < 0
 * or tau <= 0.
 */
int analysis_chance(const struct analysis_chance_in *in,
		    struct analysis_chance *out);

/*
 * A chance (0..1) in whole hundredths, 0 .. ANALYSIS_CHANCE_SCALE, rounded
 * half away from zero: the one rounding that the figures (two decimals)
 * and the words (tenths) share.
 */
#define ANALYSIS_CHANCE_SCALE 100
int analysis_chance_pct(double p);

/*
 * The pause week's contrast.  The windows are day numbers, inclusive: on
 * the trial's judged window as of the pause (the verdict's during_first ..
 * the day before the pause), pause the days paused, back the days back on
 * it (back_last < back_first: none yet, or the trial ended in the pause).
 * off marks days left out of every window (the days the trial's off left
 * out, and the recorded days of a flare-up in the pause): off[i] nonzero
 * for day off_first + i, i < noff.  The first ANALYSIS_PAUSE_FADE_DAYS of
 * the pause and of back are not judged.
 */
struct analysis_pause_in {
	int on_first, on_last;
	int pause_first, pause_last;
	int back_first, back_last;
	const unsigned char *off;
	int off_first;
	size_t noff;
};

enum analysis_confirmation {
	ANALYSIS_CONFIRM_NONE,	  /* no pause taken */
	ANALYSIS_CONFIRM_PENDING, /* paused, or back fewer days than paused */
	ANALYSIS_CONFIRMED,	  /* pain rose clearly in the pause */
	ANALYSIS_NOT_CONFIRMED,	  /* it clearly did not rise enough */
	ANALYSIS_CONFIRM_UNCLEAR, /* the noise cannot tell */
};

struct analysis_pause {
	enum analysis_confirmation confirmation;
	int pause_n, pause_sum; /* the judged pause's ratings */
	int on_n, on_sum;	/* the judged window's and the days back's */
	int back_n, back_sum;	/* of those, the days back's */
	double pause_mean, on_mean; /* valid with their n > 0 */
	int has_rise;		    /* both have ratings: the fields below */
	double rise;		    /* pause_mean - on_mean: > 0, it rose */
	double threshold;	    /* min(2 points, 30% of pause_mean) */
	double sd, r, se;	    /* as struct analysis_change */
	double lower, upper; /* rise - z se, rise + 1.645 se (z: the pause's) */
};

/*
 * Judges a pause from the check-ins c[0..n), oldest first, at most one a
 * day; sets out->confirmation to CONFIRMED, NOT_CONFIRMED or
 * CONFIRM_UNCLEAR (the caller says NONE and PENDING).  Returns 0, or -1
 * (out zeroed) when in or out is NULL, a window is reversed (back may be
 * empty), the check-ins are not in increasing days, or off is NULL with
 * noff > 0.
 */
int analysis_pause(const struct analysis_checkin *c, size_t n,
		   const struct analysis_pause_in *in,
		   struct analysis_pause *out);
/* "confirmed", "not-confirmed", "unclear", "pending"; "" for NONE. */
const char *analysis_confirmation_name(enum analysis_confirmation);

/* "no-baseline", "too-early", ...; "unknown" for a value out of range. */
const char *analysis_verdict_name(enum analysis_verdict v);

/* Whether v says the approach helped (substantial or meaningful). */
int analysis_helped(enum analysis_verdict v);

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
