/*
 * review.c: which approach helped, one trial at a time. The trials are
 * listed running first, then ended, newest first, and the flare-up tools'
 * sessions after them; the screen opens on the trial whose review is due,
 * if one is, else on the first. Below the list, the selected trial
 * with its figures and the review's own sentences (review_detail.c), and
 * at the bottom the decisions on it and their questions (review_decide.c).
 * This file loads the trials and the plan and lends them to both; after a
 * decision saved, it loads them again.
 *
 * The decisions take c, m, s, o, i, p and r (the pause week), none a vi
 * movement key, so j and k still move between trials, as do the arrows
 * and [ ].
 */
#include <stdlib.h>
#include <string.h>

#include "ui_review_int.h"
#include "util.h"

/* The trial list takes at most this many rows, and a third of the body;
 * more trials scroll. */
#define LIST_MAX_ROWS 6
#define LIST_BODY_SHARE 3
/* Title column of the list: at most this share of the width (1/2). */
#define LIST_TITLE_SHARE 2

const struct ui_keyhelp ui_review_keys[] = {
    {"Up Down, j k, [ ]", "choose a trial (running first, then newest first)"},
    {"g G, Home End", "the first or the last trial"},
    {"PgUp PgDn, Space", "scroll the selected trial's details"},
    {"c", "keep going (continue): save nothing, back to the last screen"},
    {"m", "keep it as a habit and move on: end it today as helped, keep "
	  "its practices on Today (asks first; when the verdict is not "
	  "helped, asks which outcome to record), ask your impression, then "
	  "offer to start the next approach not yet tried (y starts it, n "
	  "not now, r first answers the safety re-check)"},
    {"s", "stop it: choose no change, worse or stopped (asks first, then "
	  "asks your impression)"},
    {"o, Enter", "an ended trial: change its recorded outcome (asks first)"},
    {"i", "an ended trial: record or change your impression of it, how "
	  "your back pain is compared with before it started"},
    {"p", "a running trial that seems to help, of an approach whose effect "
	  "should fade when stopped: pause it for a week to see whether the "
	  "pain comes back (offered, never forced; asks first)"},
    {"r", "a paused trial: take it up again (asks first)"},
    {"y", "in a question: yes, save it"},
    {"Left Right", "in a choice: move; Enter goes on, Esc cancels"},
    {"1 .. 7", "in the impression question: that answer, saved at once; "
	       "Esc or s skips the question"},
    {"q, Esc", "back"},
    {NULL, NULL},
};

static struct review rv;
static struct program_plan plan;
static int loaded;
static size_t *order; /* rows of rv in list order */
static struct ui_list list;
static struct ui_view view;
static int view_h = 1; /* rows the details had at the last draw */
/* The row and the width the details in view were built for: they are
 * built again only when either changes, not at every draw. */
static const struct review_row *detail_row;
static int detail_w = -1;

static void
unload(void)
{
	if (loaded) {
		review_free(&rv);
		program_plan_free(&plan);
	}
	loaded = 0;
	free(order);
	order = NULL;
	list.n = 0;
	detail_row = NULL;
	detail_w = -1;
}

static const struct review_row *
selected(void)
{
	if (!loaded || list.n == 0 || list.sel < 0 || list.sel >= list.n)
		return NULL;
	return &rv.rows[order[list.sel]];
}

/* Trials before the flare-up tools' sessions (nothing to decide on
 * those, and the screen opens on the first row), running before ended,
 * then the newest start first. */
static int
goes_before(const struct review_row *a, const struct review_row *b)
{
	int c;

	if (a->tool_use != b->tool_use)
		return !a->tool_use;
	if (a->running != b->running)
		return a->running;
	c = strcmp(a->started_on, b->started_on);
	if (c != 0)
		return c > 0;
	return a->trial_id > b->trial_id;
}

static void
sort_rows(void)
{
	size_t i, j;

	order = xreallocarray(NULL, rv.nrows > 0 ? rv.nrows : 1, sizeof *order);
	for (i = 0; i < rv.nrows; i++) {
		for (j = i;
		     j > 0 && goes_before(&rv.rows[i], &rv.rows[order[j - 1]]);
		     j--)
			order[j] = order[j - 1];
		order[j] = i;
	}
}

/* The trial whose review is due, as Today names it: the first in the
 * plan's order; 0 when none is. */
static long long
due_trial(void)
{
	size_t i;

	for (i = 0; i < plan.nsteps; i++)
		if (plan.steps[i].review_due)
			return plan.steps[i].trial_id;
	return 0;
}

/* Its review is due, as the plan has it (program_step.review_due). */
static int
row_due(const struct review_row *row)
{
	const struct program_step *st =
	    program_plan_trial(&plan, row->trial_id);

	return row->running && st != NULL && st->review_due;
}

/* The row of trial id, else the first; a flare-up tool's row has no
 * trial (id 0) and is never looked for. */
static void
select_trial(long long id)
{
	int i;

	for (i = 0; id != 0 && i < list.n; i++)
		if (rv.rows[order[i]].trial_id == id) {
			list.sel = i;
			return;
		}
	list.sel = 0;
}

void
ui_review_enter(struct ui *ui, int fresh)
{
	const struct review_row *row = selected();
	long long keep = row != NULL ? row->trial_id : 0;
	int was = list.sel, row_was_tool = row != NULL && row->tool_use;
	char day[DAY_LEN], *cause = NULL;

	unload();
	if (fresh) {
		ui_review_decide_cancel();
		list.top = 0;
		view.top = 0;
	}
	ui_today(ui, day);
	if (review_load(ui->pack, ui->store, day, &rv, &cause) != 0) {
		ui_error(ui, cause);
		return;
	}
	if (program_plan_load(ui->pack, ui->store, day, &plan, &cause) != 0) {
		review_free(&rv);
		ui_error(ui, cause);
		return;
	}
	loaded = 1;
	sort_rows();
	list.n = (int)rv.nrows;
	if (fresh)
		keep = due_trial();
	select_trial(keep);
	/* Reloaded on a flare-up tool's row: stay on it. */
	if (!fresh && row_was_tool && was >= 0 && was < list.n)
		list.sel = was;
	row = selected();
	if (row == NULL || row->trial_id != keep)
		ui_review_decide_cancel();
	else
		ui_review_decide_check(ui, row);
}

/* The list's right column: where the trial stands, in the words of the
 * model (review_row_state(), and the plan's day count). */
static char *
row_state(const struct review_row *row)
{
	const struct program_step *st =
	    program_plan_trial(&plan, row->trial_id);
	struct buf b;

	buf_init(&b);
	if (row->tool_use) {
		program_tool_words(&b, row->tool_sessions, row->ended_on);
	} else if (!row->running) {
		if (row->habit && row->habit_dropped[0] == '\0')
			buf_printf(&b, "%s since %s", review_row_state(row),
				   row->habit_since);
		else
			buf_printf(&b, "ended %s, %s", row->ended_on,
				   review_row_state(row));
	} else if (st != NULL) {
		/* Paused, or its count, in the plan's words. */
		buf_adds(&b, "running, ");
		if (program_step_paused_words(&b, st, 1))
			buf_adds(&b, ", ");
		program_step_day_words(&b, st);
		if (st->review_due && st->day <= st->days)
			buf_adds(&b, ", review due");
	} else {
		buf_printf(&b, "running, day %d",
			   st != NULL ? st->day : row->result.days);
	}
	return buf_take(&b);
}

/* The columns of the list's title column: the longest title, at most
 * a share of the width. */
static int
title_width(int w)
{
	int i, tw = 0, cap = w / LIST_TITLE_SHARE;

	for (i = 0; i < list.n; i++) {
		int n = ui_width(review_row_name(&rv.rows[order[i]]));

		tw = n > tw ? n : tw;
	}
	return tw > cap ? cap : tw;
}

/* Rows of list entry i: its title and its state side by side, each
 * wrapped in its column. */
static int
entry_rows(int i, int tw, int w)
{
	const struct review_row *row = &rv.rows[order[i]];
	char *state = row_state(row);
	int a = ui_words_rows(review_row_name(row), tw);
	int b = ui_words_rows(state, w - tw - 4);

	free(state);
	return a > b ? a : b;
}

/* The trials in rows y .. y+h-1, scrolling with the selection: "more"
 * marks on the first row when some are above, on the last when some are
 * below. */
static void
draw_list(int y, int h, int w, const int *rows, int tw)
{
	int i, n, r, end = y + h;

	n = ui_list_fit_rows(&list, rows, h);
	if (list.top > 0) {
		n = ui_list_fit_rows(&list, rows, h - 1);
		ui_put(y++, 3, ui_more_mark(0), w - 2, 0, UI_C_DIM);
	}
	for (i = list.top; i < list.top + n && y < end; i++) {
		const struct review_row *row = &rv.rows[order[i]];
		int sel = i == list.sel;
		enum ui_color c = sel ? UI_C_SELECTED : UI_C_NORMAL;
		char *state = row_state(row);

		for (r = 0; r < rows[i] && y + r < end; r++)
			ui_fill(y + r, 1, w, c);
		ui_put(y, 1, sel ? ">" : " ", 1, 0, c);
		ui_put_words(y, 3, review_row_name(row), tw, end - y, c);
		ui_put_words(y, 3 + tw + 2, state, w - tw - 4, end - y,
			     sel ? c
				 : (row_due(row) ? UI_C_WARNING : UI_C_DIM));
		free(state);
		y += rows[i];
	}
	if (list.top + n < list.n)
		ui_put(end - 1, 3, ui_more_mark(1), w - 2, 0, UI_C_DIM);
}

void
ui_review_draw(struct ui *ui)
{
	int y = ui->y0, end = ui->y0 + ui->h, w = ui->w - 2, rows, bottom;
	int tw, i, need = 0, *erows;
	const struct review_row *row = selected();

	if (!loaded) {
		ui_put(y, 1, "The log could not be read; q goes back.", w, 0,
		       UI_C_WARNING);
		return;
	}
	if (row == NULL) {
		ui_view_clear(&view);
		ui_view_add(&view, ui_text_width(ui), UI_C_NORMAL, 0, NULL,
			    "No trial yet, so there is nothing to review. "
			    "Start an approach from the plan (p on Today); "
			    "its trial can be judged once it has run 7 days.");
		ui_show_view(ui, &view, y, ui->h);
		return;
	}
	tw = title_width(w);
	erows = xcalloc((size_t)list.n, sizeof *erows);
	for (i = 0; i < list.n; i++) {
		erows[i] = entry_rows(i, tw, w);
		need += erows[i];
	}
	rows = ui->h / LIST_BODY_SHARE;
	rows = rows > LIST_MAX_ROWS ? LIST_MAX_ROWS : rows;
	rows = rows > need ? need : rows;
	draw_list(y, rows, w, erows, tw);
	free(erows);
	y += rows + 1;
	bottom = ui_review_decide_draw(ui, &plan, row, end, w);
	view_h = end - bottom - 1 - y;
	view_h = view_h < 1 ? 1 : view_h;
	if (row != detail_row || ui_text_width(ui) != detail_w) {
		ui_review_detail(&view, ui, &rv, &plan, row);
		detail_row = row;
		detail_w = ui_text_width(ui);
	}
	ui_show_view(ui, &view, y, view_h);
}

static void
move_to(int sel)
{
	if (sel != list.sel)
		view.top = 0;
	list.sel = sel;
	if (list.sel >= list.n)
		list.sel = list.n - 1;
	if (list.sel < 0)
		list.sel = 0;
}

int
ui_review_key(struct ui *ui, int key)
{
	const struct review_row *row = selected();
	enum ui_review_did did;

	if (row == NULL) {
		ui_review_decide_cancel();
		return 0;
	}
	did = ui_review_decide_key(ui, &rv, &plan, row, key);
	if (did == UI_REVIEW_SAVED) {
		ui_review_enter(ui, 0);
		ui_review_decide_saved(ui, selected());
	}
	if (did != UI_REVIEW_UNUSED)
		return 1;
	switch (key) {
	case '[':
		move_to(list.sel - 1);
		return 1;
	case ']':
		move_to(list.sel + 1);
		return 1;
	default:
		break;
	}
	switch (ui_nav(key)) {
	case UI_NAV_UP:
		move_to(list.sel - 1);
		return 1;
	case UI_NAV_DOWN:
		move_to(list.sel + 1);
		return 1;
	case UI_NAV_HOME:
		move_to(0);
		return 1;
	case UI_NAV_END:
		move_to(list.n - 1);
		return 1;
	case UI_NAV_PGUP:
	case UI_NAV_PGDN:
		return ui_view_key(&view, key, view_h);
	default:
		return 0;
	}
}

void
ui_review_free(void)
{
	unload();
	ui_view_free(&view);
}
