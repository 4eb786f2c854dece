/* app.c: opening the pack, the config and the log, each once and late. */
#include "app.h"

#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "content.h"
#include "program.h"
#include "util.h"

int
app_pack(struct app *app, struct content_errors *errs)
{
	const char *path = app->pack_path;
	int rc;

	if (app->pack != NULL)
		return 0;
	/* An empty --pack is a mistake (an unset variable in a script), not
	 * a wish for the built-in pack. */
	if (path != NULL && *path == '\0') {
		errs->v = xmalloc(sizeof *errs->v);
		errs->v[0] = xstrdup("backpain: --pack needs a file name");
		errs->n = 1;
		return EX_USAGE;
	}
	if (path == NULL)
		path = getenv("BACKPAIN_PACK");
	if (path != NULL && *path != '\0')
		rc = content_load_file(path, &app->pack, errs);
	else
		rc = content_load_default(&app->pack, errs);
	if (rc == CONTENT_UNREADABLE)
		return EX_NOINPUT;
	if (rc != CONTENT_OK)
		return EX_DATAERR;
	return 0;
}

int
app_config(struct app *app, char **cause)
{
	int rc;

	if (app->config_loaded)
		return 0;
	config_defaults(&app->config);
	/* -2: the file is there but cannot be read (or is not a file). */
	if ((rc = config_load(&app->config, NULL, cause)) != 0)
		return rc == -2 ? EX_NOINPUT : EX_DATAERR;
	app->config_loaded = 1;
	day_today(app->config.day_start, app->today);
	return 0;
}

int
app_store(struct app *app, char **cause)
{
	char *path = NULL;
	const char *p = app->db_path;
	int rc;

	if (app->store != NULL)
		return 0;
	/* An empty --db is a mistake (an unset variable in a script), not
	 * a wish for the default log. */
	if (p != NULL && *p == '\0') {
		*cause = xstrdup("--db needs a file name");
		return EX_USAGE;
	}
	if (p == NULL)
		p = path = program_default_path();
	if (p == NULL) {
		*cause =
		    xstrdup("no place for the log: set HOME, XDG_DATA_HOME "
			    "or BACKPAIN_DB, or use --db");
		return EX_CANTCREAT;
	}
	rc = program_open(p, app->read_only, &app->store, cause);
	free(path);
	return rc;
}

int
app_today(struct app *app, char out[DAY_LEN], char **cause)
{
	int rc;

	if ((rc = app_config(app, cause)) != 0)
		return rc;
	day_today(app->config.day_start, app->today);
	memcpy(out, app->today, DAY_LEN);
	return 0;
}

int
app_day(struct app *app, const char *arg, char out[DAY_LEN], char **cause)
{
	int rc;

	if ((rc = app_today(app, out, cause)) != 0)
		return rc;
	if (arg == NULL)
		return 0;
	if (day_resolve(arg, app->config.day_start, out, cause) != 0)
		return EX_DATAERR;
	return 0;
}

int
app_saved(const struct app *app)
{
	return app->store != NULL && program_saved(app->store);
}

void
app_close(struct app *app)
{
	content_free(app->pack);
	app->pack = NULL;
	if (app->store != NULL)
		program_close(app->store);
	app->store = NULL;
}
