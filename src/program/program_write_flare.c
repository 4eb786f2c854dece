/*
 * program_write_flare.c: the flare-up writes (program.h): one begun, one
 * said to be over, and one that ended by itself written to the log. Each
 * is checked against the flare-ups as program_flare.c tells them from the
 * log and the daily ratings.
 */
#include "program_int.h"

#include <string.h>

#include "util.h"

/* The flare running on day as the log tells it, or NULL. */
static const struct program_flare *
flare_on(const struct program_flares *fl, const char *day)
{
	size_t i;

	for (i = 0; i < fl->n; i++) {
		const struct program_flare *f = &fl->flares[i];

		if (strcmp(f->began_on, day) <= 0 &&
		    (f->ended_on[0] == '\0' || strcmp(day, f->ended_on) < 0))
			return f;
	}
	return NULL;
}

/* The flare the log holds open, or NULL. */
static const struct program_flare *
flare_stored_open(const struct program_flares *fl)
{
	size_t i;

	for (i = 0; i < fl->n; i++)
		if (fl->flares[i].stored_open)
			return &fl->flares[i];
	return NULL;
}

int
program_flare(const struct pack *pack, struct store *store, const char *today,
	      const char *day, int pain, const char *note,
	      struct program_bad *bad, char **cause)
{
	struct program_flares fl;
	const struct program_flare *f, *open, *later;
	struct store_flare row = {0};
	const char *close_on = NULL;
	size_t badbyte;
	int rc;

	program_bad_none(bad);
	if ((rc = program_check_rating(pain, 1, PROGRAM_FIELD_PAIN, bad,
				       cause)) != 0)
		return rc;
	if (note != NULL && utf8_valid(note, strlen(note), &badbyte) != 0)
		return program_refuse(
		    bad, PROGRAM_FIELD_NOTE, 0, cause,
		    xasprintf("not valid UTF-8 (byte %zu)", badbyte + 1));
	if ((rc = program_check_day(day, today, bad, cause)) != 0)
		return rc;
	if ((rc = program_flares_load(pack, store, today, &fl, cause)) != 0)
		return rc;
	open = flare_stored_open(&fl);
	later = fl.n > 0 && strcmp(fl.flares[fl.n - 1].began_on, day) > 0
		    ? &fl.flares[fl.n - 1]
		    : NULL;
	if ((f = flare_on(&fl, day)) != NULL)
		rc = program_refuse(
		    bad, PROGRAM_FIELD_NONE, 0, cause,
		    xasprintf("%s is already part of the flare-up "
			      "that began on %s",
			      day, f->began_on));
	else if (later != NULL)
		rc = program_refuse(
		    bad, PROGRAM_FIELD_DAY, 0, cause,
		    xasprintf("a later flare-up is recorded, from "
			      "%s; flare-ups are recorded in the order "
			      "they begin",
			      later->began_on));
	else if (open != NULL)
		close_on = open->ended_on; /* ended by itself, before day */
	if (rc == 0) {
		memcpy(row.began_on, day, DAY_LEN);
		row.pain = pain;
		row.note = note != NULL && *note != '\0' ? (char *)note : NULL;
		rc = store_flare_begin(store, &row, close_on, cause);
	}
	program_flares_free(&fl);
	return rc;
}

/* The latest flare that began on or before day, or NULL. */
static const struct program_flare *
flare_since(const struct program_flares *fl, const char *day)
{
	size_t i;

	for (i = fl->n; i-- > 0;)
		if (strcmp(fl->flares[i].began_on, day) <= 0)
			return &fl->flares[i];
	return NULL;
}

int
program_flare_over(const struct pack *pack, struct store *store,
		   const char *today, const char *day, int *changed,
		   char over_on[DAY_LEN], char **cause)
{
	struct program_flares fl;
	const struct program_flare *f, *last;
	int rc;

	if (changed != NULL)
		*changed = 0;
	if ((rc = program_check_day(day, today, NULL, cause)) != 0)
		return rc;
	if ((rc = program_flares_load(pack, store, today, &fl, cause)) != 0)
		return rc;
	f = flare_since(&fl, day);
	last = fl.n > 0 ? &fl.flares[fl.n - 1] : NULL;
	if (f == NULL && last != NULL && last->ended_on[0] == '\0')
		rc = program_refuse(
		    NULL, PROGRAM_FIELD_DAY, 0, cause,
		    xasprintf("the flare-up cannot end on %s: it "
			      "began on %s",
			      day, last->began_on));
	else if (f == NULL)
		rc = program_refuse(
		    NULL, PROGRAM_FIELD_NONE, 0, cause,
		    last == NULL ? xstrdup("no flare-up is running")
				 : xasprintf("no flare-up is running: none "
					     "began on or before %s",
					     day));
	else if (f->ended_on[0] == '\0' ||
		 (f->ended_by == FLARE_CALM && strcmp(f->ended_on, day) > 0)) {
		/* Running, or over by itself only after the day the person
		 * gives: the person knows their own day better than the
		 * calm-days rule, which only guessed it. */
		if (f->stored_open)
			rc = store_flare_end(store, day, FLARE_PERSON, cause);
		else
			rc = store_flare_reend(store, f->id, day, FLARE_PERSON,
					       cause);
		if (rc == 0 && changed != NULL)
			*changed = 1;
	}
	if (rc == 0 && over_on != NULL)
		memcpy(over_on, changed != NULL && *changed ? day : f->ended_on,
		       DAY_LEN);
	program_flares_free(&fl);
	return rc;
}

int
program_flare_settle(const struct pack *pack, struct store *store,
		     const char *today, char **cause)
{
	struct program_flares fl;
	const struct program_flare *open;
	int rc;

	if ((rc = program_flares_load(pack, store, today, &fl, cause)) != 0)
		return rc;
	open = flare_stored_open(&fl);
	if (open != NULL && open->ended_by == FLARE_CALM)
		rc = store_flare_end(store, open->ended_on, FLARE_CALM, cause);
	program_flares_free(&fl);
	return rc;
}
