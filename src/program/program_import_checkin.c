/*
 * program_import_checkin.c: the check-ins, their answers and the practice
 * sessions of an export read back, each through the write path's own check
 * (program_checkin_check(), program_session_check() in
 * program_write_checkin.c): one check-in a day, in the order of the days,
 * each answer of a check-in of the file, each session's practice of its
 * approach.
 */
#include "program_int.h"

#include <stdlib.h>
#include <string.h>

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

int
program_import_checkins(struct program_reading *r, const struct json *checkins,
			const struct json *answers)
{
	int rc;

	if ((rc = read_checkins(r, checkins)) != 0 ||
	    (rc = read_answers(r, answers)) != 0)
		return rc;
	return check_checkins(r);
}

int
program_import_sessions(struct program_reading *r, const struct json *a)
{
	struct program_import *imp = r->imp;
	const struct json *v[PROGRAM_IMPORT_COLUMNS];
	const struct practice *p;
	struct program_session ps;
	struct program_bad bad;
	const char *practice, *approach, *rec, *owner;
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
		p = content_practice_any(r->pack, practice);
		owner = program_practice_owner(r->pack, p);
		if (strcmp(owner, approach) != 0)
			return program_import_refuse(
			    r, v[2],
			    "%s is a practice of %s, not of this "
			    "approach",
			    p->id, owner);
		if (i > 0 && imp->sessions[i - 1].id >= id)
			return program_import_refuse(
			    r, v[0], PROGRAM_IMPORT_IDS_IN_ORDER);
		x->id = id;
		x->practice = (char *)p->id;
		x->approach = (char *)owner;
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
