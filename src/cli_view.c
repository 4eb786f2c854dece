/* cli_view.c: not built yet; each command says so honestly. */
#include "cli.h"

#include <sysexits.h>

int
cli_cmd_status(struct cli *cli, int argc, char **argv)
{
	(void)cli;
	(void)argc;
	(void)argv;
	return cli_fail(EX_SOFTWARE, "status: not built yet");
}

int
cli_cmd_history(struct cli *cli, int argc, char **argv)
{
	(void)cli;
	(void)argc;
	(void)argv;
	return cli_fail(EX_SOFTWARE, "history: not built yet");
}

int
cli_cmd_export(struct cli *cli, int argc, char **argv)
{
	(void)cli;
	(void)argc;
	(void)argv;
	return cli_fail(EX_SOFTWARE, "export: not built yet");
}
