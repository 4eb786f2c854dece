/* widget_field.c: the one-line text field: wide characters inside, UTF-8
 * outside, editing by character and scrolling by screen columns. */
#include "ui_widget.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <wctype.h>

#include "util.h"

static void field_insert(struct ui_field *, wchar_t);

void
ui_field_set(struct ui_field *f, const char *utf8)
{
	size_t n = utf8 ? strlen(utf8) : 0, i = 0;
	wchar_t wc;

	f->len = f->cur = 0;
	f->scroll = 0;
	while (i < n) {
		i += ui_next_char(utf8 + i, n - i, &wc);
		if (wc == L'\n' || wc == L'\t')
			wc = L' ';
		if (iswprint((wint_t)wc))
			field_insert(f, wc);
	}
}

void
ui_field_free(struct ui_field *f)
{
	free(f->buf);
	f->buf = NULL;
	f->len = f->cap = f->cur = 0;
}

static void
field_insert(struct ui_field *f, wchar_t wc)
{
	if (f->max > 0 && f->len >= f->max)
		return;
	if (f->len + 1 >= f->cap) {
		f->cap = f->cap ? f->cap * 2 : 64;
		f->buf = xreallocarray(f->buf, f->cap, sizeof *f->buf);
	}
	memmove(f->buf + f->cur + 1, f->buf + f->cur,
		(f->len - f->cur) * sizeof *f->buf);
	f->buf[f->cur++] = wc;
	f->len++;
}

static void
field_delete(struct ui_field *f, size_t at)
{
	if (at >= f->len)
		return;
	memmove(f->buf + at, f->buf + at + 1,
		(f->len - at - 1) * sizeof *f->buf);
	f->len--;
	if (f->cur > at)
		f->cur--;
}

int
ui_field_key(struct ui_field *f, int key)
{
	switch (key) {
	case UI_FKEY(KEY_LEFT):
		if (f->cur > 0)
			f->cur--;
		return 1;
	case UI_FKEY(KEY_RIGHT):
		if (f->cur < f->len)
			f->cur++;
		return 1;
	case UI_FKEY(KEY_HOME):
	case UI_KEY_CTRL('a'):
		f->cur = 0;
		return 1;
	case UI_FKEY(KEY_END):
	case UI_KEY_CTRL('e'):
		f->cur = f->len;
		return 1;
	case UI_KEY_BACKSPACE:
	case 127:
	case UI_KEY_CTRL('h'):
		if (f->cur > 0)
			field_delete(f, f->cur - 1);
		return 1;
	case UI_FKEY(KEY_DC):
		field_delete(f, f->cur);
		return 1;
	case UI_KEY_CTRL('u'):
		f->len = f->cur = 0;
		return 1;
	default:
		break;
	}
	if (key >= ' ' && key < UI_KEY_FN && key != 127 &&
	    iswprint((wint_t)key)) {
		field_insert(f, (wchar_t)key);
		return 1;
	}
	return 0;
}

void
ui_field_draw(struct ui_field *f, int y, int x, int w, int *cx)
{
	int col = 0, curcol = 0, cw;
	size_t i;
	wchar_t wc;

	for (i = 0; i < f->cur; i++) {
		wc = f->buf[i];
		curcol += ui_char_cols(&wc);
	}
	if (curcol < f->scroll)
		f->scroll = curcol;
	if (curcol >= f->scroll + w)
		f->scroll = curcol - w + 1;
	attrset(A_UNDERLINE);
	mvhline(y, x, ' ', w);
	for (i = 0; i < f->len; i++) {
		wc = f->buf[i];
		cw = ui_char_cols(&wc);
		if (col >= f->scroll && col + cw <= f->scroll + w)
			mvaddnwstr(y, x + col - f->scroll, &wc, 1);
		col += cw;
	}
	attrset(A_NORMAL);
	if (cx != NULL)
		*cx = x + curcol - f->scroll;
}

char *
ui_field_text(const struct ui_field *f)
{
	struct buf b;
	char mb[MB_LEN_MAX];
	mbstate_t st;
	size_t i, r;

	buf_init(&b);
	memset(&st, 0, sizeof st);
	for (i = 0; i < f->len; i++) {
		r = wcrtomb(mb, f->buf[i], &st);
		if (r != (size_t)-1)
			buf_add(&b, mb, r);
	}
	buf_adds(&b, "");
	return buf_take(&b);
}
