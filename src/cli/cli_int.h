/*
 * cli_int.h: what the files of src/cli/ share and main.c does not see. They
 * use each other one way, from the top down:
 *
 *   cli.c          the dispatch table: a command's name to its function
 *   cli_setup.c, cli_checkin.c, cli_log.c, cli_flare.c, cli_view.c,
 *   cli_review.c, cli_safety.c, cli_import.c, cli_pack.c, cli_learn.c
 *                  the commands, cli_cmd_*() below
 *   cli_opt.c      options and values of the daily commands (cli_opt_int.h)
 *   cli_next.c     the one next thing to do, in words (status, setup),
 *                  and the lessons offered (status, the commands)
 *   cli_ask.c      the line-mode check-in's questions and the line
 *                  readers that setup asks with too (cli_ask_int.h)
 *   cli_common.c   what every command calls: messages, the common options,
 *                  the app's pack, config and log opened with the problem
 *                  printed
 *   cli_usage.c    the commands' names and usage lines, for --help, usage
 *                  errors and dispatch; it calls nothing of src/cli/
 *
 * so a file calls only the files below it. A command's name and usage line
 * are written once, in cli_usage.c, keyed by enum cli_cmd; cli.c keys its
 * functions by the same enum.
 */
#ifndef BACKPAIN_CLI_INT_H
#define BACKPAIN_CLI_INT_H

#include <getopt.h>

#include <stddef.h>

struct app;
struct program_today;

/* The commands, in the order the help lists them. */
enum cli_cmd {
	CLI_CMD_SETUP,
	CLI_CMD_CHECKIN,
	CLI_CMD_PRACTICE,
	CLI_CMD_START,
	CLI_CMD_STOP,
	CLI_CMD_PAUSE,
	CLI_CMD_RESUME,
	CLI_CMD_FLARE,
	CLI_CMD_STATUS,
	CLI_CMD_HISTORY,
	CLI_CMD_REVIEW,
	CLI_CMD_REPORT,
	CLI_CMD_EXPORT,
	CLI_CMD_IMPORT,
	CLI_CMD_DUE,
	CLI_CMD_SAFETY,
	CLI_CMD_PACK,
	CLI_CMD_LEARN,
	CLI_CMD_COUNT
};

/* cli_usage.c. The command named name, or -1 when there is none. */
int cli_command_find(const char *name);
/* The usage line of a command (without "backpain "), for --help and for
 * usage errors; NULL for a name that is no command. */
const char *cli_command_usage(const char *cmd);

/* cli_next.c. The next thing to do of t, in words, on a line of stdout:
 * "check in: backpain checkin N (pain 0-10)". */
void cli_next_print(const struct program_today *t);
/* The lessons of ls offered at one of moments (all offered ones when n is
 * 0), a line each on stdout after prefix: "A short read: TITLE (backpain
 * learn ID)". cli_next_offers() loads them first, as of app->today: after
 * a command that made one of the moments happen. */
struct program_lessons;
void cli_next_lessons(const struct program_lessons *ls, const char *prefix,
		      const char *const *moments, size_t n);
int cli_next_offers(struct app *, const char *const *moments, size_t n);

/* cli_common.c. app_pack(), app_store(), app_config() with the problem
 * printed: 0 or the exit status. Each opens once; main.c closes. */
int cli_pack(struct app *);
int cli_store(struct app *);
int cli_config(struct app *);

/* Print "backpain: CMD: message", the command's usage line and "Try
 * 'backpain --help' for more." to stderr; returns EX_USAGE. */
int cli_usage_error(const char *cmd, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* Print "backpain: message" to stderr and return code. */
int cli_fail(int code, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* Print cause as "backpain: cause", free it, and return code. */
int cli_fail_cause(int code, char *cause);

/*
 * cli_fold.c: text the line mode shows on a terminal folded between words
 * (a terminal breaks a long line inside a word). cli_columns(): the
 * terminal's width, at most CLI_COLUMNS and at least CLI_MIN_COLUMNS; 0
 * when stdout is no terminal, whose reader folds for itself (a pipe, a
 * file, a test). cli_put_folded(): text to stdout folded at width (0: as
 * it is) after indent, control characters escaped; then a newline, or for
 * a prompt a space, the cursor left after it.
 */
#define CLI_COLUMNS 80 /* a longer line is hard to read */
#define CLI_MIN_COLUMNS 20
int cli_columns(void);
void cli_put_folded(const char *text, const char *indent, int width,
		    int prompt);
/* Text (from the pack or the log) to stdout as it is, its control
 * characters escaped (util_escape()); no newline. */
void cli_put_escaped(const char *text);

/*
 * The options every command takes besides its own: --db, --pack, --help.
 * End a command's option table with CLI_COMMON_OPTIONS and pass every
 * getopt_long result through cli_common_option(): it returns 1 when it
 * handled the option (--db, --pack), 0 when the command must (its own
 * options, CLI_OPT_HELP and getopt_long's errors).
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

/* The commands, with argv[0] the command's name: each returns the exit
 * status, as cli_run() does (cli.h). */
int cli_cmd_setup(struct app *, int, char **);
int cli_cmd_pack(struct app *, int, char **);
int cli_cmd_checkin(struct app *, int, char **);
int cli_cmd_practice(struct app *, int, char **);
int cli_cmd_start(struct app *, int, char **);
int cli_cmd_stop(struct app *, int, char **);
/* cli_pause.c */
int cli_cmd_pause(struct app *, int, char **);
int cli_cmd_resume(struct app *, int, char **);
int cli_cmd_flare(struct app *, int, char **);
int cli_cmd_status(struct app *, int, char **);
int cli_cmd_history(struct app *, int, char **);
int cli_cmd_export(struct app *, int, char **);
int cli_cmd_import(struct app *, int, char **);
int cli_cmd_due(struct app *, int, char **);
int cli_cmd_review(struct app *, int, char **);
int cli_cmd_report(struct app *, int, char **);
int cli_cmd_safety(struct app *, int, char **);
int cli_cmd_learn(struct app *, int, char **);

#endif
