/*
 * cli_ask_int.h: the line-mode check-in, what `backpain checkin` does with no
 * rating on a terminal. It asks the day's questions one line at a time on
 * stdin and stdout (pain, interference, the practices of the day's list
 * and of the approaches that helped, the running approaches' questions, a
 * note), shows what it would save and asks to confirm. Plain lines only:
 * no cursor movement, no colour, nothing a screen reader or TERM=dumb
 * cannot follow. It writes nothing: cli_checkin.c saves what it hands back
 * through the program's one write path.
 *
 * struct cli_ask owns what cli_ask_checkin() allocated (the note, the ids
 * array, the answers array); the ids and choices are borrowed from the pack.
 * cli_ask_free() releases it.
 */
#ifndef BACKPAIN_CLI_ASK_INT_H
#define BACKPAIN_CLI_ASK_INT_H

#include <stddef.h>

#include "program.h"

struct app;

/* Returned when the person answered no to "Save it?": nothing to save. */
#define CLI_ASK_DECLINED (-1)

struct cli_ask {
	struct program_checkin in; /* points into the fields below */
	char *note;
	const char **did;
	size_t ndid;
	struct program_answer *answers;
	size_t nanswers;
};

/*
 * Asks for a check-in of day on the app's log (opened) and pack. Returns 0
 * with out->in ready to save, CLI_ASK_DECLINED, or an exit status after
 * printing why: EX_NOINPUT when the input ends (Ctrl-D) before the last
 * answer, other sysexits codes for the log. Call cli_ask_free() after
 * any of them.
 */
int cli_ask_checkin(struct app *, const char *day, struct cli_ask *out);
void cli_ask_free(struct cli_ask *);

#endif
