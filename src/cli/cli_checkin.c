/*
 * cli_checkin.c: `backpain checkin`, the daily rating: parses the command
 * line into a program_checkin, has the program check it before the log is
 * opened (a refused check-in creates and writes nothing), saves it through
 * the program (which owns what a second check-in of a day replaces; see
 * program.h) and says what it saved or replaced.
 */
#include "cli_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>
#include <unistd.h>

#include "app.h"
#include "cli_ask_int.h"
#include "cli_opt_int.h"
#include "content.h"
#include "day.h"
#include "program.h"
#include "util.h"

/* What a check-in command was given, before anything is written. */
struct checkin_args {
	const char *pain_arg, *operand, *interference_arg, *date_arg;
	const char **did, **answer_args; /* borrow argv */
	size_t ndid, nanswer_args;
	struct program_answer *answers; /* questions allocated, values argv */
	struct program_checkin in;
};

/* Says which value the program refused, in the words of the command line. */
static int
checkin_refused(const struct checkin_args *a, int rc,
		const struct program_bad *bad, char *cause)
{
	const char *what = NULL, *value = NULL;

	switch (bad->field) {
	case PROGRAM_FIELD_DID:
		what = "--did";
		value = a->did[bad->index];
		break;
	case PROGRAM_FIELD_ANSWER:
		what = "--answer";
		value = a->answer_args[bad->index];
		break;
	case PROGRAM_FIELD_NOTE:
		what = "--note";
		value = a->in.note;
		break;
	case PROGRAM_FIELD_PAIN:
		what = a->operand != NULL ? "pain" : "--pain";
		value = a->operand != NULL ? a->operand : a->pain_arg;
		break;
	case PROGRAM_FIELD_INTERFERENCE:
		what = "--interference";
		value = a->interference_arg;
		break;
	case PROGRAM_FIELD_DAY:
		cli_fail(rc, "checkin: --date: %s", cause);
		free(cause);
		return rc;
	default:
		break;
	}
	if (what == NULL || value == NULL)
		return cli_opt_cause("checkin", rc, cause);
	rc = cli_opt_bad("checkin", what, value, cause);
	free(cause);
	return rc;
}

/* Parses every value given to checkin into a->in; 0 or the exit status. */
static int
checkin_parse(struct app *app, struct checkin_args *a)
{
	int rc, pain = ENTRY_NONE, other = ENTRY_NONE;
	const char *eq;
	size_t i;

	if (a->operand != NULL &&
	    (rc = cli_opt_rating("checkin", "pain", a->operand, &pain)) != 0)
		return rc;
	if (a->pain_arg != NULL &&
	    (rc = cli_opt_rating("checkin", "--pain", a->pain_arg, &other)) !=
		0)
		return rc;
	if (a->operand != NULL && a->pain_arg != NULL && pain != other)
		return cli_usage_error("checkin",
				       "pain given twice, as %d and as --pain "
				       "%d",
				       pain, other);
	a->in.pain = a->operand != NULL ? pain : other;
	a->in.interference = ENTRY_NONE;
	if (a->interference_arg != NULL &&
	    (rc = cli_opt_rating("checkin", "--interference",
				 a->interference_arg, &a->in.interference)) !=
		0)
		return rc;
	if ((rc = cli_pack(app)) != 0)
		return rc;
	for (i = 0; i < a->nanswer_args; i++) {
		eq = strchr(a->answer_args[i], '=');
		if (eq == NULL || eq == a->answer_args[i])
			return cli_opt_bad("checkin", "--answer",
					   a->answer_args[i],
					   "use QUESTION=VALUE");
		a->answers[i].question = xstrndup(
		    a->answer_args[i], (size_t)(eq - a->answer_args[i]));
		a->answers[i].value = eq + 1;
		a->in.nanswers++;
	}
	a->in.answers = a->answers;
	a->in.did = a->did;
	a->in.ndid = a->ndid;
	return cli_opt_day(app, "checkin", a->date_arg, a->in.day);
}

static void
checkin_print_rating(const char *name, int v)
{
	if (v == ENTRY_NONE)
		printf("%s none", name);
	else
		printf("%s %d", name, v);
}

/* What the check-in said: saved or replaced, warnings, the week's mean,
 * and the lessons offered at the first check-in or after its first week. */
static void
checkin_report(struct app *app, const struct checkin_args *a,
	       const struct checkin *old, int replaced)
{
	static const char *const first[] = {CONTENT_MOMENT_FIRST_CHECKIN,
					    CONTENT_MOMENT_FIRST_WEEK};
	const struct program_checkin *in = &a->in;
	struct program_today t;
	char *cause = NULL;
	size_t i, k, n;

	if (replaced) {
		printf("Replaced %s: pain %d -> %d", in->day, old->pain,
		       in->pain);
		if (old->interference != in->interference) {
			checkin_print_rating(", interference",
					     old->interference);
			checkin_print_rating(" ->", in->interference);
		}
		if (old->note == NULL && in->note != NULL)
			fputs(", note added", stdout);
		else if (old->note != NULL && in->note == NULL)
			fputs(", note removed", stdout);
		else if (old->note != NULL && strcmp(old->note, in->note) != 0)
			fputs(", note replaced", stdout);
		puts(".");
	} else {
		printf("Checked in %s: pain %d/10", in->day, in->pain);
		if (in->interference != ENTRY_NONE)
			printf(", interference %d/10", in->interference);
		puts(".");
	}
	/* Said at once: whoever sees this line knows the check-in is safe. */
	fflush(stdout);
	/* Each practice once, and the last answer to each question. */
	for (i = n = 0; i < in->ndid; i++) {
		for (k = 0; k < i; k++)
			if (strcmp(in->did[k], in->did[i]) == 0)
				break;
		if (k == i)
			printf("%s %s", n++ == 0 ? "Marked done:" : ",",
			       in->did[i]);
	}
	if (n > 0)
		puts(".");
	for (i = 0; i < in->nanswers; i++) {
		const struct question *q;

		for (k = i + 1; k < in->nanswers; k++)
			if (strcmp(in->answers[k].question,
				   in->answers[i].question) == 0)
				break;
		q = content_question(app->pack, in->answers[i].question);
		if (k == in->nanswers &&
		    program_question_warns(q, in->answers[i].value))
			printf("WARNING (%s: %s): %s\n", q->id, q->warn_if,
			       q->warning);
	}
	if (program_today_load(app->pack, app->store, in->day, &t, &cause) !=
	    0) {
		free(cause);
		return;
	}
	if (t.has_mean)
		printf("Mean pain over the 7 days to %s: %.1f, from %d "
		       "check-ins.\n",
		       in->day, t.mean, t.mean_n);
	else
		printf("%d check-in%s in the 7 days to %s; a mean needs %d.\n",
		       t.mean_n, t.mean_n == 1 ? "" : "s", in->day,
		       PROGRAM_MEAN_MIN_CHECKINS);
	program_today_free(&t);
	cli_next_offers(app, first, 2);
}

/* The first operand that looks like a negative number, for the message. */
static const char *
negative_operand(int argc, char **argv)
{
	int i;

	for (i = 1; i < argc; i++)
		if (argv[i][0] == '-' && argv[i][1] >= '0' && argv[i][1] <= '9')
			return argv[i];
	return "-";
}

/* `checkin` with no rating on a terminal: the questions one line at a
 * time (cli_ask.c), then the save through the program. Only --date may come
 * with it: the other values are what it asks for. */
static int
checkin_lines(struct app *app, struct checkin_args *a)
{
	struct cli_ask ask;
	struct checkin old = {0};
	struct program_bad bad;
	char day[DAY_LEN], *cause = NULL;
	int rc, replaced = 0, said = 0; /* said: cli_ask_newer() said why */

	if ((rc = cli_pack(app)) != 0 ||
	    (rc = cli_opt_day(app, "checkin", a->date_arg, day)) != 0 ||
	    (rc = cli_store(app)) != 0)
		return rc;
	rc = cli_ask_checkin(app, day, &ask);
	if (rc != 0) {
		if (rc == CLI_ASK_DECLINED) {
			puts("Nothing saved.");
			rc = 0;
		}
		cli_ask_free(&ask);
		return rc;
	}
	a->in = ask.in;
	/* Saved elsewhere since it was asked: the person says which stays. */
	while ((rc = program_checkin(app->pack, app->store, app->today, &a->in,
				     &old, &replaced, &bad, &cause)) ==
	       CHECKIN_CHANGED) {
		free(cause);
		cause = NULL;
		rc = cli_ask_newer(app, &old, &a->in);
		checkin_clear(&old);
		if ((said = rc != 0))
			break;
	}
	if (rc == CLI_ASK_DECLINED) {
		puts("Nothing saved: the newer check-in stays.");
		rc = 0;
	} else if (rc != 0 && !said) {
		rc = cli_opt_cause("checkin", rc, cause);
	} else if (rc == 0) {
		checkin_report(app, a, &old, replaced);
		checkin_clear(&old);
	}
	/* a->in borrowed ask's arrays; the caller frees only its own. */
	memset(&a->in, 0, sizeof a->in);
	cli_ask_free(&ask);
	return rc;
}

int
cli_cmd_checkin(struct app *app, int argc, char **argv)
{
	static const struct option opts[] = {
	    {"pain", required_argument, NULL, CLI_OPT_PAIN},
	    {"interference", required_argument, NULL, CLI_OPT_INTERFERENCE},
	    {"note", required_argument, NULL, CLI_OPT_NOTE},
	    {"did", required_argument, NULL, CLI_OPT_DID},
	    {"answer", required_argument, NULL, CLI_OPT_ANSWER},
	    {"date", required_argument, NULL, CLI_OPT_DATE},
	    CLI_COMMON_OPTIONS,
	};
	struct checkin_args a;
	struct checkin old = {0};
	struct program_bad bad;
	char *cause = NULL;
	size_t i;
	int c, rc = -1, replaced = 0;

	memset(&a, 0, sizeof a);
	/* Each option names at most one practice or answer. */
	a.did = xcalloc((size_t)argc, sizeof *a.did);
	a.answer_args = xcalloc((size_t)argc, sizeof *a.answer_args);
	a.answers = xcalloc((size_t)argc, sizeof *a.answers);
	opterr = 0;
	while (rc < 0 && (c = getopt_long(argc, argv, CLI_OPT_STRING, opts,
					  NULL)) != -1) {
		switch (c) {
		case CLI_OPT_PAIN:
			a.pain_arg = optarg;
			break;
		case CLI_OPT_INTERFERENCE:
			a.interference_arg = optarg;
			break;
		case CLI_OPT_NOTE:
			/* An empty note is no note. */
			a.in.note = *optarg != '\0' ? optarg : NULL;
			break;
		case CLI_OPT_DID:
			a.did[a.ndid++] = optarg;
			break;
		case CLI_OPT_ANSWER:
			a.answer_args[a.nanswer_args++] = optarg;
			break;
		case CLI_OPT_DATE:
			a.date_arg = optarg;
			break;
		case '?':
			/* "checkin -2" reaches getopt as the short option '2':
			 * it is a rating out of range, not a usage error. */
			if (optopt >= '0' && optopt <= '9') {
				int unused;

				rc = cli_opt_rating(
				    "checkin", "pain",
				    negative_operand(argc, argv), &unused);
				break;
			}
			/* FALLTHROUGH */
		default:
			rc = cli_opt_other(app, "checkin", c, argv);
		}
	}
	if (rc >= 0)
		goto out;
	if (optind + 1 < argc) {
		rc = cli_usage_error("checkin", "unexpected argument '%s'",
				     argv[optind + 1]);
		goto out;
	}
	a.operand = optind < argc ? argv[optind] : NULL;
	if (a.operand == NULL && a.pain_arg == NULL && a.ndid == 0 &&
	    a.nanswer_args == 0 && a.in.note == NULL &&
	    a.interference_arg == NULL && isatty(STDIN_FILENO) &&
	    isatty(STDOUT_FILENO)) {
		rc = checkin_lines(app, &a);
		goto out;
	}
	if (a.operand == NULL && a.pain_arg == NULL) {
		rc = cli_usage_error("checkin", "today's pain rating, 0 to "
						"10, is missing");
		goto out;
	}
	/* Refused before the log is opened, so a refusal creates nothing. */
	if ((rc = checkin_parse(app, &a)) != 0)
		goto out;
	if ((rc = program_checkin_check(app->pack, app->today, &a.in, &bad,
					&cause)) != 0) {
		rc = checkin_refused(&a, rc, &bad, cause);
		goto out;
	}
	if ((rc = cli_store(app)) != 0)
		goto out;
	rc = program_checkin(app->pack, app->store, app->today, &a.in, &old,
			     &replaced, &bad, &cause);
	if (rc != 0) {
		rc = checkin_refused(&a, rc, &bad, cause);
		goto out;
	}
	checkin_report(app, &a, &old, replaced);
	checkin_clear(&old);
out:
	for (i = 0; i < a.in.nanswers; i++)
		free((char *)a.answers[i].question);
	free(a.did);
	free(a.answer_args);
	free(a.answers);
	return rc;
}
