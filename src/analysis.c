/* analysis.c: windows, means, adherence and verdicts; see analysis.h. */
#include "analysis.h"

#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

/* Percentages are compared as 100 * part against pct * whole. */
#define PCT_SCALE 100
/* Changes in points are shown to one decimal: tenths of a point. */
#define TENTHS 10

/* A pain rating that counts: on the 0-10 scale. */
static int
valid_pain(int pain)
{
	return pain >= ANALYSIS_PAIN_MIN && pain <= ANALYSIS_PAIN_MAX;
}

/* Count and sum the valid check-ins on days lo .. hi. */
static void
window(const struct analysis_checkin *c, size_t n, long long lo, long long hi,
       int *count, int *sum)
{
	size_t i;

	*count = 0;
	*sum = 0;
	for (i = 0; i < n; i++) {
		if (c[i].day < lo || c[i].day > hi || !valid_pain(c[i].pain))
			continue;
		(*count)++;
		*sum += c[i].pain;
	}
}

static int
in_trial(const struct analysis_trial_in *t, int day)
{
	return day >= t->start && day <= t->end;
}

/*
 * The i-th practised day candidate: --did marks first, then session days.
 * Counting distinct ones by looking back keeps the function free of
 * allocation; the arrays are a few hundred entries at most.
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

static void
immediate(const struct analysis_trial_in *t, struct analysis_result *r)
{
	size_t i;

	for (i = 0; i < t->nsessions; i++) {
		const struct analysis_session *s = &t->sessions[i];

		if (!in_trial(t, s->day) || !valid_pain(s->pain_before) ||
		    !valid_pain(s->pain_after))
			continue;
		r->immediate_n++;
		r->immediate_sum += s->pain_after - s->pain_before;
	}
	if (r->immediate_n > 0)
		r->immediate_mean = (double)r->immediate_sum / r->immediate_n;
}

/*
 * The baseline as a fraction sum / n: the before window's check-ins, or the
 * usual-pain rating over 1.
 */
static void
baseline(const struct analysis_result *r, long long *sum, long long *n)
{
	if (r->baseline_from_onboarding) {
		*sum = r->usual_pain;
		*n = 1;
	} else {
		*sum = r->before_sum;
		*n = r->before_n;
	}
}

/*
 * change = bs/bn - ds/dn = num / (bn * dn), and change_pct = num / (bs * dn).
 * Everything below compares these numerators in integers, exactly.
 */
static long long
change_num(const struct analysis_result *r)
{
	long long bs, bn;

	baseline(r, &bs, &bn);
	return bs * r->during_n - (long long)r->during_sum * bn;
}

/* Whether change_pct >= pct / 100 (pct may be negative: <= when negative). */
static int
pct_reaches(const struct analysis_result *r, int pct)
{
	long long bs, bn, num = change_num(r);

	baseline(r, &bs, &bn);
	if (bs == 0)
		return 0; /* change_pct is 0 by the rule */
	if (pct >= 0)
		return PCT_SCALE * num >= pct * bs * r->during_n;
	return PCT_SCALE * num <= pct * bs * r->during_n;
}

/* Whether change >= points (points may be negative: <= when negative). */
static int
points_reach(const struct analysis_result *r, int points)
{
	long long bs, bn, num = change_num(r);

	baseline(r, &bs, &bn);
	if (points >= 0)
		return num >= points * bn * r->during_n;
	return num <= points * bn * r->during_n;
}

static void
judge(struct analysis_result *r)
{
	long long bs, bn, num;

	if (!r->has_baseline) {
		r->verdict = VERDICT_NO_BASELINE;
		return;
	}
	if (r->days < ANALYSIS_MIN_TRIAL_DAYS ||
	    r->during_n < ANALYSIS_DURING_MIN_CHECKINS) {
		r->verdict = VERDICT_TOO_EARLY;
		return;
	}

	/* From the exact fractions: one rounding, so 3/10 is the double 0.3. */
	baseline(r, &bs, &bn);
	num = change_num(r);
	r->has_change = 1;
	r->change = (double)num / (double)(bn * r->during_n);
	if (bs > 0)
		r->change_pct = (double)num / (double)(bs * r->during_n);

	if (pct_reaches(r, ANALYSIS_SUBSTANTIAL_PCT)) {
		r->verdict = VERDICT_SUBSTANTIAL;
		r->basis = ANALYSIS_BASIS_PERCENT;
	} else if (pct_reaches(r, ANALYSIS_MEANINGFUL_PCT)) {
		r->verdict = VERDICT_MEANINGFUL;
		r->basis = ANALYSIS_BASIS_PERCENT;
	} else if (points_reach(r, ANALYSIS_MEANINGFUL_POINTS)) {
		r->verdict = VERDICT_MEANINGFUL;
		r->basis = ANALYSIS_BASIS_POINTS;
	} else if (pct_reaches(r, -ANALYSIS_WORSE_PCT)) {
		r->verdict = VERDICT_WORSE;
		r->basis = ANALYSIS_BASIS_PERCENT;
	} else if (points_reach(r, -ANALYSIS_WORSE_POINTS)) {
		r->verdict = VERDICT_WORSE;
		r->basis = ANALYSIS_BASIS_POINTS;
	} else if (r->has_adherence &&
		   (long long)PCT_SCALE * r->practised_days <
		       (long long)ANALYSIS_LOW_PRACTICE_PCT * r->days) {
		r->verdict = VERDICT_LOW_PRACTICE;
	} else {
		r->verdict = VERDICT_NO_CHANGE;
	}
}

static int
valid_input(const struct analysis_checkin *c, size_t n,
	    const struct analysis_trial_in *t)
{
	if (t == NULL || (c == NULL && n > 0) || t->end < t->start)
		return 0;
	if ((long long)t->end - t->start >= INT_MAX)
		return 0;
	if ((t->practice_days == NULL && t->npractice_days > 0) ||
	    (t->sessions == NULL && t->nsessions > 0) ||
	    (t->others == NULL && t->nothers > 0))
		return 0;
	return 1;
}

int
analysis_trial(const struct analysis_checkin *c, size_t n, int usual_pain,
	       const struct analysis_trial_in *t, struct analysis_result *out)
{
	struct analysis_result *r = out;
	long long lo;

	if (r == NULL)
		return -1;
	memset(r, 0, sizeof *r);
	r->verdict = VERDICT_NO_BASELINE;
	r->usual_pain = ANALYSIS_NO_RATING;
	if (!valid_input(c, n, t))
		return -1;

	r->start = t->start;
	r->end = t->end;
	r->days = t->end - t->start + 1;
	if (valid_pain(usual_pain))
		r->usual_pain = usual_pain;

	window(c, n, (long long)t->start - ANALYSIS_BEFORE_DAYS,
	       (long long)t->start - 1, &r->before_n, &r->before_sum);
	if (r->before_n >= ANALYSIS_BEFORE_MIN_CHECKINS) {
		r->has_baseline = 1;
		r->before_mean = (double)r->before_sum / r->before_n;
	} else if (r->usual_pain != ANALYSIS_NO_RATING) {
		r->has_baseline = 1;
		r->baseline_from_onboarding = 1;
		r->before_mean = r->usual_pain;
	}

	lo = (long long)t->end - (ANALYSIS_DURING_DAYS - 1);
	if (lo < t->start)
		lo = t->start;
	window(c, n, lo, t->end, &r->during_n, &r->during_sum);
	if (r->during_n > 0)
		r->during_mean = (double)r->during_sum / r->during_n;

	if (t->has_practices) {
		r->has_adherence = 1;
		r->practised_days = practised_days(t);
		r->adherence = (double)r->practised_days / r->days;
	}
	immediate(t, r);
	r->overlap_days =
	    analysis_overlap_days(t->start, t->end, t->others, t->nothers);

	judge(r);
	return 0;
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

/* An snprintf that appends and keeps the total length a full text needs. */
struct text {
	char *buf;
	size_t size;
	size_t len;
};

#if defined(__GNUC__)
__attribute__((format(printf, 2, 3)))
#endif
static void
add(struct text *tx, const char *fmt, ...)
{
	va_list ap;
	char *at = NULL;
	size_t room = 0;
	int w;

	if (tx->len < tx->size) {
		at = tx->buf + tx->len;
		room = tx->size - tx->len;
	}
	va_start(ap, fmt);
	w = vsnprintf(at, room, fmt, ap);
	va_end(ap);
	if (w > 0)
		tx->len += (size_t)w;
}

static const char *
plural(long long n, const char *one, const char *many)
{
	return n == 1 ? one : many;
}

/*
 * Shown figures are truncated toward zero, never rounded up, so a change
 * just short of a threshold never reads as reaching it.
 */
static void
add_points(struct text *tx, const struct analysis_result *r)
{
	long long bs, bn, tenths;

	baseline(r, &bs, &bn);
	tenths = TENTHS * change_num(r) / (bn * r->during_n);
	if (tenths < 0)
		tenths = -tenths;
	add(tx, "%lld.%lld points", tenths / TENTHS, tenths % TENTHS);
}

/* The whole percent of the change; -1 when before_mean is 0. */
static long long
shown_pct(const struct analysis_result *r)
{
	long long bs, bn, pct;

	baseline(r, &bs, &bn);
	if (bs == 0)
		return -1;
	pct = PCT_SCALE * change_num(r) / (bs * r->during_n);
	return pct < 0 ? -pct : pct;
}

static void
add_change(struct text *tx, const struct analysis_result *r)
{
	long long num = change_num(r);
	long long pct = shown_pct(r);
	int fell = num > 0;
	int pct_threshold = fell ? ANALYSIS_MEANINGFUL_PCT : ANALYSIS_WORSE_PCT;
	int pts_threshold =
	    fell ? ANALYSIS_MEANINGFUL_POINTS : ANALYSIS_WORSE_POINTS;

	if (num == 0) {
		add(tx, "pain unchanged");
		return;
	}
	add(tx, "pain %s by ", fell ? "fell" : "rose");
	switch (r->verdict) {
	case VERDICT_SUBSTANTIAL:
		add(tx, "%lld%% (threshold %d%%)", pct,
		    ANALYSIS_SUBSTANTIAL_PCT);
		return;
	case VERDICT_MEANINGFUL:
	case VERDICT_WORSE:
		if (r->basis == ANALYSIS_BASIS_PERCENT) {
			add(tx, "%lld%% (threshold %d%%)", pct, pct_threshold);
		} else {
			add_points(tx, r);
			add(tx, " (threshold %d points)", pts_threshold);
		}
		return;
	default:
		break;
	}
	if (pct >= 0) {
		add(tx, "%lld%% (", pct);
		add_points(tx, r);
		add(tx, "), below %d%% and %d points", pct_threshold,
		    pts_threshold);
	} else {
		add_points(tx, r);
		add(tx, ", below %d points", pts_threshold);
	}
}

static void
add_judged(struct text *tx, const struct analysis_result *r)
{
	if (r->verdict == VERDICT_LOW_PRACTICE) {
		add(tx, "practised on %d of %d %s (%lld%%, threshold %d%%); ",
		    r->practised_days, r->days, plural(r->days, "day", "days"),
		    (long long)PCT_SCALE * r->practised_days / r->days,
		    ANALYSIS_LOW_PRACTICE_PCT);
	}
	add_change(tx, r);
	if (r->baseline_from_onboarding)
		add(tx, ", from %.1f (usual pain at onboarding) to %.1f",
		    r->before_mean, r->during_mean);
	else
		add(tx, ", from %.1f to %.1f", r->before_mean, r->during_mean);
	if ((!r->baseline_from_onboarding &&
	     r->before_n < ANALYSIS_RELIABLE_CHECKINS) ||
	    r->during_n < ANALYSIS_RELIABLE_CHECKINS)
		add(tx, "; a mean of fewer than %d check-ins is rough",
		    ANALYSIS_RELIABLE_CHECKINS);
}

int
analysis_explain(const struct analysis_result *r, char *buf, size_t size)
{
	struct text tx = {buf, size, 0};

	if (buf != NULL && size > 0)
		buf[0] = '\0';
	if (r == NULL)
		return 0;
	switch (r->verdict) {
	case VERDICT_NO_BASELINE:
		add(&tx,
		    "%d %s in the %d days before the start (%d needed) "
		    "and no usual-pain rating",
		    r->before_n, plural(r->before_n, "check-in", "check-ins"),
		    ANALYSIS_BEFORE_DAYS, ANALYSIS_BEFORE_MIN_CHECKINS);
		break;
	case VERDICT_TOO_EARLY:
		if (r->days < ANALYSIS_MIN_TRIAL_DAYS)
			add(&tx, "the trial has run %d of the %d days needed",
			    r->days, ANALYSIS_MIN_TRIAL_DAYS);
		else
			add(&tx, "%d %s in the last %d days (%d needed)",
			    r->during_n,
			    plural(r->during_n, "check-in", "check-ins"),
			    ANALYSIS_DURING_DAYS, ANALYSIS_DURING_MIN_CHECKINS);
		break;
	default:
		if (r->has_change) /* else a result analysis_trial did not make
				    */
			add_judged(&tx, r);
		break;
	}
	if (r->overlap_days > 0)
		add(&tx, "; shared %d %s with another trial", r->overlap_days,
		    plural(r->overlap_days, "day", "days"));
	return tx.len > INT_MAX ? INT_MAX : (int)tx.len;
}
