/* ui.c: not built yet. */
#include "ui.h"

#include <stdio.h>
#include <sysexits.h>

#include "cli.h"

int
ui_main(struct cli *cli)
{
	(void)cli;
	fputs("backpain: the guided program is not built yet; "
	      "see 'backpain --help' for the commands.\n",
	      stderr);
	return EX_SOFTWARE;
}
