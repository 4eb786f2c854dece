/*
 * review_pause_text.c: the pause week in words (review.h): what a pause
 * showed or is waiting for, and the offer of one. Apart from
 * review_pause.c, which review.c calls, so that the words may use
 * review.c's figures without a loop between the two.
 */
#include "review.h"

#include <stdio.h>

#include "analysis.h"
#include "util.h"

/* Means in the pause's sentences: one decimal. */
#define WORDS_DECIMALS 1

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
	char on[REVIEW_FIGURE_LEN], off[REVIEW_FIGURE_LEN], means[320];

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
		/* Which days each mean is of, said once: the pause's, and
		 * the judged days before it with the days back after it,
		 * each but its first days (an effect takes them to fade or
		 * return). */
		snprintf(
		    means, sizeof means,
		    "a mean of %s over %d rated %s in the pause, against %s "
		    "over %d on it, before the pause and after it; the "
		    "first %d days of the pause and of the days back are "
		    "left out, while an effect fades or returns",
		    off, p->pause_n, p->pause_n == 1 ? "day" : "days", on,
		    p->on_n, ANALYSIS_PAUSE_FADE_DAYS);
	}
	/* Another approach began in it: nothing more can be said of it. */
	if (row->mixed != NULL) {
		buf_printf(b,
			   "%s%s began during the pause or the days back "
			   "after it, so the pause %s tell a change then from "
			   "its doing.",
			   p->confirmation == ANALYSIS_CONFIRM_PENDING ? " "
								       : "",
			   row->mixed,
			   p->confirmation == ANALYSIS_CONFIRM_PENDING
			       ? "will not be able to"
			       : "cannot");
		return;
	}
	switch (p->confirmation) {
	case ANALYSIS_CONFIRMED:
		buf_printf(b,
			   "The pause confirmed it: pain rose while you "
			   "stopped (%s) and fell again when you took it up, "
			   "so the fall looks like the approach's doing.",
			   means);
		break;
	case ANALYSIS_NOT_CONFIRMED:
		buf_printf(b,
			   "The pause did not confirm it: pain did not clearly "
			   "come back while you stopped (%s), so the fall may "
			   "not have been the approach's: pain that eases on "
			   "its own looks the same.",
			   means);
		break;
	case ANALYSIS_CONFIRM_UNCLEAR:
		if (p->has_rise && p->pause_n >= ANALYSIS_PAUSE_MIN_CHECKINS &&
		    p->on_n >= ANALYSIS_PAUSE_MIN_CHECKINS)
			buf_printf(b,
				   "The pause could not tell: the change "
				   "while you stopped (%s) is within the "
				   "day-to-day ups and downs.",
				   means);
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
