/* main.c: global options, then a subcommand or the guided program, both
 * in the one struct app, closed here. */
#include <errno.h>
#include <getopt.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "app.h"
#include "cli.h"
#include "ui.h"
#include "version.h"

/* Exit status when what the command saved is in the log but its output
 * (the confirmation) could not be written: not 74, which says nothing
 * was done. Documented in backpain.1. */
#define EXIT_SAVED_UNSHOWN 3

/* Flushes standard output: rc when it is all out; else the reason on
 * standard error and EX_IOERR, or EXIT_SAVED_UNSHOWN when the command
 * succeeded and saved something (saved) that must not look lost. */
static int
finish(int rc, int saved)
{
	int e;

	errno = 0;
	if (fflush(stdout) == 0 && !ferror(stdout))
		return rc;
	e = errno != 0 ? errno : EIO;
	if (rc == 0 && saved) {
		fprintf(stderr,
			"backpain: saved in the log, but its confirmation "
			"could not be written to standard output: %s\n",
			strerror(e));
		return EXIT_SAVED_UNSHOWN;
	}
	fprintf(stderr, "backpain: standard output: %s\n", strerror(e));
	return rc != 0 ? rc : EX_IOERR;
}

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
	int c, rc, saved;

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
			return finish(0, 0);
		case 'V':
			printf("backpain %s\n", BACKPAIN_VERSION);
			return finish(0, 0);
		default:
			cli_usage(stderr);
			return EX_USAGE;
		}
	}
	if (optind < argc)
		rc = cli_run(&app, argc - optind, argv + optind);
	else
		rc = ui_main(&app);
	saved = app_saved(&app);
	app_close(&app);
	return finish(rc, saved);
}
