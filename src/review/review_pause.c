/*
 * review_pause.c: the pause week of a trial in the review (issue 21): its
 * windows from the log (program_trial_week()), the contrast of
 * analysis_pause() and whether the review offers one, for review.c's
 * judge_row(); its words are in review_pause_text.c. See review.h and
 * doc/verdicts.md section 14.
 */
#include "review.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "content.h"
#include "program.h"
#include "review_int.h"
#include "util.h"

void
review_pause_offered(struct review_row *row, const struct approach *a)
{
	const struct analysis_result *r = &row->result;

	/* Only when a pause from today would be taken: the days before
	 * today that count (today's among span_days) are enough. */
	row->offer_pause =
	    row->running && a != NULL && a->reversible && !row->paused &&
	    row->span_days - 1 >= program_pause_need(a) && r->has_change &&
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

void
review_pause_mixed(struct review *rv)
{
	size_t i, j;
	int from, to;

	for (i = 0; i < rv->nrows; i++) {
		struct review_row *row = &rv->rows[i];

		if (row->week_from[0] == '\0' || row->tool_use)
			continue;
		/* The pause and as many days back; to today while either
		 * runs. */
		from = day_number(row->week_from);
		to = day_number(rv->today);
		if (row->week_until[0] != '\0' &&
		    day_number(row->week_until) + row->week_days - 1 < to)
			to = day_number(row->week_until) + row->week_days - 1;
		for (j = 0; j < rv->nrows && row->mixed == NULL; j++) {
			const struct review_row *o = &rv->rows[j];
			int start = day_number(o->started_on);

			if (j != i && !o->tool_use && start >= from &&
			    start <= to)
				row->mixed = review_row_name(o);
		}
		if (row->mixed != NULL &&
		    row->pause.confirmation != ANALYSIS_CONFIRM_NONE &&
		    row->pause.confirmation != ANALYSIS_CONFIRM_PENDING)
			row->pause.confirmation = ANALYSIS_CONFIRM_UNCLEAR;
	}
}
