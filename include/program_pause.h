/*
 * program_pause: what holds a person's trials back, and which of their
 * days count. The safety answers as they stand (issue 11), whose holds
 * refuse a start; the pauses (issue 18), stretches of days on which trials
 * do not count, a safety hold's and a pause week's; the one rule of which
 * days of a trial count (program_trial_days()); and the pause week itself
 * (issue 21). Part of the program module (program.h includes this header,
 * and its contract holds here too): program.c reads the safety answers,
 * program_days.c the pauses and a trial's days, program_pause.c writes a
 * pause week.
 *
 * The load functions fill caller-owned structs, which their _free()
 * functions release; a flag's red flag is borrowed from the pack, which
 * must outlive them. Functions returning int return 0, or a sysexits.h
 * code with *cause set to a message the caller frees.
 */
#ifndef BACKPAIN_PROGRAM_PAUSE_H
#define BACKPAIN_PROGRAM_PAUSE_H

#include <stddef.h>

#include "day.h"

struct approach;
struct pack;
struct red_flag;
struct store;

/*
 * Safety (issue 11). Each red flag's latest answer stays until answered
 * again: a yes to a flag that holds (content.h) holds every approach back
 * until the person records that a doctor has checked it; a yes to one that
 * does not hold is advice to see a doctor while the approaches go on. The
 * emergency questions are asked again at the start of each new approach and
 * at least every PROGRAM_RECHECK_DAYS days; a due re-check is offered, never
 * forced. Only flags never answered, or a standing yes that holds, refuse a
 * start, with PROGRAM_REFUSED.
 *
 * An answer given to an earlier revision of its flag's question (content.h:
 * the question's meaning changed since) is stale. It is shown as such, and
 * it makes the re-check due, which asks every stale flag again whatever
 * its urgency. Until it is answered anew it keeps its effect: a stale yes
 * holds (or stays checked, or stays advice) as before, so the change of a
 * question never lifts a hold; a stale no still counts as answered, so a
 * new wording does not stop every start of every log, but a start made
 * with stale answers says so (program_start() does not refuse it; the
 * faces warn, from stale).
 */
#define PROGRAM_RECHECK_DAYS 42 /* six weeks */
/* sysexits.h EX_NOPERM: the request is well formed and the log is fine,
 * but the person may not do it yet (sysexits.h: "not intended for file
 * system problems ... but rather for higher level permissions"). */
#define PROGRAM_REFUSED 77

enum program_flag_state {
	PROGRAM_FLAG_UNANSWERED,
	PROGRAM_FLAG_NO,
	PROGRAM_FLAG_HOLDS,   /* yes, holds, no doctor's check recorded */
	PROGRAM_FLAG_CHECKED, /* yes, and a doctor checked it on checked_on */
	PROGRAM_FLAG_ADVICE,  /* yes to a flag that does not hold, unchecked */
};

struct program_flag {
	const struct red_flag *flag; /* borrowed from the pack */
	enum program_flag_state state;
	char asked_on[DAY_LEN];	  /* day of the latest answer; "" if none */
	char checked_on[DAY_LEN]; /* PROGRAM_FLAG_CHECKED: the day */
	int stale; /* the latest answer was to an earlier revision */
};

struct program_safety {
	struct program_flag *flags; /* one per red flag, in pack order */
	size_t nflags;
	int unanswered; /* flags never answered */
	int holding;	/* flags in PROGRAM_FLAG_HOLDS */
	int advice;	/* flags in PROGRAM_FLAG_ADVICE */
	/* The day every emergency question was last answered (the oldest of
	 * their latest answers); "" while one never was. */
	char since[DAY_LEN];
	int stale; /* flags whose latest answer is stale */
	/* since is PROGRAM_RECHECK_DAYS or more ago */
	int emergency_due;
	/* Latest answers stamped after tomorrow: given while the clock was
	 * ahead, so their day is not known; they read as today, and the
	 * re-check is due so that they are given again. */
	int ahead;
	int recheck_due; /* emergency_due, stale > 0 or ahead > 0 */
};

/* The latest answers as of today. */
int program_safety_load(const struct pack *, struct store *, const char *today,
			struct program_safety *out, char **cause);
void program_safety_free(struct program_safety *);
/* 0 when an approach may start, else PROGRAM_REFUSED with *cause saying
 * why, in the flag's own words, and what to do. */
int program_safety_allows(const struct program_safety *, char **cause);
/* The first flag in state s, or NULL. */
const struct program_flag *program_safety_first(const struct program_safety *,
						enum program_flag_state s);
/* 0 when a practice may be done on day (not after today), else
 * PROGRAM_REFUSED with *cause saying that a yes holds the approaches
 * back, in the flag's own words with its advice, and what to do: while a
 * hold stands, on the days it holds (struct program_pauses). Every
 * practice waits then, habits and flare-up tools too (struct
 * program_day): a face asks before it starts one all the same (the TUI's
 * timer) or wants it said (`practice --anyway`). */
int program_practice_allows(const struct pack *, struct store *,
			    const char *day, const char *today, char **cause);

/*
 * Pauses (issue 18): stretches of days on which trials do not count. A
 * safety hold is one, of every trial: it begins on the day a flag that
 * holds (content.h) was answered yes and ends on the day that a doctor's
 * check of that yes was recorded for (its checked_on) or that the flag was
 * answered no; that day counts again, as the day a trial ends is its first
 * day not running. Several flags may hold at once, their stretches
 * overlapping. The day of an answer is its asked_on (struct program_flag):
 * the date of its stamp, never after today. Flags the pack does not know,
 * and yes answers to flags that do not hold, pause nothing.
 *
 * A pause week (issue 21, program_pause()) is a pause of one trial that
 * the person asks for, to see whether the pain comes back: from the day
 * it was paused up to, not including, the day it was resumed (or while
 * it stands). Its days are not trial days either.
 */
enum program_pause_why {
	PROGRAM_PAUSE_HOLD = 1 << 0, /* a safety hold */
	PROGRAM_PAUSE_WEEK = 1 << 1, /* a pause week of one trial */
};

struct program_pause {
	enum program_pause_why why;
	char from[DAY_LEN];	     /* its first day */
	char until[DAY_LEN];	     /* the day it was lifted, which counts
					again; "" while it stands */
	const struct red_flag *flag; /* PROGRAM_PAUSE_HOLD: borrowed; else
					NULL */
	long long trial_id;	     /* the trial it pauses; 0: every one */
};

struct program_pauses {
	struct program_pause *pauses; /* oldest from first */
	size_t n;
};

/* Every pause as of today (a valid day). Free with program_pauses_free(). */
int program_pauses_load(const struct pack *, struct store *, const char *today,
			struct program_pauses *out, char **cause);
void program_pauses_free(struct program_pauses *);
/* The enum program_pause_why bits of the pauses of trial trial_id (0: the
 * pauses of every trial only) that hold day (a day number); 0 when none. */
int program_paused_on(const struct program_pauses *, long long trial_id,
		      int day);

/*
 * Which days of a trial count: the one rule behind a trial's day count
 * ("day n of m"), whether its review is due, its verdict's judged window
 * and practised days (review.h), and the report. Of the days first ..
 * last (day numbers, inclusive; a running trial's last is today), a day
 * counts unless a pause of the trial trial_id, or of every trial, holds
 * it. off[i] holds the enum program_pause_why bits of day first + i, 0
 * when it counts. program_trial_days() fills *out (last < first: no
 * days); program_trial_days_free() releases off.
 */
struct program_trial_days {
	int first, last;
	unsigned char *off; /* last - first + 1 entries; NULL when none */
	int counted;	    /* the days that count */
	int held;	    /* the days that do not, for a safety hold */
	int week;	    /* the others that do not: in a pause week */
	/* A safety hold holds last; since the first day of the holds, one
	 * running into the next, that hold it (perhaps before first). */
	int paused;
	char paused_since[DAY_LEN];
	/* The trial's pause week holds last, since that day. */
	int in_week;
	char week_since[DAY_LEN];
};

void program_trial_days(const struct program_pauses *, long long trial_id,
			int first, int last, struct program_trial_days *out);
void program_trial_days_free(struct program_trial_days *);

/* The pause week of trial trial_id, or NULL when it had none (one at
 * most: store.h). */
const struct program_pause *program_trial_week(const struct program_pauses *,
					       long long trial_id);
/* 1 when trial trial_id was resumed from its pause week and, as of today,
 * has had fewer days back (the resume day on) than the pause had days:
 * the pause is not judged yet (review.h's confirmation). */
int program_confirming(const struct program_pauses *, long long trial_id,
		       const char *today);

/*
 * The pause week (issue 21): a running trial of a reversible approach
 * (content.h) stopped for its pause_days, to see whether the pain comes
 * back, and then resumed for as many days; doc/verdicts.md says how it is
 * judged. program_pause() pauses the running trial of approach from day
 * (not after today); refused with EX_DATAERR for an approach the pack does
 * not know, one not running, one not reversible (the cause says why:
 * its effect is learning a week off would not undo), a trial whose judged
 * window has fewer than ANALYSIS_DURING_DAYS days that count before day
 * (nothing to confirm yet), or one paused before (once per trial); with
 * PROGRAM_REFUSED while a safety hold stands on day (the hold already
 * pauses it; a pause week then measures nothing). program_resume() ends
 * the pause of approach's running trial on day, its first day back;
 * refused (EX_DATAERR) when it is not paused or day is not after the day
 * it was paused. *days (may be NULL) gets the pause's length in days, the
 * approach's pause_days (CONTENT_PAUSE_DAYS when it does not say).
 */
int program_pause(const struct pack *, struct store *, const char *approach,
		  const char *day, const char *today, int *days, char **cause);
int program_resume(const struct pack *, struct store *, const char *approach,
		   const char *day, const char *today, char **cause);
/* An approach's pause in days: its pause_days, else CONTENT_PAUSE_DAYS. */
int program_pause_days(const struct approach *);
/* The days that count a trial of it needs before the day it is paused:
 * its settling-in days and ANALYSIS_DURING_DAYS judged ones, so that there
 * is a fall to confirm. program_pause() refuses a pause before them, and
 * the review offers none. */
int program_pause_need(const struct approach *);

#endif
