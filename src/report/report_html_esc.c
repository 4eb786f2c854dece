/* report_html_esc.c: how the HTML report writes text from the log or the
 * pack, shared by the page (report_html.c) and its chart
 * (report_chart.c). */
#include "report_int.h"

#include "util.h"

/* Terminal escapes first, then HTML: the page holds no markup from the
 * log or the pack. */
void
report_html_esc(struct buf *b, const char *s)
{
	struct buf t;
	const char *p;

	buf_init(&t);
	util_escape(&t, s);
	for (p = t.data; p != NULL && *p != '\0'; p++) {
		switch (*p) {
		case '&':
			buf_adds(b, "&amp;");
			break;
		case '<':
			buf_adds(b, "&lt;");
			break;
		case '>':
			buf_adds(b, "&gt;");
			break;
		case '"':
			buf_adds(b, "&quot;");
			break;
		case '\'':
			buf_adds(b, "&#39;");
			break;
		default:
			buf_addc(b, *p);
		}
	}
	buf_free(&t);
}
