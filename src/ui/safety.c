/* safety.c: the red flags grouped by urgency, each with the latest answer
 * and what it means (a yes that holds the approaches back, one a doctor
 * has checked, advice only); c records a doctor's check; the disclaimer.
 * One key away from every screen. */
#include <stdlib.h>
#include <string.h>

#include "content.h"
#include "program.h"
#include "store.h"
#include "ui_screen.h"
#include "util.h"

static struct ui_view view;
static struct program_safety safety;
static int loaded;
static const struct program_flag *asking; /* the check asked about */

const struct ui_keyhelp ui_safety_keys[] = {
    {"j k, arrows", "scroll"},
    {"PgUp PgDn, g G", "page up and down, top and bottom"},
    {"a", "answer the safety questions again"},
    {"c", "a doctor has checked what I answered yes to (asks first)"},
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
		ui_view_add(&view, w, UI_C_DIM, 2, NULL, f->flag->advice);
		ui_view_blank(&view);
	}
}

void
ui_safety_draw(struct ui *ui)
{
	int w = ui_text_width(ui);

	ui_view_clear(&view);
	add_group(ui, URGENCY_EMERGENCY,
		  "Get urgent care now if any of these is true:", UI_C_URGENT);
	add_group(ui, URGENCY_SOON,
		  "See a doctor soon if any of these is true:", UI_C_WARNING);
	ui_view_add(&view, w, UI_C_HEADING, 0, NULL, "Disclaimer");
	ui_view_add(&view, w, UI_C_NORMAL, 0, NULL, ui->pack->disclaimer);
	if (asking != NULL) {
		ui_putf(ui->y0, 1, ui->w - 2, UI_C_SELECTED,
			" y yes, today; n no: a doctor has checked \"%s\"? ",
			asking->flag->question);
		ui_show_view(ui, &view, ui->y0 + 2, ui->h - 2);
		return;
	}
	ui_show_view(ui, &view, ui->y0, ui->h);
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

static void
record_check(struct ui *ui, const struct program_flag *f)
{
	char today[DAY_LEN], *cause = NULL, *id = xstrdup(f->flag->id);

	ui_today(ui, today);
	if (program_screening_checked(ui->pack, ui->store, id, today, today,
				      &cause) != 0) {
		free(id);
		ui_error(ui, cause);
		return;
	}
	free(id);
	ui_safety_enter(ui, 0);
	ui_message(ui, UI_C_GOOD, "Recorded: a doctor checked it today.");
}

int
ui_safety_key(struct ui *ui, int key)
{
	const struct program_flag *f = asking;

	if (f != NULL) {
		asking = NULL;
		if (key == 'y')
			record_check(ui, f);
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
	return ui_view_key(&view, key, ui->h);
}

void
ui_safety_free(void)
{
	ui_view_free(&view);
	if (loaded)
		program_safety_free(&safety);
	loaded = 0;
}
