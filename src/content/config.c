/* config.c: the user's settings file, read as strictly as the pack. */
#include "config.h"

#include <errno.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "content_int.h"
#include "day.h"
#include "util.h"

#define CONFIG_DIR "backpain"
#define CONFIG_FILE "config.yaml"

void
config_defaults(struct config *c)
{
	c->day_start = DAY_START_DEFAULT;
}

char *
config_path(void)
{
	const char *xdg = getenv("XDG_CONFIG_HOME");
	const char *home = getenv("HOME");

	/* The XDG spec says to ignore a relative XDG_CONFIG_HOME. */
	if (xdg != NULL && xdg[0] == '/')
		return xasprintf("%s/%s/%s", xdg, CONFIG_DIR, CONFIG_FILE);
	if (home != NULL && home[0] != '\0')
		return xasprintf("%s/.config/%s/%s", home, CONFIG_DIR,
				 CONFIG_FILE);
	return NULL;
}

static int
parse_hhmm(const char *s, void *out)
{
	int minutes;

	if (day_parse_hhmm(s, &minutes) != 0)
		return -1;
	memcpy(out, &minutes, sizeof minutes);
	return 0;
}

static const struct schema_field config_fields[] = {
    {.key = "day_starts_at",
     .type = SCHEMA_CUSTOM,
     .off = offsetof(struct config, day_start),
     .parse = parse_hhmm,
     .expect = "a time HH:MM from 00:00 to 23:59"},
    {0},
};
static const struct schema config_schema = {"the config", sizeof(struct config),
					    config_fields, NULL};

/* The first error as the cause, with a count of any others. */
static char *
first_error(struct content_diag *d)
{
	struct content_errors errs;
	char *cause;
	size_t more;

	content_diag_finish(d, &errs);
	more = errs.n + errs.dropped - 1;
	if (more > 0)
		cause = xasprintf("%s (and %zu more problem%s)", errs.v[0],
				  more, more == 1 ? "" : "s");
	else
		cause = xstrdup(errs.v[0]);
	content_errors_free(&errs);
	return cause;
}

int
config_load(struct config *c, const char *path, char **cause)
{
	struct content_diag d;
	struct content_node *root = NULL;
	struct config tmp = *c;
	char *owned = NULL, *data = NULL;
	size_t len;
	int rc;

	*cause = NULL;
	if (path == NULL && (path = owned = config_path()) == NULL)
		return 0;
	rc = content_tree_read_file(path, &data, &len);
	if (rc == -1 && errno == ENOENT) {
		free(owned);
		return 0;
	}
	if (rc == -1 || rc == -3) {
		*cause = xasprintf("%s: cannot read: %s", path,
				   rc == -3 ? "it is not a regular file"
					    : strerror(errno));
		free(owned);
		return -2;
	}
	content_diag_init(&d, path);
	if (rc == -2)
		content_diag_add(&d, 1, 1,
				 "the file is larger than %d bytes (1 MiB)",
				 CONTENT_MAX_BYTES);
	else if (content_tree_parse(&d, data, len, &root) == 0 && root != NULL)
		content_schema_walk(&d, &config_schema, root, &tmp, NULL);
	/* A file with nothing but comments keeps the defaults. */
	content_tree_free(root);
	free(data);
	if (d.total > 0) {
		*cause = first_error(&d);
		free(owned);
		return -1;
	}
	content_diag_free(&d);
	free(owned);
	*c = tmp;
	return 0;
}
