/*
 * program_write: every write a person makes to the log, each checked once
 * before anything is written (program_check.c), and an export read back
 * (the import). Part of the program module (program.h includes this
 * header, and its contract holds here too): the program_write_*.c files
 * write check-ins with their marks and answers and practice sessions,
 * trials and habits, screening answers and the profile;
 * program_import*.c read an export back. The pause week's writes are
 * with the pauses (program_pause.h), the flare-ups' with the flare-ups
 * (program.h).
 *
 * A write borrows what it is given for the call only. Functions returning
 * int return 0, or a sysexits.h code with *cause set to a message the
 * caller frees; an import's struct is freed with program_import_free(),
 * its result with program_import_result_clear().
 */
#ifndef BACKPAIN_PROGRAM_WRITE_H
#define BACKPAIN_PROGRAM_WRITE_H

#include <stddef.h>

#include "checkin.h"
#include "day.h"
#include "outcome.h"

struct approach;
struct pack;
struct practice;
struct store;

/*
 * Starts a trial of approach on day (the face has refused a later day). Refused
 * (PROGRAM_REFUSED) while program_safety_allows() refuses, and (EX_DATAERR)
 * for an id the pack does not know or an approach already running;
 * the store repeats the check inside its transaction. Starting a non-wildcard
 * approach while another runs is allowed: then *shared (when not NULL) is set
 * to the other one's id, borrowed from the pack, for the caller to warn that a
 * change in pain can no longer be put down to one approach; else *shared is
 * NULL.
 */
int program_start(const struct pack *, struct store *, const char *approach,
		  const char *day, const char **shared, char **cause);
/* Ends the running trial of approach on day with outcome. Refused
 * (EX_DATAERR) for an unknown id, an approach not running, a day before its
 * start, or OUTCOME_NONE. */
int program_stop(const struct pack *, struct store *, const char *approach,
		 const char *day, enum outcome outcome, char **cause);

/*
 * The writes. Each checks its values before it writes anything: a refusal
 * is EX_DATAERR with *cause saying why in words that do not name the value
 * itself ("no such practice; the pack has: ..."), and, when bad is not
 * NULL, bad->field and bad->index saying which value it was, so a face can
 * name it its own way (an option and what was typed, a row of a form).
 * Errors of the log come back with bad->field PROGRAM_FIELD_NONE. today is
 * the caller's today (as app_today() gives it): no write is for a later day.
 * Ids given may be any strings; what is stored is borrowed from the pack.
 */
enum program_field {
	PROGRAM_FIELD_NONE, /* the request as a whole, or the log */
	PROGRAM_FIELD_DAY,
	PROGRAM_FIELD_PAIN,
	PROGRAM_FIELD_INTERFERENCE,
	PROGRAM_FIELD_NOTE,
	PROGRAM_FIELD_DID,    /* index: into did */
	PROGRAM_FIELD_ANSWER, /* index: into answers */
	PROGRAM_FIELD_PRACTICE,
	PROGRAM_FIELD_MINUTES,
	PROGRAM_FIELD_BEFORE,
	PROGRAM_FIELD_AFTER,
	PROGRAM_FIELD_FLAG,
};

struct program_bad {
	enum program_field field;
	size_t index;
};

struct program_answer {
	const char *question; /* a question id of the pack */
	const char *value;    /* one of its choices */
};

/*
 * A check-in: the day's ratings, the practices done (did: practice ids;
 * each becomes a mark, a session with no minutes, unless that practice is
 * already marked or timed that day; repeats count once) and the answers to
 * questions (a question answered twice keeps the last answer). --did on a
 * practice of an approach that is not running is allowed: people practise
 * what helped before as a habit.
 *
 * A second check-in of a day replaces the first one's ratings and note
 * whole. Its answers describe the day, so with merge 0 (the CLI, where a
 * person restates them) answers given replace all of the day's answers,
 * and a check-in that gives none keeps them; with merge 1 (the TUI form,
 * which shows the day's answers and can take none away) they are added,
 * each replacing an earlier answer to the same question. Practices marked
 * done are added to the day's in both: a later check-in often says "and I
 * did this too", and a session logged by `practice` or the timer is never
 * deleted by a check-in. Only the form's own ticks can be taken back
 * (undid).
 */
struct program_checkin {
	char day[DAY_LEN];
	int pain;	  /* PAIN_MIN..PAIN_MAX */
	int interference; /* PAIN_MIN..PAIN_MAX, or ENTRY_NONE */
	const char *note; /* NULL or "": no note; valid UTF-8 */
	const char *const *did;
	size_t ndid;
	/* Practices whose marks of the day are taken back (a tick undone on
	 * the check-in form): only marks go; a timed or rated session of
	 * the day stays (struct program_practice's marks). */
	const char *const *undid;
	size_t nundid;
	const struct program_answer *answers;
	size_t nanswers;
	int merge;
	/* The revision of the day's check-in the face read when it opened
	 * (struct checkin's revision), or PROGRAM_SEEN_NONE when there was
	 * none: the save is refused with CHECKIN_CHANGED (old holding the
	 * newer check-in) when another was saved since. 0, the default:
	 * save over whatever is there, as a one-shot command does. */
	int seen_revision;
};
#define PROGRAM_SEEN_NONE (-1)

/* Checks a check-in without the log, so a face can refuse it before it
 * opens (or creates) the log. program_checkin() checks again. */
int program_checkin_check(const struct pack *, const char *today,
			  const struct program_checkin *,
			  struct program_bad *bad, char **cause);
/* Saves it in one transaction. A check-in already there for the day is
 * replaced whole: when old is not NULL it receives the replaced one and
 * *replaced is set to 1 (else 0); old is zeroed when nothing was
 * replaced, so checkin_clear(old) is always safe. replaced may be NULL.
 * Refused with CHECKIN_CHANGED (checkin.h; old holding the check-in as it
 * is now) as seen_revision says. */
int program_checkin(const struct pack *, struct store *, const char *today,
		    const struct program_checkin *, struct checkin *old,
		    int *replaced, struct program_bad *bad, char **cause);

/* A practice session: minutes 1..SESSION_MINUTES_MAX, or ENTRY_NONE for the
 * practice's own minutes (program_session_add() fills them in); pain before
 * and after PAIN_MIN..PAIN_MAX or ENTRY_NONE. seconds, when the timer
 * measured the time spent, 1..SESSION_SECONDS_MAX (else 0): with minutes
 * ENTRY_NONE, minutes become its whole minutes, at least 1. */
struct program_session {
	char day[DAY_LEN];
	const char *practice; /* a practice id of the pack */
	int minutes;
	int pain_before;
	int pain_after;
	int seconds;
};

int program_session_check(const struct pack *, const char *today,
			  const struct program_session *,
			  struct program_bad *bad, char **cause);
int program_session_add(const struct pack *, struct store *, const char *today,
			struct program_session *, struct program_bad *bad,
			char **cause);

/* A screening answer (yes 1, no 0) to a red flag of the pack or to
 * SCREENING_INJURY, which also sets the profile's recent injury.
 * Every answer is kept with its date; the latest one counts. */
int program_screening(const struct pack *, struct store *, const char *flag,
		      int yes, char **cause);
/* Answers several red flags: every one is checked before any is written.
 * flags[i] is answered yes[i]. */
int program_screening_many(const struct pack *, struct store *,
			   const char *const *flags, const int *yes, size_t n,
			   struct program_bad *bad, char **cause);
/* A doctor checked the standing yes to flag on day (not after today):
 * from then on it holds nothing back. Refused (EX_DATAERR) for an unknown
 * flag or one whose latest answer is not a yes. */
int program_screening_checked(const struct pack *, struct store *,
			      const char *flag, const char *day,
			      const char *today, char **cause);
/* The usual pain asked at onboarding, PAIN_MIN..PAIN_MAX. */
int program_usual_pain(struct store *, int pain, char **cause);
/* Onboarding ended on day, not after today. */
int program_onboarded(struct store *, const char *day, const char *today,
		      char **cause);

/* "a, b, c": the pack's practice ids, of approaches and then of lessons
 * (questions 0), or question ids (1), or "(none)"; allocated, the caller
 * frees. */
char *program_ids(const struct pack *, int questions);
/* The id a session of practice p is logged under (the session's approach
 * in store.h): its approach's, or for a lesson's practice its lesson's
 * (lesson ids are unique among all ids, content.h), so no trial of an
 * approach ever counts it. Borrowed from the pack. */
const char *program_practice_owner(const struct pack *,
				   const struct practice *p);

/* Records the person's global impression (IMPRESSION_MIN..MAX) of
 * the trial of approach that ended on day. EX_DATAERR for a value out of
 * range or no such trial. */
int program_impression(struct store *, const char *approach, const char *day,
		       int impression, char **cause);
/* Changes the outcome of a trial that has ended (a review's decision).
 * Refused (EX_DATAERR) for OUTCOME_NONE, an unknown or a running trial. */
int program_outcome(struct store *, long long trial_id, enum outcome,
		    char **cause);

/*
 * `backpain import`: an export (`backpain export --format json`) read
 * back. program_import_read() reads the text (named name in messages) and
 * checks every value as if typed: the check-ins and answers by
 * program_checkin_check(), the sessions by program_session_check(),
 * trials, screening answers, the profile, habits and flare-ups by the
 * same rules as their writes (a habit's trial_id names a trial of the
 * file, one kept habit per approach, flare-ups in the order they began,
 * one open at most); no day after today. The habit and flare tables may be
 * missing (an export from before them): none of their rows. Needs no log, so a
 * bad file is refused before a log is created. A refusal is EX_DATAERR with
 * *cause "NAME:LINE:COLUMN: why". program_import_write() writes it all in one
 * transaction (store_import(); a conflict with the log is refused unless
 * replace, its cause also placed in the file), and tells in res what
 * became of each table's rows (program_import_result_clear() frees it;
 * on a refusal it is zeroed but for table and row). Free with
 * program_import_free().
 */
struct program_import;
int program_import_read(const struct pack *, const char *today,
			const char *name, const char *text, size_t len,
			struct program_import **out, char **cause);
/* What an import did to the rows of each table of the file (store.h's
 * struct store_import_count): added to the log; the same as the log's;
 * newer than the log's copy, which they replaced; older than it, which
 * stays; put in place of a row of the log that held them otherwise
 * (replace); and the log's rows removed because the file's clashed with
 * them (replace). */
struct program_import_count {
	const char *table; /* as an export names it: "checkin", ... */
	size_t added, same, newer, older, replaced, removed;
};
/* The tables of an export, n[] in the order it writes them (store.h's
 * enum store_table_id; program_import.c checks that they agree). */
#define PROGRAM_IMPORT_TABLES 10
struct program_import_result {
	struct program_import_count n[PROGRAM_IMPORT_TABLES];
	/* On a refusal for one row, table and row name it (else table is
	 * NULL): the export's name of its table and its index there. */
	const char *table;
	size_t row;
	/* Each row of the log replaced or removed, in words: "the check-in
	 * of 2026-11-23 (pain 2): replaced by the file's" (owned). */
	char **changed;
	size_t nchanged;
};
int program_import_write(struct store *, const struct program_import *,
			 int replace, struct program_import_result *res,
			 char **cause);
void program_import_result_clear(struct program_import_result *);
void program_import_free(struct program_import *);

/*
 * Keeps approach as a habit: ends its running trial on day with outcome
 * (helped unless the person says otherwise) and keeps it from that day.
 * Refused (EX_DATAERR) as program_stop(), or when already kept.
 */
int program_keep(const struct pack *, struct store *, const char *approach,
		 const char *day, enum outcome outcome, char **cause);
/* Ends the habit of approach on day. Refused (EX_DATAERR) for an unknown id
 * or an approach not kept as a habit. */
int program_drop(const struct pack *, struct store *, const char *approach,
		 const char *day, char **cause);

#endif
