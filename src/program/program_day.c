/*
 * program_day.c: one day as the check-in asks about it (program.h): what
 * ran that day, whether a safety hold stood, the practices and questions
 * it asks in one order, its check-in, answers and warnings.
 * program_today_load() builds today's list from it; the check-in screens of
 * every face render it.
 */
#include "program.h"

#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "content.h"
#include "store.h"
#include "util.h"

int
program_recalled(const char *day, const char *pain_set_at)
{
	char set_on[DAY_LEN];

	if (day == NULL || pain_set_at == NULL ||
	    strlen(pain_set_at) < DAY_LEN - 1)
		return 0;
	memcpy(set_on, pain_set_at, DAY_LEN - 1);
	set_on[DAY_LEN - 1] = '\0';
	if (day_valid(day) != 0 || day_valid(set_on) != 0)
		return 0;
	return day_diff(day, set_on) > PROGRAM_RECALL_DAYS;
}

int
program_question_warns(const struct question *q, const char *value)
{
	return q != NULL && q->warn_if != NULL && value != NULL &&
	       strcmp(q->warn_if, value) == 0;
}

/* A trial runs from the day it starts up to, not including, the day it
 * ends: on that day it has handed over (as the plan counts it ended, and a
 * habit kept from it starts). */
static int
trial_ran(const struct store_trial *t, const char *day)
{
	return strcmp(t->started_on, day) <= 0 &&
	       (t->ended_on[0] == '\0' || strcmp(day, t->ended_on) < 0);
}

/* A habit is kept from its kept_on up to, not including, its dropped_on. */
static int
habit_kept(const struct store_habit *h, const char *day)
{
	return strcmp(h->kept_on, day) <= 0 &&
	       (h->dropped_on[0] == '\0' || strcmp(day, h->dropped_on) < 0);
}

/* Marks in d->ran and d->kept the approaches the pack knows that ran and
 * were kept on d->day. A trial in its pause week (program_paused_on()) did
 * not run: the person stopped it, so its practices are not asked for. */
static int
day_approaches(const struct pack *pack, struct store *store,
	       const struct program_pauses *p, struct program_day *d,
	       char **cause)
{
	struct store_trial *t = NULL;
	struct store_habit *h = NULL;
	size_t nt = 0, nh = 0, i;
	int rc, a;

	if ((rc = store_trial_list(store, &t, &nt, cause)) != 0)
		return rc;
	for (i = 0; i < nt; i++)
		if ((a = content_approach_index(pack, t[i].approach)) >= 0 &&
		    trial_ran(&t[i], d->day) &&
		    !(program_paused_on(p, t[i].id, day_number(d->day)) &
		      PROGRAM_PAUSE_WEEK))
			d->ran[a] = 1;
	store_trials_free(t, nt);
	if ((rc = store_habit_list(store, &h, &nh, cause)) != 0)
		return rc;
	for (i = 0; i < nh; i++)
		if ((a = content_approach_index(pack, h[i].approach)) >= 0 &&
		    habit_kept(&h[i], d->day))
			d->kept[a] = 1;
	store_habits_free(h, nh);
	return 0;
}

/* The flare-up whose days (as program_flares_load() counts them, to today)
 * hold d->day, if any. */
static int
day_flare(const struct pack *pack, struct store *store, const char *today,
	  struct program_day *d, char **cause)
{
	struct program_flares fl;
	size_t i;
	int rc, k;

	if ((rc = program_flares_load(pack, store, today, &fl, cause)) != 0)
		return rc;
	for (i = 0; i < fl.n; i++) {
		const struct program_flare *f = &fl.flares[i];

		k = day_diff(f->began_on, d->day);
		if (k < 0 || k >= f->days)
			continue;
		memcpy(d->flare_began, f->began_on, DAY_LEN);
		d->flare_running = f->ended_on[0] == '\0';
	}
	program_flares_free(&fl);
	return 0;
}

/* Whether a safety hold stood on d->day (program_pauses_load(), as of
 * today). A pause of one trial alone would not hold the day's other
 * practices back: only the pauses of every trial count here. */
static void
day_held(const struct program_pauses *p, struct program_day *d)
{
	d->held = (program_paused_on(p, 0, day_number(d->day)) &
		   PROGRAM_PAUSE_HOLD) != 0;
}

/* Lists practice p, once: the entry it already has, or a new one with the
 * day's count of its sessions and marks in s[0..n). */
static struct program_practice *
day_list(struct program_day *d, const struct practice *p,
	 const struct store_session *s, size_t n)
{
	struct program_practice *pp;
	size_t k;

	for (k = 0; k < d->npractices; k++)
		if (d->practices[k].practice == p)
			return &d->practices[k];
	d->practices = xreallocarray(d->practices, d->npractices + 1,
				     sizeof *d->practices);
	pp = &d->practices[d->npractices++];
	memset(pp, 0, sizeof *pp);
	pp->practice = p;
	pp->held = d->held;
	for (k = 0; k < n; k++)
		if (strcmp(s[k].practice, p->id) == 0) {
			pp->done++;
			/* A mark alone: what a check-in form may take back
			 * (store_checkin_write()'s undone). */
			pp->marks += s[k].minutes == ENTRY_NONE &&
				     s[k].seconds == 0 &&
				     s[k].pain_before == ENTRY_NONE &&
				     s[k].pain_after == ENTRY_NONE;
		}
	return pp;
}

/* The practices of the lessons read on or before d->day, or done on it. */
static int
day_lesson_practices(const struct pack *pack, struct store *store,
		     struct program_day *d, const struct store_session *s,
		     size_t n, char **cause)
{
	struct store_lesson *l = NULL;
	size_t nl = 0, i, j, k;
	int rc, met, done;

	if (pack->nlessons == 0)
		return 0;
	if ((rc = store_lesson_list(store, &l, &nl, cause)) != 0)
		return rc;
	for (i = 0; i < pack->nlessons; i++) {
		const struct lesson *ls = &pack->lessons[i];

		for (k = 0, met = 0; k < nl && !met; k++)
			met = l[k].read_on[0] != '\0' &&
			      strcmp(l[k].lesson, ls->id) == 0 &&
			      strcmp(l[k].read_on, d->day) <= 0;
		for (j = 0; j < ls->npractices; j++) {
			for (k = 0, done = 0; k < n && !done; k++)
				done = strcmp(s[k].practice,
					      ls->practices[j].id) == 0;
			if (met || done)
				day_list(d, &ls->practices[j], s, n)->lesson =
				    1;
		}
	}
	store_lessons_free(l, nl);
	return 0;
}

/* The practices in their one order: of the approaches that ran, of the
 * habits, then on a flare-up's day the flare-up tools, then the lessons'. */
static int
day_practices(const struct pack *pack, struct store *store,
	      struct program_day *d, char **cause)
{
	struct store_session *s = NULL;
	struct program_practice *pp;
	size_t n = 0, i, j;
	int rc;

	rc = store_session_range(store, d->day, d->day, &s, &n, cause);
	if (rc != 0)
		return rc;
	for (i = 0; i < pack->napproaches; i++)
		for (j = 0; d->ran[i] && j < pack->approaches[i].npractices;
		     j++)
			day_list(d, &pack->approaches[i].practices[j], s, n);
	/* An approach that ran is asked as such, even when also kept. */
	for (i = 0; i < pack->napproaches; i++)
		for (j = 0; d->kept[i] && !d->ran[i] &&
			    j < pack->approaches[i].npractices;
		     j++)
			day_list(d, &pack->approaches[i].practices[j], s, n)
			    ->habit = 1;
	for (i = 0; d->flare_began[0] != '\0' && i < pack->napproaches; i++)
		for (j = 0; j < pack->approaches[i].npractices; j++) {
			const struct practice *p =
			    &pack->approaches[i].practices[j];

			if (!program_flare_tool(pack, p))
				continue;
			/* A habit keeps its own label. */
			pp = day_list(d, p, s, n);
			pp->flare = !pp->habit;
		}
	rc = day_lesson_practices(pack, store, d, s, n, cause);
	store_sessions_free(s, n);
	return rc;
}

/* The index of value among q's choices, or -1 (an answer the pack no
 * longer offers). */
static int
choice_index(const struct question *q, const char *value)
{
	size_t i;

	for (i = 0; i < q->choices.n; i++)
		if (strcmp(q->choices.v[i], value) == 0)
			return (int)i;
	return -1;
}

/* The questions of the approaches that ran, with the day's answers, and
 * the answers of the day that warn. */
static int
day_questions(const struct pack *pack, struct store *store,
	      struct program_day *d, char **cause)
{
	struct store_answer *a = NULL;
	size_t n = 0, i, j, k;
	int rc;

	if ((rc = store_answer_range(store, d->day, d->day, &a, &n, cause)) !=
	    0)
		return rc;
	for (i = 0; i < pack->napproaches; i++) {
		const struct approach *ap = &pack->approaches[i];

		for (j = 0; d->ran[i] && j < ap->nquestions; j++) {
			struct program_asked *q;

			d->questions =
			    xreallocarray(d->questions, d->nquestions + 1,
					  sizeof *d->questions);
			q = &d->questions[d->nquestions++];
			q->question = &ap->questions[j];
			q->choice = -1;
			for (k = 0; k < n; k++)
				if (strcmp(a[k].question, q->question->id) == 0)
					q->choice = choice_index(q->question,
								 a[k].value);
		}
	}
	for (k = 0; k < n; k++) {
		const struct question *q =
		    content_question(pack, a[k].question);

		if (!program_question_warns(q, a[k].value))
			continue;
		d->warnings = xreallocarray(d->warnings, d->nwarnings + 1,
					    sizeof *d->warnings);
		d->warnings[d->nwarnings++] = q;
	}
	store_answers_free(a, n);
	return 0;
}

static int
day_checkin(struct store *store, struct program_day *d, char **cause)
{
	struct checkin c;
	int rc;

	if ((rc = store_checkin_get(store, d->day, &c, &d->checked_in,
				    cause)) != 0 ||
	    !d->checked_in)
		return rc;
	d->checkin.pain = c.pain;
	d->checkin.interference = c.interference;
	d->checkin.note = c.note;
	d->checkin.revision = c.revision;
	c.note = NULL;
	checkin_clear(&c);
	return 0;
}

int
program_day_load(const struct pack *pack, struct store *store, const char *day,
		 const char *today, struct program_day *out, char **cause)
{
	size_t n = pack->napproaches ? pack->napproaches : 1;
	struct program_pauses p;
	int rc;

	memset(out, 0, sizeof *out);
	if (day_valid(day) != 0 || day_valid(today) != 0) {
		*cause = xasprintf("'%s' is not a valid day",
				   day_valid(day) != 0 ? day : today);
		return EX_SOFTWARE;
	}
	memcpy(out->day, day, DAY_LEN);
	out->napproaches = pack->napproaches;
	out->ran = xcalloc(n, sizeof *out->ran);
	out->kept = xcalloc(n, sizeof *out->kept);
	/* The holds and pause weeks as of today, read once for both what
	 * ran and whether the day was held. */
	if ((rc = program_pauses_load(pack, store, today, &p, cause)) != 0) {
		program_day_free(out);
		return rc;
	}
	rc = day_approaches(pack, store, &p, out, cause);
	day_held(&p, out);
	program_pauses_free(&p);
	if (rc != 0 || (rc = day_flare(pack, store, today, out, cause)) != 0 ||
	    (rc = day_practices(pack, store, out, cause)) != 0 ||
	    (rc = day_questions(pack, store, out, cause)) != 0 ||
	    (rc = day_checkin(store, out, cause)) != 0) {
		program_day_free(out);
		return rc;
	}
	return 0;
}

void
program_day_free(struct program_day *d)
{
	free(d->ran);
	free(d->kept);
	free(d->practices);
	free(d->questions);
	free(d->warnings);
	free(d->checkin.note);
	memset(d, 0, sizeof *d);
}
