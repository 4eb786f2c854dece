/*
 * program: the guided walk over the pack's approaches and the log. Shared by
 * `backpain status` and the TUI; no curses, no SQL (it goes through store.h).
 *
 * The plan is every approach of the pack in the pack's order with the state
 * of its latest trial. The current approach is the running non-wildcard trial
 * (the first in pack order when several run); else the first approach never
 * tried; else none. Trials of approaches the pack does not know are ignored.
 *
 * Structs are filled in caller-owned memory: program_plan_free() and
 * program_today_free() release what the load functions allocated. Pointers to
 * approaches, practices, questions and ids are borrowed from the pack, so the
 * pack must outlive the struct. Functions returning int return 0, or a
 * sysexits.h code with *cause set to a message the caller frees (the codes of
 * store.h; EX_DATAERR for a request the program refuses, nothing written).
 */
#ifndef BACKPAIN_PROGRAM_H
#define BACKPAIN_PROGRAM_H

#include <stddef.h>

#include "analysis.h"
#include "day.h"
#include "store.h"

struct pack;
struct approach;
struct practice;
struct question;

/* Days of pain shown by status and the TUI's today screen (two weeks). */
#define PROGRAM_RECENT_DAYS 14
/* The recent mean is over the last 7 days, as analysis.h judges trials. */
#define PROGRAM_MEAN_DAYS ANALYSIS_ROLLING_DAYS
/* It is shown only with this many check-ins behind it: 3 of 7 days, a
 * rough weekly figure (a trial's baseline asks 5 of 14 days, analysis.h). */
#define PROGRAM_MEAN_MIN_CHECKINS 3

enum program_state {
	PROGRAM_NOT_STARTED,
	PROGRAM_RUNNING,
	PROGRAM_ENDED,
};

/* One approach of the plan, as its latest trial left it. */
struct program_step {
	const struct approach *approach; /* borrowed from the pack */
	enum program_state state;
	int trials;		    /* attempts so far, running one included */
	long long trial_id;	    /* latest attempt; 0 when not started */
	char started_on[DAY_LEN];   /* latest attempt; "" when not started */
	char ended_on[DAY_LEN];	    /* "" unless PROGRAM_ENDED */
	enum store_outcome outcome; /* PROGRAM_ENDED: how it ended */
	int day;		    /* PROGRAM_RUNNING: day n, 1 on its start */
	int days;		    /* trial_days; 0 when open-ended */
	int review_due;		    /* running and day >= days > 0 */
};

struct program_plan {
	char today[DAY_LEN];
	struct program_step *steps; /* one per approach, in pack order */
	size_t nsteps;
	int current; /* index into steps, or -1 when none */
	int running; /* non-wildcard trials running; > 1 shares attribution */
};

/* A practice of a running approach and how often it was done today. */
struct program_practice {
	const struct practice *practice; /* borrowed; per_day is its target */
	int done;			 /* sessions and --did marks today */
};

/* One of the recent days, oldest first; the last is today. */
struct program_recent {
	char day[DAY_LEN];
	int pain; /* 0..10, or STORE_NONE when not checked in */
};

/* The one next thing to do, most important first. */
enum program_next {
	PROGRAM_NEXT_SAFETY,   /* onboarding (safety questions) not done */
	PROGRAM_NEXT_CHECKIN,  /* today has no check-in */
	PROGRAM_NEXT_REVIEW,   /* next_approach's trial reached trial_days */
	PROGRAM_NEXT_PRACTICE, /* next_practice of next_approach, due today */
	PROGRAM_NEXT_START,    /* no current trial: start next_approach */
	PROGRAM_NEXT_REST,     /* nothing more today */
	PROGRAM_NEXT_FINISHED, /* every approach tried, none running */
};

struct program_today {
	struct program_plan plan;
	int onboarded;		      /* profile "onboarded" is set */
	int checked_in;		      /* today has a check-in ... */
	struct store_checkin checkin; /* ... which this is */
	/* Practices of every running approach (wildcards too), pack order. */
	struct program_practice *practices;
	size_t npractices;
	struct program_recent recent[PROGRAM_RECENT_DAYS];
	int mean_n;   /* check-ins in the last PROGRAM_MEAN_DAYS days */
	int has_mean; /* mean_n >= PROGRAM_MEAN_MIN_CHECKINS */
	double mean;  /* their mean pain, when has_mean */
	/* Questions answered today with their warn_if value; show warning. */
	const struct question **warnings;
	size_t nwarnings;
	enum program_next next;
	const char *next_approach; /* id borrowed from the pack, or NULL */
	const char *next_practice; /* id borrowed from the pack, or NULL */
};

/* The plan as of today (a valid day). */
int program_plan_load(const struct pack *, struct store *, const char *today,
		      struct program_plan *out, char **cause);
void program_plan_free(struct program_plan *);

/* The plan, today's state and the next thing to do. */
int program_today_load(const struct pack *, struct store *, const char *today,
		       struct program_today *out, char **cause);
void program_today_free(struct program_today *);

/* The approach with that id, or NULL with *cause naming the id and listing
 * the pack's ids; lets a caller refuse an id before it opens the log. */
const struct approach *program_approach(const struct pack *, const char *id,
					char **cause);

/*
 * Starts a trial of approach on day. Refused (EX_DATAERR) for an id the pack
 * does not know or an approach already running; the store repeats the check
 * inside its transaction. Starting a non-wildcard approach while another runs
 * is allowed: then *shared (when not NULL) is set to the other one's id,
 * borrowed from the pack, for the caller to warn that a change in pain can no
 * longer be put down to one approach; else *shared is NULL.
 */
int program_start(const struct pack *, struct store *, const char *approach,
		  const char *day, const char **shared, char **cause);
/* Ends the running trial of approach on day with outcome. Refused
 * (EX_DATAERR) for an unknown id, an approach not running, a day before its
 * start, or OUTCOME_NONE. */
int program_stop(const struct pack *, struct store *, const char *approach,
		 const char *day, enum store_outcome outcome, char **cause);

/* "not started", "running", "ended". */
const char *program_state_name(enum program_state);
/* "safety", "checkin", "review", "practice", "start", "rest", "finished". */
const char *program_next_name(enum program_next);

#endif
