/*
 * util: memory, strings and UTF-8 helpers shared by every layer.
 *
 * The x* allocators never return NULL: on exhaustion they print a message and
 * exit(EX_OSERR). Every function returning char * hands the caller a new
 * allocation to free(). struct buf owns its data; buf_free() releases it.
 */
#ifndef BACKPAIN_UTIL_H
#define BACKPAIN_UTIL_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

void *xmalloc(size_t);
void *xcalloc(size_t, size_t);
void *xrealloc(void *, size_t);
void *xreallocarray(void *, size_t, size_t);
char *xstrdup(const char *);
char *xstrndup(const char *, size_t);
char *xasprintf(const char *, ...) __attribute__((format(printf, 1, 2)));
char *xvasprintf(const char *, va_list) __attribute__((format(printf, 1, 0)));

/* A growable, always NUL-terminated byte string. */
struct buf {
	char *data;
	size_t len;
	size_t cap;
};

void buf_init(struct buf *);
void buf_free(struct buf *);
void buf_add(struct buf *, const char *, size_t);
void buf_adds(struct buf *, const char *);
void buf_addc(struct buf *, char);
/* Appends code point cp (a Unicode scalar value) as UTF-8. */
void buf_add_utf8(struct buf *, uint32_t cp);
void buf_printf(struct buf *, const char *, ...)
    __attribute__((format(printf, 2, 3)));
/* Hands the string to the caller (free() it) and leaves the buf empty. */
char *buf_take(struct buf *);

/*
 * Returns 0 when s[0..len) is well-formed UTF-8 (no overlongs, no surrogates,
 * nothing above U+10FFFF); else -1 with *bad set to the offset of the first
 * bad byte.
 */
int utf8_valid(const char *s, size_t len, size_t *bad);

/*
 * The length of the well-formed UTF-8 character at s (at most n bytes),
 * its code point in *cp; 0 when s does not start one.
 */
size_t utf8_decode(const char *s, size_t n, uint32_t *cp);

/*
 * The one policy for characters that must not reach a terminal as they
 * are: 1 for a control character (C0, DEL, C1 U+0080..U+009F), a bidi
 * control (U+061C, U+200E, U+200F, U+202A..U+202E, U+2066..U+2069) or a
 * line or paragraph separator (U+2028, U+2029); else 0. util_escape()
 * escapes them for people; fmt.h writes them as CSV and JSON.
 */
int util_unsafe(uint32_t cp);

/*
 * Appends s to b with every util_unsafe() character and every byte that is
 * not UTF-8 escaped as \n, \t, \r, \e, \xHH or \u{HHHH}, so that text from
 * the log cannot drive the terminal. Backslashes are doubled.
 */
void util_escape(struct buf *b, const char *s);

/* Parses a whole decimal integer in [min, max]; 0 on success, else -1. */
int util_parse_int(const char *s, long min, long max, long *out);

/*
 * The one mark of a pain rating 0..10 in a one-cell chart (status, the
 * TUI's strip, the text report): eight block heights, where 1-2, 7-8 and
 * 9-10 share one and every other rating has its own. utf8 picks U+2581..
 * U+2588, else an ASCII mark of the same level. "?" outside 0..10.
 */
#define UTIL_PAIN_MARKS 8
const char *util_pain_mark(int pain, int utf8);
/* The mark of level 0..UTIL_PAIN_MARKS-1, for legends. */
const char *util_pain_level_mark(int level, int utf8);

#endif
