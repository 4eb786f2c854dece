/*
 * review_name.c: a row's name (review.h), alone in its file so that the
 * pause's judgment (review_pause.c) and the words (review_text.c) both
 * read it without a loop through review.c.
 */
#include "review.h"

const char *
review_row_name(const struct review_row *row)
{
	if (row->title != NULL)
		return row->title;
	return row->unknown != NULL ? row->unknown : row->approach;
}
