/*
 * cli_next.c: the one next thing to do (program_today's next), in the
 * words of the command line: status's "Next" line and the last word of
 * `backpain setup`. Moved here from cli_view.c so both say it alike. And
 * the lessons offered (program_lessons_load()), as status and the
 * commands that make a moment happen show them.
 */
#include "cli_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analysis.h"
#include "app.h"
#include "content.h"
#include "program.h"
#include "util.h"

void
cli_next_lessons(const struct program_lessons *ls, const char *prefix,
		 const char *const *moments, size_t nmoments)
{
	struct buf b;
	size_t i, k;
	int shown;

	for (i = 0; i < ls->n; i++) {
		const struct program_lesson *l = &ls->lessons[i];

		for (k = 0, shown = nmoments == 0 && l->nmoments > 0;
		     k < nmoments && !shown; k++)
			shown = program_lesson_offered_at(l, moments[k]);
		if (!shown)
			continue;
		/* Folded between words on a terminal (cli_put_folded()
		 * escapes the pack's title). */
		buf_init(&b);
		buf_printf(&b, "%sA short read: %s (backpain learn %s)", prefix,
			   l->lesson->title, l->lesson->id);
		cli_put_folded(b.data, "", cli_columns(), 0);
		buf_free(&b);
	}
}

int
cli_next_offers(struct app *app, const char *const *moments, size_t n)
{
	struct program_lessons ls;
	char *cause = NULL;
	int rc;

	if (app->pack->nlessons == 0)
		return 0;
	rc = program_lessons_load(app->pack, app->store, app->today, &ls,
				  &cause);
	if (rc != 0) {
		/* What was asked is done; the offer can wait. */
		fprintf(stderr, "backpain: %s\n", cause != NULL ? cause : "");
		free(cause);
		return rc;
	}
	cli_next_lessons(&ls, "", moments, n);
	program_lessons_free(&ls);
	return 0;
}

/* The id of the first yes that holds the approaches back; "FLAG" when
 * none does (next is then not PROGRAM_NEXT_DOCTOR). */
static const char *
next_holding(const struct program_safety *s)
{
	const struct program_flag *f =
	    program_safety_first(s, PROGRAM_FLAG_HOLDS);

	return f != NULL ? f->flag->id : "FLAG";
}

void
cli_next_print(const struct program_today *t)
{
	struct buf b;

	switch (t->next) {
	case PROGRAM_NEXT_SAFETY:
		/* setup works on any terminal; the screens need one that
		 * can move the cursor (not TERM=dumb). */
		if (t->safety.unanswered > 0)
			puts("safety questions first: backpain setup, or "
			     "backpain for the screens");
		else
			puts("finish the first run: backpain setup, or "
			     "backpain for the screens");
		break;
	case PROGRAM_NEXT_DOCTOR:
		printf("get checked by a doctor, then: backpain safety "
		       "--checked %s\n",
		       next_holding(&t->safety));
		break;
	case PROGRAM_NEXT_CHECKIN:
		puts("check in: backpain checkin N (pain 0-10)");
		break;
	case PROGRAM_NEXT_RECHECK:
		if (t->safety.stale > 0 && !t->safety.emergency_due)
			printf("%d safety question%s changed since you "
			       "answered: backpain safety\n",
			       t->safety.stale,
			       t->safety.stale == 1 ? "" : "s");
		else
			printf("anything new since %s? backpain safety\n",
			       t->safety.since);
		break;
	case PROGRAM_NEXT_REVIEW:
		printf("review %s, its trial is complete: backpain review\n",
		       t->next_approach);
		break;
	case PROGRAM_NEXT_RESUME:
		printf("the pause week of %s is over; take it up again: "
		       "backpain resume %s\n",
		       t->next_approach, t->next_approach);
		break;
	case PROGRAM_NEXT_PRACTICE:
		printf("practise %s: backpain practice %s\n", t->next_practice,
		       t->next_practice);
		break;
	case PROGRAM_NEXT_BASELINE:
		buf_init(&b);
		program_baseline_words(&b, t);
		printf("check in on a few more days before starting %s: %s, "
		       "so a change can be measured\n",
		       t->next_approach, b.data);
		buf_free(&b);
		break;
	case PROGRAM_NEXT_START:
		printf("start %s: backpain start %s\n", t->next_approach,
		       t->next_approach);
		break;
	case PROGRAM_NEXT_REST:
		puts("nothing more today");
		break;
	case PROGRAM_NEXT_FINISHED:
		puts("every approach has been tried: backpain review");
		break;
	}
}
