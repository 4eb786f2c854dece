/*
 * program_import_flare.c: the flare-ups of an export read back, checked by
 * the rules program_flare() and program_flare_over() keep
 * (program_write_flare.c): one at a time, one open at most, each ended by
 * the person or by calm days. The file holds them in the order of their
 * ids, which after a merge (store_import()) need not be the order they
 * began in: the rule is checked in the order they began.
 */
#include "program_int.h"

#include <stdlib.h>
#include <string.h>

#include "util.h"

/* Flare i of a. */
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
	f->ended_by = FLARE_OPEN;
	if (by != NULL && strcmp(by, "person") == 0)
		f->ended_by = FLARE_PERSON;
	else if (by != NULL && strcmp(by, "calm") == 0)
		f->ended_by = FLARE_CALM;
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
	return 0;
}

/* The order the rule below reads flare-ups in: as they began, an open one
 * after an ended one of the same day, then as in the file. */
static int
flare_cmp(const void *pa, const void *pb)
{
	const struct store_flare *a = *(const struct store_flare *const *)pa;
	const struct store_flare *b = *(const struct store_flare *const *)pb;
	int c = strcmp(a->began_on, b->began_on);

	if (c == 0)
		c = (a->ended_on[0] == '\0') - (b->ended_on[0] == '\0');
	if (c == 0)
		c = strcmp(a->ended_on, b->ended_on);
	return c != 0 ? c : (a > b) - (a < b);
}

/* As program_flare() records them: one at a time, the one before over by
 * the day the next begins, only the last open. Sorted, then each against
 * the one before; refused at the later one. */
static int
check_sequence(struct program_reading *r, const struct json *a)
{
	const struct store_flare *f = r->imp->flares, *x, *prev;
	size_t n = r->imp->dump.nflares, i;
	const struct store_flare **order = xcalloc(n + 1, sizeof *order);
	int rc = 0;

	for (i = 0; i < n; i++)
		order[i] = &f[i];
	qsort(order, n, sizeof *order, flare_cmp);
	for (i = 1; i < n && rc == 0; i++) {
		prev = order[i - 1];
		x = order[i];
		if (prev->ended_on[0] == '\0')
			rc = program_import_refuse(
			    r,
			    json_get(&a->items[x - f], x->ended_on[0] == '\0'
							   ? "ended_on"
							   : "began_on"),
			    x->ended_on[0] == '\0'
				? "a second open flare-up (ended_on null): "
				  "one is open at most"
				: "this flare-up begins while the one from %s "
				  "is open (the open one is the last)",
			    prev->began_on);
		else if (strcmp(x->began_on, prev->ended_on) < 0)
			rc = program_import_refuse(
			    r, json_get(&a->items[x - f], "began_on"),
			    "the flare-up before this one, from %s, was not "
			    "over until %s (flare-ups come one at a time)",
			    prev->began_on, prev->ended_on);
	}
	free(order);
	return rc;
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
		rc = check_sequence(r, a);
	if (rc == 0)
		rc = program_import_uids_once(r, STORE_TABLE_FLARE,
					      imp->flares[0].uid,
					      sizeof *imp->flares, a->n);
	return rc;
}
