/*
 * term.c: whether the guided program can draw on this terminal, asked of
 * terminfo before the log is opened and the screen taken. Where it cannot
 * (TERM unset or unknown, a type that cannot move the cursor such as
 * "dumb", a window below the minimum size) it says so and points at the
 * line-mode check-in, instead of drawing a blank or garbled screen.
 */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/ioctl.h>
#include <sysexits.h>
#include <term.h>
#include <unistd.h>

#include "ui_int.h"

#define TERM_INSTEAD                                                           \
	"check in line by line with 'backpain checkin' (the first run: "       \
	"'backpain setup'), or see 'backpain --help' for the other commands"

int
ui_term_check(void)
{
	const char *term = getenv("TERM");
	const char *cup;
	struct winsize ws;
	int err = 0, can_move;

	if (term == NULL || *term == '\0') {
		fputs("backpain: TERM is not set, so the guided program cannot "
		      "draw; set it, or " TERM_INSTEAD "\n",
		      stderr);
		return EX_USAGE;
	}
	if (setupterm(NULL, STDOUT_FILENO, &err) != OK) {
		fprintf(stderr,
			"backpain: cannot use the terminal type '%s'; set "
			"TERM, or " TERM_INSTEAD "\n",
			term);
		return EX_USAGE;
	}
	cup = tigetstr("cup");
	can_move = cup != NULL && cup != (const char *)-1;
	del_curterm(cur_term);
	if (!can_move) {
		fprintf(stderr,
			"backpain: the terminal type '%s' cannot move the "
			"cursor, so the guided program cannot draw there; "
			"" TERM_INSTEAD "\n",
			term);
		return EX_USAGE;
	}
	if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0 &&
	    ws.ws_row > 0 &&
	    (ws.ws_col < UI_MIN_COLS || ws.ws_row < UI_MIN_ROWS)) {
		fprintf(stderr,
			"backpain: the terminal is %dx%d and the guided "
			"program needs %dx%d to start; enlarge it, or "
			"" TERM_INSTEAD "\n",
			ws.ws_col, ws.ws_row, UI_MIN_COLS, UI_MIN_ROWS);
		return EX_USAGE;
	}
	return 0;
}
