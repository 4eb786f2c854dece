/* widget_field.c: the one-line text field: code points inside, UTF-8
 * outside, editing by character and scrolling by screen columns.
 *
 * The field never changes text it was given: it keeps the bytes that
 * ui_field_set() received and hands them back unchanged until the person
 * edits, and decodes and encodes UTF-8 itself, so neither the locale (C or
 * UTF-8) nor the width of the screen cuts or transcodes a note. Newlines
 * and tabs are kept; a newline shows as one visible mark. */
#include "widget_int.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <wctype.h>

#include "util.h"

/* How a newline shows: U+21B5 where the terminal can draw it, else '|'. */
#define FIELD_NEWLINE_MARK 0x21B5
#define FIELD_NEWLINE_PLAIN L'|'

static void
field_put(struct ui_field *f, wchar_t wc)
{
	if (f->len + 1 >= f->cap) {
		f->cap = f->cap ? f->cap * 2 : 64;
		f->buf = xreallocarray(f->buf, f->cap, sizeof *f->buf);
	}
	memmove(f->buf + f->cur + 1, f->buf + f->cur,
		(f->len - f->cur) * sizeof *f->buf);
	f->buf[f->cur++] = wc;
	f->len++;
}

/* A character the person typed or pasted; max counts only these. */
static void
field_insert(struct ui_field *f, wchar_t wc)
{
	if (f->max > 0 && f->len >= f->max)
		return;
	field_put(f, wc);
	f->edited = 1;
}

void
ui_field_set(struct ui_field *f, const char *utf8)
{
	size_t n = utf8 ? strlen(utf8) : 0, i = 0, used;
	uint32_t cp;

	f->len = f->cur = 0;
	f->scroll = 0;
	f->edited = 0;
	free(f->orig);
	f->orig = xstrdup(utf8 ? utf8 : "");
	while (i < n) {
		used = utf8_decode(utf8 + i, n - i, &cp);
		if (used == 0) {
			/* Not UTF-8 (the log never holds such a note): shown
			 * as '?', and kept as it was unless edited. */
			cp = '?';
			used = 1;
		}
		field_put(f, (wchar_t)cp);
		i += used;
	}
	f->cur = 0;
}

void
ui_field_free(struct ui_field *f)
{
	free(f->buf);
	free(f->orig);
	f->buf = NULL;
	f->orig = NULL;
	f->len = f->cap = f->cur = 0;
	f->edited = 0;
}

int
ui_field_edited(const struct ui_field *f)
{
	return f->edited;
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
	f->edited = 1;
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
		if (f->len > 0)
			f->edited = 1;
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
ui_field_paste(struct ui_field *f, const wchar_t *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		wchar_t wc = s[i];

		/* A terminal pastes a line break as CR, CR LF or LF. */
		if (wc == L'\r') {
			if (i + 1 < n && s[i + 1] == L'\n')
				i++;
			wc = L'\n';
		}
		if (wc == L'\n' || wc == L'\t' ||
		    (wc >= L' ' && wc != 127 && !util_unsafe((uint32_t)wc)))
			field_insert(f, wc);
	}
}

/* The character drawn for wc and its columns. */
static int
field_glyph(wchar_t *wc)
{
	if (*wc == L'\n') {
		*wc = FIELD_NEWLINE_MARK;
		if (wcwidth(*wc) == 1)
			return 1;
		*wc = FIELD_NEWLINE_PLAIN;
	}
	return ui_char_cols(wc);
}

void
ui_field_draw(struct ui_field *f, int y, int x, int w, int *cx)
{
	int col = 0, curcol = 0, cw;
	size_t i;
	wchar_t wc;

	for (i = 0; i < f->cur; i++) {
		wc = f->buf[i];
		curcol += field_glyph(&wc);
	}
	if (curcol < f->scroll)
		f->scroll = curcol;
	if (curcol >= f->scroll + w)
		f->scroll = curcol - w + 1;
	attrset(A_UNDERLINE);
	mvhline(y, x, ' ', w);
	for (i = 0; i < f->len; i++) {
		wc = f->buf[i];
		cw = field_glyph(&wc);
		if (col >= f->scroll && col + cw <= f->scroll + w)
			mvaddnwstr(y, x + col - f->scroll, &wc, 1);
		col += cw;
		if (col >= f->scroll + w)
			break;
	}
	attrset(A_NORMAL);
	if (cx != NULL)
		*cx = x + curcol - f->scroll;
}

char *
ui_field_text(const struct ui_field *f)
{
	struct buf b;
	size_t i;
	uint32_t cp;

	if (!f->edited)
		return xstrdup(f->orig != NULL ? f->orig : "");
	buf_init(&b);
	for (i = 0; i < f->len; i++) {
		cp = (uint32_t)f->buf[i];
		if (cp >= 0xD800 && cp <= 0xDFFF)
			cp = 0xFFFD;
		if (cp <= 0x10FFFF)
			buf_add_utf8(&b, cp);
	}
	buf_adds(&b, "");
	return buf_take(&b);
}
