/*
 * cli_opt_int.h: what the commands of cli_checkin.c, cli_log.c,
 * cli_flare.c, cli_view.c, cli_safety.c, cli_import.c and cli_learn.c
 * share and no one else sees: the common part of a getopt_long loop and
 * the checks of values given on the command line. Each check prints its
 * own message, "backpain: CMD: WHAT 'VALUE': what is allowed", and returns
 * the exit status (EX_DATAERR for a bad value), or 0 when the value is
 * good.
 * The values are parsed here; whether the pack and the calendar accept them
 * is the program's to say (program.h).
 */
#ifndef BACKPAIN_CLI_OPT_INT_H
#define BACKPAIN_CLI_OPT_INT_H

#include "day.h"

struct app;

/* The options of the daily commands; getopt_long returns these. */
enum {
	CLI_OPT_PAIN = 1,
	CLI_OPT_INTERFERENCE,
	CLI_OPT_NOTE,
	CLI_OPT_DID,
	CLI_OPT_ANSWER,
	CLI_OPT_DATE,
	CLI_OPT_MINUTES,
	CLI_OPT_BEFORE,
	CLI_OPT_AFTER,
	CLI_OPT_OUTCOME,
	CLI_OPT_IMPRESSION,
	CLI_OPT_DAYS,
	CLI_OPT_ALL,
	CLI_OPT_FORMAT,
	CLI_OPT_CHECKED,
	CLI_OPT_KEEP,
	CLI_OPT_DROP,
	CLI_OPT_OVER,
	CLI_OPT_ANYWAY,
	CLI_OPT_DISMISS,
};

/* These commands parse with this optstring: no short options, and ':' so
 * that a missing value comes back as ':'. */
#define CLI_OPT_STRING ":"

/*
 * For a getopt_long result that is not the command's own: returns -1 for a
 * common option (--db, --pack), now recorded in the app; prints the command's
 * usage line to stdout and returns 0 for --help; else prints a usage error
 * and returns EX_USAGE.
 */
int cli_opt_other(struct app *, const char *cmd, int opt, char **argv);
/* For a command with no options of its own and no operands: -1 when all is
 * well, else the status to return at once (0 after --help). */
int cli_opt_none(struct app *, const char *cmd, int argc, char **argv);
/* The one operand (named name in messages) left at argv[optind]. */
int cli_opt_operand(const char *cmd, const char *name, int argc, char **argv,
		    const char **out);

/* Prints "backpain: CMD: CAUSE", frees cause, returns code. */
int cli_opt_cause(const char *cmd, int code, char *cause);
/* Prints "backpain: CMD: WHAT 'VALUE': WHY" (VALUE escaped); EX_DATAERR. */
int cli_opt_bad(const char *cmd, const char *what, const char *value,
		const char *why);
/* A choice the command line offers none of (--format xml): like
 * cli_opt_bad with the command's usage; EX_USAGE. */
int cli_opt_choice(const char *cmd, const char *what, const char *value,
		   const char *why);
/* A rating 0..10 (pain, interference, pain before or after a session). */
int cli_opt_rating(const char *cmd, const char *what, const char *s, int *out);
/* The day of --date arg, or today when arg is NULL, with the configured
 * start of a day (app_day(); loads the config, which sets app->today). */
int cli_opt_day(struct app *, const char *cmd, const char *arg,
		char out[DAY_LEN]);
#endif
