/* reading.c: the pack's further reading, each item with who wrote it, its
 * year and a note; reached from the Plan and from an approach that offers
 * the therapist's summary (expert help). */
#include <stdlib.h>

#include "content.h"
#include "ui_int.h"
#include "util.h"

static struct ui_view view;

const struct ui_keyhelp ui_reading_keys[] = {
    {"j k, arrows", "scroll"},
    {"PgUp PgDn, g G", "page up and down, top and bottom"},
    {"q, Esc", "back"},
    {NULL, NULL},
};

void
ui_reading_enter(struct ui *ui, int fresh)
{
	(void)ui;
	if (fresh)
		view.top = 0;
}

void
ui_reading_draw(struct ui *ui)
{
	const struct pack *p = ui->pack;
	int w = ui_text_width(ui);
	size_t i;
	char *line;

	ui_view_clear(&view);
	ui_view_add(&view, w, UI_C_HEADING, 0, NULL, "Further reading");
	if (p->nfurther_reading == 0)
		ui_view_add(&view, w, UI_C_DIM, 0, NULL,
			    "This pack suggests no further reading.");
	for (i = 0; i < p->nfurther_reading; i++) {
		const struct resource *r = &p->further_reading[i];

		ui_view_blank(&view);
		line = xasprintf("%s%s%s", r->title, r->by ? ", by " : "",
				 r->by ? r->by : "");
		if (r->year) {
			char *y = xasprintf("%s (%d)", line, r->year);

			free(line);
			line = y;
		}
		ui_view_add(&view, w, UI_C_NORMAL, 0, "- ", line);
		ui_view_addf(&view, w, UI_C_DIM, 2, "%s",
			     content_resource_kind_name(r->kind));
		if (r->note)
			ui_view_add(&view, w, UI_C_NORMAL, 2, NULL, r->note);
		free(line);
	}
	ui_show_view(ui, &view, ui->y0, ui->h);
}

int
ui_reading_key(struct ui *ui, int key)
{
	return ui_view_key(&view, key, ui->h);
}

void
ui_reading_free(void)
{
	ui_view_free(&view);
}
