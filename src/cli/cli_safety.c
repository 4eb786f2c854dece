/*
 * cli_safety.c: `backpain safety`, the command-line face of the safety
 * questions: the pack's red flags with the person's latest answers and
 * what they mean; --answer FLAG=yes|no records answers (every one kept with
 * its date), --checked FLAG [--date D] records that a doctor has checked a
 * yes. Every value is checked before the log is opened, so a refused
 * command writes nothing.
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
#include "util.h"

#define SAFETY_ANSWERS_MAX 64 /* --answer options in one command */

/* Prints s escaped (pack text may come from a file given with --pack). */
static void
put_text(const char *prefix, const char *s)
{
	struct buf b;

	buf_init(&b);
	util_escape(&b, s);
	printf("%s%s\n", prefix, b.data != NULL ? b.data : "");
	buf_free(&b);
}

static void
print_flag(const struct program_flag *f)
{
	printf("  %s (%s%s)\n", f->flag->id,
	       content_urgency_name(f->flag->urgency),
	       f->flag->holds ? "" : ", does not hold the approaches back");
	put_text("    ", f->flag->question);
	switch (f->state) {
	case PROGRAM_FLAG_UNANSWERED:
		puts("    Answer: not answered yet.");
		break;
	case PROGRAM_FLAG_NO:
		printf("    Answer: no, on %s.\n", f->asked_on);
		break;
	case PROGRAM_FLAG_HOLDS:
		printf("    Answer: YES, on %s. Every approach waits until a "
		       "doctor has checked it.\n",
		       f->asked_on);
		break;
	case PROGRAM_FLAG_CHECKED:
		printf("    Answer: yes, on %s; checked by a doctor on %s, so "
		       "it holds nothing back.\n",
		       f->asked_on, f->checked_on);
		break;
	case PROGRAM_FLAG_ADVICE:
		printf("    Answer: yes, on %s. See a doctor about it; the "
		       "approaches may go on meanwhile.\n",
		       f->asked_on);
		break;
	}
	/* The advice only beside a standing yes: never an order beside a
	 * no (program_flag_advice_now()). */
	if (program_flag_advice_now(f))
		put_text("    ", f->flag->advice);
	/* The question's meaning changed since (its revision): the answer
	 * stands until given anew. */
	if (f->stale)
		printf("    That was answered to an earlier wording of this "
		       "question, on %s: answer it again, backpain safety "
		       "--answer %s=yes|no.\n",
		       f->asked_on, f->flag->id);
}

static void
print_meaning(const struct program_safety *s)
{
	const struct program_flag *f;

	fputs("What it means: ", stdout);
	if (s->unanswered > 0)
		printf("%d of the %zu questions %s not answered yet, and no "
		       "approach can start until they are: backpain safety "
		       "--answer FLAG=yes|no ... Check-ins work meanwhile.\n",
		       s->unanswered, s->nflags,
		       s->unanswered == 1 ? "is" : "are");
	else if ((f = program_safety_first(s, PROGRAM_FLAG_HOLDS)) != NULL)
		printf("the approaches are on hold until a doctor has checked "
		       "what you answered yes to. Then record it: backpain "
		       "safety --checked %s [--date D]. Check-ins work "
		       "meanwhile.\n",
		       f->flag->id);
	else
		puts("nothing holds the approaches back.");
	if (s->emergency_due)
		printf("Due again: the emergency questions were last answered "
		       "on %s. Anything new since then? Answer them again "
		       "with backpain safety --answer FLAG=yes|no.\n",
		       s->since);
	if (s->stale > 0)
		printf("Asked again: %d %s answered to an earlier wording. "
		       "%s until answered again (a yes still holds); answer "
		       "%s with backpain safety --answer FLAG=yes|no.\n",
		       s->stale,
		       s->stale == 1 ? "question was" : "questions were",
		       s->stale == 1 ? "That answer counts"
				     : "Those answers count",
		       s->stale == 1 ? "it" : "them");
}

static void
print_safety(const struct program_safety *s, const char *today)
{
	size_t i, k;
	int u;

	printf("Safety questions, latest answers as of %s\n", today);
	for (u = URGENCY_EMERGENCY; u <= URGENCY_SOON; u++) {
		for (k = 0; k < s->nflags; k++)
			if ((int)s->flags[k].flag->urgency == u)
				break;
		if (k == s->nflags)
			continue;
		puts(u == URGENCY_EMERGENCY
			 ? "\nGet urgent care now if any of these is true:"
			 : "\nSee a doctor soon if any of these is true:");
		for (i = 0; i < s->nflags; i++)
			if ((int)s->flags[i].flag->urgency == u)
				print_flag(&s->flags[i]);
	}
	putchar('\n');
	print_meaning(s);
}

/* FLAG=yes|no into flag (a pointer into arg, NUL-terminated in place). */
static int
parse_answer(char *arg, const char **flag, int *yes)
{
	char *eq = strrchr(arg, '=');

	if (eq == NULL || eq == arg)
		return -1;
	*eq = '\0';
	*flag = arg;
	if (strcmp(eq + 1, "yes") == 0)
		*yes = 1;
	else if (strcmp(eq + 1, "no") == 0)
		*yes = 0;
	else {
		*eq = '=';
		return -1;
	}
	return 0;
}

int
cli_cmd_safety(struct app *app, int argc, char **argv)
{
	static const struct option opts[] = {
	    {"answer", required_argument, NULL, CLI_OPT_ANSWER},
	    {"checked", required_argument, NULL, CLI_OPT_CHECKED},
	    {"date", required_argument, NULL, CLI_OPT_DATE},
	    CLI_COMMON_OPTIONS,
	};
	const char *flags[SAFETY_ANSWERS_MAX], *checked = NULL, *date = NULL;
	char *args[SAFETY_ANSWERS_MAX];
	int yes[SAFETY_ANSWERS_MAX];
	struct program_safety s;
	struct program_bad bad;
	char day[DAY_LEN], *cause = NULL;
	size_t n = 0, i;
	int c, rc;

	opterr = 0;
	while ((c = getopt_long(argc, argv, CLI_OPT_STRING, opts, NULL)) !=
	       -1) {
		switch (c) {
		case CLI_OPT_ANSWER:
			if (n == SAFETY_ANSWERS_MAX)
				return cli_usage_error(
				    "safety", "at most %d --answer options",
				    SAFETY_ANSWERS_MAX);
			args[n++] = optarg;
			break;
		case CLI_OPT_CHECKED:
			checked = optarg;
			break;
		case CLI_OPT_DATE:
			date = optarg;
			break;
		default:
			if ((rc = cli_opt_other(app, "safety", c, argv)) >= 0)
				return rc;
		}
	}
	if (optind < argc)
		return cli_usage_error("safety", "unexpected argument '%s'",
				       argv[optind]);
	if (date != NULL && checked == NULL)
		return cli_usage_error("safety",
				       "--date is the day of a --checked");
	for (i = 0; i < n; i++) {
		if (parse_answer(args[i], &flags[i], &yes[i]) != 0)
			return cli_opt_bad("safety", "--answer", args[i],
					   "use FLAG=yes or FLAG=no");
	}
	if ((rc = cli_pack(app)) != 0)
		return rc;
	for (i = 0; i < n; i++)
		if (content_red_flag(app->pack, flags[i]) == NULL) {
			cause =
			    xasprintf("%s=%s", flags[i], yes[i] ? "yes" : "no");
			rc = cli_opt_bad("safety", "--answer", cause,
					 "no such safety question; backpain "
					 "safety lists them");
			free(cause);
			return rc;
		}
	if (checked != NULL && content_red_flag(app->pack, checked) == NULL)
		return cli_opt_bad("safety", "--checked", checked,
				   "no such safety question; backpain safety "
				   "lists them");
	if ((rc = cli_opt_day(app, "safety", date, day)) != 0 ||
	    (rc = cli_store(app)) != 0)
		return rc;
	if (n > 0 && (rc = program_screening_many(app->pack, app->store, flags,
						  yes, n, &bad, &cause)) != 0)
		return cli_opt_cause("safety", rc, cause);
	if (checked != NULL &&
	    (rc = program_screening_checked(app->pack, app->store, checked, day,
					    app->today, &cause)) != 0)
		return cli_opt_cause("safety", rc, cause);
	if (n > 0)
		printf("Saved %zu %s on %s.\n", n,
		       n == 1 ? "answer" : "answers", app->today);
	if (checked != NULL)
		printf("Recorded: a doctor checked %s on %s.\n", checked, day);
	if (n > 0 || checked != NULL)
		putchar('\n');
	rc = program_safety_load(app->pack, app->store, app->today, &s, &cause);
	if (rc != 0)
		return cli_opt_cause("safety", rc, cause);
	print_safety(&s, app->today);
	program_safety_free(&s);
	return 0;
}
