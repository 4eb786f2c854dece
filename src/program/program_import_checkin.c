/*
 * program_import_checkin.c: the check-ins, their answers and the practice
 * sessions of an export read back, each through the write path's own check
 * (program_checkin_check(), program_session_check() in
 * program_write_checkin.c): one check-in a day, in the order of the days,
 * each answer of a check-in of the file, each session's practice of its
 * approach.
 */
#include "program_int.h"

#include <limits.h>
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
	const struct json *v[STORE_COLUMNS_MAX];
	long long pain, inter, revision;
	size_t i;
	int rc;

	imp->checkins = xcalloc(a->n + 1, sizeof *imp->checkins);
	imp->rows[STORE_TABLE_CHECKIN] = a->items;
	for (i = 0; i < a->n; i++) {
		struct checkin *c = &imp->checkins[i];
		const char *note, *rec, *upd, *set = NULL;

		if ((rc = program_import_row(r, STORE_TABLE_CHECKIN, i,
					     &a->items[i], v)) ||
		    (rc = program_import_get_day(r, v[STORE_CHECKIN_DAY], "day",
						 0, c->day)) ||
		    (rc = program_import_get_int(r, v[STORE_CHECKIN_PAIN],
						 "pain", PAIN_MIN, PAIN_MAX, 0,
						 &pain)) ||
		    (rc = program_import_get_int(
			 r, v[STORE_CHECKIN_INTERFERENCE], "interference",
			 PAIN_MIN, PAIN_MAX, 1, &inter)) ||
		    (rc = program_import_get_str(r, v[STORE_CHECKIN_NOTE],
						 "note", 1, &note)) ||
		    (rc = program_import_get_time(r,
						  v[STORE_CHECKIN_RECORDED_AT],
						  "recorded_at", &rec)) ||
		    (rc = program_import_get_time(
			 r, v[STORE_CHECKIN_UPDATED_AT], "updated_at", &upd)) ||
		    (rc = program_import_get_uid(r, v[STORE_CHECKIN_UID],
						 c->uid)) ||
		    (rc = program_import_get_int(r, v[STORE_CHECKIN_REVISION],
						 "revision", 1, INT_MAX, 1,
						 &revision)))
			return rc;
		/* Kept as it is, so a rating entered late stays recalled
		 * (program.h); null, or missing from an older export, reads
		 * as recorded_at, as in the log (store_import.c). */
		if (v[STORE_CHECKIN_PAIN_SET_AT]->type != JSON_NULL &&
		    (rc = program_import_get_time(r,
						  v[STORE_CHECKIN_PAIN_SET_AT],
						  "pain_set_at", &set)) != 0)
			return rc;
		if (i > 0 && strcmp(imp->checkins[i - 1].day, c->day) >= 0)
			return program_import_refuse(
			    r, v[STORE_CHECKIN_DAY],
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
		c->revision = revision == ENTRY_NONE ? 0 : (int)revision;
		c->pain_set_at = (char *)set;
	}
	imp->dump.checkins = imp->checkins;
	imp->dump.ncheckins = a->n;
	return program_import_uids_once(r, STORE_TABLE_CHECKIN,
					imp->checkins[0].uid,
					sizeof *imp->checkins, a->n);
}

static int
read_answers(struct program_reading *r, const struct json *a)
{
	struct program_import *imp = r->imp;
	const struct json *v[STORE_COLUMNS_MAX];
	const char *q, *val;
	size_t i;
	int rc;

	imp->answers = xcalloc(a->n + 1, sizeof *imp->answers);
	imp->rows[STORE_TABLE_ANSWER] = a->items;
	for (i = 0; i < a->n; i++) {
		struct store_answer *x = &imp->answers[i];

		if ((rc = program_import_row(r, STORE_TABLE_ANSWER, i,
					     &a->items[i], v)) ||
		    (rc = program_import_get_day(r, v[STORE_ANSWER_DAY], "day",
						 0, x->day)) ||
		    (rc = program_import_get_id(r, v[STORE_ANSWER_QUESTION],
						"question_id", &q)) ||
		    (rc = program_import_get_str(r, v[STORE_ANSWER_VALUE],
						 "value", 0, &val)) ||
		    (rc = program_import_get_uid(r, v[STORE_ANSWER_UID],
						 x->uid)))
			return rc;
		if (checkin_of(imp, x->day) < 0)
			return program_import_refuse(
			    r, v[STORE_ANSWER_DAY],
			    "the file has no check-in for %s, the "
			    "day of this answer",
			    x->day);
		x->question = (char *)program_import_question(r, q);
		x->value = (char *)val;
		if (i > 0) {
			const struct store_answer *p = &imp->answers[i - 1];
			int c = strcmp(p->day, x->day);

			if (c == 0)
				c = strcmp(p->question, x->question);
			if (c == 0)
				return program_import_refuse(
				    r, v[STORE_ANSWER_QUESTION],
				    "a second answer to this "
				    "question on %s",
				    x->day);
			if (c > 0)
				return program_import_refuse(
				    r, v[STORE_ANSWER_DAY],
				    "answers are in the order of "
				    "their days and questions, as "
				    "the export writes them");
		}
	}
	imp->dump.answers = imp->answers;
	imp->dump.nanswers = a->n;
	return program_import_uids_once(r, STORE_TABLE_ANSWER,
					imp->answers[0].uid,
					sizeof *imp->answers, a->n);
}

/* Whether answer k of the file answers a question of the pack by its
 * current id. */
static int
asked_by_pack(const struct program_reading *r, size_t k)
{
	const struct json *q =
	    json_get(&r->imp->rows[STORE_TABLE_ANSWER][k], "question_id");

	return q != NULL && q->type == JSON_STRING &&
	       content_question(r->pack, q->str) != NULL;
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
		const struct checkin *c = &imp->checkins[i];

		memset(&in, 0, sizeof in);
		memcpy(in.day, c->day, DAY_LEN);
		in.pain = c->pain;
		in.interference = c->interference;
		in.note = c->note;
		/* Both are in the order of days: the day's answers are
		 * the next ones. An answer to a question the pack renamed
		 * or does not have is kept as it is, its value unchecked:
		 * the pack that asked it took it. */
		for (n = 0; next < imp->dump.nanswers &&
			    strcmp(imp->answers[next].day, c->day) == 0;
		     next++) {
			if (!asked_by_pack(r, next))
				continue;
			ans[n].question = imp->answers[next].question;
			ans[n].value = imp->answers[next].value;
			from[n++] = next;
		}
		in.answers = ans;
		in.nanswers = n;
		in.merge = 1;
		if (program_checkin_check(r->pack, r->latest, &in, &bad,
					  &why) == 0)
			continue;
		row = &imp->rows[STORE_TABLE_CHECKIN][i];
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
			row = &imp->rows[STORE_TABLE_ANSWER][from[bad.index]];
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

/* Session x of practice p of the pack (row, its values v) as
 * program_session_add() checks it, and of p's approach. */
static int
check_session(struct program_reading *r, const struct json *row,
	      const struct json *v[STORE_COLUMNS_MAX], const struct practice *p,
	      const struct store_session *x)
{
	struct program_session ps;
	struct program_bad bad;
	/* A lesson's practice is logged under its lesson (program.h). */
	const char *ap = program_practice_owner(r->pack, p);
	char *why = NULL;
	int rc;

	memset(&ps, 0, sizeof ps);
	memcpy(ps.day, x->day, DAY_LEN);
	ps.practice = p->id;
	ps.minutes = x->minutes;
	ps.pain_before = x->pain_before;
	ps.pain_after = x->pain_after;
	ps.seconds = x->seconds;
	if (program_session_check(r->pack, r->latest, &ps, &bad, &why) != 0) {
		rc = program_import_refuse(r,
					   bad.field == PROGRAM_FIELD_PRACTICE
					       ? v[STORE_SESSION_PRACTICE]
					   : bad.field == PROGRAM_FIELD_DAY
					       ? v[STORE_SESSION_DAY]
					   : bad.field == PROGRAM_FIELD_MINUTES
					       ? v[STORE_SESSION_MINUTES]
					   : bad.field == PROGRAM_FIELD_BEFORE
					       ? v[STORE_SESSION_PAIN_BEFORE]
					   : bad.field == PROGRAM_FIELD_AFTER
					       ? v[STORE_SESSION_PAIN_AFTER]
					       : row,
					   "%s", why);
		free(why);
		return rc;
	}
	if (strcmp(ap, x->approach) != 0)
		return program_import_refuse(
		    r, v[STORE_SESSION_APPROACH],
		    "%s is a practice of %s, not of this approach", p->id, ap);
	return 0;
}

int
program_import_sessions(struct program_reading *r, const struct json *a)
{
	struct program_import *imp = r->imp;
	const struct json *v[STORE_COLUMNS_MAX];
	const struct practice *p;
	const char *practice, *approach, *rec;
	long long id, minutes, before, after, seconds;
	size_t i;
	int rc;

	imp->sessions = xcalloc(a->n + 1, sizeof *imp->sessions);
	imp->rows[STORE_TABLE_SESSION] = a->items;
	for (i = 0; i < a->n; i++) {
		struct store_session *x = &imp->sessions[i];

		if ((rc = program_import_row(r, STORE_TABLE_SESSION, i,
					     &a->items[i], v)) ||
		    (rc = program_import_get_int(r, v[STORE_SESSION_ID], "id",
						 1, PROGRAM_IMPORT_ID_MAX, 0,
						 &id)) ||
		    (rc = program_import_get_id(r, v[STORE_SESSION_PRACTICE],
						"practice", &practice)) ||
		    (rc = program_import_get_id(r, v[STORE_SESSION_APPROACH],
						"approach", &approach)) ||
		    (rc = program_import_get_day(r, v[STORE_SESSION_DAY], "day",
						 0, x->day)) ||
		    (rc = program_import_get_int(
			 r, v[STORE_SESSION_MINUTES], "minutes", 1,
			 SESSION_MINUTES_MAX, 1, &minutes)) ||
		    (rc = program_import_get_int(
			 r, v[STORE_SESSION_PAIN_BEFORE], "pain_before",
			 PAIN_MIN, PAIN_MAX, 1, &before)) ||
		    (rc = program_import_get_int(r, v[STORE_SESSION_PAIN_AFTER],
						 "pain_after", PAIN_MIN,
						 PAIN_MAX, 1, &after)) ||
		    (rc = program_import_get_time(r,
						  v[STORE_SESSION_RECORDED_AT],
						  "recorded_at", &rec)) ||
		    (rc = program_import_get_uid(r, v[STORE_SESSION_UID],
						 x->uid)) ||
		    (rc = program_import_get_int(
			 r, v[STORE_SESSION_SECONDS], "seconds", 1,
			 SESSION_SECONDS_MAX, 1, &seconds)))
			return rc;
		if (i > 0 && imp->sessions[i - 1].id >= id)
			return program_import_refuse(
			    r, v[STORE_SESSION_ID],
			    PROGRAM_IMPORT_IDS_IN_ORDER);
		x->id = id;
		x->practice = (char *)program_import_practice(r, practice);
		x->approach = (char *)program_import_approach(r, approach);
		/* A practice the pack does not have is kept as it is; one it
		 * has is checked as program_session_add() checks it. */
		x->minutes = (int)minutes;
		x->pain_before = (int)before;
		x->pain_after = (int)after;
		x->seconds = seconds == ENTRY_NONE ? 0 : (int)seconds;
		if ((p = content_practice_any(r->pack, x->practice)) != NULL &&
		    (rc = check_session(r, &a->items[i], v, p, x)) != 0)
			return rc;
		x->recorded_at = (char *)rec;
	}
	imp->dump.sessions = imp->sessions;
	imp->dump.nsessions = a->n;
	return program_import_uids_once(r, STORE_TABLE_SESSION,
					imp->sessions[0].uid,
					sizeof *imp->sessions, a->n);
}
