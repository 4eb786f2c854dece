/* widget.c: colours, widths, cropping, wrapped text and views, lists. */
#include "widget_int.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <wctype.h>

#include "util.h"

/* The one colour table: foreground, background and attributes with
 * colours, and the attributes that carry the same meaning without them. */
static const struct {
	short fg, bg;
	attr_t attr;
	attr_t mono;
} colors[UI_C_COUNT] = {
    [UI_C_NORMAL] = {-1, -1, A_NORMAL, A_NORMAL},
    [UI_C_PAIN_LOW] = {COLOR_GREEN, -1, A_NORMAL, A_NORMAL},
    [UI_C_PAIN_MID] = {COLOR_YELLOW, -1, A_NORMAL, A_NORMAL},
    [UI_C_PAIN_HIGH] = {COLOR_RED, -1, A_BOLD, A_BOLD},
    [UI_C_WARNING] = {COLOR_YELLOW, -1, A_BOLD, A_BOLD},
    [UI_C_URGENT] = {COLOR_WHITE, COLOR_RED, A_BOLD, A_BOLD | A_REVERSE},
    [UI_C_SELECTED] = {COLOR_BLACK, COLOR_CYAN, A_NORMAL, A_REVERSE},
    [UI_C_DIM] = {-1, -1, A_DIM, A_DIM},
    [UI_C_TITLE] = {COLOR_WHITE, COLOR_BLUE, A_BOLD, A_REVERSE},
    [UI_C_HEADING] = {COLOR_CYAN, -1, A_BOLD, A_BOLD | A_UNDERLINE},
    [UI_C_GOOD] = {COLOR_GREEN, -1, A_BOLD, A_BOLD},
};

static int use_colors;

void
ui_color_init(int use)
{
	short i, bg;

	use_colors = 0;
	if (!use || start_color() == ERR)
		return;
	bg = use_default_colors() == OK ? -1 : COLOR_BLACK;
	for (i = 1; i < UI_C_COUNT; i++)
		init_pair(i, colors[i].fg,
			  colors[i].bg < 0 ? bg : colors[i].bg);
	use_colors = 1;
}

attr_t
ui_attr(enum ui_color c)
{
	if ((int)c < 0 || c >= UI_C_COUNT)
		c = UI_C_NORMAL;
	if (!use_colors)
		return colors[c].mono;
	if (c == UI_C_NORMAL)
		return A_NORMAL;
	return COLOR_PAIR(c) | colors[c].attr;
}

enum ui_color
ui_pain_color(int pain)
{
	if (pain < 0)
		return UI_C_DIM;
	if (pain >= UI_PAIN_HIGH_FROM)
		return UI_C_PAIN_HIGH;
	if (pain >= UI_PAIN_MID_FROM)
		return UI_C_PAIN_MID;
	return UI_C_PAIN_LOW;
}

enum ui_nav
ui_nav(int key)
{
	switch (key) {
	case UI_FKEY(KEY_UP):
	case 'k':
		return UI_NAV_UP;
	case UI_FKEY(KEY_DOWN):
	case 'j':
		return UI_NAV_DOWN;
	case UI_FKEY(KEY_LEFT):
	case 'h':
		return UI_NAV_LEFT;
	case UI_FKEY(KEY_RIGHT):
	case 'l':
		return UI_NAV_RIGHT;
	case UI_FKEY(KEY_HOME):
	case 'g':
		return UI_NAV_HOME;
	case UI_FKEY(KEY_END):
	case 'G':
		return UI_NAV_END;
	case UI_FKEY(KEY_PPAGE):
	case UI_KEY_CTRL('b'):
		return UI_NAV_PGUP;
	case UI_FKEY(KEY_NPAGE):
	case UI_KEY_CTRL('f'):
	case ' ':
		return UI_NAV_PGDN;
	default:
		return UI_NAV_NONE;
	}
}

size_t
ui_next_char(const char *s, size_t n, wchar_t *wc)
{
	mbstate_t st;
	size_t r;

	memset(&st, 0, sizeof st);
	r = mbrtowc(wc, s, n, &st);
	if (r == (size_t)-1 || r == (size_t)-2 || r == 0) {
		*wc = L'?';
		return 1;
	}
	return r;
}

int
ui_char_cols(wchar_t *wc)
{
	int c;

	if (*wc == L'\t')
		*wc = L' ';
	c = wcwidth(*wc);
	/* A control or bidi character (util_unsafe()) never reaches the
	 * terminal, even one the C library calls printable. */
	if (c < 0 || (c == 0 && !iswprint((wint_t)*wc) && *wc != 0) ||
	    (*wc > 0 && util_unsafe((uint32_t)*wc))) {
		*wc = L'?';
		c = 1;
	}
	return c;
}

int
ui_width(const char *s)
{
	size_t n = strlen(s), i = 0;
	wchar_t wc;
	int cols = 0;

	while (i < n) {
		i += ui_next_char(s + i, n - i, &wc);
		cols += ui_char_cols(&wc);
	}
	return cols;
}

int
ui_put(int y, int x, const char *s, int w, int pad, enum ui_color c)
{
	size_t n = strlen(s), i = 0;
	wchar_t wc;
	int cols = 0, cw;

	if (w <= 0 || y < 0 || x < 0 || y >= LINES || x >= COLS)
		return 0;
	if (x + w > COLS)
		w = COLS - x;
	attrset(ui_attr(c));
	move(y, x);
	while (i < n) {
		size_t used = ui_next_char(s + i, n - i, &wc);

		cw = ui_char_cols(&wc);
		if (cols + cw > w)
			break;
		addnwstr(&wc, 1);
		cols += cw;
		i += used;
	}
	if (pad)
		for (; cols < w; cols++)
			mvaddch(y, x + cols, ' ');
	attrset(A_NORMAL);
	return cols;
}

/* s cut at the last space that leaves room for an ellipsis, on one row;
 * the last resort of ui_put_words() when its rows run out. */
static int
put_cut(int y, int x, const char *s, int w, enum ui_color c)
{
	const char *dots = MB_CUR_MAX > 1 ? "\xe2\x80\xa6" : "...";
	int room = w - ui_width(dots), cols = 0, cw, r;
	size_t n = strlen(s), i = 0, cut = 0;
	wchar_t wc;
	char *t;

	if (ui_width(s) <= w || room <= 0)
		return ui_put(y, x, s, w, 0, c);
	/* The last space before the text outgrows room. */
	while (i < n) {
		size_t used = ui_next_char(s + i, n - i, &wc);

		cw = ui_char_cols(&wc);
		if (cols + cw > room)
			break;
		if (s[i] == ' ')
			cut = i;
		cols += cw;
		i += used;
	}
	if (cut == 0)
		cut = i;
	while (cut > 0 && s[cut - 1] == ' ')
		cut--;
	t = xasprintf("%.*s%s", (int)cut, s, dots);
	r = ui_put(y, x, t, w, 0, c);
	free(t);
	return r;
}

int
ui_put_words(int y, int x, const char *s, int w, int h, enum ui_color c)
{
	struct ui_view v = {0};
	struct buf rest;
	int i;
	size_t k;

	if (w <= 0 || h <= 0)
		return 0;
	ui_view_add(&v, w, c, 0, NULL, s);
	for (i = 0; i < h - 1 && (size_t)i < v.n; i++)
		ui_put(y + i, x, v.v[i].text, w, 0, c);
	if ((size_t)i < v.n) {
		/* The last row: the rest of the text, cut when it is more. */
		buf_init(&rest);
		for (k = (size_t)i; k < v.n; k++)
			buf_printf(&rest, "%s%s", k > (size_t)i ? " " : "",
				   v.v[k].text);
		put_cut(y + i, x, rest.data, w, c);
		buf_free(&rest);
		i++;
	}
	ui_view_free(&v);
	return i;
}

int
ui_words_rows(const char *s, int w)
{
	struct ui_view v = {0};
	int n;

	if (w <= 0)
		return 1;
	ui_view_add(&v, w, UI_C_NORMAL, 0, NULL, s);
	n = v.n > 0 ? (int)v.n : 1;
	ui_view_free(&v);
	return n;
}

const char *
ui_mark(int down)
{
	if (MB_CUR_MAX > 1)
		return down ? "\xe2\x96\xbc"
			    : "\xe2\x96\xb2"; /* U+25BC, U+25B2 */
	return down ? "v" : "^";
}

const char *
ui_more_mark(int down)
{
	if (MB_CUR_MAX > 1)
		return down ? "\xe2\x96\xbc more" : "\xe2\x96\xb2 more";
	return down ? "v more" : "^ more";
}

int
ui_putf(int y, int x, int w, enum ui_color c, const char *fmt, ...)
{
	va_list ap;
	char *s;
	int r;

	va_start(ap, fmt);
	s = xvasprintf(fmt, ap);
	va_end(ap);
	r = ui_put(y, x, s, w, 0, c);
	free(s);
	return r;
}

void
ui_fill(int y, int x, int w, enum ui_color c)
{
	ui_put(y, x, "", w, 1, c);
}

void
ui_view_clear(struct ui_view *v)
{
	size_t i;

	for (i = 0; i < v->n; i++)
		free(v->v[i].text);
	v->n = 0;
}

void
ui_view_free(struct ui_view *v)
{
	ui_view_clear(v);
	free(v->v);
	v->v = NULL;
	v->cap = 0;
}

static void
view_push(struct ui_view *v, char *text, enum ui_color c, int indent)
{
	if (v->n == v->cap) {
		v->cap = v->cap ? v->cap * 2 : 64;
		v->v = xreallocarray(v->v, v->cap, sizeof *v->v);
	}
	v->v[v->n].text = text;
	v->v[v->n].color = c;
	v->v[v->n].indent = indent;
	v->n++;
}

void
ui_view_blank(struct ui_view *v)
{
	view_push(v, xstrdup(""), UI_C_NORMAL, 0);
}

/* Wraps one paragraph p[0..n) into lines of at most avail columns, each
 * started with lead (the prefix, then blanks of its width). */
static void
wrap_para(struct ui_view *v, const char *p, size_t n, int avail,
	  enum ui_color c, int indent, const char *prefix, int *first)
{
	struct buf line;
	size_t i = 0;
	int cols = 0, pw = ui_width(prefix);

	buf_init(&line);
	while (i < n || line.len == 0) {
		size_t gs, ws, we, j;
		int wcols = 0, gap;
		wchar_t wc;

		if (line.len == 0) {
			if (*first)
				buf_adds(&line, prefix);
			else
				buf_printf(&line, "%*s", pw, "");
			*first = 0;
			cols = pw;
		}
		/* Spaces between words are kept as they are, so columns
		 * in a line of text stay aligned; a line break eats them. */
		gs = i;
		while (i < n && p[i] == ' ')
			i++;
		gap = (int)(i - gs) > 0 ? (int)(i - gs) : 1;
		if (i >= n)
			break;
		/* The next word and its width. */
		ws = i;
		while (i < n && p[i] != ' ')
			i += ui_next_char(p + i, n - i, &wc),
			    wcols += ui_char_cols(&wc);
		we = i;
		if (cols > pw && cols + gap + wcols <= avail) {
			buf_printf(&line, "%*s", gap, "");
			buf_add(&line, p + ws, we - ws);
			cols += gap + wcols;
		} else if (cols == pw && cols + wcols <= avail) {
			buf_add(&line, p + ws, we - ws);
			cols += wcols;
		} else if (cols > pw && wcols <= avail - pw) {
			view_push(v, buf_take(&line), c, indent);
			i = ws; /* the word starts the next line */
		} else {
			/* A word longer than a line: break it by characters. */
			if (cols > pw) {
				buf_addc(&line, ' ');
				cols++;
			}
			for (j = ws; j < we;) {
				size_t u = ui_next_char(p + j, we - j, &wc);
				int cw = ui_char_cols(&wc);

				if (cols + cw > avail && cols > pw) {
					view_push(v, buf_take(&line), c,
						  indent);
					buf_printf(&line, "%*s", pw, "");
					cols = pw;
				}
				buf_add(&line, p + j, u);
				cols += cw;
				j += u;
			}
		}
	}
	view_push(v, buf_take(&line), c, indent);
	buf_free(&line);
}

void
ui_view_add(struct ui_view *v, int width, enum ui_color c, int indent,
	    const char *prefix, const char *text)
{
	const char *p = text, *nl;
	int avail = width - indent, first = 1;

	if (prefix == NULL)
		prefix = "";
	if (avail < ui_width(prefix) + 1)
		avail = ui_width(prefix) + 1;
	do {
		nl = strchr(p, '\n');
		wrap_para(v, p, nl ? (size_t)(nl - p) : strlen(p), avail, c,
			  indent, prefix, &first);
		p = nl ? nl + 1 : NULL;
	} while (p != NULL);
}

void
ui_view_addf(struct ui_view *v, int width, enum ui_color c, int indent,
	     const char *fmt, ...)
{
	va_list ap;
	char *s;

	va_start(ap, fmt);
	s = xvasprintf(fmt, ap);
	va_end(ap);
	ui_view_add(v, width, c, indent, NULL, s);
	free(s);
}

static void
view_clamp(struct ui_view *v, int h)
{
	int max = (int)v->n - h;

	if (v->top > max)
		v->top = max;
	if (v->top < 0)
		v->top = 0;
}

void
ui_view_draw(struct ui_view *v, int y, int x, int h, int w)
{
	int i;

	view_clamp(v, h);
	for (i = 0; i < h && (size_t)(v->top + i) < v->n; i++) {
		const struct ui_vline *l = &v->v[v->top + i];

		ui_put(y + i, x + l->indent, l->text, w - l->indent - 1, 0,
		       l->color);
	}
	/* Marks that there is more above or below. */
	if (v->top > 0)
		ui_put(y, x + w - 1, ui_mark(0), 1, 0, UI_C_DIM);
	if ((size_t)(v->top + h) < v->n)
		ui_put(y + h - 1, x + w - 1, ui_mark(1), 1, 0, UI_C_DIM);
}

int
ui_view_key(struct ui_view *v, int key, int h)
{
	int page = h > 2 ? h - 1 : 1;

	switch (ui_nav(key)) {
	case UI_NAV_UP:
		v->top--;
		break;
	case UI_NAV_DOWN:
		v->top++;
		break;
	case UI_NAV_PGUP:
		v->top -= page;
		break;
	case UI_NAV_PGDN:
		v->top += page;
		break;
	case UI_NAV_HOME:
		v->top = 0;
		break;
	case UI_NAV_END:
		v->top = (int)v->n;
		break;
	default:
		return 0;
	}
	view_clamp(v, h);
	return 1;
}

int
ui_list_move(struct ui_list *l, int key, int page)
{
	switch (ui_nav(key)) {
	case UI_NAV_UP:
		l->sel--;
		break;
	case UI_NAV_DOWN:
		l->sel++;
		break;
	case UI_NAV_PGUP:
		l->sel -= page;
		break;
	case UI_NAV_PGDN:
		if (key == ' ')
			return 0; /* space is an action in lists */
		l->sel += page;
		break;
	case UI_NAV_HOME:
		l->sel = 0;
		break;
	case UI_NAV_END:
		l->sel = l->n - 1;
		break;
	default:
		return 0;
	}
	if (l->sel >= l->n)
		l->sel = l->n - 1;
	if (l->sel < 0)
		l->sel = 0;
	return 1;
}

int
ui_list_key(struct ui_list *l, int key, int h)
{
	if (!ui_list_move(l, key, h > 2 ? h - 1 : 1))
		return 0;
	ui_list_fit(l, h);
	return 1;
}

void
ui_list_fit(struct ui_list *l, int h)
{
	if (l->sel >= l->n)
		l->sel = l->n - 1;
	if (l->sel < 0)
		l->sel = 0;
	if (h < 1)
		h = 1;
	if (l->top > l->sel)
		l->top = l->sel;
	if (l->sel >= l->top + h)
		l->top = l->sel - h + 1;
	if (l->top > l->n - h)
		l->top = l->n - h;
	if (l->top < 0)
		l->top = 0;
}

/* How many entries from first on fit in h rows, the last row kept for the
 * mark when some are left below; at least one. */
static int
rows_fit(const int *rows, int n, int first, int h)
{
	int i, used = 0;

	for (i = first; i < n; i++) {
		int last = i + 1 == n;

		if (used + rows[i] + (last ? 0 : 1) > h)
			break;
		used += rows[i];
	}
	return i > first ? i - first : 1;
}

int
ui_list_fit_rows(struct ui_list *l, const int *rows, int h)
{
	if (l->n <= 0)
		return 0;
	if (l->sel >= l->n)
		l->sel = l->n - 1;
	if (l->sel < 0)
		l->sel = 0;
	if (l->top < 0)
		l->top = 0;
	if (l->top > l->sel)
		l->top = l->sel;
	while (l->top < l->sel &&
	       l->top + rows_fit(rows, l->n, l->top, h) <= l->sel)
		l->top++;
	/* No blank rows at the end while entries above are out of sight. */
	while (l->top > 0 &&
	       l->top - 1 + rows_fit(rows, l->n, l->top - 1, h) == l->n)
		l->top--;
	return rows_fit(rows, l->n, l->top, h);
}
