/* plan.c: the approaches in the guide's order with the state of each; the
 * current one marked. Enter opens an approach. */
#include <stdlib.h>

#include "content.h"
#include "program.h"
#include "ui_int.h"
#include "util.h"

const struct ui_keyhelp ui_plan_keys[] = {
    {"j k, arrows", "choose an approach"},
    {"Enter, l", "open the approach"},
    {"r", "further reading"},
    {"q, Esc", "back"},
    {NULL, NULL},
};

static struct program_plan plan;
static int loaded;
static struct ui_list list;

void
ui_plan_enter(struct ui *ui, int fresh)
{
	if (ui_plan_reload(ui, &plan, &loaded) != 0)
		return;
	list.n = (int)plan.nsteps;
	if (fresh)
		list.sel = plan.current >= 0 ? plan.current : 0;
}

/* What became of an approach, in a few words. */
static char *
state_text(const struct program_step *st, enum ui_color *c)
{
	*c = UI_C_DIM;
	switch (st->state) {
	case PROGRAM_NOT_STARTED:
		return xstrdup("not started");
	case PROGRAM_RUNNING:
		*c = st->review_due ? UI_C_WARNING : UI_C_GOOD;
		if (st->day == 0)
			return xasprintf("starting %s, a day still to come",
					 st->started_on);
		if (st->days > 0)
			return xasprintf("trying since %s, day %d of %d%s",
					 st->started_on, st->day, st->days,
					 st->review_due ? ", review due" : "");
		return xasprintf("trying since %s, day %d", st->started_on,
				 st->day);
	case PROGRAM_ENDED:
		*c = st->outcome == OUTCOME_HELPED ? UI_C_GOOD : UI_C_NORMAL;
		if (st->habit) {
			*c = UI_C_GOOD;
			return xasprintf("kept as a habit since %s, practised "
					 "on %d of %d day%s",
					 st->habit_since, st->habit_practised,
					 st->habit_days,
					 st->habit_days == 1 ? "" : "s");
		}
		switch (st->outcome) {
		case OUTCOME_HELPED:
			return xasprintf("helped (ended %s)", st->ended_on);
		case OUTCOME_NO_CHANGE:
			return xasprintf("no change (ended %s)", st->ended_on);
		case OUTCOME_WORSE:
			return xasprintf("made it worse (ended %s)",
					 st->ended_on);
		case OUTCOME_STOPPED:
		case OUTCOME_NONE:
			return xasprintf("stopped %s", st->ended_on);
		}
	}
	return xstrdup("");
}

void
ui_plan_draw(struct ui *ui)
{
	int y = ui->y0, end = ui->y0 + ui->h, w = ui->w - 2, i, rows;
	const struct program_step *st;

	ui_put(y++, 1, "The approaches, in the order the guide suggests:", w, 0,
	       UI_C_HEADING);
	ui_put(y++, 1, "Enter opens one; r: further reading", w, 0, UI_C_DIM);
	if (!loaded)
		return;
	/* Two rows an approach: its title, then its state; the last row
	 * is kept for a warning when several approaches run. */
	rows = (end - y - (plan.running > 1 ? 1 : 0)) / 2;
	ui_list_fit(&list, rows);
	for (i = list.top; i < list.n && i < list.top + rows; i++) {
		enum ui_color c = i == list.sel ? UI_C_SELECTED : UI_C_NORMAL;
		enum ui_color sc;
		char *title, *state;

		st = &plan.steps[i];
		title = xasprintf("%s%d. %s%s", i == plan.current ? "> " : "  ",
				  i + 1, st->approach->title,
				  st->approach->wildcard ? "  (any time)" : "");
		ui_fill(y, 1, w, c);
		ui_put(y++, 1, title, w, 0, c);
		state = state_text(st, &sc);
		ui_putf(y++, 6, w - 5, sc, "%s%s", state,
			i == plan.current ? "   <- current" : "");
		free(title);
		free(state);
	}
	if (plan.running > 1 && y < end - 1)
		ui_putf(end - 1, 1, w, UI_C_WARNING,
			"%d approaches run at once: a change in pain cannot "
			"be put down to one of them.",
			plan.running);
}

int
ui_plan_key(struct ui *ui, int key)
{
	if (key == 'r') {
		ui_push(ui, UI_READING);
		return 1;
	}
	if (key == UI_KEY_ENTER || key == 'l' || key == UI_FKEY(KEY_RIGHT)) {
		if (!loaded || list.n == 0)
			return 1;
		ui->approach = list.sel;
		ui_push(ui, UI_APPROACH);
		return 1;
	}
	return ui_list_key(&list, key, (ui->h - 3) / 2);
}

void
ui_plan_free(void)
{
	if (loaded)
		program_plan_free(&plan);
	loaded = 0;
}
