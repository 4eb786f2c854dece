/*
 * program_int.h: what the files of the program module share and no other
 * module sees: the checks of the write path (program_check.c) that every
 * program_write*.c makes before it writes. Each check returns 0, or
 * EX_DATAERR with *cause set (allocated, the caller frees) and, when bad
 * is not NULL, bad naming the value refused, as program.h's writes do.
 */
#ifndef BACKPAIN_PROGRAM_INT_H
#define BACKPAIN_PROGRAM_INT_H

#include <stddef.h>

#include "program.h"

/* Sets bad (when not NULL) to field and index and *cause to why (taken
 * over); returns EX_DATAERR. */
int program_refuse(struct program_bad *bad, enum program_field field,
		   size_t index, char **cause, char *why);
/* Sets bad (when not NULL) to PROGRAM_FIELD_NONE: nothing refused yet. */
void program_bad_none(struct program_bad *bad);
/* A rating PAIN_MIN..PAIN_MAX, or STORE_NONE when optional; field names
 * it in bad. */
int program_check_rating(int v, int optional, enum program_field field,
			 struct program_bad *bad, char **cause);
/* A real day, not after today (PROGRAM_FIELD_DAY; PROGRAM_FIELD_NONE when
 * today itself is not known). */
int program_check_day(const char *day, const char *today,
		      struct program_bad *bad, char **cause);
/* The practice of the pack with that id, or NULL refused as field, index
 * with the pack's practice ids listed. */
const struct practice *
program_find_practice(const struct pack *, const char *id,
		      enum program_field field, size_t index,
		      struct program_bad *bad, char **cause);
/* The question a (answers[index] of a check-in) answers and the choice it
 * takes, both borrowed from the pack; refused as PROGRAM_FIELD_ANSWER. */
int program_find_answer(const struct pack *, const struct program_answer *a,
			size_t index, const struct question **q,
			const char **choice, struct program_bad *bad,
			char **cause);

#endif
