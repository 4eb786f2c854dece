/* analysis_text.c: a verdict's grounds in words (analysis_explain()), from
 * the figures analysis.c leaves in struct analysis_result; see analysis.h. */
#include "analysis.h"

#include <limits.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>

#include "analysis_int.h"

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
add_points(struct text *tx, const struct analysis_change *x)
{
	long long tenths = ANALYSIS_TENTHS * analysis_change_num(x) /
			   ((long long)x->before_n * x->during_n);

	if (tenths < 0)
		tenths = -tenths;
	add(tx, "%lld.%lld points", tenths / ANALYSIS_TENTHS,
	    tenths % ANALYSIS_TENTHS);
}

/*
 * The whole percent of the change: of the mean before for a fall, of the
 * judged mean for a rise (the mirror the worse threshold uses); -1 when
 * that mean is 0.
 */
static long long
shown_pct(const struct analysis_change *x)
{
	long long num = analysis_change_num(x);

	if (num >= 0)
		return x->before_sum == 0
			   ? -1
			   : ANALYSIS_PCT_SCALE * num /
				 ((long long)x->before_sum * x->during_n);
	if (x->during_sum == 0)
		return -1;
	return ANALYSIS_PCT_SCALE * -num /
	       ((long long)x->during_sum * x->before_n);
}

static void
add_change(struct text *tx, const struct analysis_change *x,
	   enum analysis_verdict v, enum analysis_basis basis)
{
	long long num = analysis_change_num(x), pct = shown_pct(x);
	int fell = num > 0;
	int pct_threshold = fell ? ANALYSIS_MEANINGFUL_PCT : ANALYSIS_WORSE_PCT;
	int pts_threshold =
	    fell ? ANALYSIS_MEANINGFUL_POINTS : ANALYSIS_WORSE_POINTS;
	const char *of = fell ? "" : " of the level during the trial";

	if (num == 0) {
		add(tx, "pain unchanged");
		return;
	}
	add(tx, "pain %s by ", fell ? "fell" : "rose");
	if (v == VERDICT_SUBSTANTIAL) {
		add(tx, "%lld%% (threshold %d%%)", pct,
		    ANALYSIS_SUBSTANTIAL_PCT);
	} else if ((v == VERDICT_MEANINGFUL || v == VERDICT_WORSE) &&
		   basis == ANALYSIS_BASIS_PERCENT) {
		add(tx, "%lld%%%s (threshold %d%%)", pct, of, pct_threshold);
	} else if (v == VERDICT_MEANINGFUL || v == VERDICT_WORSE) {
		add_points(tx, x);
		add(tx, " (threshold %d points)", pts_threshold);
	} else if (pct >= 0) {
		add_points(tx, x);
		add(tx, ", %lld%%%s (thresholds %d points or %d%%)", pct, of,
		    pts_threshold, pct_threshold);
	} else {
		add_points(tx, x);
		add(tx, " (threshold %d points)", pts_threshold);
	}
}

/* "from 2.6 to 2.1": the two means to one decimal, half away from zero
 * from the exact sums, as the review screen rounds them (review_fraction). */
static void
add_means(struct text *tx, const struct analysis_change *x)
{
	long long b =
	    ((long long)2 * ANALYSIS_TENTHS * x->before_sum + x->before_n) /
	    (2LL * x->before_n);
	long long d =
	    ((long long)2 * ANALYSIS_TENTHS * x->during_sum + x->during_n) /
	    (2LL * x->during_n);

	add(tx, "from %lld.%lld to %lld.%lld", b / ANALYSIS_TENTHS,
	    b % ANALYSIS_TENTHS, d / ANALYSIS_TENTHS, d % ANALYSIS_TENTHS);
}

/* The interval change -+ z * se in words: falls are positive. */
static void
add_range(struct text *tx, double lower, double upper)
{
	if (lower >= 0)
		add(tx, "a fall of %.1f to %.1f points", lower, upper);
	else if (upper <= 0)
		add(tx, "a rise of %.1f to %.1f points", -upper, -lower);
	else
		add(tx, "anything from a rise of %.1f to a fall of %.1f points",
		    -lower, upper);
}

static void
add_noise(struct text *tx, const struct analysis_change *x,
	  enum analysis_verdict v, int sessions)
{
	const char *unit = sessions ? "session" : "day";

	add(tx, "; allowing for %s, ",
	    sessions ? "the spread between sessions" : "the day-to-day noise");
	add_range(tx, x->lower, x->upper);
	if (analysis_helped(v) || v == VERDICT_WORSE)
		add(tx, ", clear of no change");
	else if (v == VERDICT_NO_CHANGE)
		add(tx, ", inside the thresholds: no important change");
	else if (x->more_days > 0)
		add(tx,
		    ": not clear yet; about %d more rated %s%s would settle "
		    "it",
		    x->more_days, unit, x->more_days == 1 ? "" : "s");
	else
		add(tx,
		    ": not clear, and more %ss alone are unlikely to "
		    "settle it",
		    unit);
}

static void
add_guard(struct text *tx, const struct analysis_result *r)
{
	if (r->reference == ANALYSIS_REF_LONGRUN)
		add(tx,
		    "; the %d days before the start were a flare, %d.%d "
		    "points or more above the longer-run level of %.1f, so "
		    "the trial is judged against that level",
		    ANALYSIS_FLARE_DAYS,
		    ANALYSIS_FLARE_TENTHS / ANALYSIS_TENTHS,
		    ANALYSIS_FLARE_TENTHS % ANALYSIS_TENTHS,
		    (double)r->longrun_sum / r->longrun_n);
	else if (r->already_falling)
		add(tx,
		    "; pain was already falling before the start (Kendall's "
		    "tau %.2f)%s",
		    r->tau_milli / ANALYSIS_MILLI,
		    r->reference == ANALYSIS_REF_RECENT
			? ", so the trial is judged against its last 7 days"
			: "");
}

static void
add_judged(struct text *tx, const struct analysis_result *r)
{
	const struct analysis_change *x = &r->pain;

	if (r->verdict == VERDICT_LOW_PRACTICE) {
		add(tx, "practised on %d of %d %s (%lld%%, threshold %d%%); ",
		    r->practised_days, r->days, plural(r->days, "day", "days"),
		    (long long)ANALYSIS_PCT_SCALE * r->practised_days / r->days,
		    ANALYSIS_LOW_PRACTICE_PCT);
	}
	add_change(tx, x, x->verdict, x->basis);
	add(tx, ", ");
	add_means(tx, x);
	add_noise(tx, x, x->verdict, 0);
	add_guard(tx, r);
	add(tx,
	    "; on %ld of 100 pairs of days pain was lower during the "
	    "trial than before",
	    lround(ANALYSIS_PCT_SCALE * x->nap));
}

static void
add_sessions(struct text *tx, const struct analysis_result *r)
{
	const struct analysis_change *x = &r->pain;

	add(tx, "over %d sessions, ", r->immediate_n);
	add_change(tx, x, r->verdict, r->basis);
	add(tx, " from before to after, ");
	add_means(tx, x);
	add_noise(tx, x, r->verdict, 1);
	add(tx, "; %d of %d sessions brought %d points or more of relief",
	    r->immediate_relieved, r->immediate_n, ANALYSIS_RELIEF_POINTS);
}

int
analysis_explain(const struct analysis_result *r, char *buf, size_t size)
{
	struct text tx = {buf, size, 0};

	if (buf != NULL && size > 0)
		buf[0] = '\0';
	if (r == NULL)
		return 0;
	if (r->flare_tool && r->verdict == VERDICT_TOO_EARLY)
		add(&tx, "%d %s rated before and after (%d needed)",
		    r->immediate_n,
		    plural(r->immediate_n, "session", "sessions"),
		    ANALYSIS_SESSIONS_MIN);
	else if (r->flare_tool && r->has_change)
		add_sessions(&tx, r);
	else if (r->verdict == VERDICT_NO_BASELINE)
		add(&tx, "%d %s in the %d days before the start (%d needed)",
		    r->baseline_n,
		    plural(r->baseline_n, "check-in", "check-ins"),
		    ANALYSIS_BEFORE_DAYS, ANALYSIS_BEFORE_MIN_CHECKINS);
	else if (r->verdict == VERDICT_TOO_EARLY &&
		 (long long)r->end - r->during_first + 1 < ANALYSIS_DURING_DAYS)
		add(&tx,
		    "the trial has run %d of the %d days needed (%d to settle "
		    "in, then %d to judge)",
		    r->days, r->settle_days + ANALYSIS_DURING_DAYS,
		    r->settle_days, ANALYSIS_DURING_DAYS);
	else if (r->verdict == VERDICT_TOO_EARLY)
		add(&tx, "%d %s from day %d of the trial on (%d needed)",
		    r->during_n, plural(r->during_n, "check-in", "check-ins"),
		    r->settle_days + 1, ANALYSIS_DURING_MIN_CHECKINS);
	else if (r->has_change)
		add_judged(&tx, r);
	if (r->overlap_days > 0)
		add(&tx, "; shared %d %s with another trial", r->overlap_days,
		    plural(r->overlap_days, "day", "days"));
	return tx.len > INT_MAX ? INT_MAX : (int)tx.len;
}
