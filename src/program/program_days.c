/*
 * program_days.c: the pauses (safety holds and pause weeks) read from the
 * log, and the
 * one rule of which days of a trial count (program.h). The plan's day
 * count, the day's list, the review's windows and the report all come
 * here, so that no face counts a trial's days another way.
 */
#include "program.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "content.h"
#include "store.h"
#include "util.h"

/* The day of an answer as struct program_flag's asked_on: the date of its
 * stamp, never after today; "" when the stamp holds none. */
static void
answer_day(const struct screening *a, const char *today, char out[DAY_LEN])
{
	out[0] = '\0';
	if (a->asked_at == NULL || strlen(a->asked_at) < DAY_LEN - 1)
		return;
	memcpy(out, a->asked_at, DAY_LEN - 1);
	out[DAY_LEN - 1] = '\0';
	if (day_valid(out) != 0)
		out[0] = '\0';
	else if (strcmp(out, today) > 0)
		memcpy(out, today, DAY_LEN);
}

static struct program_pause *
pause_add(struct program_pauses *p, const struct red_flag *flag,
	  const char *from)
{
	struct program_pause *x;

	p->pauses = xreallocarray(p->pauses, p->n + 1, sizeof *p->pauses);
	x = &p->pauses[p->n++];
	memset(x, 0, sizeof *x);
	x->why = PROGRAM_PAUSE_HOLD;
	x->flag = flag;
	memcpy(x->from, from, DAY_LEN);
	return x;
}

/* Ends the open hold *open on day (a no, or a doctor's check): the day
 * counts again. A stretch that ends on or before its first day holds no
 * day and is dropped. */
static void
hold_end(struct program_pauses *p, long long *open, const char *day)
{
	struct program_pause *x = &p->pauses[*open];

	if (strcmp(day, x->from) <= 0) {
		memmove(x, x + 1, (p->n - (size_t)*open - 1) * sizeof *x);
		p->n--;
	} else {
		memcpy(x->until, day, DAY_LEN);
	}
	*open = -1;
}

static int
by_from(const void *a, const void *b)
{
	const struct program_pause *x = a, *y = b;
	int c = strcmp(x->from, y->from);

	if (c != 0)
		return c;
	/* Holds (with their flag) before pause weeks (with their trial). */
	if ((x->flag == NULL) != (y->flag == NULL))
		return x->flag == NULL ? 1 : -1;
	if (x->flag != NULL)
		return strcmp(x->flag->id, y->flag->id);
	return (x->trial_id > y->trial_id) - (x->trial_id < y->trial_id);
}

/* The pause weeks of the log (store.h's trial_pause): each pauses its own
 * trial from paused_on up to, not including, resumed_on. Those of trials
 * whose approach is not reversible in the pack still count: the log says
 * the person stopped. */
static int
pause_weeks(struct program_pauses *p, struct store *store, char **cause)
{
	struct store_pause *w = NULL;
	size_t n = 0, i;
	int rc;

	if ((rc = store_pause_list(store, &w, &n, cause)) != 0)
		return rc;
	for (i = 0; i < n; i++) {
		struct program_pause *x = pause_add(p, NULL, w[i].paused_on);

		x->why = PROGRAM_PAUSE_WEEK;
		x->trial_id = w[i].trial_id;
		memcpy(x->until, w[i].resumed_on, DAY_LEN);
	}
	store_pauses_free(w, n);
	return 0;
}

/*
 * The holds of one flag, walking its answers oldest first: a yes opens a
 * hold unless one is open; a no ends it that day; a doctor's check of the
 * latest yes ends it on the day checked. A later yes opens another.
 */
static void
flag_holds(struct program_pauses *p, const struct red_flag *flag,
	   const struct screening *a, size_t n, const char *today)
{
	char day[DAY_LEN];
	long long open = -1;
	size_t i;

	for (i = 0; i < n; i++) {
		if (strcmp(a[i].flag, flag->id) != 0)
			continue;
		answer_day(&a[i], today, day);
		if (day[0] == '\0')
			continue;
		if (a[i].answer == 0) {
			if (open >= 0)
				hold_end(p, &open, day);
			continue;
		}
		if (open < 0) {
			pause_add(p, flag, day);
			open = (long long)p->n - 1;
		}
		if (a[i].checked_on[0] != '\0')
			hold_end(p, &open, a[i].checked_on);
	}
}

int
program_pauses_load(const struct pack *pack, struct store *store,
		    const char *today, struct program_pauses *out, char **cause)
{
	struct screening *a = NULL;
	size_t n = 0, i;
	int rc;

	memset(out, 0, sizeof *out);
	if ((rc = store_screening_all(store, &a, &n, cause)) != 0)
		return rc;
	for (i = 0; i < pack->nred_flags; i++)
		if (pack->red_flags[i].holds)
			flag_holds(out, &pack->red_flags[i], a, n, today);
	screenings_free(a, n);
	if ((rc = pause_weeks(out, store, cause)) != 0) {
		program_pauses_free(out);
		return rc;
	}
	if (out->n > 1)
		qsort(out->pauses, out->n, sizeof *out->pauses, by_from);
	return 0;
}

void
program_pauses_free(struct program_pauses *p)
{
	free(p->pauses);
	memset(p, 0, sizeof *p);
}

/* The first day that counts again after x, as a day number; INT_MAX while
 * it stands. */
static int
pause_until(const struct program_pause *x)
{
	return x->until[0] != '\0' ? day_number(x->until) : INT_MAX;
}

/* Whether x pauses trial_id (0: only pauses of every trial do). */
static int
pause_of(const struct program_pause *x, long long trial_id)
{
	return x->trial_id == 0 || x->trial_id == trial_id;
}

int
program_paused_on(const struct program_pauses *p, long long trial_id, int day)
{
	int why = 0;
	size_t i;

	for (i = 0; i < p->n; i++) {
		const struct program_pause *x = &p->pauses[i];

		if (pause_of(x, trial_id) && day_number(x->from) <= day &&
		    day < pause_until(x))
			why |= (int)x->why;
	}
	return why;
}

/* The first day of the pauses of trial_id for the reasons why, one
 * running into the next, that hold day (which one does). */
static int
paused_since(const struct program_pauses *p, long long trial_id, int why,
	     int day)
{
	int since = day, best, from;
	size_t i;

	for (;;) {
		best = since;
		for (i = 0; i < p->n; i++) {
			const struct program_pause *x = &p->pauses[i];

			from = day_number(x->from);
			if (pause_of(x, trial_id) && ((int)x->why & why) &&
			    from < best && since - 1 < pause_until(x))
				best = from;
		}
		if (best == since)
			return since;
		since = best;
	}
}

void
program_trial_days(const struct program_pauses *p, long long trial_id,
		   int first, int last, struct program_trial_days *out)
{
	size_t n, i, k;

	memset(out, 0, sizeof *out);
	out->first = first;
	out->last = last;
	if (last < first)
		return;
	n = (size_t)((long long)last - first + 1);
	out->off = xcalloc(n, sizeof *out->off);
	/* Each pause marks its days in the span: a few pauses, so this
	 * costs the span's length times their number. */
	for (k = 0; k < p->n; k++) {
		const struct program_pause *x = &p->pauses[k];
		long long from = day_number(x->from), until = pause_until(x);

		if (!pause_of(x, trial_id) || until <= first || from > last)
			continue;
		if (from < first)
			from = first;
		if (until > (long long)last + 1)
			until = (long long)last + 1;
		for (i = (size_t)(from - first); i < (size_t)(until - first);
		     i++)
			out->off[i] |= (unsigned char)x->why;
	}
	for (i = 0; i < n; i++) {
		if (out->off[i] == 0)
			out->counted++;
		else if (out->off[i] & PROGRAM_PAUSE_HOLD)
			out->held++;
		else if (out->off[i] & PROGRAM_PAUSE_WEEK)
			out->week++;
	}
	if (out->off[n - 1] & PROGRAM_PAUSE_HOLD) {
		out->paused = 1;
		day_from_number(
		    paused_since(p, trial_id, PROGRAM_PAUSE_HOLD, last),
		    out->paused_since);
	}
	if (out->off[n - 1] & PROGRAM_PAUSE_WEEK) {
		out->in_week = 1;
		day_from_number(
		    paused_since(p, trial_id, PROGRAM_PAUSE_WEEK, last),
		    out->week_since);
	}
}

void
program_trial_days_free(struct program_trial_days *d)
{
	free(d->off);
	d->off = NULL;
}

const struct program_pause *
program_trial_week(const struct program_pauses *p, long long trial_id)
{
	size_t i;

	for (i = 0; i < p->n; i++)
		if (p->pauses[i].why == PROGRAM_PAUSE_WEEK &&
		    p->pauses[i].trial_id == trial_id)
			return &p->pauses[i];
	return NULL;
}

int
program_confirming(const struct program_pauses *p, long long trial_id,
		   const char *today)
{
	const struct program_pause *w = program_trial_week(p, trial_id);
	int back;

	if (w == NULL || w->until[0] == '\0')
		return 0;
	back = day_number(today) - day_number(w->until) + 1;
	return back < day_number(w->until) - day_number(w->from);
}
