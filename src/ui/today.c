/* today.c: the home screen. Today's check-in, the current approach, the
 * short read offered (a lesson, program_lessons_load()), today's
 * practices, two weeks of pain, and a menu whose first entry is the one
 * next thing program.c suggests. Nothing is cut: every line wraps (a flow,
 * widget_int.h); when all of it is longer than the screen, the menu keeps
 * its rows and scrolls with the selection, and what is above it scrolls
 * with PgUp PgDn, marks saying where there is more. */
#include <stdlib.h>
#include <string.h>

#include "content.h"
#include "program.h"
#include "ui_int.h"
#include "util.h"

enum item {
	ITEM_NEXT,
	ITEM_CHECKIN,
	ITEM_PLAN,
	ITEM_PRACTISE,
	ITEM_FLARE,
	ITEM_HISTORY,
	ITEM_REVIEW,
	ITEM_REPORT,
	ITEM_LEARN,
	ITEM_SAFETY,
	ITEM_ONBOARD,
	ITEM_COUNT
};

static const struct {
	int key;
	const char *label;
} items[ITEM_COUNT] = {
    [ITEM_NEXT] = {UI_KEY_ENTER, NULL},
    [ITEM_CHECKIN] = {'c', "Check in"},
    [ITEM_PLAN] = {'p', "The plan: every approach"},
    [ITEM_PRACTISE] = {'t', "Practise now, with a timer"},
    [ITEM_FLARE] = {'f', "A flare-up: record it, use a flare-up tool"},
    [ITEM_HISTORY] = {'v', "History: pain over time"},
    [ITEM_REVIEW] = {'r', "Review: which approach helped"},
    [ITEM_REPORT] = {'w', "Write a one-page summary for a therapist"},
    [ITEM_LEARN] = {'l', "Learn: short reads beside the plan"},
    [ITEM_SAFETY] = {'!', "Safety: warning signs"},
    [ITEM_ONBOARD] = {'o', "Answer the first-run questions again"},
};

const struct ui_keyhelp ui_today_keys[] = {
    {"j k, arrows", "move in the menu"},
    {"PgUp PgDn", "scroll what is above the menu, when it is longer than "
		  "the screen"},
    {"Enter", "do the chosen entry (first: the next thing to do)"},
    {"c", "check in for today"},
    {"p", "the plan"},
    {"t", "practise now, with a timer"},
    {"f", "a flare-up: record that it began today (asks first, with the "
	  "pain now) and go straight to a "
	  "flare-up tool (the mat) in the timer, with pain before and after; "
	  "while it runs, f opens the tool again"},
    {"F", "the flare-up is over today (it also ends by itself after two "
	  "days back at your usual level)"},
    {"v", "history"},
    {"r", "review the trials: which approach helped"},
    {"w", "write the one-page summary for a therapist "
	  "(~/backpain-report-DAY.html)"},
    {"l", "learn: the lessons; with a short read offered, read it"},
    {"x", "not now: put off the short read offered"},
    {"o", "answer the first-run questions again"},
    {"q", "quit"},
    {NULL, NULL},
};

static struct program_today today;
static int loaded;

/* Today's model for the status (today_status.c), NULL while not loaded. */
static const struct program_today *
model(void)
{
	return loaded ? &today : NULL;
}
static struct ui_list menu = {0, 0, ITEM_COUNT};
/* What is above the menu, when longer than its rows: the first row shown
 * and how far PgUp and PgDn move (0: it fits, they do nothing). */
static int status_top, status_page;

/* The columns of a menu entry's key, at the right; the rows the menu keeps
 * however long what is above it (the Next entry, one more, the marks). */
#define MENU_KEY_COLS 6
#define MENU_MIN_ROWS 6

void
ui_today_enter(struct ui *ui, int fresh)
{
	char day[DAY_LEN], *cause = NULL;

	if (loaded)
		program_today_free(&today);
	loaded = 0;
	if (fresh) {
		menu.sel = menu.top = 0;
		status_top = 0;
	}
	ui_today(ui, day);
	if (program_today_load(ui->pack, ui->store, day, &today, &cause) != 0) {
		ui_error(ui, cause);
		return;
	}
	loaded = 1;
}

static const char *
approach_title(const struct ui *ui, const char *id)
{
	const struct approach *a = id ? content_approach(ui->pack, id) : NULL;

	return a != NULL ? a->title : "";
}

static char *
next_label(const struct ui *ui)
{
	const struct practice *p;
	struct buf b;

	if (!loaded)
		return xstrdup("Next: (the log could not be read)");
	switch (today.next) {
	case PROGRAM_NEXT_SAFETY:
		return xstrdup("Next: answer the first-run safety questions");
	case PROGRAM_NEXT_DOCTOR:
		return xstrdup("Next: get checked by a doctor, then record it "
			       "(Safety)");
	case PROGRAM_NEXT_CHECKIN:
		return xstrdup("Next: check in for today");
	case PROGRAM_NEXT_RECHECK:
		if (today.safety.stale > 0 && !today.safety.emergency_due)
			return xstrdup("Next: the safety questions with a new "
				       "wording, again");
		return xasprintf("Next: anything new since %s? The safety "
				 "questions again",
				 today.safety.since);
	case PROGRAM_NEXT_REVIEW:
		return xasprintf("Next: review \"%s\", its trial days are up",
				 approach_title(ui, today.next_approach));
	case PROGRAM_NEXT_PRACTICE:
		p = content_practice(ui->pack, today.next_practice);
		return xasprintf("Next: practise \"%s\" (%d min)",
				 p ? p->title : "", p ? p->minutes : 0);
	case PROGRAM_NEXT_BASELINE:
		/* The count here, in the model's words; Enter tells why. */
		buf_init(&b);
		buf_adds(&b, "Next: check in on a few more days before "
			     "starting: ");
		program_baseline_words(&b, &today);
		return buf_take(&b);
	case PROGRAM_NEXT_RESUME:
		return xasprintf("Next: the pause week of \"%s\" is over; take "
				 "it up again (on the Review, r)",
				 approach_title(ui, today.next_approach));
	case PROGRAM_NEXT_START:
		return xasprintf("Next: start \"%s\"",
				 approach_title(ui, today.next_approach));
	case PROGRAM_NEXT_REST:
		return xstrdup("Next: nothing more today; see you tomorrow");
	case PROGRAM_NEXT_FINISHED:
		return xstrdup("Next: every approach is tried; see the plan");
	}
	return xstrdup("Next:");
}

static void
do_next(struct ui *ui)
{
	int i;

	if (!loaded)
		return;
	switch (today.next) {
	case PROGRAM_NEXT_SAFETY:
		ui->onboard_flags_only = 0;
		ui_push(ui, UI_ONBOARD);
		break;
	case PROGRAM_NEXT_DOCTOR:
		ui_push(ui, UI_SAFETY);
		break;
	case PROGRAM_NEXT_CHECKIN:
		ui_push(ui, UI_CHECKIN);
		break;
	case PROGRAM_NEXT_RECHECK:
		ui->onboard_recheck = 1;
		ui_push(ui, UI_ONBOARD);
		break;
	case PROGRAM_NEXT_REVIEW:
	case PROGRAM_NEXT_RESUME:
		ui_push(ui, UI_REVIEW);
		break;
	case PROGRAM_NEXT_PRACTICE:
		ui->practice = content_practice(ui->pack, today.next_practice);
		ui->approach = -1;
		ui_push(ui, UI_TIMER);
		break;
	case PROGRAM_NEXT_START:
		i = content_approach_index(ui->pack, today.next_approach);
		if (i < 0)
			break;
		ui->approach = i;
		ui_push(ui, UI_APPROACH);
		ui_message(ui, UI_C_GOOD,
			   "Read it through; press s to start it today.");
		break;
	case PROGRAM_NEXT_BASELINE:
		ui_message(ui, UI_C_GOOD,
			   "So a change can be measured, a trial needs %d "
			   "ratings in the %d days before it. See you "
			   "tomorrow.",
			   ANALYSIS_BEFORE_MIN_CHECKINS, ANALYSIS_BEFORE_DAYS);
		break;
	case PROGRAM_NEXT_REST:
		ui_message(ui, UI_C_GOOD, "Nothing more to do today.");
		break;
	case PROGRAM_NEXT_FINISHED:
		ui_push(ui, UI_PLAN);
		break;
	}
}

/* The flare-up tools of the pack: the only one, or NULL (the timer then
 * offers today's list, which holds them while a flare runs). */
static const struct practice *
flare_tool(const struct ui *ui, int *n)
{
	const struct practice *one = NULL;
	size_t i, j;

	*n = 0;
	for (i = 0; i < ui->pack->napproaches; i++)
		for (j = 0; j < ui->pack->approaches[i].npractices; j++) {
			const struct practice *p =
			    &ui->pack->approaches[i].practices[j];

			if (program_flare_tool(ui->pack, p)) {
				one = p;
				++*n;
			}
		}
	return *n == 1 ? one : NULL;
}

/* f asks before it records a flare-up: asking while the question shows,
 * with the pain typed so far (ENTRY_NONE: none). */
static int asking_flare;
static int flare_pain = ENTRY_NONE;
static void draw_flare_question(struct ui *ui);

/* f: records a flare-up beginning today, with the pain given, unless one
 * runs, then opens the timer on the flare-up tool (it asks the pain before,
 * offering the flare-up's, and after). */
static void
flare(struct ui *ui)
{
	const struct practice *tool;
	char day[DAY_LEN], *cause = NULL;
	int n;

	if (!loaded)
		return;
	ui_today(ui, day);
	if (today.flare_since[0] == '\0' &&
	    program_flare(ui->pack, ui->store, day, day, flare_pain, NULL, NULL,
			  &cause) != 0) {
		ui_error(ui, cause);
		return;
	}
	tool = flare_tool(ui, &n);
	if (n == 0) {
		ui_today_enter(ui, 0);
		ui_message(ui, UI_C_GOOD,
			   "Flare-up recorded. The pack has no flare-up tool; "
			   "F when it is over.");
		return;
	}
	ui->practice = tool;
	ui->approach = -1;
	ui->timer_before = flare_pain;
	ui_push(ui, UI_TIMER);
	/* On hold the timer first asks whether to go on (timer.c). */
	if (today.held)
		ui_message(ui, UI_C_WARNING,
			   today.flare_since[0] == '\0'
			       ? "Flare-up recorded from today; F on Today "
				 "when it is over. A safety question holds: "
				 "the flare-up tool waits too."
			       : "The flare-up runs since %s; F on Today when "
				 "it is over. A safety question holds: the "
				 "flare-up tool waits too.",
			   today.flare_since);
	else
		ui_message(
		    ui, UI_C_GOOD,
		    today.flare_since[0] == '\0'
			? "Flare-up recorded from today. Rate your pain, "
			  "then the timer runs; F on Today when it is "
			  "over."
			: "The flare-up runs since %s; F on Today when "
			  "it is over.",
		    today.flare_since);
}

/* f: asks first when it would record a flare-up; with one running, the
 * flare-up tool at once. */
static void
flare_ask(struct ui *ui)
{
	flare_pain = ENTRY_NONE;
	if (loaded && today.flare_since[0] == '\0')
		asking_flare = 1;
	else
		flare(ui);
}

/* F: the running flare-up is over today. */
static void
flare_over(struct ui *ui)
{
	char day[DAY_LEN], over_on[DAY_LEN], *cause = NULL;
	int changed;

	if (!loaded)
		return;
	ui_today(ui, day);
	if (program_flare_over(ui->pack, ui->store, day, day, &changed, over_on,
			       &cause) != 0) {
		ui_error(ui, cause);
		return;
	}
	ui_today_enter(ui, 0);
	if (changed)
		ui_message(ui, UI_C_GOOD, "The flare-up was over today.");
	else
		ui_message(ui, UI_C_GOOD,
			   "The flare-up was already over on %s.", over_on);
}

/* l: the short read offered, at once; else the list of lessons. */
static void
learn(struct ui *ui)
{
	const struct program_lesson *l;
	int more;

	l = ui_today_offered(model(), &more);
	ui->lesson = l != NULL ? l->lesson : NULL;
	ui_push(ui, UI_LEARN);
}

/* x: the short read offered is put off until a later moment. */
static void
not_now(struct ui *ui)
{
	const struct program_lesson *l;
	char day[DAY_LEN], *cause = NULL;
	int more;

	if ((l = ui_today_offered(model(), &more)) == NULL) {
		ui_message(ui, UI_C_NORMAL, "No short read is offered now.");
		return;
	}
	ui_today(ui, day);
	if (program_lesson_dismiss(ui->pack, ui->store, l->lesson->id, day,
				   &cause) != 0) {
		ui_error(ui, cause);
		return;
	}
	ui_today_enter(ui, 0);
	ui_message(ui, UI_C_GOOD,
		   "Not now. It comes back at a later moment; l lists "
		   "every lesson.");
}

static void
activate(struct ui *ui, enum item it)
{
	switch (it) {
	case ITEM_NEXT:
		do_next(ui);
		break;
	case ITEM_CHECKIN:
		ui_push(ui, UI_CHECKIN);
		break;
	case ITEM_PLAN:
		ui_push(ui, UI_PLAN);
		break;
	case ITEM_PRACTISE:
		ui->practice = NULL;
		ui->approach = -1;
		ui_push(ui, UI_TIMER);
		break;
	case ITEM_FLARE:
		flare_ask(ui);
		break;
	case ITEM_HISTORY:
		ui_push(ui, UI_HISTORY);
		break;
	case ITEM_REVIEW:
		ui_push(ui, UI_REVIEW);
		break;
	case ITEM_REPORT:
		ui_report_write(ui);
		break;
	case ITEM_LEARN:
		learn(ui);
		break;
	case ITEM_SAFETY:
		ui_push(ui, UI_SAFETY);
		break;
	case ITEM_ONBOARD:
		ui->onboard_flags_only = 0;
		ui_push(ui, UI_ONBOARD);
		break;
	case ITEM_COUNT:
		break;
	}
}

/* The columns of a menu entry's words; its key is right of them. */
static int
label_width(int w)
{
	return w - MENU_KEY_COLS - 3;
}

static char *
label(const struct ui *ui, int i)
{
	return i == ITEM_NEXT ? next_label(ui) : xstrdup(items[i].label);
}

/* The menu in rows y .. y+h-1: it scrolls with the selection, with "more"
 * marks on the row above it and on its last row when entries are out of
 * sight. Each entry's words wrap; its key stays on its first row. */
static void
draw_menu(struct ui *ui, const int *rows, int y, int h, int w)
{
	int end = y + h, i, n, r;

	n = ui_list_fit_rows(&menu, rows, h);
	if (menu.top > 0)
		ui_put(y - 1, 2, ui_more_mark(0), w - 2, 0, UI_C_DIM);
	for (i = menu.top; i < menu.top + n && y < end; i++) {
		enum ui_color c = i == menu.sel ? UI_C_SELECTED : UI_C_NORMAL;
		char *text = label(ui, i), key[8];

		for (r = 0; r < rows[i] && y + r < end; r++)
			ui_fill(y + r, 1, w, c);
		ui_put_words(y, 2, text, label_width(w), end - y, c);
		if (items[i].key == UI_KEY_ENTER)
			snprintf(key, sizeof key, "Enter");
		else
			snprintf(key, sizeof key, "%c", items[i].key);
		ui_put(y, w - MENU_KEY_COLS, key, MENU_KEY_COLS, 0,
		       i == menu.sel ? c : UI_C_DIM);
		free(text);
		y += rows[i];
	}
	if (menu.top + n < ITEM_COUNT)
		ui_put(end - 1, 2, ui_more_mark(1), w - 2, 0, UI_C_DIM);
}

/*
 * The status above, the menu below, a blank row between. When both do
 * not fit, the menu keeps MENU_MIN_ROWS (or all it needs) and the status
 * scrolls in the rest with PgUp and PgDn, "more" marks saying so.
 */
void
ui_today_draw(struct ui *ui)
{
	int w = ui->w - 2, avail = ui->h - 1, need, menu_need = 0, mh, sh;
	int rows[ITEM_COUNT], i, y = ui->y0, content, below;

	for (i = 0; i < ITEM_COUNT; i++) {
		char *text = label(ui, i);

		rows[i] = ui_words_rows(text, label_width(w));
		menu_need += rows[i];
		free(text);
	}
	need = ui_today_status_rows(ui, model(), 0, w, 0, 0);
	mh = menu_need < MENU_MIN_ROWS ? menu_need : MENU_MIN_ROWS;
	status_page = 0;
	if (need + mh <= avail) {
		sh = need;
		status_top = 0;
		ui_today_status_rows(ui, model(), y, w, sh, 0);
	} else {
		sh = avail - mh;
		if (status_top > need - (sh - 1))
			status_top = need - (sh - 1);
		if (status_top < 0)
			status_top = 0;
		content = sh - (status_top > 0);
		below = status_top + content < need;
		content -= below;
		if (status_top > 0)
			ui_putf(y++, 1, w, UI_C_DIM, "%s (PgUp)",
				ui_more_mark(0));
		ui_today_status_rows(ui, model(), y, w, content, status_top);
		if (below)
			ui_putf(y + content, 1, w, UI_C_DIM, "%s (PgDn)",
				ui_more_mark(1));
		status_page = content > 1 ? content - 1 : 1;
	}
	draw_menu(ui, rows, ui->y0 + sh + 1, avail - sh, w);
	if (asking_flare)
		draw_flare_question(ui);
}

/* A key while f's question shows: a digit the pain ("1" then "0" is 10),
 * Backspace clears it, Enter records, Esc records nothing. */
static int
flare_answer(struct ui *ui, int key)
{
	if (key >= '0' && key <= '9') {
		if (key == '0' && flare_pain == 1)
			flare_pain = PAIN_MAX;
		else
			flare_pain = key - '0';
	} else if (key == KEY_BACKSPACE || key == 127 || key == '\b')
		flare_pain = ENTRY_NONE;
	else if (key == UI_KEY_ESC) {
		asking_flare = 0;
		ui_message(ui, UI_C_NORMAL, "No flare-up recorded.");
	} else if (key == UI_KEY_ENTER) {
		asking_flare = 0;
		flare(ui);
	}
	return 1;
}

static void
draw_flare_question(struct ui *ui)
{
	int w = ui->w - 2, y = ui->y0, n, i;
	char *q = flare_pain == ENTRY_NONE
		      ? xstrdup("Record a flare-up starting today? Pain now: -")
		      : xasprintf("Record a flare-up starting today? Pain "
				  "now: %d",
				  flare_pain);
	const char *hint =
	    flare_pain == ENTRY_NONE
		? "pain now 0-10, Enter to skip the rating, Esc to cancel"
		: "Enter records it with this pain, Backspace clears, Esc to "
		  "cancel";

	/* Over the top of the body, the question and its keys whole. */
	n = ui_words_rows(q, w - 1) + ui_words_rows(hint, w - 1);
	for (i = 0; i < n; i++)
		ui_fill(y + i, 1, w, UI_C_SELECTED);
	y += ui_put_words(y, 2, q, w - 1, n, UI_C_SELECTED);
	ui_put_words(y, 2, hint, w - 1, ui->y0 + n - y, UI_C_SELECTED);
	free(q);
}

int
ui_today_key(struct ui *ui, int key)
{
	int i;

	if (asking_flare)
		return flare_answer(ui, key);
	if (key == UI_KEY_ENTER) {
		activate(ui, (enum item)menu.sel);
		return 1;
	}
	if (key == 'F') {
		flare_over(ui);
		return 1;
	}
	if (key == 'x') {
		not_now(ui);
		return 1;
	}
	for (i = ITEM_CHECKIN; i < ITEM_COUNT; i++)
		if (key == items[i].key && key != '!') {
			activate(ui, (enum item)i);
			return 1;
		}
	/* PgUp and PgDn scroll what is above the menu when it is longer
	 * than its rows; the menu moves with the other keys. */
	switch (key == ' ' ? UI_NAV_NONE : ui_nav(key)) {
	case UI_NAV_PGUP:
		status_top -= status_page;
		if (status_top < 0)
			status_top = 0;
		return 1;
	case UI_NAV_PGDN:
		status_top += status_page; /* draw keeps it in bounds */
		return 1;
	default:
		return ui_list_move(&menu, key, ITEM_COUNT);
	}
}

void
ui_today_free(void)
{
	if (loaded)
		program_today_free(&today);
	loaded = 0;
}
