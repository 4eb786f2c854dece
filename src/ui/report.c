/* report.c: the one-page summary for a therapist, written from the TUI. */
#include <stdlib.h>
#include <sys/stat.h>

#include "report.h"
#include "ui_int.h"
#include "util.h"

/*
 * Writes the HTML summary (the same as `backpain report --format html`) to
 * ~/backpain-report-DAY.html, 0600, whole or not at all, and says where it
 * went. Without a HOME it goes to the current directory.
 */
void
ui_report_write(struct ui *ui)
{
	char day[DAY_LEN], *cause = NULL, *path;
	const char *home = getenv("HOME");
	struct report r;
	struct buf b;

	ui_today(ui, day);
	if (report_load(ui->pack, ui->store, day, &r, &cause) != 0) {
		ui_error(ui, cause);
		return;
	}
	buf_init(&b);
	report_format(&b, &r, REPORT_HTML);
	report_free(&r);
	if (home != NULL && *home != '\0')
		path = xasprintf("%s/backpain-report-%s.html", home, day);
	else
		path = xasprintf("backpain-report-%s.html", day);
	if (report_save(path, b.data, b.len, &cause) != 0)
		ui_error(ui, cause);
	else
		ui_message(ui, UI_C_GOOD,
			   "Wrote %s: open it in a browser and print it for "
			   "your therapist (one page).",
			   path);
	free(path);
	buf_free(&b);
}
