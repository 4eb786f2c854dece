/*
 * program_write.c: every write a person makes, checked against the pack
 * and the calendar once, here (by the checks of program_check.c), for the
 * CLI and the TUI alike.
 */
#include "program_int.h"

#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "content.h"
#include "util.h"

/* The check-in as the store takes it: ids and choices borrowed from the
 * pack, one mark per practice, the last answer per question. */
struct rows {
	struct store_answer *answers;
	size_t nanswers;
	struct store_session *marks;
	size_t nmarks;
};

static void
rows_free(struct rows *r)
{
	free(r->answers);
	free(r->marks);
	memset(r, 0, sizeof *r);
}

static int
checkin_rows(const struct pack *pack, const char *today,
	     const struct program_checkin *in, struct rows *r,
	     struct program_bad *bad, char **cause)
{
	const struct practice *p;
	const struct question *q;
	const char *choice;
	size_t i, k, bad_byte;
	int rc;

	memset(r, 0, sizeof *r);
	program_bad_none(bad);
	if ((rc = program_check_rating(in->pain, 0, PROGRAM_FIELD_PAIN, bad,
				       cause)) ||
	    (rc = program_check_rating(in->interference, 1,
				       PROGRAM_FIELD_INTERFERENCE, bad, cause)))
		return rc;
	if (in->note != NULL &&
	    utf8_valid(in->note, strlen(in->note), &bad_byte) != 0)
		return program_refuse(
		    bad, PROGRAM_FIELD_NOTE, 0, cause,
		    xasprintf("not valid UTF-8 at byte %zu", bad_byte + 1));
	r->marks = xcalloc(in->ndid + 1, sizeof *r->marks);
	r->answers = xcalloc(in->nanswers + 1, sizeof *r->answers);
	for (i = 0; i < in->ndid; i++) {
		p = program_find_practice(pack, in->did[i], PROGRAM_FIELD_DID,
					  i, bad, cause);
		if (p == NULL)
			goto refused;
		for (k = 0; k < r->nmarks; k++)
			if (strcmp(r->marks[k].practice, p->id) == 0)
				break;
		if (k < r->nmarks)
			continue;
		/* A practice marked done is a session with no minutes. */
		r->marks[k].practice = p->id;
		r->marks[k].approach = pack->approaches[p->approach].id;
		memcpy(r->marks[k].day, in->day, DAY_LEN);
		r->marks[k].minutes = STORE_NONE;
		r->marks[k].pain_before = r->marks[k].pain_after = STORE_NONE;
		r->nmarks++;
	}
	for (i = 0; i < in->nanswers; i++) {
		if (program_find_answer(pack, &in->answers[i], i, &q, &choice,
					bad, cause) != 0)
			goto refused;
		for (k = 0; k < r->nanswers; k++)
			if (strcmp(r->answers[k].question, q->id) == 0)
				break;
		if (k == r->nanswers)
			r->nanswers++;
		memcpy(r->answers[k].day, in->day, DAY_LEN);
		r->answers[k].question = q->id;
		r->answers[k].value = (char *)choice;
	}
	if ((rc = program_check_day(in->day, today, bad, cause)) != 0) {
		rows_free(r);
		return rc;
	}
	return 0;
refused:
	rows_free(r);
	return EX_DATAERR;
}

int
program_checkin_check(const struct pack *pack, const char *today,
		      const struct program_checkin *in, struct program_bad *bad,
		      char **cause)
{
	struct rows r;
	int rc = checkin_rows(pack, today, in, &r, bad, cause);

	rows_free(&r);
	return rc;
}

int
program_checkin(const struct pack *pack, struct store *store, const char *today,
		const struct program_checkin *in, struct store_checkin *old,
		int *replaced, struct program_bad *bad, char **cause)
{
	struct store_checkin c = {0};
	struct rows r;
	unsigned replace = STORE_KEEP;
	int rc;

	if (old != NULL)
		memset(old, 0, sizeof *old);
	if (replaced != NULL)
		*replaced = 0;
	if ((rc = checkin_rows(pack, today, in, &r, bad, cause)) != 0)
		return rc;
	memcpy(c.day, in->day, DAY_LEN);
	c.pain = in->pain;
	c.interference = in->interference;
	c.note =
	    in->note != NULL && *in->note != '\0' ? (char *)in->note : NULL;
	if (!in->merge && in->nanswers > 0)
		replace |= STORE_REPLACE_ANSWERS;
	rc = store_checkin_write(store, &c, r.answers, r.nanswers, r.marks,
				 r.nmarks, replace, old, replaced, cause);
	rows_free(&r);
	/* A check-in may be the second calm day that ends a flare-up. */
	if (rc == 0)
		rc = program_flare_settle(pack, store, today, cause);
	return rc;
}

int
program_session_check(const struct pack *pack, const char *today,
		      const struct program_session *s, struct program_bad *bad,
		      char **cause)
{
	int rc;

	program_bad_none(bad);
	if (program_find_practice(pack, s->practice, PROGRAM_FIELD_PRACTICE, 0,
				  bad, cause) == NULL)
		return EX_DATAERR;
	if (s->minutes != STORE_NONE &&
	    (s->minutes < 1 || s->minutes > STORE_MINUTES_MAX))
		return program_refuse(
		    bad, PROGRAM_FIELD_MINUTES, 0, cause,
		    xasprintf("use a whole number of minutes from 1 "
			      "to %d (a day)",
			      STORE_MINUTES_MAX));
	if ((rc = program_check_rating(s->pain_before, 1, PROGRAM_FIELD_BEFORE,
				       bad, cause)) != 0 ||
	    (rc = program_check_rating(s->pain_after, 1, PROGRAM_FIELD_AFTER,
				       bad, cause)) != 0)
		return rc;
	return program_check_day(s->day, today, bad, cause);
}

int
program_session_add(const struct pack *pack, struct store *store,
		    const char *today, struct program_session *s,
		    struct program_bad *bad, char **cause)
{
	const struct practice *p;
	struct store_session row = {0};
	int rc;

	if ((rc = program_session_check(pack, today, s, bad, cause)) != 0)
		return rc;
	p = content_practice(pack, s->practice);
	if (s->minutes == STORE_NONE)
		s->minutes = p->minutes;
	row.practice = p->id;
	row.approach = pack->approaches[p->approach].id;
	memcpy(row.day, s->day, DAY_LEN);
	row.minutes = s->minutes;
	row.pain_before = s->pain_before;
	row.pain_after = s->pain_after;
	return store_session_add(store, &row, cause);
}

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
	   const char *day, enum store_outcome outcome,
	   const struct approach **out, char **cause)
{
	struct program_plan plan;
	const struct program_step *st;
	const struct approach *a;
	int rc;

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
	     const char *day, enum store_outcome outcome, char **cause)
{
	const struct approach *a;
	char started[DAY_LEN];
	int rc;

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
	if (impression < STORE_IMPRESSION_MIN ||
	    impression > STORE_IMPRESSION_MAX) {
		*cause =
		    xasprintf("impression: %d is not from %d to %d", impression,
			      STORE_IMPRESSION_MIN, STORE_IMPRESSION_MAX);
		return EX_DATAERR;
	}
	return store_trial_set_impression(store, approach, day, impression,
					  cause);
}

int
program_keep(const struct pack *pack, struct store *store, const char *approach,
	     const char *day, enum store_outcome outcome, char **cause)
{
	const struct approach *a;
	int rc = stop_check(pack, store, approach, day, outcome, &a, cause);

	if (rc != 0)
		return rc;
	return store_habit_keep(store, a->id, day, outcome, cause);
}

int
program_drop(const struct pack *pack, struct store *store, const char *approach,
	     const char *day, char **cause)
{
	struct program_plan plan;
	const struct program_step *st;
	const struct approach *a;
	int rc;

	if ((a = program_approach(pack, approach, cause)) == NULL)
		return EX_DATAERR;
	if ((rc = program_plan_load(pack, store, day, &plan, cause)) != 0)
		return rc;
	st = &plan.steps[content_approach_index(pack, a->id)];
	if (!st->habit) {
		*cause = xasprintf("%s is not kept as a habit", a->id);
		rc = EX_DATAERR;
	}
	program_plan_free(&plan);
	if (rc != 0)
		return rc;
	return store_habit_drop(store, a->id, day, cause);
}

int
program_outcome(struct store *store, long long trial_id,
		enum store_outcome outcome, char **cause)
{
	if (outcome == OUTCOME_NONE) {
		*cause = xstrdup("an ended trial needs an outcome");
		return EX_DATAERR;
	}
	return store_trial_set_outcome(store, trial_id, outcome, cause);
}
