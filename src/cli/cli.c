/* cli.c: command dispatch and what the commands share. */
#include "cli.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "app.h"
#include "content.h"
#include "store.h"
#include "util.h"

static const struct command {
	const char *name;
	int (*fn)(struct app *, int, char **);
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
     "[--impression 1..7|WORD] [--keep | --drop]"
     " [--date D]"},
    {"flare", cli_cmd_flare,
     "flare [--pain N] [--note TEXT] [--date D] | flare --over [--date D]"},
    {"status", cli_cmd_status, "status"},
    {"history", cli_cmd_history,
     "history [--days N | --all] [--format table|csv|json]"},
    {"review", cli_cmd_review, "review [--format table|csv|json]"},
    {"report", cli_cmd_report,
     "report [--format text|markdown|html] [-o FILE]"},
    {"export", cli_cmd_export, "export [--format json|csv]"},
    {"import", cli_cmd_import, "import FILE [--replace]"},
    {"due", cli_cmd_due, "due"},
    {"safety", cli_cmd_safety,
     "safety [--answer FLAG=yes|no]... [--checked FLAG [--date D]]"},
    {"pack", cli_cmd_pack,
     "pack check [FILE] | pack list [--practices | --questions | "
     "--reading | --flags]"},
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
cli_run(struct app *app, int argc, char **argv)
{
	size_t i;

	for (i = 0; i < sizeof commands / sizeof commands[0]; i++) {
		if (strcmp(commands[i].name, argv[0]) == 0) {
			optind = 0; /* each command parses its own options */
			return commands[i].fn(app, argc, argv);
		}
	}
	fprintf(stderr, "backpain: unknown command '%s'\n", argv[0]);
	cli_usage(stderr);
	return EX_USAGE;
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
cli_common_option(struct app *app, int opt, const char *arg)
{
	switch (opt) {
	case CLI_OPT_DB:
		app->db_path = arg;
		return 1;
	case CLI_OPT_PACK:
		app->pack_path = arg;
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
cli_pack(struct app *app)
{
	struct content_errors errs = {0};
	int rc;

	if ((rc = app_pack(app, &errs)) != 0)
		print_content_errors(&errs);
	content_errors_free(&errs);
	return rc;
}

int
cli_config(struct app *app)
{
	char *cause = NULL;
	int rc;

	if ((rc = app_config(app, &cause)) != 0)
		return cli_fail_cause(rc, cause);
	return 0;
}

int
cli_store(struct app *app)
{
	char *cause = NULL;
	int rc;

	if ((rc = app_store(app, &cause)) != 0)
		return cli_fail_cause(rc, cause);
	return 0;
}
