/*
 * Unit tests for config.c: defaults when there is no file, the one setting
 * read in either YAML spelling, and bad files refused with FILE:LINE:COLUMN
 * and nothing changed. Files are real, in a temporary directory.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "config.h"
#include "day.h"
#include "util.h"

static char dir[] = "/tmp/backpain-config-test.XXXXXX";

static int
setup(void **state)
{
	(void)state;
	return mkdtemp(dir) == NULL ? -1 : 0;
}

static int
teardown(void **state)
{
	char *cmd = xasprintf("rm -rf '%s'", dir);
	int rc = system(cmd);

	(void)state;
	free(cmd);
	return rc == 0 ? 0 : -1;
}

/* Writes text to DIR/name; returns the path (allocated). */
static char *
write_file(const char *name, const char *text)
{
	char *path = xasprintf("%s/%s", dir, name);
	FILE *f = fopen(path, "w");

	assert_non_null(f);
	assert_int_equal(fputs(text, f) >= 0, 1);
	assert_int_equal(fclose(f), 0);
	return path;
}

/* The text must be refused with the cause "PATH" followed by want,
 * leaving the config as it was. */
static void
refused(const char *text, const char *want)
{
	char *path = write_file("bad.yaml", text), *cause = NULL, *expect;
	struct config c = {.day_start = 7};

	expect = xasprintf("%s%s", path, want);
	assert_int_equal(config_load(&c, path, &cause), -1);
	assert_non_null(cause);
	assert_string_equal(cause, expect);
	assert_int_equal(c.day_start, 7);
	free(cause);
	free(expect);
	free(path);
}

static int
loaded(const char *text)
{
	char *path = write_file("good.yaml", text), *cause = NULL;
	struct config c;

	config_defaults(&c);
	if (config_load(&c, path, &cause) != 0)
		fail_msg("refused: %s", cause);
	assert_null(cause);
	free(path);
	return c.day_start;
}

static void
test_defaults_when_missing(void **state)
{
	char *path = xasprintf("%s/none/config.yaml", dir), *cause = NULL;
	struct config c;

	(void)state;
	config_defaults(&c);
	assert_int_equal(c.day_start, DAY_START_DEFAULT);
	assert_int_equal(config_load(&c, path, &cause), 0);
	assert_null(cause);
	assert_int_equal(c.day_start, DAY_START_DEFAULT);
	free(path);

	/* No path: the default place under HOME, where nothing is yet. */
	setenv("HOME", dir, 1);
	unsetenv("XDG_CONFIG_HOME");
	assert_int_equal(config_load(&c, NULL, &cause), 0);
	assert_int_equal(c.day_start, DAY_START_DEFAULT);

	/* A file of comments only is no setting at all. */
	assert_int_equal(loaded("# day_starts_at: \"06:00\"\n"),
			 DAY_START_DEFAULT);
	assert_int_equal(loaded(""), DAY_START_DEFAULT);
}

static void
test_path(void **state)
{
	char *p;

	(void)state;
	setenv("HOME", "/home/someone", 1);
	unsetenv("XDG_CONFIG_HOME");
	p = config_path();
	assert_string_equal(p, "/home/someone/.config/backpain/config.yaml");
	free(p);
	setenv("XDG_CONFIG_HOME", "/etc/xdg-user", 1);
	p = config_path();
	assert_string_equal(p, "/etc/xdg-user/backpain/config.yaml");
	free(p);
	/* A relative XDG_CONFIG_HOME is ignored, as the XDG spec says. */
	setenv("XDG_CONFIG_HOME", "relative", 1);
	p = config_path();
	assert_string_equal(p, "/home/someone/.config/backpain/config.yaml");
	free(p);
	unsetenv("XDG_CONFIG_HOME");
	unsetenv("HOME");
	assert_null(config_path());
}

static void
test_valid_file(void **state)
{
	char *cause = NULL, *path;
	struct config c;

	(void)state;
	assert_int_equal(loaded("day_starts_at: \"05:30\"\n"), 5 * 60 + 30);
	assert_int_equal(loaded("day_starts_at: 00:00\n"), 0);
	assert_int_equal(loaded("# when my day begins\nday_starts_at: '23:59'"),
			 23 * 60 + 59);

	/* Found through XDG_CONFIG_HOME when no path is given. */
	path = xasprintf("%s/backpain", dir);
	assert_int_equal(mkdir(path, 0700), 0);
	free(path);
	free(write_file("backpain/config.yaml", "day_starts_at: \"03:15\"\n"));
	setenv("XDG_CONFIG_HOME", dir, 1);
	config_defaults(&c);
	assert_int_equal(config_load(&c, NULL, &cause), 0);
	assert_int_equal(c.day_start, 3 * 60 + 15);
	unsetenv("XDG_CONFIG_HOME");
}

static void
test_bad_time(void **state)
{
	(void)state;
	refused("day_starts_at: \"25:00\"\n",
		":1:16: expected a time HH:MM from 00:00 to 23:59 for "
		"'day_starts_at', got the quoted string '25:00'");
	refused("\n\nday_starts_at: 4am\n",
		":3:16: expected a time HH:MM from 00:00 to 23:59 for "
		"'day_starts_at', got '4am'");
	refused("day_starts_at: [04, 00]\n",
		":1:16: expected a time HH:MM from 00:00 to 23:59 for "
		"'day_starts_at', got a list");
	refused("day_starts_at:\n",
		":1:15: expected a time HH:MM from 00:00 to 23:59 for "
		"'day_starts_at', got an empty value");
}

static void
test_unknown_key(void **state)
{
	(void)state;
	refused("day_starts_at: \"04:00\"\ncolour: blue\n",
		":2:1: unknown key 'colour' in the config");
	refused("day_stars_at: \"04:00\"\n",
		":1:1: unknown key 'day_stars_at' in the config (did you "
		"mean 'day_starts_at'?)");
	/* Several problems: the first, and how many more. */
	refused("a: 1\nb: 2\nday_starts_at: x\n",
		":1:1: unknown key 'a' in the config (and 2 more problems)");
}

static void
test_bad_yaml(void **state)
{
	(void)state;
	refused("day_starts_at: \"04:00\nx: 1\n",
		":3:1: invalid YAML: found unexpected end of stream (while "
		"scanning a quoted scalar at line 1, column 16)");
	refused("day_starts_at: \"04:00\"\nday_starts_at: \"05:00\"\n",
		":2:1: duplicate key 'day_starts_at' (first at line 1, "
		"column 1)");
	refused("- day_starts_at: \"04:00\"\n",
		":1:1: expected a mapping (the config) at the top of the "
		"file, got a list");
	refused("day_starts_at: &a \"04:00\"\n",
		":1:16: anchor &a is not allowed (no anchors or aliases)");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_defaults_when_missing),
	    cmocka_unit_test(test_path),
	    cmocka_unit_test(test_valid_file),
	    cmocka_unit_test(test_bad_time),
	    cmocka_unit_test(test_unknown_key),
	    cmocka_unit_test(test_bad_yaml),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
