/*
 * program.c: the plan, today's state and the safety answers as they stand
 * (the writes are in program_write_*.c).
 */
#include "program_int.h"

#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "analysis.h"
#include "content.h"
#include "util.h"

const char *
program_state_name(enum program_state s)
{
	switch (s) {
	case PROGRAM_NOT_STARTED:
		return "not started";
	case PROGRAM_RUNNING:
		return "running";
	case PROGRAM_ENDED:
		return "ended";
	}
	return "unknown";
}

const char *
program_next_name(enum program_next n)
{
	switch (n) {
	case PROGRAM_NEXT_SAFETY:
		return "safety";
	case PROGRAM_NEXT_DOCTOR:
		return "doctor";
	case PROGRAM_NEXT_CHECKIN:
		return "checkin";
	case PROGRAM_NEXT_RECHECK:
		return "recheck";
	case PROGRAM_NEXT_REVIEW:
		return "review";
	case PROGRAM_NEXT_RESUME:
		return "resume";
	case PROGRAM_NEXT_PRACTICE:
		return "practice";
	case PROGRAM_NEXT_BASELINE:
		return "baseline";
	case PROGRAM_NEXT_START:
		return "start";
	case PROGRAM_NEXT_REST:
		return "rest";
	case PROGRAM_NEXT_FINISHED:
		return "finished";
	}
	return "unknown";
}

/* Folds one trial into its step. A running attempt outranks an ended one
 * even when the ended one started later (a start back-dated with --date).
 * A running one's day count is its days that count (program_trial_days()):
 * a safety hold pauses it. */
static void
step_add_trial(struct program_step *st, const struct store_trial *t, int number,
	       const char *today, const struct program_pauses *pauses)
{
	struct program_trial_days d;

	st->trials++;
	if (st->state == PROGRAM_RUNNING && t->ended_on[0] != '\0')
		return;
	st->number = number;
	st->trial_id = t->id;
	memcpy(st->started_on, t->started_on, DAY_LEN);
	memcpy(st->ended_on, t->ended_on, DAY_LEN);
	st->day = st->paused = st->held = st->week = st->confirming = 0;
	st->paused_since[0] = st->week_since[0] = '\0';
	if (t->ended_on[0] == '\0') {
		st->state = PROGRAM_RUNNING;
		st->outcome = OUTCOME_NONE;
		/* Started on a day still to come (the clock was ahead, or a
		 * --date that it has since been set back from): day 0. */
		if (day_diff(t->started_on, today) >= 0) {
			program_trial_days(pauses, t->id,
					   day_number(t->started_on),
					   day_number(today), &d);
			st->day = d.counted;
			st->held = d.held;
			st->paused = d.paused;
			memcpy(st->paused_since, d.paused_since, DAY_LEN);
			st->week = d.in_week;
			memcpy(st->week_since, d.week_since, DAY_LEN);
			program_trial_days_free(&d);
		}
		st->confirming = program_confirming(pauses, t->id, today);
		/* A pause week and its days back are judged together: the
		 * review waits for them (program_confirming()). */
		st->review_due = st->days > 0 && st->day >= st->days &&
				 !st->week && !st->confirming;
	} else {
		st->state = PROGRAM_ENDED;
		st->outcome = t->outcome;
		st->review_due = 0;
	}
}

/* Marks the steps kept as habits, with how often they were practised since
 * (sessions and marks of the approach, one per day). */
static int
plan_habits(const struct pack *pack, struct store *store,
	    struct program_plan *plan, char **cause)
{
	struct store_habit *h = NULL;
	struct store_session *s = NULL;
	size_t nh = 0, ns = 0, i, k;
	char last[DAY_LEN];
	int rc, idx;

	if ((rc = store_habit_list(store, &h, &nh, cause)) != 0)
		return rc;
	for (i = 0; i < nh && rc == 0; i++) {
		struct program_step *st;

		idx = content_approach_index(pack, h[i].approach);
		if (h[i].dropped_on[0] != '\0' || idx < 0 ||
		    strcmp(h[i].kept_on, plan->today) > 0)
			continue;
		st = &plan->steps[idx];
		st->habit = 1;
		plan->habits++;
		memcpy(st->habit_since, h[i].kept_on, DAY_LEN);
		st->habit_days = day_diff(h[i].kept_on, plan->today) + 1;
		rc = store_session_range(store, h[i].kept_on, plan->today, &s,
					 &ns, cause);
		last[0] = '\0';
		for (k = 0; rc == 0 && k < ns; k++) {
			if (strcmp(s[k].approach, st->approach->id) != 0 ||
			    strcmp(s[k].day, last) == 0)
				continue;
			memcpy(last, s[k].day, DAY_LEN);
			st->habit_practised++;
		}
		store_sessions_free(s, ns);
		s = NULL;
		ns = 0;
	}
	store_habits_free(h, nh);
	return rc;
}

int
program_plan_load(const struct pack *pack, struct store *store,
		  const char *today, struct program_plan *out, char **cause)
{
	struct store_trial *trials = NULL;
	struct program_pauses pauses;
	size_t ntrials = 0, i;
	int rc, idx;

	memset(out, 0, sizeof *out);
	out->current = -1;
	if (day_valid(today) != 0) {
		*cause = xasprintf("'%s' is not a valid day", today);
		return EX_SOFTWARE;
	}
	if ((rc = program_pauses_load(pack, store, today, &pauses, cause)) != 0)
		return rc;
	rc = store_trial_list(store, &trials, &ntrials, cause);
	if (rc != 0) {
		program_pauses_free(&pauses);
		return rc;
	}
	memcpy(out->today, today, DAY_LEN);
	out->nsteps = pack->napproaches;
	out->steps = xcalloc(out->nsteps, sizeof *out->steps);
	for (i = 0; i < out->nsteps; i++) {
		out->steps[i].approach = &pack->approaches[i];
		out->steps[i].days = pack->approaches[i].trial_days;
	}
	for (i = 0; i < ntrials; i++) {
		idx = content_approach_index(pack, trials[i].approach);
		if (idx >= 0)
			step_add_trial(&out->steps[idx], &trials[i], (int)i + 1,
				       today, &pauses);
	}
	store_trials_free(trials, ntrials);
	program_pauses_free(&pauses);
	if ((rc = plan_habits(pack, store, out, cause)) != 0 ||
	    (rc = program_plan_tools(pack, store, out, cause)) != 0) {
		program_plan_free(out);
		return rc;
	}

	for (i = 0; i < out->nsteps; i++) {
		const struct program_step *st = &out->steps[i];

		if (st->state != PROGRAM_RUNNING || st->approach->wildcard)
			continue;
		if (out->running++ == 0)
			out->current = (int)i;
	}
	if (out->current < 0)
		out->current = program_plan_next(out, -1);
	return 0;
}

void
program_plan_free(struct program_plan *p)
{
	free(p->steps);
	p->steps = NULL;
	p->nsteps = 0;
}

int
program_baseline_counts(struct store *store, const char *day, int *n,
			int *recalled, char **cause)
{
	struct checkin *c = NULL;
	char from[DAY_LEN], to[DAY_LEN];
	size_t k = 0, i;
	int rc, late = 0;

	if ((rc = program_day_add(day, -ANALYSIS_BEFORE_DAYS, from, cause)) !=
		0 ||
	    (rc = program_day_add(day, -1, to, cause)) != 0 ||
	    (rc = store_checkin_range(store, from, to, &c, &k, cause)) != 0)
		return rc;
	for (i = 0; i < k; i++)
		late += program_recalled(c[i].day, c[i].pain_set_at);
	*n = (int)k - late;
	if (recalled != NULL)
		*recalled = late;
	checkins_free(c, k);
	return 0;
}

int
program_baseline_count(struct store *store, const char *day, int *n,
		       char **cause)
{
	return program_baseline_counts(store, day, n, NULL, cause);
}

/* The last PROGRAM_RECENT_DAYS days of pain and the mean of the last week. */
static int
today_recent(struct store *store, struct program_today *t, char **cause)
{
	struct checkin *c = NULL;
	struct analysis_checkin *ac;
	struct analysis_rolling roll;
	char from[DAY_LEN];
	size_t n = 0, i, k;
	int rc;

	char first[DAY_LEN];

	if ((rc = program_day_add(t->plan.today, 1 - PROGRAM_RECENT_DAYS, from,
				  cause)) != 0)
		return rc;
	for (k = 0; k < PROGRAM_RECENT_DAYS; k++) {
		if ((rc = program_day_add(from, (int)k, t->recent[k].day,
					  cause)) != 0)
			return rc;
		t->recent[k].pain = ENTRY_NONE;
	}
	/* From the first day of a baseline for a trial started today. */
	if ((rc = program_day_add(t->plan.today, -ANALYSIS_BEFORE_DAYS, first,
				  cause)) != 0)
		return rc;
	if (day_diff(first, from) < 0)
		memcpy(first, from, DAY_LEN);
	rc = store_checkin_range(store, first, t->plan.today, &c, &n, cause);
	if (rc != 0)
		return rc;
	ac = xcalloc(n, sizeof *ac);
	t->baseline_n = 0;
	for (i = 0; i < n; i++) {
		int d = day_diff(from, c[i].day);
		int back = day_diff(c[i].day, t->plan.today);

		if (d >= 0 && d < PROGRAM_RECENT_DAYS)
			t->recent[d].pain = c[i].pain;
		if (back >= 1 && back <= ANALYSIS_BEFORE_DAYS &&
		    !program_recalled(c[i].day, c[i].pain_set_at))
			t->baseline_n++;
		ac[i].day = day_number(c[i].day);
		ac[i].pain = c[i].pain;
	}
	analysis_rolling_mean(ac, n, day_number(t->plan.today), 1, &roll);
	t->mean_n = roll.n;
	t->has_mean = roll.has_mean && roll.n >= PROGRAM_MEAN_MIN_CHECKINS;
	t->mean = t->has_mean ? roll.mean : 0;
	free(ac);
	checkins_free(c, n);
	return 0;
}

int
program_safety_load(const struct pack *pack, struct store *store,
		    const char *today, struct program_safety *out, char **cause)
{
	struct screening *a = NULL;
	size_t n = 0, i, k;
	int rc, emergencies = 0, missing = 0;
	char tomorrow[DAY_LEN];

	memset(out, 0, sizeof *out);
	if ((rc = program_day_add(today, 1, tomorrow, cause)) != 0)
		return rc;
	if ((rc = store_screening_latest(store, &a, &n, cause)) != 0)
		return rc;
	out->nflags = pack->nred_flags;
	out->flags = xcalloc(out->nflags + 1, sizeof *out->flags);
	for (i = 0; i < out->nflags; i++) {
		struct program_flag *f = &out->flags[i];

		f->flag = &pack->red_flags[i];
		f->state = PROGRAM_FLAG_UNANSWERED;
		for (k = 0; k < n; k++)
			if (strcmp(a[k].flag, f->flag->id) == 0)
				break;
		if (k < n) {
			if (a[k].asked_at != NULL &&
			    strlen(a[k].asked_at) >= DAY_LEN - 1)
				memcpy(f->asked_on, a[k].asked_at, DAY_LEN - 1);
			/* Stamped by the clock, an answer given before the
			 * day's start hour bears the next calendar day; one
			 * stamped later still was given while the clock was
			 * ahead, so its day is not known: it reads as today
			 * and is asked again (ahead). */
			if (strcmp(f->asked_on, tomorrow) > 0)
				out->ahead++;
			if (strcmp(f->asked_on, today) > 0)
				memcpy(f->asked_on, today, DAY_LEN);
			memcpy(f->checked_on, a[k].checked_on, DAY_LEN);
			f->stale = a[k].revision < f->flag->revision;
			if (a[k].answer == 0)
				f->state = PROGRAM_FLAG_NO;
			else if (a[k].checked_on[0] != '\0')
				f->state = PROGRAM_FLAG_CHECKED;
			else if (f->flag->holds)
				f->state = PROGRAM_FLAG_HOLDS;
			else
				f->state = PROGRAM_FLAG_ADVICE;
		}
		out->unanswered += f->state == PROGRAM_FLAG_UNANSWERED;
		out->holding += f->state == PROGRAM_FLAG_HOLDS;
		out->advice += f->state == PROGRAM_FLAG_ADVICE;
		out->stale += f->stale;
		if (f->flag->urgency != URGENCY_EMERGENCY)
			continue;
		emergencies++;
		if (f->state == PROGRAM_FLAG_UNANSWERED ||
		    day_valid(f->asked_on) != 0)
			missing = 1;
		else if (out->since[0] == '\0' ||
			 strcmp(f->asked_on, out->since) < 0)
			memcpy(out->since, f->asked_on, DAY_LEN);
	}
	screenings_free(a, n);
	if (missing || emergencies == 0)
		out->since[0] = '\0';
	else
		out->emergency_due =
		    day_diff(out->since, today) >= PROGRAM_RECHECK_DAYS;
	/* An answer to an earlier wording is asked again at the re-check,
	 * whatever the flag's urgency; so is one from a clock that was
	 * ahead. */
	out->recheck_due =
	    out->emergency_due || out->stale > 0 || out->ahead > 0;
	return 0;
}

void
program_safety_free(struct program_safety *s)
{
	free(s->flags);
	memset(s, 0, sizeof *s);
}

const struct program_flag *
program_safety_first(const struct program_safety *s,
		     enum program_flag_state state)
{
	size_t i;

	for (i = 0; i < s->nflags; i++)
		if (s->flags[i].state == state)
			return &s->flags[i];
	return NULL;
}

int
program_safety_allows(const struct program_safety *s, char **cause)
{
	const struct program_flag *f;

	if (s->unanswered > 0) {
		*cause = xasprintf(
		    "no approach starts before the safety questions are "
		    "answered (%d of %zu not answered yet): run backpain "
		    "setup (or backpain for the screens), or answer with "
		    "backpain safety --answer FLAG=yes|no",
		    s->unanswered, s->nflags);
		return PROGRAM_REFUSED;
	}
	if ((f = program_safety_first(s, PROGRAM_FLAG_HOLDS)) != NULL) {
		*cause = xasprintf(
		    "on hold for safety: you answered yes on %s to \"%s\" "
		    "%s Once a doctor has checked it, record that with "
		    "backpain safety --checked %s [--date D]",
		    f->asked_on, f->flag->question, f->flag->advice,
		    f->flag->id);
		return PROGRAM_REFUSED;
	}
	return 0;
}

/* A practice of a running non-wildcard approach not yet done per_day times. */
static const struct program_practice *
today_due_practice(const struct program_today *t)
{
	size_t i;

	for (i = 0; i < t->npractices; i++) {
		const struct program_practice *p = &t->practices[i];
		const struct approach *a;

		/* A lesson's practice is kept up beside the plan too. */
		if (p->practice->approach == CONTENT_NONE)
			continue;
		a = t->plan.steps[p->practice->approach].approach;
		/* A habit's practices and the flare-up tools are kept up
		 * beside the plan, not its next step; on hold, none is due. */
		if (t->plan.steps[p->practice->approach].state !=
			PROGRAM_RUNNING ||
		    p->held)
			continue;
		if (!a->wildcard && p->done < p->practice->per_day)
			return p;
	}
	return NULL;
}

static void
today_next(const struct pack *pack, struct program_today *t)
{
	const struct program_plan *plan = &t->plan;
	const struct program_practice *p;
	size_t i;

	t->next_approach = t->next_practice = NULL;
	if (t->safety.unanswered > 0) {
		t->next = PROGRAM_NEXT_SAFETY;
		return;
	}
	if (t->safety.holding > 0) {
		t->next = PROGRAM_NEXT_DOCTOR;
		return;
	}
	if (!t->onboarded) {
		t->next = PROGRAM_NEXT_SAFETY;
		return;
	}
	if (!t->checked_in) {
		t->next = PROGRAM_NEXT_CHECKIN;
		return;
	}
	if (t->safety.recheck_due) {
		t->next = PROGRAM_NEXT_RECHECK;
		return;
	}
	for (i = 0; i < plan->nsteps; i++) {
		if (plan->steps[i].review_due) {
			t->next = PROGRAM_NEXT_REVIEW;
			t->next_approach = plan->steps[i].approach->id;
			return;
		}
	}
	/* A pause week that has had its days: the resumed days judge it,
	 * so taking it up again is the next thing to do. */
	for (i = 0; i < plan->nsteps; i++) {
		const struct program_step *st = &plan->steps[i];

		if (st->state == PROGRAM_RUNNING && st->week &&
		    day_number(plan->today) - day_number(st->week_since) >=
			program_pause_days(st->approach)) {
			t->next = PROGRAM_NEXT_RESUME;
			t->next_approach = st->approach->id;
			return;
		}
	}
	if ((p = today_due_practice(t)) != NULL) {
		t->next = PROGRAM_NEXT_PRACTICE;
		t->next_practice = p->practice->id;
		t->next_approach = pack->approaches[p->practice->approach].id;
		return;
	}
	if (plan->running > 0) {
		t->next = PROGRAM_NEXT_REST;
		return;
	}
	if (plan->current >= 0) {
		/* A flare-up tool is judged by its sessions instead. */
		t->next = !plan->steps[plan->current].approach->flare_tool &&
				  t->baseline_n < ANALYSIS_BEFORE_MIN_CHECKINS
			      ? PROGRAM_NEXT_BASELINE
			      : PROGRAM_NEXT_START;
		t->next_approach = plan->steps[plan->current].approach->id;
		return;
	}
	t->next = PROGRAM_NEXT_FINISHED;
}

/* Today's check-in, practices and warnings: program_day_load() of today,
 * its parts moved into t. */
static int
today_day(const struct pack *pack, struct store *store, struct program_today *t,
	  char **cause)
{
	struct program_day d;
	int rc;

	rc = program_day_load(pack, store, t->plan.today, t->plan.today, &d,
			      cause);
	if (rc != 0)
		return rc;
	t->checked_in = d.checked_in;
	t->checkin = d.checkin;
	t->practices = d.practices;
	t->npractices = d.npractices;
	t->warnings = d.warnings;
	t->nwarnings = d.nwarnings;
	if (d.flare_running)
		memcpy(t->flare_since, d.flare_began, DAY_LEN);
	t->held = d.held;
	d.checkin.note = NULL;
	d.practices = NULL;
	d.warnings = NULL;
	program_day_free(&d);
	return 0;
}

int
program_today_load(const struct pack *pack, struct store *store,
		   const char *today, struct program_today *out, char **cause)
{
	int rc;

	memset(out, 0, sizeof *out);
	rc = program_plan_load(pack, store, today, &out->plan, cause);
	if (rc == 0)
		rc = program_safety_load(pack, store, today, &out->safety,
					 cause);
	if (rc == 0)
		rc = program_first_run(store, &out->onboarded, NULL, cause);
	if (rc == 0)
		rc = today_recent(store, out, cause);
	if (rc == 0)
		rc = today_day(pack, store, out, cause);
	if (rc == 0)
		rc = program_lessons_load(pack, store, today, &out->lessons,
					  cause);
	if (rc != 0) {
		program_today_free(out);
		return rc;
	}
	today_next(pack, out);
	return 0;
}

void
program_today_free(struct program_today *t)
{
	program_plan_free(&t->plan);
	program_safety_free(&t->safety);
	program_lessons_free(&t->lessons);
	free(t->checkin.note);
	t->checkin.note = NULL;
	t->checked_in = 0;
	free(t->practices);
	t->practices = NULL;
	t->npractices = 0;
	free(t->warnings);
	t->warnings = NULL;
	t->nwarnings = 0;
}

static int
word_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9') || c == '-';
}

char *
program_question_text(const char *text, const char *day, const char *today)
{
	struct buf b;
	const char *p = text;
	int dated = 0;

	if (strcmp(day, today) == 0)
		return xstrdup(text);
	buf_init(&b);
	while (*p != '\0') {
		int start = p == text || !word_char(p[-1]);

		if (start &&
		    (strncmp(p, "today", 5) == 0 ||
		     strncmp(p, "Today", 5) == 0) &&
		    !word_char(p[5])) {
			buf_adds(&b, *p == 'T' ? "That day" : "that day");
			p += 5;
			if (strncmp(p, "'s", 2) == 0) {
				buf_adds(&b, "'s");
				p += 2;
			}
			if (!dated++)
				buf_printf(&b, " (%s)", day);
			continue;
		}
		buf_addc(&b, *p++);
	}
	if (b.data == NULL)
		buf_adds(&b, "");
	return buf_take(&b);
}

/* "a, b, c": the pack's approach ids, for messages about an unknown one. */
static char *
approach_ids(const struct pack *pack)
{
	struct buf b;
	size_t i;

	buf_init(&b);
	for (i = 0; i < pack->napproaches; i++)
		buf_printf(&b, "%s%s", i > 0 ? ", " : "",
			   pack->approaches[i].id);
	return buf_take(&b);
}

const struct approach *
program_approach(const struct pack *pack, const char *id, char **cause)
{
	const struct approach *a = content_approach(pack, id);
	char *ids;

	if (a == NULL) {
		ids = approach_ids(pack);
		*cause = xasprintf("unknown approach '%s'; the pack has: %s",
				   id, ids);
		free(ids);
	}
	return a;
}
