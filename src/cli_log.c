/* cli_log.c: not built yet; each command says so honestly. */
#include "cli.h"

#include <sysexits.h>

int
cli_cmd_checkin(struct cli *cli, int argc, char **argv)
{
	(void)cli;
	(void)argc;
	(void)argv;
	return cli_fail(EX_SOFTWARE, "checkin: not built yet");
}

int
cli_cmd_practice(struct cli *cli, int argc, char **argv)
{
	(void)cli;
	(void)argc;
	(void)argv;
	return cli_fail(EX_SOFTWARE, "practice: not built yet");
}

int
cli_cmd_start(struct cli *cli, int argc, char **argv)
{
	(void)cli;
	(void)argc;
	(void)argv;
	return cli_fail(EX_SOFTWARE, "start: not built yet");
}

int
cli_cmd_stop(struct cli *cli, int argc, char **argv)
{
	(void)cli;
	(void)argc;
	(void)argv;
	return cli_fail(EX_SOFTWARE, "stop: not built yet");
}

int
cli_cmd_due(struct cli *cli, int argc, char **argv)
{
	(void)cli;
	(void)argc;
	(void)argv;
	return cli_fail(EX_SOFTWARE, "due: not built yet");
}
