/*
 * program_import_trial.c: the trials and habits of an export read back,
 * checked by the rules of their writes (program_write_trial.c): a trial
 * ended not before it started, with an outcome once it has ended and an
 * impression only then, the trials of an approach one after the other
 * (store_trial_start()'s rule), one running; a habit kept at the end of a
 * trial of the file of the same approach, one kept per approach, dropped
 * not before it was kept. An approach the pack renamed takes its new id
 * (renamed_from); one the pack does not have is kept as the file has it.
 */
#include "program_int.h"

#include <stdlib.h>
#include <string.h>

#include "content.h"
#include "util.h"

/* Trial i of a. */
static int
read_trial(struct program_reading *r, const struct json *a, size_t i)
{
	struct program_import *imp = r->imp;
	struct store_trial *t = &imp->trials[i];
	const struct json *v[STORE_COLUMNS_MAX];
	const char *approach, *outcome;
	long long id, impression;
	int rc;

	if ((rc = program_import_row(r, STORE_TABLE_TRIAL, i, &a->items[i],
				     v)) ||
	    (rc = program_import_get_int(r, v[STORE_TRIAL_ID], "id", 1,
					 PROGRAM_IMPORT_ID_MAX, 0, &id)) ||
	    (rc = program_import_get_id(r, v[STORE_TRIAL_APPROACH], "approach",
					&approach)) ||
	    (rc = program_import_get_day(r, v[STORE_TRIAL_STARTED_ON],
					 "started_on", 0, t->started_on)) ||
	    (rc = program_import_get_day(r, v[STORE_TRIAL_ENDED_ON], "ended_on",
					 1, t->ended_on)) ||
	    (rc = program_import_get_str(r, v[STORE_TRIAL_OUTCOME], "outcome",
					 1, &outcome)) ||
	    (rc = program_import_get_int(r, v[STORE_TRIAL_IMPRESSION],
					 "impression", IMPRESSION_MIN,
					 IMPRESSION_MAX, 1, &impression)) ||
	    (rc = program_import_get_uid(r, v[STORE_TRIAL_UID], t->uid)))
		return rc;
	if (i > 0 && imp->trials[i - 1].id >= id)
		return program_import_refuse(r, v[STORE_TRIAL_ID],
					     PROGRAM_IMPORT_IDS_IN_ORDER);
	/* Kept when the pack does not have it: one that does not is shown as
	 * such, never refused with the whole file. */
	t->id = id;
	t->approach = (char *)program_import_approach(r, approach);
	t->outcome = OUTCOME_NONE;
	t->impression = (int)impression;
	if (outcome != NULL && (outcome_parse(outcome, &t->outcome) != 0 ||
				t->outcome == OUTCOME_NONE))
		return program_import_refuse(
		    r, v[STORE_TRIAL_OUTCOME],
		    "outcome is one of helped, no-change, worse, "
		    "stopped, or null");
	if (t->ended_on[0] != '\0' && strcmp(t->ended_on, t->started_on) < 0)
		return program_import_refuse(
		    r, v[STORE_TRIAL_ENDED_ON],
		    "the trial cannot end on %s, before it "
		    "started on %s",
		    t->ended_on, t->started_on);
	if ((t->ended_on[0] == '\0') != (t->outcome == OUTCOME_NONE))
		return program_import_refuse(
		    r, v[STORE_TRIAL_OUTCOME],
		    t->ended_on[0] == '\0'
			? "a running trial (ended_on null) has no "
			  "outcome yet"
			: "an ended trial needs an outcome");
	/* As program_impression() gives it: at the end of a trial. */
	if (t->ended_on[0] == '\0' && t->impression != ENTRY_NONE)
		return program_import_refuse(
		    r, v[STORE_TRIAL_IMPRESSION],
		    "a running trial (ended_on null) has no "
		    "impression yet; it is given at its end");
	return 0;
}

/* The order of trials in the rule below: by approach, then start, then
 * end (a running one after every ended one), then as in the file. */
static int
trial_cmp(const void *pa, const void *pb)
{
	const struct store_trial *a = *(const struct store_trial *const *)pa;
	const struct store_trial *b = *(const struct store_trial *const *)pb;
	int c = strcmp(a->approach, b->approach);

	if (c == 0)
		c = strcmp(a->started_on, b->started_on);
	if (c == 0)
		c = (a->ended_on[0] == '\0') - (b->ended_on[0] == '\0');
	if (c == 0)
		c = strcmp(a->ended_on, b->ended_on);
	if (c == 0)
		c = (a > b) - (a < b);
	return c;
}

/*
 * The rule of store_trial_start(), across the file: the trials of an
 * approach one after the other, each starting on or after the day the one
 * before it ended (that day included), never inside it, and only the last
 * running. In the order above, each against the one before; refused at
 * the later one's start.
 */
static int
check_sequence(struct program_reading *r, const struct json *a)
{
	const struct store_trial *t = r->imp->trials, *x, *prev;
	size_t n = r->imp->dump.ntrials, i;
	const struct store_trial **order = xcalloc(n + 1, sizeof *order);
	int rc = 0;

	for (i = 0; i < n; i++)
		order[i] = &t[i];
	qsort(order, n, sizeof *order, trial_cmp);
	for (i = 1; i < n && rc == 0; i++) {
		prev = order[i - 1];
		x = order[i];
		if (strcmp(prev->approach, x->approach) != 0 ||
		    (prev->ended_on[0] != '\0' &&
		     strcmp(prev->ended_on, x->started_on) <= 0))
			continue;
		rc = program_import_refuse(
		    r, json_get(&a->items[x - t], "started_on"),
		    prev->ended_on[0] == '\0'
			? "%s has a second running trial (the one from %s%s "
			  "runs, ended_on null): one runs at a time"
			: "this trial of %s from %s starts inside the one from "
			  "%s to %s: a trial starts on or after the day the "
			  "one before it ended",
		    x->approach,
		    prev->ended_on[0] == '\0' ? prev->started_on
					      : x->started_on,
		    prev->ended_on[0] == '\0' ? "" : prev->started_on,
		    prev->ended_on);
	}
	free(order);
	return rc;
}

int
program_import_trials(struct program_reading *r, const struct json *a)
{
	struct program_import *imp = r->imp;
	size_t i;
	int rc = 0;

	imp->trials = xcalloc(a->n + 1, sizeof *imp->trials);
	imp->rows[STORE_TABLE_TRIAL] = a->items;
	for (i = 0; i < a->n && rc == 0; i++)
		rc = read_trial(r, a, i);
	imp->dump.trials = imp->trials;
	imp->dump.ntrials = a->n;
	if (rc == 0)
		rc = check_sequence(r, a);
	if (rc == 0)
		rc = program_import_uids_once(r, STORE_TABLE_TRIAL,
					      imp->trials[0].uid,
					      sizeof *imp->trials, a->n);
	return rc;
}

/* The index of the file's trial id (they are in the order of their ids),
 * or -1. */
static long
trial_of(const struct program_import *imp, long long id)
{
	size_t lo = 0, hi = imp->dump.ntrials, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (imp->trials[mid].id == id)
			return (long)mid;
		if (imp->trials[mid].id < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return -1;
}

/* Habit i of a. */
static int
read_habit(struct program_reading *r, const struct json *a, size_t i)
{
	struct program_import *imp = r->imp;
	struct store_habit *h = &imp->habits[i];
	const struct json *v[STORE_COLUMNS_MAX];
	const char *approach;
	long long id, trial_id;
	long k = -1;
	int rc;

	if ((rc = program_import_row(r, STORE_TABLE_HABIT, i, &a->items[i],
				     v)) ||
	    (rc = program_import_get_int(r, v[STORE_HABIT_ID], "id", 1,
					 PROGRAM_IMPORT_ID_MAX, 0, &id)) ||
	    (rc = program_import_get_id(r, v[STORE_HABIT_APPROACH], "approach",
					&approach)) ||
	    (rc =
		 program_import_get_int(r, v[STORE_HABIT_TRIAL], "trial_id", 1,
					PROGRAM_IMPORT_ID_MAX, 1, &trial_id)) ||
	    (rc = program_import_get_day(r, v[STORE_HABIT_KEPT_ON], "kept_on",
					 0, h->kept_on)) ||
	    (rc = program_import_get_day(r, v[STORE_HABIT_DROPPED_ON],
					 "dropped_on", 1, h->dropped_on)) ||
	    (rc = program_import_get_uid(r, v[STORE_HABIT_UID], h->uid)))
		return rc;
	if (i > 0 && imp->habits[i - 1].id >= id)
		return program_import_refuse(r, v[STORE_HABIT_ID],
					     PROGRAM_IMPORT_IDS_IN_ORDER);
	h->id = id;
	h->approach = (char *)program_import_approach(r, approach);
	h->trial_id = trial_id == ENTRY_NONE ? 0 : trial_id;
	if (h->trial_id != 0 && (k = trial_of(imp, h->trial_id)) < 0)
		return program_import_refuse(
		    r, v[STORE_HABIT_TRIAL],
		    "trial_id %lld: the file has no trial with "
		    "this id",
		    h->trial_id);
	if (h->trial_id != 0 &&
	    strcmp(imp->trials[k].approach, h->approach) != 0)
		return program_import_refuse(
		    r, v[STORE_HABIT_TRIAL],
		    "trial_id %lld is a trial of %s, not of %s", h->trial_id,
		    imp->trials[k].approach, h->approach);
	/* program_keep() keeps an approach at the end of its trial. */
	if (h->trial_id != 0 && imp->trials[k].ended_on[0] == '\0')
		return program_import_refuse(
		    r, v[STORE_HABIT_TRIAL],
		    "trial_id %lld is still running (ended_on "
		    "null): a habit is kept at the end of its "
		    "trial",
		    h->trial_id);
	/* As program_drop() refuses it. */
	if (h->dropped_on[0] != '\0' && strcmp(h->dropped_on, h->kept_on) < 0)
		return program_import_refuse(
		    r, v[STORE_HABIT_DROPPED_ON],
		    "%s cannot be dropped on %s: it was kept as a "
		    "habit on %s",
		    h->approach, h->dropped_on, h->kept_on);
	return 0;
}

static int
habit_cmp(const void *pa, const void *pb)
{
	const struct store_habit *a = *(const struct store_habit *const *)pa;
	const struct store_habit *b = *(const struct store_habit *const *)pb;
	int c = strcmp(a->approach, b->approach);

	return c != 0 ? c : (a > b) - (a < b);
}

/* As program_keep() refuses it: an approach kept once at a time. The kept
 * habits in the order of their approaches, each against the one before. */
static int
check_kept(struct program_reading *r, const struct json *a)
{
	const struct store_habit *h = r->imp->habits;
	size_t n = r->imp->dump.nhabits, k = 0, i;
	const struct store_habit **order = xcalloc(n + 1, sizeof *order);
	int rc = 0;

	for (i = 0; i < n; i++)
		if (h[i].dropped_on[0] == '\0')
			order[k++] = &h[i];
	qsort(order, k, sizeof *order, habit_cmp);
	for (i = 1; i < k && rc == 0; i++)
		if (strcmp(order[i - 1]->approach, order[i]->approach) == 0)
			rc = program_import_refuse(
			    r, json_get(&a->items[order[i] - h], "dropped_on"),
			    "%s is kept as a habit a second time "
			    "(dropped_on null): at most once at a time",
			    order[i]->approach);
	free(order);
	return rc;
}

int
program_import_habits(struct program_reading *r, const struct json *a)
{
	struct program_import *imp = r->imp;
	size_t i;
	int rc = 0;

	imp->habits = xcalloc(a->n + 1, sizeof *imp->habits);
	imp->rows[STORE_TABLE_HABIT] = a->items;
	for (i = 0; i < a->n && rc == 0; i++)
		rc = read_habit(r, a, i);
	imp->dump.habits = imp->habits;
	imp->dump.nhabits = a->n;
	if (rc == 0)
		rc = check_kept(r, a);
	if (rc == 0)
		rc = program_import_uids_once(r, STORE_TABLE_HABIT,
					      imp->habits[0].uid,
					      sizeof *imp->habits, a->n);
	return rc;
}
