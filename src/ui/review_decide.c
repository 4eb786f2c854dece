/*
 * review_decide.c: the decisions on the review screen's selected trial
 * and the questions they ask: keep going, keep it as a habit and move on
 * to the next approach, or stop it; for an ended trial, change its
 * recorded outcome or record the person's global impression of the change
 * (1..7, PGIC), which is also asked once after a trial is ended here.
 * Every write asks first and says what it saved; the verdict only advises
 * (the outcome it points to, review_suggested(), is the one first
 * offered). Keeping a trial as a habit records helped only when the
 * verdict says so; else it asks which outcome to record. The next
 * approach (program_plan_next()) is only offered, after the impression,
 * and starts when the person says so, with the safety re-check first
 * when a start offers it (program_recheck_offered()), as on the approach
 * screen.
 *
 * review.c owns the trials and the plan it loaded and lends them to each
 * call; this file keeps only the question open and its answer so far,
 * which review_prompt.c draws.
 * After a write it answers UI_REVIEW_SAVED, and review.c loads the log
 * again: nothing here calls back into review.c.
 */
#include <stdlib.h>
#include <string.h>

#include "content.h"
#include "program.h"
#include "ui_review_int.h"
#include "util.h"

static const enum outcome stop_choices[] = {
    OUTCOME_NO_CHANGE,
    OUTCOME_WORSE,
    OUTCOME_STOPPED,
};
static const enum outcome all_choices[] = {
    OUTCOME_HELPED,
    OUTCOME_NO_CHANGE,
    OUTCOME_WORSE,
    OUTCOME_STOPPED,
};
#define NSTOP (sizeof stop_choices / sizeof stop_choices[0])
#define NALL (sizeof all_choices / sizeof all_choices[0])

static enum ui_review_ask ask, picked_in;
static const enum outcome *choices;
static size_t nchoices, choice;
/* UI_ASK_HABIT, UI_ASK_KEEP: the approach to offer after it, borrowed from the
 * pack; offer: the one to offer once the impression question closes,
 * and UI_ASK_NEXT's; NULL when none. */
static const struct approach *next_approach, *offer;
/* UI_ASK_NEXT: the day the emergency questions were last answered, when a
 * start offers them again first (program_recheck_offered()); else "". */
static char recheck_since[DAY_LEN];
/* UI_ASK_IMPRESSION: the trial asked about and the answer under the cursor,
 * 0 until one is chosen, so that a stray Enter saves nothing. */
static long long impression_trial;
static int impression_pick;
/* The trial a save just ended: its impression is asked once review.c has
 * loaded the log again (ui_review_decide_saved); 0 when none. */
static long long impression_next;

/* The approach to offer once row is kept as a habit, by the plan's one
 * rule (program_plan_next()); NULL when none. */
static const struct approach *
next_to_start(const struct ui *ui, const struct program_plan *plan,
	      const struct review_row *row)
{
	int i = program_plan_next(
	    plan, content_approach_index(ui->pack, row->approach));

	return i >= 0 ? plan->steps[i].approach : NULL;
}

/* Whether a start today offers the safety re-check first, as of the log
 * now: sets recheck_since. */
static void
recheck_look(struct ui *ui)
{
	struct program_safety s;
	char day[DAY_LEN], *cause = NULL;

	recheck_since[0] = '\0';
	ui_today(ui, day);
	if (program_safety_load(ui->pack, ui->store, day, &s, &cause) != 0) {
		ui_error(ui, cause);
		return;
	}
	if (program_recheck_offered(&s, day))
		memcpy(recheck_since, s.since, DAY_LEN);
	program_safety_free(&s);
}

/* Opens the offer to start the next approach, if there is one. */
static void
ask_next(struct ui *ui)
{
	if (offer == NULL)
		return;
	recheck_look(ui);
	ask = UI_ASK_NEXT;
}

/* The question open, lent to review_prompt.c for the draw. */
int
ui_review_decide_draw(const struct ui *ui, const struct program_plan *plan,
		      const struct review_row *row, int end, int w)
{
	struct ui_review_asked q = {ask,      picked_in,     choices,
				    nchoices, choice,	     next_approach,
				    offer,    recheck_since, impression_pick};

	return ui_review_prompt_draw(&q, ui, plan, row, end, w);
}

static void
open_choice(enum ui_review_ask a, const enum outcome *v, size_t n,
	    enum outcome want)
{
	size_t i;

	ask = a;
	choices = v;
	nchoices = n;
	choice = n - 1; /* the last, "stopped", unless want is there */
	for (i = 0; i < n; i++)
		if (v[i] == want)
			choice = i;
}

/* Opens the impression question on row when it has ended; pick is the
 * answer under the cursor, or 0. */
static void
ask_impression(const struct review_row *row, int pick)
{
	if (row == NULL || row->running)
		return;
	ask = UI_ASK_IMPRESSION;
	impression_trial = row->trial_id;
	impression_pick = pick;
}

static enum ui_review_did
save_habit(struct ui *ui, const struct review_row *row, enum outcome o)
{
	char day[DAY_LEN], *cause = NULL;

	ui_today(ui, day);
	if (program_keep(ui->pack, ui->store, row->approach, day, o, &cause) !=
	    0) {
		ui_error(ui, cause);
		return UI_REVIEW_SAVED;
	}
	if (o == OUTCOME_HELPED)
		ui_message(ui, UI_C_GOOD,
			   "Saved: \"%s\" is kept as a habit: its practices "
			   "stay on Today.",
			   review_row_name(row));
	else
		ui_message(ui, UI_C_GOOD,
			   "Saved: \"%s\" is kept as a habit, its trial "
			   "recorded as %s: its practices stay on Today.",
			   review_row_name(row), program_outcome_words(o));
	impression_next = row->trial_id;
	offer = next_approach;
	return UI_REVIEW_SAVED;
}

/* Starts the approach offered (UI_ASK_NEXT's y). */
static enum ui_review_did
start_offer(struct ui *ui)
{
	const struct approach *a = offer;
	const struct approach *other;
	const char *shared = NULL;
	char day[DAY_LEN], *cause = NULL;

	offer = NULL;
	ui_today(ui, day);
	if (program_start(ui->pack, ui->store, a->id, day, &shared, &cause) !=
	    0) {
		ui_error(ui, cause);
		return UI_REVIEW_USED;
	}
	other = shared != NULL ? content_approach(ui->pack, shared) : NULL;
	if (other != NULL)
		ui_message(ui, UI_C_WARNING,
			   "Started \"%s\". \"%s\" runs too, so a change in "
			   "pain cannot be put down to one of them.",
			   a->title, other->title);
	else
		ui_message(ui, UI_C_GOOD, "Started \"%s\" today, day 1.",
			   a->title);
	return UI_REVIEW_SAVED;
}

/* Keys of UI_ASK_NEXT: y starts it, r answers the re-check first (the offer
 * stays open for when it is done), any other key leaves it for later. */
static enum ui_review_did
answer_next(struct ui *ui, int key)
{
	if (key == 'y') {
		ask = UI_ASK_NONE;
		return start_offer(ui);
	}
	if (key == 'r' && recheck_since[0] != '\0') {
		ui->onboard_recheck = 1;
		ui_push(ui, UI_ONBOARD);
		return UI_REVIEW_USED;
	}
	ask = UI_ASK_NONE;
	ui_message(ui, UI_C_NORMAL,
		   "Not started: \"%s\" waits in the plan (p on Today) until "
		   "you start it.",
		   offer->title);
	offer = NULL;
	return UI_REVIEW_USED;
}

static enum ui_review_did
save_outcome(struct ui *ui, const struct review_row *row)
{
	enum outcome o = choices[choice], was = row->outcome;
	const char *name = review_row_name(row);
	char day[DAY_LEN], *cause = NULL;
	int rc;

	ui_today(ui, day);
	if (picked_in == UI_ASK_STOP)
		rc = program_stop(ui->pack, ui->store, row->approach, day, o,
				  &cause);
	else
		rc = program_outcome(ui->store, row->trial_id, o, &cause);
	if (rc != 0)
		ui_error(ui, cause);
	else if (picked_in == UI_ASK_STOP)
		ui_message(ui, UI_C_GOOD, "Saved: \"%s\" ended today as %s.",
			   name, program_outcome_words(o));
	else
		ui_message(ui, UI_C_GOOD,
			   "Saved: \"%s\" is now recorded as %s (it was %s).",
			   name, program_outcome_words(o),
			   program_outcome_words(was));
	if (rc == 0 && picked_in == UI_ASK_STOP)
		impression_next = row->trial_id;
	return UI_REVIEW_SAVED;
}

static enum ui_review_did
save_impression(struct ui *ui, const struct review_row *row, int impression)
{
	char *cause = NULL;

	ask = UI_ASK_NONE;
	if (program_impression(ui->store, row->approach, row->ended_on,
			       impression, &cause) != 0) {
		ui_error(ui, cause);
		return UI_REVIEW_USED;
	}
	ui_message(ui, UI_C_GOOD, "Saved: your impression, %s.",
		   review_impression_words(impression));
	return UI_REVIEW_SAVED;
}

/* Pauses (UI_ASK_PAUSE) or resumes (UI_ASK_RESUME) the row's trial today. */
static enum ui_review_did
save_pause(struct ui *ui, const struct review_row *row, enum ui_review_ask was)
{
	char day[DAY_LEN], *cause = NULL;
	int rc, days = 0;

	ui_today(ui, day);
	if (was == UI_ASK_PAUSE)
		rc = program_pause(ui->pack, ui->store, row->approach, day, day,
				   &days, &cause);
	else
		rc = program_resume(ui->pack, ui->store, row->approach, day,
				    day, &cause);
	if (rc != 0)
		ui_error(ui, cause);
	else if (was == UI_ASK_PAUSE)
		ui_message(ui, UI_C_GOOD,
			   "Saved: \"%s\" is paused from today; take it up "
			   "again in %d days (r here).",
			   review_row_name(row), days);
	else
		ui_message(ui, UI_C_GOOD,
			   "Saved: \"%s\" is taken up again today.",
			   review_row_name(row));
	return UI_REVIEW_SAVED;
}

static void
cancel(struct ui *ui)
{
	ask = UI_ASK_NONE;
	ui_message(ui, UI_C_NORMAL, "Nothing saved.");
}

/* Moves the cursor of the impression question by one answer (dir 1 or
 * -1); with none under it yet, Right or Down (1) takes the first answer,
 * Left or Up (-1) the last. */
static void
impression_move(int dir)
{
	if (impression_pick == 0)
		impression_pick = dir > 0 ? IMPRESSION_MIN : IMPRESSION_MAX;
	else if (impression_pick + dir >= IMPRESSION_MIN &&
		 impression_pick + dir <= IMPRESSION_MAX)
		impression_pick += dir;
}

/* Keys of the impression question: a digit answers at once, the arrows
 * (or vi keys) move and Enter saves, Esc, s or q skip it. */
static enum ui_review_did
answer_impression(struct ui *ui, const struct review_row *row, int key)
{
	if (key == UI_KEY_ESC || key == 's' || key == 'q') {
		ask = UI_ASK_NONE;
		ui_message(ui, UI_C_NORMAL,
			   row->impression == ENTRY_NONE
			       ? "No impression saved; i records it later."
			       : "Nothing saved.");
		ask_next(ui);
		return UI_REVIEW_USED;
	}
	if (key >= '0' + IMPRESSION_MIN && key <= '0' + IMPRESSION_MAX)
		return save_impression(ui, row, key - '0');
	if (key == UI_KEY_ENTER) {
		if (impression_pick != 0)
			return save_impression(ui, row, impression_pick);
		ui_message(ui, UI_C_NORMAL,
			   "Choose an answer first (Left Right, or 1 to 7), or "
			   "skip it with Esc.");
		return UI_REVIEW_USED;
	}
	switch (ui_nav(key)) {
	case UI_NAV_LEFT:
	case UI_NAV_UP:
		impression_move(-1);
		break;
	case UI_NAV_RIGHT:
	case UI_NAV_DOWN:
		impression_move(1);
		break;
	case UI_NAV_HOME:
		impression_pick = IMPRESSION_MIN;
		break;
	case UI_NAV_END:
		impression_pick = IMPRESSION_MAX;
		break;
	default:
		break;
	}
	return UI_REVIEW_USED;
}

/* A later trial of the same approach ended on the same day as row: the
 * impression, saved by approach and day, would go to that one. */
static int
ended_again(const struct review *rv, const struct review_row *row)
{
	size_t i;

	for (i = 0; i < rv->nrows; i++)
		if (!rv->rows[i].running &&
		    rv->rows[i].trial_id > row->trial_id &&
		    strcmp(rv->rows[i].approach, row->approach) == 0 &&
		    strcmp(rv->rows[i].ended_on, row->ended_on) == 0)
			return 1;
	return 0;
}

/* Keys while a question is open: every key is used, so q and Esc cancel
 * the question rather than leave the screen. */
static enum ui_review_did
answer(struct ui *ui, const struct review_row *row, int key)
{
	if (ask == UI_ASK_IMPRESSION)
		return answer_impression(ui, row, key);
	if (ask == UI_ASK_NEXT)
		return answer_next(ui, key);
	if (ask == UI_ASK_HABIT || ask == UI_ASK_CONFIRM ||
	    ask == UI_ASK_PAUSE || ask == UI_ASK_RESUME) {
		enum ui_review_ask was = ask;

		if (key != 'y') {
			cancel(ui);
			return UI_REVIEW_USED;
		}
		ask = UI_ASK_NONE;
		if (was == UI_ASK_PAUSE || was == UI_ASK_RESUME)
			return save_pause(ui, row, was);
		if (was == UI_ASK_HABIT)
			return save_habit(ui, row, OUTCOME_HELPED);
		if (picked_in == UI_ASK_KEEP)
			return save_habit(ui, row, choices[choice]);
		return save_outcome(ui, row);
	}
	if (key == UI_KEY_ESC || key == 'q') {
		cancel(ui);
		return UI_REVIEW_USED;
	}
	if (key == UI_KEY_ENTER) {
		picked_in = ask;
		ask = UI_ASK_CONFIRM;
		return UI_REVIEW_USED;
	}
	switch (ui_nav(key)) {
	case UI_NAV_LEFT:
	case UI_NAV_UP:
		choice = choice > 0 ? choice - 1 : 0;
		break;
	case UI_NAV_RIGHT:
	case UI_NAV_DOWN:
		choice = choice + 1 < nchoices ? choice + 1 : choice;
		break;
	default:
		break;
	}
	return UI_REVIEW_USED;
}

/* The decisions: c, m and s for a running trial, o and i for an ended one.
 * None is a vi key, so j and k still move between trials. */
static enum ui_review_did
decide(struct ui *ui, const struct review *rv, const struct program_plan *plan,
       const struct review_row *row, int key)
{
	const char *name = review_row_name(row);

	if (row->tool_use &&
	    (key == 'c' || key == 'm' || key == 's' || key == 'o' ||
	     key == 'i' || key == UI_KEY_ENTER)) {
		ui_message(ui, UI_C_NORMAL,
			   "\"%s\" was used outside a trial, so there is "
			   "nothing to decide here; its page in the plan (p "
			   "on Today) starts a trial of it.",
			   name);
		return UI_REVIEW_USED;
	}
	switch (key) {
	case 'c':
		if (!row->running) {
			ui_message(ui, UI_C_NORMAL,
				   "\"%s\" has ended; o changes its outcome.",
				   name);
			return UI_REVIEW_USED;
		}
		ui_message(ui, UI_C_GOOD,
			   "Nothing saved: \"%s\" keeps running, day %d.", name,
			   row->result.days);
		ui_pop(ui);
		return UI_REVIEW_USED;
	case 'm':
	case 's':
		if (!row->running) {
			ui_message(ui, UI_C_NORMAL,
				   "\"%s\" has ended; o changes its outcome.",
				   name);
		} else if (key == 'm') {
			next_approach = next_to_start(ui, plan, row);
			if (review_suggested(row) == OUTCOME_HELPED)
				ask = UI_ASK_HABIT;
			else
				open_choice(UI_ASK_KEEP, all_choices, NALL,
					    review_suggested(row));
		} else {
			open_choice(UI_ASK_STOP, stop_choices, NSTOP,
				    review_suggested(row));
		}
		return UI_REVIEW_USED;
	case 'i':
		if (row->running)
			ui_message(ui, UI_C_NORMAL,
				   "\"%s\" is running: your impression is "
				   "asked when it ends (m or s).",
				   name);
		else if (ended_again(rv, row))
			ui_message(ui, UI_C_WARNING,
				   "\"%s\" ran again and ended the same day: "
				   "only the later trial can take an "
				   "impression.",
				   name);
		else
			ask_impression(row, row->impression == ENTRY_NONE
						? 0
						: row->impression);
		return UI_REVIEW_USED;
	case 'p':
		/* Offered, never forced: only where the review offers it. */
		if (row->offer_pause)
			ask = UI_ASK_PAUSE;
		else
			ui_message(ui, UI_C_NORMAL,
				   "A pause week is offered for a running "
				   "trial of an approach whose effect should "
				   "fade when stopped, once it seems to "
				   "help.");
		return UI_REVIEW_USED;
	case 'r':
		if (row->in_week)
			ask = UI_ASK_RESUME;
		else
			ui_message(ui, UI_C_NORMAL, "\"%s\" is not paused.",
				   name);
		return UI_REVIEW_USED;
	case 'o':
	case UI_KEY_ENTER:
		if (row->running)
			ui_message(
			    ui, UI_C_NORMAL,
			    "\"%s\" is running: c keeps going, m keeps it "
			    "as a habit, s stops it.",
			    name);
		else
			open_choice(UI_ASK_OUTCOME, all_choices, NALL,
				    row->outcome != OUTCOME_NONE
					? row->outcome
					: review_suggested(row));
		return UI_REVIEW_USED;
	default:
		return UI_REVIEW_UNUSED;
	}
}

enum ui_review_did
ui_review_decide_key(struct ui *ui, const struct review *rv,
		     const struct program_plan *plan,
		     const struct review_row *row, int key)
{
	if (ask != UI_ASK_NONE)
		return answer(ui, row, key);
	return decide(ui, rv, plan, row, key);
}

void
ui_review_decide_saved(struct ui *ui, const struct review_row *row)
{
	long long id = impression_next;

	impression_next = 0;
	if (id != 0 && row != NULL && row->trial_id == id)
		ask_impression(row, 0);
	/* The impression answered or not asked: the next approach. */
	if (ask == UI_ASK_NONE)
		ask_next(ui);
}

void
ui_review_decide_cancel(void)
{
	ask = UI_ASK_NONE;
	offer = NULL;
}

void
ui_review_decide_check(struct ui *ui, const struct review_row *row)
{
	if (ask == UI_ASK_IMPRESSION &&
	    (row->running || row->trial_id != impression_trial))
		ask = UI_ASK_NONE;
	if (ask == UI_ASK_NEXT && offer == NULL)
		ask = UI_ASK_NONE;
	else if (ask == UI_ASK_NEXT)
		recheck_look(ui);
}
