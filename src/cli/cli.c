/* cli.c: command dispatch. A command's name and usage line are in
 * cli_usage.c; here is only which function runs it. */
#include "cli.h"

#include <getopt.h>
#include <stdio.h>
#include <sysexits.h>

#include "cli_int.h"

/* One function per command of enum cli_cmd: a command left out would be a
 * NULL call, which every command's --help in the tests would meet. */
static int (*const commands[CLI_CMD_COUNT])(struct app *, int, char **) = {
    [CLI_CMD_SETUP] = cli_cmd_setup,	   [CLI_CMD_CHECKIN] = cli_cmd_checkin,
    [CLI_CMD_PRACTICE] = cli_cmd_practice, [CLI_CMD_START] = cli_cmd_start,
    [CLI_CMD_STOP] = cli_cmd_stop,	   [CLI_CMD_FLARE] = cli_cmd_flare,
    [CLI_CMD_STATUS] = cli_cmd_status,	   [CLI_CMD_HISTORY] = cli_cmd_history,
    [CLI_CMD_REVIEW] = cli_cmd_review,	   [CLI_CMD_REPORT] = cli_cmd_report,
    [CLI_CMD_EXPORT] = cli_cmd_export,	   [CLI_CMD_IMPORT] = cli_cmd_import,
    [CLI_CMD_DUE] = cli_cmd_due,	   [CLI_CMD_SAFETY] = cli_cmd_safety,
    [CLI_CMD_PACK] = cli_cmd_pack,	   [CLI_CMD_LEARN] = cli_cmd_learn,
    [CLI_CMD_PAUSE] = cli_cmd_pause,	   [CLI_CMD_RESUME] = cli_cmd_resume,
};

int
cli_run(struct app *app, int argc, char **argv)
{
	int i = cli_command_find(argv[0]);

	if (i < 0) {
		fprintf(stderr, "backpain: unknown command '%s'\n", argv[0]);
		cli_usage(stderr);
		return EX_USAGE;
	}
	optind = 0; /* each command parses its own options */
	return commands[i](app, argc, argv);
}
