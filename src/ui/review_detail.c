/* review_detail.c: the selected trial of the review screen in words and
 * figures: dates, adherence, the means before and during, the change, the
 * verdict with its grounds or what it lacks, the person's own impression
 * at its end, the immediate effect and the trials it shared days with. The
 * sentences come from review_text.c. */
#include <stdlib.h>
#include <string.h>

#include "ui_review_int.h"
#include "util.h"

#define PERCENT 100
/* Figures on this screen: one decimal, as the Why line shows them. */
#define VIEW_DECIMALS 1

static const char *
plural(int n, const char *one, const char *many)
{
	return n == 1 ? one : many;
}

static enum ui_color
verdict_color(enum analysis_verdict v)
{
	switch (v) {
	case VERDICT_SUBSTANTIAL:
	case VERDICT_MEANINGFUL:
		return UI_C_GOOD;
	case VERDICT_WORSE:
		return UI_C_WARNING;
	default:
		return UI_C_NORMAL;
	}
}

/* What the verdict suggests for a running trial, in a line. */
static const char *
advice(const struct review_row *row)
{
	switch (row->result.verdict) {
	case VERDICT_SUBSTANTIAL:
	case VERDICT_MEANINGFUL:
		return "It looks worth keeping: m keeps it as a habit and "
		       "moves on.";
	case VERDICT_WORSE:
		return "You may want to stop it: s stops it. Check the "
		       "safety screen (!) if the pain is new or different.";
	case VERDICT_NO_CHANGE:
		return "It has not shown a change so far: s stops it, or c "
		       "gives it more time.";
	case VERDICT_LOW_PRACTICE:
		return "It was practised too little to tell: c keeps going, "
		       "so it gets a fair trial.";
	case VERDICT_TOO_EARLY:
		return "The figures cannot decide yet: c keeps going.";
	case VERDICT_NO_BASELINE:
		return "There is no pain level from before to compare with, "
		       "so decide by how you have been.";
	case VERDICT_UNCLEAR:
		/* As add_noise() in analysis_text.c words the same rule. */
		if (row->result.pain.more_days <= 0)
			return "More rated days alone are unlikely to settle "
			       "it: decide by how you have been; c keeps "
			       "going, s stops it.";
		return "Not clear yet: c gives it more rated days, or s stops "
		       "it if you have seen enough.";
	}
	return "";
}

/* Adds the text in b as one wrapped paragraph, then empties b. */
static void
add_buf(struct ui_view *view, int w, enum ui_color c, const char *prefix,
	struct buf *b)
{
	if (b->len > 0)
		ui_view_add(view, w, c, 0, prefix, b->data);
	buf_free(b);
}

static void
add_dates(struct ui_view *view, const struct review *rv,
	  const struct program_plan *plan, int w, const struct review_row *row)
{
	const struct program_step *st = program_plan_trial(plan, row->trial_id);
	int days = row->result.days, of = st != NULL ? st->days : 0;
	int due = row->running && st != NULL && st->review_due;
	struct buf b;

	if (row->tool_use) {
		buf_init(&b);
		buf_adds(&b, "A flare-up tool ");
		program_tool_words(&b, row->tool_sessions, row->ended_on);
		buf_printf(&b,
			   ", outside a trial: its sessions since %s are "
			   "judged here, as a trial of it would be.",
			   row->started_on);
		add_buf(view, w, UI_C_NORMAL, NULL, &b);
		return;
	}
	if (!row->running) {
		buf_init(&b);
		buf_adds(&b, "Ran ");
		review_row_span(&b, rv, row);
		buf_printf(&b, ", with %d %s. Recorded outcome: %s.",
			   row->checkins,
			   plural(row->checkins, "check-in", "check-ins"),
			   program_outcome_words(row->outcome));
		add_buf(view, w, UI_C_NORMAL, NULL, &b);
		if (row->habit && row->habit_dropped[0] == '\0')
			ui_view_addf(view, w, UI_C_GOOD, 0,
				     "Kept as a habit since %s.",
				     row->habit_since);
		else if (row->habit)
			ui_view_addf(view, w, UI_C_NORMAL, 0,
				     "Kept as a habit from %s to %s.",
				     row->habit_since, row->habit_dropped);
		return;
	}
	if (st != NULL)
		days = st->day;
	if (of > 0 && days > of) {
		/* Past its length: the plan's words, and why it waits. */
		buf_init(&b);
		buf_printf(&b, "Running since %s: ", row->started_on);
		program_step_day_words(&b, st);
		buf_printf(&b, ", %d %s.", row->checkins,
			   plural(row->checkins, "check-in", "check-ins"));
		add_buf(view, w, due ? UI_C_WARNING : UI_C_NORMAL, NULL, &b);
	} else if (of > 0)
		ui_view_addf(view, w, due ? UI_C_WARNING : UI_C_NORMAL, 0,
			     "Running since %s: day %d of %d%s, %d %s.",
			     row->started_on, days, of,
			     due ? ", its trial days are up" : "",
			     row->checkins,
			     plural(row->checkins, "check-in", "check-ins"));
	else
		ui_view_addf(view, w, UI_C_NORMAL, 0,
			     "Running since %s: day %d (open-ended), %d %s.",
			     row->started_on, days, row->checkins,
			     plural(row->checkins, "check-in", "check-ins"));
	/* Its days are those that count (program_trial_days()), as the
	 * review's table and the status say. */
	if (row->span_held > 0)
		ui_view_addf(view, w, UI_C_DIM, 0,
			     "Not counted: %d %s on hold for safety.",
			     row->span_held,
			     plural(row->span_held, "day", "days"));
	if (row->span_paused > 0 && !row->in_week)
		ui_view_addf(view, w, UI_C_DIM, 0,
			     "Not counted: %d %s paused by you (from %s); its "
			     "verdict is judged on the %d %s before the pause.",
			     row->span_paused,
			     plural(row->span_paused, "day", "days"),
			     row->week_from, row->result.days,
			     plural(row->result.days, "day", "days"));
	if (row->paused)
		ui_view_addf(view, w, UI_C_WARNING, 0,
			     "Paused while a safety question holds (since "
			     "%s).",
			     row->paused_since);
	if (row->in_week)
		ui_view_addf(view, w, UI_C_NORMAL, 0,
			     "Paused by you since %s, to see whether the pain "
			     "comes back.",
			     row->week_from);
}

static void
add_adherence(struct ui_view *view, int w, const struct review_row *row)
{
	const struct analysis_result *r = &row->result;
	char pct[REVIEW_FIGURE_LEN];

	if (!r->has_adherence || r->days <= 0) {
		ui_view_add(view, w, UI_C_DIM, 0, NULL,
			    "It has no practices to log, so how often it was "
			    "done is not counted.");
		return;
	}
	review_fraction((long long)PERCENT * r->practised_days, r->days, 0, 1,
			pct);
	ui_view_addf(view, w, UI_C_NORMAL, 0,
		     "Practised on %d of its %d %s (%s%%).", r->practised_days,
		     r->days, plural(r->days, "day", "days"), pct);
}

/* "Change:       2.7 points lower, 45% less than before.", in the words
 * of review_change(), which measure it as the verdict does. */
static void
change_text(struct buf *b, const struct review_row *row,
	    const struct review_figures *f)
{
	if (f->change[0] == '\0') {
		buf_adds(b, "Change:       not worked out until the trial can "
			    "be judged.");
		return;
	}
	buf_adds(b, "Change:       ");
	review_change(b, row);
	buf_addc(b, '.');
}

static void
add_means(struct ui_view *view, int w, const struct review_row *row,
	  const struct review_figures *f)
{
	const struct analysis_result *r = &row->result;
	char before[REVIEW_FIGURE_LEN], during[REVIEW_FIGURE_LEN];
	struct buf b;

	/* The means review_figures() gives with two decimals, with one. */
	if (r->flare_tool && r->has_change) {
		review_fraction(r->pain.before_sum, r->pain.before_n,
				VIEW_DECIMALS, 0, before);
		review_fraction(r->pain.during_sum, r->pain.during_n,
				VIEW_DECIMALS, 0, during);
	} else {
		review_fraction(r->before_sum, r->before_n, VIEW_DECIMALS, 0,
				before);
		review_fraction(r->during_sum, r->during_n, VIEW_DECIMALS, 0,
				during);
	}

	buf_init(&b);
	if (r->flare_tool) {
		if (r->has_change)
			buf_printf(&b,
				   "Sessions:     pain %s before and %s after, "
				   "on average over %d sessions.",
				   before, during, r->immediate_n);
		else
			buf_printf(
			    &b,
			    "Sessions:     %d rated before and after; %d "
			    "are needed.",
			    r->immediate_n, ANALYSIS_SESSIONS_MIN);
		add_buf(view, w, UI_C_NORMAL, NULL, &b);
		change_text(&b, row, f);
		add_buf(view, w, UI_C_NORMAL, NULL, &b);
		return;
	}
	if (!r->has_baseline)
		buf_printf(&b,
			   "Pain before:  not known (%d %s in the %d days "
			   "before it started, %d needed).",
			   r->baseline_n,
			   plural(r->baseline_n, "check-in", "check-ins"),
			   ANALYSIS_BEFORE_DAYS, ANALYSIS_BEFORE_MIN_CHECKINS);
	else
		buf_printf(&b,
			   "Pain before:  %s, the mean of %d %s before it "
			   "started.",
			   before, r->before_n,
			   plural(r->before_n, "check-in", "check-ins"));
	add_buf(view, w, UI_C_NORMAL, NULL, &b);
	buf_adds(&b, "Pain during:  ");
	if (review_settling(&b, row))
		buf_addc(&b, '.');
	else if (r->during_n == 0)
		buf_printf(&b, "no check-in from day %d on.",
			   r->settle_days + 1);
	else
		buf_printf(&b, "%s, the mean of %d %s from day %d on.", during,
			   r->during_n,
			   plural(r->during_n, "check-in", "check-ins"),
			   r->settle_days + 1);
	add_buf(view, w, UI_C_NORMAL, NULL, &b);
	change_text(&b, row, f);
	add_buf(view, w, UI_C_NORMAL, NULL, &b);
	review_flare_days(&b, row);
	add_buf(view, w, UI_C_WARNING, NULL, &b);
	/* Its interference over the same days, as the report says it, when
	 * it was rated; a tool's sessions outside a trial compare no days. */
	if (!row->tool_use &&
	    row->windows.before_n + row->windows.during_n > 0) {
		review_interference_words(&b, row);
		buf_adds(&b, ".");
		add_buf(view, w, UI_C_NORMAL, NULL, &b);
	}
}

static void
add_verdict(struct ui_view *view, int w, const struct review_row *row)
{
	enum analysis_verdict v = row->result.verdict;
	struct buf b;

	buf_init(&b);
	ui_view_addf(view, w, verdict_color(v), 0, "Verdict: %s",
		     review_row_verdict_words(row));
	/* The chances, as `backpain review` words them; nothing before a
	 * trial can be judged. */
	review_chance(&b, row);
	add_buf(view, w, UI_C_NORMAL, NULL, &b);
	/* The pause week (issue 21): what it showed, or the offer of one
	 * (p on this screen). */
	review_pause_words(&b, row);
	add_buf(view, w, UI_C_NORMAL, NULL, &b);
	review_pause_offer(&b, row);
	if (row->offer_pause)
		buf_adds(&b, " p pauses it; r takes it up again.");
	add_buf(view, w, UI_C_GOOD, NULL, &b);
	if (v == VERDICT_TOO_EARLY || v == VERDICT_NO_BASELINE) {
		review_missing(&b, row);
		add_buf(view, w, UI_C_NORMAL, NULL, &b);
	} else {
		review_explain(&b, row);
		if (b.len > 0)
			buf_addc(&b, '.');
		add_buf(view, w, UI_C_NORMAL, "Why: ", &b);
	}
	review_impression(&b, row);
	add_buf(view, w, UI_C_NORMAL, NULL, &b);
}

void
ui_review_detail(struct ui_view *view, const struct ui *ui,
		 const struct review *rv, const struct program_plan *plan,
		 const struct review_row *row)
{
	int w = ui_text_width(ui);
	struct review_figures f;
	struct buf b;

	review_figures(row, &f);
	buf_init(&b);
	ui_view_clear(view);
	ui_view_addf(view, w, UI_C_HEADING, 0, "%s%s", review_row_name(row),
		     row->wildcard ? "  (any time)" : "");
	add_dates(view, rv, plan, w, row);
	if (!row->tool_use)
		add_adherence(view, w, row);
	add_means(view, w, row, &f);
	ui_view_blank(view);
	add_verdict(view, w, row);
	review_immediate(&b, row);
	add_buf(view, w, UI_C_NORMAL, NULL, &b);
	review_shared(&b, rv, row);
	add_buf(view, w, UI_C_WARNING, NULL, &b);
	if (row->running)
		ui_view_add(view, w, UI_C_NORMAL, 0, NULL, advice(row));
	ui_view_blank(view);
	ui_view_add(view, w, UI_C_DIM, 0, NULL,
		    "These are your own daily ratings: they show how the pain "
		    "went during the trial, not for certain what caused it. "
		    "The verdict only advises; you decide.");
}
