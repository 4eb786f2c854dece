/* cli_opt.c: option handling and value checks that most commands share
 * (cli_opt_int.h). */
#include "cli_opt_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "app.h"
#include "cli_int.h"
#include "pain.h"
#include "util.h"

#define DEL 0x7f /* the last ASCII code, not printable */

int
cli_opt_other(struct app *app, const char *cmd, int opt, char **argv)
{
	if (cli_common_option(app, opt, optarg))
		return -1;
	if (opt == CLI_OPT_HELP) {
		printf("usage: backpain %s\n", cli_command_usage(cmd));
		return 0;
	}
	if (opt == ':')
		return cli_usage_error(cmd, "%s needs a value",
				       argv[optind - 1]);
	/* optopt: the letter of an unknown short option; the value of a long
	 * option given a value it does not take; 0 for an unknown one. */
	if (optopt > ' ' && optopt < DEL)
		return cli_usage_error(cmd, "unknown option '-%c'", optopt);
	if (optopt != 0)
		return cli_usage_error(cmd, "'%s' takes no value",
				       argv[optind - 1]);
	return cli_usage_error(cmd, "unknown option '%s'", argv[optind - 1]);
}

int
cli_opt_none(struct app *app, const char *cmd, int argc, char **argv)
{
	static const struct option opts[] = {CLI_COMMON_OPTIONS};
	int opt, rc;

	opterr = 0;
	while ((opt = getopt_long(argc, argv, CLI_OPT_STRING, opts, NULL)) !=
	       -1)
		if ((rc = cli_opt_other(app, cmd, opt, argv)) >= 0)
			return rc;
	if (optind < argc)
		return cli_usage_error(cmd, "unexpected argument '%s'",
				       argv[optind]);
	return -1;
}

int
cli_opt_operand(const char *cmd, const char *name, int argc, char **argv,
		const char **out)
{
	if (optind >= argc)
		return cli_usage_error(cmd, "%s is missing", name);
	if (optind + 1 < argc)
		return cli_usage_error(cmd, "unexpected argument '%s'",
				       argv[optind + 1]);
	*out = argv[optind];
	return 0;
}

int
cli_opt_cause(const char *cmd, int code, char *cause)
{
	cli_fail(code, "%s: %s", cmd, cause != NULL ? cause : "unknown error");
	free(cause);
	return code;
}

int
cli_opt_bad(const char *cmd, const char *what, const char *value,
	    const char *why)
{
	struct buf b;

	buf_init(&b);
	util_escape(&b, value);
	cli_fail(EX_DATAERR, "%s: %s '%s': %s", cmd, what,
		 b.data != NULL ? b.data : "", why);
	buf_free(&b);
	return EX_DATAERR;
}

int
cli_opt_choice(const char *cmd, const char *what, const char *value,
	       const char *why)
{
	struct buf b;

	buf_init(&b);
	util_escape(&b, value);
	cli_usage_error(cmd, "%s '%s': %s", what, b.data != NULL ? b.data : "",
			why);
	buf_free(&b);
	return EX_USAGE;
}

int
cli_opt_rating(const char *cmd, const char *what, const char *s, int *out)
{
	long v;

	if (util_parse_int(s, PAIN_MIN, PAIN_MAX, &v) != 0)
		return cli_opt_bad(cmd, what, s,
				   "not a rating; use a whole number from 0 "
				   "(none) to 10 (worst imaginable)");
	*out = (int)v;
	return 0;
}

int
cli_opt_day(struct app *app, const char *cmd, const char *arg,
	    char out[DAY_LEN])
{
	char *cause = NULL;
	int rc;

	if ((rc = cli_config(app)) != 0)
		return rc;
	if ((rc = app_day(app, arg, out, &cause)) != 0) {
		/* The cause quotes the value already. */
		cli_fail(rc, "%s: --date: %s", cmd,
			 cause != NULL ? cause : "not a day");
		free(cause);
		return rc;
	}
	return 0;
}
