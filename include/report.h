/*
 * report: the one-page summary of the log for a physical therapist, as
 * plain text, Markdown or a self-contained HTML page (inline CSS and SVG,
 * no scripts, no external files, printable on A4 and Letter).
 *
 * report_load() gathers the facts (the review of every trial, the
 * check-ins, the latest notes, the latest safety answers, the usual-pain
 * rating) into caller-owned memory that report_free() releases; the pack is
 * borrowed and must outlive it. Of the log it keeps the day and rating of
 * each check-in and the REPORT_NOTES latest notes, so its memory stays
 * small however long the log. report_format() only appends to a struct
 * buf, so a report is built whole before anything is written; the formats
 * (report_text.c, report_html.c) share their sentences through the
 * module's private header, src/report/report_int.h. Words about
 * back pain come from the pack (approach titles, safety questions, the pain
 * scale); the rest are plain factual labels. Every text from the log
 * (notes) is escaped for its format: control characters for the terminal in
 * text, HTML in html, Markdown in markdown.
 */
#ifndef BACKPAIN_REPORT_H
#define BACKPAIN_REPORT_H

#include <stddef.h>

#include "checkin.h"
#include "day.h"
#include "program.h"
#include "review.h"
#include "screening.h"

struct buf;
struct pack;

/* The latest check-ins with a note that the report lists, and how many
 * characters of each, so that the summary stays on one page. */
#define REPORT_NOTES 10
#define REPORT_NOTE_CHARS 200
/* The pain curves show at most this many calendar months, up to today. */
#define REPORT_CURVE_MONTHS 12
/* Without a usual-pain rating, the start is the mean of the log's first
 * week (context for the therapist, not a trial's baseline). */
#define REPORT_START_DAYS 7

enum report_format { REPORT_TEXT, REPORT_MARKDOWN, REPORT_HTML };

/* A day's interference rating (how much the pain got in the way). */
struct report_rating {
	int day; /* day number */
	int value;
};

struct report {
	const struct pack *pack; /* borrowed; may be NULL */
	struct review review;	 /* trials, check-ins, usual pain, today */
	/* The latest check-ins with a note, at most REPORT_NOTES, oldest
	 * first; day, pain and note are set (owned). */
	struct checkin notes[REPORT_NOTES];
	size_t nnotes;
	char onboarded[DAY_LEN];      /* the first-run day, "" when unknown */
	struct screening *screenings; /* latest answer per flag */
	size_t nscreenings;
	/* Every answer ever given, oldest first: a yes stays in the report
	 * when a later answer to its question is no. */
	struct screening *answers;
	size_t nanswers;
	/* The safety questions answered (latest answers, the recent-injury
	 * question of the first run apart: it is no safety question) and
	 * the answers to them that were yes, now or earlier. */
	size_t nflags;
	size_t nyes;
	char last_answered[DAY_LEN]; /* day of the latest answer, "" if none */
	/* The recent-injury question's latest answer: 1 yes, 0 no, -1 none. */
	int injury;
	/* The log's first and last check-in and the span between them;
	 * "" and 0 without check-ins. */
	char first_day[DAY_LEN];
	char last_day[DAY_LEN];
	int span_days;
	/* Mean of the check-ins on the first REPORT_START_DAYS days. */
	int start_n, start_sum;
	/* The first day the curves show: the earliest check-in or trial start,
	 * but not before the first day of the month REPORT_CURVE_MONTHS - 1
	 * before today's (a day number); curve_cut is set when that hides
	 * earlier days. */
	int curve_from;
	int curve_cut;
	/* Issue 12: the interference of every check-in that has one, oldest
	 * first; per row of the review its interference in the windows its
	 * pain is compared over, as the reviewer gives them
	 * (review_interference()); the flare-ups with what was used during
	 * them; the plan, for how often a kept habit was practised. */
	struct report_rating *interference;
	size_t ninterference, interference_cap;
	struct review_windows *windows;
	struct program_flares flares;
	struct program_plan plan;
	int plan_loaded;
	/* The pauses (a pack is needed to know them), which say which days
	 * of a trial do not count (program_trial_days()): the chart shows
	 * them as not trial days. */
	struct program_pauses pauses;
};

/* Gathers the report as of today. 0, or a store.h code with *cause. */
int report_load(const struct pack *, struct store *, const char *today,
		struct report *out, char **cause);
void report_free(struct report *);

/* "text", "markdown" (or "md"), "html": 0; -1 for another name. */
int report_format_parse(const char *name, enum report_format *out);
/* Appends the whole report in that format to b. */
void report_format(struct buf *b, const struct report *, enum report_format);

/*
 * Writes data to path whole or not at all: a new file of mode 0600 beside
 * it, flushed to disk, then renamed over path. 0, or EX_CANTCREAT with
 * *cause naming the path and the reason; on failure path is untouched and
 * no temporary file is left.
 */
int report_save(const char *path, const char *data, size_t len, char **cause);

#endif
