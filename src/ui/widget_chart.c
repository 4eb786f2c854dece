/* widget_chart.c: widgets that show numbers: the 0-10 picker with its
 * anchors, the progress bar, the sparkline and the daily chart. */
#include "widget_int.h"

#include <stdlib.h>
#include <string.h>

#include "content.h"
#include "util.h"

#define EIGHTHS 8 /* block characters split a cell into eighths */

/* U+2581 .. U+2588, one to eight eighths of a cell. */
static const char *const blocks[EIGHTHS] = {
    "\xe2\x96\x81", "\xe2\x96\x82", "\xe2\x96\x83", "\xe2\x96\x84",
    "\xe2\x96\x85", "\xe2\x96\x86", "\xe2\x96\x87", "\xe2\x96\x88",
};
static const char *const ascii_blocks[EIGHTHS] = {
    "_", "_", ".", ".", "-", "-", "=", "#",
};

static const char *
block(int eighths)
{
	const char *const *set = MB_CUR_MAX > 1 ? blocks : ascii_blocks;

	if (eighths < 1)
		eighths = 1;
	if (eighths > EIGHTHS)
		eighths = EIGHTHS;
	return set[eighths - 1];
}

static const char *
missing_mark(void)
{
	return MB_CUR_MAX > 1 ? "\xc2\xb7" : "."; /* U+00B7 */
}

int
ui_picker_key(struct ui_picker *p, int key)
{
	int last = p->last_key;

	p->last_key = key;
	if (key >= '0' && key <= '9') {
		/* "1" then "0" reads as 10; any other digit is itself. */
		if (key == '0' && last == '1' && p->value == 1)
			p->value = PAIN_MAX;
		else
			p->value = key - '0';
		return 1;
	}
	switch (ui_nav(key)) {
	case UI_NAV_LEFT:
		p->value = p->value < 0 ? 0 : p->value > 0 ? p->value - 1 : 0;
		return 1;
	case UI_NAV_RIGHT:
		if (p->value < 0)
			p->value = 0;
		else if (p->value < PAIN_MAX)
			p->value++;
		return 1;
	case UI_NAV_HOME:
		p->value = 0;
		return 1;
	case UI_NAV_END:
		p->value = PAIN_MAX;
		return 1;
	default:
		return 0;
	}
}

void
ui_picker_draw(const struct ui_picker *p, int y, int x, int w, int focused)
{
	const int cell = 4; /* " 7 " and "[10]" */
	int v, col = 0;
	char num[16];

	for (v = 0; v <= PAIN_MAX && col + cell <= w; v++, col += cell) {
		if (v == p->value) {
			snprintf(num, sizeof num, "[%2d]", v);
			ui_put(y, x + col, num, cell, 0,
			       focused ? UI_C_SELECTED : UI_C_HEADING);
		} else {
			snprintf(num, sizeof num, " %2d ", v);
			ui_put(y, x + col, num, cell, 0,
			       focused ? ui_pain_color(v) : UI_C_DIM);
		}
	}
}

/* The anchor nearest to value (the lower one on a tie), or -1. */
static int
nearest_anchor(const struct scale *s, int value)
{
	size_t i;
	int best = -1, near = -1;

	for (i = 0; i < s->nanchors && value >= 0; i++) {
		int d = abs(s->anchors[i].value - value);

		if (best < 0 || d < best) {
			best = d;
			near = (int)i;
		}
	}
	return near;
}

void
ui_anchor_draw(const struct scale *s, size_t i, int value, int y, int x, int w)
{
	int on = (int)i == nearest_anchor(s, value);
	char *line;

	if (i >= s->nanchors)
		return;
	line = xasprintf("%s%2d  %s", on ? "> " : "  ", s->anchors[i].value,
			 s->anchors[i].label);
	ui_put(y, x, line, w, 0,
	       on ? ui_pain_color(s->anchors[i].value) : UI_C_DIM);
	free(line);
}

int
ui_anchors_draw(const struct scale *s, int value, int y, int x, int h, int w)
{
	int lines;

	for (lines = 0; (size_t)lines < s->nanchors && lines < h; lines++)
		ui_anchor_draw(s, (size_t)lines, value, y + lines, x, w);
	return lines;
}

void
ui_bar(int y, int x, int w, long done, long total, enum ui_color c)
{
	int i, full;

	if (w <= 0)
		return;
	if (total <= 0)
		total = 1;
	if (done < 0)
		done = 0;
	if (done > total)
		done = total;
	full = (int)(done * w / total);
	for (i = 0; i < w; i++)
		ui_put(y, x + i, i < full ? block(EIGHTHS) : missing_mark(), 1,
		       0, i < full ? c : UI_C_DIM);
}

void
ui_flow_spark(struct ui_flow *f, const int *v, size_t n)
{
	size_t i;

	/* One piece a day, with no blank between: the row stays one word. */
	for (i = 0; i < n; i++) {
		if (v[i] < 0)
			ui_flow_put(f, UI_C_DIM, missing_mark());
		else
			ui_flow_put(f, ui_pain_color(v[i]),
				    util_pain_mark(v[i], MB_CUR_MAX > 1));
	}
}

/* The mean of the values of days lo .. hi-1 that are present, or -1. */
static double
bucket(const int *v, size_t lo, size_t hi)
{
	size_t i, k = 0;
	double sum = 0;

	for (i = lo; i < hi; i++)
		if (v[i] >= 0) {
			sum += v[i];
			k++;
		}
	return k ? sum / (double)k : -1;
}

static double
bucket_mean(const double *m, size_t lo, size_t hi)
{
	size_t i, k = 0;
	double sum = 0;

	for (i = lo; i < hi; i++)
		if (m[i] >= 0) {
			sum += m[i];
			k++;
		}
	return k ? sum / (double)k : -1;
}

/* Row (0 = bottom) and eighths of a cell for a value on an h-row scale. */
static int
to_eighths(double value, int h)
{
	return (int)(value * h * EIGHTHS / PAIN_MAX + 0.5);
}

void
ui_chart(int y, int x, int h, int w, const int *v, const double *mean, size_t n)
{
	const int axis = 4; /* "10 |" */
	int plot = w - axis, col, r;
	size_t per, lo, hi;

	if (h < 2 || plot < 1 || n == 0)
		return;
	ui_putf(y, x, 3, UI_C_DIM, "%2d", PAIN_MAX);
	ui_putf(y + h / 2, x, 3, UI_C_DIM, "%2d", PAIN_MAX / 2);
	ui_putf(y + h - 1, x, 3, UI_C_DIM, "%2d", 0);
	for (r = 0; r < h; r++)
		ui_put(y + r, x + axis - 1,
		       MB_CUR_MAX > 1 ? "\xe2\x94\x82" : "|", 1, 0, UI_C_DIM);
	/* Days per column when they do not fit, else columns per day. */
	per = n > (size_t)plot ? (n + (size_t)plot - 1) / (size_t)plot : 1;
	for (col = 0; col < plot; col++) {
		double val, mv;
		int e, mrow = -1;

		if (n <= (size_t)plot) {
			lo = (size_t)col * n / (size_t)plot;
			hi = lo + 1;
		} else {
			lo = (size_t)col * per;
			hi = lo + per < n ? lo + per : n;
			if (lo >= n)
				break;
		}
		val = bucket(v, lo, hi);
		mv = mean != NULL ? bucket_mean(mean, lo, hi) : -1;
		if (mv >= 0) {
			mrow = to_eighths(mv, h) / EIGHTHS;
			if (mrow >= h)
				mrow = h - 1;
		}
		if (val < 0)
			ui_put(y + h - 1, x + axis + col, missing_mark(), 1, 0,
			       UI_C_DIM);
		e = val < 0 ? 0 : to_eighths(val, h);
		for (r = 0; r < h && val >= 0; r++) {
			int fill = e - r * EIGHTHS;

			if (fill <= 0 && !(r == 0 && e == 0))
				break;
			ui_put(y + h - 1 - r, x + axis + col, block(fill), 1, 0,
			       ui_pain_color((int)(val + 0.5)));
		}
		/* The mean over a bar is drawn in reverse, so that the bar
		 * still reads as going on through it. */
		if (mrow >= 0 && mrow * EIGHTHS < e) {
			attrset(ui_attr(ui_pain_color((int)(val + 0.5))) |
				A_REVERSE);
			mvaddstr(y + h - 1 - mrow, x + axis + col,
				 MB_CUR_MAX > 1 ? "\xe2\x80\xa2" : "*");
			attrset(A_NORMAL);
		} else if (mrow >= 0) {
			ui_put(y + h - 1 - mrow, x + axis + col,
			       MB_CUR_MAX > 1 ? "\xe2\x80\xa2" : "*", 1, 0,
			       UI_C_HEADING);
		}
	}
}

/* The days lo..hi of column col, as ui_chart() lays them out; 0 when the
 * column shows no day. */
static int
column_days(int col, int plot, size_t n, size_t *lo, size_t *hi)
{
	size_t per =
	    n > (size_t)plot ? (n + (size_t)plot - 1) / (size_t)plot : 1;

	if (n <= (size_t)plot) {
		*lo = (size_t)col * n / (size_t)plot;
		*hi = *lo + 1;
		return 1;
	}
	*lo = (size_t)col * per;
	*hi = *lo + per < n ? *lo + per : n;
	return *lo < n;
}

void
ui_chart_overlay(int y, int x, int h, int w, const int *v2,
		 const unsigned char *mark, size_t n)
{
	const int axis = 4; /* as ui_chart() */
	int plot = w - axis, col;
	size_t lo, hi, i;

	if (h < 2 || plot < 1 || n == 0)
		return;
	for (col = 0; col < plot; col++) {
		double val;
		int row, marked = 0;

		if (!column_days(col, plot, n, &lo, &hi))
			break;
		if (v2 != NULL && (val = bucket(v2, lo, hi)) >= 0) {
			row = to_eighths(val, h) / EIGHTHS;
			if (row >= h)
				row = h - 1;
			/* Reverse, as the mean's marker: it reads over a bar.
			 */
			attrset(ui_attr(UI_C_WARNING) | A_REVERSE);
			mvaddstr(y + h - 1 - row, x + axis + col,
				 MB_CUR_MAX > 1 ? "\xc3\x97"
						: "x"); /* U+00D7 */
			attrset(A_NORMAL);
		}
		for (i = lo; mark != NULL && i < hi; i++)
			marked |= mark[i];
		if (marked)
			ui_put(y, x + axis + col,
			       MB_CUR_MAX > 1 ? "\xe2\x96\xb2" : "^", 1, 0,
			       UI_C_WARNING); /* U+25B2 */
	}
}
