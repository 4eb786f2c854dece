/*
 * cli_checkin.c: `backpain checkin`, the daily rating. Every value is checked
 * against the pack and the calendar before the log is opened, so a refused
 * check-in writes nothing; a second check-in of a day replaces the first and
 * says what it replaced.
 */
#include "cli.h"

#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "cli_opt.h"
#include "content.h"
#include "day.h"
#include "program.h"
#include "store.h"
#include "util.h"

/* What a check-in command was given, before anything is written. */
struct checkin_args {
	const char *pain_arg, *operand, *interference_arg, *date_arg;
	struct store_checkin c;
	struct store_answer *answers; /* borrow argv and the pack */
	size_t nanswers;
	struct store_session *done; /* borrow the pack */
	size_t ndone;
	const char **did, **answer_args;
	size_t ndid, nanswer_args;
};

static int
checkin_answer(struct cli *cli, struct checkin_args *a, const char *arg)
{
	const struct question *q;
	const char *eq = strchr(arg, '=');
	char *id, *list, *why;
	size_t i, k;

	if (eq == NULL || eq == arg)
		return cli_opt_bad("checkin", "--answer", arg,
				   "use QUESTION=VALUE");
	id = xstrndup(arg, (size_t)(eq - arg));
	q = content_question(cli->pack, id);
	free(id);
	if (q == NULL) {
		list = cli_opt_ids(cli->pack, 1);
		why = xasprintf("no such question; the pack has: %s", list);
		cli_opt_bad("checkin", "--answer", arg, why);
		free(why);
		free(list);
		return EX_DATAERR;
	}
	for (i = 0; i < q->choices.n; i++)
		if (strcmp(q->choices.v[i], eq + 1) == 0)
			break;
	if (i == q->choices.n) {
		struct buf b;

		buf_init(&b);
		for (k = 0; k < q->choices.n; k++)
			buf_printf(&b, "%s%s", k > 0 ? ", " : "",
				   q->choices.v[k]);
		why = xasprintf("%s is one of: %s", q->id, b.data);
		buf_free(&b);
		cli_opt_bad("checkin", "--answer", arg, why);
		free(why);
		return EX_DATAERR;
	}
	/* A question answered twice keeps the last answer. */
	for (k = 0; k < a->nanswers; k++)
		if (strcmp(a->answers[k].question, q->id) == 0)
			break;
	if (k == a->nanswers)
		a->nanswers++;
	a->answers[k].question = q->id;
	a->answers[k].value = q->choices.v[i];
	return 0;
}

static int
checkin_did(struct cli *cli, struct checkin_args *a, const char *arg)
{
	const struct practice *p;
	size_t k;

	if ((p = cli_opt_practice(cli->pack, "checkin", "--did", arg)) == NULL)
		return EX_DATAERR;
	for (k = 0; k < a->ndone; k++)
		if (strcmp(a->done[k].practice, p->id) == 0)
			return 0;
	a->done[a->ndone].practice = p->id;
	a->done[a->ndone].approach = cli->pack->approaches[p->approach].id;
	a->done[a->ndone].minutes = STORE_NONE;
	a->done[a->ndone].pain_before = STORE_NONE;
	a->done[a->ndone].pain_after = STORE_NONE;
	a->ndone++;
	return 0;
}

/* Checks every value given to checkin; 0 or the exit status. */
static int
checkin_check(struct cli *cli, struct checkin_args *a)
{
	int rc, pain = STORE_NONE, other = STORE_NONE;
	size_t i, bad;

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
	a->c.pain = a->operand != NULL ? pain : other;
	a->c.interference = STORE_NONE;
	if (a->interference_arg != NULL &&
	    (rc = cli_opt_rating("checkin", "--interference",
				 a->interference_arg, &a->c.interference)) != 0)
		return rc;
	if (a->c.note != NULL &&
	    utf8_valid(a->c.note, strlen(a->c.note), &bad) != 0) {
		char *why = xasprintf("not valid UTF-8 at byte %zu", bad + 1);

		rc = cli_opt_bad("checkin", "--note", a->c.note, why);
		free(why);
		return rc;
	}
	if ((rc = cli_pack(cli)) != 0)
		return rc;
	for (i = 0; i < a->ndid; i++)
		if ((rc = checkin_did(cli, a, a->did[i])) != 0)
			return rc;
	for (i = 0; i < a->nanswer_args; i++)
		if ((rc = checkin_answer(cli, a, a->answer_args[i])) != 0)
			return rc;
	if ((rc = cli_opt_day(cli, "checkin", a->date_arg, a->c.day)) != 0)
		return rc;
	for (i = 0; i < a->nanswers; i++)
		memcpy(a->answers[i].day, a->c.day, DAY_LEN);
	for (i = 0; i < a->ndone; i++)
		memcpy(a->done[i].day, a->c.day, DAY_LEN);
	return 0;
}

static void
checkin_print_rating(const char *name, int v)
{
	if (v == STORE_NONE)
		printf("%s none", name);
	else
		printf("%s %d", name, v);
}

/* What the check-in said: saved or replaced, warnings, the week's mean. */
static void
checkin_report(struct cli *cli, const struct checkin_args *a,
	       const struct store_checkin *old, int replaced)
{
	struct program_today t;
	char *cause = NULL;
	size_t i;

	if (replaced) {
		printf("Replaced %s: pain %d -> %d", a->c.day, old->pain,
		       a->c.pain);
		if (old->interference != a->c.interference) {
			checkin_print_rating(", interference",
					     old->interference);
			checkin_print_rating(" ->", a->c.interference);
		}
		if (old->note == NULL && a->c.note != NULL)
			fputs(", note added", stdout);
		else if (old->note != NULL && a->c.note == NULL)
			fputs(", note removed", stdout);
		else if (old->note != NULL && strcmp(old->note, a->c.note) != 0)
			fputs(", note replaced", stdout);
		puts(".");
	} else {
		printf("Checked in %s: pain %d/10", a->c.day, a->c.pain);
		if (a->c.interference != STORE_NONE)
			printf(", interference %d/10", a->c.interference);
		puts(".");
	}
	/* Said at once: whoever sees this line knows the check-in is safe. */
	fflush(stdout);
	for (i = 0; i < a->ndone; i++)
		printf("%s %s", i == 0 ? "Marked done:" : ",",
		       a->done[i].practice);
	if (a->ndone > 0)
		puts(".");
	for (i = 0; i < a->nanswers; i++) {
		const struct question *q;

		q = content_question(cli->pack, a->answers[i].question);
		if (q->warn_if != NULL &&
		    strcmp(q->warn_if, a->answers[i].value) == 0)
			printf("WARNING (%s: %s): %s\n", q->id, q->warn_if,
			       q->warning);
	}
	if (program_today_load(cli->pack, cli->store, a->c.day, &t, &cause) !=
	    0) {
		free(cause);
		return;
	}
	if (t.has_mean)
		printf("Mean pain over the 7 days to %s: %.1f, from %d "
		       "check-ins.\n",
		       a->c.day, t.mean, t.mean_n);
	else
		printf("%d check-in%s in the 7 days to %s; a mean needs %d.\n",
		       t.mean_n, t.mean_n == 1 ? "" : "s", a->c.day,
		       PROGRAM_MEAN_MIN_CHECKINS);
	program_today_free(&t);
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

int
cli_cmd_checkin(struct cli *cli, int argc, char **argv)
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
	struct store_checkin old = {0};
	char *cause = NULL;
	int c, rc = -1, replaced = 0;

	memset(&a, 0, sizeof a);
	/* Each option names at most one practice or answer. */
	a.did = xcalloc((size_t)argc, sizeof *a.did);
	a.answer_args = xcalloc((size_t)argc, sizeof *a.answer_args);
	a.done = xcalloc((size_t)argc, sizeof *a.done);
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
			a.c.note = *optarg != '\0' ? optarg : NULL;
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
			rc = cli_opt_other(cli, "checkin", c, argv);
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
	if (a.operand == NULL && a.pain_arg == NULL) {
		rc = cli_usage_error("checkin", "today's pain rating, 0 to "
						"10, is missing");
		goto out;
	}
	if ((rc = checkin_check(cli, &a)) != 0 || (rc = cli_store(cli)) != 0)
		goto out;
	rc = store_checkin_put(cli->store, &a.c, a.answers, a.nanswers, a.done,
			       a.ndone, &old, &replaced, &cause);
	if (rc != 0) {
		cli_opt_cause("checkin", rc, cause);
		goto out;
	}
	checkin_report(cli, &a, &old, replaced);
	if (replaced)
		store_checkin_clear(&old);
out:
	free(a.did);
	free(a.answer_args);
	free(a.done);
	free(a.answers);
	return rc;
}
