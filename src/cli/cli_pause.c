/*
 * cli_pause.c: `pause` and `resume`, the pause week of a running trial
 * (program.h's program_pause(), issue 21): stopped for some days to see
 * whether the pain comes back, then taken up again.
 */
#include <getopt.h>
#include <stdio.h>
#include <sysexits.h>

#include "app.h"
#include "cli_int.h"
#include "cli_opt_int.h"
#include "content.h"
#include "program.h"

/* --date and the operand APPROACH; then the pack and the log. -1 when all
 * is ready, else the exit status to return at once (0 after --help). */
static int
pause_args(struct app *app, const char *cmd, int argc, char **argv,
	   const char **id, char day[DAY_LEN])
{
	static const struct option opts[] = {
	    {"date", required_argument, NULL, CLI_OPT_DATE},
	    CLI_COMMON_OPTIONS,
	};
	const char *date = NULL;
	int c, rc;

	opterr = 0;
	while ((c = getopt_long(argc, argv, CLI_OPT_STRING, opts, NULL)) !=
	       -1) {
		if (c == CLI_OPT_DATE)
			date = optarg;
		else if ((rc = cli_opt_other(app, cmd, c, argv)) >= 0)
			return rc;
	}
	if ((rc = cli_opt_operand(cmd, "APPROACH", argc, argv, id)) != 0 ||
	    (rc = cli_pack(app)) != 0 ||
	    (rc = cli_opt_day(app, cmd, date, day)) != 0 ||
	    (rc = cli_store(app)) != 0)
		return rc;
	return -1;
}

int
cli_cmd_pause(struct app *app, int argc, char **argv)
{
	const char *id = NULL;
	char day[DAY_LEN], back[DAY_LEN], *cause = NULL;
	int rc, days = 0;

	if ((rc = pause_args(app, "pause", argc, argv, &id, day)) >= 0)
		return rc;
	rc = program_pause(app->pack, app->store, id, day, app->today, &days,
			   &cause);
	if (rc != 0)
		return cli_opt_cause("pause", rc, cause);
	if (day_add(day, days, back) != 0)
		back[0] = '\0';
	/* id was checked against the pack: no control character. */
	printf("Paused %s from %s, to see whether your pain comes back "
	       "without it.\n",
	       id, day);
	if (back[0] != '\0')
		printf(
		    "Take it up again on %s (%d days) with 'backpain resume "
		    "%s', or sooner if\nthe pain is too much: it is your "
		    "choice. Then keep on with it %d more days\nand 'backpain "
		    "review' says whether the pause confirmed it.\n",
		    back, days, id, days);
	return 0;
}

int
cli_cmd_resume(struct app *app, int argc, char **argv)
{
	const char *id = NULL;
	char day[DAY_LEN], *cause = NULL;
	int rc;

	if ((rc = pause_args(app, "resume", argc, argv, &id, day)) >= 0)
		return rc;
	rc = program_resume(app->pack, app->store, id, day, app->today, &cause);
	if (rc != 0)
		return cli_opt_cause("resume", rc, cause);
	printf("Resumed %s on %s. Keep on with it as many days as it was "
	       "paused; then\n'backpain review' says whether the pause "
	       "confirmed it.\n",
	       id, day);
	return 0;
}
