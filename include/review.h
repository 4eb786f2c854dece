/*
 * review: which approach helped. Loads every trial, the check-ins, the
 * practice sessions and the onboarding usual-pain rating from the store,
 * judges each trial with analysis_trial(), and hands back plain rows for the
 * `review` command, the therapist report, the TUI review screen and the
 * History screen. It is the one reviewer: no other code calls
 * analysis_trial() or judges a trial another way. No SQL (it goes through
 * store.h), no curses, no output.
 *
 * A running trial is judged up to today. Its days are those that count
 * (program_trial_days()): the days on hold for safety are not trial days,
 * so they are left out of its day count (result.days, with
 * result.off_days the days left out), its check-ins, its judged window
 * and its practised days; the baseline before it is not changed. Without
 * a pack no flag is known to hold and every day counts. A rating recalled
 * from memory (program_recalled(): set more than PROGRAM_RECALL_DAYS days
 * after its day) is kept among the check-ins, for the charts, but is never
 * part of a verdict's windows: the baseline, the judged days and the
 * guards' windows are read without it (review_scan.c leaves it out, as the
 * log is read), and each row counts the ones it lost. Both filters apply:
 * a judged day is one that counts and whose rating is not recalled.
 * Practised days are the days with a session or a --did mark of the
 * trial's approach; an approach has practices when the pack lists some
 * for it, or, for an id the pack does not know, when any were logged. Overlap
 * counts the days of the two compared windows covered by another trial,
 * wildcards included, that started, stopped or ran in one window and not the
 * other (analysis_confounds()).
 *
 * review_load() fills caller-owned memory; review_free() releases all of it.
 * Titles are borrowed from the pack, which must outlive the review. Figures
 * and texts are written into caller-owned buffers.
 *
 * The log is read a bounded piece at a time and only a few ints are kept of
 * each check-in and session, so memory stays small however long the log;
 * time grows with the log's length and with the square of the number of
 * trials (a few thousand at most), not with the trials times the log.
 */
#ifndef BACKPAIN_REVIEW_H
#define BACKPAIN_REVIEW_H

#include <stddef.h>

#include "analysis.h"
#include "checkin.h"
#include "day.h"
#include "entry.h"
#include "outcome.h"

struct pack;
struct buf;
struct store; /* the log (store.h), read through the program */
struct program_flare;

/* Room for one figure such as "-10.00", and its NUL. */
#define REVIEW_FIGURE_LEN 24

/*
 * A row's interference in the windows its pain is compared over (the
 * reviewer's: the reference days ref_first .. ref_last and the judged
 * days during_first .. end of its result, as day numbers, here as days,
 * the judged ones without the days that do not count, as
 * program_trial_days() says): the ratings there, their count and sum.
 * during_from is "" while the trial settles in (no judged day yet); all
 * is empty for a flare-up tool's use outside a trial (tool_use), which
 * compares no days.
 */
struct review_windows {
	char before_from[DAY_LEN], before_to[DAY_LEN];
	char during_from[DAY_LEN], during_to[DAY_LEN];
	int before_n, before_sum;
	int during_n, during_sum;
};
/* One trial and its judgement. */
struct review_row {
	long long trial_id;
	char *approach;	   /* the trial's approach id (owned) */
	const char *title; /* the pack's title, borrowed; NULL when unknown */
	/* When the pack does not have the approach (a log kept with another
	 * pack, or restored from one): "an approach this pack does not have:
	 * ID" (owned); else NULL. */
	char *unknown;
	int wildcard; /* the pack marks the approach as a wildcard */
	char started_on[DAY_LEN];
	char ended_on[DAY_LEN]; /* "" while running */
	enum outcome outcome;
	int impression; /* the global impression at its end, or ENTRY_NONE */
	int running;
	int checkins; /* check-ins on the trial's days that count */
	/* Recalled ratings left out of its baseline and of its days that
	 * count (0 for a flare-up tool, judged by its sessions). */
	int recalled;
	/* Running, and today does not count: paused by a safety hold since
	 * paused_since (program.h). */
	int paused;
	char paused_since[DAY_LEN];
	/* Its whole span, its start to its end (today while running), by
	 * program_trial_days(): the days that count, and those that do not,
	 * on hold for safety and in its pause week. The verdict's own days
	 * (result.days) stop at a pause; these go on after it. */
	int span_days, span_held, span_paused;
	/* The other trials that count against attributing this one's change
	 * (analysis_confounds()): indices into the review's rows, in row
	 * order. */
	size_t *overlaps;
	size_t noverlaps;
	/* What a too-early or no-baseline verdict is waiting for (else 0):
	 * more trial days, and more check-ins in the window it lacks. */
	int need_days;
	int need_checkins;
	char judged_from[DAY_LEN]; /* too-early on days: first day it can be
				      judged, at the earliest (while a hold
				      stands its days do not count); else
				      "" */
	struct analysis_result result;
	/*
	 * Its pause week (program_pause(), issue 21); week_from "" when
	 * none was taken. The verdict (result) is then frozen at the pause:
	 * judged up to the day before week_from. week_until is the first
	 * day back ("" while paused); week_days the pause's length (the
	 * pack's pause_days), also the days back it is judged after;
	 * in_week: running and today in the pause. pause is the contrast
	 * (analysis_pause()): its confirmation NONE without a pause,
	 * PENDING while paused or back fewer days than week_days on a
	 * running trial (back_day: the day it will be judged, "" while
	 * paused). flare_from .. flare_to: a flare-up recorded in the pause
	 * (the first), whose days are left out of it; "" when none.
	 */
	char week_from[DAY_LEN];
	char week_until[DAY_LEN];
	int week_days;
	int in_week;
	char back_day[DAY_LEN];
	char flare_from[DAY_LEN];
	char flare_to[DAY_LEN];
	/* Another trial began in the pause or its days back: its name
	 * (review_row_name(), owned by the review), else NULL. The pause
	 * cannot tell the two apart, so a judged one is unclear
	 * (review_pause_mixed()). */
	const char *mixed;
	struct analysis_pause pause;
	/* The review offers a pause week (offered, never forced): running,
	 * the pack marks the approach reversible, never paused, no safety
	 * hold today, and the verdict is helped or chance_lower is at least
	 * REVIEW_OFFER_PAUSE_LOWER. */
	int offer_pause;
	/* Its approach is kept as a habit from this trial (review_rows.c):
	 * since habit_since, until habit_dropped ("" while kept). */
	int habit;
	char habit_since[DAY_LEN];
	char habit_dropped[DAY_LEN];
	/* Not a trial (trial_id 0): the sessions of a flare-up tool
	 * (flare_tool) logged outside its trials, judged by them as a trial
	 * of it is; tool_sessions of them (marks too), started_on the day of
	 * the first and ended_on of the last. */
	int tool_use;
	int tool_sessions;
	/* Flare-up days (review.flares) among the days of the two windows
	 * its pain is compared over: the reference days and the judged days
	 * that count (none while it settles in). 0 for a flare-up tool. */
	int flare_before;
	int flare_during;
	/* Its interference in those windows (review_interference()). */
	struct review_windows windows;
};

/* The chance that it lowered pain at all from which a pause is offered
 * (issue 21): 7 in 10, a lean the pause can firm up or undo. */
#define REVIEW_OFFER_PAUSE_LOWER 0.7

/*
 * A flare-up (issue 12) as day numbers, for the History chart, the report
 * and the verdict: program.h says when one is over (the person said so, or
 * two calm days back at the person's level). The verdict's regression-to-
 * the-mean guard may use them: a trial that starts during or just after a
 * flare starts from a high baseline that falls back by itself.
 */
struct review_flare {
	int first;   /* the day it began */
	int last;    /* its last day: the day before it was over, or today */
	int running; /* not over by today */
	int pain;    /* 0..10 recorded when it began, or ENTRY_NONE */
	int peak;    /* highest daily rating in it, or ENTRY_NONE */
	int level;   /* the person's level before it, or ENTRY_NONE */
};

struct review {
	char today[DAY_LEN];
	int usual_pain; /* 0..10, or ANALYSIS_NO_RATING */
	/* Every trial, oldest start first; then, by the pack's order, a row
	 * of each flare-up tool used outside its trials (tool_use). */
	struct review_row *rows;
	size_t nrows;
	/* Every check-in of the log, oldest first, as its day number and
	 * pain rating; recalled ones included (see review_recalled_on()). */
	struct analysis_checkin *checkins;
	size_t ncheckins;
	/* The day numbers of the recalled check-ins, oldest first. */
	int *recalled;
	size_t nrecalled;
	/* Every flare-up, oldest first (loaded before the trials are
	 * judged). */
	struct review_flare *flares;
	size_t nflares;
};

/*
 * Loads and judges every trial as of today (a valid day). pack may be NULL:
 * then no titles, and practices are known only from what was logged.
 * Returns 0, or a store.h code with *cause set (EX_IOERR for a log holding
 * a value no command can write, such as a usual-pain rating of 12).
 */
int review_load(const struct pack *, struct store *, const char *today,
		struct review *out, char **cause);

/*
 * review_load() that also hands each check-in, as it is read, to each
 * (newest first), for what the review does not keep, such as notes. The
 * row is the store's and lives only during the call.
 */
typedef void (*review_checkin_fn)(const struct checkin *, void *arg);
int review_load_with(const struct pack *, struct store *, const char *today,
		     review_checkin_fn each, void *arg, struct review *out,
		     char **cause);
void review_free(struct review *);

/* The index in rv->checkins of the first check-in on day (a day number) or
 * later; rv->ncheckins when there is none. */
size_t review_checkin_from(const struct review *, int day);
/* Whether the check-in of day (a day number) is recalled. */
int review_recalled_on(const struct review *, int day);

/*
 * A row's figures as text with two decimals, "" where the value does not
 * exist. Means are rounded half away from zero; adherence, change and
 * change_pct are truncated toward zero, as analysis_explain() does, so a
 * figure never reads as reaching a threshold it missed. All are computed
 * from the exact sums, so they do not depend on floating point.
 *   adherence       practised days / trial days; "" without practices
 *   before_mean     the reference the trial is judged from: the mean of
 *                   the 14 days before the start, or of the guard's
 *                   window (see reference); "" with no baseline; for a
 *                   flare-up tool the mean pain before its sessions, ""
 *                   until enough were rated (never the days before it)
 *   during_mean     mean of the trial's days after settling in; "" with
 *                   no check-in there (flare-up tools: the means before
 *                   and after their sessions)
 *   change          before_mean - during_mean; "" until past too-early
 *   change_pct      change / before_mean; "" as change, or when the
 *                   baseline is 0
 *   immediate       mean of pain after - pain before over the sessions
 *                   with both ratings; "" with none
 */
struct review_figures {
	char adherence[REVIEW_FIGURE_LEN];
	char before_mean[REVIEW_FIGURE_LEN];
	char during_mean[REVIEW_FIGURE_LEN];
	char change[REVIEW_FIGURE_LEN];
	char change_pct[REVIEW_FIGURE_LEN];
	char immediate[REVIEW_FIGURE_LEN];
	/* Issue 10's additions, at the CSV's end:
	 *   change_se      standard error of change (allowing for lag-1
	 *                  autocorrelation); "" until past too-early
	 *   nap            share of (before, judged) day pairs with less pain
	 *                  in the judged day, ties half; "" as change_se
	 *   more_days      for unclear: about how many more rated days (or
	 *                  sessions) would settle it; "" otherwise or when
	 *                  more would not
	 *   reference      what the change is measured from: "baseline",
	 *                  "longer-run" (a start in a flare), "recent" (pain
	 *                  already falling), "sessions" (a flare-up tool)
	 *   interference_change  before - judged mean interference
	 *   interference_verdict "meaningful" (less), "worse", "no-change",
	 *                  "unclear", or "" when not judged */
	char change_se[REVIEW_FIGURE_LEN];
	char nap[REVIEW_FIGURE_LEN];
	char more_days[REVIEW_FIGURE_LEN];
	const char *reference;
	char interference_change[REVIEW_FIGURE_LEN];
	const char *interference_verdict;
	const char *impression;
	/* The chance it helped (analysis_chance()), 0..1, after impression;
	 * "" until past too-early:
	 *   chance_lower   that the approach lowered pain at all
	 *   chance_helped  that it lowered pain by the helped threshold
	 *   chance_worse   that it raised pain by the worse threshold */
	char chance_lower[REVIEW_FIGURE_LEN];
	char chance_helped[REVIEW_FIGURE_LEN];
	char chance_worse[REVIEW_FIGURE_LEN];
	/* The pause week (issue 21), after chance_worse: "confirmed",
	 * "not-confirmed", "unclear", "pending", or "" when no pause was
	 * taken (analysis_confirmation_name()). */
	const char *confirmation;
};

void review_figures(const struct review_row *, struct review_figures *out);

/*
 * The fraction num / den (den > 0) with the given decimals (0..6), rounded
 * half away from zero, or truncated toward zero when truncate is set. No
 * "-" when the shown figure is zero.
 */
void review_fraction(long long num, long long den, int decimals, int truncate,
		     char out[REVIEW_FIGURE_LEN]);

/* Sentences for people, each appended to b without a trailing newline. */

/* What the verdict means, e.g. "Pain was much lower: it fell by half or
 * more." */
const char *review_verdict_words(enum analysis_verdict);
/* The same for one row, in words that fit its figures: an unclear change
 * whose interval lies past zero is said to be past the day-to-day ups and
 * downs, with what is unclear (whether it reaches the threshold). */
const char *review_row_verdict_words(const struct review_row *);
/*
 * The chance it helped in words, e.g. "Allowing for the day-to-day ups and
 * downs: about 9 in 10 that it lowered your pain; about 5 in 10 that it
 * lowered it by a meaningful amount (2 points or 30%); less than 1 in 10
 * that it raised it by as much." Each chance is said in tenths, "more than
 * 9 in 10" and "less than 1 in 10" at the ends, never as a certainty.
 * Appends nothing until past too-early.
 */
void review_chance(struct buf *b, const struct review_row *);
/* The same in brief, for the therapist's report: "Chance that it lowered
 * pain: more than 9 in 10; by 2 points or 30%: about 9 in 10; that it
 * raised it as much: less than 1 in 10." */
void review_chance_brief(struct buf *b, const struct review_row *);
/* One chance (0..1) in those words: "about 5 in 10". */
const char *review_chance_words(double p, char out[REVIEW_FIGURE_LEN]);
/* The tenths those words say, 0 .. REVIEW_CHANCE_TENTHS: 0 is "less than
 * 1 in 10", REVIEW_CHANCE_TENTHS "more than 9 in 10". */
#define REVIEW_CHANCE_TENTHS 10
int review_chance_tenths(double p);
/*
 * The pause week in words (review_pause.c): what the pause showed or is
 * waiting for, with a flare-up in it named, e.g. "Paused 2026-03-01 to
 * 2026-03-07 to see whether the pain comes back: it did (from 2.5 on it
 * to 5.8 off it), and fell again when you took it up: the fall looks like
 * the approach's." Appends nothing without a pause.
 */
void review_pause_words(struct buf *b, const struct review_row *);
/* The offer, for a row with offer_pause: "Want to be sure? Stop it for a
 * week ...". Appends nothing otherwise. */
void review_pause_offer(struct buf *b, const struct review_row *);

/* The verdict's grounds with the thresholds used (analysis_explain()). */
void review_explain(struct buf *b, const struct review_row *);
/* For too-early and no-baseline: what is missing and how many more
 * check-ins or days are needed. Appends nothing for other verdicts. */
void review_missing(struct buf *b, const struct review_row *);
/* "3 ratings entered more than 3 days after their day were left out: a
 * recalled rating is less reliable." for n recalled ratings (program.h);
 * nothing when n is 0. review_explain() and review_missing() end with it
 * for a row that left some out; `backpain start` says it too. */
void review_recalled(struct buf *b, int n);
/* What flare-up f used (program.h's uses: the sessions after it began),
 * appended to b, the one wording of the report and the TUI's History:
 * each practice by its title in pack (its id when pack is NULL or lacks
 * it), put through esc (NULL: as it is), with its count and the relief
 * right after its rated sessions, "Lie on the mat 2 times, pain 2.5 lower
 * right after (2 rated); Walk 1 time"; "nothing logged" when none. */
void review_flare_used(struct buf *b, const struct pack *pack,
		       const struct program_flare *f,
		       void (*esc)(struct buf *, const char *));
/* "Right after a session, pain was on average 1.5 lower than before, over
 * 6 sessions." Appends nothing without rated sessions. */
void review_immediate(struct buf *b, const struct review_row *);
/* "very much better", "much better", "a little better", "no different",
 * "a little worse", "much worse", "very much worse" for the global
 * impression IMPRESSION_MIN..MAX; "" for any other value. */
const char *review_impression_words(int impression);
/* "Your impression at the end: much better (2 of 7)." Appends nothing
 * without one. */
void review_impression(struct buf *b, const struct review_row *);
/* "It shared 3 days with <the other trials>, so ..." Appends nothing
 * without overlap. */
void review_shared(struct buf *b, const struct review *,
		   const struct review_row *);

/* The row's title; when the pack does not know its approach, that said
 * with its id (row->unknown), or the id when there is no pack. */
const char *review_row_name(const struct review_row *);

/* What became of the trial, in the words of program_trial_words():
 * "running", "kept as a habit" (while kept), or its outcome's words; a
 * flare-up tool's use outside a trial, "used outside a trial". */
const char *review_row_state(const struct review_row *);
/* "2027-01-15 to today (2027-02-15), 25 days so far (not counting 7 days
 * paused by you)", or for an ended trial "2027-01-15 to 2027-02-15, 25
 * days": its dates and its days that count (span_days), as every face
 * says them. Not for a flare-up tool's row. */
void review_row_span(struct buf *, const struct review *,
		     const struct review_row *);
/* The outcome the verdict points to: helped for substantial and
 * meaningful, worse, no change; stopped for the verdicts that cannot
 * tell. It only advises: the person decides. */
enum outcome review_suggested(const struct review_row *);
/* The row's interference windows (row->windows, struct review_windows)
 * into *out. */
void review_interference(const struct review *, const struct review_row *,
			 struct review_windows *out);

/* While a trial settles in (its days up to settle_days), its check-ins
 * are not judged, and every face says so in these words: "settling in,
 * day 3 of 7: its 3 check-ins are not judged; the judged days begin on
 * day 8" ("ended while settling in, on day 3 of 7: ..." for one that
 * ended then). Appends them, no end, and returns 1; else appends nothing
 * and returns 0 (past settling in, or a flare-up tool). */
int review_settling(struct buf *b, const struct review_row *);
/* The change in pain as the verdict measures it, one decimal cut toward
 * zero: "2.7 points lower, 45% less than before" (a fall, of the level
 * before); "1.0 points higher, 18% of the level during the trial" (a
 * rise, of the judged level, as the worse threshold reads it); "none,
 * the same as before". Appends nothing until the trial can be judged. */
void review_change(struct buf *b, const struct review_row *);
/* "2 flare-up days in the baseline and 1 in the judged days." (the
 * reference days named as review_windows has them); nothing without
 * flare-up days in the windows. */
void review_flare_days(struct buf *b, const struct review_row *);
/* The row's interference in its windows (row->windows), the one wording
 * of the report and the TUI's Review: "Interference before: 5.0 (7
 * check-ins, D1 to D2); from day 8 on: 2.5 (7 check-ins, D3 to D4)",
 * "...; while it settles in, no judged day yet", or "Interference: not
 * rated in these days". No end. */
void review_interference_words(struct buf *b, const struct review_row *);

/*
 * Appends text to b folded at width columns (by wcwidth, under the current
 * locale), every line starting with indent; words longer than a line are
 * not broken. Ends with a newline.
 */
void review_wrap(struct buf *b, const char *text, const char *indent,
		 int width);

#endif
