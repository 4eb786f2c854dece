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
count(const char *const what[2], const struct store_import_count *c, int *first)
{
	size_t n = c->added + c->newer + c->replaced;

	printf("%s%zu %s", *first ? "" : ", ", n, what[n != 1]);
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
counts_none(const struct store_import_count *c)
{
	return c->added + c->same + c->newer + c->older + c->replaced +
		   c->removed ==
	       0;
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
	struct store_import_result res;
	const char *arg = NULL, *path;
	struct buf shown;
	char today[DAY_LEN], *text = NULL, *cause = NULL;
	/* Each table's rows, one and many. */
	static const char *const tables[STORE_TABLES][2] = {
	    {"check-in", "check-ins"},
	    {"answer", "answers"},
	    {"trial", "trials"},
	    {"session", "sessions"},
	    {"screening answer", "screening answers"},
	    {"profile entry", "profile entries"},
	    {"habit", "habits"},
	    {"flare-up", "flare-ups"},
	    {"lesson row", "lesson rows"},
	    {"pause week", "pause weeks"}};
	size_t len = 0, k;
	int opt, rc, replace = 0, first = 1, t;

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
	for (t = 0; t < STORE_TABLES; t++)
		/* The lessons read or put off, events of the Learn screen
		 * that most files have none of, and the pause weeks (issue
		 * 21), only when there are some, so that the line reads as
		 * before for the rest. */
		if ((t != STORE_TABLE_LESSON && t != STORE_TABLE_PAUSE) ||
		    !counts_none(&res.n[t]))
			count(tables[t], &res.n[t], &first);
	puts(".");
	if (res.nchanged > 0)
		puts("The log's rows this import replaced or removed:");
	for (k = 0; k < res.nchanged; k++)
		printf("  %s\n", res.changed[k]);
	store_import_result_clear(&res);
	buf_free(&shown);
	return 0;
}
