/*
 * cli_flare.c: `flare`, which records that a flare-up began, and `flare
 * --over`, that it was over. Every value is checked before the log is
 * opened; the program refuses what the log makes wrong (a flare already
 * running, none to end), and a refusal writes nothing.
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

/* The program's refusal, in the words of the command line. */
static int
flare_refused(int rc, const struct program_bad *bad, char *cause)
{
	const char *what = bad->field == PROGRAM_FIELD_DAY    ? "--date: "
			   : bad->field == PROGRAM_FIELD_NOTE ? "--note: "
							      : "";

	cli_fail(rc, "flare: %s%s", what, cause != NULL ? cause : "");
	free(cause);
	return rc;
}

int
cli_cmd_flare(struct app *app, int argc, char **argv)
{
	static const struct option opts[] = {
	    {"pain", required_argument, NULL, CLI_OPT_PAIN},
	    {"note", required_argument, NULL, CLI_OPT_NOTE},
	    {"date", required_argument, NULL, CLI_OPT_DATE},
	    {"over", no_argument, NULL, CLI_OPT_OVER},
	    CLI_COMMON_OPTIONS,
	};
	const char *pain = NULL, *note = NULL, *date = NULL;
	const char *flare_moment = CONTENT_MOMENT_FLARE;
	struct program_bad bad = {PROGRAM_FIELD_NONE, 0};
	char day[DAY_LEN], *cause = NULL;
	size_t badbyte;
	int c, rc, over = 0, p = ENTRY_NONE;

	opterr = 0;
	while ((c = getopt_long(argc, argv, CLI_OPT_STRING, opts, NULL)) !=
	       -1) {
		if (c == CLI_OPT_PAIN)
			pain = optarg;
		else if (c == CLI_OPT_NOTE)
			note = optarg;
		else if (c == CLI_OPT_DATE)
			date = optarg;
		else if (c == CLI_OPT_OVER)
			over = 1;
		else if ((rc = cli_opt_other(app, "flare", c, argv)) >= 0)
			return rc;
	}
	if (optind < argc)
		return cli_usage_error("flare", "unexpected argument '%s'",
				       argv[optind]);
	if (over && (pain != NULL || note != NULL))
		return cli_usage_error("flare", "--over takes only --date");
	if (pain != NULL && (rc = cli_opt_rating("flare", "--pain", pain, &p)))
		return rc;
	if (note != NULL && utf8_valid(note, strlen(note), &badbyte) != 0) {
		char *why =
		    xasprintf("not valid UTF-8 (byte %zu)", badbyte + 1);

		rc = cli_opt_bad("flare", "--note", note, why);
		free(why);
		return rc;
	}
	if ((rc = cli_pack(app)) != 0 ||
	    (rc = cli_opt_day(app, "flare", date, day)) != 0 ||
	    (rc = cli_store(app)) != 0)
		return rc;
	if (over) {
		char over_on[DAY_LEN];
		int changed;

		rc = program_flare_over(app->pack, app->store, app->today, day,
					&changed, over_on, &cause);
		if (rc != 0)
			return flare_refused(rc, &bad, cause);
		if (changed)
			printf("The flare-up was over on %s.\n", day);
		else
			printf("The flare-up was already over on %s; nothing "
			       "changed.\n",
			       over_on);
		return 0;
	}
	rc = program_flare(app->pack, app->store, app->today, day, p, note,
			   &bad, &cause);
	if (rc != 0)
		return flare_refused(rc, &bad, cause);
	printf("Flare-up recorded, from %s", day);
	if (p != ENTRY_NONE)
		printf(", pain %d", p);
	puts(". It ends with backpain flare --over, or by itself after two "
	     "days back at your usual level.");
	cli_next_offers(app, &flare_moment, 1);
	return 0;
}
