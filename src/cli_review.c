/* cli_review.c: not built yet; each command says so honestly. */
#include "cli.h"

#include <sysexits.h>

int
cli_cmd_review(struct cli *cli, int argc, char **argv)
{
	(void)cli;
	(void)argc;
	(void)argv;
	return cli_fail(EX_SOFTWARE, "review: not built yet");
}

int
cli_cmd_report(struct cli *cli, int argc, char **argv)
{
	(void)cli;
	(void)argc;
	(void)argv;
	return cli_fail(EX_SOFTWARE, "report: not built yet");
}
