/*
 * review_pause.c: the pause week of a trial in the review (issue 21): its
 * windows from the log (program_trial_week()), the contrast of
 * analysis_pause(), whether the review offers one, and its words; see
 * review.h and doc/verdicts.md section 14.
 */
#include "review.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "content.h"
#include "program.h"
#include "review_int.h"
#include "util.h"

/* Means in the pause's sentences: one decimal. */
#define WORDS_DECIMALS 1

void
review_pause_offered(struct review_row *row, const struct approach *a)
{
	const struct analysis_result *r = &row->result;

	row->offer_pause =
	    row->running && a != NULL && a->reversible && !row->paused &&
	    r->has_change &&
	    (analysis_helped(r->verdict) ||
	     (r->has_chance &&
	      analysis_chance_pct(r->chance.lower) >=
		  (int)(REVIEW_OFFER_PAUSE_LOWER * ANALYSIS_CHANCE_SCALE +
			0.5)));
}

/* Marks in off[] (day off_first + i) the days of a recorded flare-up in
 * first .. last, and names the first such flare-up in the row. */
static void
flare_days(const struct review *rv, struct review_row *row, int first, int last,
	   unsigned char *off, int off_first)
{
	size_t i;
	int d, lo, hi;

	for (i = 0; i < rv->nflares; i++) {
		lo = rv->flares[i].first > first ? rv->flares[i].first : first;
		hi = rv->flares[i].last < last ? rv->flares[i].last : last;
		if (lo > hi)
			continue;
		if (row->flare_from[0] == '\0') {
			day_from_number(lo, row->flare_from);
			day_from_number(hi, row->flare_to);
		}
		for (d = lo; d <= hi; d++)
			off[d - off_first] = 1;
	}
}

void
review_pause_judge(const struct review *rv, struct review_row *row,
		   const struct program_pause *w, const struct approach *a,
		   const struct program_trial_days *td, int end,
		   const struct analysis_checkin *c, size_t n)
{
	struct analysis_pause_in in = {0};
	unsigned char *off;
	int from = day_number(w->from), until, d, len;

	memcpy(row->week_from, w->from, DAY_LEN);
	memcpy(row->week_until, w->until, DAY_LEN);
	until = w->until[0] != '\0' ? day_number(w->until) : INT_MAX;
	/* As many days back as it was paused; the pack's length until
	 * then. */
	row->week_days =
	    until != INT_MAX ? until - from : program_pause_days(a);
	row->in_week = row->running && td->in_week;
	in.on_first = row->result.during_first;
	in.on_last = from - 1;
	in.pause_first = from;
	in.pause_last = until != INT_MAX && until - 1 < end ? until - 1 : end;
	if (in.pause_last < in.pause_first)
		in.pause_last = in.pause_first;
	in.back_first = in.pause_last + 1;
	in.back_last = in.pause_last;
	if (until != INT_MAX && until <= end) {
		in.back_first = until;
		in.back_last = until + row->week_days - 1 < end
				   ? until + row->week_days - 1
				   : end;
		day_from_number(until + row->week_days - 1, row->back_day);
	}
	if (row->running &&
	    (until == INT_MAX || end - until + 1 < row->week_days)) {
		row->pause.confirmation = ANALYSIS_CONFIRM_PENDING;
		if (until == INT_MAX)
			row->back_day[0] = '\0';
		/* Name a flare-up in the pause so far all the same. */
		off = xcalloc((size_t)(in.pause_last - in.pause_first + 1), 1);
		flare_days(rv, row, in.pause_first, in.pause_last, off,
			   in.pause_first);
		free(off);
		return;
	}
	row->back_day[0] = '\0';
	if (in.on_last < in.on_first) {
		/* Nothing judged before it (a pause from another log). */
		row->pause.confirmation = ANALYSIS_CONFIRM_UNCLEAR;
		return;
	}
	/* Left out: the days on hold (not those of the pause itself) and
	 * the recorded days of a flare-up in the pause. */
	len = in.back_last - in.on_first + 1;
	off = xcalloc((size_t)len, 1);
	for (d = in.on_first; d <= in.back_last; d++)
		if (d >= td->first && d <= td->last &&
		    (td->off[d - td->first] & PROGRAM_PAUSE_HOLD))
			off[d - in.on_first] = 1;
	flare_days(rv, row, in.pause_first, in.pause_last, off, in.on_first);
	in.off = off;
	in.off_first = in.on_first;
	in.noff = (size_t)len;
	if (analysis_pause(c, n, &in, &row->pause) != 0)
		row->pause.confirmation = ANALYSIS_CONFIRM_UNCLEAR;
	free(off);
}

/* A mean of the pause's sums, in words: "5.8". */
static void
mean_words(int sum, int n, char out[REVIEW_FIGURE_LEN])
{
	review_fraction(sum, n, WORDS_DECIMALS, 0, out);
}

void
review_pause_words(struct buf *b, const struct review_row *row)
{
	const struct analysis_pause *p = &row->pause;
	char on[REVIEW_FIGURE_LEN], off[REVIEW_FIGURE_LEN];

	if (row->week_from[0] == '\0')
		return;
	if (p->confirmation == ANALYSIS_CONFIRM_PENDING &&
	    row->week_until[0] == '\0')
		buf_printf(
		    b,
		    "Paused since %s to see whether the pain comes back "
		    "without it (%d days are planned; you can take it up "
		    "again sooner). Then it is judged after as many "
		    "days back on it.",
		    row->week_from, row->week_days);
	else if (p->confirmation == ANALYSIS_CONFIRM_PENDING)
		buf_printf(b,
			   "Paused from %s and taken up again on %s: the pause "
			   "is judged on %s, after %d days back on it.",
			   row->week_from, row->week_until, row->back_day,
			   row->week_days);
	if (p->confirmation != ANALYSIS_CONFIRM_PENDING && p->has_rise) {
		mean_words(p->on_sum, p->on_n, on);
		mean_words(p->pause_sum, p->pause_n, off);
	}
	switch (p->confirmation) {
	case ANALYSIS_CONFIRMED:
		buf_printf(b,
			   "The pause confirmed it: pain rose while you "
			   "stopped (%s off it against %s on it) and fell "
			   "again when you took it up, so the fall looks like "
			   "the approach's doing.",
			   off, on);
		break;
	case ANALYSIS_NOT_CONFIRMED:
		buf_printf(b,
			   "The pause did not confirm it: pain did not clearly "
			   "come back while you stopped (%s off it against %s "
			   "on it), so the fall may not have been the "
			   "approach's: pain that eases on its own looks the "
			   "same.",
			   off, on);
		break;
	case ANALYSIS_CONFIRM_UNCLEAR:
		if (p->has_rise && p->pause_n >= ANALYSIS_PAUSE_MIN_CHECKINS &&
		    p->on_n >= ANALYSIS_PAUSE_MIN_CHECKINS)
			buf_printf(b,
				   "The pause could not tell: the change "
				   "while you stopped (%s off it against %s "
				   "on it) is within the day-to-day ups and "
				   "downs.",
				   off, on);
		else
			buf_printf(b, "The pause could not tell: too few "
				      "days were rated in it and after it.");
		break;
	default:
		break;
	}
	if (row->flare_from[0] != '\0')
		buf_printf(b,
			   " A flare-up was recorded in the pause (%s to %s); "
			   "its days were left out of it.",
			   row->flare_from, row->flare_to);
}

void
review_pause_offer(struct buf *b, const struct review_row *row)
{
	if (!row->offer_pause)
		return;
	buf_adds(b, "Want to be sure? Stop it for a week and see whether the "
		    "pain comes back, then take it up again for as long: if "
		    "your pain rises without it and falls again with it, the "
		    "fall was the approach's; if not, it may have eased on "
		    "its own. It may cost a week of more pain; it is your "
		    "choice, and you can end the pause early.");
}
