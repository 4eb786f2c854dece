/*
 * cli: the command-line face. cli_run() runs one subcommand in the struct
 * app that main.c opened, over the app/program/store/content API, and
 * returns the process exit status (sysexits.h). Each command prints its
 * own messages: results to stdout, problems to stderr as "backpain: ...".
 * A command opens the app's pack, config and log when it needs them and
 * never closes them (main.c does). What the files of src/cli/ share is in
 * src/cli/cli_int.h.
 */
#ifndef BACKPAIN_CLI_H
#define BACKPAIN_CLI_H

#include <stdio.h>

struct app;

/* argv[0] is the command name. An unknown one prints the usage to stderr
 * and returns EX_USAGE. */
int cli_run(struct app *, int argc, char **argv);
/* The help: every command's usage line and what D and N are. */
void cli_usage(FILE *);

#endif
