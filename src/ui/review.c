/* review.c: the place of the trial review screen, a later issue; until
 * then it points to the command that does the review. */
#include "ui_screen.h"

static struct ui_view view;

const struct ui_keyhelp ui_review_keys[] = {
    {"q, Esc", "back"},
    {NULL, NULL},
};

void
ui_review_enter(struct ui *ui, int fresh)
{
	(void)ui;
	(void)fresh;
}

void
ui_review_draw(struct ui *ui)
{
	int w = ui_text_width(ui);

	ui_view_clear(&view);
	ui_view_add(&view, w, UI_C_HEADING, 0, NULL, "Review");
	ui_view_add(&view, w, UI_C_NORMAL, 0, NULL,
		    "This screen is not built yet. In a shell, "
		    "'backpain review' shows for each trial whether your "
		    "pain changed, and 'backpain stop APPROACH --outcome "
		    "...' records your decision.");
	ui_show_view(ui, &view, ui->y0, ui->h);
}

int
ui_review_key(struct ui *ui, int key)
{
	return ui_view_key(&view, key, ui->h);
}

void
ui_review_free(void)
{
	ui_view_free(&view);
}
