/* help.c: the keys of the screen below, then the keys of every screen. */
#include <stdlib.h>

#include "ui_int.h"
#include "util.h"

#define KEY_COLUMN 18 /* width of the key column */

static struct ui_view view;

const struct ui_keyhelp ui_help_keys[] = {
    {"j k, arrows", "scroll"},
    {"q, Esc", "back"},
    {NULL, NULL},
};

static const struct ui_keyhelp global_keys[] = {
    {"!, F2", "safety: the warning signs and what to do"},
    {"d, F3", "disclaimer"},
    {"?, F1", "this list of keys"},
    {"", "(while typing a note, only F1 F2 F3)"},
    {"q", "back; on Today, quit"},
    {"Esc", "cancel, back (never quits)"},
    {"Ctrl-L", "redraw the screen"},
    {NULL, NULL},
};

void
ui_help_enter(struct ui *ui, int fresh)
{
	(void)ui;
	if (fresh)
		view.top = 0;
}

static void
add_keys(int w, const struct ui_keyhelp *k)
{
	char *line;

	for (; k != NULL && k->key != NULL; k++) {
		line = xasprintf("%-*s", KEY_COLUMN, k->key);
		ui_view_add(&view, w, UI_C_NORMAL, 2, line, k->what);
		free(line);
	}
}

void
ui_help_draw(struct ui *ui)
{
	enum ui_screen below = ui_below(ui);
	int w = ui_text_width(ui);

	ui_view_clear(&view);
	ui_view_addf(&view, w, UI_C_HEADING, 0, "Keys on the %s screen",
		     ui_screen_title(ui, below));
	add_keys(w, ui_screen_keys(ui, below));
	ui_view_blank(&view);
	ui_view_add(&view, w, UI_C_HEADING, 0, NULL, "Keys on every screen");
	add_keys(w, global_keys);
	ui_view_blank(&view);
	ui_view_add(&view, w, UI_C_DIM, 0, NULL,
		    "Arrow keys and the vi keys h j k l, g and G both work.");
	ui_show_view(ui, &view, ui->y0, ui->h);
}

int
ui_help_key(struct ui *ui, int key)
{
	return ui_view_key(&view, key, ui->h);
}

void
ui_help_free(void)
{
	ui_view_free(&view);
}
