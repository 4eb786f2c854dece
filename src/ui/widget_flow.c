/* widget_flow.c: text of several colours laid out at words over the rows
 * of a box (struct ui_flow, widget_int.h); ui_put() draws each character,
 * so the cropping stays there. */
#include "widget_int.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

void
ui_flow_begin(struct ui_flow *f, int y, int x, int w, int h, int top)
{
	memset(f, 0, sizeof *f);
	f->y = y;
	f->x = x;
	f->w = w > 1 ? w : 1;
	f->h = h;
	f->top = top;
	f->fresh = 1;
}

/* Row r of the text on the screen, or -1 when it is outside the box. */
static int
screen_row(const struct ui_flow *f, int r)
{
	r -= f->top;
	return r >= 0 && r < f->h ? f->y + r : -1;
}

static void
wrap(struct ui_flow *f)
{
	f->row++;
	f->col = f->indent < f->w ? f->indent : 0;
	f->fresh = 1;
	f->wrapped = 1;
}

/* Draws one character of cols columns at the flow's place. */
static void
put_char(struct ui_flow *f, const char *ch, size_t n, int cols, enum ui_color c)
{
	char one[8];
	int y = screen_row(f, f->row);

	if (y >= 0 && n < sizeof one) {
		memcpy(one, ch, n);
		one[n] = '\0';
		ui_put(y, f->x + f->col, one, cols, 0, c);
	}
	f->col += cols;
}

/* The colour of byte i of the word. */
static enum ui_color
run_color(const struct ui_flow *f, size_t i)
{
	int r = 0;

	while (r + 1 < f->nruns && f->run_at[r + 1] <= i)
		r++;
	return f->nruns > 0 ? f->run_c[r] : UI_C_NORMAL;
}

/* Lays out the gathered word after its blanks: on this row when it fits,
 * else at the start of the next; a word longer than a row is broken by
 * characters. */
static void
place(struct ui_flow *f)
{
	size_t i = 0, used;
	int cols = 0, cw, g;
	wchar_t wc;

	while (i < f->len) {
		i += ui_next_char(f->word + i, f->len - i, &wc);
		cols += ui_char_cols(&wc);
	}
	if (!f->fresh && f->col + f->gap + cols > f->w)
		wrap(f);
	if (!f->wrapped)
		for (g = 0; g < f->gap && f->col < f->w; g++)
			put_char(f, " ", 1, 1, f->gap_c);
	for (i = 0; i < f->len; i += used) {
		used = ui_next_char(f->word + i, f->len - i, &wc);
		cw = ui_char_cols(&wc);
		if (f->col + cw > f->w && !f->fresh)
			wrap(f);
		put_char(f, f->word + i, used, cw, run_color(f, i));
		f->fresh = 0;
	}
	if (f->len > 0)
		f->fresh = f->wrapped = 0;
	f->len = 0;
	f->nruns = 0;
	f->gap = 0;
}

static void
gather(struct ui_flow *f, const char *s, size_t n, enum ui_color c)
{
	if (f->nruns == 0 ||
	    (f->run_c[f->nruns - 1] != c && f->nruns < UI_FLOW_RUNS)) {
		f->run_at[f->nruns] = f->len;
		f->run_c[f->nruns++] = c;
	}
	if (f->len + n + 1 > f->cap) {
		f->cap = (f->len + n + 1) * 2;
		f->word = xrealloc(f->word, f->cap);
	}
	memcpy(f->word + f->len, s, n);
	f->len += n;
}

void
ui_flow_put(struct ui_flow *f, enum ui_color c, const char *s)
{
	size_t n = strlen(s), i = 0, used;
	wchar_t wc;

	while (i < n) {
		if (s[i] == ' ' || s[i] == '\t') {
			if (f->len > 0)
				place(f);
			if (f->gap++ == 0)
				f->gap_c = c;
			i++;
		} else if (s[i] == '\n') {
			ui_flow_newline(f);
			i++;
		} else {
			used = ui_next_char(s + i, n - i, &wc);
			gather(f, s + i, used, c);
			i += used;
		}
	}
}

void
ui_flow_putf(struct ui_flow *f, enum ui_color c, const char *fmt, ...)
{
	va_list ap;
	char *s;

	va_start(ap, fmt);
	s = xvasprintf(fmt, ap);
	va_end(ap);
	ui_flow_put(f, c, s);
	free(s);
}

void
ui_flow_keep(struct ui_flow *f, enum ui_color c, const char *s)
{
	if (f->len > 0)
		place(f);
	gather(f, s, strlen(s), c);
	place(f);
}

void
ui_flow_newline(struct ui_flow *f)
{
	if (f->len > 0)
		place(f);
	f->row++;
	f->col = 0;
	f->gap = 0;
	f->fresh = 1;
	f->wrapped = 0;
}

int
ui_flow_end(struct ui_flow *f)
{
	int rows;

	if (f->len > 0)
		place(f);
	rows = f->fresh && f->col == 0 ? f->row : f->row + 1;
	free(f->word);
	f->word = NULL;
	f->len = f->cap = 0;
	return rows;
}
