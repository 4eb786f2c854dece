/*
 * cli_import.c: `backpain import FILE [--replace]`, an export read back
 * into the log (program_import_read(), program_import_write()). The file
 * is read and every value checked before the log is opened, so a bad file
 * creates no log and changes none.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sysexits.h>
#include <unistd.h>

#include "app.h"
#include "cli_int.h"
#include "cli_opt_int.h"
#include "program.h"
#include "util.h"

/* Far above the export of a lifetime of daily check-ins. */
#define IMPORT_FILE_MAX (256L * 1024 * 1024)

enum { OPT_REPLACE = CLI_OPT_FORMAT + 100 };

/* The whole file into *text (path is its name as shown); a FIFO or a device is
 * refused without waiting for a writer. Exit statuses: 66 cannot be read, 65
 * too large, 74 a read error. */
static int
read_file(const char *file, const char *path, char **text, size_t *len)
{
	struct stat st;
	struct buf b;
	char chunk[65536];
	ssize_t n;
	int fd, e;

	*text = NULL;
	fd = open(file, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
	if (fd < 0) {
		e = errno;
		return cli_fail(EX_NOINPUT, "import: cannot read %s: %s", path,
				strerror(e));
	}
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
		close(fd);
		return cli_fail(EX_NOINPUT,
				"import: %s is not a regular file (give the "
				"file an export was saved to)",
				path);
	}
	if (st.st_size > IMPORT_FILE_MAX) {
		close(fd);
		return cli_fail(EX_DATAERR,
				"import: %s is too large for an export of "
				"backpain (%lld bytes, at most %ld)",
				path, (long long)st.st_size, IMPORT_FILE_MAX);
	}
	buf_init(&b);
	buf_adds(&b, "");
	while ((n = read(fd, chunk, sizeof chunk)) != 0) {
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0 || b.len + (size_t)n > (size_t)IMPORT_FILE_MAX) {
			e = n < 0 ? errno : EFBIG;
			close(fd);
			buf_free(&b);
			return cli_fail(n < 0 ? EX_IOERR : EX_DATAERR,
					"import: cannot read %s: %s", path,
					strerror(e));
		}
		buf_add(&b, chunk, (size_t)n);
	}
	close(fd);
	*len = b.len;
	*text = buf_take(&b);
	return 0;
}

/* The rows of the file the log now holds as the file has them (added,
 * newer, or put in place of the log's), then what became of the others
 * and of the log's rows. */
static void
count(const char *one, const char *many, const struct program_import_count *c,
      int *first)
{
	size_t n = c->added + c->newer + c->replaced;

	printf("%s%zu %s", *first ? "" : ", ", n, n == 1 ? one : many);
	if (c->newer > 0)
		printf(" (%zu newer than the log's)", c->newer);
	if (c->replaced > 0)
		printf(" (%zu replaced)", c->replaced);
	if (c->same > 0)
		printf(" (%zu already there)", c->same);
	if (c->older > 0)
		printf(" (%zu older than the log's, left out)", c->older);
	if (c->removed > 0)
		printf(" (%zu of the log's removed)", c->removed);
	*first = 0;
}

/* Whether the import found no row of a table at all. */
static int
counts_none(const struct program_import_count *c)
{
	return c->added + c->same + c->newer + c->older + c->replaced +
		   c->removed ==
	       0;
}

/* What the summary calls one and several rows of each table of an export;
 * quiet: a
 * table shown only when it had rows: the lessons read or put off, events
 * of the Learn screen that most files have none of, and the pause weeks
 * (issue 21), so that the line reads as before for the rest. A table not
 * here is shown by its name. */
static const struct {
	const char *table, *one, *many;
	int quiet;
} tables[] = {
    {"checkin", "check-in", "check-ins", 0},
    {"answer", "answer", "answers", 0},
    {"trial", "trial", "trials", 0},
    {"session", "session", "sessions", 0},
    {"screening", "screening answer", "screening answers", 0},
    {"profile", "profile entry", "profile entries", 0},
    {"habit", "habit", "habits", 0},
    {"flare", "flare-up", "flare-ups", 0},
    {"lesson", "lesson row", "lesson rows", 1},
    {"trial_pause", "pause week", "pause weeks", 1},
};

/* The rows of every table the import found, on one line. */
static void
counts(const struct program_import_result *res)
{
	const struct program_import_count *c;
	const char *one, *many;
	size_t t, k;
	int first = 1, quiet;

	for (t = 0; t < PROGRAM_IMPORT_TABLES; t++) {
		c = &res->n[t];
		one = many = c->table;
		quiet = 0;
		for (k = 0; k < sizeof tables / sizeof tables[0]; k++)
			if (strcmp(c->table, tables[k].table) == 0) {
				one = tables[k].one;
				many = tables[k].many;
				quiet = tables[k].quiet;
			}
		if (!quiet || !counts_none(c))
			count(one, many, c, &first);
	}
}

/* A refusal placed in the file prints as FILE:LINE:COLUMN: first, as a
 * compiler's does; then that the log is as it was. */
static int
refused(const char *path, int rc, char *cause)
{
	size_t n = strlen(path);

	if (cause != NULL && strncmp(cause, path, n) == 0 && cause[n] == ':')
		fprintf(stderr, "%s\n", cause);
	else
		fprintf(stderr, "backpain: import: %s\n",
			cause != NULL ? cause : "unknown error");
	free(cause);
	fputs("backpain: import: nothing was imported\n", stderr);
	return rc;
}

int
cli_cmd_import(struct app *app, int argc, char **argv)
{
	static const struct option opts[] = {
	    {"replace", no_argument, NULL, OPT_REPLACE},
	    CLI_COMMON_OPTIONS,
	};
	struct program_import *imp = NULL;
	struct program_import_result res;
	const char *arg = NULL, *path;
	struct buf shown;
	char today[DAY_LEN], *text = NULL, *cause = NULL;
	size_t len = 0, k;
	int opt, rc, replace = 0;

	opterr = 0;
	while ((opt = getopt_long(argc, argv, CLI_OPT_STRING, opts, NULL)) !=
	       -1) {
		if (opt == OPT_REPLACE)
			replace = 1;
		else if ((rc = cli_opt_other(app, "import", opt, argv)) >= 0)
			return rc;
	}
	if ((rc = cli_opt_operand("import", "FILE", argc, argv, &arg)) != 0)
		return rc;
	/* An empty name is a mistake of the command line (an unset
	 * variable), as an empty --db is, not a file that cannot be read. */
	if (*arg == '\0')
		return cli_usage_error("import", "the file name is empty");
	/* The name as messages show it: a file name cannot drive the
	 * terminal either. */
	buf_init(&shown);
	util_escape(&shown, arg);
	path = shown.data != NULL ? shown.data : "";
	if ((rc = read_file(arg, path, &text, &len)) != 0 ||
	    (rc = cli_pack(app)) != 0 ||
	    (rc = cli_opt_day(app, "import", NULL, today)) != 0) {
		free(text);
		buf_free(&shown);
		return rc;
	}
	rc = program_import_read(app->pack, today, path, text, len, &imp,
				 &cause);
	free(text);
	if (rc == 0 && (rc = cli_store(app)) != 0) {
		program_import_free(imp);
		buf_free(&shown);
		return rc;
	}
	if (rc == 0)
		rc = program_import_write(app->store, imp, replace, &res,
					  &cause);
	program_import_free(imp);
	if (rc != 0) {
		rc = refused(path, rc, cause);
		buf_free(&shown);
		return rc;
	}
	printf("Imported %s: ", path);
	counts(&res);
	puts(".");
	if (res.nchanged > 0)
		puts("The log's rows this import replaced or removed:");
	for (k = 0; k < res.nchanged; k++)
		printf("  %s\n", res.changed[k]);
	program_import_result_clear(&res);
	buf_free(&shown);
	return 0;
}
