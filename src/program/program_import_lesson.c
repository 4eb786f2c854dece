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
	const struct json *v[PROGRAM_IMPORT_COLUMNS];
	const struct lesson *l;
	const char *id_s, *moment, *rec;
	long long id;
	size_t i;
	int rc;

	imp->lessons = xcalloc(a->n + 1, sizeof *imp->lessons);
	for (i = 0; i < a->n; i++) {
		struct store_lesson *x = &imp->lessons[i];

		if ((rc = program_import_row(r, PROGRAM_IMPORT_LESSON, i,
					     &a->items[i], v)) ||
		    (rc = program_import_get_int(
			 r, v[0], "id", 1, PROGRAM_IMPORT_ID_MAX, 0, &id)) ||
		    (rc = program_import_get_str(r, v[1], "lesson_id", 0,
						 &id_s)) ||
		    (rc = program_import_get_str(r, v[2], "moment", 1,
						 &moment)) ||
		    (rc = program_import_get_day(r, v[3], "read_on", 1,
						 x->read_on)) ||
		    (rc = program_import_get_day(r, v[4], "dismissed_on", 1,
						 x->dismissed_on)) ||
		    (rc =
			 program_import_get_time(r, v[5], "recorded_at", &rec)))
			return rc;
		if ((l = content_lesson(r->pack, id_s)) == NULL)
			return program_import_refuse(
			    r, v[1], "no such lesson in the pack");
		if (moment != NULL && !content_lesson_after(l, moment))
			return program_import_refuse(
			    r, v[2], "%s is not offered at this moment", l->id);
		if ((x->read_on[0] != '\0') == (x->dismissed_on[0] != '\0'))
			return program_import_refuse(
			    r, &a->items[i],
			    "a lesson's row has one of read_on and "
			    "dismissed_on");
		if (x->dismissed_on[0] != '\0' && moment == NULL)
			return program_import_refuse(
			    r, v[2], "only an offer, at a moment, is put off");
		if (i > 0 && imp->lessons[i - 1].id >= id)
			return program_import_refuse(
			    r, v[0], PROGRAM_IMPORT_IDS_IN_ORDER);
		x->id = id;
		x->lesson = (char *)l->id;
		x->moment = (char *)moment;
		x->recorded_at = (char *)rec;
	}
	imp->dump.lessons = imp->lessons;
	imp->dump.nlessons = a->n;
	imp->rows[PROGRAM_IMPORT_LESSON] = a->items;
	return 0;
}
