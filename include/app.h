/*
 * app: the application context both faces work in. One struct app holds
 * what a run of backpain opened: the content pack, the config (with today as
 * its day start makes it), and the log, plus the paths and options it was
 * asked to open them from. main.c fills the paths, hands the struct to
 * cli_run() or ui_main(), and calls app_close() once at the end.
 *
 * Nothing is opened before it is needed: app_pack(), app_config() and
 * app_store() each open their part on first call and return 0 at once
 * after, so a command that needs no log (pack check, --help, a usage error)
 * never creates one. They return 0 or a sysexits.h code with the problem in
 * *cause (or errs, for the pack: one line per error), which the caller
 * prints and frees: app.c prints nothing.
 *
 * struct app owns the pack and the store it opened; app_close() releases
 * them. The paths are borrowed (argv).
 */
#ifndef BACKPAIN_APP_H
#define BACKPAIN_APP_H

#include "config.h"
#include "day.h"

struct pack;
struct store;
struct content_errors;

struct app {
	const char *db_path;   /* --db; NULL: $BACKPAIN_DB or the default */
	const char *pack_path; /* --pack; NULL: $BACKPAIN_PACK or built in */
	struct pack *pack;     /* NULL until app_pack() */
	struct store *store;   /* NULL until app_store() */
	int read_only;	       /* app_store() opens a copy to read only */
	struct config config;  /* valid once app_config() returned 0 */
	int config_loaded;
	char today[DAY_LEN]; /* as of the last app_config() or app_today() */
};

/* Loads the pack: 0, EX_NOINPUT (file unreadable) or EX_DATAERR (invalid
 * pack), with errs filled; the caller prints and frees errs. */
int app_pack(struct app *, struct content_errors *errs);
/* Reads the config (EX_DATAERR for a bad file) and sets today. */
int app_config(struct app *, char **cause);
/* Opens the log, creating it when needed (or, with read_only set, as
 * an export does: program_open()): the codes of store.h, or EX_CANTCREAT
 * when no place for it is known. */
int app_store(struct app *, char **cause);
/* Today as the config's day start counts it, read again from the clock
 * (the TUI runs across midnight); loads the config first. */
int app_today(struct app *, char out[DAY_LEN], char **cause);
/* The day a person named: "today", "yesterday" or YYYY-MM-DD, never in
 * the future; NULL is today. EX_DATAERR with *cause quoting the value. */
int app_day(struct app *, const char *arg, char out[DAY_LEN], char **cause);
/* Whether the log was opened and anything was saved through it. */
int app_saved(const struct app *);
/* Releases what the app opened; the struct may be opened again. */
void app_close(struct app *);

#endif
