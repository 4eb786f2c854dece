/*
 * program_import_lesson.c: the lessons read and the offers put off of an
 * export read back, checked by the rules of their writes
 * (program_lesson.c): a lesson of the pack, a moment its after: names, a
 * day not after today, read or put off but not both, and only an offer
 * (a row with a moment) put off. A file from before lessons has none.
 */
#include "program_int.h"

#include <string.h>

#include "content.h"
#include "util.h"

int
program_import_lessons(struct program_reading *r, const struct json *a)
{
	struct program_import *imp = r->imp;
	const struct json *v[STORE_COLUMNS_MAX];
	const struct lesson *l;
	const char *id_s, *moment, *rec;
	long long id;
	size_t i;
	int rc;

	imp->lessons = xcalloc(a->n + 1, sizeof *imp->lessons);
	imp->rows[STORE_TABLE_LESSON] = a->items;
	imp->dump.lessons = imp->lessons;
	for (i = 0; i < a->n; i++) {
		struct store_lesson *x = &imp->lessons[i];

		if ((rc = program_import_row(r, STORE_TABLE_LESSON, i,
					     &a->items[i], v)) ||
		    (rc = program_import_get_int(r, v[STORE_LESSON_ID], "id", 1,
						 PROGRAM_IMPORT_ID_MAX, 0,
						 &id)) ||
		    (rc = program_import_get_str(r, v[STORE_LESSON_LESSON],
						 "lesson_id", 0, &id_s)) ||
		    (rc = program_import_get_str(r, v[STORE_LESSON_MOMENT],
						 "moment", 1, &moment)) ||
		    (rc = program_import_get_day(r, v[STORE_LESSON_READ_ON],
						 "read_on", 1, x->read_on)) ||
		    (rc = program_import_get_day(
			 r, v[STORE_LESSON_DISMISSED_ON], "dismissed_on", 1,
			 x->dismissed_on)) ||
		    (rc =
			 program_import_get_time(r, v[STORE_LESSON_RECORDED_AT],
						 "recorded_at", &rec)) ||
		    (rc = program_import_get_uid(r, v[STORE_LESSON_UID],
						 x->uid)))
			return rc;
		if ((l = content_lesson(r->pack, id_s)) == NULL)
			return program_import_refuse(
			    r, v[STORE_LESSON_LESSON],
			    "no such lesson in the pack");
		if (moment != NULL && !content_lesson_after(l, moment))
			return program_import_refuse(
			    r, v[STORE_LESSON_MOMENT],
			    "%s is not offered at this moment", l->id);
		if ((x->read_on[0] != '\0') == (x->dismissed_on[0] != '\0'))
			return program_import_refuse(
			    r, &a->items[i],
			    "a lesson's row has one of read_on and "
			    "dismissed_on");
		if (x->dismissed_on[0] != '\0' && moment == NULL)
			return program_import_refuse(
			    r, v[STORE_LESSON_MOMENT],
			    "only an offer, at a moment, is put off");
		if (i > 0 && imp->lessons[i - 1].id >= id)
			return program_import_refuse(
			    r, v[STORE_LESSON_ID], PROGRAM_IMPORT_IDS_IN_ORDER);
		x->id = id;
		x->lesson = (char *)l->id;
		x->moment = (char *)moment;
		x->recorded_at = (char *)rec;
		imp->dump.nlessons = i + 1;
	}
	return program_import_uids_once(r, STORE_TABLE_LESSON,
					imp->lessons[0].uid,
					sizeof *imp->lessons, a->n);
}
