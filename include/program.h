/*
 * program: the guided walk over the pack's approaches and the log, and every
 * write a person makes to the log. Shared by the CLI and the TUI; no curses,
 * no SQL (it goes through store.h). program.c reads (the plan, today's
 * state, the safety answers), program_day.c one day's check-in and what it
 * asks, program_flare.c the flare-ups, and program_days.c the pauses and
 * which days of a trial count; the program_write_*.c files write
 * (check-ins with their marks and answers and practice sessions; trials and
 * habits; screening answers and the profile; flare-ups), each value checked
 * against the pack and the calendar first by program_check.c, so that no
 * face writes to the store directly and every face is refused alike;
 * program_import*.c read an export back. program_log.c opens and closes
 * the log for app.c and reads the rows a face shows as they are (a day's
 * check-in, a range of them, the safety answers, the export), so that the
 * faces never include store.h: the log is a struct store they hold but
 * never look into, and every value they see is of the headers below the
 * store (checkin.h, outcome.h, screening.h, flare.h, entry.h, session.h).
 *
 * The plan is every approach of the pack in the pack's order with the state
 * of its latest trial. The current approach is the running non-wildcard trial
 * (the first in pack order when several run); else the first approach never
 * tried; else none. Trials of approaches the pack does not know are ignored.
 *
 * An approach kept as a habit (program_keep()) has ended its trial but stays
 * in the daily loop: its practices are listed for the day beside those of the
 * running approaches, until program_drop(). A flare-up (program_flare()) is
 * over when the person says so or, by itself, after two calm days (see
 * PROGRAM_FLARE_*); on its days, the pack's flare-up tools are listed too.
 * What a day lists and asks is decided once, by program_day_load()
 * (program_day.c); today's list in program_today_load() is that day's.
 * Which days of a trial count is decided once, by program_trial_days()
 * (program_days.c): a safety hold pauses every running trial.
 *
 * Structs are filled in caller-owned memory: program_plan_free(),
 * program_day_free() and program_today_free() release what the load
 * functions allocated. Pointers to approaches, practices, questions and ids
 * are borrowed from the pack, so the pack must outlive the struct. Functions
 * returning int return 0, or a sysexits.h code with *cause set to a message
 * the caller frees (the codes of store.h: EX_DATAERR, EX_CANTCREAT,
 * EX_IOERR, EX_TEMPFAIL, EX_NOPERM; EX_DATAERR for a request the program
 * refuses, nothing written).
 */
#ifndef BACKPAIN_PROGRAM_H
#define BACKPAIN_PROGRAM_H

#include <stddef.h>
#include <stdio.h>

#include "analysis.h"
#include "checkin.h"
#include "day.h"
#include "entry.h"
#include "flare.h"
#include "outcome.h"
#include "pain.h"
#include "screening.h"
#include "session.h"

/* The program module in three headers: this one, the pauses and what holds
 * trials back (program_pause.h), and the writes (program_write.h). */
#include "program_pause.h"
#include "program_write.h"

struct buf;
struct pack;
struct store; /* the log (store.h), opened by program_open() */
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

/*
 * The log as a face opens and reads it (program_log.c), the store's own
 * functions handed on, so that no face needs store.h. program_open()
 * opens the log at path, creating and upgrading it as needed, or with
 * read_only a copy of it to read only, as an export does, which works on
 * a full disk (store.h: store_open(), store_open_read()).
 * program_default_path() is where the log lives when no path is given
 * ($BACKPAIN_DB, else under XDG_DATA_HOME), allocated, or NULL when there
 * is no HOME. program_saved(): whether anything was saved through it.
 */
char *program_default_path(void);
int program_open(const char *path, int read_only, struct store **out,
		 char **cause);
void program_close(struct store *);
int program_saved(const struct store *);

/* The check-in of day: *found = 0 and out untouched when there is none;
 * else out holds it (checkin_clear()). */
int program_checkin_get(struct store *, const char *day, struct checkin *out,
			int *found, char **cause);
/* Check-ins with from <= day <= to (either may be NULL: unbounded), oldest
 * first (checkins_free()). */
int program_checkins_range(struct store *, const char *from, const char *to,
			   struct checkin **out, size_t *n, char **cause);
/* The safety answers as given (screenings_free()):
 * program_screenings_latest() the latest to each question, in the order
 * first asked; program_screenings_all() every one ever given, oldest first
 * (store.h's store_screening_latest() says which is the latest). */
int program_screenings_latest(struct store *, struct screening **out, size_t *n,
			      char **cause);
int program_screenings_all(struct store *, struct screening **out, size_t *n,
			   char **cause);

/* `backpain export`: everything in the log, written to out. JSON: one
 * object with an array per table; CSV: one section per table ("# table
 * NAME", a header row, the rows). store.h's store_export() has the
 * details. */
enum program_format { PROGRAM_FORMAT_JSON, PROGRAM_FORMAT_CSV };
int program_export(struct store *, enum program_format, FILE *out,
		   char **cause);

enum program_state {
	PROGRAM_NOT_STARTED,
	PROGRAM_RUNNING,
	PROGRAM_ENDED,
};

/* One approach of the plan, as its latest trial left it. */
struct program_step {
	const struct approach *approach; /* borrowed from the pack */
	enum program_state state;
	int trials;		  /* attempts so far, running one included */
	long long trial_id;	  /* latest attempt; 0 when not started */
	char started_on[DAY_LEN]; /* latest attempt; "" when not started */
	char ended_on[DAY_LEN];	  /* "" unless PROGRAM_ENDED */
	enum outcome outcome;	  /* PROGRAM_ENDED: how it ended */
	/* PROGRAM_RUNNING: day n, its days that count (program_trial_days())
	 * from its start to today, today included when it counts: 1 on its
	 * start; 0 while its start is still to come, or when every day so
	 * far was paused. */
	int day;
	int days;	/* trial_days; 0 when open-ended */
	int review_due; /* running and day >= days > 0 */
	/* PROGRAM_RUNNING: today does not count, as a safety hold stands
	 * (the trial resumes when it is lifted); since the first day of that
	 * stretch. held: its days so far that did not count, on hold. */
	int paused;
	char paused_since[DAY_LEN];
	int held;
	/* PROGRAM_RUNNING: today is in its pause week (program_pause()),
	 * since that day; confirming: resumed, with fewer days back than
	 * the pause had (program_confirming()). Its review waits for both:
	 * review_due is 0. */
	int week;
	char week_since[DAY_LEN];
	int confirming;
	/* Kept as a habit (and not dropped): since that day, and on how many
	 * of the days since (today included) a practice of it was done. */
	int habit;
	char habit_since[DAY_LEN];
	int habit_practised;
	int habit_days;
	int number; /* latest attempt's number among all trials, in order of
		       start (1 = the first trial of the log); 0 when none */
	/* Running: the days past its trial days (day - days), else 0. */
	int overdue;
	/* A flare-up tool (program_approach_tool()): its sessions and marks
	 * logged so far, in a trial or not, and the day of the latest; 0
	 * and "" when none was, or when it is not a tool. */
	int tool;
	int tool_sessions;
	char tool_last[DAY_LEN];
};

struct program_plan {
	char today[DAY_LEN];
	struct program_step *steps; /* one per approach, in pack order */
	size_t nsteps;
	int current; /* index into steps, or -1 when none */
	int running; /* non-wildcard trials running; > 1 shares attribution */
	int habits;  /* steps kept as habits */
};

/* A practice a day asks about (struct program_day) and how often it was
 * done that day. habit, flare and lesson are its label, at most one of
 * them set: habit, listed as a kept habit's; flare, a flare-up tool on a
 * day of a flare-up (listed as such, or as a running wildcard's); lesson,
 * a lesson's practice (practice->approach is CONTENT_NONE); none, a
 * practice of an approach that ran that day. held: a safety hold stood on
 * the day (struct program_day's held), so the practice waits: it is not
 * due and no face offers it to do, though a check-in may record it done. */
struct program_practice {
	const struct practice *practice; /* borrowed; per_day is its target */
	int done;			 /* sessions and --did marks that day */
	/* Of done, the marks alone (a tick of a check-in: no minutes, time
	 * or pain), which a check-in form may take back (undid). */
	int marks;
	int habit;
	int flare;
	int lesson;
	int held;
};

/* A question a day asks about, with that day's answer. */
struct program_asked {
	const struct question *question; /* borrowed from the pack */
	int choice; /* index into question->choices, or -1: not answered */
};

/* A day's check-in as the log holds it. */
struct program_day_checkin {
	int pain;	  /* PAIN_MIN..PAIN_MAX */
	int interference; /* PAIN_MIN..PAIN_MAX, or ENTRY_NONE */
	char *note;	  /* NULL when none; owned by the struct holding it */
	/* struct checkin's revision: what a face that saves this day again
	 * passes as program_checkin's seen_revision. */
	int revision;
};

/*
 * One day, as the check-in of every face (the TUI's form, the line mode,
 * status and Today for today) asks about it, computed once here.
 *
 * An approach ran on the day when one of its trials (a wildcard's too)
 * started on or before it and had not ended by it: the day a trial ends is
 * its first day not running, as the plan counts it ended and a habit kept
 * from it begins; nor does it run in its pause week (program_pause()). An
 * approach is kept as a habit on the day from its kept_on up to, not including,
 * the day it was dropped. A flare-up ran on the day when the day is one of its
 * days as program_flares_load() counts them (as of today).
 *
 * The practices come in one order: those of the approaches that ran (pack
 * order), then those of the habits not running, then on a flare-up's day
 * the flare-up tools, then the practices of the lessons read on or before
 * the day or done on it (a lesson's practice is the person's once they
 * have met it); each practice once, at its first place, labelled
 * (struct program_practice). The questions are those of the approaches
 * that ran, pack order, each with the day's answer. warnings are the day's
 * answers that program_question_warns().
 *
 * A day on which a safety hold stood (struct program_pauses) is held:
 * every practice of it waits, those of habits and the flare-up tools too,
 * as the pack's advice for a flag that holds is to hold off on all of its
 * approaches until a doctor has checked it (an emergency's is to go to
 * emergency care now). They are still listed, marked held, so that the
 * check-in can record one done all the same.
 *
 * program_day_load() fills *out (day a valid day, normally not after
 * today); program_day_free() releases its arrays and the note. The
 * practices, questions and warnings point into the pack, which must outlive
 * the struct.
 */
struct program_day {
	char day[DAY_LEN];
	int *ran;  /* one per approach of the pack: ran on the day */
	int *kept; /* one per approach: kept as a habit on the day */
	size_t napproaches;
	/* A flare-up ran on the day: the day it began, else ""; running, it
	 * has not ended by today. */
	char flare_began[DAY_LEN];
	int flare_running;
	int held; /* a safety hold stood on the day: the practices wait */
	struct program_practice *practices;
	size_t npractices;
	struct program_asked *questions;
	size_t nquestions;
	int checked_in;			    /* the day has a check-in ... */
	struct program_day_checkin checkin; /* ... which this is */
	const struct question **warnings;
	size_t nwarnings;
};

int program_day_load(const struct pack *, struct store *, const char *day,
		     const char *today, struct program_day *out, char **cause);
void program_day_free(struct program_day *);

/* 1 when value is the answer to q that the pack warns about (its
 * warn_if), else 0; q may be NULL. The one rule every face shows a
 * question's warning by. */
int program_question_warns(const struct question *q, const char *value);

/* One of the recent days, oldest first; the last is today. */
struct program_recent {
	char day[DAY_LEN];
	int pain; /* 0..10, or ENTRY_NONE when not checked in */
};

/* The one next thing to do, most important first. */
enum program_next {
	PROGRAM_NEXT_SAFETY,   /* safety questions not all answered, or the
				  first run not finished */
	PROGRAM_NEXT_DOCTOR,   /* a standing yes holds: get it checked */
	PROGRAM_NEXT_CHECKIN,  /* today has no check-in */
	PROGRAM_NEXT_RECHECK,  /* the emergency questions are due again */
	PROGRAM_NEXT_REVIEW,   /* next_approach's trial reached trial_days */
	PROGRAM_NEXT_RESUME,   /* next_approach's pause week has had its
				  pause_days: take it up again */
	PROGRAM_NEXT_PRACTICE, /* next_practice of next_approach, due today */
	PROGRAM_NEXT_BASELINE, /* would be START, but the
				  ANALYSIS_BEFORE_DAYS days before today hold
				  fewer than ANALYSIS_BEFORE_MIN_CHECKINS
				  check-ins (baseline_n): a trial started
				  today could not be judged, so check in on
				  more days first (next_approach names it) */
	PROGRAM_NEXT_START,    /* no current trial: start next_approach */
	PROGRAM_NEXT_REST,     /* nothing more today */
	PROGRAM_NEXT_FINISHED, /* every approach tried, none running */
};

/*
 * Lessons (issue 20): the pack's short reads beside the plan. A lesson is
 * offered at the moments its `after:` names (content.h), each as the log
 * tells it happened, on a day D:
 *   first-checkin  the first check-in of the log, on its day;
 *   first-week     PROGRAM_LESSON_WEEK days after that day;
 *   flare          a flare-up that runs today, or whose record was made
 *                  today (one put in the log when it was already over),
 *                  on the day it began;
 *   start:A        the latest trial of approach A began, on that day;
 *   stop:A         that trial ended (and A has not started again), on the
 *                  day it ended.
 * From D on, the offer stands until the lesson is read (on any day: a
 * lesson read is not offered again) or that offer is put off ("not now")
 * on D or later. So a moment that comes again (a new flare-up, a trial
 * started anew) offers a lesson put off before once more: once per
 * moment. A lesson is read whole: `learn ID` and the Learn screen mark it
 * read when they show it.
 */
#define PROGRAM_LESSON_WEEK 7

struct program_lesson {
	const struct lesson *lesson; /* borrowed from the pack */
	char read_on[DAY_LEN];	     /* the first day it was read; "" */
	/* The moments of its after: whose offer stands today, in that
	 * order (the strings borrowed from the pack); none: not offered. */
	const char **moments;
	size_t nmoments;
};

struct program_lessons {
	struct program_lesson *lessons; /* one per lesson, in pack order */
	size_t n;
	size_t offered; /* lessons with a moment */
};

/* The lessons as of today (a valid day). */
int program_lessons_load(const struct pack *, struct store *, const char *today,
			 struct program_lessons *out, char **cause);
void program_lessons_free(struct program_lessons *);
/* The lesson named by arg: its id, or its number (1.., as `learn` lists
 * them); NULL with *cause saying so and listing the ids. */
const struct lesson *program_lesson_find(const struct pack *, const char *arg,
					 char **cause);
/* Whether l's offer at moment stands today: a face shows it after the
 * command that makes the moment happen ("flare" after a flare-up is
 * recorded, "start:A" after A starts, ...). */
int program_lesson_offered_at(const struct program_lesson *l,
			      const char *moment);
/* Records that the lesson id was read on day (not after today), with the
 * moment it was offered at then, if any. EX_DATAERR for an unknown id. */
int program_lesson_read(const struct pack *, struct store *, const char *id,
			const char *day, const char *today, char **cause);
/* Puts off every offer of the lesson id that stands today ("not now"):
 * it is offered again only at a moment that happens later. EX_DATAERR
 * for an unknown id or one offered at no moment today. */
int program_lesson_dismiss(const struct pack *, struct store *, const char *id,
			   const char *today, char **cause);

struct program_today {
	struct program_plan plan;
	struct program_safety safety;
	/* The lessons, read or not, and the ones offered today. */
	struct program_lessons lessons;
	int onboarded; /* profile "onboarded" is set */
	/* Today's check-in, practices and warnings: those of
	 * program_day_load() for today, moved here. */
	int checked_in;			    /* today has a check-in ... */
	struct program_day_checkin checkin; /* ... which this is */
	struct program_practice *practices;
	size_t npractices;
	struct program_recent recent[PROGRAM_RECENT_DAYS];
	int mean_n;   /* check-ins in the last PROGRAM_MEAN_DAYS days */
	int has_mean; /* mean_n >= PROGRAM_MEAN_MIN_CHECKINS */
	/* Check-ins in the ANALYSIS_BEFORE_DAYS days before today, their
	 * rating not recalled (program_recalled()): the baseline of a trial
	 * started today. */
	int baseline_n;
	double mean; /* their mean pain, when has_mean */
	const struct question **warnings;
	size_t nwarnings;
	enum program_next next;
	const char *next_approach; /* id borrowed from the pack, or NULL */
	const char *next_practice; /* id borrowed from the pack, or NULL */
	/* A flare-up runs today: since that day ("" when none). */
	char flare_since[DAY_LEN];
	/* A safety hold stands today (struct program_day's held): today's
	 * practices wait and the running trials are paused. */
	int held;
};

/* The plan as of today (a valid day). */
int program_plan_load(const struct pack *, struct store *, const char *today,
		      struct program_plan *out, char **cause);
void program_plan_free(struct program_plan *);

/* The plan, today's state and the next thing to do. */
int program_today_load(const struct pack *, struct store *, const char *today,
		       struct program_today *out, char **cause);
void program_today_free(struct program_today *);

/* Sets *n to the check-ins in the ANALYSIS_BEFORE_DAYS days before day (a
 * valid day) whose rating is not recalled (program_recalled()): the
 * baseline a trial started on day would have. With fewer than
 * ANALYSIS_BEFORE_MIN_CHECKINS its effect cannot be judged. */
int program_baseline_count(struct store *, const char *day, int *n,
			   char **cause);
/* The same, with *recalled the recalled ratings of those days, which the
 * verdict leaves out (recalled may be NULL). */
int program_baseline_counts(struct store *, const char *day, int *n,
			    int *recalled, char **cause);

/*
 * A rating recalled from memory: its pain was set (struct checkin's
 * pain_set_at, by its local date) more than PROGRAM_RECALL_DAYS days after its
 * day. Pain recalled over days is unreliable and biased toward the peak and the
 * most recent pain, which is why pain is logged in a diary on the day; a
 * log judges from ratings entered on or near their day and keeps late ones
 * apart (GUIDE-FACTS.md 3.1: Stone et al., BMJ 2002 and Control Clin
 * Trials 2003, where paper diaries handed in for 90% of the days had been
 * opened on far fewer: entries were back-filled). "Near" is taken as up to
 * 3 days, this program's choice: a day missed over a weekend away, or
 * forgotten and made up the morning after, stays the day's own. A recalled
 * rating is kept and shown, marked, but is never part of a verdict's
 * windows (review.h) nor of a baseline count. A pain_set_at that is no
 * time of the log (NULL, or not starting with a day) is not recalled.
 */
#define PROGRAM_RECALL_DAYS 3
int program_recalled(const char *day, const char *pain_set_at);

/* The approach with that id, or NULL with *cause naming the id and listing
 * the pack's ids; lets a caller refuse an id before it opens the log. */
const struct approach *program_approach(const struct pack *, const char *id,
					char **cause);

/*
 * A question of the pack as asked about day: the text itself when day is
 * today; for an earlier day, each whole word "today" ("Today", "today's")
 * becomes "that day" ("That day", "that day's"), the first followed by the
 * date, "that day (2026-11-23)". The pack's questions speak of today
 * (GUIDE-FACTS section 3: a one-day recall). Allocated; the caller frees.
 */
char *program_question_text(const char *text, const char *day,
			    const char *today);

/*
 * Flare-ups. The person's level is the median of the daily pain ratings
 * in the PROGRAM_FLARE_LEVEL_DAYS days before the flare began, given at
 * least PROGRAM_FLARE_LEVEL_MIN of them; else the usual pain asked at
 * onboarding; else it is unknown and the flare lasts until the person
 * ends it. A day is calm when its rating is at most the level plus
 * PROGRAM_FLARE_CALM_MARGIN. A flare ends by itself on the first of
 * PROGRAM_FLARE_CALM_DAYS calm days in a row after the day it began; it is
 * over on that day (its last day of flare is the day before).
 */
#define PROGRAM_FLARE_LEVEL_DAYS 28
#define PROGRAM_FLARE_LEVEL_MIN 7
#define PROGRAM_FLARE_CALM_MARGIN 1
#define PROGRAM_FLARE_CALM_DAYS 2

/* A practice done during a flare, with how much it relieved. */
struct program_flare_use {
	char *practice; /* its id (owned) */
	int sessions;	/* sessions and marks during the flare */
	int rated;	/* sessions with pain before and after */
	int relief;	/* sum of before - after over those */
};

struct program_flare {
	long long id;
	char began_on[DAY_LEN];
	char ended_on[DAY_LEN];	 /* the day it was over; "" while it runs */
	enum flare_end ended_by; /* CALM also for one the log still holds
					  open whose calm days have come */
	int stored_open;	 /* the log holds it open */
	int pain;		 /* as recorded at its start, or ENTRY_NONE */
	int level;		 /* the person's level, or ENTRY_NONE */
	int peak;		 /* highest daily rating in it, or ENTRY_NONE */
	int days;		 /* its days: began_on .. the day before
				    ended_on (or today), at least 1 */
	char *note;		 /* owned; NULL when none */
	struct program_flare_use *uses;
	size_t nuses;
};

struct program_flares {
	struct program_flare *flares; /* oldest first */
	size_t n;
	int running; /* index of the flare running today, or -1 */
};

/* Every flare as of today, with its computed end; pack may be NULL. */
int program_flares_load(const struct pack *, struct store *, const char *today,
			struct program_flares *out, char **cause);
void program_flares_free(struct program_flares *);

/* The day the flare-up running today began in since, or "" when none
 * runs: program_flares_load() of the one the log holds open only. */
int program_flare_running(struct store *, const char *today,
			  char since[DAY_LEN], char **cause);

/* Records that a flare began on day (pain PAIN_MIN..PAIN_MAX or
 * ENTRY_NONE; note NULL or valid UTF-8). Refused (EX_DATAERR, bad->field
 * PAIN, NOTE or DAY) for bad values, or when a flare is running. */
int program_flare(const struct pack *, struct store *, const char *today,
		  const char *day, int pain, const char *note,
		  struct program_bad *bad, char **cause);
/*
 * Records that a flare was over on day: the latest flare that began on or
 * before day, when it still runs or when the calm-days rule ended it only
 * after day (the person's day replaces the rule's guess; *changed 1). One
 * already over on or before day, or ended by the person, is left as it is
 * (*changed 0): not an error, as it is over either way. over_on gets the
 * day it is over after the call. Refused (EX_DATAERR) when no flare began
 * on or before day. changed and over_on may be NULL.
 */
int program_flare_over(const struct pack *, struct store *, const char *today,
		       const char *day, int *changed, char over_on[DAY_LEN],
		       char **cause);
/* Writes the end of a flare that ended by itself to the log, if any
 * (program_checkin() calls it after saving a check-in). */
int program_flare_settle(const struct pack *, struct store *, const char *today,
			 char **cause);
/* Whether practice p is a flare-up tool of pack: marked `flare`, or, in a
 * pack that marks none, a practice of a wildcard approach. */
int program_flare_tool(const struct pack *, const struct practice *p);

/*
 * How things stand, one rule each (program_state.c), so that every face
 * says the same: the status, the TUI, the line mode and the report render
 * these and never work them out themselves.
 */

/* The approach to start next, one new approach at a time: -1 while a
 * non-wildcard approach other than steps[ending] runs (ending an index
 * into plan->steps, or -1 for none); else the first approach never tried,
 * other than ending, in pack order, the non-wildcards before the
 * wildcards (which run beside the others, so they come once the rest
 * were tried); -1 when every one was tried. The plan's current approach
 * and the review's "keep it as a habit and move on" both ask this. */
int program_plan_next(const struct program_plan *, int ending);
/* The step whose latest attempt is trial trial_id, or NULL (an earlier
 * attempt, or an approach the pack does not know). */
const struct program_step *program_plan_trial(const struct program_plan *,
					      long long trial_id);
/* A running step whose pause week, or its days back, are under way (the
 * pause is still to be judged), other than approach except (NULL: any);
 * NULL when none. A trial started then mixes with the pause, which can
 * then tell nothing (review_pause_mixed()): the faces warn before a start. */
const struct program_step *program_plan_pausing(const struct program_plan *,
						const struct approach *except);
/* Whether approach index a of the pack is a flare-up tool: judged by its
 * sessions (flare_tool), or one of its practices is a flare-up tool
 * (program_flare_tool()). */
int program_approach_tool(const struct pack *, size_t a);

/* Whether the first run was finished (*done) and on which day (on, ""
 * when the log does not hold a valid day for it). on may be NULL. */
int program_first_run(struct store *, int *done, char on[DAY_LEN],
		      char **cause);

/* An outcome in words: "helped", "no change", "worse", "stopped"; "no
 * outcome recorded" for OUTCOME_NONE. (outcome_name() is the
 * token of the CLI's options, the CSV and the JSON.) */
const char *program_outcome_words(enum outcome);
/* What became of a trial, in the words every face shows: "running";
 * "kept as a habit" for the trial its approach is kept from (until it is
 * dropped); else the words of its outcome. */
const char *program_trial_words(int running, int habit, enum outcome);
/* A flare-up tool's use, appended to b: "used in 4 sessions, last on
 * 2026-03-30" ("used once, on D" for one). */
void program_tool_words(struct buf *b, int sessions, const char *last);
/* Why a running step's days do not count today, appended to b as every
 * face says it: "paused while a safety question holds (since D)", or
 * "paused by you since D" and with brief 0 ", to see whether the pain
 * comes back" (its pause week). 0, and nothing appended, when they
 * count. */
int program_step_paused_words(struct buf *b, const struct program_step *,
			      int brief);
/* A running step's count, appended to b: "day 3 of 14", "day 3" for an
 * open-ended one, "no day counted yet" before its first day that counts;
 * past its length "day 16, 2 past its 14 days", with ": time to review"
 * when its review is due, or why it waits (a pause's days back). */
void program_step_day_words(struct buf *b, const struct program_step *);

/* Whether a flag's advice applies now: a standing yes (PROGRAM_FLAG_HOLDS
 * or PROGRAM_FLAG_ADVICE). Otherwise a face shows it as what to do should
 * the answer become yes, after PROGRAM_FLAG_IF_YES, never as an order
 * beside "you answered no". */
int program_flag_advice_now(const struct program_flag *);
#define PROGRAM_FLAG_IF_YES "If this is ever true: "
/* Whether starting an approach today offers the emergency questions
 * again first ("anything new since D?"): they were all answered, and
 * last before today. */
int program_recheck_offered(const struct program_safety *, const char *today);

/* The count behind PROGRAM_NEXT_BASELINE in words, appended to b: "2 of 5
 * ratings in the 14 days before today", and, when today is checked in,
 * that today's counts for a start from tomorrow (a trial is compared with
 * the days before its start, so today's rating is not among them). */
void program_baseline_words(struct buf *b, const struct program_today *);

/* "not started", "running", "ended". */
const char *program_state_name(enum program_state);
/* "safety", "doctor", "checkin", "recheck", "review", "practice", "start",
 * "rest", "finished". */
const char *program_next_name(enum program_next);

#endif
