/*
 * ui: the guided program on an ncurses screen. Only files under src/ui/ call
 * curses. ui_main() takes over the terminal and restores it on every way out
 * (return, SIGINT, SIGQUIT, SIGTERM); it returns the process exit status: 0
 * after q, 130 after SIGINT, 131 after SIGQUIT, 143 after SIGTERM (128 + the
 * signal), 64 without a terminal on stdin and stdout or with an unknown
 * TERM, or the status of app_pack/app_config/app_store when the pack, config
 * or log fails (their message printed to stderr by ui_main, before the
 * screen is taken). It works in the app main.c opened and leaves closing it
 * to main.c. Its internal headers are src/ui/ui_int.h (the loop, the screens
 * and the services they call) and src/ui/widget_int.h (what they draw with).
 * Nothing under src/ui/ uses the CLI: both faces stand on app.h and
 * program.h.
 */
#ifndef BACKPAIN_UI_H
#define BACKPAIN_UI_H

struct app;

int ui_main(struct app *);

#endif
