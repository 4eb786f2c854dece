/*
 * flare: how a flare-up ended, as the store keeps it and the program
 * tells it (program.h's struct program_flare). Nothing here allocates.
 */
#ifndef BACKPAIN_FLARE_H
#define BACKPAIN_FLARE_H

enum flare_end {
	FLARE_OPEN,   /* still running */
	FLARE_PERSON, /* flare --over, or `f` ... over in the TUI */
	FLARE_CALM,   /* pain back at the person's level two days */
};

/* "", "person", "calm": the token of the export and the CSV. */
const char *flare_end_name(enum flare_end);

#endif
