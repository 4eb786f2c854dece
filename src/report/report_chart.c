/* report_chart.c: the HTML report's chart of daily pain as inline SVG:
 * the ratings, their 7-day means, the trials' bands and bars, flare-ups
 * and the days that do not count; report_html.c places it on the page.
 * See report.h. */
#include "report_int.h"

#include <stdlib.h>
#include <string.h>

#include "analysis.h"
#include "day.h"
#include "util.h"

/*
 * The chart, in SVG user units. Coordinates are whole numbers, so that
 * printing them never depends on the locale's decimal point.
 */
#define SVG_W 1440
#define PLOT_X0 56
#define PLOT_X1 1424
#define PLOT_Y0 16
#define PLOT_Y1 170
#define GRID_STEP 2 /* a grid line every 2 points of pain */
#define MONTH_LABEL_Y 198
#define LANE_Y0 214
#define LANE_H 24
#define LANE_GAP 6
#define LABEL_PAD 6
#define FONT_SIZE 20
#define DOT_R 4
#define MAX_LANES 8
#define CHAR_W 12  /* a generous average width of one character */
#define FLARE_H 10 /* the strip that marks a flare-up's days */

/* Band colours, one per trial in turn; print in colour when allowed. */
static const char *const colours[] = {"#4e79a7", "#f28e2b", "#59a14f",
				      "#b07aa1", "#e15759", "#76b7b2",
				      "#9c755f", "#edc948"};
#define NCOLOURS (sizeof colours / sizeof colours[0])

const char *
report_chart_colour(size_t i)
{
	return colours[i % NCOLOURS];
}

/* The chart's days and their mapping to x. */
struct chart {
	int first, ndays;
	int lanes;
	int lane[MAX_LANES]; /* last day taken in each lane */
	int height;
};

static int
x_left(const struct chart *c, int day)
{
	return PLOT_X0 + (int)((long long)(day - c->first) *
			       (PLOT_X1 - PLOT_X0) / c->ndays);
}

static int
x_mid(const struct chart *c, int day)
{
	return (x_left(c, day) + x_left(c, day + 1)) / 2;
}

/* y of pain, scaled by den (a mean sum / n is sum over den = n). */
static int
y_of(long long num, long long den)
{
	return PLOT_Y1 -
	       (int)(num * (PLOT_Y1 - PLOT_Y0) / (den * ANALYSIS_PAIN_MAX));
}

/* The first day of the month after day d. After the last day a day may
 * have (9999-12-31) no month starts: then a month's length on, so that a
 * walk over months still ends. */
#define NEXT_MONTH_MAX 31 /* the longest month */
static int
next_month(int d)
{
	char day[DAY_LEN];
	int i;

	for (i = 0; i < NEXT_MONTH_MAX; i++) {
		day_from_number(++d, day);
		if (strcmp(day + 8, "01") == 0)
			break;
	}
	return d;
}

/* Room for a month label such as 2026-08. */
#define MONTH_LABEL_W (FONT_SIZE * 4)

static void
grid(struct buf *b, const struct chart *c)
{
	char day[DAY_LEN];
	int p, d, end = c->first + c->ndays, room;

	for (p = ANALYSIS_PAIN_MIN; p <= ANALYSIS_PAIN_MAX; p += GRID_STEP)
		buf_printf(b,
			   "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" "
			   "stroke=\"#ccc\" stroke-width=\"1\"/>"
			   "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%d"
			   "</text>\n",
			   PLOT_X0, y_of(p, 1), PLOT_X1, y_of(p, 1),
			   PLOT_X0 - LABEL_PAD, y_of(p, 1) + FONT_SIZE / 3, p);
	/* A line and a label where each month starts; the chart's first day
	 * counts as a start when its month has room for the label. */
	for (d = c->first; d < end; d = next_month(d)) {
		int x = x_left(c, d);

		day_from_number(d, day);
		room = x_left(c, next_month(d) < end ? next_month(d) : end) - x;
		if (room < MONTH_LABEL_W && d == c->first)
			continue;
		buf_printf(b,
			   "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" "
			   "stroke=\"#999\" stroke-width=\"1\"/>",
			   x, PLOT_Y0, x, PLOT_Y1 + LABEL_PAD);
		if (room >= MONTH_LABEL_W)
			buf_printf(b, "<text x=\"%d\" y=\"%d\">%.7s</text>",
				   x + LABEL_PAD / 2, MONTH_LABEL_Y, day);
		buf_addc(b, '\n');
	}
}

/* A trial's last day on the chart: today while it runs, else the day it
 * ended; past a pause too (its verdict's days, result.end, stop at the
 * pause, the trial does not). A flare-up tool's row: its sessions'. */
static int
row_end(const struct review *rv, const struct review_row *row)
{
	if (row->tool_use)
		return row->result.end;
	if (row->running)
		return day_number(rv->today);
	return row->ended_on[0] != '\0' ? day_number(row->ended_on)
					: row->result.end;
}

/* Over a trial's band and bar, its days that do not count (on hold or
 * in its pause week, program_trial_days()) paled out, so that they do
 * not read as trial days; l is the trial's lane. */
static void
off_days(struct buf *b, const struct chart *c, const struct report *rp,
	 const struct review_row *row, int s, int e, int l)
{
	int d, x;

	if (row->trial_id <= 0)
		return;
	for (d = s; d <= e; d++) {
		if (program_paused_on(&rp->pauses, row->trial_id, d) == 0)
			continue;
		x = x_left(c, d);
		buf_printf(b,
			   "<rect x=\"%d\" y=\"%d\" width=\"%d\" "
			   "height=\"%d\" fill=\"#fff\" "
			   "fill-opacity=\"0.8\"/>\n",
			   x, PLOT_Y0, x_left(c, d + 1) - x, PLOT_Y1 - PLOT_Y0);
		buf_printf(b,
			   "<rect x=\"%d\" y=\"%d\" width=\"%d\" "
			   "height=\"%d\" fill=\"#fff\" "
			   "fill-opacity=\"0.6\" class=\"off\"/>\n",
			   x, LANE_Y0 + l * (LANE_H + LANE_GAP),
			   x_left(c, d + 1) - x, LANE_H);
	}
}

/* Shaded bands behind the curve, and a numbered bar per trial below;
 * the days of a trial that do not count paled out (off_days()). */
static void
bands(struct buf *b, struct chart *c, const struct report *rp)
{
	const struct review *rv = &rp->review;
	size_t i;

	for (i = 0; i < rv->nrows; i++) {
		const struct review_row *row = &rv->rows[i];
		int s = row->result.start, e = row_end(rv, row), l, x, w;

		if (e < c->first)
			continue;
		if (s < c->first)
			s = c->first;
		x = x_left(c, s);
		w = x_left(c, e + 1) - x;
		for (l = 0; l < c->lanes && c->lane[l] >= s; l++)
			;
		if (l == c->lanes && c->lanes < MAX_LANES)
			c->lanes++;
		if (l >= MAX_LANES)
			l = MAX_LANES - 1;
		c->lane[l] = e;
		buf_printf(b,
			   "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" "
			   "fill=\"%s\" fill-opacity=\"0.13\"/>\n",
			   x, PLOT_Y0, w, PLOT_Y1 - PLOT_Y0,
			   report_chart_colour(i));
		buf_printf(b,
			   "<svg x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\">"
			   "<rect width=\"100%%\" height=\"100%%\" "
			   "fill=\"%s\"/><text x=\"%d\" y=\"%d\" "
			   "fill=\"#fff\" font-weight=\"bold\">%zu ",
			   x, LANE_Y0 + l * (LANE_H + LANE_GAP), w, LANE_H,
			   report_chart_colour(i), LABEL_PAD,
			   LANE_H - LABEL_PAD, i + 1);
		/* The title only where it fits; the number always. */
		if ((int)strlen(review_row_name(row)) * CHAR_W + 2 * FONT_SIZE <
		    w)
			report_html_esc(b, review_row_name(row));
		buf_adds(b, "</text></svg>\n");
		off_days(b, c, rp, row, s, e, l);
	}
	c->height =
	    LANE_Y0 + (c->lanes > 0 ? c->lanes : 1) * (LANE_H + LANE_GAP);
}

static void
dots(struct buf *b, const struct chart *c, const struct review *rv)
{
	size_t k;

	buf_adds(b, "<g fill=\"#333\">");
	for (k = review_checkin_from(rv, c->first); k < rv->ncheckins; k++) {
		int d = rv->checkins[k].day;

		if (d >= c->first + c->ndays)
			break;
		/* A recalled rating (review.h) is an open dot. */
		buf_printf(b, "<circle cx=\"%d\" cy=\"%d\" r=\"%d\"%s/>",
			   x_mid(c, d), y_of(rv->checkins[k].pain, 1), DOT_R,
			   review_recalled_on(rv, d)
			       ? " fill=\"none\" stroke=\"#333\""
			       : "");
	}
	buf_adds(b, "</g>\n");
}

/* The rolling means out[0 .. n) as polylines opened with head (its
 * stroke), broken where a window has no rating. */
static void
polylines(struct buf *b, const struct chart *c,
	  const struct analysis_rolling *out, size_t n, const char *head)
{
	size_t k;
	int open = 0;

	for (k = 0; k < n; k++) {
		if (!out[k].has_mean) {
			if (open)
				buf_adds(b, "\"/>\n");
			open = 0;
			continue;
		}
		if (!open)
			buf_printf(b, "<polyline fill=\"none\" %s points=\"",
				   head);
		else
			buf_addc(b, ' ');
		open = 1;
		buf_printf(b, "%d,%d", x_mid(c, out[k].day),
			   y_of(out[k].sum, out[k].n));
	}
	if (open)
		buf_adds(b, "\"/>\n");
}

/* The 7-day mean as a line, broken where a window has no check-in. Only
 * check-ins from the window of the chart's first day on count. */
static void
rolling(struct buf *b, const struct chart *c, const struct review *rv)
{
	struct analysis_rolling *out;
	size_t n = (size_t)c->ndays;
	size_t from =
	    review_checkin_from(rv, c->first - (ANALYSIS_ROLLING_DAYS - 1));

	out = xreallocarray(NULL, n, sizeof *out);
	analysis_rolling_mean(rv->checkins + from, rv->ncheckins - from,
			      c->first, n, out);
	polylines(b, c, out, n,
		  "stroke=\"#c0392b\" stroke-width=\"4\" "
		  "stroke-linejoin=\"round\"");
	free(out);
}

/* The 7-day mean of interference as a dashed line, beside pain's. */
static void
interference_line(struct buf *b, const struct chart *c, const struct report *rp)
{
	struct analysis_checkin *in;
	struct analysis_rolling *out;
	size_t k, n = (size_t)c->ndays;

	if (rp->ninterference == 0)
		return;
	in = xreallocarray(NULL, rp->ninterference, sizeof *in);
	for (k = 0; k < rp->ninterference; k++) {
		in[k].day = rp->interference[k].day;
		in[k].pain = rp->interference[k].value;
	}
	out = xreallocarray(NULL, n, sizeof *out);
	analysis_rolling_mean(in, rp->ninterference, c->first, n, out);
	polylines(b, c, out, n,
		  "stroke=\"#2c6fad\" stroke-width=\"3\" "
		  "stroke-dasharray=\"10 6\"");
	free(out);
	free(in);
}

/* A strip along the top of the plot over the days of each flare-up. */
static void
flare_marks(struct buf *b, const struct chart *c, const struct report *rp)
{
	const struct review *rv = &rp->review;
	size_t i;

	for (i = 0; i < rv->nflares; i++) {
		int s = rv->flares[i].first, e = rv->flares[i].last;

		if (e < c->first)
			continue;
		if (s < c->first)
			s = c->first;
		buf_printf(b,
			   "<rect x=\"%d\" y=\"%d\" width=\"%d\" "
			   "height=\"%d\" fill=\"#e15759\"/>\n",
			   x_left(c, s), PLOT_Y0,
			   x_left(c, e + 1) - x_left(c, s), FLARE_H);
	}
}

void
report_chart(struct buf *b, const struct report *rp)
{
	const struct review *rv = &rp->review;
	struct chart c;
	struct buf body;
	char from[DAY_LEN];
	int today = day_number(rv->today);

	memset(&c, 0, sizeof c);
	c.first = rp->curve_from;
	day_from_number(c.first, from);
	c.ndays = today - c.first + 1;
	if (c.ndays < 1)
		c.ndays = 1;

	buf_init(&body);
	bands(&body, &c, rp);
	grid(&body, &c);
	flare_marks(&body, &c, rp);
	interference_line(&body, &c, rp);
	rolling(&body, &c, rv);
	dots(&body, &c, rv);
	buf_printf(b,
		   "<svg viewBox=\"0 0 %d %d\" role=\"img\" "
		   "font-family=\"DejaVu Sans, Arial, sans-serif\" "
		   "font-size=\"%d\" fill=\"#222\"><title>Daily pain from "
		   "%s to %s</title>\n",
		   SVG_W, c.height, FONT_SIZE, from, rv->today);
	buf_add(b, body.data != NULL ? body.data : "", body.len);
	buf_adds(b, "</svg>\n");
	buf_free(&body);
}
