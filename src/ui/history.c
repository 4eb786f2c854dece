/*
 * history.c: daily pain over 30, 90 or 365 days as a chart with the 7-day
 * rolling mean (analysis.h), the day's interference as a second line (i
 * hides it), a mark over the days of a flare-up, bands showing which trial
 * ran when (numbered in order of start, as everywhere; a day that does not
 * count, program_trial_days(), is drawn as such: h on hold for safety, p
 * paused by the person), then a scrollable
 * summary per trial (the review's verdict in words, and the recalled
 * ratings it left out), the flare-ups and what each used, and the check-ins
 * with their notes, escaped so a note cannot drive the terminal; a recalled
 * rating (review.h) is marked "recalled".
 *
 * Everything is read and judged in enter, through review_load_with() (the
 * one reviewer, review.h); a change of span or of width rebuilds what is
 * shown from what was loaded; draw only draws.
 */
#include <stdlib.h>
#include <string.h>

#include "analysis.h"
#include "content.h"
#include "program.h"
#include "review.h"
#include "ui_int.h"
#include "util.h"

#define CHART_MIN_ROWS 5
#define CHART_MAX_ROWS 10

static const int ranges[] = {30, 90, 365}; /* days shown, keys 1 2 3 */
#define NRANGES (sizeof ranges / sizeof ranges[0])
#define LONGEST_RANGE (ranges[NRANGES - 1])

const struct ui_keyhelp ui_history_keys[] = {
    {"1 2 3", "the last 30, 90 or 365 days"},
    {"Left Right, h l", "a shorter or longer span"},
    {"i", "hide or show the interference line (x: how much pain got in the "
	  "way that day)"},
    {"j k, arrows", "scroll the trials and check-ins"},
    {"PgUp PgDn, g G", "page up and down, top and bottom"},
    {"q, Esc", "back"},
    {NULL, NULL},
};

static size_t range = 0;
static struct ui_view view;
static struct review rv;
/* The pauses, which say which days of each trial do not count; the
 * flare-ups as program.h tells them, for what each used. */
static struct program_pauses pauses;
static struct program_flares flares;
static int loaded;
/* The check-ins of the longest span, newest first (notes owned). */
static struct checkin *recent;
static size_t nrecent, recent_cap;
static char today[DAY_LEN];
static int view_h = 1; /* rows the view had at the last draw */
/* What the chart and the view show, for range shown_range at width
 * shown_w; -1 when they must be built again. */
static int *chart_pain;
static double *chart_mean;
static int *chart_interference;
static unsigned char *chart_flare;
static int hide_interference;
static int shown_w = -1;
static size_t shown_range;

static void
unload(void)
{
	size_t i;

	if (loaded)
		review_free(&rv);
	program_pauses_free(&pauses);
	program_flares_free(&flares);
	loaded = 0;
	for (i = 0; i < nrecent; i++)
		checkin_clear(&recent[i]);
	free(recent);
	recent = NULL;
	nrecent = recent_cap = 0;
	free(chart_pain);
	free(chart_mean);
	free(chart_interference);
	free(chart_flare);
	chart_pain = NULL;
	chart_mean = NULL;
	chart_interference = NULL;
	chart_flare = NULL;
	shown_w = -1;
}

/* review_load_with()'s callback: keeps the check-ins the longest span
 * lists, newest first. */
static void
keep_recent(const struct checkin *c, void *arg)
{
	struct checkin *k;
	int d = day_number(c->day), last = day_number(today);

	(void)arg;
	if (d > last || d <= last - LONGEST_RANGE)
		return;
	if (nrecent == recent_cap) {
		recent_cap = recent_cap ? 2 * recent_cap : 64;
		recent = xreallocarray(recent, recent_cap, sizeof *recent);
	}
	k = &recent[nrecent++];
	memset(k, 0, sizeof *k);
	memcpy(k->day, c->day, DAY_LEN);
	k->pain = c->pain;
	k->interference = c->interference;
	if (c->note != NULL)
		k->note = xstrdup(c->note);
}

void
ui_history_enter(struct ui *ui, int fresh)
{
	char *cause = NULL;

	if (fresh)
		view.top = 0;
	unload();
	ui_today(ui, today);
	if (review_load_with(ui->pack, ui->store, today, keep_recent, NULL, &rv,
			     &cause) != 0) {
		ui_error(ui, cause);
		unload();
		return;
	}
	loaded = 1;
	if (program_pauses_load(ui->pack, ui->store, today, &pauses, &cause) !=
		0 ||
	    program_flares_load(ui->pack, ui->store, today, &flares, &cause) !=
		0) {
		ui_error(ui, cause);
		unload();
	}
}

/* The chart's figures for n days from first: pain per day (-1 when
 * missing) and the rolling mean (-1 when none). */
static void
chart_figures(int first, int n)
{
	struct analysis_rolling *r = xcalloc((size_t)n, sizeof *r);
	size_t k, from;
	int i;

	free(chart_pain);
	free(chart_mean);
	free(chart_interference);
	free(chart_flare);
	chart_pain = xcalloc((size_t)n, sizeof *chart_pain);
	chart_mean = xcalloc((size_t)n, sizeof *chart_mean);
	chart_interference = xcalloc((size_t)n, sizeof *chart_interference);
	chart_flare = xcalloc((size_t)n, sizeof *chart_flare);
	for (i = 0; i < n; i++)
		chart_pain[i] = chart_interference[i] = -1;
	for (k = 0; k < nrecent; k++) {
		int d = day_number(recent[k].day) - first;

		if (d >= 0 && d < n && recent[k].interference != ENTRY_NONE)
			chart_interference[d] = recent[k].interference;
	}
	for (k = 0; k < rv.nflares; k++)
		for (i = rv.flares[k].first - first;
		     i <= rv.flares[k].last - first && i < n; i++)
			if (i >= 0)
				chart_flare[i] = 1;
	/* Only the check-ins that reach the span's rolling means. */
	from = review_checkin_from(&rv, first - (ANALYSIS_ROLLING_DAYS - 1));
	for (k = from; k < rv.ncheckins; k++) {
		int d = rv.checkins[k].day - first;

		if (d >= 0 && d < n)
			chart_pain[d] = rv.checkins[k].pain;
	}
	analysis_rolling_mean(rv.checkins + from, rv.ncheckins - from, first,
			      (size_t)n, r);
	for (i = 0; i < n; i++)
		chart_mean[i] = r[i].has_mean ? r[i].mean : -1;
	free(r);
}

/* The column of the chart that shows day d of n (as ui_chart lays out). */
static int
column(int d, int n, int plot)
{
	int per;

	if (n <= plot)
		return d * plot / n;
	per = (n + plot - 1) / plot;
	return d / per;
}

/* "1 The quick approach   2 The steady approach" at row y, each name
 * kept whole when the legend wraps; returns the rows used. */
static int
put_legend(const struct ui *ui, int y, const size_t *shown, size_t n)
{
	struct ui_flow f;
	size_t i;
	char *name;

	ui_flow_begin(&f, y, 1, ui->w - 2, ui->y0 + ui->h - y, 0);
	for (i = 0; i < n; i++) {
		const struct approach *a =
		    content_approach(ui->pack, rv.rows[shown[i]].approach);

		name = xasprintf("%zu %s", shown[i] + 1, a ? a->title : "");
		if (i > 0)
			ui_flow_put(&f, UI_C_DIM, "   ");
		ui_flow_keep(&f, UI_C_DIM, name);
		free(name);
	}
	return ui_flow_end(&f);
}

/* The band's mark for day d (a day number) of trial trial_id: a trial
 * day, or one that does not count (program_trial_days()'s rule: on hold,
 * or in its pause week); *off gets the enum program_pause_why bits. */
static const char *
band_mark(long long trial_id, int d, int *off, enum ui_color *c)
{
	*off = trial_id > 0 ? program_paused_on(&pauses, trial_id, d) : 0;
	if (*off & PROGRAM_PAUSE_HOLD) {
		*c = UI_C_WARNING;
		return "h";
	}
	if (*off & PROGRAM_PAUSE_WEEK) {
		*c = UI_C_DIM;
		return "p";
	}
	*c = UI_C_HEADING;
	return MB_CUR_MAX > 1 ? "\xe2\x94\x81" : "="; /* U+2501 */
}

/* What the marks of the days that do not count mean (off: the enum
 * program_pause_why bits drawn), at row y; returns the rows used. */
static int
put_off_legend(const struct ui *ui, int y, int off)
{
	struct ui_flow f;

	if (off == 0)
		return 0;
	ui_flow_begin(&f, y, 1, ui->w - 2, ui->y0 + ui->h - y, 0);
	if (off & PROGRAM_PAUSE_HOLD)
		ui_flow_keep(&f, UI_C_DIM,
			     "h: on hold for safety, not trial days");
	if (off == (PROGRAM_PAUSE_HOLD | PROGRAM_PAUSE_WEEK))
		ui_flow_put(&f, UI_C_DIM, "   ");
	if (off & PROGRAM_PAUSE_WEEK)
		ui_flow_keep(&f, UI_C_DIM, "p: paused by you, not trial days");
	return ui_flow_end(&f);
}

/* One row per approach that ran in the span: a band under the days each
 * of its trials ran, with the trial's number (in order of start, as the
 * review and the report number them) at the band's start and on the axis
 * for its first trial in the span; a day that does not count is marked
 * (band_mark()). Returns the rows used. */
static int
draw_bands(const struct ui *ui, int y, int maxrows, int first, int n)
{
	const int axis = 4;
	int plot = ui->w - 2 - axis, rows = 0, last = first + n - 1, offs = 0;
	size_t a, t, nshown = 0;
	/* The trials with a band, in the order drawn, for the legend. */
	size_t *shown = xcalloc(rv.nrows > 0 ? rv.nrows : 1, sizeof *shown);

	for (a = 0; a < ui->pack->napproaches && rows < maxrows - 1; a++) {
		const char *id = ui->pack->approaches[a].id;
		int any = 0, c, c0, c1, d, off;

		for (t = 0; t < rv.nrows; t++) {
			const struct review_row *row = &rv.rows[t];
			int s, e;

			if (strcmp(row->approach, id) != 0)
				continue;
			s = day_number(row->started_on) - first;
			e = day_number(row->running ? today : row->ended_on) -
			    first;
			if (e < 0 || s > last - first)
				continue;
			if (s < 0)
				s = 0;
			if (e > n - 1)
				e = n - 1;
			c0 = column(s, n, plot);
			for (d = s; d <= e; d++) {
				enum ui_color color;
				const char *mark = band_mark(
				    row->trial_id, first + d, &off, &color);

				c1 = n <= plot ? column(d + 1, n, plot) - 1
					       : column(d, n, plot);
				for (c = column(d, n, plot);
				     c <= c1 && c < plot; c++)
					ui_put(y + rows, 1 + axis + c, mark, 1,
					       0, color);
				offs |= off;
			}
			if (any && c0 < plot)
				ui_putf(y + rows, 1 + axis + c0, plot - c0,
					UI_C_HEADING, "%zu", t + 1);
			else
				ui_putf(y + rows, 1, axis - 1, UI_C_HEADING,
					"%2zu", t + 1);
			shown[nshown++] = t;
			any = 1;
		}
		if (any)
			rows++;
	}
	if (rows > 0)
		rows += put_legend(ui, y + rows, shown, nshown);
	if (rows > 0)
		rows += put_off_legend(ui, y + rows, offs);
	free(shown);
	return rows;
}

/* A trial and its result in words: the whole of what analysis_explain()
 * says, however long, wrapped by the view. */
static void
add_trial(const struct review_row *row, size_t number, int w)
{
	int n = analysis_explain(&row->result, NULL, 0);
	char *why = xmalloc(n > 0 ? (size_t)n + 1 : 1);

	ui_view_addf(&view, w, UI_C_NORMAL, 0, "%zu. %s: %s to %s (%s)", number,
		     review_row_name(row), row->started_on,
		     row->running ? "now" : row->ended_on,
		     review_row_state(row));
	/* Its days are those that count (program_trial_days()), as the
	 * review says. */
	if (row->result.off_days > 0)
		ui_view_addf(&view, w, UI_C_DIM, 2,
			     "Not counted: %d %s on hold for safety.",
			     row->result.off_days,
			     row->result.off_days == 1 ? "day" : "days");
	analysis_explain(&row->result, why, n > 0 ? (size_t)n + 1 : 1);
	ui_view_addf(&view, w, UI_C_DIM, 2, "%s: %s",
		     analysis_verdict_name(row->result.verdict), why);
	free(why);
	if (row->recalled > 0) {
		struct buf b;

		buf_init(&b);
		review_recalled(&b, row->recalled);
		ui_view_add(&view, w, UI_C_DIM, 2, NULL, b.data);
		buf_free(&b);
	}
}

/* The view of the trials and of the check-ins from first on, at width w. */
static void
build(const struct pack *pack, int w, int first)
{
	int shown = 0;
	size_t i;
	struct buf b;

	ui_view_clear(&view);
	ui_view_add(&view, w, UI_C_HEADING, 0, NULL, "Approaches tried");
	for (i = 0; i < rv.nrows; i++) {
		add_trial(&rv.rows[i], i + 1, w);
		shown++;
	}
	if (shown == 0)
		ui_view_add(&view, w, UI_C_DIM, 0, NULL, "None yet.");
	ui_view_blank(&view);
	if (rv.nflares > 0) {
		ui_view_add(&view, w, UI_C_HEADING, 0, NULL, "Flare-ups");
		for (i = rv.nflares; i-- > 0;) {
			const struct review_flare *f = &rv.flares[i];
			char a[DAY_LEN], z[DAY_LEN];

			day_from_number(f->first, a);
			day_from_number(f->last, z);
			buf_init(&b);
			if (f->running)
				buf_printf(&b, "%s to now (running)", a);
			else if (f->last == f->first)
				buf_adds(&b, a);
			else
				buf_printf(&b, "%s to %s", a, z);
			buf_printf(&b, ", %d day%s", f->last - f->first + 1,
				   f->last == f->first ? "" : "s");
			if (f->peak != ENTRY_NONE)
				buf_printf(&b, ", pain up to %d", f->peak);
			/* What it used, in the report's words (review.h). */
			if (i < flares.n &&
			    day_number(flares.flares[i].began_on) == f->first) {
				buf_adds(&b, ". Used: ");
				review_flare_used(&b, pack, &flares.flares[i],
						  NULL);
				buf_adds(&b, ".");
			}
			ui_view_add(&view, w, UI_C_WARNING, 0, NULL, b.data);
			buf_free(&b);
		}
		ui_view_blank(&view);
	}
	ui_view_add(&view, w, UI_C_HEADING, 0, NULL, "Check-ins, newest first");
	for (i = 0; i < nrecent; i++) {
		const struct checkin *c = &recent[i];

		if (day_number(c->day) < first)
			break;
		buf_init(&b);
		buf_printf(&b, "%s  pain %2d", c->day, c->pain);
		if (review_recalled_on(&rv, day_number(c->day)))
			buf_adds(&b, " (recalled)");
		if (c->interference != ENTRY_NONE)
			buf_printf(&b, "  interference %2d", c->interference);
		if (c->note != NULL) {
			buf_adds(&b, "  ");
			util_escape(&b, c->note);
		}
		ui_view_add(&view, w, ui_pain_color(c->pain), 0, NULL, b.data);
		buf_free(&b);
	}
}

/* Builds the chart's figures and the view again when the span or the
 * width changed since they were built: after enter, a key or a resize,
 * never while the person only looks. */
static void
refresh_shown(const struct ui *ui, int first, int n)
{
	int w = ui_text_width(ui);

	if (shown_w == w && shown_range == range)
		return;
	if (shown_w < 0 || shown_range != range)
		chart_figures(first, n);
	build(ui->pack, w, first);
	shown_w = w;
	shown_range = range;
}

/* The legend that names the marks as the chart draws them, at row y, each
 * mark and its meaning kept whole when it wraps; returns the rows used. */
static int
put_marks_legend(const struct ui *ui, int y, const char *up, const char *ix)
{
	char *item[6];
	size_t n = 0, i;
	struct ui_flow f;

	item[n++] = xstrdup("bars: pain");
	item[n++] = xstrdup("dots: 7-day mean");
	if (!hide_interference)
		item[n++] = xasprintf("%s: interference", ix);
	item[n++] = xasprintf("%s: flare-up", up);
	if (hide_interference) {
		item[n++] = xstrdup("i: show interference");
		item[n++] = xstrdup("1 2 3: 30, 90, 365 days");
	} else {
		item[n++] = xasprintf("i: hide %s", ix);
		item[n++] = xstrdup("1 2 3: days");
	}
	ui_flow_begin(&f, y, 1, ui->w - 2, ui->y0 + ui->h - y, 0);
	for (i = 0; i < n; i++) {
		if (i > 0)
			ui_flow_put(&f, UI_C_DIM, "   ");
		ui_flow_keep(&f, UI_C_DIM, item[i]);
		free(item[i]);
	}
	return ui_flow_end(&f);
}

void
ui_history_draw(struct ui *ui)
{
	int n = ranges[range], first = day_number(today) - n + 1;
	int y = ui->y0, chart, used;
	char from[DAY_LEN];
	const char *up = MB_CUR_MAX > 1 ? "\xe2\x96\xb2" : "^"; /* U+25B2 */
	const char *ix = MB_CUR_MAX > 1 ? "\xc3\x97" : "x";	/* U+00D7 */

	if (!loaded) {
		ui_put(y, 1, "The log could not be read; q goes back.",
		       ui->w - 2, 0, UI_C_WARNING);
		return;
	}
	refresh_shown(ui, first, n);
	day_from_number(first, from);
	ui_putf(y++, 1, ui->w - 2, UI_C_HEADING,
		"Daily pain, %s to %s (%d days)", from, today, n);
	y += put_marks_legend(ui, y, up, ix);
	chart = ui->h / 2 - 2;
	if (chart > CHART_MAX_ROWS)
		chart = CHART_MAX_ROWS;
	if (chart < CHART_MIN_ROWS)
		chart = CHART_MIN_ROWS;
	ui_chart(y, 1, chart, ui->w - 2, chart_pain, chart_mean, (size_t)n);
	ui_chart_overlay(y, 1, chart, ui->w - 2,
			 hide_interference ? NULL : chart_interference,
			 chart_flare, (size_t)n);
	y += chart;
	used = draw_bands(ui, y, (int)ui->pack->napproaches + 1, first, n);
	y += used + 1;
	view_h = ui->y0 + ui->h - y;
	if (view_h > 0)
		ui_show_view(ui, &view, y, view_h);
}

int
ui_history_key(struct ui *ui, int key)
{
	if (key >= '1' && key < '1' + (int)NRANGES) {
		range = (size_t)(key - '1');
		return 1;
	}
	if (key == 'i') {
		hide_interference = !hide_interference;
		return 1;
	}
	switch (ui_nav(key)) {
	case UI_NAV_LEFT:
		if (range > 0)
			range--;
		return 1;
	case UI_NAV_RIGHT:
		if (range + 1 < NRANGES)
			range++;
		return 1;
	default:
		(void)ui;
		return ui_view_key(&view, key, view_h);
	}
}

void
ui_history_free(void)
{
	unload();
	ui_view_free(&view);
}
