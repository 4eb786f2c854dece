/* learn.c: the Learn screen, the pack's lessons. A list, read ones marked
 * [x] and those offered now marked "new"; Enter opens one to read in a
 * scrolling view, which marks it read (program_lesson_read(), as `backpain
 * learn ID` does), with its practice's steps (t times it) and its
 * sources. Opened from Today with a lesson in ui->lesson (the short read
 * offered), it shows that lesson at once, and q goes straight back. */
#include <stdlib.h>
#include <string.h>

#include "content.h"
#include "program.h"
#include "ui_int.h"
#include "util.h"

static struct program_lessons lessons;
static int loaded;
static struct ui_list list;
static const struct lesson *reading; /* the lesson open, or NULL */
static int direct;		     /* opened from Today: q goes back */
static struct ui_view view;
static int view_h = 1; /* rows the text had at the last draw */

const struct ui_keyhelp ui_learn_keys[] = {
    {"j k, arrows", "choose a lesson; scroll the one open"},
    {"Enter, l", "read the chosen lesson (it is then marked read)"},
    {"PgUp PgDn, g G", "page up and down, top and bottom"},
    {"t", "in a lesson with a practice: do it now, with a timer"},
    {"h, Left", "from a lesson back to the list"},
    {"q, Esc", "back: from a lesson to the list (or to Today, when "
	       "Today opened it), from the list to where you were"},
    {NULL, NULL},
};

static void
load(struct ui *ui)
{
	char today[DAY_LEN], *cause = NULL;

	if (loaded)
		program_lessons_free(&lessons);
	ui_today(ui, today);
	loaded = program_lessons_load(ui->pack, ui->store, today, &lessons,
				      &cause) == 0;
	if (!loaded)
		ui_error(ui, cause);
	list.n = loaded ? (int)lessons.n : 0;
}

/* Opens l and marks it read today. */
static void
open_lesson(struct ui *ui, const struct lesson *l)
{
	char today[DAY_LEN], *cause = NULL;

	reading = l;
	view.top = 0;
	ui_today(ui, today);
	if (program_lesson_read(ui->pack, ui->store, l->id, today, today,
				&cause) != 0)
		ui_error(ui, cause);
	load(ui);
}

void
ui_learn_enter(struct ui *ui, int fresh)
{
	if (!fresh) {
		load(ui);
		return;
	}
	list.sel = list.top = 0;
	reading = NULL;
	direct = ui->lesson != NULL;
	load(ui);
	if (ui->lesson != NULL) {
		list.sel = (int)(ui->lesson - ui->pack->lessons);
		open_lesson(ui, ui->lesson);
	}
	ui->lesson = NULL;
}

static char *
entry_text(int i)
{
	const struct program_lesson *l = &lessons.lessons[i];

	return xasprintf("%s %s%s", l->read_on[0] != '\0' ? "[x]" : "[ ]",
			 l->lesson->title, l->nmoments > 0 ? "  (new)" : "");
}

/* The list, a long title wrapping under itself; it scrolls with the
 * selection, "more" marks saying so. */
static void
draw_list(struct ui *ui)
{
	int y = ui->y0 + 2, end = ui->y0 + ui->h, w = ui->w - 2, i, n, r;
	int *rows = xcalloc(list.n > 0 ? (size_t)list.n : 1, sizeof *rows);

	ui_put_words(ui->y0, 1, "Short reads beside the plan; [x] read", w, 1,
		     UI_C_HEADING);
	if (list.n == 0)
		ui_put_words(y, 2, "This pack has no lessons.", w - 2, end - y,
			     UI_C_DIM);
	for (i = 0; i < list.n; i++) {
		char *t = entry_text(i);

		rows[i] = ui_words_rows(t, w - 6);
		free(t);
	}
	n = ui_list_fit_rows(&list, rows, end - y);
	if (list.top > 0)
		ui_put(y - 1, 2, ui_more_mark(0), w - 2, 0, UI_C_DIM);
	for (i = list.top; i < list.top + n && y < end; i++) {
		const struct program_lesson *l = &lessons.lessons[i];
		enum ui_color c = i == list.sel		  ? UI_C_SELECTED
				  : l->read_on[0] != '\0' ? UI_C_GOOD
							  : UI_C_NORMAL;
		char *t = entry_text(i);

		for (r = 0; r < rows[i] && y + r < end; r++)
			ui_fill(y + r, 1, w, c);
		/* The mark, then the title wrapping under itself. */
		ui_put(y, 2, t, 4, 0, c);
		ui_put_words(y, 6, t + 4, w - 6, end - y, c);
		free(t);
		y += rows[i];
	}
	if (list.top + n < list.n)
		ui_put(end - 1, 2, ui_more_mark(1), w - 2, 0, UI_C_DIM);
	free(rows);
}

/* The lesson open: title, text, its practices' steps, its sources. */
static void
draw_lesson(struct ui *ui)
{
	const struct lesson *l = reading;
	int w = ui_text_width(ui);
	size_t i, k;

	ui_view_clear(&view);
	ui_view_add(&view, w, UI_C_HEADING, 0, NULL, l->title);
	ui_view_blank(&view);
	ui_view_add(&view, w, UI_C_NORMAL, 0, NULL, l->text);
	for (i = 0; i < l->npractices; i++) {
		const struct practice *p = &l->practices[i];

		ui_view_blank(&view);
		ui_view_addf(&view, w, UI_C_HEADING, 0, "%s (%d min)%s",
			     p->title, p->minutes,
			     i == 0 ? ": t does it now, with a timer" : "");
		for (k = 0; k < p->steps.n; k++) {
			char *mark = xasprintf("%zu. ", k + 1);

			ui_view_add(&view, w, UI_C_NORMAL, 0, mark,
				    p->steps.v[k]);
			free(mark);
		}
	}
	ui_view_blank(&view);
	ui_view_add(&view, w, UI_C_DIM, 0, NULL, "Sources");
	for (k = 0; k < l->sources.n; k++)
		ui_view_add(&view, w, UI_C_DIM, 0, "- ", l->sources.v[k]);
	view_h = ui->h;
	ui_show_view(ui, &view, ui->y0, view_h);
}

void
ui_learn_draw(struct ui *ui)
{
	if (reading != NULL)
		draw_lesson(ui);
	else
		draw_list(ui);
}

int
ui_learn_key(struct ui *ui, int key)
{
	if (reading != NULL) {
		if (key == 'q' || key == UI_KEY_ESC ||
		    ui_nav(key) == UI_NAV_LEFT) {
			reading = NULL;
			if (direct)
				ui_pop(ui);
			return 1;
		}
		if (key == 't' && reading->npractices > 0) {
			ui->practice = &reading->practices[0];
			ui->approach = -1;
			ui_push(ui, UI_TIMER);
			return 1;
		}
		return ui_view_key(&view, key, view_h);
	}
	if (list.n > 0 &&
	    (key == UI_KEY_ENTER || ui_nav(key) == UI_NAV_RIGHT)) {
		direct = 0;
		open_lesson(ui, lessons.lessons[list.sel].lesson);
		return 1;
	}
	return ui_list_move(&list, key, ui->h > 4 ? ui->h - 3 : 1);
}

void
ui_learn_free(void)
{
	if (loaded)
		program_lessons_free(&lessons);
	loaded = 0;
	ui_view_free(&view);
	reading = NULL;
}
