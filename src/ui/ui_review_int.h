/*
 * ui_review_int.h: what the review screen's two files share and no one else
 * sees. review.c keeps the list of trials, the questions and the saving;
 * review_detail.c writes the selected trial's details into a view. Names
 * and titles are borrowed from the review and the pack.
 */
#ifndef BACKPAIN_UI_REVIEW_INT_H
#define BACKPAIN_UI_REVIEW_INT_H

#include "review.h"
#include "store.h"
#include "ui_int.h"

/* The approach's trial days from the pack; 0 when open-ended or unknown. */
int ui_review_trial_days(const struct ui *, const struct review_row *);
/* Running and at or past its trial days: time to decide. */
int ui_review_due(const struct ui *, const struct review_row *);
/* "helped", "no change", "worse", "stopped", or that there is none. */
const char *ui_review_outcome_words(enum store_outcome);
/* The outcome the verdict points to; it only advises. */
enum store_outcome ui_review_suggested(const struct review_row *);
/* Clears v and fills it with the row's figures and sentences, wrapped to
 * the body's text width. */
void ui_review_detail(struct ui_view *v, const struct ui *,
		      const struct review *, const struct review_row *);

#endif
