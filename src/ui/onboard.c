/*
 * onboard.c: the first run. What backpain is and is not; the recent-injury
 * question; the red-flag questions one at a time, each answer saved at once
 * (an emergency answer shows the urgent-care screen before anything else,
 * "soon" answers are gathered and shown together at the end); the usual
 * pain of the last week; then the plan. From the safety screen it can ask
 * the red-flag questions alone again (ui->onboard_flags_only); when a
 * re-check is due or a new approach starts, one short screen asks whether
 * anything is new since the emergency questions were last answered
 * (ui->onboard_recheck): "nothing new" saves a dated no to each of them,
 * "yes" asks them one by one. A re-check also asks, one by one and
 * whatever their urgency, the questions whose latest answer was given to
 * an earlier wording (program.h: stale); they are not in the "anything
 * new?" list, as a new wording needs reading.
 */
#include <stdlib.h>
#include <string.h>

#include "content.h"
#include "program.h"
#include "ui_int.h"
#include "util.h"

enum step {
	STEP_ABOUT,
	STEP_INJURY,
	STEP_INJURY_ADVICE,
	STEP_FLAG,
	STEP_URGENT,
	STEP_SOON,
	STEP_USUAL,
	STEP_PLAN,
	STEP_RECHECK,
};

const struct ui_keyhelp ui_onboard_keys[] = {
    {"Enter", "continue; on a question, take the chosen answer"},
    {"y, n", "answer yes or no"},
    {"Left Right, h l", "choose yes or no; change the rating"},
    {"0-9", "rate your usual pain (1 then 0 gives 10)"},
    {"j k, arrows", "scroll long text"},
    {"q", "stop for now (answers given so far are kept)"},
    {NULL, NULL},
};

static enum step step;
static size_t flag; /* the red flag being asked */
static int *soon;   /* per red flag: answered yes and urgency soon */
/* 1: "yes" chosen, 0: "no", -1: neither yet. A safety question has no
 * default: Enter answers only what the person chose. */
static int yes_no;
static int flags_only;
static int recheck;	    /* only the emergency and stale questions */
static int *stale;	    /* per red flag: answered to an earlier wording */
static int stale_only;	    /* after "nothing new": the stale ones left */
static char since[DAY_LEN]; /* STEP_RECHECK: when they were last answered */
static struct ui_picker usual;
static struct ui_view view;
static int view_h = 1; /* rows the text had at the last draw */

static int any_listed(const struct ui *);
static size_t flag_after(const struct ui *, size_t i);

static void
go(enum step s)
{
	step = s;
	view.top = 0;
	yes_no = -1;
}

/* Text below the rows shown: Enter reads on before it goes on. */
static int
more_below(void)
{
	return view.top + view_h < (int)view.n;
}

const char *
ui_onboard_title(void)
{
	if (recheck)
		return "Safety check";
	return flags_only ? "Safety questions" : "Getting started";
}

void
ui_onboard_enter(struct ui *ui, int fresh)
{
	if (!fresh)
		return;
	free(soon);
	soon = xcalloc(ui->pack->nred_flags + 1, sizeof *soon);
	free(stale);
	stale = xcalloc(ui->pack->nred_flags + 1, sizeof *stale);
	stale_only = 0;
	flag = 0;
	flags_only = ui->onboard_flags_only;
	ui->onboard_flags_only = 0;
	recheck = ui->onboard_recheck;
	ui->onboard_recheck = 0;
	usual.value = -1;
	if (recheck) {
		struct program_safety s;
		char today[DAY_LEN], *cause = NULL;

		flags_only = 1;
		since[0] = '\0';
		ui_today(ui, today);
		if (program_safety_load(ui->pack, ui->store, today, &s,
					&cause) != 0)
			ui_error(ui, cause);
		else {
			size_t i;

			memcpy(since, s.since, DAY_LEN);
			for (i = 0; i < s.nflags; i++)
				stale[i] = s.flags[i].stale;
			program_safety_free(&s);
		}
		go(STEP_RECHECK);
		/* Every emergency question has a new wording: no list of
		 * them to ask about, each is asked. */
		if (!any_listed(ui) &&
		    (flag = flag_after(ui, ui->pack->nred_flags)) <
			ui->pack->nred_flags)
			go(STEP_FLAG);
		return;
	}
	go(flags_only ? STEP_FLAG : STEP_ABOUT);
}

/* Whether the "anything new?" list of a re-check holds flag i: an
 * emergency question not answered to an earlier wording. */
static int
listed(const struct ui *ui, size_t i)
{
	return ui->pack->red_flags[i].urgency == URGENCY_EMERGENCY && !stale[i];
}

static int
any_listed(const struct ui *ui)
{
	size_t i;

	for (i = 0; i < ui->pack->nred_flags; i++)
		if (listed(ui, i))
			return 1;
	return 0;
}

/* The flag to ask after i (or the first when i is the count): every one,
 * or in a re-check the emergency ones and those answered to an earlier
 * wording (after "nothing new", only these). */
static size_t
flag_after(const struct ui *ui, size_t i)
{
	size_t n = ui->pack->nred_flags;

	for (i = i == n ? 0 : i + 1; i < n; i++)
		if (!recheck || stale[i] ||
		    (!stale_only &&
		     ui->pack->red_flags[i].urgency == URGENCY_EMERGENCY))
			break;
	return i;
}

/* "Nothing new": a dated no to each question of the list; then the
 * questions with a new wording, one by one. */
static void
nothing_new(struct ui *ui)
{
	const char *ids[64];
	int no[64];
	size_t i, n = 0;
	char *cause = NULL;

	for (i = 0; i < ui->pack->nred_flags && n < 64; i++)
		if (listed(ui, i)) {
			ids[n] = ui->pack->red_flags[i].id;
			no[n++] = 0;
		}
	if (program_screening_many(ui->pack, ui->store, ids, no, n, NULL,
				   &cause) != 0) {
		ui_error(ui, cause);
		return;
	}
	stale_only = 1;
	if ((flag = flag_after(ui, ui->pack->nred_flags)) <
	    ui->pack->nred_flags) {
		go(STEP_FLAG);
		ui_message(ui, UI_C_GOOD,
			   "Saved: nothing new. These questions have a new "
			   "wording since you answered them.");
		return;
	}
	ui_pop(ui);
	ui_message(ui, UI_C_GOOD, "Saved: nothing new. Thank you.");
}

static int
any_soon(const struct ui *ui)
{
	size_t i;

	for (i = 0; i < ui->pack->nred_flags; i++)
		if (soon[i])
			return 1;
	return 0;
}

static void
after_flags(struct ui *ui)
{
	if (any_soon(ui))
		go(STEP_SOON);
	else if (flags_only)
		ui_pop(ui);
	else
		go(STEP_USUAL);
}

static void
next_flag(struct ui *ui)
{
	size_t next = flag_after(ui, flag);

	if (next < ui->pack->nred_flags) {
		flag = next;
		go(STEP_FLAG);
	} else {
		after_flags(ui);
	}
}

/* Shows a refusal or an error of the log; 0 when rc is 0, else -1. */
static int
saved(struct ui *ui, int rc, char *cause)
{
	if (rc == 0)
		return 0;
	ui_error(ui, cause);
	return -1;
}

static int
save_screening(struct ui *ui, const char *id, int yes)
{
	char *cause = NULL;
	int rc = program_screening(ui->pack, ui->store, id, yes, &cause);

	return saved(ui, rc, cause);
}

static void
answer(struct ui *ui, int yes)
{
	const struct red_flag *f;

	if (step == STEP_INJURY) {
		if (save_screening(ui, SCREENING_INJURY, yes) != 0)
			return;
		flag = 0;
		go(yes ? STEP_INJURY_ADVICE : STEP_FLAG);
		return;
	}
	f = &ui->pack->red_flags[flag];
	if (save_screening(ui, f->id, yes) != 0)
		return;
	if (yes && f->urgency == URGENCY_EMERGENCY)
		go(STEP_URGENT);
	else {
		soon[flag] = yes && f->urgency == URGENCY_SOON;
		next_flag(ui);
	}
}

static void
finish(struct ui *ui)
{
	char today[DAY_LEN], *cause = NULL;
	int rc;

	ui_today(ui, today);
	rc = program_onboarded(ui->store, today, today, &cause);
	if (saved(ui, rc, cause) != 0)
		return;
	if (ui->depth <= 1)
		ui_reset(ui, UI_TODAY);
	else
		ui_pop(ui);
}

static void
confirm(struct ui *ui)
{
	char *cause = NULL;
	int rc;

	switch (step) {
	case STEP_ABOUT:
		go(STEP_INJURY);
		break;
	case STEP_INJURY:
	case STEP_FLAG:
		if (yes_no < 0)
			ui_message(ui, UI_C_NORMAL,
				   "Answer y or n (or choose with Left or "
				   "Right, then Enter).");
		else
			answer(ui, yes_no);
		break;
	case STEP_INJURY_ADVICE:
		flag = 0;
		go(STEP_FLAG);
		break;
	case STEP_URGENT:
		next_flag(ui);
		break;
	case STEP_SOON:
		if (flags_only)
			ui_pop(ui);
		else
			go(STEP_USUAL);
		break;
	case STEP_USUAL:
		if (usual.value < 0) {
			ui_message(ui, UI_C_WARNING, "Pick a number first.");
			break;
		}
		rc = program_usual_pain(ui->store, usual.value, &cause);
		if (saved(ui, rc, cause) == 0)
			go(STEP_PLAN);
		break;
	case STEP_PLAN:
		finish(ui);
		break;
	case STEP_RECHECK:
		break;
	}
}

static void
build_text(const struct ui *ui, int w)
{
	const struct pack *p = ui->pack;
	const struct red_flag *f = &p->red_flags[flag];
	size_t i;

	ui_view_clear(&view);
	switch (step) {
	case STEP_ABOUT:
		ui_view_add(&view, w, UI_C_HEADING, 0, NULL, p->title);
		ui_view_add(&view, w, UI_C_NORMAL, 0, NULL, p->about);
		ui_view_blank(&view);
		ui_view_add(&view, w, UI_C_HEADING, 0, NULL, "Disclaimer");
		ui_view_add(&view, w, UI_C_NORMAL, 0, NULL, p->disclaimer);
		break;
	case STEP_INJURY:
		ui_view_add(&view, w, UI_C_HEADING, 0, NULL,
			    "First, a question");
		ui_view_add(&view, w, UI_C_NORMAL, 0, NULL,
			    p->onboarding.injury_question);
		break;
	case STEP_INJURY_ADVICE:
		ui_view_add(&view, w, UI_C_WARNING, 0, NULL,
			    p->onboarding.injury_advice);
		break;
	case STEP_FLAG:
		ui_view_addf(&view, w, UI_C_HEADING, 0,
			     "Safety question %zu of %zu", flag + 1,
			     p->nred_flags);
		ui_view_add(&view, w, UI_C_NORMAL, 0, NULL, f->question);
		if (stale != NULL && stale[flag]) {
			ui_view_blank(&view);
			ui_view_add(&view, w, UI_C_WARNING, 0, NULL,
				    "This question has a new wording since "
				    "you last answered it: please answer it "
				    "again.");
		}
		break;
	case STEP_URGENT:
		ui_view_add(&view, w, UI_C_URGENT, 0, NULL,
			    "Please get urgent medical care now.");
		ui_view_blank(&view);
		ui_view_add(&view, w, UI_C_URGENT, 0, NULL, f->advice);
		ui_view_blank(&view);
		ui_view_add(&view, w, UI_C_DIM, 0, NULL, f->question);
		ui_view_blank(&view);
		ui_view_add(&view, w, UI_C_WARNING, 0, NULL,
			    "The approaches here wait until a doctor has "
			    "checked this; then record the check on the "
			    "Safety screen.");
		break;
	case STEP_RECHECK:
		if (since[0] != '\0')
			ui_view_addf(&view, w, UI_C_HEADING, 0,
				     "Anything new since %s?", since);
		else
			ui_view_add(&view, w, UI_C_HEADING, 0, NULL,
				    "Anything new?");
		ui_view_add(&view, w, UI_C_NORMAL, 0, NULL,
			    "Has any of these started since you last "
			    "answered?");
		for (i = 0; i < p->nred_flags; i++)
			if (listed(ui, i)) {
				ui_view_blank(&view);
				ui_view_add(&view, w, UI_C_NORMAL, 0, "- ",
					    p->red_flags[i].question);
			}
		break;
	case STEP_SOON:
		ui_view_add(&view, w, UI_C_WARNING, 0, NULL,
			    "See a doctor soon.");
		for (i = 0; i < p->nred_flags; i++) {
			if (!soon[i])
				continue;
			ui_view_blank(&view);
			ui_view_add(&view, w, UI_C_NORMAL, 0, "- ",
				    p->red_flags[i].question);
			ui_view_add(&view, w, UI_C_WARNING, 2, NULL,
				    p->red_flags[i].advice);
			ui_view_add(&view, w, UI_C_DIM, 2, NULL,
				    p->red_flags[i].holds
					? "The approaches here wait until a "
					  "doctor has checked this; then "
					  "record the check on the Safety "
					  "screen."
					: "The approaches here may go on "
					  "meanwhile.");
		}
		break;
	case STEP_USUAL:
		ui_view_add(&view, w, UI_C_HEADING, 0, NULL, "Your usual pain");
		ui_view_add(&view, w, UI_C_NORMAL, 0, NULL,
			    p->onboarding.usual_pain_question);
		break;
	case STEP_PLAN:
		ui_view_add(&view, w, UI_C_HEADING, 0, NULL,
			    "The plan: one approach at a time, in this order");
		for (i = 0; i < p->napproaches; i++) {
			ui_view_blank(&view);
			ui_view_addf(&view, w, UI_C_NORMAL, 0, "%zu. %s", i + 1,
				     p->approaches[i].title);
			ui_view_add(&view, w, UI_C_DIM, 3, NULL,
				    p->approaches[i].summary);
		}
		break;
	}
}

static const char *
prompt(void)
{
	/* A page with text below its rows: Enter reads on first. */
	if (step != STEP_INJURY && step != STEP_FLAG && step != STEP_USUAL &&
	    step != STEP_RECHECK && more_below())
		return "Enter: read on (more below)    q: stop for now";
	switch (step) {
	case STEP_INJURY:
	case STEP_FLAG:
		return NULL; /* the yes/no choice */
	case STEP_INJURY_ADVICE:
		return "Enter: I understand, continue    q: stop for now";
	case STEP_URGENT:
		return "Enter: I understand, go on with the questions";
	case STEP_USUAL:
		return "0-9 or Left Right: your usual pain    Enter: continue";
	case STEP_PLAN:
		return "Enter: begin";
	case STEP_RECHECK:
		return "n: nothing new    y: yes, something is new    q: not "
		       "now";
	default:
		return "Enter: continue";
	}
}

void
ui_onboard_draw(struct ui *ui)
{
	int w = ui_text_width(ui), bottom = ui->y0 + ui->h - 1, texth, prows;
	const char *pr;

	build_text(ui, w);
	/* The prompt at the bottom, whole (the yes/no choice is one row),
	 * below a blank row. Whether it says "read on" depends on the rows
	 * the text gets, which depend on the prompt's: the one row of each
	 * is the same, and a taller prompt only leaves fewer. */
	view_h = ui->h - 2;
	pr = prompt();
	prows = pr != NULL ? ui_words_rows(pr, ui->w - 2) : 1;
	texth = ui->h - 1 - prows;
	view_h = texth;
	pr = prompt();
	if (step == STEP_USUAL) {
		texth =
		    ui->h - 2 - prows - (int)ui->pack->pain_scale.nanchors - 2;
		ui_picker_draw(&usual, ui->y0 + texth + 1, 3, ui->w - 4, 1);
		ui_anchors_draw(&ui->pack->pain_scale, usual.value,
				ui->y0 + texth + 3, 3,
				(int)ui->pack->pain_scale.nanchors, ui->w - 4);
	}
	view_h = texth;
	ui_show_view(ui, &view, ui->y0, texth);
	if (pr != NULL) {
		ui_put_words(bottom - prows + 1, 1, pr, ui->w - 2, prows,
			     step == STEP_URGENT ? UI_C_URGENT : UI_C_HEADING);
		return;
	}
	ui_put(bottom, 3, " Yes ", 5, 0,
	       yes_no == 1 ? UI_C_SELECTED : UI_C_NORMAL);
	ui_put(bottom, 10, " No ", 4, 0,
	       yes_no == 0 ? UI_C_SELECTED : UI_C_NORMAL);
	ui_put_words(bottom, 17, "y yes, n no, or Left Right and Enter",
		     ui->w - 18, 1, UI_C_DIM);
}

int
ui_onboard_key(struct ui *ui, int key)
{
	int asking = step == STEP_INJURY || step == STEP_FLAG;

	if (step == STEP_RECHECK && (key == 'n' || key == 'y')) {
		if (key == 'n')
			nothing_new(ui);
		else if ((flag = flag_after(ui, ui->pack->nred_flags)) <
			 ui->pack->nred_flags)
			go(STEP_FLAG);
		return 1;
	}
	/* A page of text with more below: Enter shows it first, so that
	 * no part of what backpain is and is not goes unread. */
	if (key == UI_KEY_ENTER && !asking && step != STEP_USUAL &&
	    step != STEP_RECHECK && more_below()) {
		ui_view_key(&view, UI_FKEY(KEY_NPAGE), view_h);
		return 1;
	}
	if (key == UI_KEY_ENTER) {
		confirm(ui);
		return 1;
	}
	if (asking && (key == 'y' || key == 'n')) {
		answer(ui, key == 'y');
		return 1;
	}
	if (asking && ui_nav(key) == UI_NAV_LEFT) {
		yes_no = 1;
		return 1;
	}
	if (asking && ui_nav(key) == UI_NAV_RIGHT) {
		yes_no = 0;
		return 1;
	}
	if (asking && key == UI_KEY_TAB) {
		yes_no = yes_no != 1;
		return 1;
	}
	if (step == STEP_USUAL && ui_picker_key(&usual, key))
		return 1;
	return ui_view_key(&view, key, view_h);
}

void
ui_onboard_free(void)
{
	free(soon);
	soon = NULL;
	free(stale);
	stale = NULL;
	ui_view_free(&view);
}
