/* review_text.c: the review's sentences for people; see review.h. */
#include "review.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "content.h"
#include "program.h"
#include "util.h"

/* Figures in sentences: one decimal, or two when one would show 0.0. */
#define WORDS_DECIMALS 1
#define FIGURE_DECIMALS 2

const char *
review_verdict_words(enum analysis_verdict v)
{
	switch (v) {
	case VERDICT_NO_BASELINE:
		return "Cannot be judged: there is no pain level from before "
		       "it to compare with.";
	case VERDICT_TOO_EARLY:
		return "Too early to tell.";
	case VERDICT_SUBSTANTIAL:
		return "Pain was much lower during this trial: it fell by "
		       "half or more.";
	case VERDICT_MEANINGFUL:
		return "Pain was clearly lower during this trial, by at least "
		       "the change most people count as worthwhile, and more "
		       "than its day-to-day ups and downs.";
	case VERDICT_WORSE:
		return "Pain was clearly higher during this trial, by more "
		       "than its day-to-day ups and downs.";
	case VERDICT_LOW_PRACTICE:
		return "Pain did not clearly change, but it was "
		       "practised on fewer than half of its days, so this "
		       "does not show whether it works.";
	case VERDICT_NO_CHANGE:
		return "Pain did not change enough to count. Even allowing "
		       "for its day-to-day ups and downs, any change was "
		       "smaller than the one most people count as "
		       "worthwhile.";
	case VERDICT_UNCLEAR:
		return "Not clear yet: any change is still within the "
		       "day-to-day ups and downs of pain.";
	}
	return "Unknown verdict.";
}

/*
 * An unclear verdict's words: "Not clear yet" only while more rated days
 * (or sessions) would settle it (more_days > 0); once they would not, "Not
 * clear", and that they would not, as the verdict's grounds say it
 * (analysis_explain()). Indexed [fell, rose, neither][tool][settles].
 */
static const char *const unclear_words[3][2][2] = {
    {{"Not clear: pain fell by more than its day-to-day ups and downs, but "
      "whether the fall reaches the change most people count as "
      "worthwhile cannot be told, and more rated days alone are unlikely "
      "to settle it.",
      "Not clear yet: pain fell by more than its day-to-day ups and downs, "
      "but whether the fall reaches the change most people count as "
      "worthwhile is not known yet."},
     {"Not clear: pain fell by more than the spread between sessions, but "
      "whether the fall reaches the change most people count as "
      "worthwhile cannot be told, and more sessions alone are unlikely to "
      "settle it.",
      "Not clear yet: pain fell by more than the spread between sessions, "
      "but whether the fall reaches the change most people count as "
      "worthwhile is not known yet."}},
    {{"Not clear: pain rose by more than its day-to-day ups and downs, but "
      "whether the rise is large enough to count as worse cannot be told, "
      "and more rated days alone are unlikely to settle it.",
      "Not clear yet: pain rose by more than its day-to-day ups and downs, "
      "but whether the rise is large enough to count as worse is not known "
      "yet."},
     {"Not clear: pain rose by more than the spread between sessions, but "
      "whether the rise is large enough to count as worse cannot be told, "
      "and more sessions alone are unlikely to settle it.",
      "Not clear yet: pain rose by more than the spread between sessions, "
      "but whether the rise is large enough to count as worse is not known "
      "yet."}},
    {{"Not clear: any change is within the day-to-day ups and downs of "
      "pain, and more rated days alone are unlikely to settle it.",
      "Not clear yet: any change is still within the day-to-day ups and "
      "downs of pain."},
     {"Not clear: any change is within the spread between sessions, and "
      "more sessions alone are unlikely to settle it.",
      "Not clear yet: any change is still within the day-to-day ups and "
      "downs of pain."}},
};

const char *
review_row_verdict_words(const struct review_row *row)
{
	const struct analysis_result *r = &row->result;
	int way;

	if (r->verdict != VERDICT_UNCLEAR || !r->pain.has_change)
		return review_verdict_words(r->verdict);
	way = r->pain.lower > 0 ? 0 : r->pain.upper < 0 ? 1 : 2;
	return unclear_words[way][r->flare_tool != 0][r->pain.more_days > 0];
}

/* The recalled ratings left out, with a full stop when stop is set. */
static void
recalled_words(struct buf *b, int n, int stop)
{
	buf_printf(b,
		   "%d %s entered more than %d days after %s day %s left out: "
		   "a recalled rating is less reliable%s",
		   n, n == 1 ? "rating" : "ratings", PROGRAM_RECALL_DAYS,
		   n == 1 ? "its" : "their", n == 1 ? "was" : "were",
		   stop ? "." : "");
}

void
review_recalled(struct buf *b, int n)
{
	if (n > 0)
		recalled_words(b, n, 1);
}

void
review_explain(struct buf *b, const struct review_row *row)
{
	struct analysis_result r = row->result;
	char *text;
	int n;

	/* review_shared() names the overlapping trials instead. */
	r.overlap_days = 0;
	n = analysis_explain(&r, NULL, 0);
	if (n <= 0)
		return;
	text = xmalloc((size_t)n + 1);
	analysis_explain(&r, text, (size_t)n + 1);
	buf_adds(b, text);
	free(text);
	/* A phrase its callers end: the recalled ones as one more. */
	if (row->recalled > 0) {
		buf_adds(b, "; ");
		recalled_words(b, row->recalled, 0);
	}
}

static const char *
plural(long long n, const char *one, const char *many)
{
	return n == 1 ? one : many;
}

static void
missing_baseline(struct buf *b, const struct review_row *row)
{
	char from[DAY_LEN], to[DAY_LEN], span[2 * DAY_LEN + 8] = "";

	/* The days, where the calendar has them (within day.h's margin of
	 * any day of a log, it does). */
	if (day_add(row->started_on, -ANALYSIS_BEFORE_DAYS, from) == 0 &&
	    day_add(row->started_on, -1, to) == 0)
		snprintf(span, sizeof span, " (%s to %s)", from, to);
	/* Ratings entered now for days long gone would be recalled pain,
	 * which is never a baseline: no invitation to fill them in. */
	buf_printf(b,
		   "It had only %d %s in the %d days before its start%s and "
		   "%d are needed for a baseline, so its effect cannot be "
		   "judged. A trial started after check-ins on at least %d of "
		   "the %d days before it can be.",
		   row->result.baseline_n,
		   plural(row->result.baseline_n, "rating", "ratings"),
		   ANALYSIS_BEFORE_DAYS, span, ANALYSIS_BEFORE_MIN_CHECKINS,
		   ANALYSIS_BEFORE_MIN_CHECKINS, ANALYSIS_BEFORE_DAYS);
}

static void
missing_days(struct buf *b, const struct review_row *row)
{
	const struct analysis_result *r = &row->result;

	if (!row->running) {
		buf_printf(b,
			   "It ran %d %s, fewer than the %d needed to judge "
			   "a trial (%d to settle in, then %d).",
			   r->days, plural(r->days, "day", "days"),
			   r->settle_days + ANALYSIS_DURING_DAYS,
			   r->settle_days, ANALYSIS_DURING_DAYS);
		return;
	}
	if (row->judged_from[0] != '\0')
		buf_printf(b,
			   "It has run %d of the %d days needed: it can be "
			   "judged from %s (%d more %s)",
			   r->days, r->settle_days + ANALYSIS_DURING_DAYS,
			   row->judged_from, row->need_days,
			   plural(row->need_days, "day", "days"));
	else
		buf_printf(b,
			   "It has run %d of the %d days needed: it can be "
			   "judged in %d more %s",
			   r->days, r->settle_days + ANALYSIS_DURING_DAYS,
			   row->need_days,
			   plural(row->need_days, "day", "days"));
	if (row->need_checkins > 0)
		buf_printf(b,
			   " with %d more %s, at least %d from day %d on "
			   "(it has %d so far).",
			   row->need_checkins,
			   plural(row->need_checkins, "check-in", "check-ins"),
			   ANALYSIS_DURING_MIN_CHECKINS, r->settle_days + 1,
			   r->during_n);
	else
		buf_printf(b,
			   ", if it has at least %d check-ins from day %d "
			   "on.",
			   ANALYSIS_DURING_MIN_CHECKINS, r->settle_days + 1);
}

static void
missing_checkins(struct buf *b, const struct review_row *row)
{
	const struct analysis_result *r = &row->result;
	char from[DAY_LEN], span[2 * DAY_LEN + 8] = "";

	if (row->running) {
		buf_printf(b,
			   "Its days from day %d on have %d %s and %d are "
			   "needed: check in daily, it needs at least %d more.",
			   r->settle_days + 1, r->during_n,
			   plural(r->during_n, "check-in", "check-ins"),
			   ANALYSIS_DURING_MIN_CHECKINS, row->need_checkins);
		return;
	}
	/* The days, where the calendar has them (as in missing_baseline). */
	if (day_add(row->started_on, r->settle_days, from) == 0)
		snprintf(span, sizeof span, " (%s to %s)", from, row->ended_on);
	/* Ended: say what it had, and never ask for ratings of days long
	 * past, which a rule judging only daily ratings cannot trust. */
	buf_printf(b,
		   "Its days after settling in%s had only %d %s, and %d are "
		   "needed, so its effect cannot be judged.",
		   span, r->during_n,
		   plural(r->during_n, "check-in", "check-ins"),
		   ANALYSIS_DURING_MIN_CHECKINS);
}

void
review_missing(struct buf *b, const struct review_row *row)
{
	switch (row->result.verdict) {
	case VERDICT_NO_BASELINE:
		missing_baseline(b, row);
		break;
	case VERDICT_TOO_EARLY:
		if (row->result.flare_tool)
			buf_printf(b,
				   "It has %d %s rated before and after; %d "
				   "are needed.",
				   row->result.immediate_n,
				   plural(row->result.immediate_n, "session",
					  "sessions"),
				   ANALYSIS_SESSIONS_MIN);
		else if (row->result.days <
			 row->result.settle_days + ANALYSIS_DURING_DAYS)
			missing_days(b, row);
		else
			missing_checkins(b, row);
		break;
	default:
		return;
	}
	if (row->recalled > 0) {
		buf_addc(b, ' ');
		recalled_words(b, row->recalled, 1);
	}
}

void
review_immediate(struct buf *b, const struct review_row *row)
{
	const struct analysis_result *r = &row->result;
	char fig[REVIEW_FIGURE_LEN];
	int n = r->immediate_n;

	if (n <= 0)
		return;
	if (r->immediate_sum == 0) {
		buf_printf(b,
			   "Right after a practice session, pain was on "
			   "average the same as before, over %d %s.",
			   n, plural(n, "session", "sessions"));
		return;
	}
	review_fraction(r->immediate_sum, n, WORDS_DECIMALS, 0, fig);
	if (strcmp(fig, "0.0") == 0 || strcmp(fig, "-0.0") == 0)
		review_fraction(r->immediate_sum, n, FIGURE_DECIMALS, 0, fig);
	buf_printf(b,
		   "Right after a practice session, pain was on average %s "
		   "%s than before, over %d %s.",
		   fig[0] == '-' ? fig + 1 : fig,
		   r->immediate_sum < 0 ? "lower" : "higher", n,
		   plural(n, "session", "sessions"));
}

void
review_shared(struct buf *b, const struct review *rv,
	      const struct review_row *row)
{
	size_t i;

	if (row->result.overlap_days <= 0 || row->noverlaps == 0)
		return;
	buf_printf(b, "It shared %d %s with ", row->result.overlap_days,
		   plural(row->result.overlap_days, "day", "days"));
	for (i = 0; i < row->noverlaps; i++) {
		const struct review_row *o = &rv->rows[row->overlaps[i]];

		if (i > 0)
			buf_adds(b, i + 1 == row->noverlaps ? " and " : ", ");
		buf_printf(b, "\"%s\" (%s", review_row_name(o), o->started_on);
		if (o->running)
			buf_adds(b, ", running)");
		else
			buf_printf(b, " to %s)", o->ended_on);
	}
	buf_adds(b, ", so a change in pain cannot be put down to this "
		    "approach alone.");
}

const char *
review_impression_words(int impression)
{
	static const char *const words[] = {"",
					    "very much better",
					    "much better",
					    "a little better",
					    "no different",
					    "a little worse",
					    "much worse",
					    "very much worse"};

	if (impression < IMPRESSION_MIN || impression > IMPRESSION_MAX)
		return "";
	return words[impression];
}

void
review_impression(struct buf *b, const struct review_row *row)
{
	if (row->impression < IMPRESSION_MIN ||
	    row->impression > IMPRESSION_MAX)
		return;
	buf_printf(b, "Your own impression at its end: %s (%d of %d).",
		   review_impression_words(row->impression), row->impression,
		   IMPRESSION_MAX);
}

int
review_settling(struct buf *b, const struct review_row *row)
{
	const struct analysis_result *r = &row->result;
	int n = row->checkins;

	if (r->flare_tool || r->days > r->settle_days)
		return 0;
	buf_printf(b, "%s day %d of %d: ",
		   row->running ? "settling in,"
				: "ended while settling in, on",
		   r->days, r->settle_days);
	if (n == 0)
		buf_adds(b, row->running ? "no check-in yet" : "no check-in");
	else
		buf_printf(b, "its %d %s %s not judged", n,
			   plural(n, "check-in", "check-ins"),
			   n == 1 ? "is" : "are");
	if (row->running)
		buf_printf(b, "; the judged days begin on day %d",
			   r->settle_days + 1);
	return 1;
}

#define PERCENT 100

#define TENTHS 10

/* sum / n in tenths, rounded half away from zero as review_fraction()
 * rounds a mean (n > 0, sum >= 0). */
static long long
tenths(long long sum, long long n)
{
	return (2 * TENTHS * sum + n) / (2 * n);
}

void
review_change(struct buf *b, const struct review_row *row)
{
	const struct analysis_result *r = &row->result;
	const struct analysis_change *x = &r->pain;
	long long bs = x->before_sum, bn = x->before_n;
	long long ds = x->during_sum, dn = x->during_n;
	long long num = bs * dn - ds * bn, mag = num < 0 ? -num : num;
	char pts[REVIEW_FIGURE_LEN], pct[REVIEW_FIGURE_LEN];

	if (!r->has_change || bn == 0 || dn == 0)
		return;
	if (num == 0) {
		buf_adds(b, "none, the same as before");
		return;
	}
	review_fraction(mag, bn * dn, WORDS_DECIMALS, 1, pts);
	buf_printf(b, "%s points %s", pts, num > 0 ? "lower" : "higher");
	/* The means beside it are rounded to a tenth, the change is cut
	 * (so that it never reads as reaching a threshold it missed): where
	 * the two rounded means differ by another tenth, say so. */
	if (tenths(bs, bn) - tenths(ds, dn) !=
	    (num > 0 ? 1 : -1) * (TENTHS * mag / (bn * dn))) {
		char exact[REVIEW_FIGURE_LEN];

		review_fraction(mag, bn * dn, FIGURE_DECIMALS, 1, exact);
		buf_printf(b, " (exactly %s, cut to a tenth, not rounded up)",
			   exact);
	}
	/* The percent the verdict's threshold reads (analysis_explain()):
	 * a fall of the level before, a rise of the level during. */
	if (num > 0 && bs > 0) {
		review_fraction(PERCENT * mag, bs * dn, 0, 1, pct);
		buf_printf(b, ", %s%% less than before", pct);
	} else if (num < 0 && ds > 0) {
		review_fraction(PERCENT * mag, ds * bn, 0, 1, pct);
		buf_printf(b, ", a rise of %s%% of the level during the trial",
			   pct);
	}
}

void
review_flare_days(struct buf *b, const struct review_row *row)
{
	int before = row->flare_before, during = row->flare_during;
	const char *ref = row->result.reference == ANALYSIS_REF_BASELINE
			      ? "the baseline"
			      : "the days it is compared with";

	if (before > 0 && during > 0)
		buf_printf(b, "%d flare-up %s in %s and %d in the judged days.",
			   before, plural(before, "day", "days"), ref, during);
	else if (before > 0)
		buf_printf(b, "%d flare-up %s in %s.", before,
			   plural(before, "day", "days"), ref);
	else if (during > 0)
		buf_printf(b, "%d flare-up %s in the judged days.", during,
			   plural(during, "day", "days"));
}

void
review_flare_used(struct buf *b, const struct pack *pack,
		  const struct program_flare *f,
		  void (*esc)(struct buf *, const char *))
{
	char fig[REVIEW_FIGURE_LEN];
	size_t k;

	if (f->nuses == 0)
		buf_adds(b, "nothing logged");
	for (k = 0; k < f->nuses; k++) {
		const struct program_flare_use *u = &f->uses[k];
		const struct practice *p =
		    pack != NULL ? content_practice_any(pack, u->practice)
				 : NULL;
		const char *name = p != NULL ? p->title : u->practice;

		if (k > 0)
			buf_adds(b, "; ");
		if (esc != NULL)
			esc(b, name);
		else
			buf_adds(b, name);
		buf_printf(b, " %d %s", u->sessions,
			   u->sessions == 1 ? "time" : "times");
		if (u->rated > 0 && u->relief == 0)
			buf_printf(b, ", pain unchanged right after (%d rated)",
				   u->rated);
		else if (u->rated > 0) {
			review_fraction(u->relief < 0 ? -u->relief : u->relief,
					u->rated, 1, 0, fig);
			buf_printf(b, ", pain %s %s right after (%d rated)",
				   fig, u->relief > 0 ? "lower" : "higher",
				   u->rated);
		}
	}
}

/* "5.0 (7 check-ins, 2026-03-04 to 2026-03-17)", or "not rated". */
static void
window_mean(struct buf *b, int n, int sum, const char *from, const char *to)
{
	char fig[REVIEW_FIGURE_LEN];

	if (n == 0) {
		buf_printf(b, "not rated (%s to %s)", from, to);
		return;
	}
	review_fraction(sum, n, 1, 0, fig);
	buf_printf(b, "%s (%d %s, %s to %s)", fig, n,
		   plural(n, "check-in", "check-ins"), from, to);
}

void
review_interference_words(struct buf *b, const struct review_row *row)
{
	const struct review_windows *w = &row->windows;

	if (w->before_n == 0 && w->during_n == 0) {
		buf_adds(b, "Interference: not rated in these days");
		return;
	}
	buf_adds(b, "Interference before: ");
	window_mean(b, w->before_n, w->before_sum, w->before_from,
		    w->before_to);
	if (w->during_from[0] == '\0') {
		buf_adds(b, "; while it settles in, no judged day yet");
		return;
	}
	buf_printf(b, "; from day %d on: ", row->result.settle_days + 1);
	window_mean(b, w->during_n, w->during_sum, w->during_from,
		    w->during_to);
}

void
review_row_span(struct buf *b, const struct review *rv,
		const struct review_row *row)
{
	int n = row->span_days;

	if (row->running)
		buf_printf(b, "%s to today (%s), %d %s so far", row->started_on,
			   rv->today, n, plural(n, "day", "days"));
	else
		buf_printf(b, "%s to %s, %d %s", row->started_on, row->ended_on,
			   n, plural(n, "day", "days"));
	/* The days that do not count (program_trial_days()). */
	if (row->span_held > 0 && row->span_paused > 0)
		buf_printf(b,
			   " (not counting %d %s on hold for safety and %d "
			   "paused by you)",
			   row->span_held,
			   plural(row->span_held, "day", "days"),
			   row->span_paused);
	else if (row->span_held > 0)
		buf_printf(b, " (not counting %d %s on hold for safety)",
			   row->span_held,
			   plural(row->span_held, "day", "days"));
	else if (row->span_paused > 0)
		buf_printf(b, " (not counting %d %s paused by you)",
			   row->span_paused,
			   plural(row->span_paused, "day", "days"));
}
