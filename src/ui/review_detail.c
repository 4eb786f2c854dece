/* review_detail.c: the selected trial of the review screen in words and
 * figures: dates, adherence, the means before and during, the change, the
 * verdict with its grounds or what it lacks, the person's own impression
 * at its end, the immediate effect and the trials it shared days with. The
 * sentences come from review_text.c. */
#include <stdlib.h>
#include <string.h>

#include "content.h"
#include "ui_review_int.h"
#include "util.h"

#define PERCENT 100
/* Figures on this screen: one decimal, as the Why line shows them. */
#define VIEW_DECIMALS 1

int
ui_review_trial_days(const struct ui *ui, const struct review_row *row)
{
	const struct approach *a = content_approach(ui->pack, row->approach);

	return a != NULL ? a->trial_days : 0;
}

int
ui_review_due(const struct ui *ui, const struct review_row *row)
{
	int of = ui_review_trial_days(ui, row);

	return row->running && of > 0 && row->result.days >= of;
}

const char *
ui_review_outcome_words(enum store_outcome o)
{
	switch (o) {
	case OUTCOME_HELPED:
		return "helped";
	case OUTCOME_NO_CHANGE:
		return "no change";
	case OUTCOME_WORSE:
		return "worse";
	case OUTCOME_STOPPED:
		return "stopped";
	case OUTCOME_NONE:
		break;
	}
	return "no outcome recorded";
}

static const char *
plural(int n, const char *one, const char *many)
{
	return n == 1 ? one : many;
}

enum store_outcome
ui_review_suggested(const struct review_row *row)
{
	switch (row->result.verdict) {
	case VERDICT_SUBSTANTIAL:
	case VERDICT_MEANINGFUL:
		return OUTCOME_HELPED;
	case VERDICT_WORSE:
		return OUTCOME_WORSE;
	case VERDICT_NO_CHANGE:
		return OUTCOME_NO_CHANGE;
	case VERDICT_LOW_PRACTICE:
	case VERDICT_TOO_EARLY:
	case VERDICT_NO_BASELINE:
	case VERDICT_UNCLEAR:
		break;
	}
	return OUTCOME_STOPPED;
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
add_dates(struct ui_view *view, const struct ui *ui, int w,
	  const struct review_row *row)
{
	int days = row->result.days, of = ui_review_trial_days(ui, row);

	if (!row->running)
		ui_view_addf(view, w, UI_C_NORMAL, 0,
			     "Ran %s to %s, %d %s, with %d %s. Recorded "
			     "outcome: %s.",
			     row->started_on, row->ended_on, days,
			     plural(days, "day", "days"), row->checkins,
			     plural(row->checkins, "check-in", "check-ins"),
			     ui_review_outcome_words(row->outcome));
	else if (of > 0)
		ui_view_addf(
		    view, w,
		    ui_review_due(ui, row) ? UI_C_WARNING : UI_C_NORMAL, 0,
		    "Running since %s: day %d of %d%s, %d %s.", row->started_on,
		    days, of,
		    ui_review_due(ui, row) ? ", its trial days are up" : "",
		    row->checkins,
		    plural(row->checkins, "check-in", "check-ins"));
	else
		ui_view_addf(view, w, UI_C_NORMAL, 0,
			     "Running since %s: day %d (open-ended), %d %s.",
			     row->started_on, days, row->checkins,
			     plural(row->checkins, "check-in", "check-ins"));
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

/* "Change: 2.7 points lower, 45% less than before." Points and percent
 * are cut toward zero, as the Why line (analysis_explain()) cuts them. */
static void
change_text(struct buf *b, const struct review_row *row,
	    const struct review_figures *f)
{
	const struct analysis_result *r = &row->result;
	/* What the verdict compared: windows, or a flare-up tool's sessions. */
	const struct analysis_change *x = &r->pain;
	long long bs = x->before_sum;
	long long bn = x->before_n;
	long long num = bs * x->during_n - (long long)x->during_sum * bn;
	char pts[REVIEW_FIGURE_LEN], pct[REVIEW_FIGURE_LEN];

	if (f->change[0] == '\0') {
		buf_adds(b, "Change:       not worked out until the trial can "
			    "be judged.");
		return;
	}
	if (num == 0) {
		buf_adds(b, "Change:       none, the same as before.");
		return;
	}
	/* One decimal, cut toward zero: the figure the Why line gives. */
	review_fraction(num < 0 ? -num : num, bn * x->during_n, VIEW_DECIMALS,
			1, pts);
	buf_printf(b, "Change:       %s points %s", pts,
		   num > 0 ? "lower" : "higher");
	if (bs > 0) {
		review_fraction(PERCENT * (num < 0 ? -num : num),
				bs * x->during_n, 0, 1, pct);
		buf_printf(b, ", %s%% %s than before", pct,
			   num > 0 ? "less" : "more");
	}
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
	if (r->during_n == 0)
		buf_adds(&b, "Pain during:  no check-in ");
	else
		buf_printf(&b, "Pain during:  %s, the mean of %d %s ", during,
			   r->during_n,
			   plural(r->during_n, "check-in", "check-ins"));
	if (r->days <= r->settle_days)
		buf_printf(&b, "while it settles in (%d %s).", r->settle_days,
			   plural(r->settle_days, "day", "days"));
	else
		buf_printf(&b, "from day %d on.", r->settle_days + 1);
	add_buf(view, w, UI_C_NORMAL, NULL, &b);
	change_text(&b, row, f);
	add_buf(view, w, UI_C_NORMAL, NULL, &b);
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
		 const struct review *rv, const struct review_row *row)
{
	int w = ui_text_width(ui);
	struct review_figures f;
	struct buf b;

	review_figures(row, &f);
	buf_init(&b);
	ui_view_clear(view);
	ui_view_addf(view, w, UI_C_HEADING, 0, "%s%s", review_row_name(row),
		     row->wildcard ? "  (any time)" : "");
	add_dates(view, ui, w, row);
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
