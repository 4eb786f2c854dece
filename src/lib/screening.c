/* screening.c: safety answers freed (screening.h). */
#include "screening.h"

#include <stdlib.h>

void
screenings_free(struct screening *r, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		free(r[i].flag);
		free(r[i].asked_at);
	}
	free(r);
}
