/* disclaimer.c: what the program is and is not, from the pack. */
#include "content.h"
#include "ui_int.h"

static struct ui_view view;

const struct ui_keyhelp ui_disclaimer_keys[] = {
    {"j k, arrows", "scroll"},
    {"PgUp PgDn, g G", "page up and down, top and bottom"},
    {"q, Esc", "back"},
    {NULL, NULL},
};

void
ui_disclaimer_enter(struct ui *ui, int fresh)
{
	(void)ui;
	if (fresh)
		view.top = 0;
}

void
ui_disclaimer_draw(struct ui *ui)
{
	const struct pack *p = ui->pack;
	int w = ui_text_width(ui);

	ui_view_clear(&view);
	ui_view_add(&view, w, UI_C_HEADING, 0, NULL, "Disclaimer");
	ui_view_add(&view, w, UI_C_NORMAL, 0, NULL, p->disclaimer);
	ui_view_blank(&view);
	ui_view_add(&view, w, UI_C_HEADING, 0, NULL, p->title);
	ui_view_add(&view, w, UI_C_NORMAL, 0, NULL, p->about);
	if (p->source != NULL) {
		ui_view_blank(&view);
		ui_view_add(&view, w, UI_C_DIM, 0, NULL, p->source);
	}
	ui_show_view(ui, &view, ui->y0, ui->h);
}

int
ui_disclaimer_key(struct ui *ui, int key)
{
	return ui_view_key(&view, key, ui->h);
}

void
ui_disclaimer_free(void)
{
	ui_view_free(&view);
}
