/*
 * cli: the subcommands, one function each, over the app/program/store/content
 * API. Each returns the process exit status (sysexits.h) and prints its own
 * messages: results to stdout, problems to stderr as "backpain: ...".
 *
 * The commands work in the struct app that main.c hands to cli_run(): they
 * open its pack, config and log through cli_pack(), cli_config() and
 * cli_store() when they need them, and never close them (main.c does).
 */
#ifndef BACKPAIN_CLI_H
#define BACKPAIN_CLI_H

#include <getopt.h>
#include <stdio.h>

struct app;

/* argv[0] is the command name. */
int cli_run(struct app *, int argc, char **argv);
void cli_usage(FILE *);

/* app_pack(), app_store(), app_config() with the problem printed: 0 or the
 * exit status. Each opens once. */
int cli_pack(struct app *);
int cli_store(struct app *);
int cli_config(struct app *);

/* Print "backpain: CMD: message" and "Try 'backpain --help'." to stderr;
 * returns EX_USAGE. */
int cli_usage_error(const char *cmd, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* Print "backpain: message" to stderr and return code. */
int cli_fail(int code, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* Print cause as "backpain: cause", free it, and return code. */
int cli_fail_cause(int code, char *cause);

/*
 * The options every command takes besides its own: --db, --pack, --help.
 * End a command's option table with CLI_COMMON_OPTIONS and pass every
 * getopt_long result through cli_common_option(): it returns 1 when it
 * handled the option, 0 when the option is the command's own.
 */
enum { CLI_OPT_DB = 1000, CLI_OPT_PACK, CLI_OPT_HELP };
#define CLI_COMMON_OPTIONS                                                     \
	{"db", required_argument, NULL, CLI_OPT_DB},                           \
	    {"pack", required_argument, NULL, CLI_OPT_PACK},                   \
	    {"help", no_argument, NULL, CLI_OPT_HELP},                         \
	{                                                                      \
		NULL, 0, NULL, 0                                               \
	}
int cli_common_option(struct app *, int opt, const char *arg);
/* The usage line of a command, for --help and for usage errors. */
const char *cli_command_usage(const char *cmd);

int cli_cmd_pack(struct app *, int, char **);
int cli_cmd_checkin(struct app *, int, char **);
int cli_cmd_practice(struct app *, int, char **);
int cli_cmd_start(struct app *, int, char **);
int cli_cmd_stop(struct app *, int, char **);
int cli_cmd_flare(struct app *, int, char **);
int cli_cmd_status(struct app *, int, char **);
int cli_cmd_history(struct app *, int, char **);
int cli_cmd_export(struct app *, int, char **);
int cli_cmd_import(struct app *, int, char **);
int cli_cmd_due(struct app *, int, char **);
int cli_cmd_review(struct app *, int, char **);
int cli_cmd_report(struct app *, int, char **);
int cli_cmd_safety(struct app *, int, char **);

#endif
