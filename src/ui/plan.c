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
static int list_rows = 1; /* rows the list had at the last draw */

void
ui_plan_enter(struct ui *ui, int fresh)
{
	if (ui_plan_reload(ui, &plan, &loaded) != 0)
		return;
	list.n = (int)plan.nsteps;
	if (fresh)
		list.sel = plan.current >= 0 ? plan.current : 0;
}

/* What became of an approach, in the words of the model: its trial's
 * (program_trial_words()) and, for a flare-up tool, its sessions
 * (program_tool_words()). */
static char *
state_text(const struct program_step *st, enum ui_color *c)
{
	struct buf b;

	*c = UI_C_DIM;
	buf_init(&b);
	switch (st->state) {
	case PROGRAM_NOT_STARTED:
		if (st->tool_sessions == 0)
			buf_adds(&b, program_state_name(st->state));
		break;
	case PROGRAM_RUNNING:
		*c = st->review_due ? UI_C_WARNING : UI_C_GOOD;
		/* A safety hold or its pause week pauses it: its count
		 * stays (program.h), in the model's words. */
		if (program_step_paused_words(&b, st, 1)) {
			if (st->paused)
				*c = UI_C_WARNING;
			buf_adds(&b, ", ");
			program_step_day_words(&b, st);
			break;
		}
		if (st->day == 0)
			buf_printf(&b, "starting %s, a day still to come",
				   st->started_on);
		else {
			/* Past its length too, in the model's words. */
			buf_printf(&b, "trying since %s, ", st->started_on);
			program_step_day_words(&b, st);
			if (st->review_due && st->day <= st->days)
				buf_adds(&b, ", review due");
		}
		break;
	case PROGRAM_ENDED:
		*c = st->outcome == OUTCOME_HELPED ? UI_C_GOOD : UI_C_NORMAL;
		if (st->habit) {
			*c = UI_C_GOOD;
			buf_printf(
			    &b, "%s since %s, practised on %d of %d day%s",
			    program_trial_words(0, 1, st->outcome),
			    st->habit_since, st->habit_practised,
			    st->habit_days, st->habit_days == 1 ? "" : "s");
		} else {
			buf_printf(&b, "%s (ended %s)",
				   program_trial_words(0, 0, st->outcome),
				   st->ended_on);
		}
		break;
	}
	if (st->tool_sessions > 0) {
		if (b.len > 0)
			buf_adds(&b, "; ");
		else
			*c = UI_C_NORMAL;
		program_tool_words(&b, st->tool_sessions, st->tool_last);
	}
	if (b.data == NULL)
		buf_adds(&b, "");
	return buf_take(&b);
}

/* An approach's two lines: its title (after the current one's mark, two
 * columns), then what became of it. */
static void
entry_text(int i, char **title, char **state, enum ui_color *sc)
{
	const struct program_step *st = &plan.steps[i];
	char *s = state_text(st, sc);

	*title = xasprintf("%d. %s%s", i + 1, st->approach->title,
			   st->approach->wildcard ? "  (any time)" : "");
	*state = xasprintf("%s%s", s, i == plan.current ? "   <- current" : "");
	free(s);
}

/* The approaches as a list that scrolls with the selection, each its
 * title (selected) and its state below, both wrapped whole. */
void
ui_plan_draw(struct ui *ui)
{
	int y = ui->y0, end = ui->y0 + ui->h, w = ui->w - 2, i, n, r, wrows = 0;
	int *rows;
	char *warn = NULL, *title, *state;
	enum ui_color sc;

	y += ui_put_words(y, 1,
			  "The approaches, in the order the guide "
			  "suggests:",
			  w, 2, UI_C_HEADING);
	y += ui_put_words(y, 1, "Enter opens one; r: further reading", w, 2,
			  UI_C_DIM);
	if (!loaded || list.n == 0)
		return;
	/* The last rows are kept for a warning when several approaches
	 * run. */
	if (plan.running > 1) {
		warn = xasprintf("%d approaches run at once: a change in pain "
				 "cannot be put down to one of them.",
				 plan.running);
		wrows = ui_words_rows(warn, w);
	}
	rows = xcalloc((size_t)list.n, sizeof *rows);
	for (i = 0; i < list.n; i++) {
		entry_text(i, &title, &state, &sc);
		rows[i] =
		    ui_words_rows(title, w - 2) + ui_words_rows(state, w - 5);
		free(title);
		free(state);
	}
	list_rows = end - y - wrows;
	n = ui_list_fit_rows(&list, rows, list_rows);
	if (list.top > 0)
		ui_put(y - 1, w - ui_width(ui_more_mark(0)) + 1,
		       ui_more_mark(0), w, 0, UI_C_DIM);
	for (i = list.top; i < list.top + n && y < end - wrows; i++) {
		enum ui_color c = i == list.sel ? UI_C_SELECTED : UI_C_NORMAL;
		int tr;

		entry_text(i, &title, &state, &sc);
		tr = ui_words_rows(title, w - 2);
		for (r = 0; r < tr && y + r < end - wrows; r++)
			ui_fill(y + r, 1, w, c);
		if (i == plan.current)
			ui_put(y, 1, ">", 1, 0, c);
		y += ui_put_words(y, 3, title, w - 2, end - wrows - y, c);
		y += ui_put_words(y, 6, state, w - 5, end - wrows - y, sc);
		free(title);
		free(state);
	}
	if (list.top + n < list.n)
		ui_put(end - wrows - 1, 2, ui_more_mark(1), w - 2, 0, UI_C_DIM);
	if (warn != NULL)
		ui_put_words(end - wrows, 1, warn, w, wrows, UI_C_WARNING);
	free(warn);
	free(rows);
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
	return ui_list_move(&list, key, list_rows > 4 ? list_rows / 2 : 1);
}

void
ui_plan_free(void)
{
	if (loaded)
		program_plan_free(&plan);
	loaded = 0;
}
