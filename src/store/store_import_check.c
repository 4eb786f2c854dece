/* store_import_check.c: the values of a dump, row by row, checked as the
 * store's writers check theirs (store_check_*(), the ranges of store.h),
 * whoever checked them before and before anything is written. How a row
 * sits beside the log's rows (the same, another, overlapping) is for
 * store_import.c to judge. */
#include <string.h>
#include <sysexits.h>

#include "store_int.h"

int
store_import_check(const struct store_dump *d, struct store_import_result *res,
		   char **cause)
{
	size_t i;
	int code = 0;

	for (i = 0; i < d->ncheckins && code == 0; i++) {
		const struct store_checkin *c = &d->checkins[i];

		res->table = "checkin";
		res->row = i;
		if ((code = store_check_day("check-in", c->day, cause)) ||
		    (code = store_check_rating("pain", c->pain, 0, cause)) ||
		    (code = store_check_rating("interference", c->interference,
					       1, cause)) ||
		    (c->note != NULL &&
		     (code = store_check_text("note", c->note, cause))) ||
		    (code = store_check_id("recorded_at", c->recorded_at,
					   cause)) ||
		    (code = store_check_id("updated_at", c->updated_at, cause)))
			return code;
	}
	for (i = 0; i < d->nanswers && code == 0; i++) {
		res->table = "answer";
		res->row = i;
		if ((code = store_check_id("question_id",
					   d->answers[i].question, cause)) ||
		    (code =
			 store_check_text("value", d->answers[i].value, cause)))
			return code;
	}
	for (i = 0; i < d->nsessions && code == 0; i++) {
		const struct store_session *x = &d->sessions[i];

		res->table = "session";
		res->row = i;
		if ((code = store_check_day("session", x->day, cause)) ||
		    (code = store_check_id("practice", x->practice, cause)) ||
		    (code = store_check_id("approach", x->approach, cause)) ||
		    (code = store_check_rating("pain_before", x->pain_before, 1,
					       cause)) ||
		    (code = store_check_rating("pain_after", x->pain_after, 1,
					       cause)))
			return code;
		if (x->minutes != STORE_NONE &&
		    (x->minutes < 1 || x->minutes > STORE_MINUTES_MAX))
			return store_fail(cause, EX_DATAERR,
					  "minutes: %d is not from 1 to %d",
					  x->minutes, STORE_MINUTES_MAX);
	}
	for (i = 0; i < d->ntrials && code == 0; i++) {
		const struct store_trial *t = &d->trials[i];

		res->table = "trial";
		res->row = i;
		if ((code = store_check_id("approach", t->approach, cause)) ||
		    (code =
			 store_check_day("started_on", t->started_on, cause)) ||
		    (t->ended_on[0] != '\0' &&
		     (code = store_check_day("ended_on", t->ended_on, cause))))
			return code;
		if (t->impression != STORE_NONE &&
		    (t->impression < STORE_IMPRESSION_MIN ||
		     t->impression > STORE_IMPRESSION_MAX))
			return store_fail(cause, EX_DATAERR,
					  "impression: %d is not from %d to %d",
					  t->impression, STORE_IMPRESSION_MIN,
					  STORE_IMPRESSION_MAX);
		if (t->impression != STORE_NONE && t->ended_on[0] == '\0')
			return store_fail(cause, EX_DATAERR,
					  "impression: a running trial has "
					  "none yet");
	}
	for (i = 0; i < d->nscreenings && code == 0; i++) {
		res->table = "screening";
		res->row = i;
		if ((code = store_check_id("flag_id", d->screenings[i].flag,
					   cause)) ||
		    (code = store_check_id("asked_at",
					   d->screenings[i].asked_at, cause)))
			return code;
		if (d->screenings[i].answer != 0 &&
		    d->screenings[i].answer != 1)
			return store_fail(cause, EX_DATAERR,
					  "answer: %d is not 0 or 1",
					  d->screenings[i].answer);
		if (d->screenings[i].checked_on[0] != '\0' &&
		    ((code = store_check_day("checked_on",
					     d->screenings[i].checked_on,
					     cause)) != 0))
			return code;
		if (d->screenings[i].checked_on[0] != '\0' &&
		    d->screenings[i].answer != 1)
			return store_fail(cause, EX_DATAERR,
					  "checked_on: only a yes is checked "
					  "by a doctor");
		if (d->screenings[i].revision < 1)
			return store_fail(cause, EX_DATAERR,
					  "revision: %d is not 1 or more",
					  d->screenings[i].revision);
	}
	for (i = 0; i < d->nprofile && code == 0; i++) {
		res->table = "profile";
		res->row = i;
		if ((code = store_check_id("key", d->profile[i].key, cause)) ||
		    (code =
			 store_check_text("value", d->profile[i].value, cause)))
			return code;
	}
	for (i = 0; i < d->nhabits && code == 0; i++) {
		const struct store_habit *h = &d->habits[i];

		res->table = "habit";
		res->row = i;
		if ((code = store_check_id("approach", h->approach, cause)) ||
		    (code = store_check_day("kept_on", h->kept_on, cause)) ||
		    (h->dropped_on[0] != '\0' &&
		     (code =
			  store_check_day("dropped_on", h->dropped_on, cause))))
			return code;
		if (h->dropped_on[0] != '\0' &&
		    strcmp(h->dropped_on, h->kept_on) < 0)
			return store_fail(cause, EX_DATAERR,
					  "dropped_on: %s is before the day "
					  "it was kept, %s",
					  h->dropped_on, h->kept_on);
	}
	for (i = 0; i < d->nflares && code == 0; i++) {
		const struct store_flare *f = &d->flares[i];

		res->table = "flare";
		res->row = i;
		if ((code = store_check_day("began_on", f->began_on, cause)) ||
		    (f->ended_on[0] != '\0' &&
		     (code =
			  store_check_day("ended_on", f->ended_on, cause))) ||
		    (code = store_check_rating("pain", f->pain, 1, cause)) ||
		    (f->note != NULL &&
		     (code = store_check_text("note", f->note, cause))) ||
		    (code =
			 store_check_id("recorded_at", f->recorded_at, cause)))
			return code;
		if (f->ended_on[0] != '\0' &&
		    (strcmp(f->ended_on, f->began_on) < 0 ||
		     (f->ended_by != STORE_FLARE_PERSON &&
		      f->ended_by != STORE_FLARE_CALM)))
			return store_fail(cause, EX_DATAERR,
					  "ended_on: %s is before the day it "
					  "began or has no ended_by",
					  f->ended_on);
		if (f->ended_on[0] == '\0' && f->ended_by != STORE_FLARE_OPEN)
			return store_fail(cause, EX_DATAERR,
					  "ended_by: an open flare-up is not "
					  "ended by anyone yet");
	}
	for (i = 0; i < d->nlessons && code == 0; i++) {
		res->table = "lesson";
		res->row = i;
		if ((code = store_lesson_check(&d->lessons[i], cause)) != 0 ||
		    (code = store_check_id("recorded_at",
					   d->lessons[i].recorded_at, cause)))
			return code;
	}
	res->table = NULL;
	return code;
}
