/* main.c: global options, then a subcommand or the guided program, both
 * in the one struct app, closed here. */
#include <getopt.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <sysexits.h>

#include "app.h"
#include "cli.h"
#include "ui.h"
#include "version.h"

int
main(int argc, char **argv)
{
	static const struct option opts[] = {
	    {"db", required_argument, NULL, 'd'},
	    {"pack", required_argument, NULL, 'p'},
	    {"help", no_argument, NULL, 'h'},
	    {"version", no_argument, NULL, 'V'},
	    {NULL, 0, NULL, 0},
	};
	struct app app = {0};
	int c, rc;

	setlocale(LC_ALL, "");
	/* Numbers are written with a '.' whatever the locale: the same figures
	 * go into CSV and JSON, where a ',' would break the format. */
	setlocale(LC_NUMERIC, "C");
	/* "+": stop at the command name; the command parses the rest. */
	while ((c = getopt_long(argc, argv, "+hV", opts, NULL)) != -1) {
		switch (c) {
		case 'd':
			app.db_path = optarg;
			break;
		case 'p':
			app.pack_path = optarg;
			break;
		case 'h':
			cli_usage(stdout);
			return 0;
		case 'V':
			printf("backpain %s\n", BACKPAIN_VERSION);
			return 0;
		default:
			cli_usage(stderr);
			return EX_USAGE;
		}
	}
	if (optind < argc)
		rc = cli_run(&app, argc - optind, argv + optind);
	else
		rc = ui_main(&app);
	app_close(&app);
	if (fflush(stdout) != 0 || ferror(stdout)) {
		perror("backpain: stdout");
		return EX_IOERR;
	}
	return rc;
}
