/*
 * history.c: daily pain over 30, 90 or 365 days as a chart with the 7-day
 * rolling mean (analysis.h), bands showing which approach ran when, then a
 * scrollable summary per trial (analysis_trial's verdict in words) and the
 * check-ins with their notes, escaped so a note cannot drive the terminal.
 */
#include <stdlib.h>
#include <string.h>

#include "analysis.h"
#include "content.h"
#include "store.h"
#include "ui_screen.h"
#include "util.h"

#define CHART_MIN_ROWS 5
#define CHART_MAX_ROWS 10
#define EXPLAIN_MAX 256

static const int ranges[] = {30, 90, 365}; /* days shown, keys 1 2 3 */
#define NRANGES (sizeof ranges / sizeof ranges[0])

const struct ui_keyhelp ui_history_keys[] = {
    {"1 2 3", "the last 30, 90 or 365 days"},
    {"Left Right, h l", "a shorter or longer span"},
    {"j k, arrows", "scroll the trials and check-ins"},
    {"PgUp PgDn, g G", "page up and down, top and bottom"},
    {"q, Esc", "back"},
    {NULL, NULL},
};

static size_t range = 0;
static struct ui_view view;
static struct store_checkin *checkins;
static size_t ncheckins;
static struct store_trial *trials;
static size_t ntrials;
static struct store_session *sessions;
static size_t nsessions;
static int usual_pain = ANALYSIS_NO_RATING;
static char today[DAY_LEN];
static int view_h = 1; /* rows the view had at the last draw */

static void
unload(void)
{
	store_checkins_free(checkins, ncheckins);
	store_trials_free(trials, ntrials);
	store_sessions_free(sessions, nsessions);
	checkins = NULL;
	trials = NULL;
	sessions = NULL;
	ncheckins = ntrials = nsessions = 0;
}

void
ui_history_enter(struct ui *ui, int fresh)
{
	char *cause = NULL, *usual = NULL;
	long v;
	int rc;

	if (fresh)
		view.top = 0;
	unload();
	ui_today(ui, today);
	rc = store_checkin_range(ui->store, NULL, today, &checkins, &ncheckins,
				 &cause);
	if (rc == 0)
		rc = store_trial_list(ui->store, &trials, &ntrials, &cause);
	if (rc == 0)
		rc = store_session_range(ui->store, NULL, today, &sessions,
					 &nsessions, &cause);
	if (rc == 0)
		rc = store_profile_get(ui->store, "usual_pain", &usual, &cause);
	if (rc != 0) {
		ui_error(ui, cause);
		unload();
		return;
	}
	usual_pain = ANALYSIS_NO_RATING;
	if (usual != NULL && util_parse_int(usual, 0, 10, &v) == 0)
		usual_pain = (int)v;
	free(usual);
}

static struct analysis_checkin *
analysis_checkins(void)
{
	struct analysis_checkin *a = xcalloc(ncheckins + 1, sizeof *a);
	size_t i;

	for (i = 0; i < ncheckins; i++) {
		a[i].day = day_number(checkins[i].day);
		a[i].pain = checkins[i].pain;
		a[i].interference = checkins[i].interference == STORE_NONE
					? ANALYSIS_NO_RATING
					: checkins[i].interference;
	}
	/* analysis_trial() reads them oldest first. */
	for (i = 0; ncheckins > 1 && a[0].day > a[ncheckins - 1].day &&
		    i < ncheckins / 2;
	     i++) {
		struct analysis_checkin t = a[i];

		a[i] = a[ncheckins - 1 - i];
		a[ncheckins - 1 - i] = t;
	}
	return a;
}

/* The chart: pain per day (-1 when missing) and the rolling mean. */
static void
draw_chart(const struct ui *ui, int y, int h, int first, int n)
{
	int *v = xcalloc((size_t)n, sizeof *v), i;
	double *m = xcalloc((size_t)n, sizeof *m);
	struct analysis_rolling *r = xcalloc((size_t)n, sizeof *r);
	struct analysis_checkin *a = analysis_checkins();
	size_t k;

	for (i = 0; i < n; i++)
		v[i] = -1;
	for (k = 0; k < ncheckins; k++) {
		int d = a[k].day - first;

		if (d >= 0 && d < n)
			v[d] = a[k].pain;
	}
	analysis_rolling_mean(a, ncheckins, first, (size_t)n, r);
	for (i = 0; i < n; i++)
		m[i] = r[i].has_mean ? r[i].mean : -1;
	ui_chart(y, 1, h, ui->w - 2, v, m, (size_t)n);
	free(v);
	free(m);
	free(r);
	free(a);
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

/* One row per approach that ran in the span: its number on the axis and a
 * band under the days it ran. Returns the rows used. */
static int
draw_bands(const struct ui *ui, int y, int maxrows, int first, int n)
{
	const int axis = 4;
	int plot = ui->w - 2 - axis, rows = 0, last = first + n - 1;
	size_t a, t;
	struct buf legend;

	buf_init(&legend);
	for (a = 0; a < ui->pack->napproaches && rows < maxrows - 1; a++) {
		const char *id = ui->pack->approaches[a].id;
		int any = 0, c, c0, c1;

		for (t = 0; t < ntrials; t++) {
			int s, e;

			if (strcmp(trials[t].approach, id) != 0)
				continue;
			s = day_number(trials[t].started_on) - first;
			e = (trials[t].ended_on[0]
				 ? day_number(trials[t].ended_on)
				 : day_number(today)) -
			    first;
			if (e < 0 || s > last - first)
				continue;
			if (s < 0)
				s = 0;
			if (e > n - 1)
				e = n - 1;
			c0 = column(s, n, plot);
			c1 = column(e, n, plot);
			if (n <= plot)
				c1 = column(e + 1, n, plot) - 1;
			for (c = c0; c <= c1 && c < plot; c++)
				ui_put(y + rows, 1 + axis + c,
				       MB_CUR_MAX > 1 ? "\xe2\x94\x81" : "=", 1,
				       0, UI_C_HEADING);
			any = 1;
		}
		if (!any)
			continue;
		ui_putf(y + rows, 1, axis - 1, UI_C_HEADING, "%2zu", a + 1);
		buf_printf(&legend, "%s%zu %s", legend.len ? "   " : "", a + 1,
			   ui->pack->approaches[a].title);
		rows++;
	}
	if (rows > 0)
		ui_put(y + rows++, 1, legend.data, ui->w - 2, 0, UI_C_DIM);
	buf_free(&legend);
	return rows;
}

static void
add_trial(const struct ui *ui, const struct store_trial *t, int w,
	  const struct analysis_checkin *a)
{
	const struct approach *ap = content_approach(ui->pack, t->approach);
	struct analysis_trial_in in;
	struct analysis_result r;
	struct analysis_span *others = xcalloc(ntrials + 1, sizeof *others);
	struct analysis_session *ses = xcalloc(nsessions + 1, sizeof *ses);
	char why[EXPLAIN_MAX];
	size_t i, no = 0, ns = 0;

	memset(&in, 0, sizeof in);
	in.start = day_number(t->started_on);
	in.end = day_number(t->ended_on[0] ? t->ended_on : today);
	in.settle_days =
	    ap->settle_days > 0 ? ap->settle_days : ANALYSIS_SETTLE_DAYS;
	in.flare_tool = ap->flare_tool;
	in.has_practices = ap->npractices > 0;
	for (i = 0; i < ntrials; i++) {
		if (&trials[i] == t)
			continue;
		others[no].start = day_number(trials[i].started_on);
		others[no].end = day_number(
		    trials[i].ended_on[0] ? trials[i].ended_on : today);
		no++;
	}
	for (i = 0; i < nsessions; i++) {
		if (strcmp(sessions[i].approach, t->approach) != 0)
			continue;
		ses[ns].day = day_number(sessions[i].day);
		ses[ns].pain_before = sessions[i].pain_before;
		ses[ns].pain_after = sessions[i].pain_after;
		ns++;
	}
	in.sessions = ses;
	in.nsessions = ns;
	in.others = others;
	in.nothers = no;
	ui_view_addf(&view, w, UI_C_NORMAL, 0, "- %s: %s to %s (%s)", ap->title,
		     t->started_on, t->ended_on[0] ? t->ended_on : "now",
		     t->outcome == OUTCOME_NONE
			 ? "running"
			 : store_outcome_name(t->outcome));
	if (analysis_trial(a, ncheckins, usual_pain, &in, &r) == 0) {
		analysis_explain(&r, why, sizeof why);
		ui_view_addf(&view, w, UI_C_DIM, 2, "%s: %s",
			     analysis_verdict_name(r.verdict), why);
	}
	free(others);
	free(ses);
}

static void
build(const struct ui *ui, int first)
{
	struct analysis_checkin *a = analysis_checkins();
	int w = ui_text_width(ui), shown = 0;
	size_t i;
	struct buf b;

	ui_view_clear(&view);
	ui_view_add(&view, w, UI_C_HEADING, 0, NULL, "Approaches tried");
	for (i = 0; i < ntrials; i++)
		if (content_approach(ui->pack, trials[i].approach) != NULL) {
			add_trial(ui, &trials[i], w, a);
			shown++;
		}
	if (shown == 0)
		ui_view_add(&view, w, UI_C_DIM, 0, NULL, "None yet.");
	ui_view_blank(&view);
	ui_view_add(&view, w, UI_C_HEADING, 0, NULL, "Check-ins, newest first");
	for (i = ncheckins; i-- > 0;) {
		const struct store_checkin *c = &checkins[i];

		if (day_number(c->day) < first)
			break;
		buf_init(&b);
		buf_printf(&b, "%s  pain %2d", c->day, c->pain);
		if (c->interference != STORE_NONE)
			buf_printf(&b, "  interference %2d", c->interference);
		if (c->note != NULL) {
			buf_adds(&b, "  ");
			util_escape(&b, c->note);
		}
		ui_view_add(&view, w, ui_pain_color(c->pain), 0, NULL, b.data);
		buf_free(&b);
	}
	free(a);
}

void
ui_history_draw(struct ui *ui)
{
	int n = ranges[range], first = day_number(today) - n + 1;
	int y = ui->y0, chart, used;
	char from[DAY_LEN];

	day_from_number(first, from);
	ui_putf(y++, 1, ui->w - 2, UI_C_HEADING,
		"Daily pain, %s to %s (%d days)", from, today, n);
	ui_put(y++, 1,
	       "bars: pain that day   dots: the 7-day mean   1 2 3: "
	       "30, 90, 365 days",
	       ui->w - 2, 0, UI_C_DIM);
	chart = ui->h / 2 - 2;
	if (chart > CHART_MAX_ROWS)
		chart = CHART_MAX_ROWS;
	if (chart < CHART_MIN_ROWS)
		chart = CHART_MIN_ROWS;
	draw_chart(ui, y, chart, first, n);
	y += chart;
	used = draw_bands(ui, y, (int)ui->pack->napproaches + 1, first, n);
	y += used + 1;
	build(ui, first);
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
