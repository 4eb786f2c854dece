/* safety.c: the red flags grouped by urgency, with the user's latest
 * answers, and the disclaimer; one key away from every screen. */
#include <stdlib.h>
#include <string.h>

#include "content.h"
#include "store.h"
#include "ui_screen.h"
#include "util.h"

static struct ui_view view;
static struct store_screening *answers;
static size_t nanswers;

const struct ui_keyhelp ui_safety_keys[] = {
    {"j k, arrows", "scroll"},
    {"PgUp PgDn, g G", "page up and down, top and bottom"},
    {"a", "answer the safety questions again"},
    {"q, Esc", "back"},
    {NULL, NULL},
};

void
ui_safety_enter(struct ui *ui, int fresh)
{
	char *cause = NULL;

	if (fresh)
		view.top = 0;
	store_screenings_free(answers, nanswers);
	answers = NULL;
	nanswers = 0;
	if (store_screening_latest(ui->store, &answers, &nanswers, &cause) != 0)
		ui_error(ui, cause);
}

static int
answered_yes(const char *flag)
{
	size_t i;

	for (i = 0; i < nanswers; i++)
		if (strcmp(answers[i].flag, flag) == 0)
			return answers[i].answer == 1;
	return 0;
}

static void
add_group(const struct ui *ui, enum urgency u, const char *heading,
	  enum ui_color c)
{
	int w = ui_text_width(ui);
	size_t i;

	ui_view_add(&view, w, c, 0, NULL, heading);
	ui_view_blank(&view);
	for (i = 0; i < ui->pack->nred_flags; i++) {
		const struct red_flag *f = &ui->pack->red_flags[i];

		if (f->urgency != u)
			continue;
		ui_view_add(&view, w, UI_C_NORMAL, 0, "- ", f->question);
		if (answered_yes(f->id))
			ui_view_add(&view, w, UI_C_WARNING, 2, NULL,
				    "You answered yes to this.");
		ui_view_add(&view, w, UI_C_DIM, 2, NULL, f->advice);
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
	ui_show_view(ui, &view, ui->y0, ui->h);
}

int
ui_safety_key(struct ui *ui, int key)
{
	if (key == 'a') {
		ui->onboard_flags_only = 1;
		ui_push(ui, UI_ONBOARD);
		return 1;
	}
	return ui_view_key(&view, key, ui->h);
}

void
ui_safety_free(void)
{
	ui_view_free(&view);
	store_screenings_free(answers, nanswers);
	answers = NULL;
	nanswers = 0;
}
