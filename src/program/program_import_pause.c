/*
 * program_import_pause.c: the pause weeks of an export read back
 * (program_int.h), checked as program_pause() and program_resume() check
 * them: each pauses a trial of the file, once, on or after its start and
 * not after its end, and is resumed on a later day. That the approach is
 * reversible is not asked again: the log says the person stopped, and
 * the pack may have changed since.
 */
#include "program_int.h"

#include <string.h>

#include "util.h"

static int
read_pause(struct program_reading *r, const struct json *a, size_t i)
{
	struct program_import *imp = r->imp;
	struct store_pause *p = &imp->pauses[i];
	const struct json *v[PROGRAM_IMPORT_COLUMNS];
	const struct store_trial *t = NULL;
	const char *rec;
	long long id, trial_id;
	size_t k;
	int rc;

	if ((rc = program_import_row(r, PROGRAM_IMPORT_PAUSE, i, &a->items[i],
				     v)) ||
	    (rc = program_import_get_int(r, v[0], "id", 1,
					 PROGRAM_IMPORT_ID_MAX, 0, &id)) ||
	    (rc =
		 program_import_get_int(r, v[1], "trial_id", 1,
					PROGRAM_IMPORT_ID_MAX, 0, &trial_id)) ||
	    (rc = program_import_get_day(r, v[2], "paused_on", 0,
					 p->paused_on)) ||
	    (rc = program_import_get_day(r, v[3], "resumed_on", 1,
					 p->resumed_on)) ||
	    (rc = program_import_get_time(r, v[4], "recorded_at", &rec)))
		return rc;
	if (i > 0 && imp->pauses[i - 1].id >= id)
		return program_import_refuse(r, v[0],
					     PROGRAM_IMPORT_IDS_IN_ORDER);
	p->id = id;
	p->trial_id = trial_id;
	p->recorded_at = (char *)rec;
	for (k = 0; k < imp->dump.ntrials; k++)
		if (imp->trials[k].id == trial_id)
			t = &imp->trials[k];
	if (t == NULL)
		return program_import_refuse(
		    r, v[1],
		    "trial_id %lld: the file has no trial with this id",
		    trial_id);
	for (k = 0; k < i; k++)
		if (imp->pauses[k].trial_id == trial_id)
			return program_import_refuse(
			    r, v[1],
			    "trial_id %lld is paused a second time: a trial "
			    "is paused once",
			    trial_id);
	if (strcmp(p->paused_on, t->started_on) < 0 ||
	    (t->ended_on[0] != '\0' && strcmp(p->paused_on, t->ended_on) > 0))
		return program_import_refuse(
		    r, v[2],
		    "paused_on %s is not a day of its trial (%s to %s)",
		    p->paused_on, t->started_on,
		    t->ended_on[0] != '\0' ? t->ended_on : "today");
	if (p->resumed_on[0] != '\0' &&
	    strcmp(p->resumed_on, p->paused_on) <= 0)
		return program_import_refuse(
		    r, v[3],
		    "resumed_on %s: the first day back on it comes after the "
		    "day it was paused, %s",
		    p->resumed_on, p->paused_on);
	return 0;
}

int
program_import_pauses(struct program_reading *r, const struct json *a)
{
	struct program_import *imp = r->imp;
	size_t i;
	int rc = 0;

	imp->pauses = xcalloc(a->n + 1, sizeof *imp->pauses);
	for (i = 0; i < a->n && rc == 0; i++)
		rc = read_pause(r, a, i);
	imp->dump.pauses = imp->pauses;
	imp->dump.npauses = a->n;
	imp->rows[PROGRAM_IMPORT_PAUSE] = a->items;
	return rc;
}
