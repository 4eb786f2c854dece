/*
 * store: the pain log, one SQLite file. Only the store's files
 * (src/store/) speak SQL: store.c opens and closes the log (its file made
 * ready by store_file.c, checked by store_check.c, upgraded by
 * store_migrate.c); store_columns.c describes its tables and columns once
 * (store_tables below), for the readers, the export, the import and the
 * checks; store_checkin.c (check-ins, answers, sessions),
 * store_trial.c (trials, screening, profile), store_habit.c (habits),
 * store_flare.c (flare-ups), store_lesson.c (lessons read or put off)
 * and store_pause.c (pause weeks) read and write rows; store_export.c
 * (history and export) and store_import.c (import, the file loaded and
 * checked by store_import_check.c) move whole logs. Their shared parts
 * (store_sql.c, store_value.c) and the order in which the files use each
 * other are in src/store/store_int.h.
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
 *   EX_TEMPFAIL   the log stayed busy past the timeout, or (CHECKIN_CHANGED)
 *                 a check-in was saved since the caller read it
 *   EX_NOPERM     permission denied
 * so a command can exit with the code it is handed. Every write runs in its
 * own BEGIN IMMEDIATE transaction: it happens whole or not at all.
 *
 * Rows handed out (struct checkin, ...) own their strings; free arrays
 * of them with the matching *_free(). The values the log shares with the
 * layers above it, faces included, are in headers below it (entry.h,
 * checkin.h, outcome.h, screening.h, flare.h, session.h); its own rows
 * (struct store_trial, ...) and everything here are for the program
 * (src/program/, src/review/) alone: the faces read the log through
 * program.h and never include this header.
 */
#ifndef BACKPAIN_STORE_H
#define BACKPAIN_STORE_H

#include <stdio.h>
#include <stddef.h>

#include "checkin.h"
#include "day.h"
#include "entry.h"
#include "flare.h"
#include "outcome.h"
#include "screening.h"
#include "session.h"

#define STORE_VERSION 9	   /* schema version, PRAGMA user_version */
#define STORE_BUSY_MS 5000 /* how long to wait for a busy log */

/* The profile's keys and what they hold (checked by store_profile_set). */
#define STORE_PROFILE_USUAL_PAIN "usual_pain" /* PAIN_MIN..PAIN_MAX */
#define STORE_PROFILE_ONBOARDED "onboarded"   /* the day onboarding ended */
#define STORE_PROFILE_RECENT_INJURY "recent_injury" /* "yes" or "no" */

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

struct store_answer {
	char day[DAY_LEN];
	char *question; /* question id of the pack */
	char *value;
	char uid[ENTRY_UID_LEN];
};

/* A practice done: a timed session, or a mark from a check-in's --did. */
struct store_session {
	long long id; /* set by the store */
	char *practice;
	char *approach;
	char day[DAY_LEN];
	int minutes;	 /* 1..; ENTRY_NONE for a mark without a duration */
	int pain_before; /* 0..10 or ENTRY_NONE */
	int pain_after;	 /* 0..10 or ENTRY_NONE */
	char *recorded_at;
	char uid[ENTRY_UID_LEN];
	/* The time the timer measured, 1..SESSION_SECONDS_MAX; 0 when it was
	 * not timed so (a mark, --minutes, a row from before issue 18's
	 * schema step): then minutes is all there is. */
	int seconds;
};

struct store_trial {
	long long id;
	char *approach;
	char started_on[DAY_LEN];
	char ended_on[DAY_LEN]; /* "" while running */
	enum outcome outcome;
	/* The global impression given at its end, IMPRESSION_MIN
	 * (very much better) .. IMPRESSION_MAX (very much worse), or
	 * ENTRY_NONE. */
	int impression;
	char uid[ENTRY_UID_LEN];
};

/* What store_checkin_write() does with the day's earlier answers, and
 * whether it saves over a check-in saved since the caller read it. */
enum {
	STORE_KEEP = 0,			/* keep them; new ones add or update */
	STORE_REPLACE_ANSWERS = 1 << 0, /* delete the day's answers first */
	/* Save only if the day's check-in is still at c->revision, as the
	 * caller read it (0: there was none), compared in the transaction
	 * of the write; else CHECKIN_CHANGED. */
	STORE_IF_UNCHANGED = 1 << 1,
};
/* store_checkin_write()'s refusal under STORE_IF_UNCHANGED is
 * CHECKIN_CHANGED (checkin.h): the check-in of the day was saved since it
 * was read. *replaced is -1, and old (when not NULL) holds the check-in as
 * it is now, zeroed when there is none. Nothing is written. */

/*
 * Saves the check-in of c->day with its answers and the practices marked
 * done (sessions with minutes ENTRY_NONE; a practice already marked or
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
 * checkin_clear(old) is always safe. The first recorded_at of a day
 * is kept; updated_at is the time of the last put, and the revision one
 * more than the one before (1 at the first); pain_set_at that of the put
 * that first gave the day's pain or changed it (c->pain_set_at is not
 * read). With STORE_IF_UNCHANGED the write is refused (CHECKIN_CHANGED) when
 * the day's revision is not c->revision any more: a screen opened before a
 * newer save never saves over it silently.
 */
/* undone: practices whose marks of c->day are taken back first (a tick a
 * check-in form undid): a mark only, a session with no minutes, time or
 * pain; a timed or rated session of the day stays. */
int store_checkin_write(struct store *, const struct checkin *c,
			const struct store_answer *answers, size_t nanswers,
			const struct store_session *done, size_t ndone,
			const char *const *undone, size_t nundone,
			unsigned replace, struct checkin *old, int *replaced,
			char **cause);
int store_checkin_put(struct store *, const struct checkin *c,
		      const struct store_answer *answers, size_t nanswers,
		      const struct store_session *done, size_t ndone,
		      struct checkin *old, int *replaced, char **cause);
/* *found = 0 and out untouched when the day has no check-in. */
int store_checkin_get(struct store *, const char *day, struct checkin *out,
		      int *found, char **cause);
/* The day of the first check-in of the log in day, "" when it has none. */
int store_checkin_first(struct store *, char day[DAY_LEN], char **cause);
/* Check-ins with from <= day <= to (either may be NULL: unbounded), oldest
 * first. */
int store_checkin_range(struct store *, const char *from, const char *to,
			struct checkin **out, size_t *n, char **cause);

int store_answer_range(struct store *, const char *from, const char *to,
		       struct store_answer **out, size_t *n, char **cause);
void store_answers_free(struct store_answer *, size_t);

int store_session_add(struct store *, struct store_session *s, char **cause);
int store_session_range(struct store *, const char *from, const char *to,
			struct store_session **out, size_t *n, char **cause);
void store_sessions_free(struct store_session *, size_t);
/* The sessions (marks included) logged under approach up to day to: how
 * many in *count, and the day of the latest in last ("" when none). One
 * aggregate, for a tally that need not read every session of the log. */
int store_session_tally(struct store *, const char *approach, const char *to,
			int *count, char last[DAY_LEN], char **cause);

/* Refused (EX_DATAERR) when the approach is already running. */
int store_trial_start(struct store *, const char *approach, const char *day,
		      char **cause);
/* Refused (EX_DATAERR) when it is not running or day is before its start. */
int store_trial_stop(struct store *, const char *approach, const char *day,
		     enum outcome, char **cause);
/* Sets the outcome of a trial that has ended (a review's decision). */
int store_trial_set_outcome(struct store *, long long id, enum outcome,
			    char **cause);
/* Every trial, oldest start first. */
int store_trial_list(struct store *, struct store_trial **out, size_t *n,
		     char **cause);
void store_trials_free(struct store_trial *, size_t);
/*
 * Sets the global impression (IMPRESSION_MIN..MAX) of the latest
 * trial of approach that ended on day. Refused (EX_DATAERR) when there is
 * none or the impression is out of range.
 */
int store_trial_set_impression(struct store *, const char *approach,
			       const char *day, int impression, char **cause);

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
	char uid[ENTRY_UID_LEN];
};

/* Ends the running trial of approach on day with outcome and keeps the
 * approach as a habit from day, in one transaction. Refused (EX_DATAERR)
 * as store_trial_stop(), or when it is already kept. */
int store_habit_keep(struct store *, const char *approach, const char *day,
		     enum outcome, char **cause);
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
	char uid[ENTRY_UID_LEN];
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
struct store_flare {
	long long id;
	char began_on[DAY_LEN];
	char ended_on[DAY_LEN]; /* "" while open */
	enum flare_end ended_by;
	int pain;	   /* 0..10 at its start, or ENTRY_NONE */
	char *note;	   /* NULL when none */
	char *recorded_at; /* set by the store */
	char uid[ENTRY_UID_LEN];
};

/* Records a flare beginning on f->began_on (pain, note as given; the rest
 * is ignored). When close_on is not NULL, the open flare is first ended
 * on that day by FLARE_CALM, in the same transaction. Refused
 * (EX_DATAERR) when a flare is open (after that). */
int store_flare_begin(struct store *, const struct store_flare *f,
		      const char *close_on, char **cause);
/* Ends the open flare on day by how. Refused (EX_DATAERR) when none is
 * open or day is before it began. */
/* Moves the end of flare id, which ended after day, back to day, by how.
 * Refused (EX_DATAERR) when that flare is running, began after day or
 * ended on or before it. */
int store_flare_reend(struct store *, long long id, const char *day,
		      enum flare_end how, char **cause);
int store_flare_end(struct store *, const char *day, enum flare_end how,
		    char **cause);
/* Every flare, oldest first. */
int store_flare_list(struct store *, struct store_flare **out, size_t *n,
		     char **cause);
void store_flares_free(struct store_flare *, size_t);

/* An answer to revision (1..) of flag's question. */
int store_screening_add(struct store *, const char *flag, int answer,
			int revision, char **cause);
/* The latest answer for each flag, in the order first asked. The latest
 * is the one of the latest asked_at, compared as instants, a stamp later
 * than when this log received the answer (an import's) counted as then;
 * of two in one second, the one written later. Ids never decide. */
int store_screening_latest(struct store *, struct screening **out, size_t *n,
			   char **cause);
/* Every answer ever given, oldest first (as store_screening_latest()
 * orders them). */
int store_screening_all(struct store *, struct screening **out, size_t *n,
			char **cause);
/* Records that a doctor checked the latest answer to flag on day: refused
 * (EX_DATAERR) unless that answer is a yes. A later check replaces an
 * earlier one of the same answer. */
int store_screening_checked(struct store *, const char *flag, const char *day,
			    char **cause);

/*
 * Lessons (store_lesson.c): each row one event, a lesson of the pack read
 * on read_on, or its offer at a moment put off ("not now") on
 * dismissed_on; exactly one of the two days is set. moment is the moment
 * it was offered at (program.h), or NULL for a reading not from an offer;
 * a dismissal always has one.
 */
struct store_lesson {
	long long id; /* set by the store */
	char *lesson; /* lesson id of the pack */
	char *moment; /* NULL when none */
	char read_on[DAY_LEN];
	char dismissed_on[DAY_LEN];
	char *recorded_at;	 /* set by the store */
	char uid[ENTRY_UID_LEN]; /* set by the store, kept by export/import */
};

/* Records l (lesson, moment and one of the days; the rest is ignored).
 * An event the log holds already (the same lesson, moment and day) is not
 * recorded twice. Refused (EX_DATAERR) for a row that breaks the rules
 * above. */
int store_lesson_add(struct store *, const struct store_lesson *l,
		     char **cause);
/* Every row, oldest first. */
int store_lesson_list(struct store *, struct store_lesson **out, size_t *n,
		      char **cause);
void store_lessons_free(struct store_lesson *, size_t);

/* Profile keys: the STORE_PROFILE_* above; other keys hold any text.
 * *value is NULL when the key is absent. */
int store_profile_get(struct store *, const char *key, char **value,
		      char **cause);
int store_profile_set(struct store *, const char *key, const char *value,
		      char **cause);

/*
 * The log described once (store_columns.c): its tables and their columns,
 * each with its type, range, whether it may be NULL, whether an export
 * carries it, the schema version that added it, and its field in the
 * table's row struct. It drives the row readers (what they select, check
 * and fill), the export's columns, the checks of an import (the store's
 * and the program's) and the scan of the whole log's rules
 * (store_check.c); a new column is its name below, its entry in
 * store_columns.c, its field in the row struct and its schema step
 * (store_migrate.c), and tests/unit/test_store_columns.c fails while any
 * of them is missing. The exported columns come first, in the order
 * an export writes them; internal ones (kept by this log only) after.
 */
enum store_table_id {
	STORE_TABLE_CHECKIN,
	STORE_TABLE_ANSWER,
	STORE_TABLE_TRIAL,
	STORE_TABLE_SESSION,
	STORE_TABLE_SCREENING,
	STORE_TABLE_PROFILE,
	STORE_TABLE_HABIT,
	STORE_TABLE_FLARE,
	STORE_TABLE_LESSON,
	STORE_TABLE_PAUSE, /* trial_pause, since the pause week's step */
	STORE_TABLES
};

enum store_type {
	STORE_TYPE_ROWID, /* INTEGER PRIMARY KEY: 1 .. */
	STORE_TYPE_REF,	  /* the row id of a row of another table: 1 .. */
	STORE_TYPE_UID,	  /* 32 lowercase hex digits */
	STORE_TYPE_DAY,	  /* YYYY-MM-DD, a real day */
	STORE_TYPE_INT,	  /* an integer from lo to hi */
	STORE_TYPE_TEXT,  /* UTF-8 without NUL */
	STORE_TYPE_ID,	  /* text, not empty, no control characters */
	STORE_TYPE_TIME,  /* YYYY-MM-DDTHH:MM:SS+HH:MM (or Z), as recorded_at */
	STORE_TYPE_WORD,  /* one of words */
};

struct store_column {
	const char *name;
	enum store_type type;
	int lo, hi;		  /* STORE_TYPE_INT */
	const char *const *words; /* STORE_TYPE_WORD: NULL-terminated */
	int nullable;
	int internal;	  /* kept by this log only: no export carries it */
	int since;	  /* the schema version whose step added it */
	const char *what; /* what messages call it: "doctor's check" */
	/* Where the row readers put it in the table's row struct (struct
	 * store_checkin, ...): offsetof and sizeof of its field, of the C
	 * type its type reads as (store_columns.c); at is STORE_NOWHERE for
	 * a column the struct has no field for. */
	size_t at, size;
};
#define STORE_NOWHERE ((size_t)-1)

struct store_table {
	const char *name; /* "checkin", as the log and an export call it */
	const char *what; /* "check-in", as messages do */
	const struct store_column *columns;
	size_t ncolumns;  /* all of them */
	size_t nexported; /* the first nexported are exported */
	int since;	  /* the schema version whose step made it */
};

/* The first schema version that exports were made at: a column or a table
 * of a later version may be missing from a file (an older backpain's), and
 * reads as NULL or empty. */
#define STORE_EXPORT_FIRST 2
#define STORE_COLUMNS_MAX 10 /* the most columns a table has */

extern const struct store_table store_tables[STORE_TABLES];
/* 1 when column c of table t came to an existing table after the first
 * exports, so that an older file's rows lack it (they read as NULL). */
int store_column_optional(enum store_table_id t, size_t c);

/* The columns of each table, in the order of store_tables[t].columns. */
enum {
	STORE_CHECKIN_DAY,
	STORE_CHECKIN_PAIN,
	STORE_CHECKIN_INTERFERENCE,
	STORE_CHECKIN_NOTE,
	STORE_CHECKIN_RECORDED_AT,
	STORE_CHECKIN_UPDATED_AT,
	STORE_CHECKIN_UID,
	STORE_CHECKIN_REVISION,
	STORE_CHECKIN_PAIN_SET_AT,
	STORE_CHECKIN_COLUMNS
};
enum {
	STORE_ANSWER_DAY,
	STORE_ANSWER_QUESTION,
	STORE_ANSWER_VALUE,
	STORE_ANSWER_UID,
	STORE_ANSWER_COLUMNS
};
enum {
	STORE_TRIAL_ID,
	STORE_TRIAL_APPROACH,
	STORE_TRIAL_STARTED_ON,
	STORE_TRIAL_ENDED_ON,
	STORE_TRIAL_OUTCOME,
	STORE_TRIAL_IMPRESSION,
	STORE_TRIAL_UID,
	STORE_TRIAL_COLUMNS
};
enum {
	STORE_SESSION_ID,
	STORE_SESSION_PRACTICE,
	STORE_SESSION_APPROACH,
	STORE_SESSION_DAY,
	STORE_SESSION_MINUTES,
	STORE_SESSION_PAIN_BEFORE,
	STORE_SESSION_PAIN_AFTER,
	STORE_SESSION_RECORDED_AT,
	STORE_SESSION_UID,
	STORE_SESSION_SECONDS,
	STORE_SESSION_COLUMNS
};
enum {
	STORE_SCREENING_ID,
	STORE_SCREENING_FLAG,
	STORE_SCREENING_ANSWER,
	STORE_SCREENING_ASKED_AT,
	STORE_SCREENING_CHECKED_ON,
	STORE_SCREENING_UID,
	STORE_SCREENING_REVISION,
	/* internal: when this log received the answer (store_import()) */
	STORE_SCREENING_RECEIVED_AT,
	STORE_SCREENING_COLUMNS
};
enum {
	STORE_PROFILE_KEY,
	STORE_PROFILE_VALUE,
	STORE_PROFILE_UID,
	STORE_PROFILE_COLUMNS
};
enum {
	STORE_HABIT_ID,
	STORE_HABIT_APPROACH,
	STORE_HABIT_TRIAL,
	STORE_HABIT_KEPT_ON,
	STORE_HABIT_DROPPED_ON,
	STORE_HABIT_UID,
	STORE_HABIT_COLUMNS
};
enum {
	STORE_FLARE_ID,
	STORE_FLARE_BEGAN_ON,
	STORE_FLARE_ENDED_ON,
	STORE_FLARE_ENDED_BY,
	STORE_FLARE_PAIN,
	STORE_FLARE_NOTE,
	STORE_FLARE_RECORDED_AT,
	STORE_FLARE_UID,
	STORE_FLARE_COLUMNS
};
enum {
	STORE_LESSON_ID,
	STORE_LESSON_LESSON,
	STORE_LESSON_MOMENT,
	STORE_LESSON_READ_ON,
	STORE_LESSON_DISMISSED_ON,
	STORE_LESSON_RECORDED_AT,
	STORE_LESSON_UID,
	STORE_LESSON_COLUMNS
};
enum {
	STORE_PAUSE_ID,
	STORE_PAUSE_TRIAL,
	STORE_PAUSE_PAUSED_ON,
	STORE_PAUSE_RESUMED_ON,
	STORE_PAUSE_RECORDED_AT,
	STORE_PAUSE_UID,
	STORE_PAUSE_COLUMNS
};

/* 0 when s is a time as the log records it (STORE_TYPE_TIME), else -1. */
int store_time_valid(const char *s);
/* 0 when s is a uid (STORE_TYPE_UID), else -1. */
int store_uid_valid(const char *s);

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
	char uid[ENTRY_UID_LEN];
	int revision; /* 1..; 0 in a dump row that has none (read as 1) */
};
struct store_dump_profile {
	const char *key;
	const char *value;
	char uid[ENTRY_UID_LEN];
};
struct store_dump {
	const struct checkin *checkins; /* one per day */
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
	const struct store_lesson *lessons; /* in the order of their ids */
	size_t nlessons;
	/* pauses whose trial_id is the id of one of trials, one per trial */
	const struct store_pause *pauses;
	size_t npauses;
};

/* What store_import() did, per table, to the rows of the file: added to
 * the log; the same as the log's; newer than the log's copy, which they
 * replaced; older than the log's copy, which stays; put in place of a row
 * of the log that held them otherwise (--replace). And rows of the log
 * removed because the file's clashed with them (--replace). */
struct store_import_count {
	size_t added, same, newer, older, replaced, removed;
};
struct store_import_result {
	struct store_import_count n[STORE_TABLES];
	/* On a refusal for one row, table and row name it (else table is
	 * NULL): "checkin", ... and the index into that array of the dump. */
	const char *table;
	size_t row;
	/* Each row of the log replaced or removed, named, and how: "the
	 * check-in of 2026-11-23 (pain 2): replaced by the file's"
	 * (allocated: store_import_result_clear()). */
	char **changed;
	size_t nchanged;
};

/*
 * Writes a dump into the log in one transaction: all of it or nothing
 * (store_import.c says how in full). Into an empty log everything goes
 * as it is, ids included, so that its export equals the one the dump came
 * from. Into a log with rows, each row of the dump is known by its uid (a
 * row without one, from an older export, by its values or its key): the
 * same as the log's, added, a newer copy that replaces the log's, or an
 * older one the log's stays in place of. A row the log holds otherwise,
 * neither older nor newer, and a row that clashes with the log's (a
 * check-in or profile key the log has another of; a trial sharing days
 * with one of its approach, a trial starting on or after the day the one
 * before ended, one running at a time; a flare-up sharing days with one;
 * a second kept habit, a second pause of one trial) is refused (EX_DATAERR,
 * res->table and res->row naming the first) unless replace, which takes the
 * file's and removes the log's it clashes with. Every row of the log replaced
 * or removed is named in res->changed; res is cleared on a refusal but for
 * table and row.
 */
int store_import(struct store *, const struct store_dump *, int replace,
		 struct store_import_result *, char **cause);
void store_import_result_clear(struct store_import_result *);

#endif
