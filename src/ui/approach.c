/* approach.c: one approach in full, wrapped to the screen and scrollable,
 * with its actions: start it, practise now, stop it. */
#include <stdlib.h>
#include <string.h>

#include "content.h"
#include "program.h"
#include "ui_int.h"
#include "util.h"

/* What a key press is waiting for besides scrolling. */
enum ask { ASK_NONE, ASK_START, ASK_STOP };

const struct ui_keyhelp ui_approach_keys[] = {
    {"j k, arrows", "scroll"},
    {"PgUp PgDn, g G", "page up and down, top and bottom"},
    {"s", "start this approach today (asks first)"},
    {"p", "practise now, with a timer"},
    {"x", "stop this approach (asks how it went)"},
    {"u", "in its pause week: take it up again today"},
    {"w", "where the pack offers it (expert help): write the one-page "
	  "summary for a therapist"},
    {"r", "where w is offered (expert help): further reading"},
    {"q, Esc", "back"},
    {NULL, NULL},
};

static struct ui_view view;
static struct program_plan plan;
static int loaded;
static enum ask ask;
static struct program_safety safety;
static int safety_loaded;
static char today[DAY_LEN];
/* Check-ins in the days before today, counted when s asks to start. */
static int before_n;
/* The rows of the text at the last draw, below what is on top. */
static int view_h = 1;
/* r at "Start it today?" went to the safety re-check: back from it, the
 * question is asked again (or the hold it found is said). */
static int start_after_recheck;

static void offer_start(struct ui *);

void
ui_approach_enter(struct ui *ui, int fresh)
{
	char *cause = NULL;

	if (fresh) {
		view.top = 0;
		ask = ASK_NONE;
	}
	ui_plan_reload(ui, &plan, &loaded);
	if (safety_loaded)
		program_safety_free(&safety);
	ui_today(ui, today);
	safety_loaded = program_safety_load(ui->pack, ui->store, today, &safety,
					    &cause) == 0;
	if (!safety_loaded)
		ui_error(ui, cause);
	else if (start_after_recheck && !fresh)
		offer_start(ui);
	start_after_recheck = 0;
}

/* The emergency questions were last answered before today, or a question
 * was answered to an earlier wording: starting a new approach offers them
 * again. */
static int
recheck_offered(void)
{
	/* An answer to an earlier wording (stale) is asked again too. */
	return safety_loaded &&
	       (program_recheck_offered(&safety, today) || safety.stale > 0);
}

/* Says why an approach may not start, in one line; 1 when refused. */
static int
start_refused(struct ui *ui)
{
	if (!safety_loaded)
		return 1;
	if (safety.unanswered > 0) {
		ui_message(ui, UI_C_WARNING,
			   "Not yet: answer the safety questions first "
			   "(! then a). Check-ins work meanwhile.");
		return 1;
	}
	if (safety.holding > 0) {
		ui_message(ui, UI_C_WARNING,
			   "On hold: a yes to a safety question waits for a "
			   "doctor's check. Get checked, then record it (! "
			   "then c).");
		return 1;
	}
	return 0;
}

static const struct approach *
current(const struct ui *ui)
{
	if (ui->approach < 0 || (size_t)ui->approach >= ui->pack->napproaches)
		return NULL;
	return &ui->pack->approaches[ui->approach];
}

static const struct program_step *
step(const struct ui *ui)
{
	if (!loaded || ui->approach < 0 || (size_t)ui->approach >= plan.nsteps)
		return NULL;
	return &plan.steps[ui->approach];
}

static void
heading(int w, const char *text)
{
	ui_view_blank(&view);
	ui_view_add(&view, w, UI_C_HEADING, 0, NULL, text);
}

static void
bullets(int w, const struct strlist *l, enum ui_color c, int numbered,
	int indent)
{
	size_t i;
	char mark[32];

	for (i = 0; i < l->n; i++) {
		if (numbered)
			snprintf(mark, sizeof mark, "%zu. ", i + 1);
		else
			snprintf(mark, sizeof mark, "- ");
		ui_view_add(&view, w, c, indent, mark, l->v[i]);
	}
}

static void
add_resources(int w, const struct approach *a)
{
	size_t i;
	char *line, *year;

	for (i = 0; i < a->nresources; i++) {
		const struct resource *r = &a->resources[i];

		year = r->year ? xasprintf(" (%d)", r->year) : xstrdup("");
		line = xasprintf(
		    "%s: %s%s%s%s", content_resource_kind_name(r->kind),
		    r->title, r->by ? ", by " : "", r->by ? r->by : "", year);
		ui_view_add(&view, w, UI_C_NORMAL, 0, "- ", line);
		if (r->note)
			ui_view_add(&view, w, UI_C_DIM, 2, NULL, r->note);
		free(line);
		free(year);
	}
}

static void
add_practices(int w, const struct approach *a)
{
	size_t i;

	for (i = 0; i < a->npractices; i++) {
		const struct practice *p = &a->practices[i];

		ui_view_addf(&view, w, UI_C_NORMAL, 0, "- %s: %d min, %d a day",
			     p->title, p->minutes, p->per_day);
		bullets(w, &p->steps, UI_C_DIM, 1, 2);
	}
}

static void
add_questions(int w, const struct approach *a)
{
	size_t i, j;
	struct buf b;

	for (i = 0; i < a->nquestions; i++) {
		const struct question *q = &a->questions[i];

		ui_view_add(&view, w, UI_C_NORMAL, 0, "- ", q->text);
		buf_init(&b);
		for (j = 0; j < q->choices.n; j++)
			buf_printf(&b, "%s%s", j ? " / " : "", q->choices.v[j]);
		ui_view_add(&view, w, UI_C_DIM, 2, NULL, b.data);
		buf_free(&b);
		if (q->warn_if)
			ui_view_addf(&view, w, UI_C_WARNING, 2, "%s: %s",
				     q->warn_if, q->warning);
	}
}

static void
add_state(int w, const struct approach *a)
{
	const struct program_step *st = NULL;
	struct buf why;
	size_t i;

	buf_init(&why);
	for (i = 0; loaded && i < plan.nsteps; i++)
		if (plan.steps[i].approach == a)
			st = &plan.steps[i];
	if (st == NULL || st->state == PROGRAM_NOT_STARTED)
		ui_view_add(&view, w, UI_C_DIM, 0, NULL, "Not started yet.");
	else if (st->state == PROGRAM_RUNNING &&
		 program_step_paused_words(&why, st, 0)) {
		/* Held or in its pause week: in the model's words, its count
		 * after them. */
		buf_adds(&why, ", ");
		program_step_day_words(&why, st);
		buf_addc(&why, '.');
		buf_adds(&why, st->paused
				   ? " Days on hold do not count; it goes on "
				     "when the hold is lifted."
				   : " Days paused do not count; u takes it up "
				     "again.");
		ui_view_addf(&view, w, st->paused ? UI_C_WARNING : UI_C_NORMAL,
			     0, "Running since %s: %s", st->started_on,
			     why.data);
	} else if (st->state == PROGRAM_RUNNING && st->day == 0)
		ui_view_addf(&view, w, UI_C_GOOD, 0,
			     "Starts on %s, a day still to come.",
			     st->started_on);
	else if (st->state == PROGRAM_RUNNING) {
		/* Its count, past its length too, in the model's words. */
		program_step_day_words(&why, st);
		ui_view_addf(&view, w,
			     st->review_due ? UI_C_WARNING : UI_C_GOOD, 0,
			     "Running since %s: %s.", st->started_on, why.data);
	} else
		ui_view_addf(&view, w, UI_C_NORMAL, 0, "Tried: %s to %s (%s).",
			     st->started_on, st->ended_on,
			     program_trial_words(0, st->habit, st->outcome));
	if (st != NULL && st->state == PROGRAM_RUNNING && !st->paused &&
	    st->held > 0)
		ui_view_addf(&view, w, UI_C_DIM, 0,
			     "%d day%s on hold for safety did not count.",
			     st->held, st->held == 1 ? "" : "s");
	buf_free(&why);
}

static void
build(const struct ui *ui, const struct approach *a)
{
	int w = ui_text_width(ui);
	size_t i;

	ui_view_clear(&view);
	ui_view_add(&view, w, UI_C_HEADING, 0, NULL, a->title);
	if (a->trial_days > 0)
		ui_view_addf(&view, w, UI_C_DIM, 0,
			     "Effort: %s. Try it for %d days, then judge.",
			     content_effort_name(a->effort), a->trial_days);
	else
		ui_view_addf(&view, w, UI_C_DIM, 0, "Effort: %s. Open-ended.",
			     content_effort_name(a->effort));
	add_state(w, a);
	ui_view_blank(&view);
	ui_view_add(&view, w, UI_C_NORMAL, 0, NULL, a->summary);
	heading(w, "How it sees the pain");
	ui_view_add(&view, w, UI_C_NORMAL, 0, NULL, a->model);
	heading(w, "Who it tends to suit");
	bullets(w, &a->suits, UI_C_NORMAL, 0, 0);
	if (a->principles.n) {
		heading(w, "Principles");
		bullets(w, &a->principles, UI_C_NORMAL, 0, 0);
	}
	heading(w, "Steps");
	bullets(w, &a->steps, UI_C_NORMAL, 1, 0);
	if (a->nresources) {
		heading(w, "Resources");
		add_resources(w, a);
	}
	if (a->npractices) {
		heading(w, "Practices");
		add_practices(w, a);
	}
	if (a->cautions.n) {
		heading(w, "Cautions");
		bullets(w, &a->cautions, UI_C_WARNING, 0, 0);
	}
	if (a->nquestions) {
		heading(w, "Questions at each check-in while it runs");
		add_questions(w, a);
	}
	if (a->nevidence) {
		heading(w, "Evidence");
		for (i = 0; i < a->nevidence; i++) {
			ui_view_add(&view, w, UI_C_NORMAL, 0, "- ",
				    a->evidence[i].claim);
			ui_view_addf(&view, w, UI_C_DIM, 2, "Source: %s",
				     a->evidence[i].source);
		}
	}
}

/* The keys of the approach on top of the screen, each kept whole when
 * they wrap; returns the rows used. */
static int
draw_keys(const struct ui *ui, const struct approach *a,
	  const struct program_step *st, int h)
{
	struct ui_flow f;
	const char *keys[4];
	size_t n = 0, i;

	if (st && st->state == PROGRAM_RUNNING) {
		keys[n++] = "p practise now";
		keys[n++] = "x stop this approach";
	} else {
		keys[n++] = "s start this approach";
		keys[n++] = "p practise now";
	}
	if (a->report)
		keys[n++] = "w write the summary for your therapist";
	ui_flow_begin(&f, ui->y0, 1, ui->w - 2, h, 0);
	for (i = 0; i < n; i++) {
		if (i > 0)
			ui_flow_put(&f, UI_C_DIM, "   ");
		ui_flow_keep(&f, UI_C_DIM, keys[i]);
	}
	if (a->report) {
		ui_flow_newline(&f);
		ui_flow_keep(&f, UI_C_DIM, "r further reading");
	}
	return ui_flow_end(&f);
}

/* A question on top of the screen with its choices, whole: s asks
 * whether to start (and warns when there is no baseline), x how it went.
 * Returns the rows used. */
static int
draw_ask(const struct ui *ui, const struct approach *a, int h)
{
	int w = ui->w - 2, y = ui->y0, end = ui->y0 + h, n, i;
	const struct program_step *pausing;
	char *q, *warn = NULL;

	if (ask == ASK_STOP)
		q = xstrdup("Stop it. How did it go? h helped, n no change, "
			    "w worse, s just stop, Esc cancel");
	else if (recheck_offered() && safety.stale > 0)
		q = xasprintf("Start \"%s\" today? y yes, n no, r first: the "
			      "safety questions with a new wording",
			      a->title);
	else if (recheck_offered())
		q = xasprintf("Start \"%s\" today? y yes, n no, r first: "
			      "anything new since %s?",
			      a->title, safety.since);
	else
		q = xasprintf("Start \"%s\" today? y yes, n no", a->title);
	if (ask == ASK_START && loaded &&
	    (pausing = program_plan_pausing(&plan, a)) != NULL)
		warn = xasprintf("\"%s\" is in its pause week or the days back "
				 "after it: a new approach now mixes with it, "
				 "and the pause could no longer tell whether "
				 "it helped. Finish the pause first to keep it "
				 "clear.",
				 pausing->approach->title);
	else if (ask == ASK_START && !a->flare_tool &&
		 before_n < ANALYSIS_BEFORE_MIN_CHECKINS)
		warn = xasprintf("No baseline: %d of %d ratings in the %d days "
				 "before today, so its effect cannot be "
				 "judged.",
				 before_n, ANALYSIS_BEFORE_MIN_CHECKINS,
				 ANALYSIS_BEFORE_DAYS);
	n = ui_words_rows(q, w - 2);
	for (i = 0; i < n && y + i < end; i++)
		ui_fill(y + i, 1, w, UI_C_SELECTED);
	y += ui_put_words(y, 2, q, w - 2, end - y, UI_C_SELECTED);
	if (warn != NULL)
		y += ui_put_words(y, 1, warn, w, end - y, UI_C_WARNING);
	free(q);
	free(warn);
	return y - ui->y0;
}

void
ui_approach_draw(struct ui *ui)
{
	const struct approach *a = current(ui);
	const struct program_step *st = step(ui);
	int top, view_y;

	if (a == NULL)
		return;
	build(ui, a);
	/* What is on top takes the rows it needs, half the body at most;
	 * the text follows below a blank row (none after two rows). */
	if (ask == ASK_NONE)
		top = draw_keys(ui, a, st, ui->h / 2);
	else
		top = draw_ask(ui, a, ui->h / 2);
	view_y = ui->y0 + (top < 2 ? 2 : top);
	view_h = ui->y0 + ui->h - view_y;
	ui_show_view(ui, &view, view_y, view_h);
}

static void
start(struct ui *ui, const struct approach *a)
{
	char day[DAY_LEN], *cause = NULL;
	const char *shared = NULL;
	const struct approach *other;

	ui_today(ui, day);
	if (program_start(ui->pack, ui->store, a->id, day, &shared, &cause) !=
	    0) {
		ui_error(ui, cause);
		return;
	}
	other = shared ? content_approach(ui->pack, shared) : NULL;
	if (other != NULL)
		ui_message(ui, UI_C_WARNING,
			   "Started. \"%s\" runs too, so a change in pain "
			   "cannot be put down to one of them.",
			   other->title);
	else
		ui_message(ui, UI_C_GOOD, "Started \"%s\" today, day 1.",
			   a->title);
	ui_approach_enter(ui, 0);
}

static void
stop(struct ui *ui, const struct approach *a, enum outcome o)
{
	char day[DAY_LEN], *cause = NULL;

	ui_today(ui, day);
	if (program_stop(ui->pack, ui->store, a->id, day, o, &cause) != 0) {
		ui_error(ui, cause);
		return;
	}
	ui_message(ui, UI_C_GOOD, "Stopped \"%s\" (%s).", a->title,
		   program_outcome_words(o));
	ui_approach_enter(ui, 0);
}

/* u in its pause week: takes it up again today, as the review's r does. */
static void
resume(struct ui *ui, const struct approach *a)
{
	char day[DAY_LEN], *cause = NULL;

	ui_today(ui, day);
	if (program_resume(ui->pack, ui->store, a->id, day, day, &cause) != 0) {
		ui_error(ui, cause);
		return;
	}
	ui_approach_enter(ui, 0);
	ui_message(ui, UI_C_GOOD, "Saved: \"%s\" is taken up again today.",
		   a->title);
}

/* "Start it today?", unless a start is refused now (which says why). */
static void
offer_start(struct ui *ui)
{
	char day[DAY_LEN], *cause = NULL;

	if (start_refused(ui))
		return;
	ui_today(ui, day);
	if (program_baseline_count(ui->store, day, &before_n, &cause) != 0) {
		ui_error(ui, cause);
		return;
	}
	ask = ASK_START;
}

static int
answer(struct ui *ui, const struct approach *a, int key)
{
	enum ask was = ask;

	ask = ASK_NONE;
	if (was == ASK_START) {
		if (key == 'y')
			start(ui, a);
		else if (key == 'r' && recheck_offered()) {
			ui->onboard_recheck = 1;
			start_after_recheck = 1;
			ui_push(ui, UI_ONBOARD);
		}
		return 1;
	}
	switch (key) {
	case 'h':
		stop(ui, a, OUTCOME_HELPED);
		break;
	case 'n':
		stop(ui, a, OUTCOME_NO_CHANGE);
		break;
	case 'w':
		stop(ui, a, OUTCOME_WORSE);
		break;
	case 's':
		stop(ui, a, OUTCOME_STOPPED);
		break;
	default:
		break;
	}
	return 1;
}

int
ui_approach_key(struct ui *ui, int key)
{
	const struct approach *a = current(ui);
	const struct program_step *st = step(ui);

	if (a == NULL)
		return 0;
	if (ask != ASK_NONE)
		return answer(ui, a, key);
	switch (key) {
	case 's':
		if (st && st->state == PROGRAM_RUNNING)
			ui_message(ui, UI_C_NORMAL, "It is running already.");
		else
			offer_start(ui);
		return 1;
	case 'x':
		if (st && st->state == PROGRAM_RUNNING)
			ask = ASK_STOP;
		else
			ui_message(ui, UI_C_NORMAL, "It is not running.");
		return 1;
	case 'w':
		if (!a->report)
			return ui_view_key(&view, key, view_h);
		ui_report_write(ui);
		return 1;
	case 'r':
		if (!a->report)
			return ui_view_key(&view, key, view_h);
		ui_push(ui, UI_READING);
		return 1;
	case 'u':
		if (st == NULL || st->state != PROGRAM_RUNNING || !st->week) {
			ui_message(ui, UI_C_NORMAL,
				   "It is not paused by you: nothing to take "
				   "up again.");
			return 1;
		}
		resume(ui, a);
		return 1;
	case 'p':
		if (a->npractices == 0) {
			ui_message(ui, UI_C_NORMAL,
				   "This approach has no timed practice.");
			return 1;
		}
		ui->practice = a->npractices == 1 ? &a->practices[0] : NULL;
		ui_push(ui, UI_TIMER);
		return 1;
	default:
		return ui_view_key(&view, key, view_h);
	}
}

void
ui_approach_free(void)
{
	ui_view_free(&view);
	if (loaded)
		program_plan_free(&plan);
	loaded = 0;
	if (safety_loaded)
		program_safety_free(&safety);
	safety_loaded = 0;
}
