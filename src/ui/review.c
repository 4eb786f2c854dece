/*
 * review.c: which approach helped, one trial at a time. The trials are
 * listed running first, then ended, newest first; the screen opens on the
 * trial whose review is due, if one is. The selected trial is shown with
 * its figures and the review's own sentences (review.h, review_text.c), and
 * the user decides: keep going, keep it as a habit and move on to the next
 * approach, or stop it; an ended trial's recorded outcome can be changed.
 * A trial ended here is followed by one optional question, the person's
 * global impression of the change (1..7, PGIC), which an ended trial can
 * also be given or have changed later. The verdict only advises. Every
 * write asks first and says what it saved.
 *
 * The issue gives k, h and s to the decisions, so on this screen k and h
 * are not vi movement: the trials are chosen with the arrows or [ ].
 */
#include <stdlib.h>
#include <string.h>

#include "content.h"
#include "program.h"
#include "ui_review_int.h"
#include "util.h"

/* The trial list takes at most this many rows, and a third of the body. */
#define LIST_MAX_ROWS 6
#define LIST_BODY_SHARE 3
/* Title column of the list: at most this share of the width (1/2). */
#define LIST_TITLE_SHARE 2

/* What a key press is waiting for besides moving. */
enum ask {
	ASK_NONE,
	ASK_HABIT,	/* y/n: end it as helped, start the next approach */
	ASK_STOP,	/* choose how a running trial ended */
	ASK_OUTCOME,	/* choose a new outcome for an ended trial */
	ASK_CONFIRM,	/* y/n for the outcome chosen under ASK_STOP/OUTCOME */
	ASK_IMPRESSION, /* 1..7, or skip: the impression of an ended trial */
};

const struct ui_keyhelp ui_review_keys[] = {
    {"Up Down, j k, [ ]", "choose a trial (running first, then newest first)"},
    {"g G, Home End", "the first or the last trial"},
    {"PgUp PgDn, Space", "scroll the selected trial's details"},
    {"c", "keep going (continue): save nothing, back to the last screen"},
    {"m", "keep it as a habit and move on: end it today as helped, keep "
	  "its practices on Today, and start the next approach not yet tried "
	  "(asks first, then asks your impression)"},
    {"s", "stop it: choose no change, worse or stopped (asks first, then "
	  "asks your impression)"},
    {"o, Enter", "an ended trial: change its recorded outcome (asks first)"},
    {"i", "an ended trial: record or change your impression of it, how "
	  "your back pain is compared with before it started"},
    {"y", "in a question: yes, save it"},
    {"Left Right", "in a choice: move; Enter goes on, Esc cancels"},
    {"1 .. 7", "in the impression question: that answer, saved at once; "
	       "Esc or s skips the question"},
    {"q, Esc", "back"},
    {NULL, NULL},
};

static const enum store_outcome stop_choices[] = {
    OUTCOME_NO_CHANGE,
    OUTCOME_WORSE,
    OUTCOME_STOPPED,
};
static const enum store_outcome all_choices[] = {
    OUTCOME_HELPED,
    OUTCOME_NO_CHANGE,
    OUTCOME_WORSE,
    OUTCOME_STOPPED,
};
#define NSTOP (sizeof stop_choices / sizeof stop_choices[0])
#define NALL (sizeof all_choices / sizeof all_choices[0])

static struct review rv;
static struct program_plan plan;
static int loaded;
static size_t *order; /* rows of rv in list order */
static struct ui_list list;
static struct ui_view view, prompt;
static int view_h = 1; /* rows the details had at the last draw */
/* The row and the width the details in view were built for: they are
 * built again only when either changes, not at every draw. */
static const struct review_row *detail_row;
static int detail_w = -1;

static enum ask ask, picked_in;
static const enum store_outcome *choices;
static size_t nchoices, choice;
/* ASK_HABIT: the approach to start after it, borrowed from the pack. */
static const struct approach *next_approach;
/* ASK_IMPRESSION: the trial asked about and the answer under the cursor,
 * 0 until one is chosen, so that a stray Enter saves nothing. */
static long long impression_trial;
static int impression_pick;

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

/* Running before ended, then the newest start first. */
static int
goes_before(const struct review_row *a, const struct review_row *b)
{
	int c;

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

static void
select_trial(long long id)
{
	int i;

	for (i = 0; i < list.n; i++)
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
	char day[DAY_LEN], *cause = NULL;

	unload();
	if (fresh) {
		ask = ASK_NONE;
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
	if (selected() == NULL || selected()->trial_id != keep ||
	    (ask == ASK_IMPRESSION &&
	     (selected()->running || selected()->trial_id != impression_trial)))
		ask = ASK_NONE;
}

/* Another non-wildcard approach than the row's is running. */
static int
other_running(const struct review_row *row)
{
	size_t i;

	for (i = 0; i < plan.nsteps; i++) {
		const struct program_step *st = &plan.steps[i];

		if (st->state == PROGRAM_RUNNING && !st->approach->wildcard &&
		    strcmp(st->approach->id, row->approach) != 0)
			return 1;
	}
	return 0;
}

/* The first approach of the plan not yet tried, unless another one runs:
 * one new approach at a time, so that a change can be put down to it. */
static const struct approach *
next_to_start(const struct review_row *row)
{
	size_t i;

	if (other_running(row))
		return NULL;
	for (i = 0; i < plan.nsteps; i++) {
		const struct program_step *st = &plan.steps[i];

		if (st->state == PROGRAM_NOT_STARTED &&
		    !st->approach->wildcard &&
		    strcmp(st->approach->id, row->approach) != 0)
			return st->approach;
	}
	return NULL;
}

/* The list's right column: where the trial stands. */
static char *
row_state(const struct ui *ui, const struct review_row *row)
{
	int of = ui_review_trial_days(ui, row);

	if (!row->running)
		return xasprintf("ended %s, %s", row->ended_on,
				 ui_review_outcome_words(row->outcome));
	if (of > 0)
		return xasprintf("running, day %d of %d%s", row->result.days,
				 of,
				 ui_review_due(ui, row) ? ", review due" : "");
	return xasprintf("running, day %d", row->result.days);
}

static void
draw_list(const struct ui *ui, int y, int rows, int w)
{
	int i, tw = 0, cap = w / LIST_TITLE_SHARE;

	for (i = 0; i < list.n; i++) {
		int n = ui_width(review_row_name(&rv.rows[order[i]]));

		tw = n > tw ? n : tw;
	}
	tw = tw > cap ? cap : tw;
	for (i = list.top; i < list.n && i < list.top + rows; i++, y++) {
		const struct review_row *row = &rv.rows[order[i]];
		int sel = i == list.sel;
		enum ui_color c = sel ? UI_C_SELECTED : UI_C_NORMAL;
		char *state = row_state(ui, row);

		ui_fill(y, 1, w, c);
		ui_put(y, 1, sel ? ">" : " ", 1, 0, c);
		ui_put(y, 3, review_row_name(row), tw, 0, c);
		ui_put(
		    y, 3 + tw + 2, state, w - tw - 4, 0,
		    sel ? c
			: (ui_review_due(ui, row) ? UI_C_WARNING : UI_C_DIM));
		free(state);
	}
}

/* The seven answers of the impression question, the chosen one in
 * brackets, on as few lines of at most w columns as they fit. */
static void
impression_choices(struct buf *b, int w)
{
	int i, col = 0;

	for (i = STORE_IMPRESSION_MIN; i <= STORE_IMPRESSION_MAX; i++) {
		const char *words = review_impression_words(i);
		/* "[1 much better]  " and " 1 much better   " are as wide. */
		int n = ui_width(words) + 6;

		if (col > 0 && col + n > w) {
			buf_addc(b, '\n');
			col = 0;
		}
		buf_printf(b, i == impression_pick ? "[%d %s]  " : " %d %s   ",
			   i, words);
		col += n;
	}
	buf_addc(b, '\n');
}

static void
impression_question(struct buf *b, const struct ui *ui,
		    const struct review_row *row, int w)
{
	char day[DAY_LEN];

	ui_today(ui, day);
	if (strcmp(row->ended_on, day) == 0)
		buf_printf(b,
			   "Compared with before you started \"%s\", how is "
			   "your back pain now?\n",
			   review_row_name(row));
	else
		buf_printf(b,
			   "Compared with before you started \"%s\", how was "
			   "your back pain when it ended (%s)?\n",
			   review_row_name(row), row->ended_on);
	impression_choices(b, w);
	buf_adds(b, "Left Right choose   Enter or 1-7 save   Esc or s skip "
		    "(it is optional)");
}

/* The question being asked, or the keys of the selected trial; its last
 * line names the keys that answer it.
 * w: the columns of its lines. */
static char *
prompt_text(const struct ui *ui, const struct review_row *row, int w)
{
	const char *name = review_row_name(row);
	char day[DAY_LEN];
	struct buf b;
	size_t i;

	ui_today(ui, day);
	buf_init(&b);
	switch (ask) {
	case ASK_NONE:
		if (row->running)
			buf_adds(&b, "c keep going   m keep it as a habit and "
				     "move on   s stop it");
		else
			buf_printf(&b,
				   "o change the recorded outcome   i %s your "
				   "impression",
				   row->impression == STORE_NONE ? "record"
								 : "change");
		break;
	case ASK_IMPRESSION:
		impression_question(&b, ui, row, w);
		break;
	case ASK_HABIT:
		buf_printf(&b,
			   "Keep \"%s\" as a habit: end its trial today as "
			   "helped.\n",
			   name);
		if (next_approach != NULL)
			buf_printf(&b,
				   "Start \"%s\" today, the next approach not "
				   "yet tried.",
				   next_approach->title);
		else
			buf_printf(&b, "No other approach starts: %s.",
				   other_running(row)
				       ? "another one is running"
				       : "every approach has been tried");
		buf_adds(&b, "\ny save   n cancel");
		break;
	case ASK_STOP:
	case ASK_OUTCOME:
		if (ask == ASK_STOP)
			buf_printf(&b, "Stop \"%s\" today, recorded as:\n",
				   name);
		else
			buf_printf(&b, "Record \"%s\" (%s to %s) as:\n", name,
				   row->started_on, row->ended_on);
		for (i = 0; i < nchoices; i++)
			buf_printf(&b, i == choice ? "[%s]  " : " %s   ",
				   ui_review_outcome_words(choices[i]));
		buf_adds(&b, "\nLeft Right choose   Enter go on   Esc cancel");
		break;
	case ASK_CONFIRM:
		if (picked_in == ASK_STOP)
			buf_printf(
			    &b, "Stop \"%s\" today (%s), recorded as %s?", name,
			    day, ui_review_outcome_words(choices[choice]));
		else
			buf_printf(&b,
				   "Change the recorded outcome of \"%s\" from "
				   "%s to %s?",
				   name, ui_review_outcome_words(row->outcome),
				   ui_review_outcome_words(choices[choice]));
		buf_adds(&b, "\ny save   n cancel");
		break;
	}
	return buf_take(&b);
}

/* Draws the prompt on the last rows of the body; returns the rows used. */
static int
draw_prompt(const struct ui *ui, const struct review_row *row, int end, int w)
{
	enum ui_color c = ask == ASK_NONE ? UI_C_DIM : UI_C_SELECTED;
	char *text = prompt_text(ui, row, w - 2);
	int n, i;

	ui_view_clear(&prompt);
	ui_view_add(&prompt, w - 2, c, 0, NULL, text);
	free(text);
	n = (int)prompt.n;
	for (i = 0; i < n; i++) {
		ui_fill(end - n + i, 1, w, c);
		ui_put(end - n + i, 2, prompt.v[i].text, w - 2, 0, c);
	}
	return n;
}

void
ui_review_draw(struct ui *ui)
{
	int y = ui->y0, end = ui->y0 + ui->h, w = ui->w - 2, rows, bottom;
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
	rows = ui->h / LIST_BODY_SHARE;
	rows = rows > LIST_MAX_ROWS ? LIST_MAX_ROWS : rows;
	rows = rows > list.n ? list.n : rows;
	ui_list_fit(&list, rows);
	draw_list(ui, y, rows, w);
	y += rows + 1;
	bottom = draw_prompt(ui, row, end, w);
	view_h = end - bottom - 1 - y;
	view_h = view_h < 1 ? 1 : view_h;
	if (row != detail_row || ui_text_width(ui) != detail_w) {
		ui_review_detail(&view, ui, &rv, row);
		detail_row = row;
		detail_w = ui_text_width(ui);
	}
	ui_show_view(ui, &view, y, view_h);
}

static void
open_choice(enum ask a, const enum store_outcome *v, size_t n,
	    enum store_outcome want)
{
	size_t i;

	ask = a;
	choices = v;
	nchoices = n;
	choice = n - 1; /* the last, "stopped", unless want is there */
	for (i = 0; i < n; i++)
		if (v[i] == want)
			choice = i;
}

/* Opens the impression question on the selected trial when it is the
 * one of id and has ended; pick is the answer under the cursor, or 0. */
static void
ask_impression(long long id, int pick)
{
	const struct review_row *row = selected();

	if (row == NULL || row->trial_id != id || row->running)
		return;
	ask = ASK_IMPRESSION;
	impression_trial = id;
	impression_pick = pick;
}

/* The message after the trial was kept as a habit: whether the next
 * approach started. */
static void
habit_saved(struct ui *ui, const char *name, const struct approach *next,
	    const char *day)
{
	char *cause = NULL;

	if (next == NULL) {
		ui_message(ui, UI_C_GOOD,
			   "Saved: \"%s\" is kept as a habit: its practices "
			   "stay on Today.",
			   name);
	} else if (program_start(ui->pack, ui->store, next->id, day, NULL,
				 &cause) != 0) {
		ui_message(ui, UI_C_WARNING,
			   "Saved: \"%s\" is kept as a habit. \"%s\" was "
			   "not started: %s",
			   name, next->title, cause ? cause : "unknown error");
		free(cause);
	} else {
		ui_message(ui, UI_C_GOOD,
			   "Saved: \"%s\" is kept as a habit. Started "
			   "\"%s\", day 1.",
			   name, next->title);
	}
}

static void
save_habit(struct ui *ui, const struct review_row *row)
{
	char day[DAY_LEN], *name = xstrdup(review_row_name(row)), *cause = NULL;
	long long id = row->trial_id;
	int kept;

	ui_today(ui, day);
	kept = program_keep(ui->pack, ui->store, row->approach, day,
			    OUTCOME_HELPED, &cause) == 0;
	if (kept)
		habit_saved(ui, name, next_approach, day);
	else
		ui_error(ui, cause);
	free(name);
	ui_review_enter(ui, 0);
	if (kept)
		ask_impression(id, 0);
}

static void
save_outcome(struct ui *ui, const struct review_row *row)
{
	enum store_outcome o = choices[choice], was = row->outcome;
	char day[DAY_LEN], *name = xstrdup(review_row_name(row)), *cause = NULL;
	long long id = row->trial_id;
	int rc;

	ui_today(ui, day);
	if (picked_in == ASK_STOP)
		rc = program_stop(ui->pack, ui->store, row->approach, day, o,
				  &cause);
	else
		rc = program_outcome(ui->store, row->trial_id, o, &cause);
	if (rc != 0)
		ui_error(ui, cause);
	else if (picked_in == ASK_STOP)
		ui_message(ui, UI_C_GOOD, "Saved: \"%s\" ended today as %s.",
			   name, ui_review_outcome_words(o));
	else
		ui_message(ui, UI_C_GOOD,
			   "Saved: \"%s\" is now recorded as %s (it was %s).",
			   name, ui_review_outcome_words(o),
			   ui_review_outcome_words(was));
	free(name);
	ui_review_enter(ui, 0);
	if (rc == 0 && picked_in == ASK_STOP)
		ask_impression(id, 0);
}

static void
save_impression(struct ui *ui, const struct review_row *row, int impression)
{
	char *cause = NULL;

	ask = ASK_NONE;
	if (program_impression(ui->store, row->approach, row->ended_on,
			       impression, &cause) != 0) {
		ui_error(ui, cause);
		return;
	}
	ui_message(ui, UI_C_GOOD, "Saved: your impression, %s.",
		   review_impression_words(impression));
	ui_review_enter(ui, 0);
}

static void
cancel(struct ui *ui)
{
	ask = ASK_NONE;
	ui_message(ui, UI_C_NORMAL, "Nothing saved.");
}

/* Moves the cursor of the impression question by one answer (dir 1 or
 * -1); with none under it yet, Right or Down (1) takes the first answer,
 * Left or Up (-1) the last. */
static void
impression_move(int dir)
{
	if (impression_pick == 0)
		impression_pick =
		    dir > 0 ? STORE_IMPRESSION_MIN : STORE_IMPRESSION_MAX;
	else if (impression_pick + dir >= STORE_IMPRESSION_MIN &&
		 impression_pick + dir <= STORE_IMPRESSION_MAX)
		impression_pick += dir;
}

/* Keys of the impression question: a digit answers at once, the arrows
 * (or vi keys) move and Enter saves, Esc, s or q skip it. */
static void
answer_impression(struct ui *ui, const struct review_row *row, int key)
{
	if (key == UI_KEY_ESC || key == 's' || key == 'q') {
		ask = ASK_NONE;
		ui_message(ui, UI_C_NORMAL,
			   row->impression == STORE_NONE
			       ? "No impression saved; i records it later."
			       : "Nothing saved.");
		return;
	}
	if (key >= '0' + STORE_IMPRESSION_MIN &&
	    key <= '0' + STORE_IMPRESSION_MAX) {
		save_impression(ui, row, key - '0');
		return;
	}
	if (key == UI_KEY_ENTER) {
		if (impression_pick == 0)
			ui_message(ui, UI_C_NORMAL,
				   "Choose an answer first (Left Right, or "
				   "1 to 7), or skip it with Esc.");
		else
			save_impression(ui, row, impression_pick);
		return;
	}
	switch (ui_nav(key)) {
	case UI_NAV_LEFT:
	case UI_NAV_UP:
		impression_move(-1);
		break;
	case UI_NAV_RIGHT:
	case UI_NAV_DOWN:
		impression_move(1);
		break;
	case UI_NAV_HOME:
		impression_pick = STORE_IMPRESSION_MIN;
		break;
	case UI_NAV_END:
		impression_pick = STORE_IMPRESSION_MAX;
		break;
	default:
		break;
	}
}

/* A later trial of the same approach ended on the same day as row: the
 * impression, saved by approach and day, would go to that one. */
static int
ended_again(const struct review_row *row)
{
	size_t i;

	for (i = 0; i < rv.nrows; i++)
		if (!rv.rows[i].running &&
		    rv.rows[i].trial_id > row->trial_id &&
		    strcmp(rv.rows[i].approach, row->approach) == 0 &&
		    strcmp(rv.rows[i].ended_on, row->ended_on) == 0)
			return 1;
	return 0;
}

/* Keys while a question is open: every key is used, so q and Esc cancel
 * the question rather than leave the screen. */
static int
answer(struct ui *ui, const struct review_row *row, int key)
{
	if (ask == ASK_IMPRESSION) {
		answer_impression(ui, row, key);
		return 1;
	}
	if (ask == ASK_HABIT || ask == ASK_CONFIRM) {
		enum ask was = ask;

		if (key != 'y') {
			cancel(ui);
			return 1;
		}
		ask = ASK_NONE;
		if (was == ASK_HABIT)
			save_habit(ui, row);
		else
			save_outcome(ui, row);
		return 1;
	}
	if (key == UI_KEY_ESC || key == 'q') {
		cancel(ui);
		return 1;
	}
	if (key == UI_KEY_ENTER) {
		picked_in = ask;
		ask = ASK_CONFIRM;
		return 1;
	}
	switch (ui_nav(key)) {
	case UI_NAV_LEFT:
	case UI_NAV_UP:
		choice = choice > 0 ? choice - 1 : 0;
		break;
	case UI_NAV_RIGHT:
	case UI_NAV_DOWN:
		choice = choice + 1 < nchoices ? choice + 1 : choice;
		break;
	default:
		break;
	}
	return 1;
}

/* The decisions: c, m and s for a running trial, o and i for an ended one.
 * None is a vi key, so j and k still move between trials. */
static int
decide(struct ui *ui, const struct review_row *row, int key)
{
	const char *name = review_row_name(row);

	switch (key) {
	case 'c':
		if (!row->running) {
			ui_message(ui, UI_C_NORMAL,
				   "\"%s\" has ended; o changes its outcome.",
				   name);
			return 1;
		}
		ui_message(ui, UI_C_GOOD,
			   "Nothing saved: \"%s\" keeps running, day %d.", name,
			   row->result.days);
		ui_pop(ui);
		return 1;
	case 'm':
	case 's':
		if (!row->running) {
			ui_message(ui, UI_C_NORMAL,
				   "\"%s\" has ended; o changes its outcome.",
				   name);
		} else if (key == 'm') {
			next_approach = next_to_start(row);
			ask = ASK_HABIT;
		} else {
			open_choice(ASK_STOP, stop_choices, NSTOP,
				    ui_review_suggested(row));
		}
		return 1;
	case 'i':
		if (row->running)
			ui_message(ui, UI_C_NORMAL,
				   "\"%s\" is running: your impression is "
				   "asked when it ends (m or s).",
				   name);
		else if (ended_again(row))
			ui_message(ui, UI_C_WARNING,
				   "\"%s\" ran again and ended the same day: "
				   "only the later trial can take an "
				   "impression.",
				   name);
		else
			ask_impression(row->trial_id,
				       row->impression == STORE_NONE
					   ? 0
					   : row->impression);
		return 1;
	case 'o':
	case UI_KEY_ENTER:
		if (row->running)
			ui_message(
			    ui, UI_C_NORMAL,
			    "\"%s\" is running: c keeps going, m keeps it "
			    "as a habit, s stops it.",
			    name);
		else
			open_choice(ASK_OUTCOME, all_choices, NALL,
				    row->outcome != OUTCOME_NONE
					? row->outcome
					: ui_review_suggested(row));
		return 1;
	default:
		return 0;
	}
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

	if (row == NULL) {
		ask = ASK_NONE;
		return 0;
	}
	if (ask != ASK_NONE)
		return answer(ui, row, key);
	if (decide(ui, row, key))
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
	ui_view_free(&prompt);
}
