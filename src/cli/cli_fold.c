/*
 * cli_fold.c: the line mode's text to a terminal: folded between words to
 * its width, and escaped (cli_int.h).
 */
#include "cli_int.h"

#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "review.h"
#include "util.h"

int
cli_columns(void)
{
	struct winsize ws;

	if (!isatty(STDOUT_FILENO))
		return 0;
	if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) != 0 || ws.ws_col == 0)
		return CLI_COLUMNS;
	if (ws.ws_col < CLI_MIN_COLUMNS)
		return CLI_MIN_COLUMNS;
	return ws.ws_col > CLI_COLUMNS ? CLI_COLUMNS : ws.ws_col;
}

void
cli_put_folded(const char *text, const char *indent, int width, int prompt)
{
	struct buf esc, out;

	buf_init(&esc);
	buf_init(&out);
	util_escape(&esc, text);
	if (width > 0) {
		review_wrap(&out, esc.data != NULL ? esc.data : "", indent,
			    width);
		/* review_wrap() ends with a newline; a prompt keeps the
		 * cursor on its last line. */
		if (prompt && out.len > 0 && out.data[out.len - 1] == '\n')
			out.data[--out.len] = '\0';
	} else {
		buf_adds(&out, indent);
		buf_adds(&out, esc.data != NULL ? esc.data : "");
	}
	if (out.data != NULL)
		fputs(out.data, stdout);
	if (prompt) {
		if (out.len > 0 && out.data[out.len - 1] != ' ')
			putchar(' ');
	} else if (width == 0) {
		putchar('\n');
	}
	buf_free(&out);
	buf_free(&esc);
}

void
cli_put_escaped(const char *text)
{
	struct buf b;

	buf_init(&b);
	util_escape(&b, text);
	fputs(b.data != NULL ? b.data : "", stdout);
	buf_free(&b);
}
