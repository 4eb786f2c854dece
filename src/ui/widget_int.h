/*
 * widget_int.h, ui_widget: what every screen of the TUI draws with. Only
 * src/ui/ includes this header (it brings in curses).
 *
 * All cropping and padding by screen columns happens in ui_put(), and all
 * wrapping here: ui_view_add() for the lines of a scrolling view (and
 * ui_put_words() for text drawn at once, through it), the flow
 * (widget_flow.c) for a line of several colours. Strings are UTF-8, widths
 * come from wcwidth, so a screen never cuts a character in half, and a
 * screen wraps what it says rather than cut it. Colours are looked up by
 * meaning in one table (ui_attr); with NO_COLOR or a terminal without colours
 * the same meanings map to plain attributes.
 *
 * Ownership: a struct ui_view owns its lines (ui_view_clear/ui_view_free); a
 * struct ui_field owns its text (ui_field_free); ui_field_text() hands back a
 * new string the caller frees; a struct ui_flow owns the word it gathers
 * until ui_flow_end(). Lists and pickers own nothing.
 */
#ifndef BACKPAIN_WIDGET_INT_H
#define BACKPAIN_WIDGET_INT_H

#include <stddef.h>
#include <wchar.h>

#include <curses.h>

#include "pain.h"

struct scale;

/*
 * Keys, as the screens see them: a character is its Unicode code point; a
 * curses function key k is UI_FKEY(k), above every code point, so KEY_*
 * values never collide with text.
 */
#define UI_KEY_FN 0x110000
#define UI_FKEY(k) (UI_KEY_FN + (k))
#define UI_KEY_ESC 27
#define UI_KEY_ENTER '\n'
#define UI_KEY_TAB '\t'
#define UI_KEY_BACKSPACE UI_FKEY(KEY_BACKSPACE)
#define UI_KEY_CTRL(c) ((c)&0x1f)

/* Movement keys: arrows, vi keys (h j k l g G), Home/End, PgUp/PgDn. */
enum ui_nav {
	UI_NAV_NONE,
	UI_NAV_UP,
	UI_NAV_DOWN,
	UI_NAV_LEFT,
	UI_NAV_RIGHT,
	UI_NAV_HOME,
	UI_NAV_END,
	UI_NAV_PGUP,
	UI_NAV_PGDN,
};
enum ui_nav ui_nav(int key);

/* Colours by meaning; ui_attr() gives the curses attributes of each. */
enum ui_color {
	UI_C_NORMAL,
	UI_C_PAIN_LOW,
	UI_C_PAIN_MID,
	UI_C_PAIN_HIGH,
	UI_C_WARNING,
	UI_C_URGENT,
	UI_C_SELECTED,
	UI_C_DIM,
	UI_C_TITLE,
	UI_C_HEADING,
	UI_C_GOOD,
	UI_C_COUNT
};

/* Pain bands for colour: 0-3 low, 4-6 moderate, 7-10 severe, the usual cut
 * points of the 0-10 numeric rating scale (Serlin et al., Pain 1995). */
#define UI_PAIN_MID_FROM 4
#define UI_PAIN_HIGH_FROM 7

/* Sets up the colour pairs; colours stay off when use is 0. */
void ui_color_init(int use);
attr_t ui_attr(enum ui_color);
enum ui_color ui_pain_color(int pain);

/* Decodes one character of s[0..n) into *wc; a byte that is not UTF-8
 * decodes as one '?'. Returns the bytes used (at least 1). */
size_t ui_next_char(const char *s, size_t n, wchar_t *wc);
/* The columns *wc takes; a tab becomes a space, and what does not print,
 * or is a control or bidi character (util_unsafe()), becomes '?' (1
 * column). */
int ui_char_cols(wchar_t *wc);
/* Screen columns of UTF-8 text (characters that do not print count 1). */
int ui_width(const char *s);
/*
 * Draws UTF-8 s at (y, x) cropped to w columns and, when pad is set, padded
 * with spaces to exactly w. Control characters show as '?'. Returns the
 * columns drawn.
 */
int ui_put(int y, int x, const char *s, int w, int pad, enum ui_color);
/*
 * Draws s wrapped at words (as ui_view_add() wraps) in w columns, on rows
 * y .. y+h-1 at most, so a message or a question is read whole. Only when
 * it needs more than h rows does the last row show the rest cut at a word
 * with an ellipsis ("\u2026", "..." without UTF-8; a single word too long
 * for w is cut by columns). Returns the rows drawn.
 */
int ui_put_words(int y, int x, const char *s, int w, int h, enum ui_color);
/* The rows ui_put_words() needs for s in w columns (at least 1). */
int ui_words_rows(const char *s, int w);
/* The marks that there is more: one column ("\u25b2", "\u25bc"; "^", "v"
 * without UTF-8) for a view's edge, and "\u25b2 more", "\u25bc more"
 * ("^ more", "v more") for a menu. */
const char *ui_mark(int down);
const char *ui_more_mark(int down);
/* ui_put of a printf-formatted string. */
int ui_putf(int y, int x, int w, enum ui_color, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));
/* Fills columns x .. x+w-1 of row y with spaces in colour c. */
void ui_fill(int y, int x, int w, enum ui_color c);

/* A scrolling view of wrapped lines. */
struct ui_vline {
	char *text;
	enum ui_color color;
	int indent; /* columns left blank before text */
};

struct ui_view {
	struct ui_vline *v;
	size_t n, cap;
	int top; /* first line shown */
};

void ui_view_clear(struct ui_view *);
void ui_view_free(struct ui_view *);
/*
 * Wraps text to width columns (words break only when longer than a line)
 * and appends the lines. Newlines in text start new lines; prefix is drawn
 * before the first line and the rest are indented by its width, for
 * bullets. An empty text adds one blank line.
 */
void ui_view_add(struct ui_view *, int width, enum ui_color, int indent,
		 const char *prefix, const char *text);
void ui_view_addf(struct ui_view *, int width, enum ui_color, int indent,
		  const char *fmt, ...) __attribute__((format(printf, 5, 6)));
void ui_view_blank(struct ui_view *);
void ui_view_draw(struct ui_view *, int y, int x, int h, int w);
/* Scrolls on a movement key; returns 1 when the key was one. */
int ui_view_key(struct ui_view *, int key, int h);

/*
 * A flow: text in pieces of different colours laid out at words over the
 * rows of a box, for a line whose parts differ in colour ("Approach: "
 * dim, the title, its day). Pieces run on one after another; a word made
 * of several pieces stays whole, and only a word longer than a row is
 * broken, by characters. Rows before top, and rows past the box, are
 * counted but not drawn, so a screen can scroll what it writes and learn
 * the rows it needs first (h = 0 draws nothing). The flow owns the word
 * it gathers until ui_flow_end().
 */
#define UI_FLOW_RUNS 16
struct ui_flow {
	int y, x, w, h; /* the box: rows y .. y+h-1, columns x .. x+w-1 */
	int top;	/* rows of the text scrolled off above the box */
	int indent;   /* the column a wrapped row starts at; set it any time */
	int row, col; /* where the next word goes: row of the text, column */
	int fresh;    /* nothing drawn on this row yet */
	int wrapped;  /* this row began by wrapping: blanks before it go */
	/* The word being gathered, the colour of each of its runs, and the
	 * blanks before it. */
	char *word;
	size_t len, cap;
	size_t run_at[UI_FLOW_RUNS];
	enum ui_color run_c[UI_FLOW_RUNS];
	int nruns, gap;
	enum ui_color gap_c;
};

void ui_flow_begin(struct ui_flow *, int y, int x, int w, int h, int top);
/* Appends s in colour c; "\n" starts a new row at column 0. */
void ui_flow_put(struct ui_flow *, enum ui_color c, const char *s);
void ui_flow_putf(struct ui_flow *, enum ui_color c, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* Appends s in colour c as one word, its spaces kept: it wraps whole (a
 * key and what it does stay together). */
void ui_flow_keep(struct ui_flow *, enum ui_color c, const char *s);
/* Ends the row: what follows starts on a new one at column 0. */
void ui_flow_newline(struct ui_flow *);
/* Lays out what is still gathered and frees it; returns the rows the
 * whole text took (0 for none). */
int ui_flow_end(struct ui_flow *);

/* Selection in a list of n rows shown h at a time. */
struct ui_list {
	int sel, top, n;
};

/* Moves on a movement key; returns 1 when the key was one. */
int ui_list_key(struct ui_list *, int key, int h);
/* The same, sel only (page entries a page), for a list whose top
 * ui_list_fit_rows() keeps. */
int ui_list_move(struct ui_list *, int key, int page);
/* Keeps sel within 0..n-1 and on screen; call before drawing rows. */
void ui_list_fit(struct ui_list *, int h);
/* The same for entries of rows[i] rows each (wrapped words) in h rows:
 * returns how many entries from top are shown. When top > 0 the screen
 * shows ui_more_mark(0) above the list; when entries are left below, the
 * last of the h rows is kept for ui_more_mark(1). */
int ui_list_fit_rows(struct ui_list *, const int *rows, int h);

/* A 0-10 rating; value -1 while none is picked. */
struct ui_picker {
	int value;
	int last_key; /* for "1" then "0" meaning 10 */
};

/* Left/right, h/l, Home/End and digits ("1" "0" gives 10); 1 if used. */
int ui_picker_key(struct ui_picker *, int key);
/* The 0..10 row at (y, x) with the value highlighted; one line. */
void ui_picker_draw(const struct ui_picker *, int y, int x, int w, int focused);
/* Anchor i of the scale on one line, marked when it is the one nearest to
 * value. */
void ui_anchor_draw(const struct scale *, size_t i, int value, int y, int x,
		    int w);
/* The anchor labels of the scale, one a line, the one that applies to the
 * value marked; returns the lines used (at most h). */
int ui_anchors_draw(const struct scale *, int value, int y, int x, int h,
		    int w);

/*
 * A one-line text field of code points. ui_field_set() keeps the bytes it
 * is given and ui_field_text() hands them back unchanged until the person
 * edits (a key that changes the text, or a paste): nothing is cut,
 * transcoded or turned into spaces, in any locale. Newlines and tabs are
 * kept; a newline shows as one mark. max limits only what is typed or
 * pasted (0: no limit).
 */
struct ui_field {
	wchar_t *buf;
	size_t len, cap, cur;
	size_t max; /* most characters typed or pasted into it */
	int scroll; /* first column shown */
	char *orig; /* the text as set, while not edited */
	int edited;
};

void ui_field_set(struct ui_field *, const char *utf8);
void ui_field_free(struct ui_field *);
/* Editing keys and printable characters; 1 when used. */
int ui_field_key(struct ui_field *, int key);
/* Inserts pasted text at the cursor: line breaks (CR, CR LF, LF) as
 * newlines, tabs kept, other control characters left out. */
void ui_field_paste(struct ui_field *, const wchar_t *s, size_t n);
/* 1 once the text differs from what ui_field_set() was given. */
int ui_field_edited(const struct ui_field *);
/* Draws the field in w columns; *cx receives the cursor's column. */
void ui_field_draw(struct ui_field *, int y, int x, int w, int *cx);
/* The text as UTF-8 (allocated): exactly what was set while not edited. */
char *ui_field_text(const struct ui_field *);

/* A progress bar of w columns, done of total. */
void ui_bar(int y, int x, int w, long done, long total, enum ui_color);
/* One character per value (ENTRY_NONE-like negatives show as a dot),
 * coloured by pain band, written into a flow as one word. */
void ui_flow_spark(struct ui_flow *, const int *v, size_t n);

/*
 * A bar chart of values 0..10 in h rows and w columns: v[i] < 0 is a missing
 * day; mean[i] < 0 none. Several days share a column when n > w (their
 * mean is drawn). The mean is drawn as a marker over the bars.
 */
void ui_chart(int y, int x, int h, int w, const int *v, const double *mean,
	      size_t n);
/*
 * Over a ui_chart() of the same place and n: a second series of 0..10
 * values (v2[i] < 0 missing; NULL for none) drawn as a line of small marks,
 * and a mark in the top row over the columns of days where mark[i] is set
 * (NULL for none).
 */
void ui_chart_overlay(int y, int x, int h, int w, const int *v2,
		      const unsigned char *mark, size_t n);

#endif
