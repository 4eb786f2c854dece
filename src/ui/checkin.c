/*
 * checkin.c: the daily check-in as a form: pain and interference on 0-10
 * pickers, the practices done that day and the questions of the approaches
 * that ran that day (both as program_day_load() lists them), and a note.
 * [ and ] move to an earlier or later day (never past today); Enter saves
 * through program_checkin(), adding to the day's marks and answers (the
 * form shows them and cannot take one away).
 *
 * The save is refused when the day was saved again since the form read it
 * (another window, `backpain checkin`): the form then shows the check-in
 * as it is now and asks whether to save over it (y), or to keep it and
 * load it into the form (n, saying what of the form was not saved).
 *
 * The form is laid out twice per draw: once without drawing, to learn where
 * the focused row falls and scroll it into view, then for real.
 */
#include <stdlib.h>
#include <string.h>

#include "content.h"
#include "program.h"
#include "ui_int.h"
#include "util.h"

#define FORM_INDENT 3

enum row_kind {
	ROW_PAIN,
	ROW_INTERFERENCE,
	ROW_PRACTICE,
	ROW_QUESTION,
	ROW_NOTE,
	ROW_SAVE
};

struct row {
	enum row_kind kind;
	size_t index; /* into practices or questions */
};

struct done {
	const struct practice *p;
	int on;
	int logged;	   /* already in the log for that day ... */
	int marked;	   /* ... by ticks alone, which unticking takes back; a
			      timed or rated session stays */
	const char *label; /* why it is asked: "", "  (habit)", ... */
};

struct asked {
	const struct question *q;
	int choice; /* index into q->choices, or -1 */
};

const struct ui_keyhelp ui_checkin_keys[] = {
    {"Up Down, j k, Tab", "move between the parts of the form"},
    {"Left Right, h l", "change a rating or an answer"},
    {"0-9", "pick a rating (1 then 0 gives 10)"},
    {"Space", "tick a practice, or take the next answer"},
    {"[  ]", "an earlier or later day (never past today)"},
    {"Enter", "save the check-in"},
    {"Esc, q", "back without saving"},
    {"y  n", "the day saved again since the form opened: save yours"},
    {"", "over it, or keep it (the form shows it)"},
    {"in the note", "type; Left Right, Home End, Backspace edit"},
    {"", "pasted text goes in whole, line breaks too (shown as a mark)"},
    {"", "Esc or Up Down leave the note"},
    {NULL, NULL},
};

static char day[DAY_LEN];
static struct ui_picker pain, interference;
static struct done *dones;
static size_t ndones;
static struct asked *askeds;
static size_t naskeds;
static struct ui_field note; /* kept exactly unless edited (ui_widget.h) */
static struct row *rows;
static size_t nrows;
static size_t focus;
static int existed; /* the day had a check-in when loaded */
static int seen;    /* its revision then, or PROGRAM_SEEN_NONE */
static int form_top;
/* Asking: the save was refused as stale; newer is the day's check-in as
 * it is now (revision 0: there is none), newer_day its practices and
 * answers. Both owned here, released by clear_newer(). */
static int asking;
static struct checkin newer;
static struct program_day newer_day;

int
ui_checkin_typing(void)
{
	return !asking && focus < nrows && rows[focus].kind == ROW_NOTE;
}

static void
clear_newer(void)
{
	if (asking) {
		checkin_clear(&newer);
		program_day_free(&newer_day);
	}
	asking = 0;
}

static void
clear_form(void)
{
	free(dones);
	free(askeds);
	free(rows);
	dones = NULL;
	askeds = NULL;
	rows = NULL;
	ndones = naskeds = nrows = 0;
	pain.value = interference.value = -1;
	pain.last_key = interference.last_key = 0;
	ui_field_set(&note, "");
	existed = 0;
	seen = PROGRAM_SEEN_NONE;
	clear_newer();
}

static void
add_row(enum row_kind k, size_t index)
{
	rows = xreallocarray(rows, nrows + 1, sizeof *rows);
	rows[nrows].kind = k;
	rows[nrows].index = index;
	nrows++;
}

/* The form for the day, from the day as the program lists it
 * (program_day_load()): its practices in their one order with their labels,
 * the questions of the approaches that ran with the day's answers, and the
 * day's check-in. */
static int
load_day(struct ui *ui)
{
	struct program_day d;
	char today[DAY_LEN], *cause = NULL;
	size_t i;

	ui_today(ui, today);
	if (program_day_load(ui->pack, ui->store, day, today, &d, &cause) !=
	    0) {
		ui_error(ui, cause);
		return -1;
	}
	ndones = d.npractices;
	dones = xcalloc(ndones ? ndones : 1, sizeof *dones);
	for (i = 0; i < ndones; i++) {
		dones[i].p = d.practices[i].practice;
		dones[i].on = dones[i].logged = d.practices[i].done > 0;
		dones[i].marked = d.practices[i].done > 0 &&
				  d.practices[i].marks == d.practices[i].done;
		dones[i].label = d.practices[i].habit	 ? "  (habit)"
				 : d.practices[i].flare	 ? "  (flare-up tool)"
				 : d.practices[i].lesson ? "  (from a lesson)"
							 : "";
	}
	naskeds = d.nquestions;
	askeds = xcalloc(naskeds ? naskeds : 1, sizeof *askeds);
	for (i = 0; i < naskeds; i++) {
		askeds[i].q = d.questions[i].question;
		askeds[i].choice = d.questions[i].choice;
	}
	if (d.checked_in) {
		existed = 1;
		seen = d.checkin.revision;
		pain.value = d.checkin.pain;
		interference.value = d.checkin.interference;
		ui_field_set(&note, d.checkin.note);
	}
	program_day_free(&d);
	return 0;
}

static void
load(struct ui *ui)
{
	size_t i;

	clear_form();
	form_top = 0;
	focus = 0;
	if (load_day(ui) != 0)
		return;
	add_row(ROW_PAIN, 0);
	add_row(ROW_INTERFERENCE, 0);
	for (i = 0; i < ndones; i++)
		add_row(ROW_PRACTICE, i);
	for (i = 0; i < naskeds; i++)
		add_row(ROW_QUESTION, i);
	add_row(ROW_NOTE, 0);
	add_row(ROW_SAVE, 0);
}

void
ui_checkin_enter(struct ui *ui, int fresh)
{
	if (!fresh)
		return; /* back from help or safety: keep what was typed */
	ui_today(ui, day);
	load(ui);
}

/* Layout: rows are counted from the top of the form (vy); only those in
 * the window form_top .. form_top+h-1 are drawn, and not at all when dry. */
struct form {
	struct ui *ui;
	int vy, h, w, dry;
	int focus_top, focus_bottom;
	int cur_y, cur_x;
};

static int
visible(const struct form *f, int *y)
{
	*y = f->ui->y0 + f->vy - form_top;
	return !f->dry && f->vy >= form_top && f->vy < form_top + f->h;
}

static void
line(struct form *f, int x, const char *text, enum ui_color c)
{
	int y;

	if (visible(f, &y))
		ui_put(y, x, text, f->w - x, 0, c);
	f->vy++;
}

/* text wrapped from column x, a wrapped line under the text after the
 * prefix (NULL: none), so that nothing is cut. */
static void
para(struct form *f, int x, const char *prefix, const char *text,
     enum ui_color c)
{
	struct ui_view v = {0};
	size_t i;

	ui_view_add(&v, f->w - x, c, 0, prefix, text);
	for (i = 0; i < v.n; i++)
		line(f, x, v.v[i].text, c);
	ui_view_free(&v);
}

static void
scale_rows(struct form *f, const struct scale *s, struct ui_picker *p, int on)
{
	size_t i;
	int y;
	char today[DAY_LEN], *text;

	ui_today(f->ui, today);
	text = program_question_text(s->question, day, today);
	para(f, 1, NULL, text, on ? UI_C_HEADING : UI_C_NORMAL);
	free(text);
	if (visible(f, &y))
		ui_picker_draw(p, y, FORM_INDENT, f->w - FORM_INDENT, on);
	f->vy++;
	if (!on)
		return;
	for (i = 0; i < s->nanchors; i++) {
		if (visible(f, &y))
			ui_anchor_draw(s, i, p->value, y, FORM_INDENT,
				       f->w - FORM_INDENT);
		f->vy++;
	}
}

static void
question_rows(struct form *f, const struct asked *a, int on)
{
	struct buf b;
	size_t i;
	char today[DAY_LEN], *text;

	ui_today(f->ui, today);
	text = program_question_text(a->q->text, day, today);
	para(f, FORM_INDENT, NULL, text, on ? UI_C_HEADING : UI_C_NORMAL);
	free(text);
	/* "[Yes]  No   " or " Yes   No   ": the blank before an unpicked
	 * first choice is the prefix, which the wrap keeps. */
	buf_init(&b);
	for (i = 0; i < a->q->choices.n; i++)
		if ((int)i == a->choice)
			buf_printf(&b, "[%s]  ", a->q->choices.v[i]);
		else
			buf_printf(&b, "%s%s   ", i > 0 ? " " : "",
				   a->q->choices.v[i]);
	para(f, FORM_INDENT + 2, a->choice == 0 ? NULL : " ", b.data,
	     on ? UI_C_NORMAL : UI_C_DIM);
	buf_free(&b);
	if (a->choice >= 0 &&
	    program_question_warns(a->q, a->q->choices.v[a->choice]))
		para(f, FORM_INDENT + 2, NULL, a->q->warning, UI_C_WARNING);
}

static void
row_draw(struct form *f, size_t r)
{
	const struct pack *pk = f->ui->pack;
	int on = r == focus, y;
	char *s;

	f->focus_top = on ? f->vy : f->focus_top;
	switch (rows[r].kind) {
	case ROW_PAIN:
		scale_rows(f, &pk->pain_scale, &pain, on);
		break;
	case ROW_INTERFERENCE:
		scale_rows(f, &pk->interference_scale, &interference, on);
		break;
	case ROW_PRACTICE:
		if (rows[r].index == 0)
			line(f, 1, "Practices done that day (Space ticks):",
			     UI_C_NORMAL);
		s = xasprintf("%s%s%s", dones[rows[r].index].p->title,
			      dones[rows[r].index].label,
			      !dones[rows[r].index].logged ? ""
			      : dones[rows[r].index].on
				  ? "  (logged)"
				  : "  (logged; saving takes it back)");
		if (on)
			f->focus_top = f->vy;
		para(f, FORM_INDENT, dones[rows[r].index].on ? "[x] " : "[ ] ",
		     s, on ? UI_C_SELECTED : UI_C_NORMAL);
		free(s);
		break;
	case ROW_QUESTION:
		question_rows(f, &askeds[rows[r].index], on);
		break;
	case ROW_NOTE:
		line(f, 1, "Note (optional):", on ? UI_C_HEADING : UI_C_NORMAL);
		if (visible(f, &y)) {
			ui_field_draw(&note, y, FORM_INDENT, f->w - FORM_INDENT,
				      &f->cur_x);
			f->cur_y = on ? y : -1;
		}
		f->vy++;
		break;
	case ROW_SAVE:
		f->vy++;
		line(f, FORM_INDENT, existed ? "[ Save changes ]" : "[ Save ]",
		     on ? UI_C_SELECTED : UI_C_NORMAL);
		break;
	}
	if (on)
		f->focus_bottom = f->vy;
}

static void
layout(struct form *f)
{
	size_t r;

	f->vy = 0;
	f->cur_y = -1;
	for (r = 0; r < nrows; r++)
		row_draw(f, r);
}

/* The question after a save refused as stale, then the day's check-in
 * as it is now: its ratings, the practices done and answers as the day
 * lists them, its note whole. */
static void
newer_draw(struct ui *ui)
{
	struct ui_view v = {0};
	int w = ui_text_width(ui);
	char today[DAY_LEN], *text;
	size_t i;

	ui_today(ui, today);
	if (newer.revision == 0) {
		ui_view_add(&v, w, UI_C_SELECTED, 0, NULL,
			    "Save yours? y / n  (n: keep the day without "
			    "it; Esc: back to your form)");
		ui_view_blank(&v);
		ui_view_add(&v, w, UI_C_WARNING, 0, NULL,
			    "The check-in of this day was removed since the "
			    "form opened.");
	} else {
		ui_view_add(&v, w, UI_C_SELECTED, 0, NULL,
			    "Save yours over it? y / n  (n: keep it and show "
			    "it in the form; Esc: back to your form)");
		ui_view_blank(&v);
		ui_view_addf(&v, w, UI_C_WARNING, 0,
			     "The check-in of this day was saved again since "
			     "the form opened (at %s):",
			     newer.updated_at);
		ui_view_addf(&v, w, UI_C_NORMAL, 2, "pain %d", newer.pain);
		if (newer.interference == ENTRY_NONE)
			ui_view_add(&v, w, UI_C_NORMAL, 2, NULL,
				    "interference not rated");
		else
			ui_view_addf(&v, w, UI_C_NORMAL, 2, "interference %d",
				     newer.interference);
	}
	for (i = 0; i < newer_day.npractices; i++)
		if (newer_day.practices[i].done > 0)
			ui_view_add(&v, w, UI_C_NORMAL, 2, "done: ",
				    newer_day.practices[i].practice->title);
	for (i = 0; i < newer_day.nquestions; i++) {
		const struct program_asked *a = &newer_day.questions[i];

		if (a->choice < 0)
			continue;
		text = program_question_text(a->question->text, day, today);
		ui_view_addf(&v, w, UI_C_NORMAL, 2, "%s %s", text,
			     a->question->choices.v[a->choice]);
		free(text);
	}
	if (newer.revision != 0)
		ui_view_add(&v, w, UI_C_NORMAL, 2, "note: ",
			    newer.note != NULL ? newer.note : "(none)");
	ui_show_view(ui, &v, ui->y0 + 2, ui->h - 2);
	ui_view_free(&v);
}

void
ui_checkin_draw(struct ui *ui)
{
	struct form f = {ui, 0, ui->h - 2, ui->w - 1, 1, 0, 0, -1, -1};
	char today[DAY_LEN];

	ui_today(ui, today);
	ui_putf(ui->y0, 1, ui->w - 2, UI_C_HEADING, "Check-in for %s%s", day,
		strcmp(day, today) == 0 ? " (today)" : "");
	ui_put(ui->y0, ui->w - 24, "[ earlier  ] later", 23, 0, UI_C_DIM);
	if (asking) {
		newer_draw(ui);
		return;
	}
	f.ui = ui;
	ui->y0 += 2;
	layout(&f);
	/* Scroll so the focused part is whole on screen, top first. */
	if (f.focus_bottom > form_top + f.h)
		form_top = f.focus_bottom - f.h;
	if (f.focus_top < form_top)
		form_top = f.focus_top;
	f.dry = 0;
	layout(&f);
	/* Marks in the last column, as a view has, when the form goes on
	 * above or below what is shown. */
	if (form_top > 0)
		ui_put(ui->y0, ui->w - 1, ui_mark(0), 1, 0, UI_C_DIM);
	if (form_top + f.h < f.vy)
		ui_put(ui->y0 + f.h - 1, ui->w - 1, ui_mark(1), 1, 0, UI_C_DIM);
	ui->y0 -= 2;
	if (ui_checkin_typing() && f.cur_y >= 0) {
		ui->cur_y = f.cur_y;
		ui->cur_x = f.cur_x;
	}
}

/* The save was refused as stale: holds now (the day's check-in as it is,
 * taken over) and the day's practices and answers, and asks. */
static void
ask_newer(struct ui *ui, struct checkin *now)
{
	char today[DAY_LEN], *cause = NULL;

	ui_today(ui, today);
	if (program_day_load(ui->pack, ui->store, day, today, &newer_day,
			     &cause) != 0) {
		checkin_clear(now);
		ui_error(ui, cause);
		return;
	}
	newer = *now;
	asking = 1;
}

static void
save(struct ui *ui)
{
	struct program_checkin in = {0};
	struct program_answer *ans = xcalloc(naskeds + 1, sizeof *ans);
	const char **did = xcalloc(ndones + 1, sizeof *did);
	const char **undid = xcalloc(ndones + 1, sizeof *undid);
	struct checkin now = {0};
	char today[DAY_LEN], *cause = NULL, *text;
	int replaced = 0, rc;
	size_t i;

	if (pain.value < 0) {
		ui_message(ui, UI_C_WARNING, "Pick a pain rating first.");
		focus = 0;
		free(ans);
		free(did);
		free(undid);
		return;
	}
	memcpy(in.day, day, DAY_LEN);
	in.pain = pain.value;
	in.interference =
	    interference.value < 0 ? ENTRY_NONE : interference.value;
	/* A note not edited goes back byte for byte; one edited to nothing
	 * but blanks is no note. */
	text = ui_field_text(&note);
	in.note = !ui_field_edited(&note) || text[strspn(text, " \t\n")] != '\0'
		      ? text
		      : NULL;
	for (i = 0; i < naskeds; i++) {
		if (askeds[i].choice < 0)
			continue;
		ans[in.nanswers].question = askeds[i].q->id;
		ans[in.nanswers].value =
		    askeds[i].q->choices.v[askeds[i].choice];
		in.nanswers++;
	}
	for (i = 0; i < ndones; i++)
		if (dones[i].on)
			did[in.ndid++] = dones[i].p->id;
		else if (dones[i].logged && dones[i].marked)
			undid[in.nundid++] = dones[i].p->id;
	in.answers = ans;
	in.did = did;
	in.undid = undid;
	in.merge = 1;
	/* Refused, nothing written, when the day was saved since. */
	in.seen_revision = seen;
	ui_today(ui, today);
	rc = program_checkin(ui->pack, ui->store, today, &in, &now, &replaced,
			     NULL, &cause);
	free(text);
	free(ans);
	free(did);
	free(undid);
	if (rc == CHECKIN_CHANGED) {
		free(cause);
		ask_newer(ui, &now);
		return;
	}
	checkin_clear(&now);
	if (rc != 0) {
		ui_error(ui, cause);
		return;
	}
	ui_pop(ui);
	ui_message(ui, UI_C_GOOD, "%s the check-in for %s: pain %d.",
		   replaced ? "Updated" : "Saved", day, in.pain);
}

/* n to the question: what of the form differs from the day as it is now,
 * which is not saved, in words for the message line. */
static char *
form_lost(void)
{
	struct buf b;
	const char *sep = "";
	char *text = ui_field_text(&note);
	const char *was = newer.note != NULL ? newer.note : "";
	size_t i, k;

	buf_init(&b);
	if (newer.revision == 0 || pain.value != newer.pain) {
		buf_printf(&b, "pain %d", pain.value);
		sep = ", ";
	}
	if (newer.revision == 0 ||
	    (interference.value < 0 ? ENTRY_NONE : interference.value) !=
		newer.interference) {
		if (interference.value < 0)
			buf_printf(&b, "%sinterference not rated", sep);
		else
			buf_printf(&b, "%sinterference %d", sep,
				   interference.value);
		sep = ", ";
	}
	for (i = 0; i < ndones; i++) {
		for (k = 0; k < newer_day.npractices; k++)
			if (newer_day.practices[k].practice == dones[i].p)
				break;
		if (dones[i].on && (k == newer_day.npractices ||
				    newer_day.practices[k].done == 0)) {
			buf_printf(&b, "%sdone: %s", sep, dones[i].p->title);
			sep = ", ";
		}
	}
	for (i = 0; i < naskeds; i++) {
		for (k = 0; k < newer_day.nquestions; k++)
			if (newer_day.questions[k].question == askeds[i].q)
				break;
		if (askeds[i].choice >= 0 &&
		    (k == newer_day.nquestions ||
		     newer_day.questions[k].choice != askeds[i].choice)) {
			buf_printf(&b, "%s%s: %s", sep, askeds[i].q->id,
				   askeds[i].q->choices.v[askeds[i].choice]);
			sep = ", ";
		}
	}
	if (strcmp(text, was) != 0) {
		buf_printf(&b, "%s", sep);
		if (text[0] == '\0') {
			buf_printf(&b, "no note");
		} else {
			buf_printf(&b, "the note \"");
			util_escape(&b, text);
			buf_printf(&b, "\"");
		}
	}
	free(text);
	return buf_take(&b);
}

/* y saves the form over the day as it is now, n keeps that and loads it
 * into the form, saying what of the form was not saved; Esc goes back to
 * the form as it was (the next save asks again). */
static int
newer_key(struct ui *ui, int key)
{
	char *lost;

	switch (key) {
	case 'y':
	case 'Y':
		seen = newer.revision != 0 ? newer.revision : PROGRAM_SEEN_NONE;
		clear_newer();
		save(ui);
		return 1;
	case 'n':
	case 'N':
		lost = form_lost();
		load(ui);
		if (lost[0] == '\0')
			ui_message(ui, UI_C_NORMAL,
				   "Kept the newer check-in; the form held "
				   "nothing else.");
		else
			ui_message(ui, UI_C_WARNING,
				   "Kept the newer check-in. Not saved "
				   "from the form: %s.",
				   lost);
		free(lost);
		return 1;
	case UI_KEY_ESC:
	case 'q':
		clear_newer();
		return 1;
	default:
		return 1; /* the form waits for the answer */
	}
}

static void
move_day(struct ui *ui, int by)
{
	char today[DAY_LEN], next[DAY_LEN];

	ui_today(ui, today);
	if (day_add(day, by, next) != 0)
		return;
	if (strcmp(next, today) > 0) {
		ui_message(ui, UI_C_NORMAL, "That day has not come yet.");
		return;
	}
	memcpy(day, next, DAY_LEN);
	load(ui);
}

static int
row_key(struct ui *ui, struct row *r, int key)
{
	struct asked *a;
	int n;

	switch (r->kind) {
	case ROW_PAIN:
		return ui_picker_key(&pain, key);
	case ROW_INTERFERENCE:
		return ui_picker_key(&interference, key);
	case ROW_PRACTICE:
		if (key != ' ' && key != 'x')
			return 0;
		/* A tick, saved or not, comes off; a session the timer or
		 * `practice` logged stays, and the form says why. */
		if (!dones[r->index].logged || dones[r->index].marked)
			dones[r->index].on = !dones[r->index].on;
		else
			ui_message(ui, UI_C_NORMAL,
				   "Logged with its time or pain (the timer or "
				   "backpain practice): it stays done.");
		return 1;
	case ROW_QUESTION:
		a = &askeds[r->index];
		n = (int)a->q->choices.n;
		if (key == ' ' || ui_nav(key) == UI_NAV_RIGHT)
			a->choice = (a->choice + 1) % n;
		else if (ui_nav(key) == UI_NAV_LEFT)
			a->choice = a->choice <= 0 ? n - 1 : a->choice - 1;
		else
			return 0;
		return 1;
	case ROW_NOTE:
		if (key == UI_KEY_ESC) {
			focus++;
			return 1;
		}
		return ui_field_key(&note, key);
	case ROW_SAVE:
		return 0;
	}
	return 0;
}

int
ui_checkin_paste(struct ui *ui, const wchar_t *text, size_t n)
{
	(void)ui;
	if (!ui_checkin_typing())
		return 0;
	ui_field_paste(&note, text, n);
	return 1;
}

int
ui_checkin_key(struct ui *ui, int key)
{
	int typing = ui_checkin_typing();

	if (nrows == 0)
		return 0;
	if (asking)
		return newer_key(ui, key);
	if (key == UI_KEY_ENTER) {
		save(ui);
		return 1;
	}
	if (key == UI_FKEY(KEY_UP) || key == UI_FKEY(KEY_BTAB) ||
	    (!typing && key == 'k')) {
		if (focus > 0)
			focus--;
		return 1;
	}
	if (key == UI_FKEY(KEY_DOWN) || key == UI_KEY_TAB ||
	    (!typing && key == 'j')) {
		if (focus + 1 < nrows)
			focus++;
		return 1;
	}
	if (row_key(ui, &rows[focus], key))
		return 1;
	if (typing)
		return 1; /* the note keeps every other key */
	switch (key) {
	case '[':
		move_day(ui, -1);
		return 1;
	case ']':
		move_day(ui, 1);
		return 1;
	case 'g':
	case UI_FKEY(KEY_HOME):
		focus = 0;
		return 1;
	case 'G':
	case UI_FKEY(KEY_END):
		focus = nrows - 1;
		return 1;
	default:
		return 0;
	}
}

void
ui_checkin_free(void)
{
	clear_form();
	ui_field_free(&note);
}
