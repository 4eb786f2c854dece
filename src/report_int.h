/*
 * report_int.h: what the report's files share and no other module sees.
 * report.c gathers the facts, picks the format and saves; report_text.c
 * (text, Markdown) and report_html.c write the formats; report_words.c
 * holds the sentences every format says the same way, so each is written
 * once. Calls go one way: report.c -> report_text.c, report_html.c ->
 * report_words.c.
 */
#ifndef BACKPAIN_REPORT_INT_H
#define BACKPAIN_REPORT_INT_H

#include "report.h"

struct buf;
struct store_screening;

/* The formats, each appending the whole report to b. */
void report_text(struct buf *b, const struct report *);
void report_markdown(struct buf *b, const struct report *);
void report_html(struct buf *b, const struct report *);

/* How a format writes text from the log or the pack, and quotes a title. */
struct report_style {
	void (*esc)(struct buf *, const char *);
	const char *lquote, *rquote;
};

/* "A self-kept log, not a clinical measurement: ... ." */
void report_intro(struct buf *b, const struct report *,
		  const struct report_style *);
/* The facts at the top, each followed by end (a format's full stop):
 * the log's span, the usual pain at the start, and how many safety
 * questions were answered yes (ending in a colon instead when some were,
 * for the list that follows). */
void report_log_line(struct buf *b, const struct report *, const char *end);
void report_start_line(struct buf *b, const struct report *, const char *end);
void report_flags_line(struct buf *b, const struct report *, const char *end);
/* " (answered YYYY-MM-DD)" of a safety answer; nothing without a day. */
void report_answered(struct buf *b, const struct store_screening *);

/* The question of a safety answer: the pack's text for its id, else the
 * id. Borrowed. */
const char *report_flag_question(const struct report *,
				 const struct store_screening *);
/* The note cut to REPORT_NOTE_CHARS characters (code points), with an
 * ellipsis when cut; allocated, the caller frees. Not yet escaped. */
char *report_note_excerpt(const char *note);
/* The pain scale's words for 0 and 10 from the pack ("No pain", ...), or
 * plain ones without a pack. Borrowed. */
const char *report_scale_low(const struct report *);
const char *report_scale_high(const struct report *);

#endif
