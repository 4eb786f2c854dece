/* report_html.c: the report as one printable HTML page (its chart in
 * report_chart.c); see report.h. */
#include "report_int.h"

#include <stdlib.h>
#include <string.h>

#include "analysis.h"
#include "content.h"
#include "util.h"
#include "version.h"

#define PERCENT 100

static const char style[] =
    "@page{margin:7mm 10mm}\n"
    "*{box-sizing:border-box}\n"
    "html{-webkit-print-color-adjust:exact;print-color-adjust:exact}\n"
    "body{font-family:\"DejaVu Sans\",\"Liberation Sans\",Arial,"
    "sans-serif;font-size:8pt;line-height:1.25;color:#111;"
    "max-width:186mm;margin:0 auto;padding:4mm 0}\n"
    "h1{font-size:14pt;margin:0 0 1mm}\n"
    "h2{font-size:10.5pt;margin:2.5mm 0 1mm;padding-bottom:.5mm;"
    "border-bottom:.3mm solid #888}\n"
    "p{margin:0 0 1.5mm}\n"
    ".lead{color:#333}\n"
    "dl{display:grid;grid-template-columns:max-content 1fr;"
    "gap:.6mm 4mm;margin:2mm 0}\n"
    "dt{font-weight:bold}dd{margin:0}dd ul{margin:.5mm 0 0;"
    "padding-left:4mm}\n"
    "table{width:100%;border-collapse:collapse;font-size:8pt}\n"
    "th,td{border-bottom:.2mm solid #bbb;padding:.8mm 1.2mm;"
    "text-align:left;vertical-align:top}\n"
    "th{background:#eee;font-weight:bold}\n"
    ".n{text-align:right;white-space:nowrap}\n"
    ".sub{font-size:7.5pt;color:#444}\n"
    ".d{white-space:nowrap}\n"
    "ol.why{margin:1mm 0 0;padding-left:5mm;font-size:7.5pt;"
    "line-height:1.2;color:#222}\n"
    ".sw{display:inline-block;width:2.6mm;height:2.6mm;margin-right:1mm;"
    "vertical-align:-.3mm}\n"
    "svg{display:block;width:100%;height:auto;margin:1mm 0}\n"
    ".legend{font-size:7.5pt;color:#333}\n"
    "ul.notes{margin:0;padding-left:4mm}\n"
    "ul.two{columns:2;column-gap:8mm}\n"
    "footer{margin-top:1mm;font-size:7pt;color:#555}\n"
    "@media print{body{max-width:none;padding:0}"
    "tr,svg,dl{break-inside:avoid}h2{break-after:avoid}}\n";

/* Text of the report's own words and days (no text from the log), each
 * day YYYY-MM-DD kept on one line: a day broken at its hyphen reads as
 * another. */
static void
days_whole(struct buf *b, const char *s)
{
	size_t k;

	while (*s != '\0') {
		for (k = 0; k < DAY_LEN - 1 && s[k] != '\0'; k++)
			if ((k == 4 || k == 7) != (s[k] == '-') ||
			    (k != 4 && k != 7 && (s[k] < '0' || s[k] > '9')))
				break;
		if (k == DAY_LEN - 1) {
			buf_printf(b, "<span class=\"d\">%.*s</span>",
				   DAY_LEN - 1, s);
			s += DAY_LEN - 1;
		} else {
			buf_addc(b, *s++);
		}
	}
}

static const struct report_style html_style = {report_html_esc, "&ldquo;",
					       "&rdquo;"};

static void
facts(struct buf *b, const struct report *rp)
{
	size_t i;

	buf_adds(b, "<dl>\n<dt>Log</dt><dd>");
	report_log_line(b, rp, "");
	buf_adds(b, "</dd>\n<dt>Usual pain at the start</dt><dd>");
	report_start_line(b, rp, "");
	buf_adds(b, "</dd>\n<dt>Safety questions</dt><dd>");
	report_flags_line(b, rp, "");
	if (rp->nyes > 0)
		buf_adds(b, "<ul>");
	for (i = 0; i < rp->nanswers && rp->nyes > 0; i++) {
		const struct screening *s = &rp->answers[i];

		if (!report_answer_listed(rp, i))
			continue;
		buf_adds(b, "<li>");
		report_html_esc(b, report_flag_question(rp, s));
		report_answered(b, rp, i);
		buf_adds(b, "</li>");
	}
	if (rp->nyes > 0)
		buf_adds(b, "</ul>");
	buf_adds(b, "</dd>\n</dl>\n");
}

/* One chance in tenths as the table shows it: "7", ">9", "<1". */
static void
tenths(struct buf *b, double p)
{
	int t = review_chance_tenths(p);

	if (t >= REVIEW_CHANCE_TENTHS)
		buf_printf(b, "&gt;%d", REVIEW_CHANCE_TENTHS - 1);
	else if (t <= 0)
		buf_adds(b, "&lt;1");
	else
		buf_printf(b, "%d", t);
}

/* Under the verdict, the chance it helped in tenths, on one short line so
 * that the row grows no taller; the legend says what each is. */
static void
chances(struct buf *b, const struct review_row *row)
{
	const struct analysis_result *r = &row->result;

	if (!r->has_chance)
		return;
	buf_adds(b, "<div class=\"sub\">");
	tenths(b, r->chance.lower);
	buf_adds(b, " &middot; ");
	tenths(b, r->chance.helped);
	buf_adds(b, " &middot; ");
	tenths(b, r->chance.worse);
	buf_adds(b, "</div>");
}

/* Under the chances, what a pause week showed (issue 21), in its stable
 * name: "pause: confirmed"; nothing without a pause. */
static void
pause_line(struct buf *b, const struct review_row *row)
{
	struct review_figures f;

	review_figures(row, &f);
	if (f.confirmation[0] != '\0')
		buf_printf(b, "<div class=\"sub\">pause: %s</div>",
			   f.confirmation);
}

static void
trial_row(struct buf *b, const struct report *rp, size_t i)
{
	const struct review *rv = &rp->review;
	const struct review_row *row = &rv->rows[i];
	const struct review_windows *w = &rp->windows[i];
	char fig[REVIEW_FIGURE_LEN];
	struct buf t, sub;
	const struct analysis_result *r = &row->result;
	struct review_figures f;

	review_figures(row, &f);
	buf_init(&sub);
	buf_printf(b,
		   "<tr><td class=\"n\"><span class=\"sw\" "
		   "style=\"background:%s\"></span>%zu</td><td>",
		   report_chart_colour(i), i + 1);
	report_html_esc(b, review_row_name(row));
	buf_printf(&sub, "%s to %s", row->started_on,
		   row->running ? "today" : row->ended_on);
	buf_init(&t);
	if (row->paused)
		buf_printf(&sub, ", paused since %s", row->paused_since);
	else if (row->running || row->tool_use)
		buf_printf(&sub, ", %s", report_row_state(row, &t));
	else if (row->outcome != OUTCOME_NONE && !row->habit)
		buf_printf(&sub, ", ended as: %s", report_row_state(row, &t));
	buf_free(&t);
	/* Its days (the column beside) are those that count. */
	if (r->off_days > 0)
		buf_printf(&sub, "; %d day%s on hold for safety not counted",
			   r->off_days, r->off_days == 1 ? "" : "s");
	buf_init(&t);
	if (report_habit_line(&t, rp, i)) {
		buf_adds(&sub, row->habit ? ", " : "; ");
		buf_add(&sub, t.data, t.len);
	}
	buf_free(&t);
	buf_adds(b, "<div class=\"sub\">");
	days_whole(b, sub.data);
	buf_free(&sub);
	buf_printf(b, "</div></td><td class=\"n\">%d</td><td class=\"n\">",
		   r->days);
	if (r->has_adherence)
		buf_printf(b, "%d (%d%%)", r->practised_days,
			   PERCENT * r->practised_days / r->days);
	else
		buf_adds(b, "&ndash;");
	buf_printf(b,
		   "</td><td class=\"n\">%s</td><td class=\"n\">%s</td>"
		   "<td class=\"n\" style=\"text-align:left\"><b>%s</b>",
		   f.before_mean[0] ? f.before_mean : "&ndash;",
		   f.during_mean[0] ? f.during_mean : "&ndash;",
		   analysis_verdict_name(r->verdict));
	chances(b, row);
	pause_line(b, row);
	buf_adds(b, "</td><td class=\"n\">");
	if (r->immediate_n > 0)
		buf_printf(b, "%s (%d)", f.immediate, r->immediate_n);
	else
		buf_adds(b, "&ndash;");
	/* The days of the two windows, named where the figures are (a title,
	 * so the printed page keeps its length). */
	buf_adds(b, "</td><td class=\"n\"");
	if (w->before_from[0] != '\0') {
		buf_printf(b, " title=\"before: %s to %s", w->before_from,
			   w->before_to);
		if (w->during_from[0] != '\0')
			buf_printf(b, "; after: %s to %s", w->during_from,
				   w->during_to);
		buf_addc(b, '"');
	}
	buf_addc(b, '>');
	if (w->before_n > 0) {
		review_fraction(w->before_sum, w->before_n, 1, 0, fig);
		buf_adds(b, fig);
	} else
		buf_adds(b, "&ndash;");
	buf_adds(b, " &rarr; ");
	if (w->during_n > 0) {
		review_fraction(w->during_sum, w->during_n, 1, 0, fig);
		buf_adds(b, fig);
	} else
		buf_adds(b, "&ndash;");
	buf_adds(b, "</td></tr>\n");
}

/* Each verdict's grounds, with the thresholds, shared days and flare-up
 * days. */
static void
grounds(struct buf *b, const struct report *rp)
{
	const struct review *rv = &rp->review;
	struct buf t;
	size_t i;

	buf_adds(b, "<ol class=\"why\">\n");
	for (i = 0; i < rv->nrows; i++) {
		const struct review_row *row = &rv->rows[i];

		buf_init(&t);
		review_explain(&t, row);
		buf_addc(&t, '.');
		if (row->impression != ENTRY_NONE) {
			buf_addc(&t, ' ');
			review_impression(&t, row);
		}
		if (row->noverlaps > 0) {
			buf_addc(&t, ' ');
			review_shared(&t, rv, row);
		}
		if (row->flare_before > 0 || row->flare_during > 0) {
			buf_addc(&t, ' ');
			review_flare_days(&t, row);
		}
		buf_printf(b, "<li><b>%s</b>: ",
			   analysis_verdict_name(row->result.verdict));
		report_html_esc(b, t.data);
		buf_adds(b, "</li>\n");
		buf_free(&t);
	}
	buf_adds(b, "</ol>\n");
}

static void
trials(struct buf *b, const struct report *rp)
{
	const struct review *rv = &rp->review;
	size_t i;

	buf_adds(b, "<h2>Approaches tried</h2>\n");
	if (rv->nrows == 0) {
		buf_adds(b, "<p>None yet.</p>\n");
		return;
	}
	buf_adds(b, "<table>\n<thead><tr><th class=\"n\">#</th>"
		    "<th>Approach and dates</th><th class=\"n\">Days</th>"
		    "<th class=\"n\">Practised days</th>"
		    "<th class=\"n\">Before</th><th class=\"n\">After</th>"
		    "<th>Verdict</th><th class=\"n\">Right after a "
		    "session</th><th class=\"n\">Interference</th></tr>"
		    "</thead>\n<tbody>\n");
	for (i = 0; i < rv->nrows; i++)
		trial_row(b, rp, i);
	buf_printf(b,
		   "</tbody>\n</table>\n<p class=\"legend\">Before: mean "
		   "pain in the %d days before the start (after a flare, in "
		   "the %d days before it). After: mean pain once the trial "
		   "has settled in. For a flare-up tool, both are around its "
		   "sessions. Right after a session: mean change of pain "
		   "from before to after a practice session (number of "
		   "sessions). Interference: how much pain got in the way, 0 "
		   "to 10, before &rarr; after, over the same days as Before "
		   "and After. "
		   "Chance in 10: fell &middot; by %d points or %d%% "
		   "&middot; rose as much.</p>\n",
		   ANALYSIS_BEFORE_DAYS, ANALYSIS_LONGRUN_DAYS,
		   ANALYSIS_MEANINGFUL_POINTS, ANALYSIS_MEANINGFUL_PCT);
	grounds(b, rp);
}

static void
flares(struct buf *b, const struct report *rp)
{
	struct buf t;
	size_t i;

	buf_init(&t);
	buf_adds(b, "<h2>Flare-ups</h2>\n<p>");
	report_flares_line(&t, rp, ".");
	if (t.len > 0 && t.data[0] >= 'a' && t.data[0] <= 'z')
		t.data[0] = (char)(t.data[0] - 'a' + 'A');
	buf_add(b, t.data, t.len);
	buf_free(&t);
	buf_adds(b, "</p>\n");
	if (rp->flares.n == 0)
		return;
	buf_adds(b, "<ul class=\"notes\">\n");
	i = rp->flares.n > REPORT_FLARES ? rp->flares.n - REPORT_FLARES : 0;
	for (; i < rp->flares.n; i++) {
		buf_adds(b, "<li>");
		report_flare_item(b, rp, i, &html_style);
		buf_adds(b, "</li>\n");
	}
	buf_adds(b, "</ul>\n");
}

static void
notes(struct buf *b, const struct report *rp)
{
	size_t i;

	buf_adds(b, "<h2>Latest notes</h2>\n");
	if (rp->nnotes == 0) {
		buf_adds(b, "<p>None.</p>\n");
		return;
	}
	buf_adds(b, "<ul class=\"notes two\">\n");
	for (i = 0; i < rp->nnotes; i++) {
		const struct checkin *ck = &rp->notes[i];
		char *note = report_note_excerpt(ck->note);

		buf_printf(b, "<li><b>%s</b>, pain %d: ", ck->day, ck->pain);
		report_html_esc(b, note);
		free(note);
		buf_adds(b, "</li>\n");
	}
	buf_adds(b, "</ul>\n");
}

/* Whether a trial has days that do not count (program_trial_days()). */
static int
any_off_days(const struct review *rv)
{
	size_t i;

	for (i = 0; i < rv->nrows; i++)
		if (rv->rows[i].result.off_days > 0)
			return 1;
	return 0;
}

void
report_html(struct buf *b, const struct report *rp)
{
	const struct review *rv = &rp->review;

	buf_adds(b, "<!DOCTYPE html>\n<html lang=\"");
	report_html_esc(b, rp->pack != NULL && rp->pack->language != NULL
			       ? rp->pack->language
			       : "en");
	buf_printf(b,
		   "\">\n<head>\n<meta charset=\"utf-8\">\n"
		   "<title>Pain log summary, %s</title>\n<style>\n%s"
		   "</style>\n</head>\n<body>\n<h1>Pain log summary</h1>\n"
		   "<p class=\"lead\">Prepared %s. ",
		   rv->today, style, rv->today);
	report_intro(b, rp, &html_style);
	buf_adds(b, "</p>\n");
	facts(b, rp);
	trials(b, rp);
	buf_adds(b, "<h2>Daily pain</h2>\n");
	if (rv->ncheckins == 0 && rv->nrows == 0) {
		buf_adds(b, "<p>No check-in yet.</p>\n");
	} else {
		report_chart(b, rp);
		buf_adds(b, "<p class=\"legend\">");
		if (rp->curve_cut)
			buf_printf(b, "The last %d months. ",
				   REPORT_CURVE_MONTHS);
		buf_printf(b,
			   "Dots: the daily ratings, 0 to "
			   "10. Red line: the mean of the %d days ending on "
			   "each day. Blue dashes: the same mean of "
			   "interference. Red strip at the top: flare-ups. "
			   "Shaded: the trials, numbered as in the "
			   "table.",
			   ANALYSIS_ROLLING_DAYS);
		if (any_off_days(rv))
			buf_adds(b, " Pale in a trial's band and bar: its days "
				    "on hold for safety or paused, which are "
				    "not trial days.");
		if (rv->nrecalled > 0)
			buf_printf(b,
				   " Open dots: ratings entered more than %d "
				   "days after their day (recalled), left out "
				   "of every verdict.",
				   PROGRAM_RECALL_DAYS);
		buf_adds(b, "</p>\n");
	}
	flares(b, rp);
	notes(b, rp);
	buf_printf(b,
		   "<footer>Made by backpain %s from the patient's own "
		   "log on %s. Self-reported ratings; not a clinical "
		   "measurement.</footer>\n</body>\n</html>\n",
		   BACKPAIN_VERSION, rv->today);
}
