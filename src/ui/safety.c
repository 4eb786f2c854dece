/* safety.c: the red flags grouped by urgency, each with the latest answer
 * and what it means (a yes that holds the approaches back, one a doctor
 * has checked, advice only); c records a doctor's check, today (y) or on a
 * day typed as YYYY-MM-DD (o), which program_screening_checked() refuses
 * in the future or before the yes; the disclaimer. One key away from every
 * screen. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "content.h"
#include "program.h"
#include "ui_int.h"
#include "util.h"

static struct ui_view view;
static struct program_safety safety;
static int loaded;
static const struct program_flag *asking; /* the check asked about */
/* Typing the day of the check asked about: its characters so far. */
static int dating;
static char date_buf[DAY_LEN];
static size_t date_len;
static int date_fresh; /* date_buf still today's, as offered: typing
			  replaces it */
static int view_h = 1; /* rows the text had at the last draw */

const struct ui_keyhelp ui_safety_keys[] = {
    {"j k, arrows", "scroll"},
    {"PgUp PgDn, g G", "page up and down, top and bottom"},
    {"a", "answer the safety questions again"},
    {"c", "a doctor has checked what I answered yes to (asks first)"},
    {"c o", "... on another day: type it as YYYY-MM-DD, Enter"},
    {"q, Esc", "back"},
    {NULL, NULL},
};

void
ui_safety_enter(struct ui *ui, int fresh)
{
	char today[DAY_LEN], *cause = NULL;

	if (fresh)
		view.top = 0;
	asking = NULL;
	dating = 0;
	if (loaded)
		program_safety_free(&safety);
	ui_today(ui, today);
	loaded = program_safety_load(ui->pack, ui->store, today, &safety,
				     &cause) == 0;
	if (!loaded)
		ui_error(ui, cause);
}

static void
add_answer(int w, const struct program_flag *f)
{
	switch (f->state) {
	case PROGRAM_FLAG_UNANSWERED:
		ui_view_add(&view, w, UI_C_DIM, 2, NULL, "Not answered yet.");
		break;
	case PROGRAM_FLAG_NO:
		ui_view_addf(&view, w, UI_C_DIM, 2, "You answered no on %s.",
			     f->asked_on);
		break;
	case PROGRAM_FLAG_HOLDS:
		ui_view_addf(&view, w, UI_C_WARNING, 2,
			     "You answered yes on %s. The approaches wait "
			     "until a doctor has checked it (then press c).",
			     f->asked_on);
		break;
	case PROGRAM_FLAG_CHECKED:
		ui_view_addf(&view, w, UI_C_GOOD, 2,
			     "You answered yes on %s; a doctor checked it on "
			     "%s.",
			     f->asked_on, f->checked_on);
		break;
	case PROGRAM_FLAG_ADVICE:
		ui_view_addf(&view, w, UI_C_WARNING, 2,
			     "You answered yes on %s. See a doctor about it; "
			     "the approaches may go on meanwhile.",
			     f->asked_on);
		break;
	}
	/* The question's meaning changed since: the answer stands until it
	 * is given anew (a to answer them again). */
	if (f->stale)
		ui_view_addf(&view, w, UI_C_WARNING, 2,
			     "Answered to an earlier wording of this "
			     "question, on %s: please answer it again (a).",
			     f->asked_on);
}

static void
add_group(const struct ui *ui, enum urgency u, const char *heading,
	  enum ui_color c)
{
	int w = ui_text_width(ui);
	size_t i;

	ui_view_add(&view, w, c, 0, NULL, heading);
	ui_view_blank(&view);
	for (i = 0; loaded && i < safety.nflags; i++) {
		const struct program_flag *f = &safety.flags[i];

		if (f->flag->urgency != u)
			continue;
		ui_view_add(&view, w, UI_C_NORMAL, 0, "- ", f->flag->question);
		add_answer(w, f);
		/* The advice is an order only beside a standing yes; beside
		 * a no it says what to do should that change. */
		if (program_flag_advice_now(f))
			ui_view_add(&view, w, UI_C_WARNING, 2, NULL,
				    f->flag->advice);
		else
			ui_view_addf(&view, w, UI_C_DIM, 2, "%s%s",
				     PROGRAM_FLAG_IF_YES, f->flag->advice);
		ui_view_blank(&view);
	}
}

void
ui_safety_draw(struct ui *ui)
{
	int w = ui_text_width(ui), n, i;
	char *q;

	ui_view_clear(&view);
	/* The screen's own keys, where they are seen (not only under ?). */
	ui_view_add(&view, w, UI_C_DIM, 0, NULL,
		    "a answers the questions again; c records that a doctor "
		    "has checked a yes.");
	ui_view_blank(&view);
	add_group(ui, URGENCY_EMERGENCY,
		  "Get urgent care now if any of these is true:", UI_C_URGENT);
	add_group(ui, URGENCY_SOON,
		  "See a doctor soon if any of these is true:", UI_C_WARNING);
	ui_view_add(&view, w, UI_C_HEADING, 0, NULL, "Disclaimer");
	ui_view_add(&view, w, UI_C_NORMAL, 0, NULL, ui->pack->disclaimer);
	if (asking == NULL) {
		view_h = ui->h;
		ui_show_view(ui, &view, ui->y0, view_h);
		return;
	}
	if (dating)
		q = xasprintf("Day of the check, YYYY-MM-DD%s: %s_  Enter "
			      "records  Esc cancels",
			      date_fresh ? " (typing replaces today's)" : "",
			      date_buf);
	else
		q = xasprintf("A doctor has checked this: \"%s\" y yes, today; "
			      "o on another day; n no",
			      asking->flag->question);
	/* The question on top, whole, its choices first; the text below a
	 * blank row (none when the question takes two rows or more). */
	n = ui_words_rows(q, ui->w - 4);
	n = n < ui->h / 2 ? n : ui->h / 2;
	for (i = 0; i < n; i++)
		ui_fill(ui->y0 + i, 1, ui->w - 2, UI_C_SELECTED);
	ui_put_words(ui->y0, 2, q, ui->w - 4, n, UI_C_SELECTED);
	free(q);
	n = n < 2 ? 2 : n;
	view_h = ui->h - n;
	ui_show_view(ui, &view, ui->y0 + n, view_h);
}

/* The first yes not yet checked: one that holds, else one that does not. */
static const struct program_flag *
to_check(void)
{
	const struct program_flag *f;

	if (!loaded)
		return NULL;
	f = program_safety_first(&safety, PROGRAM_FLAG_HOLDS);
	return f != NULL ? f
			 : program_safety_first(&safety, PROGRAM_FLAG_ADVICE);
}

/* Records the check of f on day (NULL: today); 0, or -1 with the reason
 * shown and nothing written. */
static int
record_check(struct ui *ui, const struct program_flag *f, const char *day)
{
	char today[DAY_LEN], on[DAY_LEN], *cause = NULL;
	char *id = xstrdup(f->flag->id);

	ui_today(ui, today);
	snprintf(on, sizeof on, "%s", day != NULL ? day : today);
	if (program_screening_checked(ui->pack, ui->store, id, on, today,
				      &cause) != 0) {
		free(id);
		ui_error(ui, cause);
		return -1;
	}
	free(id);
	ui_safety_enter(ui, 0);
	if (strcmp(on, today) == 0)
		ui_message(ui, UI_C_GOOD,
			   "Recorded: a doctor checked it today.");
	else
		ui_message(ui, UI_C_GOOD,
			   "Recorded: a doctor checked it on %s.", on);
	return 0;
}

/* A key while the day of the check is typed: digits and '-', Backspace,
 * Enter records (and stays on a refusal), Esc cancels. */
static void
date_key(struct ui *ui, int key)
{
	if (key == UI_KEY_ESC) {
		asking = NULL;
		dating = 0;
		ui_message(ui, UI_C_NORMAL, "Nothing recorded.");
	} else if (key == UI_KEY_ENTER) {
		if (record_check(ui, asking, date_buf) == 0) {
			asking = NULL;
			dating = 0;
		}
	} else if (key == UI_KEY_BACKSPACE) {
		date_fresh = 0;
		if (date_len > 0)
			date_buf[--date_len] = '\0';
	} else if ((key >= '0' && key <= '9') || key == '-') {
		/* The day offered is today's: a first digit starts a day of
		 * its own, as in any field offered filled in. */
		if (date_fresh)
			date_len = 0;
		date_fresh = 0;
		if (date_len + 1 < sizeof date_buf) {
			date_buf[date_len++] = (char)key;
			date_buf[date_len] = '\0';
		}
	}
}

int
ui_safety_key(struct ui *ui, int key)
{
	const struct program_flag *f = asking;

	if (f != NULL && dating) {
		date_key(ui, key);
		return 1;
	}
	if (f != NULL) {
		if (key == 'o') {
			dating = 1;
			date_fresh = 1;
			ui_today(ui, date_buf);
			date_len = strlen(date_buf);
			return 1;
		}
		asking = NULL;
		if (key == 'y')
			record_check(ui, f, NULL);
		return 1;
	}
	if (key == 'a') {
		ui->onboard_flags_only = 1;
		ui_push(ui, UI_ONBOARD);
		return 1;
	}
	if (key == 'c') {
		if ((asking = to_check()) == NULL)
			ui_message(ui, UI_C_NORMAL,
				   "No yes is waiting for a doctor's check.");
		return 1;
	}
	return ui_view_key(&view, key, view_h);
}

void
ui_safety_free(void)
{
	ui_view_free(&view);
	if (loaded)
		program_safety_free(&safety);
	loaded = 0;
}
