/* checkin.c: a check-in's strings freed (checkin.h). */
#include "checkin.h"

#include <stdlib.h>

void
checkin_clear(struct checkin *c)
{
	free(c->note);
	free(c->recorded_at);
	free(c->updated_at);
	free(c->pain_set_at);
	c->note = c->recorded_at = c->updated_at = c->pain_set_at = NULL;
}

void
checkins_free(struct checkin *c, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		checkin_clear(&c[i]);
	free(c);
}
