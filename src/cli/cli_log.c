/*
 * cli_log.c: practice, start and stop, which write the log through the
 * program, and due. Each has every value checked before it opens the log,
 * so a refused command creates and writes nothing (checkin is in
 * cli_checkin.c).
 */
#include "cli_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "app.h"
#include "cli_opt_int.h"
#include "content.h"
#include "day.h"
#include "program.h"
#include "review.h"
#include "util.h"

#define DUE_EXIT_DONE 1 /* `due` when today is checked in */

/* When a yes that holds stands and the session was logged all the same
 * (--anyway, or for a day before the hold), a note on stderr that the
 * approaches wait for a doctor's check. 0, or the code of a log that
 * cannot be read. */
static int
practice_hold_note(struct app *app)
{
	struct program_safety safety;
	const struct program_flag *f;
	char *cause = NULL;
	struct buf b;
	int rc;

	if ((rc = program_safety_load(app->pack, app->store, app->today,
				      &safety, &cause)) != 0)
		return cli_opt_cause("practice", rc, cause);
	f = program_safety_first(&safety, PROGRAM_FLAG_HOLDS);
	if (f != NULL) {
		buf_init(&b);
		util_escape(&b, f->flag->question);
		fprintf(
		    stderr,
		    "backpain: practice: logged; the approaches are on hold "
		    "until a doctor has checked your yes to \"%s\" "
		    "(answered %s); then: backpain safety --checked %s.\n",
		    b.data != NULL ? b.data : "", f->asked_on, f->flag->id);
		buf_free(&b);
	}
	program_safety_free(&safety);
	return 0;
}

/* The program's refusal of a session, in the words of the command line. */
static int
practice_refused(int rc, const struct program_bad *bad, const char *id,
		 char *cause)
{
	if (bad->field == PROGRAM_FIELD_PRACTICE) {
		rc = cli_opt_bad("practice", "PRACTICE", id, cause);
		free(cause);
		return rc;
	}
	if (bad->field == PROGRAM_FIELD_DAY) {
		cli_fail(rc, "practice: --date: %s", cause);
		free(cause);
		return rc;
	}
	return cli_opt_cause("practice", rc, cause);
}

int
cli_cmd_practice(struct app *app, int argc, char **argv)
{
	static const struct option opts[] = {
	    {"minutes", required_argument, NULL, CLI_OPT_MINUTES},
	    {"before", required_argument, NULL, CLI_OPT_BEFORE},
	    {"after", required_argument, NULL, CLI_OPT_AFTER},
	    {"date", required_argument, NULL, CLI_OPT_DATE},
	    {"anyway", no_argument, NULL, CLI_OPT_ANYWAY},
	    CLI_COMMON_OPTIONS,
	};
	const char *minutes = NULL, *before = NULL, *after = NULL;
	const char *date = NULL, *id = NULL;
	struct program_session s = {0};
	struct program_bad bad;
	char *cause = NULL;
	long m;
	int c, rc, anyway = 0;

	opterr = 0;
	while ((c = getopt_long(argc, argv, CLI_OPT_STRING, opts, NULL)) !=
	       -1) {
		switch (c) {
		case CLI_OPT_MINUTES:
			minutes = optarg;
			break;
		case CLI_OPT_BEFORE:
			before = optarg;
			break;
		case CLI_OPT_AFTER:
			after = optarg;
			break;
		case CLI_OPT_DATE:
			date = optarg;
			break;
		case CLI_OPT_ANYWAY:
			anyway = 1;
			break;
		default:
			if ((rc = cli_opt_other(app, "practice", c, argv)) >= 0)
				return rc;
		}
	}
	if ((rc = cli_opt_operand("practice", "PRACTICE", argc, argv, &id)) !=
	    0)
		return rc;
	s.practice = id;
	s.minutes = s.pain_before = s.pain_after = ENTRY_NONE;
	if (minutes != NULL &&
	    util_parse_int(minutes, 1, SESSION_MINUTES_MAX, &m) != 0) {
		char *why = xasprintf("use a whole number of minutes from 1 "
				      "to %d (a day)",
				      SESSION_MINUTES_MAX);

		rc = cli_opt_bad("practice", "--minutes", minutes, why);
		free(why);
		return rc;
	}
	if (minutes != NULL)
		s.minutes = (int)m;
	if ((before != NULL && (rc = cli_opt_rating("practice", "--before",
						    before, &s.pain_before))) ||
	    (after != NULL && (rc = cli_opt_rating("practice", "--after", after,
						   &s.pain_after))))
		return rc;
	if ((rc = cli_pack(app)) != 0)
		return rc;
	if ((rc = cli_opt_day(app, "practice", date, s.day)) != 0)
		return rc;
	if ((rc = program_session_check(app->pack, app->today, &s, &bad,
					&cause)) != 0)
		return practice_refused(rc, &bad, id, cause);
	if ((rc = cli_store(app)) != 0)
		return rc;
	/* On a day a safety hold stands on, the practices wait: nothing is
	 * logged unless the person says it was done all the same. */
	if (!anyway &&
	    (rc = program_practice_allows(app->pack, app->store, s.day,
					  app->today, &cause)) != 0) {
		if (rc != PROGRAM_REFUSED)
			return cli_opt_cause("practice", rc, cause);
		cli_fail(rc,
			 "practice: %s. Nothing logged. A session done all the "
			 "same: backpain practice %s --anyway",
			 cause, s.practice);
		free(cause);
		return rc;
	}
	if ((rc = program_session_add(app->pack, app->store, app->today, &s,
				      &bad, &cause)) != 0)
		return practice_refused(rc, &bad, id, cause);
	printf("Logged %s on %s: %d min", s.practice, s.day, s.minutes);
	if (s.pain_before != ENTRY_NONE && s.pain_after != ENTRY_NONE)
		printf(", pain %d -> %d", s.pain_before, s.pain_after);
	else if (s.pain_before != ENTRY_NONE)
		printf(", pain before %d", s.pain_before);
	else if (s.pain_after != ENTRY_NONE)
		printf(", pain after %d", s.pain_after);
	puts(".");
	return practice_hold_note(app);
}

enum stop_mode { STOP_END, STOP_KEEP, STOP_DROP };

/*
 * Parses start's and stop's options: APPROACH, --date, and for stop only
 * (when outcome is not NULL) --outcome, --impression (*impression is
 * ENTRY_NONE without one), --keep and --drop; then opens the log. Returns
 * -1 when all is ready, else the exit status to return at once (0 after
 * --help).
 */
static int
trial_args(struct app *app, const char *cmd, int argc, char **argv,
	   const char **idp, char day[DAY_LEN], enum outcome *outcome,
	   int *impression, enum stop_mode *mode)
{
	static const struct option start_opts[] = {
	    {"date", required_argument, NULL, CLI_OPT_DATE},
	    CLI_COMMON_OPTIONS,
	};
	static const struct option stop_opts[] = {
	    {"date", required_argument, NULL, CLI_OPT_DATE},
	    {"outcome", required_argument, NULL, CLI_OPT_OUTCOME},
	    {"impression", required_argument, NULL, CLI_OPT_IMPRESSION},
	    {"keep", no_argument, NULL, CLI_OPT_KEEP},
	    {"drop", no_argument, NULL, CLI_OPT_DROP},
	    CLI_COMMON_OPTIONS,
	};
	const struct option *opts = outcome != NULL ? stop_opts : start_opts;
	const char *date = NULL, *out = NULL, *id = NULL, *imp = NULL;
	char *cause = NULL;
	int c, rc, keep = 0, drop = 0;

	opterr = 0;
	while ((c = getopt_long(argc, argv, CLI_OPT_STRING, opts, NULL)) !=
	       -1) {
		if (c == CLI_OPT_DATE)
			date = optarg;
		else if (c == CLI_OPT_OUTCOME)
			out = optarg;
		else if (c == CLI_OPT_IMPRESSION)
			imp = optarg;
		else if (mode != NULL && c == CLI_OPT_KEEP)
			keep = 1;
		else if (mode != NULL && c == CLI_OPT_DROP)
			drop = 1;
		else if ((rc = cli_opt_other(app, cmd, c, argv)) >= 0)
			return rc;
	}
	if ((rc = cli_opt_operand(cmd, "APPROACH", argc, argv, &id)) != 0)
		return rc;
	if (keep && drop)
		return cli_usage_error(cmd, "--keep and --drop do not go "
					    "together");
	if (drop && (out != NULL || imp != NULL))
		return cli_usage_error(cmd, "--drop ends a habit, whose trial "
					    "already has its outcome; leave "
					    "out --outcome and --impression");
	if (mode != NULL)
		*mode = keep ? STOP_KEEP : drop ? STOP_DROP : STOP_END;
	if (outcome != NULL) {
		/* Keeping it says it helped enough to keep. */
		*outcome = keep ? OUTCOME_HELPED : OUTCOME_STOPPED;
		if (out != NULL && (outcome_parse(out, outcome) != 0 ||
				    *outcome == OUTCOME_NONE))
			return cli_opt_bad(cmd, "--outcome", out,
					   "use helped, no-change, worse or "
					   "stopped");
		*impression = ENTRY_NONE;
		if (imp != NULL && impression_parse(imp, impression) != 0)
			return cli_opt_bad(
			    cmd, "--impression", imp,
			    "use 1 (very much better) to 7 (very much worse), "
			    "or very-much-better, much-better, "
			    "a-little-better, "
			    "no-change, a-little-worse, much-worse or "
			    "very-much-worse");
	}
	if ((rc = cli_pack(app)) != 0)
		return rc;
	/* stop may end a trial of an approach the pack lacks: the program
	 * looks in the log for it. */
	if (outcome == NULL && program_approach(app->pack, id, &cause) == NULL)
		return cli_opt_cause(cmd, EX_DATAERR, cause);
	*idp = id;
	if ((rc = cli_opt_day(app, cmd, date, day)) != 0 ||
	    (rc = cli_store(app)) != 0)
		return rc;
	return -1;
}

int
cli_cmd_start(struct app *app, int argc, char **argv)
{
	const struct approach *a;
	const char *shared = NULL, *id = NULL;
	struct program_safety safety;
	struct program_plan plan;
	const struct program_step *pausing;
	const char *pausing_id;
	char day[DAY_LEN], since[DAY_LEN], *cause = NULL, *moment;
	struct buf late;
	int rc, recheck, before, recalled, stale;

	if ((rc = trial_args(app, "start", argc, argv, &id, day, NULL, NULL,
			     NULL)) >= 0)
		return rc;
	a = content_approach(app->pack, id);
	if ((rc = program_safety_load(app->pack, app->store, day, &safety,
				      &cause)) != 0)
		return cli_opt_cause("start", rc, cause);
	/* The emergency questions come back with each new approach: offered
	 * here, not forced (a refusal says what stops the start instead). */
	since[0] = '\0';
	if (safety.since[0] != '\0' && strcmp(safety.since, day) < 0)
		memcpy(since, safety.since, DAY_LEN);
	recheck = safety.emergency_due;
	stale = safety.stale;
	program_safety_free(&safety);
	if ((rc = program_baseline_counts(app->store, day, &before, &recalled,
					  &cause)) != 0)
		return cli_opt_cause("start", rc, cause);
	/* Another trial's pause week under way, as of before the start. */
	if ((rc = program_plan_load(app->pack, app->store, day, &plan,
				    &cause)) != 0)
		return cli_opt_cause("start", rc, cause);
	pausing = program_plan_pausing(&plan, a);
	pausing_id = pausing != NULL ? pausing->approach->id : NULL;
	program_plan_free(&plan);
	rc = program_start(app->pack, app->store, a->id, day, &shared, &cause);
	if (rc != 0)
		return cli_opt_cause("start", rc, cause);
	if (pausing_id != NULL)
		fprintf(stderr,
			"backpain: start: %s is in its pause week or the days "
			"back after it: %s now mixes with it, and the pause "
			"can no longer tell whether %s helped (the review "
			"will call it unclear).\n",
			pausing_id, a->id, pausing_id);
	/* A flare-up tool is judged by its sessions, not by a baseline. */
	if (!a->flare_tool && before < ANALYSIS_BEFORE_MIN_CHECKINS)
		fprintf(stderr,
			"backpain: start: this trial will have no baseline to "
			"compare with: the %d days before %s have %d of the %d "
			"ratings needed, so its effect cannot be judged.\n",
			ANALYSIS_BEFORE_DAYS, day, before,
			ANALYSIS_BEFORE_MIN_CHECKINS);
	/* Said whether or not enough are left: the verdict will not read
	 * them (review.h). */
	if (!a->flare_tool && recalled > 0) {
		buf_init(&late);
		review_recalled(&late, recalled);
		fprintf(stderr,
			"backpain: start: in the %d days before %s, %s\n",
			ANALYSIS_BEFORE_DAYS, day, late.data);
		buf_free(&late);
	}
	if (since[0] != '\0')
		fprintf(stderr,
			"backpain: start: %sthe emergency safety questions "
			"were last answered on %s. Anything new since then? "
			"See them with backpain safety; answer again with "
			"backpain safety --answer FLAG=yes|no.\n",
			recheck ? "due again: " : "a new approach: ", since);
	/* An old answer let the start through: say so, never silently. */
	if (stale > 0)
		fprintf(stderr,
			"backpain: start: %d safety question%s changed since "
			"you answered; your earlier answers count until you "
			"answer again: see backpain safety.\n",
			stale, stale == 1 ? "" : "s");
	printf("Started %s on %s: ", a->id, day);
	if (a->trial_days > 0)
		printf("a trial of %d days.\n", a->trial_days);
	else
		puts("open-ended, no fixed length.");
	if (shared != NULL)
		printf("Note: %s is running too, so a change in pain cannot be "
		       "put down to either one alone.\n",
		       shared);
	moment = xasprintf(CONTENT_MOMENT_START "%s", a->id);
	cli_next_offers(app, (const char *const *)&moment, 1);
	free(moment);
	return 0;
}

int
cli_cmd_stop(struct app *app, int argc, char **argv)
{
	enum outcome outcome;
	const char *id = NULL;
	enum stop_mode mode;
	char day[DAY_LEN], *cause = NULL, *moment;
	int rc, impression;

	if ((rc = trial_args(app, "stop", argc, argv, &id, day, &outcome,
			     &impression, &mode)) >= 0)
		return rc;
	if (mode == STOP_DROP)
		rc = program_drop(app->pack, app->store, id, day, &cause);
	else if (mode == STOP_KEEP)
		rc = program_keep(app->pack, app->store, id, day, outcome,
				  &cause);
	else
		rc = program_stop(app->pack, app->store, id, day, outcome,
				  &cause);
	if (rc != 0)
		return cli_opt_cause("stop", rc, cause);
	/* Checked before the stop, so only the log itself can refuse it. */
	if (impression != ENTRY_NONE &&
	    (rc = program_impression(app->store, id, day, impression,
				     &cause)) != 0)
		return cli_opt_cause("stop", rc, cause);
	/* id was checked by the store or the pack: it holds no control
	 * character. */
	if (mode == STOP_DROP) {
		printf("Dropped the habit %s on %s.\n", id, day);
		return 0;
	}
	printf("Stopped %s on %s: %s", id, day, outcome_name(outcome));
	if (impression != ENTRY_NONE)
		printf("; your impression: %s", impression_name(impression));
	if (mode == STOP_KEEP)
		printf("; kept as a habit from %s: its practices stay on "
		       "today's list",
		       day);
	puts(".");
	moment = xasprintf(CONTENT_MOMENT_STOP "%s", id);
	cli_next_offers(app, (const char *const *)&moment, 1);
	free(moment);
	return 0;
}

int
cli_cmd_due(struct app *app, int argc, char **argv)
{
	static const struct option opts[] = {CLI_COMMON_OPTIONS};
	struct checkin c;
	char day[DAY_LEN], *cause = NULL;
	int opt, rc, found = 0;

	opterr = 0;
	while ((opt = getopt_long(argc, argv, CLI_OPT_STRING, opts, NULL)) !=
	       -1)
		if ((rc = cli_opt_other(app, "due", opt, argv)) >= 0)
			return rc;
	if (optind < argc)
		return cli_usage_error("due", "unexpected argument '%s'",
				       argv[optind]);
	if ((rc = cli_opt_day(app, "due", NULL, day)) != 0 ||
	    (rc = cli_store(app)) != 0)
		return rc;
	if ((rc = program_checkin_get(app->store, day, &c, &found, &cause)) !=
	    0)
		return cli_opt_cause("due", rc, cause);
	if (found) {
		checkin_clear(&c);
		return DUE_EXIT_DONE;
	}
	printf("Today's check-in is due (%s): backpain checkin N, with N "
	       "from 0 to 10.\n",
	       day);
	return 0;
}
