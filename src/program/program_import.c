/*
 * program_import.c: an export read back (program.h). Every value of the
 * file, read in the types of its format (program_import_format.c), is
 * checked as if a person typed it, by the checks of the write path
 * (program_checkin_check(), program_session_check(), program_approach())
 * and the same rules for trials, screening answers, the profile, habits
 * (program_keep(), program_drop()) and flare-ups (program_flare(),
 * program_flare_over()); the store then writes it all in one transaction.
 * A refusal names the file, the line and the column of the value.
 */
#include "program_int.h"

#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "content.h"
#include "util.h"

/* The index of day among the check-ins (sorted by day), or -1. */
static long
checkin_of(const struct program_import *imp, const char *day)
{
	size_t lo = 0, hi = imp->dump.ncheckins, mid;
	int c;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		c = strcmp(imp->checkins[mid].day, day);
		if (c == 0)
			return (long)mid;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return -1;
}

/* Check-ins come in the order of their days, as the export writes them,
 * so that an answer finds its day by bisection. */
static int
read_checkins(struct program_reading *r, const struct json *a)
{
	struct program_import *imp = r->imp;
	const struct json *v[PROGRAM_IMPORT_COLUMNS];
	long long pain, inter;
	size_t i;
	int rc;

	imp->checkins = xcalloc(a->n + 1, sizeof *imp->checkins);
	for (i = 0; i < a->n; i++) {
		struct store_checkin *c = &imp->checkins[i];
		const char *note, *rec, *upd;

		if ((rc = program_import_row(r, PROGRAM_IMPORT_CHECKIN, i,
					     &a->items[i], v)) ||
		    (rc = program_import_get_day(r, v[0], "day", 0, c->day)) ||
		    (rc = program_import_get_int(r, v[1], "pain", PAIN_MIN,
						 PAIN_MAX, 0, &pain)) ||
		    (rc = program_import_get_int(r, v[2], "interference",
						 PAIN_MIN, PAIN_MAX, 1,
						 &inter)) ||
		    (rc = program_import_get_str(r, v[3], "note", 1, &note)) ||
		    (rc = program_import_get_time(r, v[4], "recorded_at",
						  &rec)) ||
		    (rc = program_import_get_time(r, v[5], "updated_at", &upd)))
			return rc;
		if (i > 0 && strcmp(imp->checkins[i - 1].day, c->day) >= 0)
			return program_import_refuse(
			    r, v[0],
			    strcmp(imp->checkins[i - 1].day, c->day) == 0
				? "day %s has a second check-in (one a day)"
				: "day %s comes after a later day (check-ins "
				  "are in the order of their days)",
			    c->day);
		c->pain = (int)pain;
		c->interference = (int)inter;
		c->note = (char *)note;
		c->recorded_at = (char *)rec;
		c->updated_at = (char *)upd;
	}
	imp->dump.checkins = imp->checkins;
	imp->dump.ncheckins = a->n;
	imp->rows[PROGRAM_IMPORT_CHECKIN] = a->items;
	return 0;
}

static int
read_answers(struct program_reading *r, const struct json *a)
{
	struct program_import *imp = r->imp;
	const struct json *v[PROGRAM_IMPORT_COLUMNS];
	const char *q, *val;
	size_t i;
	int rc;

	imp->answers = xcalloc(a->n + 1, sizeof *imp->answers);
	for (i = 0; i < a->n; i++) {
		struct store_answer *x = &imp->answers[i];

		if ((rc = program_import_row(r, PROGRAM_IMPORT_ANSWER, i,
					     &a->items[i], v)) ||
		    (rc = program_import_get_day(r, v[0], "day", 0, x->day)) ||
		    (rc = program_import_get_str(r, v[1], "question_id", 0,
						 &q)) ||
		    (rc = program_import_get_str(r, v[2], "value", 0, &val)))
			return rc;
		if (checkin_of(imp, x->day) < 0)
			return program_import_refuse(
			    r, v[0],
			    "the file has no check-in for %s, the "
			    "day of this answer",
			    x->day);
		x->question = (char *)q;
		x->value = (char *)val;
		if (i > 0) {
			const struct store_answer *p = &imp->answers[i - 1];
			int c = strcmp(p->day, x->day);

			if (c == 0)
				c = strcmp(p->question, x->question);
			if (c == 0)
				return program_import_refuse(
				    r, v[1],
				    "a second answer to this "
				    "question on %s",
				    x->day);
			if (c > 0)
				return program_import_refuse(
				    r, v[0],
				    "answers are in the order of "
				    "their days and questions, as "
				    "the export writes them");
		}
	}
	imp->dump.answers = imp->answers;
	imp->dump.nanswers = a->n;
	imp->rows[PROGRAM_IMPORT_ANSWER] = a->items;
	return 0;
}

/* Each check-in with its answers through the write path's own check. */
static int
check_checkins(struct program_reading *r)
{
	struct program_import *imp = r->imp;
	struct program_answer *ans =
	    xcalloc(imp->dump.nanswers + 1, sizeof *ans);
	size_t *from = xcalloc(imp->dump.nanswers + 1, sizeof *from);
	struct program_checkin in;
	struct program_bad bad;
	const struct json *row, *at;
	size_t i, n, next = 0;
	char *why = NULL;
	int rc = 0;

	for (i = 0; i < imp->dump.ncheckins && rc == 0; i++) {
		const struct store_checkin *c = &imp->checkins[i];

		memset(&in, 0, sizeof in);
		memcpy(in.day, c->day, DAY_LEN);
		in.pain = c->pain;
		in.interference = c->interference;
		in.note = c->note;
		/* Both are in the order of days: the day's answers are
		 * the next ones. */
		for (n = 0; next < imp->dump.nanswers &&
			    strcmp(imp->answers[next].day, c->day) == 0;
		     next++) {
			ans[n].question = imp->answers[next].question;
			ans[n].value = imp->answers[next].value;
			from[n++] = next;
		}
		in.answers = ans;
		in.nanswers = n;
		in.merge = 1;
		if (program_checkin_check(r->pack, r->today, &in, &bad, &why) ==
		    0)
			continue;
		row = &imp->rows[PROGRAM_IMPORT_CHECKIN][i];
		switch (bad.field) {
		case PROGRAM_FIELD_DAY:
			at = json_get(row, "day");
			break;
		case PROGRAM_FIELD_PAIN:
			at = json_get(row, "pain");
			break;
		case PROGRAM_FIELD_INTERFERENCE:
			at = json_get(row, "interference");
			break;
		case PROGRAM_FIELD_NOTE:
			at = json_get(row, "note");
			break;
		case PROGRAM_FIELD_ANSWER:
			row =
			    &imp->rows[PROGRAM_IMPORT_ANSWER][from[bad.index]];
			at = json_get(
			    row, content_question(
				     r->pack, ans[bad.index].question) == NULL
				     ? "question_id"
				     : "value");
			break;
		default:
			at = row;
			break;
		}
		rc = program_import_refuse(r, at, "%s", why);
		free(why);
	}
	free(ans);
	free(from);
	return rc;
}

/* Trial i of a; running counts the running trials per approach. */
static int
read_trial(struct program_reading *r, const struct json *a, size_t i,
	   int *running)
{
	struct program_import *imp = r->imp;
	struct store_trial *t = &imp->trials[i];
	const struct json *v[PROGRAM_IMPORT_COLUMNS];
	const struct approach *ap;
	const char *approach, *outcome;
	char *why = NULL;
	long long id, impression;
	int rc;

	if ((rc = program_import_row(r, PROGRAM_IMPORT_TRIAL, i, &a->items[i],
				     v)) ||
	    (rc = program_import_get_int(r, v[0], "id", 1,
					 PROGRAM_IMPORT_ID_MAX, 0, &id)) ||
	    (rc = program_import_get_str(r, v[1], "approach", 0, &approach)) ||
	    (rc = program_import_get_day(r, v[2], "started_on", 0,
					 t->started_on)) ||
	    (rc =
		 program_import_get_day(r, v[3], "ended_on", 1, t->ended_on)) ||
	    (rc = program_import_get_str(r, v[4], "outcome", 1, &outcome)) ||
	    (rc = program_import_get_int(r, v[5], "impression",
					 STORE_IMPRESSION_MIN,
					 STORE_IMPRESSION_MAX, 1, &impression)))
		return rc;
	if (i > 0 && imp->trials[i - 1].id >= id)
		return program_import_refuse(r, v[0],
					     PROGRAM_IMPORT_IDS_IN_ORDER);
	if ((ap = program_approach(r->pack, approach, &why)) == NULL) {
		rc = program_import_refuse(r, v[1], "%s", why);
		free(why);
		return rc;
	}
	t->id = id;
	t->approach = (char *)ap->id;
	t->outcome = OUTCOME_NONE;
	t->impression = (int)impression;
	if (outcome != NULL &&
	    (store_outcome_parse(outcome, &t->outcome) != 0 ||
	     t->outcome == OUTCOME_NONE))
		return program_import_refuse(
		    r, v[4],
		    "outcome is one of helped, no-change, worse, "
		    "stopped, or null");
	if (t->ended_on[0] != '\0' && strcmp(t->ended_on, t->started_on) < 0)
		return program_import_refuse(
		    r, v[3],
		    "the trial cannot end on %s, before it "
		    "started on %s",
		    t->ended_on, t->started_on);
	if ((t->ended_on[0] == '\0') != (t->outcome == OUTCOME_NONE))
		return program_import_refuse(
		    r, v[4],
		    t->ended_on[0] == '\0'
			? "a running trial (ended_on null) has no "
			  "outcome yet"
			: "an ended trial needs an outcome");
	/* As program_impression() gives it: at the end of a trial. */
	if (t->ended_on[0] == '\0' && t->impression != STORE_NONE)
		return program_import_refuse(
		    r, v[5],
		    "a running trial (ended_on null) has no "
		    "impression yet; it is given at its end");
	if (t->ended_on[0] == '\0' &&
	    running[content_approach_index(r->pack, ap->id)]++ > 0)
		return program_import_refuse(
		    r, v[3],
		    "%s has a second running trial (ended_on "
		    "null)",
		    t->approach);
	return 0;
}

static int
read_trials(struct program_reading *r, const struct json *a)
{
	struct program_import *imp = r->imp;
	int *running = xcalloc(r->pack->napproaches + 1, sizeof *running);
	size_t i;
	int rc = 0;

	imp->trials = xcalloc(a->n + 1, sizeof *imp->trials);
	for (i = 0; i < a->n && rc == 0; i++)
		rc = read_trial(r, a, i, running);
	free(running);
	imp->dump.trials = imp->trials;
	imp->dump.ntrials = a->n;
	imp->rows[PROGRAM_IMPORT_TRIAL] = a->items;
	return rc;
}

static int
read_sessions(struct program_reading *r, const struct json *a)
{
	struct program_import *imp = r->imp;
	const struct json *v[PROGRAM_IMPORT_COLUMNS];
	const struct practice *p;
	struct program_session ps;
	struct program_bad bad;
	const char *practice, *approach, *rec;
	long long id, minutes, before, after;
	size_t i;
	char *why = NULL;
	int rc;

	imp->sessions = xcalloc(a->n + 1, sizeof *imp->sessions);
	for (i = 0; i < a->n; i++) {
		struct store_session *x = &imp->sessions[i];

		if ((rc = program_import_row(r, PROGRAM_IMPORT_SESSION, i,
					     &a->items[i], v)) ||
		    (rc = program_import_get_int(
			 r, v[0], "id", 1, PROGRAM_IMPORT_ID_MAX, 0, &id)) ||
		    (rc = program_import_get_str(r, v[1], "practice", 0,
						 &practice)) ||
		    (rc = program_import_get_str(r, v[2], "approach", 0,
						 &approach)) ||
		    (rc = program_import_get_day(r, v[3], "day", 0, x->day)) ||
		    (rc = program_import_get_int(r, v[4], "minutes", 1,
						 STORE_MINUTES_MAX, 1,
						 &minutes)) ||
		    (rc = program_import_get_int(r, v[5], "pain_before",
						 PAIN_MIN, PAIN_MAX, 1,
						 &before)) ||
		    (rc =
			 program_import_get_int(r, v[6], "pain_after", PAIN_MIN,
						PAIN_MAX, 1, &after)) ||
		    (rc =
			 program_import_get_time(r, v[7], "recorded_at", &rec)))
			return rc;
		memset(&ps, 0, sizeof ps);
		memcpy(ps.day, x->day, DAY_LEN);
		ps.practice = practice;
		ps.minutes = (int)minutes;
		ps.pain_before = (int)before;
		ps.pain_after = (int)after;
		if (program_session_check(r->pack, r->today, &ps, &bad, &why) !=
		    0) {
			rc = program_import_refuse(
			    r,
			    bad.field == PROGRAM_FIELD_PRACTICE	 ? v[1]
			    : bad.field == PROGRAM_FIELD_DAY	 ? v[3]
			    : bad.field == PROGRAM_FIELD_MINUTES ? v[4]
			    : bad.field == PROGRAM_FIELD_BEFORE	 ? v[5]
			    : bad.field == PROGRAM_FIELD_AFTER	 ? v[6]
								 : &a->items[i],
			    "%s", why);
			free(why);
			return rc;
		}
		p = content_practice(r->pack, practice);
		if (strcmp(r->pack->approaches[p->approach].id, approach) != 0)
			return program_import_refuse(
			    r, v[2],
			    "%s is a practice of %s, not of this "
			    "approach",
			    p->id, r->pack->approaches[p->approach].id);
		if (i > 0 && imp->sessions[i - 1].id >= id)
			return program_import_refuse(
			    r, v[0], PROGRAM_IMPORT_IDS_IN_ORDER);
		x->id = id;
		x->practice = (char *)p->id;
		x->approach = (char *)r->pack->approaches[p->approach].id;
		x->minutes = (int)minutes;
		x->pain_before = (int)before;
		x->pain_after = (int)after;
		x->recorded_at = (char *)rec;
	}
	imp->dump.sessions = imp->sessions;
	imp->dump.nsessions = a->n;
	imp->rows[PROGRAM_IMPORT_SESSION] = a->items;
	return 0;
}

/* The index of the file's trial id (they are in the order of their ids),
 * or -1. */
static long
trial_of(const struct program_import *imp, long long id)
{
	size_t lo = 0, hi = imp->dump.ntrials, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (imp->trials[mid].id == id)
			return (long)mid;
		if (imp->trials[mid].id < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return -1;
}

/* Habit i of a; kept counts the kept habits per approach. */
static int
read_habit(struct program_reading *r, const struct json *a, size_t i, int *kept)
{
	struct program_import *imp = r->imp;
	struct store_habit *h = &imp->habits[i];
	const struct json *v[PROGRAM_IMPORT_COLUMNS];
	const struct approach *ap;
	const char *approach;
	char *why = NULL;
	long long id, trial_id;
	long k = -1;
	int rc;

	if ((rc = program_import_row(r, PROGRAM_IMPORT_HABIT, i, &a->items[i],
				     v)) ||
	    (rc = program_import_get_int(r, v[0], "id", 1,
					 PROGRAM_IMPORT_ID_MAX, 0, &id)) ||
	    (rc = program_import_get_str(r, v[1], "approach", 0, &approach)) ||
	    (rc =
		 program_import_get_int(r, v[2], "trial_id", 1,
					PROGRAM_IMPORT_ID_MAX, 1, &trial_id)) ||
	    (rc = program_import_get_day(r, v[3], "kept_on", 0, h->kept_on)) ||
	    (rc = program_import_get_day(r, v[4], "dropped_on", 1,
					 h->dropped_on)))
		return rc;
	if (i > 0 && imp->habits[i - 1].id >= id)
		return program_import_refuse(r, v[0],
					     PROGRAM_IMPORT_IDS_IN_ORDER);
	if ((ap = program_approach(r->pack, approach, &why)) == NULL) {
		rc = program_import_refuse(r, v[1], "%s", why);
		free(why);
		return rc;
	}
	h->id = id;
	h->approach = (char *)ap->id;
	h->trial_id = trial_id == STORE_NONE ? 0 : trial_id;
	if (h->trial_id != 0 && (k = trial_of(imp, h->trial_id)) < 0)
		return program_import_refuse(
		    r, v[2],
		    "trial_id %lld: the file has no trial with "
		    "this id",
		    h->trial_id);
	if (h->trial_id != 0 &&
	    strcmp(imp->trials[k].approach, h->approach) != 0)
		return program_import_refuse(
		    r, v[2], "trial_id %lld is a trial of %s, not of %s",
		    h->trial_id, imp->trials[k].approach, h->approach);
	/* program_keep() keeps an approach at the end of its trial. */
	if (h->trial_id != 0 && imp->trials[k].ended_on[0] == '\0')
		return program_import_refuse(
		    r, v[2],
		    "trial_id %lld is still running (ended_on "
		    "null): a habit is kept at the end of its "
		    "trial",
		    h->trial_id);
	/* As program_drop() refuses it. */
	if (h->dropped_on[0] != '\0' && strcmp(h->dropped_on, h->kept_on) < 0)
		return program_import_refuse(
		    r, v[4],
		    "%s cannot be dropped on %s: it was kept as a "
		    "habit on %s",
		    h->approach, h->dropped_on, h->kept_on);
	if (h->dropped_on[0] == '\0' &&
	    kept[content_approach_index(r->pack, ap->id)]++ > 0)
		return program_import_refuse(
		    r, v[4],
		    "%s is kept as a habit a second time "
		    "(dropped_on null): at most once at a time",
		    h->approach);
	return 0;
}

static int
read_habits(struct program_reading *r, const struct json *a)
{
	struct program_import *imp = r->imp;
	int *kept = xcalloc(r->pack->napproaches + 1, sizeof *kept);
	size_t i;
	int rc = 0;

	imp->habits = xcalloc(a->n + 1, sizeof *imp->habits);
	for (i = 0; i < a->n && rc == 0; i++)
		rc = read_habit(r, a, i, kept);
	free(kept);
	imp->dump.habits = imp->habits;
	imp->dump.nhabits = a->n;
	imp->rows[PROGRAM_IMPORT_HABIT] = a->items;
	return rc;
}

static int
read_root(struct program_reading *r)
{
	const struct json *t[PROGRAM_IMPORT_TABLES];
	int rc;

	if ((rc = program_import_tables(r, t)) != 0)
		return rc;
	if ((rc = read_checkins(r, t[PROGRAM_IMPORT_CHECKIN])) ||
	    (rc = read_answers(r, t[PROGRAM_IMPORT_ANSWER])) ||
	    (rc = check_checkins(r)) ||
	    (rc = read_trials(r, t[PROGRAM_IMPORT_TRIAL])) ||
	    (rc = read_sessions(r, t[PROGRAM_IMPORT_SESSION])) ||
	    (rc = program_import_screenings(r, t[PROGRAM_IMPORT_SCREENING])) ||
	    (rc = program_import_profile(r, t[PROGRAM_IMPORT_PROFILE])) ||
	    (rc = read_habits(r, t[PROGRAM_IMPORT_HABIT])) ||
	    (rc = program_import_flares(r, t[PROGRAM_IMPORT_FLARE])))
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
	struct program_reading r = {imp, pack, today, cause};
	int rc;

	*out = NULL;
	imp->name = xstrdup(name);
	if (today == NULL || day_valid(today) != 0) {
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

int
program_import_write(struct store *store, const struct program_import *imp,
		     int replace, struct store_import_result *res, char **cause)
{
	const struct json *row;
	char *why = NULL;
	size_t t;
	int rc;

	rc = store_import(store, &imp->dump, replace, res, &why);
	if (rc == 0)
		return 0;
	for (t = 0; res->table != NULL && t < PROGRAM_IMPORT_TABLES; t++)
		if (strcmp(res->table, program_import_table_names[t]) == 0 &&
		    imp->rows[t] != NULL) {
			row = &imp->rows[t][res->row];
			*cause = xasprintf("%s:%d:%d: %s", imp->name, row->line,
					   row->col, why);
			free(why);
			return rc;
		}
	*cause = why;
	return rc;
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
	free(imp->flares);
	free(imp->name);
	free(imp);
}
