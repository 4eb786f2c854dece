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
	const struct json *v[STORE_COLUMNS_MAX];
	const struct store_trial *t = NULL;
	const char *rec;
	long long id, trial_id;
	size_t k;
	int rc;

	if ((rc = program_import_row(r, STORE_TABLE_PAUSE, i, &a->items[i],
				     v)) ||
	    (rc = program_import_get_int(r, v[STORE_PAUSE_ID], "id", 1,
					 PROGRAM_IMPORT_ID_MAX, 0, &id)) ||
	    (rc =
		 program_import_get_int(r, v[STORE_PAUSE_TRIAL], "trial_id", 1,
					PROGRAM_IMPORT_ID_MAX, 0, &trial_id)) ||
	    (rc = program_import_get_day(r, v[STORE_PAUSE_PAUSED_ON],
					 "paused_on", 0, p->paused_on)) ||
	    (rc = program_import_get_day(r, v[STORE_PAUSE_RESUMED_ON],
					 "resumed_on", 1, p->resumed_on)) ||
	    (rc = program_import_get_time(r, v[STORE_PAUSE_RECORDED_AT],
					  "recorded_at", &rec)) ||
	    (rc = program_import_get_uid(r, v[STORE_PAUSE_UID], p->uid)))
		return rc;
	if (i > 0 && imp->pauses[i - 1].id >= id)
		return program_import_refuse(r, v[STORE_PAUSE_ID],
					     PROGRAM_IMPORT_IDS_IN_ORDER);
	p->id = id;
	p->trial_id = trial_id;
	p->recorded_at = (char *)rec;
	for (k = 0; k < imp->dump.ntrials; k++)
		if (imp->trials[k].id == trial_id)
			t = &imp->trials[k];
	if (t == NULL)
		return program_import_refuse(
		    r, v[STORE_PAUSE_TRIAL],
		    "trial_id %lld: the file has no trial with this id",
		    trial_id);
	for (k = 0; k < i; k++)
		if (imp->pauses[k].trial_id == trial_id)
			return program_import_refuse(
			    r, v[STORE_PAUSE_TRIAL],
			    "trial_id %lld is paused a second time: a trial "
			    "is paused once",
			    trial_id);
	if (strcmp(p->paused_on, t->started_on) < 0 ||
	    (t->ended_on[0] != '\0' && strcmp(p->paused_on, t->ended_on) > 0))
		return program_import_refuse(
		    r, v[STORE_PAUSE_PAUSED_ON],
		    "paused_on %s is not a day of its trial (%s to %s)",
		    p->paused_on, t->started_on,
		    t->ended_on[0] != '\0' ? t->ended_on : "today");
	if (p->resumed_on[0] != '\0' &&
	    strcmp(p->resumed_on, p->paused_on) <= 0)
		return program_import_refuse(
		    r, v[STORE_PAUSE_RESUMED_ON],
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
	imp->rows[STORE_TABLE_PAUSE] = a->items;
	for (i = 0; i < a->n && rc == 0; i++)
		rc = read_pause(r, a, i);
	imp->dump.pauses = imp->pauses;
	imp->dump.npauses = a->n;
	if (rc == 0)
		rc = program_import_uids_once(r, STORE_TABLE_PAUSE,
					      imp->pauses[0].uid,
					      sizeof *imp->pauses, a->n);
	return rc;
}
