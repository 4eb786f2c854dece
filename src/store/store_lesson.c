/* store_lesson.c: the lessons of the pack read, and their offers put off
 * (store.h): one row per event. What is offered when is the program's to
 * say (program_lesson.c); the store keeps what happened. */
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "store_int.h"
#include "util.h"

int
store_lesson_check(const struct store_lesson *l, char **cause)
{
	int code, read = l->read_on[0] != '\0';

	if ((code = store_check_id("lesson", l->lesson, cause)) != 0 ||
	    (l->moment != NULL &&
	     (code = store_check_id("moment", l->moment, cause)) != 0))
		return code;
	if (read == (l->dismissed_on[0] != '\0'))
		return store_fail(cause, EX_DATAERR,
				  "lesson %s: a row is either read or put "
				  "off, on one day",
				  l->lesson);
	if (!read && l->moment == NULL)
		return store_fail(cause, EX_DATAERR,
				  "lesson %s: only an offer, at a moment, is "
				  "put off",
				  l->lesson);
	return store_check_day(read ? "read" : "dismissed",
			       read ? l->read_on : l->dismissed_on, cause);
}

int
store_lesson_add(struct store *s, const struct store_lesson *l, char **cause)
{
	sqlite3_stmt *st;
	char now[STORE_TIMESTAMP_LEN];
	const char *read, *dismissed;
	int code;

	if ((code = store_lesson_check(l, cause)) != 0)
		return code;
	read = l->read_on[0] != '\0' ? l->read_on : NULL;
	dismissed = l->dismissed_on[0] != '\0' ? l->dismissed_on : NULL;
	store_now(now);
	if ((code = store_begin(s, cause)) != 0)
		return code;
	/* The same event twice (a lesson read twice in a day) is one. */
	if ((code = store_prepare(
		 s,
		 "INSERT INTO lesson (lesson_id, moment, read_on,"
		 " dismissed_on, recorded_at)"
		 " SELECT ?1, ?2, ?3, ?4, ?5 WHERE NOT EXISTS (SELECT 1"
		 " FROM lesson WHERE lesson_id = ?1 AND moment IS ?2"
		 " AND read_on IS ?3 AND dismissed_on IS ?4)",
		 &st, cause)) != 0) {
		store_rollback(s);
		return code;
	}
	if ((code = store_run(s, st,
			      store_bind(st, "ttttt", l->lesson, l->moment,
					 read, dismissed, now),
			      "saving the lesson", cause)) != 0) {
		store_rollback(s);
		return code;
	}
	return store_commit(s, cause);
}

int
store_lesson_list(struct store *s, struct store_lesson **out, size_t *n,
		  char **cause)
{
	void *rows;
	int code = store_rows(s, STORE_TABLE_LESSON, NULL, "ORDER BY id",
			      sizeof **out, &rows, n, cause, "");

	*out = rows;
	return code;
}

void
store_lessons_free(struct store_lesson *r, size_t n)
{
	store_rows_free(STORE_TABLE_LESSON, r, n, sizeof *r);
}
