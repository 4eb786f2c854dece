/*
 * program_pause.c: the pause week (program.h, issue 21): a running trial of
 * a reversible approach paused to see whether the pain comes back, and
 * resumed. Checked against the pack, the plan and the pauses of
 * program_days.c before the store writes it.
 */
#include "program.h"

#include <string.h>
#include <sysexits.h>

#include "content.h"
#include "store.h"
#include "util.h"

/* The running trial of a as of day, with its id, start and the pauses as
 * of today; EX_DATAERR when none runs. */
static int
running(const struct pack *pack, struct store *store, const struct approach *a,
	const char *day, const char *today, long long *id,
	char started[DAY_LEN], struct program_pauses *p, char **cause)
{
	struct program_plan plan;
	const struct program_step *st;
	int rc;

	if ((rc = program_plan_load(pack, store, today, &plan, cause)) != 0)
		return rc;
	st = &plan.steps[content_approach_index(pack, a->id)];
	*id = st->trial_id;
	memcpy(started, st->started_on, DAY_LEN);
	if (st->state != PROGRAM_RUNNING)
		*cause = xasprintf("%s is not running%s", a->id,
				   st->state == PROGRAM_ENDED
				       ? "; its trial has ended"
				       : "; it was never started");
	else if (strcmp(day, st->started_on) < 0)
		*cause = xasprintf("%s started on %s, after %s", a->id,
				   st->started_on, day);
	rc = *cause != NULL ? EX_DATAERR : 0;
	program_plan_free(&plan);
	if (rc == 0)
		rc = program_pauses_load(pack, store, today, p, cause);
	return rc;
}

/* Why a pause of a says nothing, when it is not reversible. */
static char *
not_reversible(const struct approach *a)
{
	if (a->flare_tool || a->wildcard)
		return xasprintf("%s is not paused: it is judged by the "
				 "relief of its sessions, not by a fall in "
				 "daily pain that a pause could confirm",
				 a->id);
	return xasprintf("%s is not paused: its effect is something learnt "
			 "(a way of thinking or of moving), which a week off "
			 "does not undo, so whether the pain comes back "
			 "would say nothing about it (the pack does not mark "
			 "it reversible)",
			 a->id);
}

/* The judged window before day: at least ANALYSIS_DURING_DAYS of its days
 * that count after the settling-in days. */
static int
judged_enough(const struct program_pauses *p, const struct approach *a,
	      long long id, const char *started, const char *day, char **cause)
{
	struct program_trial_days td;
	int need = program_pause_need(a), have;
	char earliest[DAY_LEN];

	program_trial_days(p, id, day_number(started), day_number(day) - 1,
			   &td);
	have = td.counted;
	program_trial_days_free(&td);
	if (have >= need)
		return 0;
	if (day_add(day, need - have, earliest) != 0)
		earliest[0] = '\0';
	*cause = xasprintf("%s has %d of the %d days a pause needs before it "
			   "(%d to settle in and %d judged), so there is no "
			   "fall in pain to confirm yet; pause it on %s at "
			   "the earliest",
			   a->id, have, need, need - ANALYSIS_DURING_DAYS,
			   ANALYSIS_DURING_DAYS,
			   earliest[0] != '\0' ? earliest : "a later day");
	return EX_DATAERR;
}

int
program_pause(const struct pack *pack, struct store *store,
	      const char *approach, const char *day, const char *today,
	      int *days, char **cause)
{
	struct program_pauses p;
	const struct program_pause *w;
	const struct approach *a;
	char started[DAY_LEN];
	long long id = 0;
	int rc, held;

	if (days != NULL)
		*days = 0;
	if (day_check(day, cause) != 0)
		return EX_DATAERR;
	if ((a = program_approach(pack, approach, cause)) == NULL)
		return EX_DATAERR;
	if (!a->reversible) {
		*cause = not_reversible(a);
		return EX_DATAERR;
	}
	*cause = NULL;
	if ((rc = running(pack, store, a, day, today, &id, started, &p,
			  cause)) != 0)
		return rc;
	held = program_paused_on(&p, 0, day_number(day)) & PROGRAM_PAUSE_HOLD;
	w = program_trial_week(&p, id);
	if (held)
		*cause = xasprintf(
		    "a safety question holds on %s and already pauses %s "
		    "with every other trial; a pause week can wait until "
		    "a doctor has checked it",
		    day, a->id);
	else if (w != NULL)
		*cause = xasprintf(
		    "%s was already paused on %s%s%s; a trial "
		    "is paused once",
		    a->id, w->from,
		    w->until[0] != '\0' ? " and resumed on " : "", w->until);
	rc = held ? PROGRAM_REFUSED : w != NULL ? EX_DATAERR : 0;
	if (rc == 0)
		rc = judged_enough(&p, a, id, started, day, cause);
	program_pauses_free(&p);
	if (rc != 0)
		return rc;
	if ((rc = store_pause_begin(store, id, day, cause)) == 0 &&
	    days != NULL)
		*days = program_pause_days(a);
	return rc;
}

int
program_resume(const struct pack *pack, struct store *store,
	       const char *approach, const char *day, const char *today,
	       char **cause)
{
	struct program_pauses p;
	const struct program_pause *w;
	const struct approach *a;
	char started[DAY_LEN];
	long long id = 0;
	int rc;

	if (day_check(day, cause) != 0)
		return EX_DATAERR;
	if ((a = program_approach(pack, approach, cause)) == NULL)
		return EX_DATAERR;
	*cause = NULL;
	if ((rc = running(pack, store, a, day, today, &id, started, &p,
			  cause)) != 0)
		return rc;
	w = program_trial_week(&p, id);
	if (w == NULL)
		*cause = xasprintf("%s is not paused", a->id);
	else if (w->until[0] != '\0')
		*cause =
		    xasprintf("%s was resumed already, on %s", a->id, w->until);
	else if (strcmp(day, w->from) <= 0)
		*cause = xasprintf("%s was paused on %s: the first day back "
				   "on it is a later day",
				   a->id, w->from);
	program_pauses_free(&p);
	if (*cause != NULL)
		return EX_DATAERR;
	return store_pause_end(store, id, day, cause);
}
