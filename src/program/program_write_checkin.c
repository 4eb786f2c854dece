/*
 * program_write_checkin.c: the writes of a check-in (program.h): the day's
 * ratings, note, answers and the practices marked done, in one
 * transaction, and of a practice session (a practice marked done is a
 * session with no minutes, so both are here), and whether a session may be
 * done while a safety hold stands. Each value is checked by
 * program_check.c before the store writes it, for the CLI and the TUI
 * alike; the other writes are in program_write_*.c.
 */
#include "program_int.h"

#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "content.h"
#include "util.h"

#define SECONDS_PER_MINUTE 60

/* The check-in as the store takes it: ids and choices borrowed from the
 * pack, one mark per practice, the last answer per question. */
struct rows {
	struct store_answer *answers;
	size_t nanswers;
	struct store_session *marks;
	size_t nmarks;
	const char **undone; /* practice ids whose marks are taken back */
	size_t nundone;
};

static void
rows_free(struct rows *r)
{
	free(r->answers);
	free(r->marks);
	free(r->undone);
	memset(r, 0, sizeof *r);
}

static int
checkin_rows(const struct pack *pack, const char *today,
	     const struct program_checkin *in, struct rows *r,
	     struct program_bad *bad, char **cause)
{
	const struct practice *p;
	const struct question *q;
	const char *choice;
	size_t i, k, bad_byte;
	int rc;

	memset(r, 0, sizeof *r);
	program_bad_none(bad);
	if ((rc = program_check_rating(in->pain, 0, PROGRAM_FIELD_PAIN, bad,
				       cause)) ||
	    (rc = program_check_rating(in->interference, 1,
				       PROGRAM_FIELD_INTERFERENCE, bad, cause)))
		return rc;
	if (in->note != NULL &&
	    utf8_valid(in->note, strlen(in->note), &bad_byte) != 0)
		return program_refuse(
		    bad, PROGRAM_FIELD_NOTE, 0, cause,
		    xasprintf("not valid UTF-8 at byte %zu", bad_byte + 1));
	r->marks = xcalloc(in->ndid + 1, sizeof *r->marks);
	r->answers = xcalloc(in->nanswers + 1, sizeof *r->answers);
	for (i = 0; i < in->ndid; i++) {
		p = program_find_practice(pack, in->did[i], PROGRAM_FIELD_DID,
					  i, bad, cause);
		if (p == NULL)
			goto refused;
		for (k = 0; k < r->nmarks; k++)
			if (strcmp(r->marks[k].practice, p->id) == 0)
				break;
		if (k < r->nmarks)
			continue;
		/* A practice marked done is a session with no minutes. */
		r->marks[k].practice = p->id;
		r->marks[k].approach = (char *)program_practice_owner(pack, p);
		memcpy(r->marks[k].day, in->day, DAY_LEN);
		r->marks[k].minutes = ENTRY_NONE;
		r->marks[k].pain_before = r->marks[k].pain_after = ENTRY_NONE;
		r->nmarks++;
	}
	r->undone = xcalloc(in->nundid + 1, sizeof *r->undone);
	for (i = 0; i < in->nundid; i++) {
		p = program_find_practice(pack, in->undid[i], PROGRAM_FIELD_DID,
					  i, bad, cause);
		if (p == NULL)
			goto refused;
		r->undone[r->nundone++] = p->id;
	}
	for (i = 0; i < in->nanswers; i++) {
		if (program_find_answer(pack, &in->answers[i], i, &q, &choice,
					bad, cause) != 0)
			goto refused;
		for (k = 0; k < r->nanswers; k++)
			if (strcmp(r->answers[k].question, q->id) == 0)
				break;
		if (k == r->nanswers)
			r->nanswers++;
		memcpy(r->answers[k].day, in->day, DAY_LEN);
		r->answers[k].question = q->id;
		r->answers[k].value = (char *)choice;
	}
	if ((rc = program_check_day(in->day, today, bad, cause)) != 0) {
		rows_free(r);
		return rc;
	}
	return 0;
refused:
	rows_free(r);
	return EX_DATAERR;
}

int
program_checkin_check(const struct pack *pack, const char *today,
		      const struct program_checkin *in, struct program_bad *bad,
		      char **cause)
{
	struct rows r;
	int rc = checkin_rows(pack, today, in, &r, bad, cause);

	rows_free(&r);
	return rc;
}

int
program_checkin(const struct pack *pack, struct store *store, const char *today,
		const struct program_checkin *in, struct checkin *old,
		int *replaced, struct program_bad *bad, char **cause)
{
	struct checkin c = {0};
	struct rows r;
	unsigned replace = STORE_KEEP;
	int rc;

	if (old != NULL)
		memset(old, 0, sizeof *old);
	if (replaced != NULL)
		*replaced = 0;
	if ((rc = checkin_rows(pack, today, in, &r, bad, cause)) != 0)
		return rc;
	memcpy(c.day, in->day, DAY_LEN);
	c.pain = in->pain;
	c.interference = in->interference;
	c.note =
	    in->note != NULL && *in->note != '\0' ? (char *)in->note : NULL;
	if (!in->merge && in->nanswers > 0)
		replace |= STORE_REPLACE_ANSWERS;
	/* Compared in the transaction of the write (store_checkin_write()). */
	if (in->seen_revision != 0) {
		replace |= STORE_IF_UNCHANGED;
		c.revision = in->seen_revision == PROGRAM_SEEN_NONE
				 ? 0
				 : in->seen_revision;
	}
	rc = store_checkin_write(store, &c, r.answers, r.nanswers, r.marks,
				 r.nmarks, r.undone, r.nundone, replace, old,
				 replaced, cause);
	rows_free(&r);
	/* A check-in may be the second calm day that ends a flare-up. */
	if (rc == 0)
		rc = program_flare_settle(pack, store, today, cause);
	return rc;
}

int
program_session_check(const struct pack *pack, const char *today,
		      const struct program_session *s, struct program_bad *bad,
		      char **cause)
{
	int rc;

	program_bad_none(bad);
	if (program_find_practice(pack, s->practice, PROGRAM_FIELD_PRACTICE, 0,
				  bad, cause) == NULL)
		return EX_DATAERR;
	if (s->minutes != ENTRY_NONE &&
	    (s->minutes < 1 || s->minutes > SESSION_MINUTES_MAX))
		return program_refuse(
		    bad, PROGRAM_FIELD_MINUTES, 0, cause,
		    xasprintf("use a whole number of minutes from 1 "
			      "to %d (a day)",
			      SESSION_MINUTES_MAX));
	if (s->seconds < 0 || s->seconds > SESSION_SECONDS_MAX)
		return program_refuse(
		    bad, PROGRAM_FIELD_MINUTES, 0, cause,
		    xasprintf("use a whole number of seconds from 1 to %d "
			      "(a day)",
			      SESSION_SECONDS_MAX));
	if ((rc = program_check_rating(s->pain_before, 1, PROGRAM_FIELD_BEFORE,
				       bad, cause)) != 0 ||
	    (rc = program_check_rating(s->pain_after, 1, PROGRAM_FIELD_AFTER,
				       bad, cause)) != 0)
		return rc;
	return program_check_day(s->day, today, bad, cause);
}

int
program_session_add(const struct pack *pack, struct store *store,
		    const char *today, struct program_session *s,
		    struct program_bad *bad, char **cause)
{
	const struct practice *p;
	struct store_session row = {0};
	int rc;

	if ((rc = program_session_check(pack, today, s, bad, cause)) != 0)
		return rc;
	p = content_practice_any(pack, s->practice);
	/* Timed: its whole minutes, at least 1, for the readers that know
	 * minutes only; the seconds say how long it was. */
	if (s->minutes == ENTRY_NONE && s->seconds > 0)
		s->minutes = s->seconds < SECONDS_PER_MINUTE
				 ? 1
				 : s->seconds / SECONDS_PER_MINUTE;
	if (s->minutes == ENTRY_NONE)
		s->minutes = p->minutes;
	row.practice = p->id;
	row.approach = (char *)program_practice_owner(pack, p);
	memcpy(row.day, s->day, DAY_LEN);
	row.minutes = s->minutes;
	row.pain_before = s->pain_before;
	row.pain_after = s->pain_after;
	row.seconds = s->seconds;
	return store_session_add(store, &row, cause);
}

/* Whether a session may be done (program_days.c's holds, with the words
 * of program_safety_allows() for a start, said of a practice): beside the
 * session's writes, as the program's other files do not use this one. */
int
program_practice_allows(const struct pack *pack, struct store *store,
			const char *day, const char *today, char **cause)
{
	struct program_safety safety;
	struct program_pauses p;
	const struct program_flag *f;
	int rc, held;

	if (day_valid(day) != 0) {
		*cause = xasprintf("'%s' is not a valid day", day);
		return EX_SOFTWARE;
	}
	if ((rc = program_pauses_load(pack, store, today, &p, cause)) != 0)
		return rc;
	held = (program_paused_on(&p, 0, day_number(day)) &
		PROGRAM_PAUSE_HOLD) != 0;
	program_pauses_free(&p);
	if (!held)
		return 0;
	if ((rc = program_safety_load(pack, store, today, &safety, cause)) != 0)
		return rc;
	if ((f = program_safety_first(&safety, PROGRAM_FLAG_HOLDS)) != NULL) {
		*cause = xasprintf(
		    "on hold for safety: you answered yes on %s to \"%s\" %s "
		    "Practices wait, and the running trials are paused, until "
		    "a doctor has checked it; then record that with backpain "
		    "safety --checked %s [--date D]",
		    f->asked_on, f->flag->question, f->flag->advice,
		    f->flag->id);
		rc = PROGRAM_REFUSED;
	}
	program_safety_free(&safety);
	return rc;
}
