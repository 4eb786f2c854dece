/* outcome.c: a trial's outcome and impression, by name (outcome.h). */
#include "outcome.h"

#include <stddef.h>
#include <string.h>

static const char *const outcome_names[] = {
    [OUTCOME_NONE] = "",
    [OUTCOME_HELPED] = "helped",
    [OUTCOME_NO_CHANGE] = "no-change",
    [OUTCOME_WORSE] = "worse",
    [OUTCOME_STOPPED] = "stopped",
};
#define OUTCOMES (sizeof outcome_names / sizeof outcome_names[0])

const char *
outcome_name(enum outcome o)
{
	if ((size_t)o >= OUTCOMES)
		return "";
	return outcome_names[o];
}

int
outcome_parse(const char *name, enum outcome *out)
{
	size_t i;

	for (i = OUTCOME_HELPED; name != NULL && i < OUTCOMES; i++) {
		if (strcmp(name, outcome_names[i]) == 0) {
			*out = (enum outcome)i;
			return 0;
		}
	}
	return -1;
}

static const char *const impression_names[] = {
    "",		 "very-much-better", "much-better", "a-little-better",
    "no-change", "a-little-worse",   "much-worse",  "very-much-worse"};

const char *
impression_name(int impression)
{
	if (impression < IMPRESSION_MIN || impression > IMPRESSION_MAX)
		return "";
	return impression_names[impression];
}

int
impression_parse(const char *text, int *out)
{
	int i;

	for (i = IMPRESSION_MIN; text != NULL && i <= IMPRESSION_MAX; i++) {
		if (strcmp(text, impression_names[i]) == 0 ||
		    (text[0] == '0' + i && text[1] == '\0')) {
			*out = i;
			return 0;
		}
	}
	return -1;
}
