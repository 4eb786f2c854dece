/*
 * review_wrap.c: text folded at a width in screen columns (review.h's
 * review_wrap()), by wcwidth() under the current locale. Moved from
 * review_text.c as a job of its own.
 */
#include "review.h"

#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "util.h"

/* Bytes below this are ASCII: one column each, printable or not (a
 * control character counts as one, as wcwidth()'s -1 does below). */
#define ASCII_END 0x80

/* Screen columns of the UTF-8 text s[0..len); ASCII without a call. */
static int
columns(const char *s, size_t len)
{
	const unsigned char *u = (const unsigned char *)s;
	mbstate_t st;
	size_t i = 0, k;
	wchar_t wc;
	int w, cols = 0;

	memset(&st, 0, sizeof st);
	while (i < len) {
		if (u[i] < ASCII_END) {
			cols++;
			i++;
			continue;
		}
		k = mbrtowc(&wc, s + i, len - i, &st);
		if (k == (size_t)-1 || k == (size_t)-2 || k == 0) {
			memset(&st, 0, sizeof st);
			cols++;
			i++;
			continue;
		}
		w = wcwidth(wc);
		cols += w < 0 ? 1 : w;
		i += k;
	}
	return cols;
}

void
review_wrap(struct buf *b, const char *text, const char *indent, int width)
{
	const char *p = text;
	int col = 0, fresh = 1, indent_cols = columns(indent, strlen(indent));

	while (*p != '\0') {
		size_t len;
		int w;

		while (*p == ' ')
			p++;
		if (*p == '\0')
			break;
		len = strcspn(p, " ");
		w = columns(p, len);
		if (!fresh && col + 1 + w > width) {
			buf_addc(b, '\n');
			fresh = 1;
		}
		if (fresh) {
			buf_adds(b, indent);
			col = indent_cols;
			fresh = 0;
		} else {
			buf_addc(b, ' ');
			col++;
		}
		buf_add(b, p, len);
		col += w;
		p += len;
	}
	buf_addc(b, '\n');
}
