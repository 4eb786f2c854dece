/* content_find.c: the loaded pack's lookups by id: an approach, a
 * practice, a lesson, a question, a red flag, and an id the pack renamed.
 * Each hands back a pointer into the pack, which the caller does not
 * free. */
#include "content.h"

#include <string.h>

const struct approach *
content_approach(const struct pack *p, const char *id)
{
	int i = content_approach_index(p, id);

	return i < 0 ? NULL : &p->approaches[i];
}

int
content_approach_index(const struct pack *p, const char *id)
{
	size_t i;

	for (i = 0; i < p->napproaches; i++)
		if (strcmp(p->approaches[i].id, id) == 0)
			return (int)i;
	return -1;
}

const struct practice *
content_practice(const struct pack *p, const char *id)
{
	size_t a, i;

	for (a = 0; a < p->napproaches; a++)
		for (i = 0; i < p->approaches[a].npractices; i++)
			if (strcmp(p->approaches[a].practices[i].id, id) == 0)
				return &p->approaches[a].practices[i];
	return NULL;
}

const struct practice *
content_practice_any(const struct pack *p, const char *id)
{
	const struct practice *found = content_practice(p, id);
	size_t a, i;

	if (found != NULL)
		return found;
	for (a = 0; a < p->nlessons; a++)
		for (i = 0; i < p->lessons[a].npractices; i++)
			if (strcmp(p->lessons[a].practices[i].id, id) == 0)
				return &p->lessons[a].practices[i];
	return NULL;
}

const struct lesson *
content_lesson(const struct pack *p, const char *id)
{
	size_t i;

	for (i = 0; i < p->nlessons; i++)
		if (strcmp(p->lessons[i].id, id) == 0)
			return &p->lessons[i];
	return NULL;
}

int
content_lesson_after(const struct lesson *l, const char *moment)
{
	size_t i;

	for (i = 0; i < l->after.n; i++)
		if (strcmp(l->after.v[i], moment) == 0)
			return 1;
	return 0;
}

const struct question *
content_question(const struct pack *p, const char *id)
{
	size_t a, i;

	for (a = 0; a < p->napproaches; a++)
		for (i = 0; i < p->approaches[a].nquestions; i++)
			if (strcmp(p->approaches[a].questions[i].id, id) == 0)
				return &p->approaches[a].questions[i];
	return NULL;
}

/* Whether l lists id. */
static int
listed(const struct strlist *l, const char *id)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		if (strcmp(l->v[i], id) == 0)
			return 1;
	return 0;
}

const struct approach *
content_approach_renamed(const struct pack *p, const char *id)
{
	size_t a;

	for (a = 0; a < p->napproaches; a++)
		if (listed(&p->approaches[a].renamed_from, id))
			return &p->approaches[a];
	return NULL;
}

const struct practice *
content_practice_renamed(const struct pack *p, const char *id)
{
	size_t a, i;

	for (a = 0; a < p->napproaches; a++)
		for (i = 0; i < p->approaches[a].npractices; i++)
			if (listed(&p->approaches[a].practices[i].renamed_from,
				   id))
				return &p->approaches[a].practices[i];
	return NULL;
}

const struct question *
content_question_renamed(const struct pack *p, const char *id)
{
	size_t a, i;

	for (a = 0; a < p->napproaches; a++)
		for (i = 0; i < p->approaches[a].nquestions; i++)
			if (listed(&p->approaches[a].questions[i].renamed_from,
				   id))
				return &p->approaches[a].questions[i];
	return NULL;
}

const struct red_flag *
content_red_flag(const struct pack *p, const char *id)
{
	size_t i;

	for (i = 0; i < p->nred_flags; i++)
		if (strcmp(p->red_flags[i].id, id) == 0)
			return &p->red_flags[i];
	return NULL;
}
