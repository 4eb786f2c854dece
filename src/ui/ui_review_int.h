/*
 * ui_review_int.h: what the review screen's four files share and no one
 * else sees. review.c is the screen: it loads the trials and the plan,
 * lists the trials and lends what it loaded to the other two, which never
 * call it back. review_detail.c writes the selected trial's details into
 * a view; review_decide.c asks the questions of a decision and saves the
 * answers, and lends the question it keeps to review_prompt.c, which
 * draws it and calls nothing back. Names and titles are borrowed from the
 * review and the pack.
 */
#ifndef BACKPAIN_UI_REVIEW_INT_H
#define BACKPAIN_UI_REVIEW_INT_H

#include "program.h"
#include "review.h"
#include "ui_int.h"

/* Clears v and fills it with the row's figures and sentences, wrapped to
 * the body's text width; its day count and whether its review is due are
 * those of its step in plan (program_plan_trial()). */
void ui_review_detail(struct ui_view *v, const struct ui *,
		      const struct review *, const struct program_plan *plan,
		      const struct review_row *row);

/* What a key did to the decisions (review_decide.c). */
enum ui_review_did {
	UI_REVIEW_UNUSED, /* not theirs: the screen's keys may take it */
	UI_REVIEW_USED,
	UI_REVIEW_SAVED, /* the log changed: load it again, then call
			    ui_review_decide_saved() */
};

/* A key on the selected trial row: a decision (c m s o i Enter), or the
 * answer to the question open, which takes every key. rv and plan are
 * what review.c loaded for today; borrowed for the call only. */
enum ui_review_did ui_review_decide_key(struct ui *, const struct review *rv,
					const struct program_plan *plan,
					const struct review_row *row, int key);
/* After the reload that follows UI_REVIEW_SAVED, with the selected row:
 * asks the impression of the trial the save ended, when row is that one;
 * else offers the next approach a habit kept left to offer. */
void ui_review_decide_saved(struct ui *, const struct review_row *row);
/* Closes the question open, saving nothing and saying nothing. */
void ui_review_decide_cancel(void);
/* After a reload with the same trial row selected: closes an impression
 * question that no longer fits it (asked of another trial, or running);
 * an offer to start the next approach stays, and whether it offers the
 * safety re-check is looked at again (it may just have been answered). */
void ui_review_decide_check(struct ui *, const struct review_row *row);
/* Draws the question open, or the keys of row, on the last rows above
 * end; w columns. Returns the rows used. */
int ui_review_decide_draw(const struct ui *, const struct program_plan *plan,
			  const struct review_row *row, int end, int w);

/* review_decide.c: what a key press is waiting for besides moving. */
enum ui_review_ask {
	UI_ASK_NONE,
	UI_ASK_HABIT,	/* y/n: keep it as a habit, its trial ended as helped */
	UI_ASK_KEEP,	/* the verdict is not helped: choose the outcome of a
			   trial kept as a habit all the same */
	UI_ASK_STOP,	/* choose how a running trial ended */
	UI_ASK_OUTCOME, /* choose a new outcome for an ended trial */
	UI_ASK_CONFIRM, /* y/n for the outcome chosen under UI_ASK_KEEP,
			   UI_ASK_STOP or UI_ASK_OUTCOME */
	UI_ASK_IMPRESSION, /* 1..7, or skip: the impression of an ended trial */
	UI_ASK_PAUSE,	   /* y/n: pause a running trial for a week */
	UI_ASK_RESUME,	   /* y/n: take a paused trial up again */
	UI_ASK_NEXT,	   /* y/n/r: start the next approach now? */
};

/* The question open and its answer so far, as review_decide.c keeps them,
 * lent to review_prompt.c for one draw: the choices offered (borrowed,
 * static) and the one under the cursor; the approach to offer after a
 * habit kept and the one offered now (borrowed from the pack, NULL when
 * none); the day of the last emergency answers when a start offers them
 * again ("" else); the impression under the cursor (0: none yet). */
struct ui_review_asked {
	enum ui_review_ask ask, picked_in;
	const enum outcome *choices;
	size_t nchoices, choice;
	const struct approach *next_approach, *offer;
	const char *recheck_since;
	int impression_pick;
};

/* review_prompt.c: draws the question q, or the keys of row when none is
 * open, on the last rows above end; w columns. Returns the rows used. */
int ui_review_prompt_draw(const struct ui_review_asked *q, const struct ui *,
			  const struct program_plan *plan,
			  const struct review_row *row, int end, int w);

#endif
