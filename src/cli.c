/* cli.c: command dispatch and what the commands share. */
#include "cli.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "content.h"
#include "store.h"
#include "util.h"

static const struct command {
	const char *name;
	int (*fn)(struct cli *, int, char **);
	const char *usage;
} commands[] = {
    {"checkin", cli_cmd_checkin,
     "checkin [N] [--pain N] [--interference N] [--note TEXT]\n"
     "                 [--did PRACTICE]... [--answer QUESTION=VALUE]... "
     "[--date D]"},
    {"practice", cli_cmd_practice,
     "practice PRACTICE [--minutes M] [--before N] [--after N] [--date D]"},
    {"start", cli_cmd_start, "start APPROACH [--date D]"},
    {"stop", cli_cmd_stop,
     "stop APPROACH [--outcome helped|no-change|worse|stopped] "
     "[--impression 1..7|WORD] [--date D]"},
    {"status", cli_cmd_status, "status"},
    {"history", cli_cmd_history,
     "history [--days N | --all] [--format table|csv|json]"},
    {"review", cli_cmd_review, "review [--format table|csv|json]"},
    {"report", cli_cmd_report,
     "report [--format text|markdown|html] [-o FILE]"},
    {"export", cli_cmd_export, "export [--format json|csv]"},
    {"due", cli_cmd_due, "due"},
    {"pack", cli_cmd_pack,
     "pack check [FILE] | pack list [--practices | --questions]"},
};

void
cli_usage(FILE *f)
{
	size_t i;

	fputs("usage: backpain [--db PATH] [--pack PATH]"
	      "                  the guided program\n",
	      f);
	for (i = 0; i < sizeof commands / sizeof commands[0]; i++)
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

const char *
cli_command_usage(const char *cmd)
{
	size_t i;

	for (i = 0; i < sizeof commands / sizeof commands[0]; i++)
		if (strcmp(commands[i].name, cmd) == 0)
			return commands[i].usage;
	return NULL;
}

int
cli_run(struct cli *cli, int argc, char **argv)
{
	size_t i;

	for (i = 0; i < sizeof commands / sizeof commands[0]; i++) {
		if (strcmp(commands[i].name, argv[0]) == 0) {
			optind = 0; /* each command parses its own options */
			return commands[i].fn(cli, argc, argv);
		}
	}
	fprintf(stderr, "backpain: unknown command '%s'\n", argv[0]);
	cli_usage(stderr);
	return EX_USAGE;
}

void
cli_free(struct cli *cli)
{
	content_free(cli->pack);
	cli->pack = NULL;
	if (cli->store != NULL)
		store_close(cli->store);
	cli->store = NULL;
}

int
cli_usage_error(const char *cmd, const char *fmt, ...)
{
	va_list ap;
	const char *usage = cli_command_usage(cmd);

	fprintf(stderr, "backpain: %s: ", cmd);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	if (usage != NULL)
		fprintf(stderr, "usage: backpain %s\n", usage);
	fputs("Try 'backpain --help' for more.\n", stderr);
	return EX_USAGE;
}

int
cli_fail(int code, const char *fmt, ...)
{
	va_list ap;

	fputs("backpain: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	return code;
}

int
cli_fail_cause(int code, char *cause)
{
	cli_fail(code, "%s", cause != NULL ? cause : "unknown error");
	free(cause);
	return code;
}

int
cli_common_option(struct cli *cli, int opt, const char *arg)
{
	switch (opt) {
	case CLI_OPT_DB:
		cli->db_path = arg;
		return 1;
	case CLI_OPT_PACK:
		cli->pack_path = arg;
		return 1;
	default:
		return 0;
	}
}

static void
print_content_errors(const struct content_errors *errs)
{
	size_t i;

	for (i = 0; i < errs->n; i++)
		fprintf(stderr, "%s\n", errs->v[i]);
	if (errs->dropped > 0)
		fprintf(stderr, "backpain: ... and %zu more errors\n",
			errs->dropped);
}

int
cli_pack(struct cli *cli)
{
	struct content_errors errs = {0};
	const char *path = cli->pack_path;
	int rc;

	if (cli->pack != NULL)
		return 0;
	if (path == NULL)
		path = getenv("BACKPAIN_PACK");
	if (path != NULL && *path != '\0')
		rc = content_load_file(path, &cli->pack, &errs);
	else
		rc = content_load_default(&cli->pack, &errs);
	if (rc != CONTENT_OK)
		print_content_errors(&errs);
	content_errors_free(&errs);
	if (rc == CONTENT_UNREADABLE)
		return EX_NOINPUT;
	if (rc != CONTENT_OK)
		return EX_DATAERR;
	return 0;
}

int
cli_config(struct cli *cli)
{
	char *cause = NULL;

	if (cli->config_loaded)
		return 0;
	config_defaults(&cli->config);
	if (config_load(&cli->config, NULL, &cause) != 0)
		return cli_fail_cause(EX_DATAERR, cause);
	cli->config_loaded = 1;
	return 0;
}

int
cli_store(struct cli *cli)
{
	char *path = NULL, *cause = NULL;
	const char *p = cli->db_path;
	int rc;

	if (cli->store != NULL)
		return 0;
	if (p == NULL || *p == '\0')
		p = path = store_default_path();
	if (p == NULL)
		return cli_fail(EX_CANTCREAT,
				"no place for the log: set HOME, "
				"XDG_DATA_HOME or BACKPAIN_DB, or use --db");
	rc = store_open(p, &cli->store, &cause);
	free(path);
	if (rc != 0)
		return cli_fail_cause(rc, cause);
	return 0;
}
