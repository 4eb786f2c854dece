/* cli_review.c: `backpain review` and `backpain report`. */
#include "cli_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sysexits.h>

#include "analysis.h"
#include "app.h"
#include "content.h"
#include "day.h"
#include "fmt.h"
#include "report.h"
#include "review.h"
#include "util.h"

/* Lines of the review table are folded at this many columns. */
#define REVIEW_WIDTH 78
#define REVIEW_INDENT "   "
#define PERCENT 100
/* Bytes below this are control characters. */
#define ASCII_SPACE 0x20
#define ASCII_DEL 0x7f

enum review_format { FORMAT_TABLE, FORMAT_CSV, FORMAT_JSON };

static const char review_help[] =
    "Judges every trial of an approach, oldest first: the mean of your\n"
    "daily pain in the 14 days before it started against the mean of its\n"
    "days after settling in (7 unless the pack says otherwise; a running\n"
    "trial up to today), and calls a change only when it passes the\n"
    "threshold and is larger than the day-to-day ups and downs. A\n"
    "flare-up tool is judged by pain before and after its sessions.\n"
    "doc/verdicts.md has the rule and its formulas.\n"
    "\n"
    "  --format table   verdicts explained in words (the default)\n"
    "  --format csv     one row per trial, with the header\n"
    "      approach,started,ended,days,checkins,adherence,before_mean,\n"
    "      during_mean,change,change_pct,verdict,change_se,nap,more_days,\n"
    "      reference,interference_change,interference_verdict,impression,\n"
    "      chance_lower,chance_helped,chance_worse,confirmation\n"
    "  --format json    an array of objects with those fields and more\n"
    "\n"
    "ended is empty while the trial runs. checkins counts the check-ins on\n"
    "the trial's days. adherence is the share of its days with a practice\n"
    "logged, empty for an approach without practices. before_mean is the\n"
    "level the trial is judged from: the mean of the 14 days before the\n"
    "start (5 check-ins needed; a usual-pain rating never stands in), or\n"
    "of the days before a flare, or of the last 7 days when pain was\n"
    "already falling (reference says which: baseline, longer-run, recent,\n"
    "sessions). during_mean is the mean from the day after settling in,\n"
    "empty without a check-in there. change is before_mean - during_mean\n"
    "(positive: less pain) and change_pct is change / before_mean; both are\n"
    "empty until the trial can be judged (too-early, no-baseline), and\n"
    "change_pct also when the baseline is 0. change_se is the standard\n"
    "error of change, allowing for bad days following bad days; nap the\n"
    "share of pairs of days, one before and one during, with less pain\n"
    "during; more_days, for unclear, about how many more rated days would\n"
    "settle it. interference_change and interference_verdict judge the\n"
    "interference ratings the same way, with a 1-point threshold.\n"
    "impression is your own answer at the end (stop --impression), from\n"
    "very-much-better to very-much-worse. chance_lower, chance_helped and\n"
    "chance_worse are the chances, from 0 to 1, that pain truly fell at\n"
    "all, fell by the helped threshold (2 points or 30%), and rose by the\n"
    "worse threshold, from the same change and noise and a prior centred on\n"
    "no change; empty as change is. confirmation is what a pause week\n"
    "showed (backpain pause): confirmed (pain rose clearly while it was\n"
    "stopped and fell again), not-confirmed (it did not: the fall may not\n"
    "have been the approach), unclear, pending (paused, or back on it\n"
    "fewer days than it was paused); empty when no pause was taken. A\n"
    "paused trial's verdict is as of the day before the pause.\n"
    "Figures have 2 decimals; means are rounded, while adherence, change and\n"
    "change_pct are cut toward zero so that none reads as reaching a\n"
    "threshold it missed. Verdicts: substantial, meaningful (helped),\n"
    "worse, unclear, no-change, low-practice, too-early, no-baseline. JSON\n"
    "adds title, running, outcome, practised_days, baseline (\"checkins\"\n"
    "or null), before_checkins, during_checkins, explanation,\n"
    "immediate_sessions, immediate_change (mean of pain after minus pain\n"
    "before a session), overlap_days, overlaps, trial (false for a\n"
    "flare-up tool's sessions outside a trial, a row of their own after\n"
    "the trials, with tool_sessions), habit (kept as a habit from it),\n"
    "flare_days_before and flare_days_during (flare-up days among the days\n"
    "compared); absent values are null.\n"
    "With no trial, the table says so, CSV is the header alone and JSON is\n"
    "[].\n";

static const char report_help[] =
    "A one-page summary of the log for a physical therapist: usual pain at\n"
    "the start, the safety questions answered yes, every approach tried\n"
    "with its figures and verdict, the pain curve and the latest notes.\n"
    "\n"
    "  --format text       plain text (the default)\n"
    "  --format markdown   Markdown\n"
    "  --format html       one HTML file with an inline chart, for printing\n"
    "  -o FILE, --output FILE\n"
    "                      write to FILE (mode 0600) instead of stdout,\n"
    "                      whole or not at all (- is stdout; a symbolic\n"
    "                      link is refused); without --format, a name\n"
    "                      ending in .html, .htm or .md (any case) picks\n"
    "                      the format\n";

static int
help(const char *cmd, const char *text)
{
	printf("usage: backpain %s\n\n%s", cli_command_usage(cmd), text);
	return 0;
}

/* Loads what both commands need and the user's today. */
static int
prepare(struct app *app, char today[DAY_LEN])
{
	int rc;

	if ((rc = cli_config(app)) != 0 || (rc = cli_pack(app)) != 0 ||
	    (rc = cli_store(app)) != 0)
		return rc;
	day_today(app->config.day_start, today);
	return 0;
}

/* A figure, or null when it does not exist. */
static void
json_figure(struct buf *b, const char *key, const char *fig)
{
	buf_printf(b, ",\"%s\":%s", key, fig[0] != '\0' ? fig : "null");
}

static void
review_csv(struct buf *b, const struct review *rv, enum fmt_csv how)
{
	size_t i;

	buf_adds(b, "approach,started,ended,days,checkins,adherence,"
		    "before_mean,during_mean,change,change_pct,verdict,"
		    "change_se,nap,more_days,reference,interference_change,"
		    "interference_verdict,impression,chance_lower,"
		    "chance_helped,chance_worse,confirmation\n");
	for (i = 0; i < rv->nrows; i++) {
		const struct review_row *row = &rv->rows[i];
		struct review_figures f;

		review_figures(row, &f);
		fmt_csv(b, row->approach, how);
		buf_printf(b, ",%s,%s,%d,%d,%s,%s,%s,%s,%s,%s", row->started_on,
			   row->ended_on, row->result.days, row->checkins,
			   f.adherence, f.before_mean, f.during_mean, f.change,
			   f.change_pct,
			   analysis_verdict_name(row->result.verdict));
		buf_printf(b, ",%s,%s,%s,%s,%s,%s,%s", f.change_se, f.nap,
			   f.more_days, f.reference, f.interference_change,
			   f.interference_verdict, f.impression);
		buf_printf(b, ",%s,%s,%s,%s\n", f.chance_lower, f.chance_helped,
			   f.chance_worse, f.confirmation);
	}
}

static const char *
baseline_name(const struct analysis_result *r)
{
	if (!r->has_baseline)
		return "null";
	return "\"checkins\"";
}

static void
review_json_row(struct buf *b, const struct review *rv,
		const struct review_row *row)
{
	const struct analysis_result *r = &row->result;
	struct review_figures f;
	struct buf text;
	size_t i;

	review_figures(row, &f);
	buf_adds(b, "{\"approach\":");
	fmt_json_string(b, row->approach);
	buf_adds(b, ",\"title\":");
	fmt_json_string(b, row->title);
	buf_printf(b, ",\"started\":\"%s\",\"ended\":", row->started_on);
	fmt_json_string(b, row->running ? NULL : row->ended_on);
	buf_printf(
	    b, ",\"running\":%s,\"outcome\":", row->running ? "true" : "false");
	fmt_json_string(b, row->outcome == OUTCOME_NONE
			       ? NULL
			       : outcome_name(row->outcome));
	buf_printf(b, ",\"days\":%d,\"checkins\":%d", r->days, row->checkins);
	if (r->has_adherence)
		buf_printf(b, ",\"practised_days\":%d", r->practised_days);
	else
		buf_adds(b, ",\"practised_days\":null");
	json_figure(b, "adherence", f.adherence);
	buf_printf(b, ",\"baseline\":%s,\"before_checkins\":%d",
		   baseline_name(r), r->before_n);
	json_figure(b, "before_mean", f.before_mean);
	buf_printf(b, ",\"during_checkins\":%d", r->during_n);
	json_figure(b, "during_mean", f.during_mean);
	json_figure(b, "change", f.change);
	json_figure(b, "change_pct", f.change_pct);
	buf_printf(b, ",\"verdict\":\"%s\"", analysis_verdict_name(r->verdict));
	json_figure(b, "change_se", f.change_se);
	json_figure(b, "nap", f.nap);
	json_figure(b, "more_days", f.more_days);
	buf_adds(b, ",\"reference\":");
	fmt_json_string(b, f.reference[0] != '\0' ? f.reference : NULL);
	json_figure(b, "interference_change", f.interference_change);
	buf_adds(b, ",\"interference_verdict\":");
	fmt_json_string(b, f.interference_verdict[0] != '\0'
			       ? f.interference_verdict
			       : NULL);
	buf_adds(b, ",\"impression\":");
	fmt_json_string(b, f.impression[0] != '\0' ? f.impression : NULL);
	buf_adds(b, ",\"explanation\":");
	buf_init(&text);
	review_explain(&text, row);
	fmt_json_string(b, text.data != NULL ? text.data : "");
	buf_free(&text);
	buf_printf(b, ",\"immediate_sessions\":%d", r->immediate_n);
	json_figure(b, "immediate_change", f.immediate);
	buf_printf(b, ",\"overlap_days\":%d,\"overlaps\":[", r->overlap_days);
	for (i = 0; i < row->noverlaps; i++) {
		if (i > 0)
			buf_addc(b, ',');
		fmt_json_string(b, rv->rows[row->overlaps[i]].approach);
	}
	buf_addc(b, ']');
	json_figure(b, "chance_lower", f.chance_lower);
	json_figure(b, "chance_helped", f.chance_helped);
	json_figure(b, "chance_worse", f.chance_worse);
	buf_adds(b, ",\"confirmation\":");
	fmt_json_string(b, f.confirmation[0] != '\0' ? f.confirmation : NULL);
	buf_printf(b,
		   ",\"trial\":%s,\"habit\":%s,\"flare_days_before\":%d,"
		   "\"flare_days_during\":%d",
		   row->tool_use ? "false" : "true",
		   row->habit && row->habit_dropped[0] == '\0' ? "true"
							       : "false",
		   row->flare_before, row->flare_during);
	if (row->tool_use)
		buf_printf(b, ",\"tool_sessions\":%d", row->tool_sessions);
	buf_addc(b, '}');
}

static void
review_json(struct buf *b, const struct review *rv)
{
	size_t i;

	buf_addc(b, '[');
	for (i = 0; i < rv->nrows; i++) {
		buf_adds(b, i > 0 ? ",\n " : "\n ");
		review_json_row(b, rv, &rv->rows[i]);
	}
	buf_adds(b, rv->nrows > 0 ? "\n]\n" : "]\n");
}

/* Whether util_escape() would hand s back unchanged: printable ASCII
 * without a backslash, as most sentences are. */
static int
plain(const char *s, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++)
		if (s[i] < ASCII_SPACE || s[i] >= ASCII_DEL || s[i] == '\\')
			return 0;
	return 1;
}

/* Folds one sentence (or several) held in t, then empties t. They may
 * quote the pack's titles, so control characters are escaped here. */
static void
fold(struct buf *b, struct buf *t)
{
	struct buf esc;

	if (t->len > 0 && plain(t->data, t->len)) {
		review_wrap(b, t->data, REVIEW_INDENT, REVIEW_WIDTH);
	} else if (t->len > 0) {
		buf_init(&esc);
		util_escape(&esc, t->data);
		review_wrap(b, esc.data, REVIEW_INDENT, REVIEW_WIDTH);
		buf_free(&esc);
	}
	buf_free(t);
}

static void
table_dates(struct buf *t, const struct review *rv,
	    const struct review_row *row)
{
	if (row->tool_use) {
		buf_adds(t, "A flare-up tool ");
		program_tool_words(t, row->tool_sessions, row->ended_on);
		buf_printf(t,
			   ", outside a trial (the first on %s): judged by "
			   "those sessions, as a trial of it is.",
			   row->started_on);
	} else {
		review_row_span(t, rv, row);
		if (row->running)
			buf_adds(t, ", running.");
		else if (row->habit && row->habit_dropped[0] == '\0')
			buf_printf(t, ", %s since %s.", review_row_state(row),
				   row->habit_since);
		else if (row->outcome != OUTCOME_NONE)
			buf_printf(t, ", ended as: %s.", review_row_state(row));
		else
			buf_adds(t, ", ended.");
	}
	if (row->paused)
		buf_printf(t,
			   " Paused while a safety question holds (since "
			   "%s).",
			   row->paused_since);
	if (row->in_week)
		buf_printf(t,
			   " Paused since %s, to see whether the pain comes "
			   "back.",
			   row->week_from);
}

static void
table_practice(struct buf *t, const struct review_row *row)
{
	const struct analysis_result *r = &row->result;

	buf_printf(t, "%d %s during the trial.", row->checkins,
		   row->checkins == 1 ? "check-in" : "check-ins");
	if (r->has_adherence)
		buf_printf(t, " Practised on %d of %d %s (%d%%).",
			   r->practised_days, r->days,
			   r->days == 1 ? "day" : "days",
			   PERCENT * r->practised_days / r->days);
	else
		buf_adds(t, " No practices to log for it.");
}

static void
table_means(struct buf *t, const struct review_row *row,
	    const struct review_figures *f)
{
	const struct analysis_result *r = &row->result;
	size_t at;

	if (r->flare_tool) {
		if (r->has_change)
			buf_printf(t,
				   "Pain before its sessions: %s, after: %s "
				   "(%d sessions).",
				   f->before_mean, f->during_mean,
				   r->immediate_n);
		else
			buf_printf(t, "Sessions rated before and after: %d.",
				   r->immediate_n);
		return;
	}
	if (!r->has_baseline)
		buf_adds(t, "Pain before: not known.");
	else
		buf_printf(t, "Pain before: %s (%d %s).", f->before_mean,
			   r->before_n,
			   r->before_n == 1 ? "check-in" : "check-ins");
	buf_addc(t, ' ');
	at = t->len;
	if (review_settling(t, row)) {
		/* A sentence of its own. */
		if (t->data[at] >= 'a' && t->data[at] <= 'z')
			t->data[at] = (char)(t->data[at] - 'a' + 'A');
		buf_addc(t, '.');
		return;
	}
	buf_printf(t, "From day %d on: ", r->settle_days + 1);
	if (r->during_n > 0)
		buf_printf(t, "%s (%d %s).", f->during_mean, r->during_n,
			   r->during_n == 1 ? "check-in" : "check-ins");
	else
		buf_adds(t, "no check-in.");
}

static void
table_row(struct buf *b, const struct review *rv, size_t i)
{
	const struct review_row *row = &rv->rows[i];
	struct review_figures f;
	struct buf t, title;

	review_figures(row, &f);
	buf_init(&t);
	buf_init(&title);
	util_escape(&title, review_row_name(row));
	buf_printf(&t, "%zu. %s", i + 1, title.data);
	buf_free(&title);
	review_wrap(b, t.data, "", REVIEW_WIDTH);
	buf_free(&t);

	table_dates(&t, rv, row);
	fold(b, &t);
	if (!row->tool_use) {
		table_practice(&t, row);
		fold(b, &t);
	}
	table_means(&t, row, &f);
	fold(b, &t);
	review_flare_days(&t, row);
	fold(b, &t);
	buf_printf(&t, "Verdict: %s. %s",
		   analysis_verdict_name(row->result.verdict),
		   review_row_verdict_words(row));
	if (row->week_from[0] != '\0') {
		char last[DAY_LEN];

		day_from_number(row->result.end, last);
		buf_printf(&t,
			   " (As of %s, the day before the pause began on "
			   "%s.)",
			   last, row->week_from);
	}
	fold(b, &t);
	review_chance(&t, row);
	fold(b, &t);
	/* The pause week: what it showed, or the offer of one. */
	review_pause_words(&t, row);
	fold(b, &t);
	review_pause_offer(&t, row);
	if (row->offer_pause)
		buf_printf(&t,
			   " ('backpain pause %s' starts it, 'backpain "
			   "resume %s' ends it.)",
			   row->approach, row->approach);
	fold(b, &t);
	/* What too-early and no-baseline lack says more than their grounds. */
	if (row->result.verdict == VERDICT_TOO_EARLY ||
	    row->result.verdict == VERDICT_NO_BASELINE) {
		review_missing(&t, row);
	} else {
		buf_adds(&t, "Why: ");
		review_explain(&t, row);
		buf_addc(&t, '.');
	}
	fold(b, &t);
	review_impression(&t, row);
	fold(b, &t);
	review_shared(&t, rv, row);
	fold(b, &t);
	review_immediate(&t, row);
	fold(b, &t);
}

static void
review_table(struct buf *b, const struct review *rv)
{
	size_t i;

	if (rv->nrows == 0) {
		buf_adds(b,
			 "No trial yet, so there is nothing to review. Start "
			 "one with 'backpain start APPROACH'\n"
			 "('backpain pack list' shows the approaches); it "
			 "can be judged once it has run 7 days.\n");
		return;
	}
	buf_printf(b, "Which approach helped, as of %s\n", rv->today);
	review_wrap(b,
		    "Each trial compares your mean daily pain in the 14 days "
		    "before it started with the mean of its days after "
		    "settling in, and calls a change only when it is larger "
		    "than the day-to-day ups and downs. A flare-up tool is "
		    "judged by the pain before and after its sessions.",
		    "", REVIEW_WIDTH);
	for (i = 0; i < rv->nrows; i++) {
		buf_addc(b, '\n');
		table_row(b, rv, i);
	}
	buf_addc(b, '\n');
	review_wrap(b,
		    "These are your own daily ratings. A change during a trial "
		    "shows what happened, not for certain what caused it.",
		    "", REVIEW_WIDTH);
}

int
cli_cmd_review(struct app *app, int argc, char **argv)
{
	static const struct option opts[] = {
	    {"format", required_argument, NULL, 'f'},
	    CLI_COMMON_OPTIONS,
	};
	enum review_format format = FORMAT_TABLE;
	struct review rv;
	char today[DAY_LEN], *cause = NULL;
	struct buf b;
	int c, rc;

	while ((c = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
		if (cli_common_option(app, c, optarg))
			continue;
		switch (c) {
		case 'f':
			if (strcmp(optarg, "table") == 0)
				format = FORMAT_TABLE;
			else if (strcmp(optarg, "csv") == 0)
				format = FORMAT_CSV;
			else if (strcmp(optarg, "json") == 0)
				format = FORMAT_JSON;
			else
				return cli_usage_error(
				    "review",
				    "--format '%s': use table, csv or json",
				    optarg);
			break;
		case CLI_OPT_HELP:
			return help("review", review_help);
		case ':':
			return cli_usage_error("review", "%s needs a value",
					       argv[optind - 1]);
		default:
			return cli_usage_error("review", "unknown option '%s'",
					       argv[optind - 1]);
		}
	}
	if (optind < argc)
		return cli_usage_error("review", "unexpected '%s'",
				       argv[optind]);
	if ((rc = prepare(app, today)) != 0)
		return rc;
	rc = review_load(app->pack, app->store, today, &rv, &cause);
	if (rc != 0)
		return cli_fail_cause(rc, cause);
	buf_init(&b);
	if (format == FORMAT_CSV)
		review_csv(&b, &rv, fmt_csv_for(stdout));
	else if (format == FORMAT_JSON)
		review_json(&b, &rv);
	else
		review_table(&b, &rv);
	fwrite(b.data, 1, b.len, stdout);
	buf_free(&b);
	review_free(&rv);
	return 0;
}

/* Whether s ends with tail, in any case (x.HTM is HTML too). */
static int
ends_with(const char *s, const char *tail)
{
	size_t n = strlen(s), k = strlen(tail);

	return n >= k && strcasecmp(s + n - k, tail) == 0;
}

static int
report_output(struct app *app, enum report_format format, const char *path)
{
	struct report rp;
	struct buf b;
	char today[DAY_LEN], *cause = NULL;
	int rc;

	if ((rc = prepare(app, today)) != 0)
		return rc;
	rc = report_load(app->pack, app->store, today, &rp, &cause);
	if (rc != 0)
		return cli_fail_cause(rc, cause);
	buf_init(&b);
	report_format(&b, &rp, format);
	report_free(&rp);
	if (path == NULL) {
		fwrite(b.data, 1, b.len, stdout);
	} else {
		rc = report_save(path, b.data, b.len, &cause);
		if (rc != 0)
			rc = cli_fail_cause(rc, cause);
	}
	buf_free(&b);
	return rc;
}

int
cli_cmd_report(struct app *app, int argc, char **argv)
{
	static const struct option opts[] = {
	    {"format", required_argument, NULL, 'f'},
	    {"output", required_argument, NULL, 'o'},
	    CLI_COMMON_OPTIONS,
	};
	enum report_format format = REPORT_TEXT;
	const char *path = NULL;
	int c, chosen = 0;

	while ((c = getopt_long(argc, argv, ":o:", opts, NULL)) != -1) {
		if (cli_common_option(app, c, optarg))
			continue;
		switch (c) {
		case 'f':
			if (report_format_parse(optarg, &format) != 0)
				return cli_usage_error(
				    "report",
				    "--format '%s': use text, markdown or html",
				    optarg);
			chosen = 1;
			break;
		case 'o':
			if (*optarg == '\0')
				return cli_usage_error("report",
						       "-o needs a file name");
			/* "-" is standard output, as in most tools. */
			path = strcmp(optarg, "-") == 0 ? NULL : optarg;
			break;
		case CLI_OPT_HELP:
			return help("report", report_help);
		case ':':
			return cli_usage_error("report", "%s needs a value",
					       argv[optind - 1]);
		default:
			return cli_usage_error("report", "unknown option '%s'",
					       argv[optind - 1]);
		}
	}
	if (optind < argc)
		return cli_usage_error("report", "unexpected '%s'",
				       argv[optind]);
	if (!chosen && path != NULL) {
		if (ends_with(path, ".html") || ends_with(path, ".htm"))
			format = REPORT_HTML;
		else if (ends_with(path, ".md"))
			format = REPORT_MARKDOWN;
	}
	return report_output(app, format, path);
}
