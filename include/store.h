/*
 * store: the pain log, one SQLite file. Only the store's files
 * (src/store/) speak SQL: store.c opens and closes the log (its file made
 * ready by store_file.c, checked by store_check.c, upgraded by
 * store_migrate.c); store_checkin.c (check-ins, answers, sessions),
 * store_trial.c (trials, screening, profile), store_habit.c (habits) and
 * store_flare.c (flare-ups) read and write rows; store_export.c (history
 * and export) and store_import.c (import, its values checked by
 * store_import_check.c) move whole logs. Their shared parts (store_sql.c,
 * store_value.c) and the order in which the files use each other are in
 * src/store/store_int.h.
 *
 * The log lives at --db PATH, else $BACKPAIN_DB, else
 * $XDG_DATA_HOME/backpain/log.db (default ~/.local/share/backpain/log.db);
 * its directory is made 0700 and the file 0600 before SQLite opens it.
 *
 * Functions returning int return 0 on success, or a sysexits.h code with
 * *cause set to a message the caller frees:
 *   EX_DATAERR    a value or request the log refuses (nothing written)
 *   EX_CANTCREAT  the log or its directory cannot be created
 *   EX_IOERR      I/O error, a damaged log, or a log newer than the program
 *   EX_TEMPFAIL   the log stayed busy past the timeout
 *   EX_NOPERM     permission denied
 * so a command can exit with the code it is handed. Every write runs in its
 * own BEGIN IMMEDIATE transaction: it happens whole or not at all.
 *
 * Rows handed out (struct store_checkin, ...) own their strings; free arrays
 * of them with the matching *_free().
 */
#ifndef BACKPAIN_STORE_H
#define BACKPAIN_STORE_H

#include <stdio.h>
#include <stddef.h>

#include "day.h"

#define STORE_VERSION 6		    /* schema version, PRAGMA user_version */
#define STORE_BUSY_MS 5000	    /* how long to wait for a busy log */
#define STORE_NONE (-1)		    /* an absent rating or duration */
#define STORE_MINUTES_MAX (24 * 60) /* a session lasts at most a day */

/* The profile's keys and what they hold (checked by store_profile_set). */
#define STORE_PROFILE_USUAL_PAIN "usual_pain" /* PAIN_MIN..PAIN_MAX */
#define STORE_PROFILE_ONBOARDED "onboarded"   /* the day onboarding ended */
#define STORE_PROFILE_RECENT_INJURY "recent_injury" /* "yes" or "no" */
/* The screening id of onboarding's recent-injury question, beside the
 * pack's red flags. */
#define STORE_SCREENING_INJURY "recent-injury"

struct store;

/* The default path (allocated), or NULL when there is no HOME. */
char *store_default_path(void);
/* Opens (creating and migrating as needed) the log at path. */
int store_open(const char *path, struct store **out, char **cause);
/* Opens the log at path to be read only, as an export does: a copy of it
 * in memory, read without a byte written beside it (no -wal, -shm or
 * stamp), so that it works on a full disk. A log not there yet, empty, or
 * of an older version (to upgrade) is opened by store_open(). Writing
 * through it changes only the copy. */
int store_open_read(const char *path, struct store **out, char **cause);
void store_close(struct store *);
const char *store_path(const struct store *);
/* Whether anything was saved through this connection (rows written). */
int store_saved(const struct store *);

struct store_checkin {
	char day[DAY_LEN];
	int pain;	   /* 0..10 */
	int interference;  /* 0..10 or STORE_NONE */
	char *note;	   /* NULL when none; any UTF-8, stored exactly */
	char *recorded_at; /* set by the store; local ISO 8601 */
	char *updated_at;
};

struct store_answer {
	char day[DAY_LEN];
	char *question; /* question id of the pack */
	char *value;
};

/* A practice done: a timed session, or a mark from a check-in's --did. */
struct store_session {
	long long id; /* set by the store */
	char *practice;
	char *approach;
	char day[DAY_LEN];
	int minutes;	 /* 1..; STORE_NONE for a mark without a duration */
	int pain_before; /* 0..10 or STORE_NONE */
	int pain_after;	 /* 0..10 or STORE_NONE */
	char *recorded_at;
};

enum store_outcome {
	OUTCOME_NONE, /* still running */
	OUTCOME_HELPED,
	OUTCOME_NO_CHANGE,
	OUTCOME_WORSE,
	OUTCOME_STOPPED,
};

struct store_trial {
	long long id;
	char *approach;
	char started_on[DAY_LEN];
	char ended_on[DAY_LEN]; /* "" while running */
	enum store_outcome outcome;
	/* The global impression given at its end, STORE_IMPRESSION_MIN
	 * (very much better) .. STORE_IMPRESSION_MAX (very much worse), or
	 * STORE_NONE. */
	int impression;
};

/* The 7-point global impression of change (PGIC; GUIDE-FACTS.md 3.1). */
#define STORE_IMPRESSION_MIN 1
#define STORE_IMPRESSION_MAX 7

struct store_screening {
	char *flag;	/* red flag id of the pack, or STORE_SCREENING_INJURY */
	int answer;	/* 1 yes, 0 no */
	char *asked_at; /* local ISO 8601 */
	char checked_on[DAY_LEN]; /* a doctor checked this yes; "" if not */
};

/* What store_checkin_write() does with the day's earlier answers. */
enum {
	STORE_KEEP = 0,			/* keep them; new ones add or update */
	STORE_REPLACE_ANSWERS = 1 << 0, /* delete the day's answers first */
};

/*
 * Saves the check-in of c->day with its answers and the practices marked
 * done (sessions with minutes STORE_NONE; a practice already marked or
 * timed that day is not marked twice), in one transaction. A check-in
 * already there for that day is replaced whole; when old is not NULL it
 * receives the replaced check-in and *replaced is set to 1 (else 0).
 * Answers replace earlier answers to the same question on that day; with
 * STORE_REPLACE_ANSWERS all of the day's earlier answers go first. Marks
 * are only ever added. store_checkin_put() is write with STORE_KEEP.
 * The day of each answer and mark may be "" (it is c->day) or must equal
 * c->day; of a mark only practice and approach are read. A practice counts
 * as marked when any session of it is logged that day, timed or not.
 * replaced may be NULL; old is zeroed when nothing was replaced, so
 * store_checkin_clear(old) is always safe. The first recorded_at of a day
 * is kept; updated_at is the time of the last put.
 */
int store_checkin_write(struct store *, const struct store_checkin *c,
			const struct store_answer *answers, size_t nanswers,
			const struct store_session *done, size_t ndone,
			unsigned replace, struct store_checkin *old,
			int *replaced, char **cause);
int store_checkin_put(struct store *, const struct store_checkin *c,
		      const struct store_answer *answers, size_t nanswers,
		      const struct store_session *done, size_t ndone,
		      struct store_checkin *old, int *replaced, char **cause);
/* *found = 0 and out untouched when the day has no check-in. */
int store_checkin_get(struct store *, const char *day,
		      struct store_checkin *out, int *found, char **cause);
/* Check-ins with from <= day <= to (either may be NULL: unbounded), oldest
 * first. */
int store_checkin_range(struct store *, const char *from, const char *to,
			struct store_checkin **out, size_t *n, char **cause);
void store_checkin_clear(struct store_checkin *);
void store_checkins_free(struct store_checkin *, size_t);

int store_answer_range(struct store *, const char *from, const char *to,
		       struct store_answer **out, size_t *n, char **cause);
void store_answers_free(struct store_answer *, size_t);

int store_session_add(struct store *, struct store_session *s, char **cause);
int store_session_range(struct store *, const char *from, const char *to,
			struct store_session **out, size_t *n, char **cause);
void store_sessions_free(struct store_session *, size_t);

/* Refused (EX_DATAERR) when the approach is already running. */
int store_trial_start(struct store *, const char *approach, const char *day,
		      char **cause);
/* Refused (EX_DATAERR) when it is not running or day is before its start. */
int store_trial_stop(struct store *, const char *approach, const char *day,
		     enum store_outcome, char **cause);
/* Sets the outcome of a trial that has ended (a review's decision). */
int store_trial_set_outcome(struct store *, long long id, enum store_outcome,
			    char **cause);
/* Every trial, oldest start first. */
int store_trial_list(struct store *, struct store_trial **out, size_t *n,
		     char **cause);
void store_trials_free(struct store_trial *, size_t);
/*
 * Sets the global impression (STORE_IMPRESSION_MIN..MAX) of the latest
 * trial of approach that ended on day. Refused (EX_DATAERR) when there is
 * none or the impression is out of range.
 */
int store_trial_set_impression(struct store *, const char *approach,
			       const char *day, int impression, char **cause);
/* "very-much-better", "much-better", "a-little-better", "no-change",
 * "a-little-worse", "much-worse", "very-much-worse" for 1..7; "" else. */
const char *store_impression_name(int impression);
/* 1..7 from a name or a number "1".."7"; -1 when neither. */
int store_impression_parse(const char *text, int *out);
/* "helped", ...; "" for OUTCOME_NONE. */
const char *store_outcome_name(enum store_outcome);
/* -1 when name is not an outcome. */
int store_outcome_parse(const char *name, enum store_outcome *out);

/*
 * Habits (store_habit.c): an approach kept up after its trial, from kept_on
 * until dropped_on. At most one kept (not dropped) habit per approach.
 */
struct store_habit {
	long long id;
	char *approach;
	long long trial_id; /* the trial it was kept from; 0 when unknown */
	char kept_on[DAY_LEN];
	char dropped_on[DAY_LEN]; /* "" while kept */
};

/* Ends the running trial of approach on day with outcome and keeps the
 * approach as a habit from day, in one transaction. Refused (EX_DATAERR)
 * as store_trial_stop(), or when it is already kept. */
int store_habit_keep(struct store *, const char *approach, const char *day,
		     enum store_outcome, char **cause);
/* Drops the kept habit of approach on day. Refused (EX_DATAERR) when it is
 * not kept or day is before it was kept. */
int store_habit_drop(struct store *, const char *approach, const char *day,
		     char **cause);
/* Every habit, oldest first. */
int store_habit_list(struct store *, struct store_habit **out, size_t *n,
		     char **cause);
void store_habits_free(struct store_habit *, size_t);

/*
 * Pause weeks (store_pause.c, issue 21): a running trial stopped from
 * paused_on to the day before resumed_on, to see whether the pain comes
 * back. One per trial.
 */
struct store_pause {
	long long id;
	long long trial_id;
	char paused_on[DAY_LEN];
	char resumed_on[DAY_LEN]; /* "" while paused */
	char *recorded_at;	  /* set by the store */
};

/* Pauses trial trial_id from day. Refused (EX_DATAERR) when the trial is
 * not running, began after day, or already has a pause. */
int store_pause_begin(struct store *, long long trial_id, const char *day,
		      char **cause);
/* Resumes the paused trial trial_id on day (its first day back). Refused
 * (EX_DATAERR) when it has no pause, was resumed already, or day is not
 * after the day it was paused. */
int store_pause_end(struct store *, long long trial_id, const char *day,
		    char **cause);
/* Every pause, oldest paused_on first. */
int store_pause_list(struct store *, struct store_pause **out, size_t *n,
		     char **cause);
void store_pauses_free(struct store_pause *, size_t);

/*
 * Flare-ups (store_flare.c): a flare began on began_on and is over on
 * ended_on (the first day that is no longer part of it), ended by the
 * person or by two calm days. At most one is open at a time.
 */
enum store_flare_end {
	STORE_FLARE_OPEN,   /* still running */
	STORE_FLARE_PERSON, /* flare --over, or `f` ... over in the TUI */
	STORE_FLARE_CALM,   /* pain back at the person's level two days */
};

struct store_flare {
	long long id;
	char began_on[DAY_LEN];
	char ended_on[DAY_LEN]; /* "" while open */
	enum store_flare_end ended_by;
	int pain;	   /* 0..10 at its start, or STORE_NONE */
	char *note;	   /* NULL when none */
	char *recorded_at; /* set by the store */
};

/* Records a flare beginning on f->began_on (pain, note as given; the rest
 * is ignored). When close_on is not NULL, the open flare is first ended
 * on that day by STORE_FLARE_CALM, in the same transaction. Refused
 * (EX_DATAERR) when a flare is open (after that). */
int store_flare_begin(struct store *, const struct store_flare *f,
		      const char *close_on, char **cause);
/* Ends the open flare on day by how. Refused (EX_DATAERR) when none is
 * open or day is before it began. */
/* Moves the end of flare id, which ended after day, back to day, by how.
 * Refused (EX_DATAERR) when that flare is running, began after day or
 * ended on or before it. */
int store_flare_reend(struct store *, long long id, const char *day,
		      enum store_flare_end how, char **cause);
int store_flare_end(struct store *, const char *day, enum store_flare_end how,
		    char **cause);
/* Every flare, oldest first. */
int store_flare_list(struct store *, struct store_flare **out, size_t *n,
		     char **cause);
void store_flares_free(struct store_flare *, size_t);
/* "", "person", "calm". */
const char *store_flare_end_name(enum store_flare_end);

int store_screening_add(struct store *, const char *flag, int answer,
			char **cause);
/* The latest answer for each flag, in the order first asked. */
int store_screening_latest(struct store *, struct store_screening **out,
			   size_t *n, char **cause);
/* Every answer ever given, oldest first. */
int store_screening_all(struct store *, struct store_screening **out, size_t *n,
			char **cause);
/* Records that a doctor checked the latest answer to flag on day: refused
 * (EX_DATAERR) unless that answer is a yes. A later check replaces an
 * earlier one of the same answer. */
int store_screening_checked(struct store *, const char *flag, const char *day,
			    char **cause);
void store_screenings_free(struct store_screening *, size_t);

/* Profile keys: the STORE_PROFILE_* above; other keys hold any text.
 * *value is NULL when the key is absent. */
int store_profile_get(struct store *, const char *key, char **value,
		      char **cause);
int store_profile_set(struct store *, const char *key, const char *value,
		      char **cause);

enum store_format { STORE_FORMAT_JSON, STORE_FORMAT_CSV };
/* Check-ins from..to as a JSON array of objects (SQLite's JSON functions)
 * {"day","pain","interference","note"}, oldest first, then a newline. */
int store_history_json(struct store *, const char *from, const char *to,
		       FILE *out, char **cause);
/* Everything in the log: JSON, one object with an array per table; CSV, one
 * section per table ("# table NAME", a header row, the rows; RFC 4180
 * quoting, lines ending in LF, NULL as an empty field). */
int store_export(struct store *, enum store_format, FILE *out, char **cause);

/* A whole log as `export --format json` writes it, for store_import();
 * every string borrowed from the caller. */
struct store_dump_screening {
	long long id;
	const char *flag;
	int answer; /* 1 yes, 0 no */
	const char *asked_at;
	char checked_on[DAY_LEN]; /* a doctor checked this yes; "" if not */
};
struct store_dump_profile {
	const char *key;
	const char *value;
};
struct store_dump {
	const struct store_checkin *checkins; /* one per day */
	size_t ncheckins;
	/* each of a day in checkins; in the order of their days */
	const struct store_answer *answers;
	size_t nanswers;
	const struct store_trial *trials;
	size_t ntrials;
	const struct store_session *sessions;
	size_t nsessions;
	const struct store_dump_screening *screenings;
	size_t nscreenings;
	const struct store_dump_profile *profile;
	size_t nprofile;
	/* habits whose trial_id is the id of one of trials (0 when none);
	 * flares in the order they began, at most one open */
	const struct store_habit *habits;
	size_t nhabits;
	const struct store_flare *flares;
	size_t nflares;
	/* pauses whose trial_id is the id of one of trials, one per trial */
	const struct store_pause *pauses;
	size_t npauses;
};

/* What store_import() did, per table: rows added, rows of the log replaced
 * by the file's (--replace), rows the log already held as they are. On a
 * refusal for one row, table and row name it (else table is NULL). */
struct store_import_count {
	size_t added, replaced, same;
};
struct store_import_result {
	struct store_import_count checkin, answer, trial, session, screening,
	    profile, habit, flare, pause;
	const char *table; /* "checkin", "trial", "profile" ... */
	size_t row;	   /* index into that array of the dump */
};

/*
 * Writes a dump into the log in one transaction: all of it or nothing.
 * Into an empty log everything goes as it is, ids included, so that its
 * export equals the one the dump came from. Into a log with rows, a day's
 * check-in (with its answers) and a profile key the log holds otherwise
 * are refused (EX_DATAERR) unless replace, which puts the dump's in their
 * place; trials, sessions and screening answers the log already holds
 * (every column but the id equal; for a mark, any session of its practice
 * that day) are skipped, the others added with new ids. A trial or a
 * screening answer the log holds with another impression or doctor's
 * check (checked_on) is refused unless replace, which takes the dump's.
 * A trial of an approach already running in the log is refused.
 * A habit is the log's when it has one of the approach kept on the same
 * day, a flare when it has one begun on the same day: the same when every
 * column but the id is equal (a habit's trial its trial's place in the
 * log), else refused unless replace, which takes the dump's. Others are
 * added with new ids; a second kept habit of an approach and a flare that
 * overlaps one of the log (a second open one included) are refused.
 * A pause week belongs to its trial's place in the log: the same when the
 * log's pause of that trial has the same days, else refused unless
 * replace, which takes the dump's; else added.
 */
int store_import(struct store *, const struct store_dump *, int replace,
		 struct store_import_result *, char **cause);

#endif
