/*
 * cli_view.c: the commands that read the log: status (one screenful),
 * history (table, CSV, JSON) and export. Text from the log is written by
 * the policy of fmt.h: escaped in tables, exact in JSON (with its controls
 * as JSON escapes), and in CSV exact unless stdout is a terminal.
 */
#include "cli_int.h"

#include <langinfo.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sysexits.h>
#include <wchar.h>

#include "app.h"
#include "cli_opt_int.h"
#include "content.h"
#include "day.h"
#include "fmt.h"
#include "program.h"
#include "util.h"

#define TABLE_COLUMNS 80	   /* history and status lines fit in this */
#define HISTORY_DEFAULT_DAYS 30	   /* history without --days or --all */
#define EARLIEST_DAY DAY_LOG_FIRST /* no day of a log is before it */

static int
locale_is_utf8(void)
{
	const char *cs = nl_langinfo(CODESET);

	return strcasecmp(cs, "UTF-8") == 0 || strcasecmp(cs, "utf8") == 0;
}

static int
char_width(uint32_t cp)
{
	int w = wcwidth((wchar_t)cp);

	return w < 0 ? 1 : w;
}

/*
 * Appends s, escaped, to b, cropped to at most cols screen columns; a
 * cropped text ends in an ellipsis.
 */
static void
add_cropped(struct buf *b, const char *s, int cols)
{
	struct buf e;
	const char *ell = locale_is_utf8() ? "\u2026" : "...";
	int ellw = locale_is_utf8() ? 1 : 3, w = 0, total = 0, cw;
	size_t i, n, fit = 0;
	uint32_t cp;

	buf_init(&e);
	util_escape(&e, s);
	if (e.data == NULL) {
		buf_free(&e);
		return;
	}
	for (i = 0; i < e.len; i += n) {
		/* util_escape() hands back well-formed UTF-8. */
		n = utf8_decode(e.data + i, e.len - i, &cp);
		if (n == 0)
			n = 1;
		cw = char_width(cp);
		if (total + cw <= cols - ellw)
			fit = i + n, w = total + cw;
		total += cw;
	}
	if (total <= cols)
		buf_add(b, e.data, e.len);
	else if (w + ellw <= cols) {
		buf_add(b, e.data, fit);
		buf_adds(b, ell);
	}
	buf_free(&e);
}

static void
status_step(const struct program_plan *plan, size_t i, int idw)
{
	const struct program_step *st = &plan->steps[i];
	struct buf b;

	printf("  %c %-*s  ", (int)i == plan->current ? '>' : ' ', idw,
	       st->approach->id);
	buf_init(&b);
	switch (st->state) {
	case PROGRAM_NOT_STARTED:
		if (st->tool_sessions == 0)
			fputs(program_state_name(st->state), stdout);
		break;
	case PROGRAM_RUNNING:
		if (st->day == 0 && !st->paused) {
			printf("starts %s, a day still to come",
			       st->started_on);
			break;
		}
		if (st->day == 0) {
			printf("no day counted yet, since %s", st->started_on);
			break;
		}
		/* Its count, past its length too, in the model's words. */
		buf_init(&b);
		program_step_day_words(&b, st);
		fputs(b.data, stdout);
		buf_free(&b);
		if (st->days == 0)
			fputs(", open-ended", stdout);
		printf(", since %s", st->started_on);
		if (st->review_due && st->day <= st->days)
			fputs(", review due", stdout);
		/* Its days on hold do not count (program_trial_days()). */
		if (!st->paused && st->held > 0)
			printf(", %d day%s on hold not counted", st->held,
			       st->held == 1 ? "" : "s");
		break;
	case PROGRAM_ENDED:
		if (st->habit)
			printf("%s since %s, practised on %d of %d day%s",
			       program_trial_words(0, 1, st->outcome),
			       st->habit_since, st->habit_practised,
			       st->habit_days, st->habit_days == 1 ? "" : "s");
		else
			printf("ended %s: %s", st->ended_on,
			       program_trial_words(0, 0, st->outcome));
		break;
	}
	if (st->tool_sessions > 0) {
		if (st->state != PROGRAM_NOT_STARTED)
			fputs("; ", stdout);
		program_tool_words(&b, st->tool_sessions, st->tool_last);
		fwrite(b.data, 1, b.len, stdout);
	}
	buf_free(&b);
	if (st->trials > 1)
		printf(" (%d tries)", st->trials);
	if (st->approach->wildcard)
		fputs(", any time", stdout);
	putchar('\n');
	/* A hold or its pause week: its days do not count (the model's
	 * words), and for the pause how to end it. */
	buf_init(&b);
	if (program_step_paused_words(&b, st, 0)) {
		printf("  %*s  %s", idw + 2, "", b.data);
		if (!st->paused)
			printf(": backpain resume %s", st->approach->id);
		putchar('\n');
	}
	buf_free(&b);
	if (st->state == PROGRAM_RUNNING && !st->week && st->confirming)
		printf("  %*s  back on it after a pause: the review judges the "
		       "pause once it has as many days back\n",
		       idw + 2, "");
}

static void
status_pain(const struct program_today *t)
{
	int utf8 = locale_is_utf8();
	size_t i;

	fputs("Pain       |", stdout);
	for (i = 0; i < PROGRAM_RECENT_DAYS; i++) {
		int p = t->recent[i].pain;

		if (p == ENTRY_NONE)
			putchar(' ');
		else
			fputs(util_pain_mark(p, utf8), stdout);
	}
	printf("| %d days to %s; ", PROGRAM_RECENT_DAYS, t->plan.today);
	if (t->has_mean)
		printf("7-day mean %.1f (%d check-ins)\n", t->mean, t->mean_n);
	else
		printf("7-day mean needs %d check-ins, has %d\n",
		       PROGRAM_MEAN_MIN_CHECKINS, t->mean_n);
}

/* A standing yes comes first, in the flag's own words. */
static void
status_safety(const struct program_safety *s)
{
	struct buf b;
	size_t i;

	for (i = 0; i < s->nflags; i++) {
		const struct program_flag *f = &s->flags[i];

		if (f->state != PROGRAM_FLAG_HOLDS &&
		    f->state != PROGRAM_FLAG_ADVICE)
			continue;
		buf_init(&b);
		util_escape(&b, f->flag->question);
		printf("%sYou answered yes on %s: %s\n",
		       f->state == PROGRAM_FLAG_HOLDS ? "ON HOLD    "
						      : "SEE DOCTOR ",
		       f->asked_on, b.data != NULL ? b.data : "");
		buf_free(&b);
		buf_init(&b);
		util_escape(&b, f->flag->advice);
		printf("           %s\n", b.data != NULL ? b.data : "");
		buf_free(&b);
		if (f->state == PROGRAM_FLAG_HOLDS)
			printf("           No approach starts, practices wait "
			       "and trials are paused until a doctor has "
			       "checked it; then: backpain safety --checked "
			       "%s\n",
			       f->flag->id);
		if (f->stale)
			puts("           (answered to an earlier wording of "
			     "this question: it still counts until answered "
			     "again)");
	}
	if (s->stale > 0)
		printf("SAFETY     %d safety question%s changed since you "
		       "answered: answer %s again (backpain safety)\n",
		       s->stale, s->stale == 1 ? "" : "s",
		       s->stale == 1 ? "it" : "them");
	if (s->unanswered > 0)
		printf("SAFETY     %d of %zu safety questions not answered: "
		       "no approach starts until they are (backpain "
		       "safety)\n",
		       s->unanswered, s->nflags);
}

static void
status_print(const struct program_today *t)
{
	const struct program_plan *plan = &t->plan;
	struct buf b;
	size_t i;
	int idw = 0, len;

	for (i = 0; i < plan->nsteps; i++)
		if ((len = (int)strlen(plan->steps[i].approach->id)) > idw)
			idw = len;
	status_safety(&t->safety);
	printf("Plan on %s\n", plan->today);
	for (i = 0; i < plan->nsteps; i++)
		status_step(plan, i, idw);
	if (plan->running > 1)
		puts("  (several approaches at once: a change in pain is "
		     "shared between them)");
	fputs("Today      ", stdout);
	if (t->checked_in) {
		printf("checked in: pain %d/10", t->checkin.pain);
		if (t->checkin.interference != ENTRY_NONE)
			printf(", interference %d/10", t->checkin.interference);
		putchar('\n');
		if (t->checkin.note != NULL) {
			buf_init(&b);
			add_cropped(&b, t->checkin.note, TABLE_COLUMNS - 11);
			printf("Note       %s\n", b.data != NULL ? b.data : "");
			buf_free(&b);
		}
	} else
		puts("not checked in yet");
	/* On hold the practices wait: none is to do (a check-in may still
	 * record one done). */
	if (t->held && t->npractices > 0)
		puts("Practice   none today: they wait while a safety question "
		     "holds");
	for (i = 0; !t->held && i < t->npractices; i++)
		printf("%s %s %d/%d%s%s", i == 0 ? "Practice  " : ",",
		       t->practices[i].practice->id, t->practices[i].done,
		       t->practices[i].practice->per_day,
		       t->practices[i].habit	? " (habit)"
		       : t->practices[i].flare	? " (flare-up)"
		       : t->practices[i].lesson ? " (lesson)"
						: "",
		       i + 1 == t->npractices ? "\n" : "");
	if (t->flare_since[0] != '\0')
		printf("Flare-up   since %s: backpain flare --over when it is "
		       "over\n",
		       t->flare_since);
	cli_next_lessons(&t->lessons, "Lesson     ", NULL, 0);
	for (i = 0; i < t->nwarnings; i++)
		printf("WARNING    %s: %s: %s\n", t->warnings[i]->id,
		       t->warnings[i]->warn_if, t->warnings[i]->warning);
	status_pain(t);
	fputs("Next       ", stdout);
	cli_next_print(t);
}

int
cli_cmd_status(struct app *app, int argc, char **argv)
{
	struct program_today t;
	char today[DAY_LEN], *cause = NULL;
	int rc;

	if ((rc = cli_opt_none(app, "status", argc, argv)) >= 0)
		return rc;
	if ((rc = cli_pack(app)) != 0 || (rc = cli_config(app)) != 0 ||
	    (rc = cli_store(app)) != 0)
		return rc;
	day_today(app->config.day_start, today);
	rc = program_today_load(app->pack, app->store, today, &t, &cause);
	if (rc != 0)
		return cli_opt_cause("status", rc, cause);
	status_print(&t);
	program_today_free(&t);
	return 0;
}

/* Whether day is a day of one of the flares: its computed days (program.h:
 * began_on and the days after it, one at least, as the TUI's History and
 * the report count them). */
static int
flare_day(const struct program_flares *fl, const char *day)
{
	size_t i;

	for (i = 0; i < fl->n; i++) {
		const struct program_flare *f = &fl->flares[i];

		if (strcmp(f->began_on, day) <= 0 &&
		    day_diff(f->began_on, day) < f->days)
			return 1;
	}
	return 0;
}

/* Whether the check-in's rating was recalled (program.h). */
static int
recalled(const struct checkin *c)
{
	return program_recalled(c->day, c->pain_set_at);
}

/* The check-ins as CSV: exact into a file or a pipe, escaped on a
 * terminal (fmt.h). flare: 1 on a day of a flare-up; recalled (the last
 * column): 1 for a rating entered more than PROGRAM_RECALL_DAYS days
 * after its day. */
static void
history_csv(const struct checkin *c, size_t n, const struct program_flares *fl)
{
	enum fmt_csv how = fmt_csv_for(stdout);
	struct buf b;
	size_t i;

	puts("day,pain,interference,note,flare,recalled");
	for (i = 0; i < n; i++) {
		buf_init(&b);
		buf_printf(&b, "%s,%d,", c[i].day, c[i].pain);
		if (c[i].interference != ENTRY_NONE)
			buf_printf(&b, "%d", c[i].interference);
		buf_addc(&b, ',');
		if (c[i].note != NULL)
			fmt_csv(&b, c[i].note, how);
		buf_printf(&b, ",%d,%d\n", flare_day(fl, c[i].day),
			   recalled(&c[i]));
		fwrite(b.data, 1, b.len, stdout);
		buf_free(&b);
	}
}

/* The check-ins as a JSON array of objects {"day", "pain",
 * "interference", "note", "flare", "recalled"}, notes exact (fmt.h). */
static void
history_json(const struct checkin *c, size_t n, const struct program_flares *fl)
{
	struct buf b;
	size_t i;

	buf_init(&b);
	buf_addc(&b, '[');
	for (i = 0; i < n; i++) {
		buf_printf(&b, "%s{\"day\":\"%s\",\"pain\":%d,", i ? "," : "",
			   c[i].day, c[i].pain);
		if (c[i].interference != ENTRY_NONE)
			buf_printf(&b, "\"interference\":%d,",
				   c[i].interference);
		else
			buf_adds(&b, "\"interference\":null,");
		buf_adds(&b, "\"note\":");
		fmt_json_string(&b, c[i].note);
		buf_printf(&b, ",\"flare\":%s,\"recalled\":%s}",
			   flare_day(fl, c[i].day) ? "true" : "false",
			   recalled(&c[i]) ? "true" : "false");
	}
	buf_adds(&b, "]\n");
	fwrite(b.data, 1, b.len, stdout);
	buf_free(&b);
}

static void
history_table(const struct checkin *c, size_t n, const char *from,
	      const char *to, const struct program_flares *fl)
{
	static const char plain[] = "day         pain  interference  ";
	static const char flares[] = "day         pain  interference  flare  ";
	const char *head = plain;
	struct buf b;
	size_t i;
	int any = 0, late = 0;

	if (n == 0) {
		if (from != NULL)
			printf("No check-ins from %s to %s.\n", from, to);
		else
			puts("No check-ins yet.");
		return;
	}
	/* The flare column only where there is one to show: a table is
	 * for people. */
	for (i = 0; i < n && !any; i++)
		any = flare_day(fl, c[i].day);
	if (any)
		head = flares;
	printf("%snote\n", head);
	for (i = 0; i < n; i++) {
		/* A recalled rating is marked in the room after it. */
		printf("%s  %4d%c ", c[i].day, c[i].pain,
		       recalled(&c[i]) ? '*' : ' ');
		late += recalled(&c[i]);
		if (c[i].interference != ENTRY_NONE)
			printf("%12d", c[i].interference);
		else
			printf("%12s", "-");
		if (any)
			printf("  %5s",
			       flare_day(fl, c[i].day) ? "flare" : "-");
		buf_init(&b);
		if (c[i].note != NULL)
			add_cropped(&b, c[i].note,
				    TABLE_COLUMNS - (int)strlen(head));
		if (b.data != NULL)
			printf("  %s", b.data);
		putchar('\n');
		buf_free(&b);
	}
	if (late > 0)
		printf("* entered more than %d days after its day: a recalled "
		       "rating, which the review leaves out (%d here)\n",
		       PROGRAM_RECALL_DAYS, late);
}

enum history_format { HISTORY_TABLE, HISTORY_CSV, HISTORY_JSON };

/* The first day of the last n days to today; NULL before EARLIEST_DAY. */
static const char *
history_from(const char *today, long n, char from[DAY_LEN])
{
	long long first = (long long)day_number(today) - (n - 1);

	if (first < day_number(EARLIEST_DAY))
		return NULL;
	day_from_number((int)first, from);
	return from;
}

int
cli_cmd_history(struct app *app, int argc, char **argv)
{
	static const struct option opts[] = {
	    {"days", required_argument, NULL, CLI_OPT_DAYS},
	    {"all", no_argument, NULL, CLI_OPT_ALL},
	    {"format", required_argument, NULL, CLI_OPT_FORMAT},
	    CLI_COMMON_OPTIONS,
	};
	enum history_format fmt = HISTORY_TABLE;
	const char *days = NULL, *format = NULL, *from = NULL;
	char today[DAY_LEN], first[DAY_LEN], *cause = NULL;
	struct checkin *c = NULL;
	struct program_flares fl;
	long n = HISTORY_DEFAULT_DAYS;
	size_t nc = 0;
	int opt, rc, all = 0;

	opterr = 0;
	while ((opt = getopt_long(argc, argv, CLI_OPT_STRING, opts, NULL)) !=
	       -1) {
		if (opt == CLI_OPT_DAYS)
			days = optarg;
		else if (opt == CLI_OPT_ALL)
			all = 1;
		else if (opt == CLI_OPT_FORMAT)
			format = optarg;
		else if ((rc = cli_opt_other(app, "history", opt, argv)) >= 0)
			return rc;
	}
	if (optind < argc)
		return cli_usage_error("history", "unexpected argument '%s'",
				       argv[optind]);
	if (all && days != NULL)
		return cli_usage_error("history",
				       "--days and --all do not go together");
	if (days != NULL && util_parse_int(days, 1, INT_MAX, &n) != 0)
		return cli_opt_bad("history", "--days", days,
				   "use a whole number of days, 1 or more, or "
				   "--all for every day");
	if (format == NULL || strcmp(format, "table") == 0)
		fmt = HISTORY_TABLE;
	else if (strcmp(format, "csv") == 0)
		fmt = HISTORY_CSV;
	else if (strcmp(format, "json") == 0)
		fmt = HISTORY_JSON;
	else
		return cli_opt_choice("history", "--format", format,
				      "use table, csv or json");
	if ((rc = cli_config(app)) != 0 || (rc = cli_store(app)) != 0)
		return rc;
	day_today(app->config.day_start, today);
	if (!all)
		from = history_from(today, n, first);
	rc = program_flares_load(NULL, app->store, today, &fl, &cause);
	if (rc != 0)
		return cli_opt_cause("history", rc, cause);
	rc = program_checkins_range(app->store, from, today, &c, &nc, &cause);
	if (rc != 0) {
		program_flares_free(&fl);
		return cli_opt_cause("history", rc, cause);
	}
	if (fmt == HISTORY_JSON)
		history_json(c, nc, &fl);
	else if (fmt == HISTORY_CSV)
		history_csv(c, nc, &fl);
	else
		history_table(c, nc, from, today, &fl);
	checkins_free(c, nc);
	program_flares_free(&fl);
	return 0;
}

int
cli_cmd_export(struct app *app, int argc, char **argv)
{
	static const struct option opts[] = {
	    {"format", required_argument, NULL, CLI_OPT_FORMAT},
	    CLI_COMMON_OPTIONS,
	};
	enum program_format fmt = PROGRAM_FORMAT_JSON;
	const char *format = NULL;
	char *cause = NULL;
	int opt, rc;

	opterr = 0;
	while ((opt = getopt_long(argc, argv, CLI_OPT_STRING, opts, NULL)) !=
	       -1) {
		if (opt == CLI_OPT_FORMAT)
			format = optarg;
		else if ((rc = cli_opt_other(app, "export", opt, argv)) >= 0)
			return rc;
	}
	if (optind < argc)
		return cli_usage_error("export", "unexpected argument '%s'",
				       argv[optind]);
	if (format != NULL && strcmp(format, "csv") == 0)
		fmt = PROGRAM_FORMAT_CSV;
	else if (format != NULL && strcmp(format, "json") != 0)
		return cli_opt_choice("export", "--format", format,
				      "use json or csv");
	/* Read only: a backup can be taken when nothing can be written,
	 * on a full disk. */
	app->read_only = 1;
	if ((rc = cli_store(app)) != 0)
		return rc;
	rc = program_export(app->store, fmt, stdout, &cause);
	return rc != 0 ? cli_opt_cause("export", rc, cause) : 0;
}
