/*
 * ui: the guided program on an ncurses screen. Only files under src/ui/ call
 * curses. ui_main() takes over the terminal and restores it on every way out
 * (return, SIGINT, SIGTERM); it returns the process exit status.
 */
#ifndef BACKPAIN_UI_H
#define BACKPAIN_UI_H

struct cli;

int ui_main(struct cli *);

#endif
