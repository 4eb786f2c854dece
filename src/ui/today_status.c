/*
 * today_status.c: what Today says above its menu (ui_int.h), from the
 * program's model of today (struct program_today): the check-in, the
 * running approaches and habits, a hold, a flare-up, the short read
 * offered, today's practices and two weeks of pain. Moved from today.c,
 * which keeps the menu and its actions.
 */
#include <stdlib.h>
#include <string.h>

#include "content.h"
#include "program.h"
#include "ui_int.h"
#include "util.h"

/* The first lesson offered today, or NULL (also with t NULL). */
const struct program_lesson *
ui_today_offered(const struct program_today *t, int *more)
{
	const struct program_lesson *first = NULL;
	size_t i;

	*more = 0;
	for (i = 0; t != NULL && i < t->lessons.n; i++) {
		if (t->lessons.lessons[i].nmoments == 0)
			continue;
		if (first == NULL)
			first = &t->lessons.lessons[i];
		else
			++*more;
	}
	return first;
}

/* "Today's check-in: pain 4, interference 2" or the lack of it. */
static void
put_checkin(const struct program_today *t, struct ui_flow *f)
{
	ui_flow_put(f, UI_C_DIM, "Today's check-in: ");
	if (!t->checked_in) {
		ui_flow_put(f, UI_C_WARNING, "not yet (press c)");
	} else {
		ui_flow_putf(f, ui_pain_color(t->checkin.pain), "pain %d",
			     t->checkin.pain);
		if (t->checkin.interference != ENTRY_NONE)
			ui_flow_putf(f, UI_C_NORMAL, ", interference %d",
				     t->checkin.interference);
	}
	ui_flow_newline(f);
}

/* ", day 3 of 14" of a running step (", day 16, 2 past its 14 days: time
 * to review" after its length); ", starts D" for one whose start
 * is still to come (the clock was ahead when it was started). Paused by a
 * safety hold or in its pause week (the person's), that first, and why,
 * its count after it; after a hold, the days on hold that did not count. */
static void
put_day(struct ui_flow *f, const struct program_step *st)
{
	struct buf why;

	buf_init(&why);
	if (program_step_paused_words(&why, st, 0)) {
		ui_flow_putf(f, st->paused ? UI_C_WARNING : UI_C_NORMAL, ": %s",
			     why.data);
		buf_free(&why);
		program_step_day_words(&why, st);
		ui_flow_putf(f, UI_C_NORMAL, ", %s", why.data);
		buf_free(&why);
		return;
	}
	if (st->day == 0) {
		ui_flow_putf(f, UI_C_NORMAL, ", starts %s", st->started_on);
	} else {
		program_step_day_words(&why, st);
		ui_flow_putf(f, st->review_due ? UI_C_WARNING : UI_C_NORMAL,
			     ", %s", why.data);
		buf_free(&why);
	}
	if (st->held > 0)
		ui_flow_putf(f, UI_C_DIM, " (%d day%s on hold not counted)",
			     st->held, st->held == 1 ? "" : "s");
}

/* One running approach: its title, "(any time)" for a wildcard, its day. */
static void
put_running(struct ui_flow *f, const struct program_step *st)
{
	ui_flow_put(f, UI_C_HEADING, st->approach->title);
	if (st->approach->wildcard)
		ui_flow_put(f, UI_C_DIM, " (any time)");
	put_day(f, st);
}

/* The running approaches: the current one first (else a wildcard that
 * runs, such as the mat), then on a second line the others; a wrapped
 * row starts under the first title. */
static void
put_approach(const struct program_today *t, struct ui_flow *f)
{
	const struct program_plan *pl = &t->plan;
	int first = -1, also = 0;
	size_t i;

	if (pl->current >= 0 && pl->steps[pl->current].state == PROGRAM_RUNNING)
		first = pl->current;
	for (i = 0; first < 0 && i < pl->nsteps; i++)
		if (pl->steps[i].state == PROGRAM_RUNNING)
			first = (int)i;
	ui_flow_put(f, UI_C_DIM, "Approach: ");
	f->indent = ui_width("Approach: ");
	if (first < 0)
		ui_flow_put(f, UI_C_NORMAL, "none running");
	else
		put_running(f, &pl->steps[first]);
	for (i = 0; first >= 0 && i < pl->nsteps; i++) {
		if (pl->steps[i].state != PROGRAM_RUNNING || (int)i == first)
			continue;
		if (also++ == 0) {
			ui_flow_newline(f);
			ui_flow_put(f, UI_C_DIM, "Also: ");
			f->indent = ui_width("Also: ");
		} else {
			ui_flow_put(f, UI_C_NORMAL, "; ");
		}
		put_running(f, &pl->steps[i]);
	}
	ui_flow_newline(f);
	f->indent = 0;
}

/* "Habits: The quick approach (since 2026-03-31, practised on 3 of 4
 * days)". */
static void
put_habits(const struct program_today *t, struct ui_flow *f)
{
	const struct program_plan *pl = &t->plan;
	size_t i;
	int shown = 0;

	if (pl->habits == 0)
		return;
	ui_flow_put(f, UI_C_DIM, "Habits: ");
	f->indent = ui_width("Habits: ");
	for (i = 0; i < pl->nsteps; i++) {
		const struct program_step *st = &pl->steps[i];

		if (!st->habit)
			continue;
		if (shown++ > 0)
			ui_flow_put(f, UI_C_NORMAL, "; ");
		ui_flow_put(f, UI_C_HEADING, st->approach->title);
		ui_flow_putf(f, UI_C_NORMAL,
			     " (since %s, practised on %d of %d day%s)",
			     st->habit_since, st->habit_practised,
			     st->habit_days, st->habit_days == 1 ? "" : "s");
	}
	ui_flow_newline(f);
	f->indent = 0;
}

/* "A short read: TITLE (l: read it, x: not now)", the first lesson
 * offered, and how many more wait. */
static void
put_offer(const struct program_today *t, struct ui_flow *f)
{
	const struct program_lesson *l;
	int more;

	if ((l = ui_today_offered(t, &more)) == NULL)
		return;
	ui_flow_put(f, UI_C_DIM, "A short read: ");
	ui_flow_put(f, UI_C_HEADING, l->lesson->title);
	ui_flow_put(f, UI_C_NORMAL, " ");
	ui_flow_keep(f, UI_C_DIM, "(l: read it, x: not now)");
	if (more > 0)
		ui_flow_putf(f, UI_C_DIM, "; %d more after it", more);
	ui_flow_newline(f);
}

static void
put_flare(const struct program_today *t, struct ui_flow *f)
{
	if (t->flare_since[0] == '\0')
		return;
	ui_flow_putf(f, UI_C_WARNING,
		     "Flare-up since %s (f: a flare-up tool, F: it is over)",
		     t->flare_since);
	ui_flow_newline(f);
}

/* Every practice of today, "[ ] title  0/1", a long title wrapping under
 * itself with its count kept whole. On hold none is to do: one line says
 * that they wait (the check-in still lists them, to record one done). */
static void
put_practices(const struct program_today *t, struct ui_flow *f)
{
	size_t i;

	if (t->held && t->npractices > 0) {
		ui_flow_put(f, UI_C_DIM,
			    "Practices wait while a safety question holds.");
		ui_flow_newline(f);
		return;
	}
	for (i = 0; i < t->npractices; i++) {
		const struct program_practice *pp = &t->practices[i];
		int done = pp->done >= pp->practice->per_day;
		enum ui_color c = done ? UI_C_GOOD : UI_C_NORMAL;

		ui_flow_put(f, c, "  ");
		ui_flow_keep(f, c, done ? "[x]" : "[ ]");
		ui_flow_put(f, c, " ");
		f->indent = 6;
		ui_flow_put(f, c, pp->practice->title);
		ui_flow_putf(f, c, "  %d/%d", pp->done, pp->practice->per_day);
		if (pp->habit || pp->flare || pp->lesson) {
			ui_flow_put(f, c, "  ");
			ui_flow_keep(f, c,
				     pp->habit	 ? "(habit)"
				     : pp->flare ? "(flare-up tool)"
						 : "(from a lesson)");
		}
		ui_flow_newline(f);
		f->indent = 0;
	}
}

static void
put_recent(const struct program_today *t, struct ui_flow *f)
{
	int v[PROGRAM_RECENT_DAYS], i;

	for (i = 0; i < PROGRAM_RECENT_DAYS; i++)
		v[i] = t->recent[i].pain;
	ui_flow_putf(f, UI_C_DIM, "Last %d days: ", PROGRAM_RECENT_DAYS);
	ui_flow_spark(f, v, PROGRAM_RECENT_DAYS);
	ui_flow_put(f, UI_C_NORMAL, "  ");
	if (t->has_mean)
		ui_flow_putf(f, UI_C_NORMAL, "%d-day mean %.1f",
			     PROGRAM_MEAN_DAYS, t->mean);
	else
		ui_flow_putf(f, UI_C_DIM, "(mean needs %d check-ins)",
			     PROGRAM_MEAN_MIN_CHECKINS);
	ui_flow_newline(f);
}

/* A yes that holds the approaches back, first and in the warning colour,
 * in the flag's own words, then a blank row. */
static void
put_hold(const struct program_today *t, struct ui_flow *f)
{
	const struct program_flag *fl;

	fl = program_safety_first(&t->safety, PROGRAM_FLAG_HOLDS);
	if (fl == NULL)
		return;
	ui_flow_putf(f, UI_C_WARNING, "On hold: you answered yes on %s to: %s",
		     fl->asked_on, fl->flag->question);
	ui_flow_newline(f);
	ui_flow_put(f, UI_C_WARNING, fl->flag->advice);
	ui_flow_newline(f);
	ui_flow_put(f, UI_C_WARNING,
		    "No approach starts, practices wait and trials are paused "
		    "until a doctor has checked it. Then record the check on "
		    "the Safety screen (!, then c).");
	ui_flow_newline(f);
	ui_flow_newline(f);
}

/* What Today says above its menu, into f. */
static void
put_status(const struct ui *ui, const struct program_today *t,
	   struct ui_flow *f)
{
	size_t k;

	ui_flow_put(f, UI_C_HEADING, ui->pack->title);
	ui_flow_newline(f);
	ui_flow_newline(f);
	if (t == NULL)
		return;
	put_hold(t, f);
	put_checkin(t, f);
	put_approach(t, f);
	put_habits(t, f);
	put_flare(t, f);
	put_offer(t, f);
	put_practices(t, f);
	put_recent(t, f);
	for (k = 0; k < t->nwarnings; k++) {
		ui_flow_put(f, UI_C_WARNING, t->warnings[k]->warning);
		ui_flow_newline(f);
	}
}

/* The rows of the status in w columns, drawn in rows y .. y+h-1 from its
 * row top on (h = 0 only counts). */
int
ui_today_status_rows(const struct ui *ui, const struct program_today *t, int y,
		     int w, int h, int top)
{
	struct ui_flow f;

	ui_flow_begin(&f, y, 1, w, h, top);
	put_status(ui, t, &f);
	return ui_flow_end(&f);
}
