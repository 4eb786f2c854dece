/*
 * program_import_flare.c: the flare-ups of an export read back, checked by
 * the rules program_flare() and program_flare_over() keep
 * (program_write_flare.c): one at a time, in the order they began, one
 * open at most, each ended by the person or by calm days.
 */
#include "program_int.h"

#include <string.h>

#include "util.h"

/* Flare i of a, after flares 0 .. i-1. */
static int
read_flare(struct program_reading *r, const struct json *a, size_t i)
{
	struct program_import *imp = r->imp;
	struct store_flare *f = &imp->flares[i];
	const struct store_flare *prev = i > 0 ? &imp->flares[i - 1] : NULL;
	const struct json *v[STORE_COLUMNS_MAX];
	const char *by, *note, *rec;
	long long id, pain;
	size_t bad;
	int rc;

	if ((rc = program_import_row(r, STORE_TABLE_FLARE, i, &a->items[i],
				     v)) ||
	    (rc = program_import_get_int(r, v[STORE_FLARE_ID], "id", 1,
					 PROGRAM_IMPORT_ID_MAX, 0, &id)) ||
	    (rc = program_import_get_day(r, v[STORE_FLARE_BEGAN_ON], "began_on",
					 0, f->began_on)) ||
	    (rc = program_import_get_day(r, v[STORE_FLARE_ENDED_ON], "ended_on",
					 1, f->ended_on)) ||
	    (rc = program_import_get_str(r, v[STORE_FLARE_ENDED_BY], "ended_by",
					 1, &by)) ||
	    (rc = program_import_get_int(r, v[STORE_FLARE_PAIN], "pain",
					 PAIN_MIN, PAIN_MAX, 1, &pain)) ||
	    (rc = program_import_get_str(r, v[STORE_FLARE_NOTE], "note", 1,
					 &note)) ||
	    (rc = program_import_get_time(r, v[STORE_FLARE_RECORDED_AT],
					  "recorded_at", &rec)) ||
	    (rc = program_import_get_uid(r, v[STORE_FLARE_UID], f->uid)))
		return rc;
	if (prev != NULL && prev->id >= id)
		return program_import_refuse(r, v[STORE_FLARE_ID],
					     PROGRAM_IMPORT_IDS_IN_ORDER);
	f->id = id;
	f->pain = (int)pain;
	f->note = (char *)note;
	f->recorded_at = (char *)rec;
	f->ended_by = STORE_FLARE_OPEN;
	if (by != NULL && strcmp(by, "person") == 0)
		f->ended_by = STORE_FLARE_PERSON;
	else if (by != NULL && strcmp(by, "calm") == 0)
		f->ended_by = STORE_FLARE_CALM;
	else if (by != NULL)
		return program_import_refuse(
		    r, v[STORE_FLARE_ENDED_BY],
		    "ended_by is person (flare --over), calm (two "
		    "calm days) or null");
	if ((f->ended_on[0] == '\0') != (by == NULL))
		return program_import_refuse(
		    r,
		    by == NULL ? v[STORE_FLARE_ENDED_BY]
			       : v[STORE_FLARE_ENDED_ON],
		    f->ended_on[0] == '\0'
			? "an open flare-up (ended_on null) is "
			  "not ended by anyone yet (ended_by null)"
			: "a flare-up that ended needs ended_by: "
			  "person or calm");
	if (f->ended_on[0] != '\0' && strcmp(f->ended_on, f->began_on) < 0)
		return program_import_refuse(
		    r, v[STORE_FLARE_ENDED_ON],
		    "the flare-up cannot end on %s: it began on "
		    "%s",
		    f->ended_on, f->began_on);
	if (note != NULL && utf8_valid(note, strlen(note), &bad) != 0)
		return program_import_refuse(
		    r, v[STORE_FLARE_NOTE],
		    "note is not valid UTF-8 (byte %zu)", bad + 1);
	/* As program_flare() records them: one at a time, in the order they
	 * began, the one before over by then. */
	if (prev != NULL && prev->ended_on[0] == '\0')
		return program_import_refuse(
		    r,
		    f->ended_on[0] == '\0' ? v[STORE_FLARE_ENDED_ON]
					   : v[STORE_FLARE_BEGAN_ON],
		    f->ended_on[0] == '\0'
			? "a second open flare-up (ended_on "
			  "null): one is open at most"
			: "this flare-up comes after an open one "
			  "(the open one is the last)");
	if (prev != NULL && strcmp(f->began_on, prev->ended_on) < 0)
		return program_import_refuse(
		    r, v[STORE_FLARE_BEGAN_ON],
		    "the flare-up before this one, from %s, was "
		    "not over until %s (flare-ups are in the "
		    "order they began, one at a time)",
		    prev->began_on, prev->ended_on);
	return 0;
}

int
program_import_flares(struct program_reading *r, const struct json *a)
{
	struct program_import *imp = r->imp;
	size_t i;
	int rc = 0;

	imp->flares = xcalloc(a->n + 1, sizeof *imp->flares);
	imp->rows[STORE_TABLE_FLARE] = a->items;
	for (i = 0; i < a->n && rc == 0; i++)
		rc = read_flare(r, a, i);
	imp->dump.flares = imp->flares;
	imp->dump.nflares = a->n;
	if (rc == 0)
		rc = program_import_uids_once(r, STORE_TABLE_FLARE,
					      imp->flares[0].uid,
					      sizeof *imp->flares, a->n);
	return rc;
}
