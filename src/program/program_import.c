/*
 * program_import.c: an export read back (program.h). The file is parsed,
 * its top level read in the terms of its format (program_import_format.c),
 * then each table in the export's order, every value checked as if a
 * person typed it: by the checks of the write path (program_checkin_check(),
 * program_session_check(), program_approach()) and the same rules for
 * trials, habits (program_keep(), program_drop()), screening answers, the
 * profile, flare-ups (program_flare(), program_flare_over()) and lessons
 * (program_lesson_read(), program_lesson_dismiss()), each
 * table's in its program_import_*.c. The store then writes it all in one
 * transaction. A refusal names the file, the line and the column of the
 * value.
 */
#include "program_int.h"

#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "util.h"

static int
read_root(struct program_reading *r)
{
	const struct json *t[STORE_TABLES];
	int rc;

	if ((rc = program_import_tables(r, t)) != 0)
		return rc;
	if ((rc = program_import_checkins(r, t[STORE_TABLE_CHECKIN],
					  t[STORE_TABLE_ANSWER])) ||
	    (rc = program_import_trials(r, t[STORE_TABLE_TRIAL])) ||
	    (rc = program_import_sessions(r, t[STORE_TABLE_SESSION])) ||
	    (rc = program_import_screenings(r, t[STORE_TABLE_SCREENING])) ||
	    (rc = program_import_profile(r, t[STORE_TABLE_PROFILE])) ||
	    (rc = program_import_habits(r, t[STORE_TABLE_HABIT])) ||
	    (rc = program_import_flares(r, t[STORE_TABLE_FLARE])) ||
	    (rc = program_import_lessons(r, t[STORE_TABLE_LESSON])) ||
	    (rc = program_import_pauses(r, t[STORE_TABLE_PAUSE])))
		return rc;
	return 0;
}

int
program_import_read(const struct pack *pack, const char *today,
		    const char *name, const char *text, size_t len,
		    struct program_import **out, char **cause)
{
	struct program_import *imp = xcalloc(1, sizeof *imp);
	struct json_error err;
	struct program_reading r = {imp, pack, today, cause, ""};
	int rc;

	*out = NULL;
	imp->name = xstrdup(name);
	if (today == NULL ||
	    day_add(today, PROGRAM_IMPORT_DAYS_AHEAD, r.latest) != 0) {
		program_import_free(imp);
		*cause = xstrdup("today is not known");
		return EX_DATAERR;
	}
	if (json_parse(text, len, &imp->root, &err) != 0) {
		*cause =
		    xasprintf("%s:%d:%d: %s", name, err.line, err.col, err.msg);
		program_import_free(imp);
		return EX_DATAERR;
	}
	if ((rc = read_root(&r)) != 0) {
		program_import_free(imp);
		return rc;
	}
	*out = imp;
	return 0;
}

/* The face's tables are the export's (program.h). */
_Static_assert(PROGRAM_IMPORT_TABLES == STORE_TABLES,
	       "program.h's import tables are store.h's");

int
program_import_write(struct store *store, const struct program_import *imp,
		     int replace, struct program_import_result *res,
		     char **cause)
{
	struct store_import_result sres;
	const struct json *row;
	char *why = NULL;
	size_t t;
	int rc;

	memset(res, 0, sizeof *res);
	rc = store_import(store, &imp->dump, replace, &sres, &why);
	if (rc == 0) {
		for (t = 0; t < STORE_TABLES; t++) {
			const struct store_import_count *c = &sres.n[t];

			res->n[t] =
			    (struct program_import_count){store_tables[t].name,
							  c->added,
							  c->same,
							  c->newer,
							  c->older,
							  c->replaced,
							  c->removed};
		}
		res->changed = sres.changed;
		res->nchanged = sres.nchanged;
		return 0;
	}
	res->table = sres.table;
	res->row = sres.row;
	for (t = 0; sres.table != NULL && t < STORE_TABLES; t++)
		if (strcmp(sres.table, store_tables[t].name) == 0 &&
		    imp->rows[t] != NULL) {
			row = &imp->rows[t][sres.row];
			*cause = xasprintf("%s:%d:%d: %s", imp->name, row->line,
					   row->col, why);
			free(why);
			return rc;
		}
	*cause = why;
	return rc;
}

void
program_import_result_clear(struct program_import_result *res)
{
	size_t i;

	for (i = 0; i < res->nchanged; i++)
		free(res->changed[i]);
	free(res->changed);
	res->changed = NULL;
	res->nchanged = 0;
}

void
program_import_free(struct program_import *imp)
{
	if (imp == NULL)
		return;
	json_free(&imp->root);
	free(imp->checkins);
	free(imp->answers);
	free(imp->trials);
	free(imp->sessions);
	free(imp->screenings);
	free(imp->profile);
	free(imp->habits);
	free(imp->pauses);
	free(imp->flares);
	free(imp->lessons);
	free(imp->name);
	free(imp);
}
