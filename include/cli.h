/*
 * cli: the subcommands, one function each, over the program/store/content
 * API. Each returns the process exit status (sysexits.h) and prints its own
 * messages: results to stdout, problems to stderr as "backpain: ...".
 *
 * struct cli holds what several commands share; it owns the pack and the
 * store it opens, and cli_free() releases them.
 */
#ifndef BACKPAIN_CLI_H
#define BACKPAIN_CLI_H

#include <getopt.h>
#include <stdio.h>

#include "config.h"

struct pack;
struct store;

struct cli {
	const char *db_path;   /* --db; NULL: BACKPAIN_DB or the default */
	const char *pack_path; /* --pack; NULL: BACKPAIN_PACK or built in */
	struct pack *pack;     /* set by cli_pack() */
	struct store *store;   /* set by cli_store() */
	struct config config;  /* set by cli_config() */
	int config_loaded;
};

/* argv[0] is the command name. */
int cli_run(struct cli *, int argc, char **argv);
void cli_free(struct cli *);
void cli_usage(FILE *);

/* Load the pack, open the log, read the config: 0 or an exit status, with
 * the problem already printed. Each loads once. */
int cli_pack(struct cli *);
int cli_store(struct cli *);
int cli_config(struct cli *);

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
int cli_common_option(struct cli *, int opt, const char *arg);
/* The usage line of a command, for --help and for usage errors. */
const char *cli_command_usage(const char *cmd);

int cli_cmd_pack(struct cli *, int, char **);
int cli_cmd_checkin(struct cli *, int, char **);
int cli_cmd_practice(struct cli *, int, char **);
int cli_cmd_start(struct cli *, int, char **);
int cli_cmd_stop(struct cli *, int, char **);
int cli_cmd_status(struct cli *, int, char **);
int cli_cmd_history(struct cli *, int, char **);
int cli_cmd_export(struct cli *, int, char **);
int cli_cmd_due(struct cli *, int, char **);
int cli_cmd_review(struct cli *, int, char **);
int cli_cmd_report(struct cli *, int, char **);

#endif
