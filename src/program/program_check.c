/*
 * program_check.c: the checks every write makes of a value a person gives,
 * against the pack (its practices and questions) and the calendar, so
 * that each is refused in the same words wherever it is typed. The writes
 * that use them are in program_write*.c; nothing here touches the log.
 */
#include "program_int.h"

#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "content.h"
#include "util.h"

/* Sets *cause and bad, returns EX_DATAERR. */
int
program_refuse(struct program_bad *bad, enum program_field field, size_t index,
	       char **cause, char *why)
{
	if (bad != NULL) {
		bad->field = field;
		bad->index = index;
	}
	*cause = why;
	return EX_DATAERR;
}

void
program_bad_none(struct program_bad *bad)
{
	if (bad != NULL) {
		bad->field = PROGRAM_FIELD_NONE;
		bad->index = 0;
	}
}

const char *
program_practice_owner(const struct pack *pack, const struct practice *p)
{
	return p->approach != CONTENT_NONE ? pack->approaches[p->approach].id
					   : pack->lessons[p->lesson].id;
}

char *
program_ids(const struct pack *pack, int questions)
{
	struct buf b;
	size_t i, j, n;
	const char *id;

	buf_init(&b);
	for (i = 0; i < pack->napproaches; i++) {
		const struct approach *a = &pack->approaches[i];

		n = questions ? a->nquestions : a->npractices;
		for (j = 0; j < n; j++) {
			id =
			    questions ? a->questions[j].id : a->practices[j].id;
			buf_printf(&b, "%s%s", b.len > 0 ? ", " : "", id);
		}
	}
	for (i = 0; !questions && i < pack->nlessons; i++)
		for (j = 0; j < pack->lessons[i].npractices; j++)
			buf_printf(&b, "%s%s", b.len > 0 ? ", " : "",
				   pack->lessons[i].practices[j].id);
	if (b.len == 0)
		buf_adds(&b, "(none)");
	return buf_take(&b);
}

int
program_check_rating(int v, int optional, enum program_field field,
		     struct program_bad *bad, char **cause)
{
	if ((optional && v == ENTRY_NONE) || (v >= PAIN_MIN && v <= PAIN_MAX))
		return 0;
	return program_refuse(
	    bad, field, 0, cause,
	    xasprintf("not a rating; use a whole number from %d "
		      "(none) to %d (worst imaginable)",
		      PAIN_MIN, PAIN_MAX));
}

/* A real day of the days a log may hold (day_check()), not after today. */
int
program_check_day(const char *day, const char *today, struct program_bad *bad,
		  char **cause)
{
	char *why = NULL;

	if (day_check(day, &why) != 0)
		return program_refuse(bad, PROGRAM_FIELD_DAY, 0, cause, why);
	if (today == NULL || day_valid(today) != 0)
		return program_refuse(bad, PROGRAM_FIELD_NONE, 0, cause,
				      xstrdup("today is not known"));
	if (strcmp(day, today) > 0)
		return program_refuse(
		    bad, PROGRAM_FIELD_DAY, 0, cause,
		    xasprintf("%s is in the future (today is %s)", day, today));
	return 0;
}

int
program_day_add(const char *day, int n, char out[DAY_LEN], char **cause)
{
	if (day_add(day, n, out) == 0)
		return 0;
	*cause = xasprintf("there is no day %d days from '%.*s' (days run "
			   "from 1000-01-01 to 9999-12-31)",
			   n, DAY_LEN - 1, day);
	return EX_SOFTWARE;
}

const struct practice *
program_find_practice(const struct pack *pack, const char *id,
		      enum program_field field, size_t index,
		      struct program_bad *bad, char **cause)
{
	const struct practice *p = content_practice_any(pack, id);
	char *ids;

	if (p == NULL) {
		ids = program_ids(pack, 0);
		program_refuse(
		    bad, field, index, cause,
		    xasprintf("no such practice; the pack has: %s", ids));
		free(ids);
	}
	return p;
}

/* The question answered and the choice taken, both from the pack. */
int
program_find_answer(const struct pack *pack, const struct program_answer *a,
		    size_t index, const struct question **q,
		    const char **choice, struct program_bad *bad, char **cause)
{
	struct buf b;
	size_t i;
	char *ids;

	if ((*q = content_question(pack, a->question)) == NULL) {
		ids = program_ids(pack, 1);
		program_refuse(
		    bad, PROGRAM_FIELD_ANSWER, index, cause,
		    xasprintf("no such question; the pack has: %s", ids));
		free(ids);
		return EX_DATAERR;
	}
	for (i = 0; i < (*q)->choices.n; i++)
		if (strcmp((*q)->choices.v[i], a->value) == 0) {
			*choice = (*q)->choices.v[i];
			return 0;
		}
	buf_init(&b);
	for (i = 0; i < (*q)->choices.n; i++)
		buf_printf(&b, "%s%s", i > 0 ? ", " : "", (*q)->choices.v[i]);
	program_refuse(bad, PROGRAM_FIELD_ANSWER, index, cause,
		       xasprintf("%s is one of: %s", (*q)->id, b.data));
	buf_free(&b);
	return EX_DATAERR;
}
