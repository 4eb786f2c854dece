/*
 * cli_common.c: what every command calls: its messages to stderr, the
 * options all commands share, and the app's pack, config and log opened
 * with the problem printed. The app keeps what they open (main.c closes it).
 */
#include "cli_int.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <sysexits.h>

#include "app.h"
#include "content.h"

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
