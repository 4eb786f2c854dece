/*
 * fmt: the one writer of CSV fields and JSON strings, under the one policy
 * for characters that must not reach a terminal as they are (util_unsafe()
 * in util.h: C0, DEL, C1, the bidi controls, U+2028 and U+2029):
 *   - text for people (tables, status, the text report, the TUI) goes
 *     through util_escape(): such characters become visible escapes;
 *   - JSON writes each of them as a JSON escape (\n, \t, \r, \b, \f, or
 *     \uXXXX), wherever the output goes; the data read back is exact;
 *   - CSV is exact when written to a file or a pipe, and escaped as text
 *     for people (util_escape()) when written to a terminal, so that a note
 *     cannot set the window title, reach the clipboard or clear the screen.
 * Everything appends to a caller-owned struct buf; nothing here allocates
 * what the caller must free besides the buf's own data.
 */
#ifndef BACKPAIN_FMT_H
#define BACKPAIN_FMT_H

#include <stddef.h>
#include <stdio.h>

struct buf;

/* How CSV fields are written: exactly, or escaped for a terminal. */
enum fmt_csv { FMT_CSV_EXACT, FMT_CSV_TERMINAL };

/* FMT_CSV_TERMINAL when out is a terminal, else FMT_CSV_EXACT. */
enum fmt_csv fmt_csv_for(FILE *out);

/*
 * Appends s[0..len) as one CSV field (RFC 4180): quoted when it holds a
 * comma, a quote, CR or LF, with quotes doubled. With FMT_CSV_TERMINAL the
 * text is first escaped by util_escape(), so it holds no CR or LF.
 */
void fmt_csv_field(struct buf *b, const char *s, size_t len, enum fmt_csv);
/* fmt_csv_field() of a NUL-terminated s. */
void fmt_csv(struct buf *b, const char *s, enum fmt_csv);

/*
 * Appends s as a JSON string, or null when s is NULL. Quotes and
 * backslashes are escaped, and every util_unsafe() character. A byte that
 * is not UTF-8 is written as \u00XX, its value as a code point, since JSON
 * cannot carry it.
 */
void fmt_json_string(struct buf *b, const char *s);

/*
 * Appends the JSON text json[0..len), made elsewhere (SQLite's JSON
 * functions), with each util_unsafe() character it carries raw written as
 * \uXXXX instead, and each byte that is not UTF-8 as \u00XX. Such
 * characters are never part of JSON's syntax, so they can only sit inside
 * strings: the value read back is the same.
 */
void fmt_json_text(struct buf *b, const char *json, size_t len);

#endif
