/* report_text.c: the report as plain text and as Markdown; see report.h. */
#include "report_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analysis.h"
#include "content.h"
#include "util.h"
#include "version.h"

#define TEXT_WIDTH 78
#define ITEM_INDENT "   "
#define PERCENT 100
#define MONTH_DAYS 31
/*
 * A day's mark is util_pain_mark(), the one shared with status and the TUI.
 * A day without a check-in is a middle dot, a day outside the log a space.
 */
#define NO_CHECKIN "\u00b7"
/* The ruler over the month lines marks these days of the month. */
static const int ruler_days[] = {1, 5, 10, 15, 20, 25, 30};
#define MONTH_LABEL "YYYY-MM  "

/* Escapes text from the log or the pack for this format. */
typedef void (*escape_fn)(struct buf *, const char *);

static void
esc_text(struct buf *b, const char *s)
{
	util_escape(b, s);
}

/* Terminal escapes first, then every character that Markdown could read
 * as markup; the backslashes util_escape() doubles come out as one. */
static void
esc_markdown(struct buf *b, const char *s)
{
	struct buf t;
	const char *p;

	buf_init(&t);
	util_escape(&t, s);
	for (p = t.data; p != NULL && *p != '\0'; p++) {
		if (strchr("`*_[]<>&|~#!", *p) != NULL)
			buf_addc(b, '\\');
		buf_addc(b, *p);
	}
	buf_free(&t);
}

static const char *
plural(long long n, const char *one, const char *many)
{
	return n == 1 ? one : many;
}

static const struct report_style text_style = {esc_text, "\"", "\""};
static const struct report_style md_style = {esc_markdown, "\"", "\""};

/* One answered-yes safety question, without a leading marker. */
static void
flag_item(struct buf *t, const struct report *rp, size_t i, escape_fn esc)
{
	esc(t, report_flag_question(rp, &rp->answers[i]));
	report_answered(t, rp, i);
}

static void
dates(struct buf *t, const struct review *rv, const struct review_row *row)
{
	if (row->tool_use) {
		program_tool_words(t, row->tool_sessions, row->ended_on);
		buf_printf(t, ", outside a trial, the first on %s",
			   row->started_on);
		return;
	}
	review_row_span(t, rv, row);
	if (row->running)
		buf_adds(t, ", running");
	if (row->paused)
		buf_printf(t, ", paused since %s", row->paused_since);
	/* A kept habit is said so by report_habit_line(). */
	if (row->outcome != OUTCOME_NONE && !row->habit)
		buf_printf(t, "; ended as: %s", review_row_state(row));
}

static void
practised(struct buf *t, const struct review_row *row)
{
	const struct analysis_result *r = &row->result;

	if (r->has_adherence)
		buf_printf(t, "practised on %d of %d %s (%d%%)",
			   r->practised_days, r->days,
			   plural(r->days, "day", "days"),
			   PERCENT * r->practised_days / r->days);
	else
		buf_adds(t, "no practices to log");
}

static void
means(struct buf *t, const struct review_row *row)
{
	const struct analysis_result *r = &row->result;
	struct review_figures f;

	review_figures(row, &f);
	if (r->flare_tool) {
		if (r->has_change)
			buf_printf(t,
				   "Mean pain before its sessions: %s, after: "
				   "%s (%d sessions)",
				   f.before_mean, f.during_mean,
				   r->immediate_n);
		else
			buf_printf(t, "Sessions rated before and after: %d",
				   r->immediate_n);
		return;
	}
	if (!r->has_baseline)
		buf_adds(t, "Mean pain before: not known");
	else
		buf_printf(t, "Mean pain before: %s (%d %s)", f.before_mean,
			   r->before_n,
			   plural(r->before_n, "check-in", "check-ins"));
	buf_adds(t, "; ");
	if (review_settling(t, row))
		return;
	buf_printf(t, "from day %d on: ", r->settle_days + 1);
	if (r->during_n > 0)
		buf_printf(t, "%s (%d %s)", f.during_mean, r->during_n,
			   plural(r->during_n, "check-in", "check-ins"));
	else
		buf_adds(t, "no check-in");
}

/* The verdict with its grounds, the chance it helped, the shared days and
 * the immediate effect. */
static void
verdict(struct buf *t, const struct review *rv, const struct review_row *row)
{
	size_t at;

	buf_printf(t, "Verdict: %s. ",
		   analysis_verdict_name(row->result.verdict));
	at = t->len;
	review_explain(t, row);
	if (t->len > at && t->data[at] >= 'a' && t->data[at] <= 'z')
		t->data[at] = (char)(t->data[at] - 'a' + 'A');
	buf_adds(t, ".");
	if (row->result.has_chance) {
		buf_addc(t, ' ');
		review_chance_brief(t, row);
	}
	/* The pause week (issue 21): what it showed, with a flare-up in it
	 * named. */
	if (row->week_from[0] != '\0') {
		buf_addc(t, ' ');
		review_pause_words(t, row);
	}
	if (row->impression != ENTRY_NONE) {
		buf_addc(t, ' ');
		review_impression(t, row);
	}
	if (row->noverlaps > 0) {
		buf_addc(t, ' ');
		review_shared(t, rv, row);
	}
	if (row->flare_before > 0 || row->flare_during > 0) {
		buf_addc(t, ' ');
		review_flare_days(t, row);
	}
	if (row->result.immediate_n > 0) {
		buf_addc(t, ' ');
		review_immediate(t, row);
	}
}

/* The mark of one pain rating. */
static const char *
mark(int pain)
{
	if (pain < ANALYSIS_PAIN_MIN || pain > ANALYSIS_PAIN_MAX)
		return "?";
	return util_pain_mark(pain, 1);
}

static void
ruler(struct buf *b)
{
	size_t i;
	int pos = 0;

	buf_printf(b, "%*s", (int)strlen(MONTH_LABEL), "");
	for (i = 0; i < sizeof ruler_days / sizeof ruler_days[0]; i++) {
		int at = ruler_days[i] - 1;

		buf_printf(b, "%*s", at - pos, "");
		pos = at + snprintf(NULL, 0, "%d", ruler_days[i]);
		buf_printf(b, "%d", ruler_days[i]);
	}
	buf_addc(b, '\n');
}

/* One line per month from the first check-in to today: one mark a day. */
static void
months(struct buf *b, const struct report *rp)
{
	const struct review *rv = &rp->review;
	char day[DAY_LEN];
	int first = rp->curve_from, today = day_number(rv->today);
	int d, dom, n = 0, sum = 0, late = 0;
	size_t k;

	ruler(b);
	day_from_number(first, day);
	k = review_checkin_from(rv, first - (atoi(day + 8) - 1));
	for (d = first - (atoi(day + 8) - 1); d <= today;) {
		char fig[REVIEW_FIGURE_LEN];
		int from = d; /* the month's first day */

		day_from_number(d, day);
		buf_printf(b, "%.7s  ", day);
		n = sum = late = 0;
		for (dom = 1; dom <= MONTH_DAYS; dom++, d++) {
			day_from_number(d, day);
			if (atoi(day + 8) != dom)
				break; /* the month has ended */
			while (k < rv->ncheckins && rv->checkins[k].day < d)
				k++;
			if (k < rv->ncheckins && rv->checkins[k].day == d) {
				buf_adds(b, mark(rv->checkins[k].pain));
				n++;
				sum += rv->checkins[k].pain;
				late += review_recalled_on(rv, d);
			} else if (d < first || d > today) {
				buf_addc(b, ' ');
			} else {
				buf_adds(b, NO_CHECKIN);
			}
		}
		for (; dom <= MONTH_DAYS; dom++)
			buf_addc(b, ' ');
		if (n == 0) {
			buf_adds(b, "  no check-in\n");
			continue;
		}
		review_fraction(sum, n, 1, 0, fig);
		buf_printf(b, "  mean %s, %d %s", fig, n,
			   plural(n, "check-in", "check-ins"));
		if (late > 0)
			buf_printf(b, " (%d recalled)", late);
		if (report_interference_mean(rp, from, d - 1, fig) > 0)
			buf_printf(b, "; interf. %s", fig);
		buf_addc(b, '\n');
	}
}

static void
curve_legend(struct buf *b, const struct report *rp)
{
	struct buf t;

	buf_init(&t);
	if (rp->curve_cut)
		buf_printf(&t, "The last %d months. ", REPORT_CURVE_MONTHS);
	buf_printf(
	    &t,
	    "One mark a day: %s 0, %s 1-2, %s 3, %s 4, %s 5, %s 6, %s 7-8, "
	    "%s 9-10, %s no check-in. Beside it, the month's mean pain and, "
	    "when rated, its mean interference (interf.: how much pain got in "
	    "the way, 0-10).",
	    util_pain_mark(0, 1), util_pain_mark(1, 1), util_pain_mark(3, 1),
	    util_pain_mark(4, 1), util_pain_mark(5, 1), util_pain_mark(6, 1),
	    util_pain_mark(7, 1), util_pain_mark(9, 1), NO_CHECKIN);
	if (rp->review.nrecalled > 0)
		buf_printf(&t,
			   " Recalled: ratings entered more than %d days after "
			   "their day, shown but left out of every verdict.",
			   PROGRAM_RECALL_DAYS);
	review_wrap(b, t.data, "", TEXT_WIDTH);
	buf_free(&t);
}

/* "; kept as a habit since ..." when row i's approach was kept from it. */
static void
habit(struct buf *b, const struct report *rp, size_t i)
{
	struct buf h;

	buf_init(&h);
	if (report_habit_line(&h, rp, i)) {
		buf_adds(b, "; ");
		buf_add(b, h.data, h.len);
	}
	buf_free(&h);
}

/* A sentence's first letter in upper case. */
static void
capital(struct buf *t)
{
	if (t->len > 0 && t->data[0] >= 'a' && t->data[0] <= 'z')
		t->data[0] = (char)(t->data[0] - 'a' + 'A');
}

/* The first flare-up listed one by one: the latest REPORT_FLARES. */
static size_t
flares_from(const struct report *rp)
{
	return rp->flares.n > REPORT_FLARES ? rp->flares.n - REPORT_FLARES : 0;
}

static void
note_item(struct buf *t, const struct checkin *c, escape_fn esc)
{
	char *note = report_note_excerpt(c->note);

	buf_printf(t, "%s, pain %d: ", c->day, c->pain);
	esc(t, note);
	free(note);
}

void
report_text(struct buf *b, const struct report *rp)
{
	const struct review *rv = &rp->review;
	size_t i;
	struct buf t, v;

	buf_init(&t);
	buf_init(&v);
	buf_printf(b, "PAIN LOG SUMMARY, prepared %s\n", rv->today);
	report_intro(&t, rp, &text_style);
	review_wrap(b, t.data, "", TEXT_WIDTH);
	buf_free(&t);
	buf_adds(&t, "Log: ");
	report_log_line(&t, rp, ".");
	review_wrap(b, t.data, "", TEXT_WIDTH);
	buf_free(&t);

	buf_adds(&t, "Usual pain at the start: ");
	report_start_line(&t, rp, ".");
	buf_adds(b, "\n");
	review_wrap(b, t.data, "", TEXT_WIDTH);
	buf_free(&t);
	buf_adds(&t, "Safety questions: ");
	report_flags_line(&t, rp, ".");
	review_wrap(b, t.data, "", TEXT_WIDTH);
	buf_free(&t);
	for (i = 0; i < rp->nanswers; i++) {
		if (!report_answer_listed(rp, i))
			continue;
		flag_item(&t, rp, i, esc_text);
		review_wrap(b, t.data, ITEM_INDENT, TEXT_WIDTH);
		buf_free(&t);
	}

	buf_adds(b, "\nAPPROACHES TRIED, oldest first\n");
	if (rv->nrows == 0)
		buf_adds(b, "None yet.\n");
	for (i = 0; i < rv->nrows; i++) {
		const struct review_row *row = &rv->rows[i];

		buf_printf(&t, "%zu. ", i + 1);
		esc_text(&t, review_row_name(row));
		review_wrap(b, t.data, "", TEXT_WIDTH);
		buf_free(&t);
		dates(&t, rv, row);
		capital(&t);
		if (!row->tool_use) {
			buf_adds(&t, "; ");
			practised(&t, row);
			habit(&t, rp, i);
		}
		buf_adds(&t, ".");
		review_wrap(b, t.data, ITEM_INDENT, TEXT_WIDTH);
		buf_free(&t);
		means(&t, row);
		buf_adds(&t, ".");
		/* A tool's sessions outside a trial have no days to compare. */
		if (!row->tool_use) {
			buf_addc(&t, ' ');
			report_interference_line(&t, rp, i);
			buf_adds(&t, ".");
		}
		review_wrap(b, t.data, ITEM_INDENT, TEXT_WIDTH);
		buf_free(&t);
		verdict(&v, rv, row);
		esc_text(&t, v.data);
		buf_free(&v);
		review_wrap(b, t.data, ITEM_INDENT, TEXT_WIDTH);
		buf_free(&t);
	}

	buf_adds(b, "\nDAILY PAIN BY MONTH\n");
	if (rv->ncheckins == 0) {
		buf_adds(b, "No check-in yet.\n");
	} else {
		curve_legend(b, rp);
		months(b, rp);
	}

	buf_adds(b, "\nFLARE-UPS\n");
	report_flares_line(&t, rp, ".");
	capital(&t);
	review_wrap(b, t.data, "", TEXT_WIDTH);
	buf_free(&t);
	for (i = flares_from(rp); i < rp->flares.n; i++) {
		buf_adds(&t, "- ");
		report_flare_item(&t, rp, i, &text_style);
		review_wrap(b, t.data, "", TEXT_WIDTH);
		buf_free(&t);
	}

	buf_adds(b, "\nLATEST NOTES\n");
	if (rp->nnotes == 0)
		buf_adds(b, "None.\n");
	for (i = 0; i < rp->nnotes; i++) {
		note_item(&t, &rp->notes[i], esc_text);
		review_wrap(b, t.data, "", TEXT_WIDTH);
		buf_free(&t);
	}
}

/* A table cell: escaped, and never breaking the row. */
static void
md_cell(struct buf *b, const char *s)
{
	esc_markdown(b, s);
}

static void
md_row(struct buf *b, const struct report *rp, size_t i)
{
	const struct review *rv = &rp->review;
	const struct review_row *row = &rv->rows[i];
	const struct review_windows *w = &rp->windows[i];
	char ib[REVIEW_FIGURE_LEN] = "-", id[REVIEW_FIGURE_LEN] = "-";
	const struct analysis_result *r = &row->result;
	struct review_figures f;
	struct buf tmp;

	review_figures(row, &f);
	buf_printf(b, "| %zu | ", i + 1);
	md_cell(b, review_row_name(row));
	buf_printf(b, " | %s to %s", row->started_on,
		   row->running ? "today" : row->ended_on);
	buf_init(&tmp);
	if (row->outcome != OUTCOME_NONE || row->running || row->tool_use)
		buf_printf(b, ", %s", report_row_state(row, &tmp));
	buf_free(&tmp);
	if (row->habit && row->habit_dropped[0] == '\0')
		buf_printf(b, " since %s", row->habit_since);
	else
		habit(b, rp, i);
	buf_printf(b, " | %d | ", r->days);
	if (r->has_adherence)
		buf_printf(b, "%d (%d%%)", r->practised_days,
			   PERCENT * r->practised_days / r->days);
	else
		buf_adds(b, "-");
	buf_printf(b, " | %s | %s | %s | ",
		   f.before_mean[0] ? f.before_mean : "-",
		   f.during_mean[0] ? f.during_mean : "-",
		   analysis_verdict_name(r->verdict));
	if (r->immediate_n > 0)
		buf_printf(b, "%s (%d) | ", f.immediate, r->immediate_n);
	else
		buf_adds(b, "- | ");
	if (w->before_n > 0)
		review_fraction(w->before_sum, w->before_n, 1, 0, ib);
	if (w->during_n > 0)
		review_fraction(w->during_sum, w->during_n, 1, 0, id);
	buf_printf(b, "%s | %s |\n", ib, id);
}

void
report_markdown(struct buf *b, const struct report *rp)
{
	const struct review *rv = &rp->review;
	size_t i;
	struct buf t;

	buf_init(&t);
	buf_printf(b, "# Pain log summary\n\nPrepared %s. ", rv->today);
	report_intro(b, rp, &md_style);
	buf_adds(b, "\n\n- **Log:** ");
	report_log_line(b, rp, ".");
	buf_adds(b, "\n- **Usual pain at the start:** ");
	report_start_line(b, rp, ".");
	buf_adds(b, "\n- **Safety questions:** ");
	report_flags_line(b, rp, ".");
	buf_addc(b, '\n');
	for (i = 0; i < rp->nanswers; i++) {
		if (!report_answer_listed(rp, i))
			continue;
		buf_adds(b, "  - ");
		flag_item(b, rp, i, esc_markdown);
		buf_addc(b, '\n');
	}

	buf_adds(b, "\n## Approaches tried\n\n");
	if (rv->nrows == 0)
		buf_adds(b, "None yet.\n");
	else
		buf_printf(
		    b,
		    "Before: mean pain in the %d days before the start "
		    "(after a flare, in the %d days before it). After: "
		    "mean pain once the trial has settled in. For a "
		    "flare-up tool, both are around its sessions. "
		    "Right after a session: mean change of pain during "
		    "a practice session (number of sessions). "
		    "Interference: how much pain got in the way, 0-10, "
		    "over the days named below.\n\n"
		    "| # | Approach | Dates | Days | Practised days | "
		    "Before | After | Verdict | Right after a "
		    "session | Interference before | Interference "
		    "after |\n"
		    "|---:|---|---|---:|---:|---:|---:|---|---:|---:|---:"
		    "|\n",
		    ANALYSIS_BEFORE_DAYS, ANALYSIS_LONGRUN_DAYS);
	for (i = 0; i < rv->nrows; i++)
		md_row(b, rp, i);
	if (rv->nrows > 0)
		buf_addc(b, '\n');
	for (i = 0; i < rv->nrows; i++) {
		buf_printf(b, "%zu. ", i + 1);
		verdict(&t, rv, &rv->rows[i]);
		report_windows_days(&t, rp, i);
		esc_markdown(b, t.data);
		buf_free(&t);
		buf_addc(b, '\n');
	}

	buf_adds(b, "\n## Daily pain by month\n\n");
	if (rv->ncheckins == 0) {
		buf_adds(b, "No check-in yet.\n");
	} else {
		curve_legend(b, rp);
		buf_adds(b, "\n```\n");
		months(b, rp);
		buf_adds(b, "```\n");
	}

	buf_adds(b, "\n## Flare-ups\n\n");
	report_flares_line(&t, rp, ".");
	capital(&t);
	buf_add(b, t.data, t.len);
	buf_free(&t);
	buf_addc(b, '\n');
	if (flares_from(rp) < rp->flares.n)
		buf_addc(b, '\n');
	for (i = flares_from(rp); i < rp->flares.n; i++) {
		buf_adds(b, "- ");
		report_flare_item(b, rp, i, &md_style);
		buf_addc(b, '\n');
	}

	buf_adds(b, "\n## Latest notes\n\n");
	if (rp->nnotes == 0)
		buf_adds(b, "None.\n");
	for (i = 0; i < rp->nnotes; i++) {
		buf_adds(b, "- ");
		note_item(b, &rp->notes[i], esc_markdown);
		buf_addc(b, '\n');
	}
}
