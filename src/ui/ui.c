/*
 * ui.c: the main loop. Sets the terminal up and always restores it, turns
 * SIGINT, SIGQUIT and SIGTERM into a flag the loop reads, holds the table
 * of screens and hands it to the services (screen.c, which keeps the
 * stack), draws the screen on top with its frame and dispatches each key
 * to it, then to the global keys. The screens call screen.c, never this
 * file (ui_int.h).
 *
 * Exit status: 0 after q, 130 after SIGINT, 131 after SIGQUIT (Ctrl-\)
 * and 143 after SIGTERM (128 plus the signal, as a shell reports a process
 * killed by it), each with the terminal restored; 64 on a terminal it
 * cannot draw on (ui/term.c: TERM=dumb, unknown, or too small).
 *
 * Bracketed paste is on while the program runs: the terminal marks pasted
 * text with ESC [ 200 ~ ... ESC [ 201 ~, and the loop hands it whole to
 * the note being typed, so a pasted line break never saves the form and
 * pasted letters never run as keys. A paste anywhere else is dropped.
 */
#include "ui.h"

#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>
#include <time.h>
#include <unistd.h>

#include "app.h"
#include "content.h"
#include "program.h"
#include "ui_int.h"
#include "util.h"

#define UI_EXIT_SIGNAL_BASE 128 /* shells report death by signal n as 128+n */
#define UI_DAY_SECONDS (24L * 60 * 60)
/* The longest wait for a key; woken, the loop draws only on a new day.
 * A second, not more: a signal that lands between the loop's look at
 * got_signal and the wait in get_wch() does not end the wait (the handler
 * only sets the flag), so the loop must come round soon to see it
 * (SIGTERM while a note was typed waited for the next key). A wake-up
 * that finds nothing to do costs a clock read. */
#define UI_IDLE_MAX_MS 1000L
/* Past the day's change by this much, so the new day is surely there. */
#define UI_DAY_MARGIN_MS 500
/* Bracketed paste: the terminal's mode and the keys its marks become. */
#define UI_PASTE_ON "\033[?2004h"
#define UI_PASTE_OFF "\033[?2004l"
#define UI_KEY_PASTE_BEGIN (KEY_MAX + 1)
#define UI_KEY_PASTE_END (KEY_MAX + 2)
/* A paste whose end mark does not come within this wait is over. */
#define UI_PASTE_WAIT_MS 1000
/* The most characters of one paste kept; a note is not a book. */
#define UI_PASTE_MAX (256 * 1024)

/* The screens, by enum ui_screen; ui_main() hands the table to the
 * services as ui->screens. */
static const struct screen_ops screens[UI_NSCREENS] = {
    [UI_ONBOARD] = {.title = "Getting started",
		    .enter = ui_onboard_enter,
		    .draw = ui_onboard_draw,
		    .key = ui_onboard_key,
		    .free = ui_onboard_free,
		    .keys = ui_onboard_keys,
		    .title_now = ui_onboard_title},
    [UI_TODAY] = {.title = "Today",
		  .enter = ui_today_enter,
		  .draw = ui_today_draw,
		  .key = ui_today_key,
		  .free = ui_today_free,
		  .keys = ui_today_keys},
    [UI_PLAN] = {.title = "Plan",
		 .enter = ui_plan_enter,
		 .draw = ui_plan_draw,
		 .key = ui_plan_key,
		 .free = ui_plan_free,
		 .keys = ui_plan_keys},
    [UI_APPROACH] = {.title = "Approach",
		     .enter = ui_approach_enter,
		     .draw = ui_approach_draw,
		     .key = ui_approach_key,
		     .free = ui_approach_free,
		     .keys = ui_approach_keys},
    [UI_CHECKIN] = {.title = "Check-in",
		    .enter = ui_checkin_enter,
		    .draw = ui_checkin_draw,
		    .key = ui_checkin_key,
		    .free = ui_checkin_free,
		    .keys = ui_checkin_keys,
		    .typing = ui_checkin_typing,
		    .paste = ui_checkin_paste},
    [UI_TIMER] = {.title = "Practice",
		  .enter = ui_timer_enter,
		  .draw = ui_timer_draw,
		  .key = ui_timer_key,
		  .free = ui_timer_free,
		  .keys = ui_timer_keys},
    [UI_HISTORY] = {.title = "History",
		    .enter = ui_history_enter,
		    .draw = ui_history_draw,
		    .key = ui_history_key,
		    .free = ui_history_free,
		    .keys = ui_history_keys},
    [UI_REVIEW] = {.title = "Review",
		   .enter = ui_review_enter,
		   .draw = ui_review_draw,
		   .key = ui_review_key,
		   .free = ui_review_free,
		   .keys = ui_review_keys},
    [UI_SAFETY] = {.title = "Safety",
		   .enter = ui_safety_enter,
		   .draw = ui_safety_draw,
		   .key = ui_safety_key,
		   .free = ui_safety_free,
		   .keys = ui_safety_keys},
    [UI_READING] = {.title = "Further reading",
		    .enter = ui_reading_enter,
		    .draw = ui_reading_draw,
		    .key = ui_reading_key,
		    .free = ui_reading_free,
		    .keys = ui_reading_keys},
    [UI_LEARN] = {.title = "Learn",
		  .enter = ui_learn_enter,
		  .draw = ui_learn_draw,
		  .key = ui_learn_key,
		  .free = ui_learn_free,
		  .keys = ui_learn_keys},
    [UI_DISCLAIMER] = {.title = "Disclaimer",
		       .enter = ui_disclaimer_enter,
		       .draw = ui_disclaimer_draw,
		       .key = ui_disclaimer_key,
		       .free = ui_disclaimer_free,
		       .keys = ui_disclaimer_keys},
    [UI_HELP] = {.title = "Keys",
		 .enter = ui_help_enter,
		 .draw = ui_help_draw,
		 .key = ui_help_key,
		 .free = ui_help_free,
		 .keys = ui_help_keys},
};

/* Set by the signal handler, read by the loop; nothing else happens there. */
static volatile sig_atomic_t got_signal;
static int curses_on;

static void
on_signal(int sig)
{
	got_signal = sig;
}

/* Registered with atexit, so that even exit() deep down (out of memory)
 * leaves a usable terminal. */
static void
restore_terminal(void)
{
	if (curses_on && !isendwin())
		endwin();
	if (curses_on) {
		fputs(UI_PASTE_OFF, stdout);
		fflush(stdout);
	}
	curses_on = 0;
}

static void
free_screens(void)
{
	int s;

	for (s = 0; s < UI_NSCREENS; s++)
		screens[s].free();
}

/* 1 while the screen on top takes every printable key as text. */
static int
typing(const struct ui *ui)
{
	const struct screen_ops *top = &screens[ui->stack[ui->depth - 1]];

	return top->typing != NULL && top->typing();
}

static void
draw_too_small(void)
{
	struct ui_view v = {0};
	char *msg = xasprintf("please enlarge the terminal (needs %dx%d, "
			      "have %dx%d)",
			      UI_MIN_COLS, UI_MIN_ROWS, COLS, LINES);

	ui_view_add(&v, COLS, UI_C_WARNING, 0, NULL, msg);
	ui_view_draw(&v, 0, 0, LINES, COLS + 1);
	ui_view_free(&v);
	free(msg);
}

/* The key line: the screen's main keys, each kept whole when the line
 * wraps. Lays it out in a flow at row y (h = 0 only counts); returns the
 * rows it takes. */
static int
key_line(const struct ui *ui, int y, int h)
{
	static const char *const typing_keys[] = {
	    "typing a note: Esc leaves it", "Enter saves", "F1 keys",
	    "F2 safety", "F3 disclaimer"};
	const char *keys[] = {"? keys", "! safety", "d disclaimer",
			      "Enter choose",
			      ui->depth > 1 ? "q back" : "q quit"};
	const char *const *v = typing(ui) ? typing_keys : keys;
	struct ui_flow f;
	size_t i;

	ui_flow_begin(&f, y, 1, COLS - 2, h, 0);
	for (i = 0; i < 5; i++) {
		if (i > 0)
			ui_flow_put(&f, UI_C_DIM, "  ");
		ui_flow_keep(&f, UI_C_DIM, v[i]);
	}
	return ui_flow_end(&f);
}

/* The rows of the message line: as many as the message needs to be read
 * whole, up to a third of the screen; one, blank, without a message. */
static int
message_rows(const struct ui *ui)
{
	int n, most = (LINES - UI_TOP_ROWS) / 3;

	if (ui->message == NULL)
		return 1;
	n = ui_words_rows(ui->message, COLS - 2);
	return n < most ? n : most;
}

/* The title bar, then the message and the key lines below the body. */
static void
draw_frame(struct ui *ui, enum ui_screen s, int mrows, int krows)
{
	char today[DAY_LEN];
	char *left;
	int dw, i;

	ui_today(ui, today);
	ui_fill(0, 0, COLS, UI_C_TITLE);
	left = xasprintf(" backpain: %s", ui_screen_title(ui, s));
	dw = ui_width(today) + 1;
	ui_put(0, 0, left, COLS - dw, 0, UI_C_TITLE);
	ui_put(0, COLS - dw, today, dw, 0, UI_C_TITLE);
	free(left);
	if (ui->message != NULL)
		ui_put_words(LINES - krows - mrows, 1, ui->message, COLS - 2,
			     mrows, ui->message_color);
	for (i = LINES - krows; i < LINES; i++)
		ui_fill(i, 0, COLS, UI_C_DIM);
	key_line(ui, LINES - krows, krows);
}

static void
draw(struct ui *ui)
{
	enum ui_screen s = ui->stack[ui->depth - 1];
	int mrows, krows;

	erase();
	ui->cur_y = ui->cur_x = -1;
	if (COLS < UI_MIN_COLS || LINES < UI_MIN_ROWS) {
		draw_too_small();
	} else {
		/* The body gives up the rows a long message or key line
		 * needs, so that both are read whole. */
		mrows = message_rows(ui);
		krows = key_line(ui, 0, 0);
		ui->y0 = UI_TOP_ROWS;
		ui->h = LINES - UI_TOP_ROWS - mrows - krows;
		ui->w = COLS;
		screens[s].draw(ui);
		draw_frame(ui, s, mrows, krows);
	}
	if (ui->cur_y >= 0) {
		curs_set(1);
		move(ui->cur_y, ui->cur_x);
	} else {
		curs_set(0);
	}
	refresh();
}

/* The keys every screen shares, after the screen had its chance. */
static void
global_key(struct ui *ui, int key)
{
	enum ui_screen s = ui->stack[ui->depth - 1];
	int text = typing(ui);

	/* F1-F3 never type, so help, safety and the disclaimer stay one key
	 * away while a note is being written. */
	switch (key) {
	case UI_FKEY(KEY_F(1)):
		ui_push(ui, UI_HELP);
		return;
	case UI_FKEY(KEY_F(2)):
		ui_push(ui, UI_SAFETY);
		return;
	case UI_FKEY(KEY_F(3)):
		ui_push(ui, UI_DISCLAIMER);
		return;
	default:
		break;
	}
	if (!text) {
		switch (key) {
		case '!':
			ui_push(ui, UI_SAFETY);
			return;
		case 'd':
			ui_push(ui, UI_DISCLAIMER);
			return;
		case '?':
			ui_push(ui, UI_HELP);
			return;
		default:
			break;
		}
	}
	if (screens[s].key(ui, key))
		return;
	switch (key) {
	case 'q':
		ui_pop(ui);
		break;
	case UI_KEY_ESC:
		/* Esc cancels and goes back, but never quits: only q does. */
		if (ui->depth > 1)
			ui_pop(ui);
		break;
	case UI_KEY_CTRL('l'):
		clearok(curscr, TRUE);
		break;
	default:
		break;
	}
}

static int
normalize(int r, wint_t wc)
{
	int key = r == KEY_CODE_YES ? UI_FKEY((int)wc) : (int)wc;

	switch (key) {
	case '\r':
	case UI_FKEY(KEY_ENTER):
		return UI_KEY_ENTER;
	case 127:
	case UI_KEY_CTRL('h'):
		return UI_KEY_BACKSPACE;
	default:
		return key;
	}
}

/*
 * How long the loop may wait for a key before it has something to draw:
 * the wake-up a screen asked for in its last draw (a running countdown),
 * else until the day's change, when the title's date turns. Never longer
 * than UI_IDLE_MAX_MS, so a clock set or a machine resumed from sleep
 * shows the right day soon; such a wake-up draws nothing unless the day
 * changed.
 */
static int
wait_ms(const struct ui *ui)
{
	time_t now = time(NULL);
	struct tm tm;
	long into, left, ms = UI_IDLE_MAX_MS;

	if (localtime_r(&now, &tm) != NULL) {
		into = ((long)tm.tm_hour * 60 + tm.tm_min) * 60 + tm.tm_sec;
		left = (long)ui->app->config.day_start * 60 - into;
		while (left <= 0)
			left += UI_DAY_SECONDS;
		if (left < UI_IDLE_MAX_MS / 1000)
			ms = left * 1000 + UI_DAY_MARGIN_MS;
	}
	if (ui->wake_ms >= 0 && ui->wake_ms < ms)
		ms = ui->wake_ms;
	return (int)ms;
}

/* In a single-byte locale (LC_ALL=C) a paste arrives a byte at a time;
 * the terminal sent UTF-8, so decode it here rather than keep each byte
 * as a character. Bytes that are not UTF-8 become U+FFFD. */
static size_t
paste_decode(wchar_t *text, size_t n)
{
	char *bytes;
	size_t i, out = 0, used;
	uint32_t cp;

	if (MB_CUR_MAX > 1)
		return n;
	for (i = 0; i < n; i++)
		if (text[i] > 0xFF)
			return n; /* not bytes after all */
	bytes = xmalloc(n + 1);
	for (i = 0; i < n; i++)
		bytes[i] = (char)text[i];
	for (i = 0; i < n; i += used) {
		used = utf8_decode(bytes + i, n - i, &cp);
		if (used == 0) {
			cp = 0xFFFD;
			used = 1;
		}
		text[out++] = (wchar_t)cp;
	}
	free(bytes);
	return out;
}

/* One key of a paste, as get_wch() gives it. In a single-byte locale
 * get_wch() drops a byte it cannot convert, so there the bytes are read
 * with getch() and paste_decode() makes characters of them. */
static int
paste_key(wint_t *wc)
{
	int c;

	if (MB_CUR_MAX > 1)
		return get_wch(wc);
	if ((c = getch()) == ERR)
		return ERR;
	*wc = (wint_t)c;
	return c >= KEY_MIN ? KEY_CODE_YES : OK;
}

/* Reads a bracketed paste up to its end mark and gives it to the screen:
 * only the note takes one. Keys inside it are text, never commands. */
static void
paste(struct ui *ui)
{
	const struct screen_ops *top = &screens[ui->stack[ui->depth - 1]];
	wchar_t *text = NULL;
	size_t n = 0, cap = 0, dropped = 0;
	wint_t wc;
	int r;

	timeout(UI_PASTE_WAIT_MS);
	while (!got_signal && (r = paste_key(&wc)) != ERR) {
		if (r == KEY_CODE_YES) {
			if (wc == UI_KEY_PASTE_END)
				break;
			if (wc != KEY_ENTER)
				continue; /* no function key is text */
			wc = L'\n';
		}
		if (n >= UI_PASTE_MAX) {
			dropped++;
			continue;
		}
		if (n == cap) {
			cap = cap ? cap * 2 : 256;
			text = xreallocarray(text, cap, sizeof *text);
		}
		text[n++] = (wchar_t)wc;
	}
	if (got_signal) {
		free(text);
		return;
	}
	n = paste_decode(text, n);
	if (COLS < UI_MIN_COLS || LINES < UI_MIN_ROWS || top->paste == NULL ||
	    !top->paste(ui, text, n))
		ui_message(ui, UI_C_NORMAL,
			   "A paste goes only into a note being typed; "
			   "nothing was done.");
	else if (dropped > 0)
		ui_message(ui, UI_C_WARNING,
			   "Only the first %d characters of the paste went "
			   "in; %zu were left out.",
			   UI_PASTE_MAX, dropped);
	free(text);
}

/* Draws only when something changed: a key, a resize, a screen's wake-up
 * or the day's change. While the person only looks, the program sleeps in
 * get_wch. */
static void
loop(struct ui *ui)
{
	char drawn[DAY_LEN] = "", now[DAY_LEN];
	wint_t wc;
	int r, key, dirty = 1;

	while (!ui->quit && !got_signal) {
		if (dirty) {
			ui->wake_ms = -1;
			/* A new day since the last draw: the screen on top
			 * loads again, as when it is uncovered (Today's
			 * check-in, practices and plan are the new day's). */
			ui_today(ui, now);
			if (drawn[0] != '\0' && strcmp(now, drawn) != 0 &&
			    ui->depth > 0)
				screens[ui->stack[ui->depth - 1]].enter(ui, 0);
			draw(ui);
			memcpy(drawn, now, DAY_LEN);
			dirty = 0;
		}
		timeout(wait_ms(ui));
		r = get_wch(&wc);
		if (got_signal)
			continue;
		if (r == ERR) {
			ui_today(ui, now);
			dirty = ui->wake_ms >= 0 || strcmp(now, drawn) != 0;
			continue;
		}
		dirty = 1;
		key = normalize(r, wc);
		if (key == UI_FKEY(KEY_RESIZE))
			continue;
		free(ui->message);
		ui->message = NULL;
		if (key == UI_FKEY(UI_KEY_PASTE_BEGIN)) {
			paste(ui);
			continue;
		}
		if (key == UI_FKEY(UI_KEY_PASTE_END))
			continue;
		if (COLS < UI_MIN_COLS || LINES < UI_MIN_ROWS) {
			/* Too small to show what a key would do: only q. */
			if (key == 'q')
				ui_pop(ui);
			continue;
		}
		global_key(ui, key);
	}
}

/* Home and End as terminals and tmux really send them, when terminfo
 * names other sequences, and the marks of a bracketed paste; an unknown
 * sequence would reach the screens as Esc and stray characters. */
static void
define_keys(void)
{
	static const struct {
		const char *seq;
		int key;
	} extra[] = {
	    {"\033[1~", KEY_HOME},
	    {"\033[4~", KEY_END},
	    {"\033[H", KEY_HOME},
	    {"\033[F", KEY_END},
	    {"\033OH", KEY_HOME},
	    {"\033OF", KEY_END},
	    {"\033[7~", KEY_HOME},
	    {"\033[8~", KEY_END},
	    {"\033[200~", UI_KEY_PASTE_BEGIN},
	    {"\033[201~", UI_KEY_PASTE_END},
	};
	size_t i;

	for (i = 0; i < sizeof extra / sizeof extra[0]; i++)
		if (key_defined(extra[i].seq) == 0)
			define_key(extra[i].seq, extra[i].key);
}

static int
want_colors(void)
{
	const char *nc = getenv("NO_COLOR");

	return has_colors() && (nc == NULL || *nc == '\0');
}

static void
catch_signals(void)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	sa.sa_flags = 0; /* no SA_RESTART: a wait for a key ends at once */
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGQUIT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
}

/* Prints what stopped the program from starting, before the screen is
 * taken, as the subcommands word it; returns rc. */
static int
fail_start(int rc, char *cause)
{
	fprintf(stderr, "backpain: %s\n",
		cause != NULL ? cause : "unknown error");
	free(cause);
	return rc;
}

/* Opens the pack, config and log before the terminal is taken, so that
 * their errors print as plain text; decides the first screen. */
static int
prepare(struct app *app, struct ui *ui)
{
	struct content_errors errs = {0};
	char *cause = NULL;
	size_t i;
	int rc, onboarded;

	if ((rc = app_pack(app, &errs)) != 0) {
		for (i = 0; i < errs.n; i++)
			fprintf(stderr, "%s\n", errs.v[i]);
		if (errs.dropped > 0)
			fprintf(stderr, "backpain: ... and %zu more errors\n",
				errs.dropped);
		content_errors_free(&errs);
		return rc;
	}
	content_errors_free(&errs);
	if ((rc = app_config(app, &cause)) != 0 ||
	    (rc = app_store(app, &cause)) != 0)
		return fail_start(rc, cause);
	ui->app = app;
	ui->pack = app->pack;
	ui->store = app->store;
	rc = program_first_run(ui->store, &onboarded, NULL, &cause);
	if (rc != 0)
		return fail_start(rc, cause);
	ui->stack[0] = onboarded ? UI_TODAY : UI_ONBOARD;
	return 0;
}

int
ui_main(struct app *app)
{
	static int registered;
	struct ui ui;
	SCREEN *scr;
	int rc;

	memset(&ui, 0, sizeof ui);
	ui.screens = screens;
	ui.timer_before = ENTRY_NONE;
	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		fputs("backpain: the guided program needs a terminal; without "
		      "one, use the subcommands (see 'backpain --help')\n",
		      stderr);
		return EX_USAGE;
	}
	if ((rc = ui_term_check()) != 0)
		return rc;
	if ((rc = prepare(app, &ui)) != 0)
		return rc;
	catch_signals();
	scr = newterm(NULL, stdout, stdin);
	if (scr == NULL) {
		const char *term = getenv("TERM");

		fprintf(
		    stderr,
		    "backpain: cannot use the terminal type '%s'; set TERM, "
		    "or use the subcommands (see 'backpain --help')\n",
		    term != NULL ? term : "");
		return EX_USAGE;
	}
	curses_on = 1;
	if (!registered && atexit(restore_terminal) == 0)
		registered = 1;
	cbreak();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	define_keys();
	set_escdelay(UI_ESC_DELAY_MS);
	fputs(UI_PASTE_ON, stdout);
	fflush(stdout);
	ui_color_init(want_colors());

	ui_push(&ui, ui.stack[0]);
	loop(&ui);

	restore_terminal();
	delscreen(scr);
	free_screens();
	free(ui.message);
	if (got_signal)
		return UI_EXIT_SIGNAL_BASE + got_signal;
	return 0;
}
