/*
 * screen.c: what every screen calls, and the only code besides the loop
 * that reaches a screen: the stack of screens (push, pop, reset, the one
 * below), the message line, today's date, the plan loaded for today, the
 * body's text width and views drawn in it, and each screen's title and
 * keys for the title bar and help. It reaches the screens only through
 * ui->screens, the table ui.c hands it, so the screens and this file never
 * use each other in a loop: ui.c calls both, a screen calls this file.
 */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "program.h"
#include "ui_int.h"
#include "util.h"

const struct ui_keyhelp *
ui_screen_keys(const struct ui *ui, enum ui_screen s)
{
	return s < UI_NSCREENS ? ui->screens[s].keys : NULL;
}

const char *
ui_screen_title(const struct ui *ui, enum ui_screen s)
{
	if (s >= UI_NSCREENS)
		return "";
	if (ui->screens[s].title_now != NULL)
		return ui->screens[s].title_now();
	return ui->screens[s].title;
}

void
ui_push(struct ui *ui, enum ui_screen s)
{
	if (ui->depth > 0 && ui->stack[ui->depth - 1] == s)
		return;
	if (ui->depth >= UI_STACK_MAX)
		return;
	ui->stack[ui->depth++] = s;
	ui->screens[s].enter(ui, 1);
}

void
ui_pop(struct ui *ui)
{
	if (ui->depth > 0)
		ui->depth--;
	if (ui->depth == 0) {
		ui->quit = 1;
		return;
	}
	ui->screens[ui->stack[ui->depth - 1]].enter(ui, 0);
}

void
ui_reset(struct ui *ui, enum ui_screen s)
{
	ui->depth = 0;
	ui_push(ui, s);
}

enum ui_screen
ui_below(const struct ui *ui)
{
	return ui->depth >= 2 ? ui->stack[ui->depth - 2] : UI_TODAY;
}

void
ui_message(struct ui *ui, enum ui_color c, const char *fmt, ...)
{
	va_list ap;

	free(ui->message);
	va_start(ap, fmt);
	ui->message = xvasprintf(fmt, ap);
	va_end(ap);
	ui->message_color = c;
}

void
ui_error(struct ui *ui, char *cause)
{
	ui_message(ui, UI_C_WARNING, "%s",
		   cause != NULL ? cause : "unknown error");
	free(cause);
}

void
ui_today(const struct ui *ui, char out[DAY_LEN])
{
	char *cause = NULL;

	/* The config was read by prepare(): this cannot fail. */
	if (app_today(ui->app, out, &cause) != 0) {
		free(cause);
		memcpy(out, ui->app->today, DAY_LEN);
	}
}

int
ui_plan_reload(struct ui *ui, struct program_plan *plan, int *loaded)
{
	char day[DAY_LEN], *cause = NULL;

	if (*loaded)
		program_plan_free(plan);
	*loaded = 0;
	ui_today(ui, day);
	if (program_plan_load(ui->pack, ui->store, day, plan, &cause) != 0) {
		ui_error(ui, cause);
		return -1;
	}
	*loaded = 1;
	return 0;
}

int
ui_text_width(const struct ui *ui)
{
	return ui->w - 3;
}

void
ui_show_view(const struct ui *ui, struct ui_view *v, int y, int h)
{
	ui_view_draw(v, y, 1, h, ui->w - 1);
}
