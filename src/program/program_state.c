/*
 * program_state.c: how things stand, one rule each, and their words
 * (program.h): the approach to start next, a trial's state, a flare-up
 * tool's use, the first run, whether a safety answer's advice applies now
 * and whether a start offers the re-check. program.c's plan and today
 * call these, and so does every face, so no face keeps a copy of a rule.
 */
#include "program.h"

#include <stdlib.h>
#include <string.h>

#include "content.h"
#include "program_int.h"
#include "util.h"

int
program_plan_next(const struct program_plan *plan, int ending)
{
	size_t i;
	int pass;

	for (i = 0; i < plan->nsteps; i++) {
		const struct program_step *st = &plan->steps[i];

		if ((int)i != ending && st->state == PROGRAM_RUNNING &&
		    !st->approach->wildcard)
			return -1;
	}
	/* The non-wildcards first (pass 0), then the wildcards. */
	for (pass = 0; pass < 2; pass++)
		for (i = 0; i < plan->nsteps; i++) {
			const struct program_step *st = &plan->steps[i];

			if ((int)i != ending && st->trials == 0 &&
			    st->approach->wildcard == pass)
				return (int)i;
		}
	return -1;
}

const struct program_step *
program_plan_trial(const struct program_plan *plan, long long trial_id)
{
	size_t i;

	for (i = 0; trial_id != 0 && i < plan->nsteps; i++)
		if (plan->steps[i].trial_id == trial_id)
			return &plan->steps[i];
	return NULL;
}

const struct program_step *
program_plan_pausing(const struct program_plan *plan,
		     const struct approach *except)
{
	size_t i;

	for (i = 0; i < plan->nsteps; i++) {
		const struct program_step *st = &plan->steps[i];

		if (st->state == PROGRAM_RUNNING && st->approach != except &&
		    (st->week || st->confirming))
			return st;
	}
	return NULL;
}

int
program_approach_tool(const struct pack *pack, size_t a)
{
	const struct approach *ap = &pack->approaches[a];
	size_t k;

	if (ap->flare_tool)
		return 1;
	for (k = 0; k < ap->npractices; k++)
		if (program_flare_tool(pack, &ap->practices[k]))
			return 1;
	return 0;
}

int
program_plan_tools(const struct pack *pack, struct store *store,
		   struct program_plan *plan, char **cause)
{
	size_t i;
	int rc;

	for (i = 0; i < plan->nsteps; i++) {
		struct program_step *st = &plan->steps[i];

		st->tool = program_approach_tool(pack, i);
		if (st->state == PROGRAM_RUNNING && st->days > 0 &&
		    st->day > st->days)
			st->overdue = st->day - st->days;
		/* Its sessions counted by the store: a daily command need not
		 * read every session of a long log. */
		if (st->tool &&
		    (rc = store_session_tally(store, st->approach->id,
					      plan->today, &st->tool_sessions,
					      st->tool_last, cause)) != 0)
			return rc;
	}
	return 0;
}

int
program_first_run(struct store *store, int *done, char on[DAY_LEN],
		  char **cause)
{
	char *value = NULL;
	int rc;

	*done = 0;
	if (on != NULL)
		on[0] = '\0';
	rc = store_profile_get(store, STORE_PROFILE_ONBOARDED, &value, cause);
	if (rc != 0)
		return rc;
	*done = value != NULL;
	/* The key holds a day; anything else is left unsaid. */
	if (on != NULL && value != NULL && day_valid(value) == 0)
		memcpy(on, value, DAY_LEN);
	free(value);
	return 0;
}

const char *
program_outcome_words(enum outcome o)
{
	switch (o) {
	case OUTCOME_HELPED:
		return "helped";
	case OUTCOME_NO_CHANGE:
		return "no change";
	case OUTCOME_WORSE:
		return "worse";
	case OUTCOME_STOPPED:
		return "stopped";
	case OUTCOME_NONE:
		break;
	}
	return "no outcome recorded";
}

const char *
program_trial_words(int running, int habit, enum outcome o)
{
	if (running)
		return "running";
	if (habit)
		return "kept as a habit";
	return program_outcome_words(o);
}

void
program_tool_words(struct buf *b, int sessions, const char *last)
{
	if (sessions == 1)
		buf_printf(b, "used once, on %s", last);
	else
		buf_printf(b, "used in %d sessions, last on %s", sessions,
			   last);
}

int
program_flag_advice_now(const struct program_flag *f)
{
	return f->state == PROGRAM_FLAG_HOLDS ||
	       f->state == PROGRAM_FLAG_ADVICE;
}

int
program_recheck_offered(const struct program_safety *s, const char *today)
{
	return s->since[0] != '\0' && strcmp(s->since, today) < 0;
}

void
program_baseline_words(struct buf *b, const struct program_today *t)
{
	buf_printf(b, "%d of %d ratings in the %d days before today",
		   t->baseline_n, ANALYSIS_BEFORE_MIN_CHECKINS,
		   ANALYSIS_BEFORE_DAYS);
	if (t->checked_in)
		buf_adds(b, " (today's counts for a start from tomorrow)");
}

int
program_step_paused_words(struct buf *b, const struct program_step *st,
			  int brief)
{
	if (st->state != PROGRAM_RUNNING)
		return 0;
	/* A hold stands above a pause week (program_pause() is refused on
	 * hold; a hold given in the week pauses it for its own reason). */
	if (st->paused) {
		buf_printf(b, "paused while a safety question holds (since %s)",
			   st->paused_since);
		return 1;
	}
	if (!st->week)
		return 0;
	buf_printf(b, "paused by you since %s", st->week_since);
	if (!brief)
		buf_adds(b, ", to see whether the pain comes back");
	return 1;
}

void
program_step_day_words(struct buf *b, const struct program_step *st)
{
	if (st->day == 0)
		buf_adds(b, "no day counted yet");
	else if (st->days > 0 && st->day > st->days)
		buf_printf(b, "day %d, %d past its %d days%s", st->day,
			   st->day - st->days, st->days,
			   st->review_due ? ": time to review"
			   : st->confirming
			       ? ": the review waits for the days back "
				 "after its pause"
			       : "");
	else if (st->days > 0)
		buf_printf(b, "day %d of %d", st->day, st->days);
	else
		buf_printf(b, "day %d", st->day);
}

/* Here, with the other words of an approach's plan, so that the plan
 * (program.c) and the pause (program_pause.c) both read it without using
 * each other. */
int
program_pause_days(const struct approach *a)
{
	return a != NULL && a->pause_days > 0 ? a->pause_days
					      : CONTENT_PAUSE_DAYS;
}

int
program_pause_need(const struct approach *a)
{
	int settle = a != NULL && a->settle_days > 0 ? a->settle_days
						     : ANALYSIS_SETTLE_DAYS;

	return settle + ANALYSIS_DURING_DAYS;
}
