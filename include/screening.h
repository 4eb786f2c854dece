/*
 * screening: an answer to a safety question (a red flag of the pack, or
 * the first run's recent-injury question), as the store hands it out and
 * the program and the report read it. It owns its strings;
 * screenings_free() frees an array of them and the array.
 */
#ifndef BACKPAIN_SCREENING_H
#define BACKPAIN_SCREENING_H

#include <stddef.h>

#include "day.h"

/* The screening id of onboarding's recent-injury question, beside the
 * pack's red flags. */
#define SCREENING_INJURY "recent-injury"

struct screening {
	char *flag;	/* red flag id of the pack, or SCREENING_INJURY */
	int answer;	/* 1 yes, 0 no */
	char *asked_at; /* local ISO 8601 */
	char checked_on[DAY_LEN]; /* a doctor checked this yes; "" if not */
	/* The revision of the red flag's question it answered (content.h),
	 * 1.. (1 for answers from before revisions were kept). */
	int revision;
};

void screenings_free(struct screening *, size_t);

#endif
