/* today.c: the home screen. Today's check-in, the current approach, today's
 * practices, two weeks of pain, and a menu whose first entry is the one
 * next thing program.c suggests. */
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
    [ITEM_SAFETY] = {'!', "Safety: warning signs"},
    [ITEM_ONBOARD] = {'o', "Answer the first-run questions again"},
};

const struct ui_keyhelp ui_today_keys[] = {
    {"j k, arrows", "move in the menu"},
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
    {"o", "answer the first-run questions again"},
    {"q", "quit"},
    {NULL, NULL},
};

static struct program_today today;
static int loaded;
static struct ui_view hold; /* a standing yes, in the flag's own words */
static struct ui_list menu = {0, 0, ITEM_COUNT};

void
ui_today_enter(struct ui *ui, int fresh)
{
	char day[DAY_LEN], *cause = NULL;

	if (loaded)
		program_today_free(&today);
	loaded = 0;
	if (fresh)
		menu.sel = 0;
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
		/* One menu line: Enter tells the rest. */
		return xasprintf("Next: check in on a few more days before "
				 "starting: %d of %d ratings in the last %d "
				 "days",
				 today.baseline_n, ANALYSIS_BEFORE_MIN_CHECKINS,
				 ANALYSIS_BEFORE_DAYS);
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
 * with the pain typed so far (STORE_NONE: none). */
static int asking_flare;
static int flare_pain = STORE_NONE;
static void draw_flare_question(struct ui *ui);

/* f: records a flare-up beginning today, with the pain given, unless one
 * runs, then opens the timer on the flare-up tool (it asks the pain before
 * and after). */
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
	ui_push(ui, UI_TIMER);
	ui_message(ui, UI_C_GOOD,
		   today.flare_since[0] == '\0'
		       ? "Flare-up recorded from today. Rate your pain, then "
			 "the timer runs; F on Today when it is over."
		       : "The flare-up runs since %s; F on Today when it is "
			 "over.",
		   today.flare_since);
}

/* f: asks first when it would record a flare-up; with one running, the
 * flare-up tool at once. */
static void
flare_ask(struct ui *ui)
{
	flare_pain = STORE_NONE;
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

/* "Checked in: pain 4, interference 2" or the lack of it. */
static int
draw_checkin(const struct ui *ui, int y, int w)
{
	int x = 1 + ui_put(y, 1, "Today's check-in: ", w, 0, UI_C_DIM);

	(void)ui;
	if (!today.checked_in) {
		ui_put(y, x, "not yet (press c)", w - x, 0, UI_C_WARNING);
		return 1;
	}
	x += ui_putf(y, x, w - x, ui_pain_color(today.checkin.pain), "pain %d",
		     today.checkin.pain);
	if (today.checkin.interference != STORE_NONE)
		ui_putf(y, x, w - x, UI_C_NORMAL, ", interference %d",
			today.checkin.interference);
	return 1;
}

/* ", day 3 of 14" of a running step (", day 16, 2 past its 14 days: time
 * to review" after its length); ", starts D" for one whose start
 * is still to come (the clock was ahead when it was started). */
static int
put_day(const struct program_step *st, int y, int x, int w)
{
	if (st->day == 0)
		return ui_putf(y, x, w - x, UI_C_NORMAL, ", starts %s",
			       st->started_on);
	if (st->days > 0 && st->day > st->days)
		return ui_putf(y, x, w - x, UI_C_WARNING,
			       ", day %d, %d past its %d days: time to review",
			       st->day, st->day - st->days, st->days);
	if (st->days > 0)
		return ui_putf(y, x, w - x,
			       st->review_due ? UI_C_WARNING : UI_C_NORMAL,
			       ", day %d of %d", st->day, st->days);
	return ui_putf(y, x, w - x, UI_C_NORMAL, ", day %d", st->day);
}

/* One running approach at x on row y: its title, "(any time)" for a
 * wildcard, its day. Returns the columns used. */
static int
put_running(const struct program_step *st, int y, int x, int w)
{
	int x0 = x;

	x += ui_put(y, x, st->approach->title, w - x - 16, 0, UI_C_HEADING);
	if (st->approach->wildcard)
		x += ui_put(y, x, " (any time)", w - x, 0, UI_C_DIM);
	return x + put_day(st, y, x, w) - x0;
}

/* The running approaches: the current one first (else a wildcard that
 * runs, such as the mat), then on a second line the others. Returns the
 * rows used. */
static int
draw_approach(const struct ui *ui, int y, int w)
{
	const struct program_plan *pl = &today.plan;
	int x = 1 + ui_put(y, 1, "Approach: ", w, 0, UI_C_DIM), rows = 1;
	int first = -1;
	size_t i;

	(void)ui;
	if (pl->current >= 0 && pl->steps[pl->current].state == PROGRAM_RUNNING)
		first = pl->current;
	for (i = 0; first < 0 && i < pl->nsteps; i++)
		if (pl->steps[i].state == PROGRAM_RUNNING)
			first = (int)i;
	if (first < 0) {
		ui_put(y, x, "none running", w - x, 0, UI_C_NORMAL);
		return 1;
	}
	put_running(&pl->steps[first], y, x, w);
	for (i = 0; i < pl->nsteps; i++) {
		if (pl->steps[i].state != PROGRAM_RUNNING || (int)i == first)
			continue;
		if (rows == 1) {
			x = 1 + ui_put(y + 1, 1, "Also: ", w, 0, UI_C_DIM);
			rows = 2;
		} else if (x < w - 4)
			x += ui_put(y + 1, x, "; ", w - x, 0, UI_C_NORMAL);
		if (x >= w - 4)
			break;
		x += put_running(&pl->steps[i], y + 1, x, w);
	}
	return rows;
}

/* "Habits: The quick approach (since 2026-03-31, 3 of 4 days)". */
static int
draw_habits(int y, int w)
{
	const struct program_plan *pl = &today.plan;
	size_t i;
	int x, shown = 0;

	if (pl->habits == 0)
		return 0;
	x = 1 + ui_put(y, 1, "Habits: ", w, 0, UI_C_DIM);
	for (i = 0; i < pl->nsteps && x < w - 4; i++) {
		const struct program_step *st = &pl->steps[i];

		if (!st->habit)
			continue;
		if (shown++ > 0)
			x += ui_put(y, x, "; ", w - x, 0, UI_C_NORMAL);
		x += ui_put(y, x, st->approach->title, w - x, 0, UI_C_HEADING);
		x += ui_putf(y, x, w - x, UI_C_NORMAL,
			     " (since %s, practised on %d of %d day%s)",
			     st->habit_since, st->habit_practised,
			     st->habit_days, st->habit_days == 1 ? "" : "s");
	}
	return 1;
}

static int
draw_flare(int y, int w)
{
	if (today.flare_since[0] == '\0')
		return 0;
	ui_putf(y, 1, w, UI_C_WARNING,
		"Flare-up since %s (f: a flare-up tool, F: it is over)",
		today.flare_since);
	return 1;
}

static int
draw_practices(int y, int w, int maxrows)
{
	size_t i;
	int rows = 0;

	for (i = 0; i < today.npractices && rows < maxrows; i++, rows++) {
		const struct program_practice *pp = &today.practices[i];
		int done = pp->done >= pp->practice->per_day;
		enum ui_color c = done ? UI_C_GOOD : UI_C_NORMAL;
		/* The title gives way, at a word, to the count. */
		char *tail =
		    xasprintf("  %d/%d%s", pp->done, pp->practice->per_day,
			      pp->habit	  ? "  (habit)"
			      : pp->flare ? "  (flare-up tool)"
					  : "");
		int x = 3 + ui_put(y + rows, 3, done ? "[x] " : "[ ] ", w - 3,
				   0, c);

		x += ui_put_words(y + rows, x, pp->practice->title,
				  w - x - ui_width(tail), c);
		ui_put(y + rows, x, tail, w - x, 0, c);
		free(tail);
	}
	return rows;
}

static int
draw_recent(int y, int w)
{
	int v[PROGRAM_RECENT_DAYS], i, x;

	for (i = 0; i < PROGRAM_RECENT_DAYS; i++)
		v[i] = today.recent[i].pain;
	x = 1 +
	    ui_putf(y, 1, w, UI_C_DIM, "Last %d days: ", PROGRAM_RECENT_DAYS);
	ui_spark(y, x, v, PROGRAM_RECENT_DAYS);
	x += PROGRAM_RECENT_DAYS + 2;
	if (today.has_mean)
		ui_putf(y, x, w - x, UI_C_NORMAL, "%d-day mean %.1f",
			PROGRAM_MEAN_DAYS, today.mean);
	else
		ui_putf(y, x, w - x, UI_C_DIM, "(mean needs %d check-ins)",
			PROGRAM_MEAN_MIN_CHECKINS);
	return 1;
}

/* A yes that holds the approaches back, first and in the warning colour;
 * at most rows rows. */
static int
draw_hold(const struct ui *ui, int y, int w, int rows)
{
	const struct program_flag *f;
	int n;

	f = program_safety_first(&today.safety, PROGRAM_FLAG_HOLDS);
	if (f == NULL)
		return 0;
	ui_view_clear(&hold);
	ui_view_addf(&hold, w - 1, UI_C_WARNING, 0,
		     "On hold: you answered yes on %s to: %s", f->asked_on,
		     f->flag->question);
	ui_view_add(&hold, w - 1, UI_C_WARNING, 0, NULL, f->flag->advice);
	ui_view_add(&hold, w - 1, UI_C_WARNING, 0, NULL,
		    "No approach starts until a doctor has checked it. Then "
		    "record the check on the Safety screen (!, then c).");
	n = (int)hold.n < rows ? (int)hold.n : rows;
	hold.top = 0;
	(void)ui;
	ui_view_draw(&hold, y, 1, n, w);
	return n + 1;
}

void
ui_today_draw(struct ui *ui)
{
	int y = ui->y0, end = ui->y0 + ui->h, w = ui->w - 2, i;
	size_t k;
	char *label;

	ui_put(y++, 1, ui->pack->title, w, 0, UI_C_HEADING);
	y++;
	if (loaded)
		y += draw_hold(ui, y, w, ui->h / 3);
	if (loaded) {
		y += draw_checkin(ui, y, w);
		y += draw_approach(ui, y, w);
		y += draw_habits(y, w);
		y += draw_flare(y, w);
		y += draw_practices(y, w, 4);
		y += draw_recent(y, w);
		for (k = 0; k < today.nwarnings && y < end - 4; k++)
			y += ui_put(y, 1, today.warnings[k]->warning, w, 0,
				    UI_C_WARNING) > 0;
	}
	y++;
	ui_list_fit(&menu, end - y);
	for (i = menu.top; i < ITEM_COUNT && y < end; i++, y++) {
		enum ui_color c = i == menu.sel ? UI_C_SELECTED : UI_C_NORMAL;
		char key[8];

		label =
		    i == ITEM_NEXT ? next_label(ui) : xstrdup(items[i].label);
		ui_fill(y, 1, w, c);
		ui_put_words(y, 2, label, w - 9, c);
		if (items[i].key == UI_KEY_ENTER)
			snprintf(key, sizeof key, "Enter");
		else
			snprintf(key, sizeof key, "%c", items[i].key);
		ui_put(y, w - 6, key, 6, 0, i == menu.sel ? c : UI_C_DIM);
		free(label);
	}
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
		flare_pain = STORE_NONE;
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
	int w = ui->w - 2;

	ui_fill(ui->y0, 1, w, UI_C_SELECTED);
	ui_fill(ui->y0 + 1, 1, w, UI_C_SELECTED);
	if (flare_pain == STORE_NONE)
		ui_put_words(ui->y0, 1,
			     " Record a flare-up starting today? Pain now: -",
			     w, UI_C_SELECTED);
	else
		ui_putf(ui->y0, 1, w, UI_C_SELECTED,
			" Record a flare-up starting today? Pain now: %d",
			flare_pain);
	ui_put_words(ui->y0 + 1, 1,
		     flare_pain == STORE_NONE
			 ? " pain now 0-10, Enter to skip the rating, Esc to "
			   "cancel"
			 : " Enter records it with this pain, Backspace "
			   "clears, Esc to cancel",
		     w, UI_C_SELECTED);
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
	for (i = ITEM_CHECKIN; i < ITEM_COUNT; i++)
		if (key == items[i].key && key != '!') {
			activate(ui, (enum item)i);
			return 1;
		}
	return ui_list_key(&menu, key, ITEM_COUNT);
}

void
ui_today_free(void)
{
	if (loaded)
		program_today_free(&today);
	loaded = 0;
	ui_view_free(&hold);
}
