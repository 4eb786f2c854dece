/*
 * program_lesson.c: the pack's lessons as the log tells them (program.h):
 * which were read, which are offered today and at what moments, and the
 * two writes, a lesson read and an offer put off. The one rule of the
 * offers is here; every face shows its result.
 */
#include "program_int.h"

#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "content.h"
#include "util.h"

/* What the log says happened, as the moments need it. */
struct happened {
	char first[DAY_LEN];	    /* the first check-in; "" when none */
	char flare[DAY_LEN];	    /* a flare-up's moment: the day it began */
	struct store_trial *trials; /* every trial, oldest start first */
	size_t ntrials;
};

/* The flare-up of the moment: the one running today, else the latest when
 * its record was made today (a flare put in the log when it was over). */
static int
happened_flare(struct store *store, const char *today, struct happened *h,
	       char **cause)
{
	struct store_flare *f = NULL;
	char made[DAY_LEN];
	size_t n = 0;
	int rc;

	if ((rc = program_flare_running(store, today, h->flare, cause)) != 0 ||
	    h->flare[0] != '\0')
		return rc;
	if ((rc = store_flare_list(store, &f, &n, cause)) != 0)
		return rc;
	if (n > 0 && f[n - 1].recorded_at != NULL &&
	    strlen(f[n - 1].recorded_at) >= DAY_LEN - 1) {
		memcpy(made, f[n - 1].recorded_at, DAY_LEN - 1);
		made[DAY_LEN - 1] = '\0';
		/* Stamped by the clock, a record made before the day's start
		 * hour bears the next calendar day. */
		if (strcmp(made, today) >= 0)
			memcpy(h->flare, f[n - 1].began_on, DAY_LEN);
	}
	store_flares_free(f, n);
	return 0;
}

static int
happened_load(struct store *store, const char *today, struct happened *h,
	      char **cause)
{
	int rc;

	memset(h, 0, sizeof *h);
	if ((rc = store_checkin_first(store, h->first, cause)) != 0 ||
	    (rc = happened_flare(store, today, h, cause)) != 0 ||
	    (rc = store_trial_list(store, &h->trials, &h->ntrials, cause)) != 0)
		return rc;
	if (strcmp(h->first, today) > 0)
		h->first[0] = '\0';
	return 0;
}

/* The latest trial of approach: a running one, else the last to start;
 * NULL when it never ran. */
static const struct store_trial *
latest_trial(const struct happened *h, const char *approach)
{
	const struct store_trial *t = NULL;
	size_t i;

	for (i = 0; i < h->ntrials; i++) {
		if (strcmp(h->trials[i].approach, approach) != 0)
			continue;
		if (t == NULL || t->ended_on[0] != '\0')
			t = &h->trials[i];
	}
	return t;
}

/* The day moment happened, into on; 0 when it has not (as of today). */
static int
moment_day(const struct happened *h, const char *moment, const char *today,
	   char on[DAY_LEN])
{
	const size_t start = strlen(CONTENT_MOMENT_START);
	const size_t stop = strlen(CONTENT_MOMENT_STOP);
	const struct store_trial *t;

	on[0] = '\0';
	if (strcmp(moment, CONTENT_MOMENT_FIRST_CHECKIN) == 0) {
		memcpy(on, h->first, DAY_LEN);
	} else if (strcmp(moment, CONTENT_MOMENT_FIRST_WEEK) == 0) {
		if (h->first[0] != '\0')
			day_add(h->first, PROGRAM_LESSON_WEEK, on);
	} else if (strcmp(moment, CONTENT_MOMENT_FLARE) == 0) {
		memcpy(on, h->flare, DAY_LEN);
	} else if (strncmp(moment, CONTENT_MOMENT_START, start) == 0) {
		t = latest_trial(h, moment + start);
		if (t != NULL)
			memcpy(on, t->started_on, DAY_LEN);
	} else if (strncmp(moment, CONTENT_MOMENT_STOP, stop) == 0) {
		t = latest_trial(h, moment + stop);
		if (t != NULL && t->ended_on[0] != '\0')
			memcpy(on, t->ended_on, DAY_LEN);
	}
	return on[0] != '\0' && strcmp(on, today) <= 0;
}

/* Whether rows put off lesson's offer at moment on on or later. */
static int
put_off(const struct store_lesson *rows, size_t n, const char *lesson,
	const char *moment, const char *on)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (rows[i].dismissed_on[0] != '\0' &&
		    strcmp(rows[i].lesson, lesson) == 0 &&
		    rows[i].moment != NULL &&
		    strcmp(rows[i].moment, moment) == 0 &&
		    strcmp(rows[i].dismissed_on, on) >= 0)
			return 1;
	return 0;
}

int
program_lessons_load(const struct pack *pack, struct store *store,
		     const char *today, struct program_lessons *out,
		     char **cause)
{
	struct store_lesson *rows = NULL;
	struct happened h;
	size_t nrows = 0, i, k;
	char on[DAY_LEN];
	int rc;

	memset(out, 0, sizeof *out);
	if (day_valid(today) != 0) {
		*cause = xasprintf("'%s' is not a valid day", today);
		return EX_SOFTWARE;
	}
	if (pack->nlessons == 0)
		return 0;
	if ((rc = store_lesson_list(store, &rows, &nrows, cause)) != 0)
		return rc;
	if ((rc = happened_load(store, today, &h, cause)) != 0) {
		store_trials_free(h.trials, h.ntrials);
		store_lessons_free(rows, nrows);
		return rc;
	}
	out->n = pack->nlessons;
	out->lessons = xcalloc(out->n, sizeof *out->lessons);
	for (i = 0; i < out->n; i++) {
		struct program_lesson *l = &out->lessons[i];

		l->lesson = &pack->lessons[i];
		for (k = 0; k < nrows; k++)
			if (rows[k].read_on[0] != '\0' &&
			    strcmp(rows[k].lesson, l->lesson->id) == 0 &&
			    (l->read_on[0] == '\0' ||
			     strcmp(rows[k].read_on, l->read_on) < 0))
				memcpy(l->read_on, rows[k].read_on, DAY_LEN);
		/* A lesson read is not offered again. */
		if (l->read_on[0] != '\0')
			continue;
		l->moments =
		    xcalloc(l->lesson->after.n + 1, sizeof *l->moments);
		for (k = 0; k < l->lesson->after.n; k++) {
			const char *m = l->lesson->after.v[k];

			if (moment_day(&h, m, today, on) &&
			    !put_off(rows, nrows, l->lesson->id, m, on))
				l->moments[l->nmoments++] = m;
		}
		out->offered += l->nmoments > 0;
	}
	store_trials_free(h.trials, h.ntrials);
	store_lessons_free(rows, nrows);
	return 0;
}

void
program_lessons_free(struct program_lessons *ls)
{
	size_t i;

	for (i = 0; i < ls->n; i++)
		free(ls->lessons[i].moments);
	free(ls->lessons);
	memset(ls, 0, sizeof *ls);
}

int
program_lesson_offered_at(const struct program_lesson *l, const char *moment)
{
	size_t i;

	for (i = 0; i < l->nmoments; i++)
		if (strcmp(l->moments[i], moment) == 0)
			return 1;
	return 0;
}

const struct lesson *
program_lesson_find(const struct pack *pack, const char *arg, char **cause)
{
	const struct lesson *l = content_lesson(pack, arg);
	struct buf b;
	size_t i;
	long n;

	if (l != NULL)
		return l;
	if (pack->nlessons > 0 &&
	    util_parse_int(arg, 1, (long)pack->nlessons, &n) == 0)
		return &pack->lessons[n - 1];
	if (pack->nlessons == 0) {
		*cause = xstrdup("no such lesson; the pack has none");
		return NULL;
	}
	buf_init(&b);
	for (i = 0; i < pack->nlessons; i++)
		buf_printf(&b, "%s%s", i > 0 ? ", " : "", pack->lessons[i].id);
	*cause = xasprintf("no such lesson; the pack has 1 to %zu: %s",
			   pack->nlessons, b.data);
	buf_free(&b);
	return NULL;
}

/* The lesson id of the pack, and its state today in *l (from ls). */
static int
lesson_state(const struct pack *pack, struct store *store, const char *id,
	     const char *today, struct program_lessons *ls,
	     const struct program_lesson **l, char **cause)
{
	const struct lesson *found = content_lesson(pack, id);
	int rc;

	*l = NULL;
	if (found == NULL) {
		*cause = xstrdup("no such lesson in the pack");
		return EX_DATAERR;
	}
	if ((rc = program_lessons_load(pack, store, today, ls, cause)) != 0)
		return rc;
	*l = &ls->lessons[found - pack->lessons];
	return 0;
}

int
program_lesson_read(const struct pack *pack, struct store *store,
		    const char *id, const char *day, const char *today,
		    char **cause)
{
	const struct program_lesson *l;
	struct program_lessons ls;
	struct store_lesson row;
	int rc;

	if ((rc = program_check_day(day, today, NULL, cause)) != 0 ||
	    (rc = lesson_state(pack, store, id, today, &ls, &l, cause)) != 0)
		return rc;
	memset(&row, 0, sizeof row);
	row.lesson = l->lesson->id;
	row.moment = l->nmoments > 0 ? (char *)l->moments[0] : NULL;
	memcpy(row.read_on, day, DAY_LEN);
	rc = store_lesson_add(store, &row, cause);
	program_lessons_free(&ls);
	return rc;
}

int
program_lesson_dismiss(const struct pack *pack, struct store *store,
		       const char *id, const char *today, char **cause)
{
	const struct program_lesson *l;
	struct program_lessons ls;
	struct store_lesson row;
	size_t i;
	int rc;

	if ((rc = lesson_state(pack, store, id, today, &ls, &l, cause)) != 0)
		return rc;
	if (l->nmoments == 0) {
		*cause =
		    xasprintf("%s is not offered now%s, so there is no "
			      "offer to put off",
			      l->lesson->id,
			      l->read_on[0] != '\0' ? " (it was read)" : "");
		program_lessons_free(&ls);
		return EX_DATAERR;
	}
	for (i = 0, rc = 0; i < l->nmoments && rc == 0; i++) {
		memset(&row, 0, sizeof row);
		row.lesson = l->lesson->id;
		row.moment = (char *)l->moments[i];
		memcpy(row.dismissed_on, today, DAY_LEN);
		rc = store_lesson_add(store, &row, cause);
	}
	program_lessons_free(&ls);
	return rc;
}
