/*
 * timer.c: a practice with a timer. Choose the practice (when the caller
 * did not), rate the pain before (optional), follow the steps while a
 * countdown runs (Space pauses), rate the pain after (optional), and the
 * session is logged with the seconds actually spent (program.h; its
 * minutes the whole ones, at least 1). Stopped before the countdown ends,
 * the timer first asks whether the session counts as done: one of a
 * minute or more does unless the person says no, one under a minute only
 * when the person says yes, and one that does not count is not logged at
 * all (so it ticks nothing done and no "pain right after" comes of it).
 * The clock is CLOCK_MONOTONIC, so a change of the wall clock does not
 * stretch or cut a session. While a safety hold stands every practice
 * waits (program.h): the timer says so, in the flag's words and advice,
 * and starts only when the person says it is done all the same.
 */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "content.h"
#include "program.h"
#include "ui_int.h"
#include "util.h"

#define SECONDS_PER_MINUTE 60

/* STAGE_COUNT: stopped early, does it count as done? */
enum stage {
	STAGE_CHOOSE,
	STAGE_HOLD, /* on hold: it asks before it goes on */
	STAGE_BEFORE,
	STAGE_RUN,
	STAGE_COUNT,
	STAGE_AFTER,
	STAGE_DONE
};

const struct ui_keyhelp ui_timer_keys[] = {
    {"j k, arrows", "choose a practice; scroll the steps"},
    {"Enter", "choose; confirm a rating; stop the timer early"},
    {"0-9, Left Right", "rate your pain (1 then 0 gives 10)"},
    {"s", "skip the pain rating"},
    {"Space", "pause or resume the timer"},
    {"q, Esc", "stop early; after it, log the session and go back"},
    {"y, n", "stopped early: count it as done, or not (not logged)"},
    {"x", "after stopping: do not log this session"},
    {"y, n", "on hold for safety: start the practice all the same, or not"},
    {NULL, NULL},
};

static enum stage stage;
static const struct practice **choices;
static struct ui_list chooser;
static const struct practice *practice;
static struct ui_picker before, after;
static double started, paused_at, paused_total;
static int paused;
static long spent; /* seconds, at most the practice's */
static struct ui_view view;
static int view_h = 1; /* rows the steps had at the last draw */
/* STAGE_HOLD: what holds the practices back, as Today says it: the first
 * yes that holds, in the flag's own words ("You answered yes on D to: Q"),
 * and its advice (borrowed from the pack). */
static char *hold_asked;
static const char *hold_advice;

static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static double
elapsed(void)
{
	double e = now() - started - paused_total;

	if (paused)
		e -= now() - paused_at;
	return e < 0 ? 0 : e;
}

static void
add_choice(const struct practice *p)
{
	choices =
	    xreallocarray(choices, (size_t)chooser.n + 1, sizeof *choices);
	choices[chooser.n++] = p;
}

/* The practices to choose from: the approach's, or today's (those of the
 * running approaches, the habits, the lessons read...), or when today has
 * none, all of them, the lessons' last. */
static void
load_choices(struct ui *ui)
{
	struct program_today t;
	char day[DAY_LEN], *cause = NULL;
	size_t i, j;

	free(choices);
	choices = NULL;
	chooser.n = chooser.sel = chooser.top = 0;
	if (ui->approach >= 0 && (size_t)ui->approach < ui->pack->napproaches) {
		const struct approach *a = &ui->pack->approaches[ui->approach];

		for (i = 0; i < a->npractices; i++)
			add_choice(&a->practices[i]);
		return;
	}
	ui_today(ui, day);
	if (program_today_load(ui->pack, ui->store, day, &t, &cause) != 0) {
		ui_error(ui, cause);
	} else {
		for (i = 0; i < t.npractices; i++)
			add_choice(t.practices[i].practice);
		program_today_free(&t);
	}
	if (chooser.n > 0)
		return;
	for (i = 0; i < ui->pack->napproaches; i++)
		for (j = 0; j < ui->pack->approaches[i].npractices; j++)
			add_choice(&ui->pack->approaches[i].practices[j]);
	for (i = 0; i < ui->pack->nlessons; i++)
		for (j = 0; j < ui->pack->lessons[i].npractices; j++)
			add_choice(&ui->pack->lessons[i].practices[j]);
}

/* Sets hold_asked and hold_advice from the first yes that holds. */
static void
hold_load(struct ui *ui, const char *day)
{
	struct program_safety safety;
	const struct program_flag *f;
	char *cause = NULL;

	free(hold_asked);
	hold_asked = NULL;
	hold_advice = NULL;
	if (program_safety_load(ui->pack, ui->store, day, &safety, &cause) !=
	    0) {
		ui_error(ui, cause);
		return;
	}
	if ((f = program_safety_first(&safety, PROGRAM_FLAG_HOLDS)) != NULL) {
		hold_asked = xasprintf("You answered yes on %s to: %s",
				       f->asked_on, f->flag->question);
		hold_advice = f->flag->advice;
	}
	program_safety_free(&safety);
}

/* Opens practice p: the pain before it, or first, while a safety hold
 * stands (program_practice_allows()), what holds it back and whether to
 * go on all the same. */
static void
begin(struct ui *ui, const struct practice *p)
{
	char day[DAY_LEN], *cause = NULL;
	int rc;

	practice = p;
	before.value = after.value = -1;
	/* The pain just given (a flare-up's) is the pain before: offered,
	 * Enter takes it. */
	if (ui->timer_before != ENTRY_NONE)
		before.value = ui->timer_before;
	ui->timer_before = ENTRY_NONE;
	before.last_key = after.last_key = 0;
	view.top = 0;
	stage = STAGE_BEFORE;
	ui_today(ui, day);
	rc = program_practice_allows(ui->pack, ui->store, day, day, &cause);
	if (rc == PROGRAM_REFUSED) {
		free(cause);
		hold_load(ui, day);
		stage = STAGE_HOLD;
	} else if (rc != 0) {
		ui_error(ui, cause);
	}
}

void
ui_timer_enter(struct ui *ui, int fresh)
{
	if (!fresh)
		return;
	practice = NULL;
	paused = 0;
	if (ui->practice != NULL) {
		begin(ui, ui->practice);
		return;
	}
	load_choices(ui);
	stage = STAGE_CHOOSE;
}

static void
run(void)
{
	started = now();
	paused = 0;
	paused_total = 0;
	stage = STAGE_RUN;
}

static void
stop(void)
{
	long total;

	if (paused) {
		paused_total += now() - paused_at;
		paused = 0;
	}
	total = (long)practice->minutes * SECONDS_PER_MINUTE;
	spent = (long)elapsed();
	if (spent >= total) {
		spent = total;
		stage = STAGE_AFTER;
		return;
	}
	if (spent < 1)
		spent = 1;
	stage = STAGE_COUNT;
}

/* The time spent, "12 s", "3 min", "3 min 20 s". */
static void
spent_text(struct buf *b)
{
	long m = spent / SECONDS_PER_MINUTE, sec = spent % SECONDS_PER_MINUTE;

	if (m > 0)
		buf_printf(b, "%ld min", m);
	if (m > 0 && sec > 0)
		buf_addc(b, ' ');
	if (sec > 0)
		buf_printf(b, "%ld s", sec);
}

static void
log_session(struct ui *ui)
{
	struct program_session s;
	char today[DAY_LEN], *cause = NULL;

	memset(&s, 0, sizeof s);
	s.practice = practice->id;
	ui_today(ui, today);
	memcpy(s.day, today, DAY_LEN);
	s.minutes = ENTRY_NONE; /* from the seconds */
	s.seconds = (int)spent;
	s.pain_before = before.value < 0 ? ENTRY_NONE : before.value;
	s.pain_after = after.value < 0 ? ENTRY_NONE : after.value;
	if (program_session_add(ui->pack, ui->store, today, &s, NULL, &cause) !=
	    0) {
		ui_error(ui, cause);
		return;
	}
	stage = STAGE_DONE;
}

static char *
choice_text(int i)
{
	return xasprintf("%s  (%d min)", choices[i]->title,
			 choices[i]->minutes);
}

/* The practices to choose from, a long title wrapping under itself; the
 * list scrolls with the selection, "more" marks saying so. */
static void
draw_choose(struct ui *ui)
{
	int y = ui->y0 + 2, end = ui->y0 + ui->h, w = ui->w - 2, i, n, r;
	int *rows =
	    xcalloc(chooser.n > 0 ? (size_t)chooser.n : 1, sizeof *rows);

	ui_put(ui->y0, 1, "Which practice?", w, 0, UI_C_HEADING);
	for (i = 0; i < chooser.n; i++) {
		char *t = choice_text(i);

		rows[i] = ui_words_rows(t, w - 2);
		free(t);
	}
	n = ui_list_fit_rows(&chooser, rows, end - y);
	if (chooser.top > 0)
		ui_put(y - 1, 2, ui_more_mark(0), w - 2, 0, UI_C_DIM);
	for (i = chooser.top; i < chooser.top + n && y < end; i++) {
		enum ui_color c =
		    i == chooser.sel ? UI_C_SELECTED : UI_C_NORMAL;
		char *t = choice_text(i);

		for (r = 0; r < rows[i] && y + r < end; r++)
			ui_fill(y + r, 1, w, c);
		ui_put_words(y, 2, t, w - 2, end - y, c);
		free(t);
		y += rows[i];
	}
	if (chooser.top + n < chooser.n)
		ui_put(end - 1, 2, ui_more_mark(1), w - 2, 0, UI_C_DIM);
	free(rows);
}

/* The rating question from row y, its hint beside it when both fit, else
 * below it, then the 0-10 row and the scale's anchors above the last row
 * of the body. */
static void
draw_rating(struct ui *ui, struct ui_picker *p, const char *when, int y)
{
	int w = ui->w - 2, end = ui->y0 + ui->h - 1;
	const char *hint = "(optional: s skips)";
	char *q = xasprintf("How bad is your pain %s?", when);

	if (ui_width(q) + 1 + ui_width(hint) <= w) {
		ui_putf(y++, 1, w, UI_C_NORMAL, "%s %s", q, hint);
		y++;
	} else {
		y += ui_put_words(y, 1, q, w, end - y, UI_C_NORMAL);
		y += ui_put_words(y, 1, hint, w, end - y, UI_C_DIM);
	}
	free(q);
	ui_picker_draw(p, y, 3, ui->w - 4, 1);
	ui_anchors_draw(&ui->pack->pain_scale, p->value, y + 2, 3, end - y - 2,
			ui->w - 4);
}

/* The countdown from row y, the bar, then the steps as a view. */
static void
draw_run(struct ui *ui, int y)
{
	long total = (long)practice->minutes * SECONDS_PER_MINUTE;
	long done = (long)elapsed(), left;
	int w = ui_text_width(ui);

	/* The countdown ends on the first draw after it ran out: while it
	 * runs, the loop draws again every UI_TICK_MS. */
	if (done >= total) {
		stop();
		beep();
		ui->wake_ms = 0; /* draw the rating that follows at once */
		return;
	}
	if (!paused)
		ui->wake_ms = UI_TICK_MS;
	left = total - done;
	ui_putf(y, 1, ui->w - 2, paused ? UI_C_WARNING : UI_C_NORMAL,
		"%02ld:%02ld left of %d min%s", left / SECONDS_PER_MINUTE,
		left % SECONDS_PER_MINUTE, practice->minutes,
		paused ? "   PAUSED (Space resumes)" : "");
	ui_bar(y + 1, 1, ui->w - 2, done, total, UI_C_GOOD);
	ui_view_clear(&view);
	ui_view_add(&view, w, UI_C_HEADING, 0, NULL, "Steps");
	{
		size_t i;
		char mark[32];

		for (i = 0; i < practice->steps.n; i++) {
			snprintf(mark, sizeof mark, "%zu. ", i + 1);
			ui_view_add(&view, w, UI_C_NORMAL, 0, mark,
				    practice->steps.v[i]);
		}
	}
	view_h = ui->y0 + ui->h - (y + 3);
	ui_show_view(ui, &view, y + 3, view_h);
}

static void
rating_text(struct buf *b, const char *label, int v)
{
	if (v < 0)
		buf_printf(b, ", %s not rated", label);
	else
		buf_printf(b, ", %s %d", label, v);
}

/* What holds the practices back, whole (the view scrolls), then the
 * question on the last row. */
static void
draw_hold(struct ui *ui, int y)
{
	int last = ui->y0 + ui->h - 1, w = ui_text_width(ui);

	ui_view_clear(&view);
	ui_view_add(&view, w, UI_C_WARNING, 0, NULL,
		    "This practice waits: a safety question holds.");
	ui_view_blank(&view);
	if (hold_asked != NULL)
		ui_view_add(&view, w, UI_C_WARNING, 0, NULL, hold_asked);
	if (hold_advice != NULL)
		ui_view_add(&view, w, UI_C_WARNING, 0, NULL, hold_advice);
	ui_view_add(&view, w, UI_C_NORMAL, 0, NULL,
		    "Practices wait, and the trials are paused, until a doctor "
		    "has checked it. Then record the check on the Safety "
		    "screen (!, then c).");
	view_h = last - y;
	ui_show_view(ui, &view, y, view_h);
	ui_put(last, 1, "Start it all the same? y yes, n no", ui->w - 2, 0,
	       UI_C_HEADING);
}

static void
draw_done(struct ui *ui, int y)
{
	struct buf b;

	buf_init(&b);
	buf_adds(&b, "Logged ");
	spent_text(&b);
	buf_printf(&b, " of \"%s\"", practice->title);
	rating_text(&b, "pain before", before.value);
	rating_text(&b, "after", after.value);
	buf_adds(&b, ".");
	ui_view_clear(&view);
	ui_view_add(&view, ui_text_width(ui), UI_C_GOOD, 0, NULL, b.data);
	ui_view_blank(&view);
	ui_view_add(&view, ui_text_width(ui), UI_C_DIM, 0, NULL,
		    "Enter or q: back");
	ui_show_view(ui, &view, y, ui->y0 + ui->h - y);
	buf_free(&b);
}

/* Stopped early: how long it ran, and the question whether it counts. */
static void
draw_count(struct ui *ui, int y)
{
	struct buf b;

	buf_init(&b);
	buf_adds(&b, "Stopped after ");
	spent_text(&b);
	buf_printf(&b, " of %d min. Count it as done?", practice->minutes);
	ui_view_clear(&view);
	ui_view_add(&view, ui_text_width(ui), UI_C_HEADING, 0, NULL, b.data);
	ui_view_blank(&view);
	ui_view_add(&view, ui_text_width(ui), UI_C_NORMAL, 0, NULL,
		    spent < SECONDS_PER_MINUTE
			? "Under a minute, it is logged only if you say so: "
			  "y yes, log it as done; n no, log nothing."
			: "y or Enter: yes, log it as done; n: no, log "
			  "nothing.");
	ui_show_view(ui, &view, y, ui->y0 + ui->h - y);
	buf_free(&b);
}

/* The practice's title on top, wrapped, then the stage below a blank
 * row; the last row of the body says what Enter does. */
void
ui_timer_draw(struct ui *ui)
{
	int y = ui->y0 + 2, last = ui->y0 + ui->h - 1;

	if (stage != STAGE_CHOOSE && practice != NULL)
		y = ui->y0 + 1 +
		    ui_put_words(ui->y0, 1, practice->title, ui->w - 2, 2,
				 UI_C_HEADING);
	switch (stage) {
	case STAGE_CHOOSE:
		draw_choose(ui);
		break;
	case STAGE_HOLD:
		draw_hold(ui, y);
		break;
	case STAGE_BEFORE:
		draw_rating(ui, &before, "now, before you start", y);
		ui_put(last, 1, "Enter: start the timer", ui->w - 2, 0,
		       UI_C_HEADING);
		break;
	case STAGE_RUN:
		draw_run(ui, y);
		break;
	case STAGE_COUNT:
		draw_count(ui, y);
		break;
	case STAGE_AFTER: {
		struct buf b;

		draw_rating(ui, &after, "now, after the practice", y);
		buf_init(&b);
		buf_adds(&b, "Enter: log ");
		spent_text(&b);
		buf_adds(&b, "   x: do not log it");
		ui_put(last, 1, b.data, ui->w - 2, 0, UI_C_HEADING);
		buf_free(&b);
		break;
	}
	case STAGE_DONE:
		draw_done(ui, y);
		break;
	}
}

static int
rating_key(struct ui *ui, struct ui_picker *p, int key)
{
	if (key == 's')
		p->value = -1;
	if (key == 's' || key == UI_KEY_ENTER) {
		if (stage == STAGE_BEFORE)
			run();
		else
			log_session(ui);
		return 1;
	}
	if (stage == STAGE_AFTER && (key == 'q' || key == UI_KEY_ESC)) {
		/* The time was spent: leaving logs it, without a rating. */
		log_session(ui);
		if (stage == STAGE_DONE)
			ui_pop(ui);
		return 1;
	}
	if (stage == STAGE_AFTER && key == 'x') {
		ui_message(ui, UI_C_NORMAL, "The session was not logged.");
		ui_pop(ui);
		return 1;
	}
	return ui_picker_key(p, key);
}

/* Stopped early: y counts it (on to the rating after), n logs nothing;
 * Enter, q and Esc take the answer that needs no saying: yes from a
 * minute on, no under it. */
static int
count_key(struct ui *ui, int key)
{
	int yes = spent >= SECONDS_PER_MINUTE;

	if (key == 'y' || key == 'n' || (key == UI_KEY_ENTER && yes) ||
	    key == 'q' || key == UI_KEY_ESC) {
		if (key == 'y' || (key != 'n' && yes)) {
			stage = STAGE_AFTER;
			/* Leaving logs it, without a rating, as after. */
			if (key == 'q' || key == UI_KEY_ESC)
				return rating_key(ui, &after, key);
			return 1;
		}
		ui_message(ui, UI_C_NORMAL,
			   "Not counted as done: the session was not logged.");
		ui_pop(ui);
		return 1;
	}
	return 0;
}

int
ui_timer_key(struct ui *ui, int key)
{
	switch (stage) {
	case STAGE_CHOOSE:
		if (key == UI_KEY_ENTER && chooser.n > 0) {
			begin(ui, choices[chooser.sel]);
			return 1;
		}
		return ui_list_move(&chooser, key, ui->h > 4 ? ui->h - 3 : 1);
	case STAGE_HOLD:
		if (key == 'y') {
			view.top = 0;
			stage = STAGE_BEFORE;
			return 1;
		}
		if (key == 'n' || key == 'q' || key == UI_KEY_ESC) {
			ui_message(ui, UI_C_NORMAL,
				   "Not started: the practices wait while the "
				   "safety question holds.");
			ui_pop(ui);
			return 1;
		}
		return ui_view_key(&view, key, view_h);
	case STAGE_BEFORE:
		return rating_key(ui, &before, key);
	case STAGE_RUN:
		if (key == ' ') {
			if (paused)
				paused_total += now() - paused_at;
			else
				paused_at = now();
			paused = !paused;
			return 1;
		}
		if (key == UI_KEY_ENTER || key == 'q' || key == UI_KEY_ESC) {
			stop();
			return 1;
		}
		return ui_view_key(&view, key, view_h);
	case STAGE_COUNT:
		return count_key(ui, key);
	case STAGE_AFTER:
		return rating_key(ui, &after, key);
	case STAGE_DONE:
		if (key == UI_KEY_ENTER) {
			ui_pop(ui);
			return 1;
		}
		return 0;
	}
	return 0;
}

void
ui_timer_free(void)
{
	free(hold_asked);
	hold_asked = NULL;
	free(choices);
	choices = NULL;
	chooser.n = 0;
	ui_view_free(&view);
}
