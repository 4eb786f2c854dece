/*
 * cli_usage.c: each command's name and usage line, written once: the help
 * (cli_usage()), a command's --help and usage errors print them, and
 * cli_run() finds a command by its name here. No function of src/cli/ is
 * called from here, so every file of the folder can read these.
 */
#include "cli.h"

#include <stdio.h>
#include <string.h>

#include "cli_int.h"

static const struct {
	const char *name;
	const char *usage;
} commands[CLI_CMD_COUNT] = {
    /* With a word on what it is, at the column where cli_usage() says
     * what the guided program is: the two ways through the first run. */
    [CLI_CMD_SETUP] = {"setup", "setup                      the first run, "
				"one question a line"},
    [CLI_CMD_CHECKIN] = {"checkin", "checkin [N] [--pain N] [--interference N] "
				    "[--note TEXT]\n"
				    "                 [--did PRACTICE]... "
				    "[--answer QUESTION=VALUE]... [--date D]"},
    [CLI_CMD_PRACTICE] = {"practice", "practice PRACTICE [--minutes M] "
				      "[--before N] [--after N] [--date D]\n"
				      "                 [--anyway]"},
    [CLI_CMD_START] = {"start", "start APPROACH [--date D]"},
    [CLI_CMD_STOP] =
	{"stop", "stop APPROACH [--outcome helped|no-change|worse|stopped] "
		 "[--impression 1..7|WORD] [--keep | --drop]"
		 " [--date D]"},
    [CLI_CMD_PAUSE] = {"pause", "pause APPROACH [--date D]"},
    [CLI_CMD_RESUME] = {"resume", "resume APPROACH [--date D]"},
    [CLI_CMD_FLARE] = {"flare", "flare [--pain N] [--note TEXT] [--date D] "
				"| flare --over [--date D]"},
    [CLI_CMD_STATUS] = {"status", "status"},
    [CLI_CMD_HISTORY] =
	{"history", "history [--days N | --all] [--format table|csv|json]"},
    [CLI_CMD_REVIEW] = {"review", "review [--format table|csv|json]"},
    [CLI_CMD_REPORT] = {"report",
			"report [--format text|markdown|html] [-o FILE]"},
    [CLI_CMD_EXPORT] = {"export", "export [--format json|csv]"},
    [CLI_CMD_IMPORT] = {"import", "import FILE [--replace]"},
    [CLI_CMD_DUE] = {"due", "due"},
    [CLI_CMD_SAFETY] = {"safety", "safety [--answer FLAG=yes|no]... "
				  "[--checked FLAG [--date D]]"},
    [CLI_CMD_PACK] = {"pack", "pack check [FILE...] | pack list [--practices | "
			      "--questions | --reading | --flags | --lessons]"},
    [CLI_CMD_LEARN] = {"learn", "learn [LESSON] | learn --dismiss LESSON"},
};

void
cli_usage(FILE *f)
{
	size_t i;

	fputs("usage: backpain [--db PATH] [--pack PATH]  the guided program\n",
	      f);
	for (i = 0; i < CLI_CMD_COUNT; i++)
		fprintf(f, "       backpain %s\n", commands[i].usage);
	fputs(
	    "       backpain -h | --help | -V | --version\n"
	    "\n"
	    "D is YYYY-MM-DD, today or yesterday. N is a pain rating, 0 (no "
	    "pain)\n"
	    "to 10 (the worst imaginable). The log is $BACKPAIN_DB or\n"
	    "$XDG_DATA_HOME/backpain/log.db; the pack is $BACKPAIN_PACK or the "
	    "one\n"
	    "built in. backpain is a self-help companion, not medical "
	    "advice.\n",
	    f);
}

int
cli_command_find(const char *name)
{
	int i;

	for (i = 0; i < CLI_CMD_COUNT; i++)
		if (strcmp(commands[i].name, name) == 0)
			return i;
	return -1;
}

const char *
cli_command_usage(const char *cmd)
{
	int i = cli_command_find(cmd);

	return i >= 0 ? commands[i].usage : NULL;
}
