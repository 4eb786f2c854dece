/*
 * ui_int.h, ui_screen: the screens of the TUI, the services they call and
 * the state they share. Only src/ui/ includes this header.
 *
 * The files of src/ui/ use each other one way, from the top down, so that
 * none is in a loop with another:
 *
 * ui.c, ui_main(): the terminal, the signals, the key loop and the table
 * of screens (a struct screen_ops per enum ui_screen), which it hands to
 * the services as ui->screens. It calls the screens (draw, key, and the
 * title, typing and paste hooks) and the services.
 *
 * One file per screen (today.c, plan.c, ...): an enter/draw/key/free set
 * (ui_today_draw / ui_today_key, ...) and its keys for help; the review
 * screen is three files (ui_review_int.h). A screen calls the services,
 * the widgets and report.c, never ui.c nor another screen: it opens one
 * with ui_push(), by enum.
 *
 * screen.c, the services, below the screens: the stack of screens, the
 * message line, today, the plan, the body's width, each screen's title
 * and keys. It reaches a screen only through ui->screens, so it names
 * none. Beside it report.c writes the therapist report for Today and the
 * approach screen, and term.c tells ui.c whether curses can draw here.
 *
 * widget*.c: what they all draw with (widget_int.h).
 *
 * A screen keeps its own state in statics of its file; struct ui holds
 * only what crosses screens (the pack, the log, which approach or practice
 * to open, the message line). The pack, log and config belong to the
 * struct app ui_main() was given; the UI borrows them. Screens read
 * and write only through program.h (and review.h, report.h), never
 * store.h: what they hold of the log are the values of checkin.h,
 * outcome.h and the like.
 *
 * Key functions return 1 when they used the key; ui.c then handles the
 * global keys (! d ? q Esc) for keys a screen leaves alone.
 *
 * A screen reads the log (and has trials judged, through review.h) in its
 * enter function and keys; draw only draws what was loaded. The loop
 * draws after a key, a resize, the day's change, or when the screen's last
 * draw asked for it through wake_ms (a running countdown); while the
 * person only looks, the program sleeps.
 */
#ifndef BACKPAIN_UI_INT_H
#define BACKPAIN_UI_INT_H

#include "day.h"
#include "widget_int.h"

struct app;
struct pack;
struct store;
struct practice;
struct lesson;

/* The smallest terminal the screens are laid out for. */
#define UI_MIN_COLS 60
#define UI_MIN_ROWS 18
/* Rows above the body: the title bar. Below it come the message line and
 * the key line, each as many rows as its words need to be read whole (at
 * least one each), so ui->h is what is left between them. */
#define UI_TOP_ROWS 1
/* How often a running countdown is drawn again (see wake_ms). */
#define UI_TICK_MS 250
#define UI_ESC_DELAY_MS 25
#define UI_STACK_MAX 16

enum ui_screen {
	UI_ONBOARD,
	UI_TODAY,
	UI_PLAN,
	UI_APPROACH,
	UI_CHECKIN,
	UI_TIMER,
	UI_HISTORY,
	UI_REVIEW, /* the trial review: ui/review.c, ui/review_detail.c */
	UI_SAFETY,
	UI_READING, /* the pack's further reading */
	UI_LEARN,   /* the pack's lessons */
	UI_DISCLAIMER,
	UI_HELP,
	UI_NSCREENS
};

/* A key and what it does, for the help screen. */
struct ui_keyhelp {
	const char *key;
	const char *what;
};

struct ui;

/* A screen as the loop and the services call it; ui.c's table holds one
 * per enum ui_screen. The first six are always there; the hooks after
 * them are NULL when a screen has none. */
struct screen_ops {
	const char *title;
	void (*enter)(struct ui *, int fresh);
	void (*draw)(struct ui *);
	int (*key)(struct ui *, int key);
	void (*free)(void);
	const struct ui_keyhelp *keys;
	/* The title bar's words, when they change with what the screen
	 * does; title is then unused. */
	const char *(*title_now)(void);
	/* 1 while a text field takes every printable key: ! d ? then type,
	 * and the key line says how to leave the field. */
	int (*typing)(void);
	/* Takes a bracketed paste whole; 0 when the screen takes none now
	 * (the paste is dropped). */
	int (*paste)(struct ui *, const wchar_t *text, size_t n);
};

struct ui {
	struct app *app;
	const struct pack *pack; /* borrowed from app */
	struct store *store;	 /* borrowed from app */
	/* The screens by enum ui_screen: ui.c's table, set before the first
	 * ui_push(). Only the services reach a screen through it. */
	const struct screen_ops *screens;

	enum ui_screen stack[UI_STACK_MAX];
	int depth;
	int quit;

	/* The body: rows y0 .. y0+h-1, all columns. */
	int y0, h, w;
	/* Where a screen wants the cursor (a text field); -1: hidden. */
	int cur_y, cur_x;

	/* What to open: set before ui_push(). */
	int approach;			 /* index into pack->approaches */
	const struct practice *practice; /* for the timer */
	const struct lesson *lesson;	 /* for Learn: open it at once */
	int onboard_flags_only;		 /* re-ask only the safety questions */
	int onboard_recheck; /* "anything new since ...?": emergency only */
	/* The pain the person just gave (a flare-up's), offered as the
	 * timer's "pain before" so it is not asked twice; ENTRY_NONE: none.
	 * The timer takes it and sets it back. */
	int timer_before;

	/* Set by a screen's draw when it must be drawn again after this many
	 * milliseconds though no key comes (a running countdown); the loop
	 * sets it to -1 before each draw and otherwise waits for a key. */
	int wake_ms;

	char *message; /* shown once above the key line */
	enum ui_color message_color;
};

/* The services (screen.c). ui_push() opens s on top (its enter, fresh);
 * nothing when s is on top already or the stack is full. */
void ui_push(struct ui *, enum ui_screen);
/* Back to the screen below; quits when there is none. */
void ui_pop(struct ui *);
/* Replaces the whole stack with s (the end of onboarding). */
void ui_reset(struct ui *, enum ui_screen);
/* The screen below the top one (the one help describes). */
enum ui_screen ui_below(const struct ui *);
void ui_message(struct ui *, enum ui_color, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* Shows an error cause from the log or the program and frees it. */
void ui_error(struct ui *, char *cause);
/* Today as the log counts days. */
void ui_today(const struct ui *, char out[DAY_LEN]);
/* Loads the plan for today into plan, freeing the one there when *loaded;
 * on failure shows the cause and leaves *loaded 0. 0 or -1. */
struct program_plan;
struct program_today;
struct program_lesson;
int ui_plan_reload(struct ui *, struct program_plan *plan, int *loaded);
/* The help of screen s and its title. */
const struct ui_keyhelp *ui_screen_keys(const struct ui *, enum ui_screen s);
const char *ui_screen_title(const struct ui *, enum ui_screen s);

/* Columns for wrapped text in the body, and drawing a view there (rows y
 * .. y+h-1, a blank margin left, the scroll marks right). */
int ui_text_width(const struct ui *);
void ui_show_view(const struct ui *, struct ui_view *, int y, int h);

/* The screens, each in its own file; only ui.c's table names them.
 * enter: called when the screen is pushed (fresh = 1) or uncovered again
 * (fresh = 0); it reloads what it shows from the log. free: releases what
 * the screen keeps between visits, at exit. */
void ui_onboard_enter(struct ui *, int fresh);
void ui_onboard_draw(struct ui *);
int ui_onboard_key(struct ui *, int key);
void ui_onboard_free(void);
/* The title bar's words: "Getting started" at the first run, "Safety
 * check" for the six-weekly "anything new?", "Safety questions" for the
 * questions alone again. */
const char *ui_onboard_title(void);
extern const struct ui_keyhelp ui_onboard_keys[];

/* today_status.c: Today's status above its menu, from the model (t NULL
 * while it is not loaded: the pack's title alone), in w columns, drawn in
 * rows y .. y+h-1 from its row top on (h = 0 only counts); its rows.
 * ui_today_offered(): the first lesson offered today, or NULL, and how
 * many more. */
int ui_today_status_rows(const struct ui *, const struct program_today *t,
			 int y, int w, int h, int top);
const struct program_lesson *ui_today_offered(const struct program_today *t,
					      int *more);
void ui_today_enter(struct ui *, int fresh);
void ui_today_draw(struct ui *);
int ui_today_key(struct ui *, int key);
void ui_today_free(void);
extern const struct ui_keyhelp ui_today_keys[];

void ui_plan_enter(struct ui *, int fresh);
void ui_plan_draw(struct ui *);
int ui_plan_key(struct ui *, int key);
void ui_plan_free(void);
extern const struct ui_keyhelp ui_plan_keys[];

void ui_approach_enter(struct ui *, int fresh);
void ui_approach_draw(struct ui *);
int ui_approach_key(struct ui *, int key);
void ui_approach_free(void);

/* 0 when curses can draw on stdout's terminal (src/ui/term.c, for ui.c); else
 * says why on stderr, points at the line-mode check-in, returns EX_USAGE. */
int ui_term_check(void);

/* Writes the therapist summary to ~/backpain-report-DAY.html and says so
 * (src/ui/report.c). */
void ui_report_write(struct ui *);
extern const struct ui_keyhelp ui_approach_keys[];

void ui_checkin_enter(struct ui *, int fresh);
void ui_checkin_draw(struct ui *);
int ui_checkin_key(struct ui *, int key);
void ui_checkin_free(void);
/* 1 while the note field takes every printable key. */
int ui_checkin_typing(void);
/* A bracketed paste while typing the note goes into it whole (never run
 * as keys); 0 when the note is not being typed (the paste is dropped). */
int ui_checkin_paste(struct ui *, const wchar_t *text, size_t n);
extern const struct ui_keyhelp ui_checkin_keys[];

void ui_timer_enter(struct ui *, int fresh);
void ui_timer_draw(struct ui *);
int ui_timer_key(struct ui *, int key);
void ui_timer_free(void);
extern const struct ui_keyhelp ui_timer_keys[];

void ui_history_enter(struct ui *, int fresh);
void ui_history_draw(struct ui *);
int ui_history_key(struct ui *, int key);
void ui_history_free(void);
extern const struct ui_keyhelp ui_history_keys[];

void ui_review_enter(struct ui *, int fresh);
void ui_review_draw(struct ui *);
int ui_review_key(struct ui *, int key);
void ui_review_free(void);
extern const struct ui_keyhelp ui_review_keys[];

void ui_safety_enter(struct ui *, int fresh);
void ui_safety_draw(struct ui *);
int ui_safety_key(struct ui *, int key);
void ui_safety_free(void);
extern const struct ui_keyhelp ui_safety_keys[];

void ui_reading_enter(struct ui *, int fresh);
void ui_reading_draw(struct ui *);
int ui_reading_key(struct ui *, int key);
void ui_reading_free(void);
extern const struct ui_keyhelp ui_reading_keys[];

void ui_learn_enter(struct ui *, int fresh);
void ui_learn_draw(struct ui *);
int ui_learn_key(struct ui *, int key);
void ui_learn_free(void);
extern const struct ui_keyhelp ui_learn_keys[];

void ui_disclaimer_enter(struct ui *, int fresh);
void ui_disclaimer_draw(struct ui *);
int ui_disclaimer_key(struct ui *, int key);
void ui_disclaimer_free(void);
extern const struct ui_keyhelp ui_disclaimer_keys[];

void ui_help_enter(struct ui *, int fresh);
void ui_help_draw(struct ui *);
int ui_help_key(struct ui *, int key);
void ui_help_free(void);
extern const struct ui_keyhelp ui_help_keys[];

#endif
