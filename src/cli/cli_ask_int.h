/*
 * cli_ask_int.h: the line-mode check-in, what `backpain checkin` does with no
 * rating on a terminal. It asks the day's questions one line at a time on
 * stdin and stdout (pain, interference, then the practices and questions of
 * the day as program_day_load() lists them, a note), shows what it would
 * save and asks to confirm. Plain lines only: no cursor
 * movement, no colour, nothing a screen reader or TERM=dumb cannot follow.
 * It writes nothing: cli_checkin.c saves what it hands back through the
 * program's one write path. Its line readers (cli_ask_line() and the ones
 * below it) are shared with the line-mode first run, cli_setup.c.
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
struct scale;
struct checkin;

/*
 * The line readers. Each prints its prompt, reads one line of stdin with
 * getline() and trims blanks at both ends; an answer it cannot take says
 * what is wrong and asks again.
 */
enum cli_ask_rc {
	CLI_ASK_OK,   /* an answer */
	CLI_ASK_SKIP, /* an empty line */
	CLI_ASK_EOF,  /* the input ended, also within a line (Ctrl-D after
			 some text) */
};
/* One line into *line, which points into a buffer of cli_ask.c that the
 * next call reuses. */
enum cli_ask_rc cli_ask_line(const char *prompt, char **line);
/* y or n (or yes, no; any case). Enter gives dflt, or with dflt -1 is
 * refused and asked again. */
enum cli_ask_rc cli_ask_yes_no(const char *prompt, int dflt, int *yes);
/* A rating 0..10 into *out, prompted as "NAME, 0 to 10: ". Enter keeps *out
 * when it is set (not ENTRY_NONE: a rating saved earlier that day), and is
 * refused for a rating that must be given (required). */
enum cli_ask_rc cli_ask_rating(const char *name, int required, int *out);
/* The scale's anchors, one a line: "   0  No pain". */
void cli_ask_anchors(const struct scale *);

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
/*
 * After program_checkin() refused the save with CHECKIN_CHANGED (the day was
 * saved again since cli_ask_checkin() read it; now is its old, the
 * check-in as it is now, zeroed when there is none): shows the newer
 * values and asks "Save yours over it?". 0 with in->seen_revision set to
 * now's, to save again; CLI_ASK_DECLINED; EX_NOINPUT when the input ends,
 * or another sysexits code for the log, after printing why.
 */
int cli_ask_newer(struct app *, const struct checkin *now,
		  struct program_checkin *in);
void cli_ask_free(struct cli_ask *);

#endif
