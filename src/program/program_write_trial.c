/*
 * program_write_trial.c: the writes of trials and habits (program.h): a
 * trial started (when the safety answers allow it) and stopped, the
 * person's impression of it and a review's outcome, and an approach kept
 * as a habit at the end of its trial and dropped later. Each is checked
 * against the plan of program.c before the store writes it.
 */
#include "program.h"

#include <string.h>
#include <sysexits.h>

#include "content.h"
#include "store.h"
#include "util.h"

int
program_start(const struct pack *pack, struct store *store,
	      const char *approach, const char *day, const char **shared,
	      char **cause)
{
	struct program_plan plan;
	struct program_safety safety;
	const struct approach *a;
	const char *other = NULL;
	size_t i;
	int rc;

	if (shared != NULL)
		*shared = NULL;
	if (day_check(day, cause) != 0)
		return EX_DATAERR;
	if ((a = program_approach(pack, approach, cause)) == NULL)
		return EX_DATAERR;
	rc = program_safety_load(pack, store, day, &safety, cause);
	if (rc == 0) {
		rc = program_safety_allows(&safety, cause);
		program_safety_free(&safety);
	}
	if (rc != 0)
		return rc;
	rc = program_plan_load(pack, store, day, &plan, cause);
	if (rc != 0)
		return rc;
	for (i = 0; i < plan.nsteps; i++) {
		const struct program_step *st = &plan.steps[i];

		if (st->state != PROGRAM_RUNNING)
			continue;
		if (st->approach == a) {
			*cause = xasprintf("%s is already running, since %s",
					   a->id, st->started_on);
			program_plan_free(&plan);
			return EX_DATAERR;
		}
		if (other == NULL && !a->wildcard && !st->approach->wildcard)
			other = st->approach->id;
	}
	program_plan_free(&plan);
	rc = store_trial_start(store, a->id, day, cause);
	if (rc == 0 && shared != NULL)
		*shared = other;
	return rc;
}

/* The start day of the running trial of approach id, "" when none runs. */
static int
trial_running(struct store *store, const char *id, char started_on[DAY_LEN],
	      char **cause)
{
	struct store_trial *t;
	size_t n, i;
	int rc;

	started_on[0] = '\0';
	if ((rc = store_trial_list(store, &t, &n, cause)) != 0)
		return rc;
	for (i = 0; i < n; i++)
		if (t[i].ended_on[0] == '\0' && strcmp(t[i].approach, id) == 0)
			memcpy(started_on, t[i].started_on, DAY_LEN);
	store_trials_free(t, n);
	return 0;
}

/* The checks of a stop (and a keep) against the plan; *out the approach. */
static int
stop_check(const struct pack *pack, struct store *store, const char *approach,
	   const char *day, enum outcome outcome, const struct approach **out,
	   char **cause)
{
	struct program_plan plan;
	const struct program_step *st;
	const struct approach *a;
	int rc;

	if (day_check(day, cause) != 0)
		return EX_DATAERR;
	if ((a = *out = program_approach(pack, approach, cause)) == NULL)
		return EX_DATAERR;
	if (outcome == OUTCOME_NONE) {
		*cause = xasprintf("stopping %s needs an outcome", a->id);
		return EX_DATAERR;
	}
	rc = program_plan_load(pack, store, day, &plan, cause);
	if (rc != 0)
		return rc;
	st = &plan.steps[content_approach_index(pack, a->id)];
	if (st->state != PROGRAM_RUNNING) {
		if (st->state == PROGRAM_ENDED)
			*cause = xasprintf("%s is not running; it ended on %s",
					   a->id, st->ended_on);
		else
			*cause = xasprintf("%s is not running; it was never "
					   "started",
					   a->id);
		rc = EX_DATAERR;
	} else if (strcmp(day, st->started_on) < 0) {
		*cause =
		    xasprintf("%s cannot end on %s, before it started on %s",
			      a->id, day, st->started_on);
		rc = EX_DATAERR;
	}
	program_plan_free(&plan);
	return rc;
}

int
program_stop(const struct pack *pack, struct store *store, const char *approach,
	     const char *day, enum outcome outcome, char **cause)
{
	const struct approach *a;
	char started[DAY_LEN];
	int rc;

	if (day_check(day, cause) != 0)
		return EX_DATAERR;
	/* A trial of an approach this pack lacks (started under another
	 * pack, or one since changed) can still be ended. */
	if (content_approach(pack, approach) == NULL &&
	    outcome != OUTCOME_NONE) {
		if ((rc = trial_running(store, approach, started, cause)) != 0)
			return rc;
		if (started[0] != '\0' && strcmp(day, started) < 0) {
			*cause = xasprintf("%s cannot end on %s, before it "
					   "started on %s",
					   approach, day, started);
			return EX_DATAERR;
		}
		if (started[0] != '\0')
			return store_trial_stop(store, approach, day, outcome,
						cause);
	}
	if ((rc = stop_check(pack, store, approach, day, outcome, &a, cause)) !=
	    0)
		return rc;
	return store_trial_stop(store, a->id, day, outcome, cause);
}

int
program_impression(struct store *store, const char *approach, const char *day,
		   int impression, char **cause)
{
	if (day_check(day, cause) != 0)
		return EX_DATAERR;
	if (impression < IMPRESSION_MIN || impression > IMPRESSION_MAX) {
		*cause = xasprintf("impression: %d is not from %d to %d",
				   impression, IMPRESSION_MIN, IMPRESSION_MAX);
		return EX_DATAERR;
	}
	return store_trial_set_impression(store, approach, day, impression,
					  cause);
}

int
program_keep(const struct pack *pack, struct store *store, const char *approach,
	     const char *day, enum outcome outcome, char **cause)
{
	const struct approach *a;
	int rc = stop_check(pack, store, approach, day, outcome, &a, cause);

	if (rc != 0)
		return rc;
	return store_habit_keep(store, a->id, day, outcome, cause);
}

/* Why approach id is no habit to drop on day: kept only after it (the
 * plan of that day does not have it yet), or not kept at all. */
static int
not_kept(struct store *store, const char *id, const char *day, char **cause)
{
	struct store_habit *h;
	size_t n, i;
	int rc;

	if ((rc = store_habit_list(store, &h, &n, cause)) != 0)
		return rc;
	for (i = 0; i < n; i++)
		if (h[i].dropped_on[0] == '\0' &&
		    strcmp(h[i].approach, id) == 0)
			break;
	if (i < n && strcmp(day, h[i].kept_on) < 0)
		*cause = xasprintf("%s cannot be dropped on %s, before it was "
				   "kept as a habit on %s",
				   id, day, h[i].kept_on);
	else
		*cause = xasprintf("%s is not kept as a habit", id);
	store_habits_free(h, n);
	return EX_DATAERR;
}

int
program_drop(const struct pack *pack, struct store *store, const char *approach,
	     const char *day, char **cause)
{
	struct program_plan plan;
	const struct program_step *st;
	const struct approach *a;
	int rc;

	if (day_check(day, cause) != 0)
		return EX_DATAERR;
	if ((a = program_approach(pack, approach, cause)) == NULL)
		return EX_DATAERR;
	if ((rc = program_plan_load(pack, store, day, &plan, cause)) != 0)
		return rc;
	st = &plan.steps[content_approach_index(pack, a->id)];
	if (!st->habit)
		rc = not_kept(store, a->id, day, cause);
	program_plan_free(&plan);
	if (rc != 0)
		return rc;
	return store_habit_drop(store, a->id, day, cause);
}

int
program_outcome(struct store *store, long long trial_id, enum outcome outcome,
		char **cause)
{
	if (outcome == OUTCOME_NONE) {
		*cause = xstrdup("an ended trial needs an outcome");
		return EX_DATAERR;
	}
	return store_trial_set_outcome(store, trial_id, outcome, cause);
}
