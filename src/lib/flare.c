/* flare.c: how a flare-up ended, by name (flare.h). */
#include "flare.h"

#include <stddef.h>

static const char *const end_names[] = {
    [FLARE_OPEN] = "",
    [FLARE_PERSON] = "person",
    [FLARE_CALM] = "calm",
};
#define ENDS (sizeof end_names / sizeof end_names[0])

const char *
flare_end_name(enum flare_end e)
{
	return (size_t)e < ENDS ? end_names[e] : "";
}
