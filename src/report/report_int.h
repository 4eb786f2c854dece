/*
 * report_int.h: what the report's files share and no other module sees.
 * report.c gathers the facts, picks the format and saves; report_text.c
 * (text, Markdown) and report_html.c write the formats, the HTML page's
 * chart in report_chart.c and its escaping in report_html_esc.c;
 * report_words.c holds the sentences every format says the same way, so
 * each is written once. Calls go one way: report.c -> report_text.c,
 * report_html.c -> report_words.c, and report_html.c -> report_chart.c
 * -> report_html_esc.c.
 */
#ifndef BACKPAIN_REPORT_INT_H
#define BACKPAIN_REPORT_INT_H

#include "report.h"

struct buf;
struct screening;

/* The formats, each appending the whole report to b. */
void report_text(struct buf *b, const struct report *);
void report_markdown(struct buf *b, const struct report *);
void report_html(struct buf *b, const struct report *);

/* report_chart.c: the chart of daily pain as one SVG element, appended to
 * b; and the colour of trial i's band (a static string), which the
 * page's table shows beside the trial too. */
void report_chart(struct buf *b, const struct report *);
const char *report_chart_colour(size_t i);
/* report_html_esc.c: s appended to b as HTML text, terminal escapes made
 * visible first, so the page holds no markup from the log or the pack. */
void report_html_esc(struct buf *b, const char *s);

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
/* " (answered YYYY-MM-DD)" of the safety answer rp->answers[i], then the
 * doctor's check when recorded, then "later answered no on D" when the
 * next answer to the same question is a no. */
void report_answered(struct buf *b, const struct report *rp, size_t i);

/* The question of a safety answer: the pack's text for its id, else the
 * id. Borrowed. */
const char *report_flag_question(const struct report *,
				 const struct screening *);
/* The note cut to REPORT_NOTE_CHARS characters (code points), with an
 * ellipsis when cut; allocated, the caller frees. Not yet escaped. */
char *report_note_excerpt(const char *note);
/* The pain scale's words for 0 and 10 from the pack ("No pain", ...), or
 * plain ones without a pack. Borrowed. */
const char *report_scale_low(const struct report *);
const char *report_scale_high(const struct report *);

/* Issue 12. Row i's interference in the windows its pain is compared
 * over, as the reviewer gives them (review_interference()), with their
 * days: "Interference before: 4.0 (5 check-ins, D1 to D2); from day 8 on:
 * 2.5 (7 check-ins, D3 to D4)", or that it was not rated. No end. */
void report_interference_line(struct buf *b, const struct report *, size_t i);
/* " Interference days: D1 to D2 before, D3 to D4 after." (a blank
 * first): the days of row i's interference windows, when it was rated in
 * them; else nothing. */
void report_windows_days(struct buf *b, const struct report *, size_t i);
/* When row i is the trial its approach was kept from as a habit: "kept as
 * a habit since D, practised on N of M days since" ("kept as a habit from
 * D to E" once dropped) and 1; else 0. */
int report_habit_line(struct buf *b, const struct report *, size_t i);
/* What became of a row in the review's words (review_row_state()), or a
 * flare-up tool's use outside a trial (program_tool_words(), written into
 * tmp, which the caller frees). Borrowed. */
const char *report_row_state(const struct review_row *, struct buf *tmp);
/* Whether answer i (rp->answers) is listed among the safety questions
 * answered yes: a yes, and not to the recent-injury question. */
int report_answer_listed(const struct report *, size_t i);
/* The flare-ups in one sentence, then end: how many (per month), how
 * long, how bad. */
void report_flares_line(struct buf *b, const struct report *, const char *end);
/* The latest flare-ups the report lists one by one. */
#define REPORT_FLARES 4
/* Flare i: its days, how bad, how it ended and what was used during it
 * with how much it relieved right after. Titles escaped by st. */
void report_flare_item(struct buf *b, const struct report *, size_t i,
		       const struct report_style *st);
/* The mean interference of the ratings from day from to day to (day
 * numbers, inclusive) into fig; 0 when there is none, else their count. */
int report_interference_mean(const struct report *, int from, int to,
			     char fig[REVIEW_FIGURE_LEN]);
#endif
