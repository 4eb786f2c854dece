/*
 * review_chance_text.c: the chances in words (review.h): rounded to tenths
 * as the person reads them, beside the verdict. Moved from review_text.c
 * as a job of its own.
 */
#include "review.h"

#include <stdio.h>

#include "util.h"

/* A tenth of ANALYSIS_CHANCE_SCALE: the words round chances to tenths. */
#define CHANCE_TENTH (ANALYSIS_CHANCE_SCALE / REVIEW_CHANCE_TENTHS)

/* Rounded to tenths from the hundredths the CSV shows, half up. */
int
review_chance_tenths(double p)
{
	return (analysis_chance_pct(p) + CHANCE_TENTH / 2) / CHANCE_TENTH;
}

/*
 * The ends are said as what they are: 95 hundredths or more is more than 9
 * in 10, 4 or fewer less than 1 in 10; a normal posterior is never certain
 * either way.
 */
const char *
review_chance_words(double p, char out[REVIEW_FIGURE_LEN])
{
	int tenths = review_chance_tenths(p);

	if (tenths >= REVIEW_CHANCE_TENTHS)
		snprintf(out, REVIEW_FIGURE_LEN, "more than %d in %d",
			 REVIEW_CHANCE_TENTHS - 1, REVIEW_CHANCE_TENTHS);
	else if (tenths <= 0)
		snprintf(out, REVIEW_FIGURE_LEN, "less than 1 in %d",
			 REVIEW_CHANCE_TENTHS);
	else
		snprintf(out, REVIEW_FIGURE_LEN, "about %d in %d", tenths,
			 REVIEW_CHANCE_TENTHS);
	return out;
}

/*
 * A helped (or worse) verdict whose chance of the threshold is under a
 * half is no contradiction: the change seen passed the threshold, and the
 * true change is likely a little smaller (the prior pulls it toward none).
 * The words say so.
 */
static int
past_seen(const struct analysis_result *r, int worse)
{
	double p = worse ? r->chance.worse : r->chance.helped;

	if (worse ? r->verdict != VERDICT_WORSE : !analysis_helped(r->verdict))
		return 0;
	return 2 * analysis_chance_pct(p) < ANALYSIS_CHANCE_SCALE;
}

void
review_chance(struct buf *b, const struct review_row *row)
{
	const struct analysis_result *r = &row->result;
	const char *it = r->flare_tool ? "its sessions" : "it";
	const char *they = r->flare_tool ? "they" : "it";
	char w[REVIEW_FIGURE_LEN];

	if (!r->has_chance)
		return;
	buf_printf(b, "The chances, allowing for %s: ",
		   r->flare_tool ? "the spread between sessions"
				 : "the day-to-day ups and downs");
	buf_printf(b, "%s that %s lowered your pain; ",
		   review_chance_words(r->chance.lower, w), it);
	buf_printf(b,
		   "%s that %s lowered it by a meaningful amount (%d points "
		   "or %d%%)",
		   review_chance_words(r->chance.helped, w), they,
		   ANALYSIS_MEANINGFUL_POINTS, ANALYSIS_MEANINGFUL_PCT);
	if (past_seen(r, 0))
		buf_adds(b, ", as the fall seen did, though the true fall may "
			    "be smaller");
	buf_printf(b, "; %s that %s raised it by as much",
		   review_chance_words(r->chance.worse, w), they);
	if (past_seen(r, 1))
		buf_adds(b, ", as the rise seen did, though the true rise may "
			    "be smaller");
	buf_addc(b, '.');
}

void
review_chance_brief(struct buf *b, const struct review_row *row)
{
	const struct analysis_result *r = &row->result;
	char w[REVIEW_FIGURE_LEN];

	if (!r->has_chance)
		return;
	buf_printf(b, "Chance that %s lowered pain: %s; ",
		   r->flare_tool ? "its sessions" : "it",
		   review_chance_words(r->chance.lower, w));
	buf_printf(b, "by %d points or %d%%: %s", ANALYSIS_MEANINGFUL_POINTS,
		   ANALYSIS_MEANINGFUL_PCT,
		   review_chance_words(r->chance.helped, w));
	if (past_seen(r, 0))
		buf_adds(b,
			 " (the fall seen did; the true one may be smaller)");
	buf_printf(b, "; that %s raised it as much: %s",
		   r->flare_tool ? "they" : "it",
		   review_chance_words(r->chance.worse, w));
	if (past_seen(r, 1))
		buf_adds(b,
			 " (the rise seen did; the true one may be smaller)");
	buf_addc(b, '.');
}
