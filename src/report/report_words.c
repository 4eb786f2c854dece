/* report_words.c: the report's sentences, written once for every format;
 * see report_int.h. */
#include "report_int.h"

#include <string.h>

#include "content.h"
#include "util.h"
#include "version.h"

/* Screening id of the onboarding injury question (screening.h). */
#define INJURY_FLAG SCREENING_INJURY

static const char *
plural(long long n, const char *one, const char *many)
{
	return n == 1 ? one : many;
}

void
report_intro(struct buf *b, const struct report *rp,
	     const struct report_style *st)
{
	buf_adds(b, "A self-kept log, not a clinical measurement: the patient "
		    "rated their pain once a day from 0 (");
	st->esc(b, report_scale_low(rp));
	buf_adds(b, ") to 10 (");
	st->esc(b, report_scale_high(rp));
	buf_printf(b, ") with backpain %s", BACKPAIN_VERSION);
	if (rp->pack != NULL && rp->pack->title != NULL) {
		buf_printf(b, ", following the guide %s", st->lquote);
		st->esc(b, rp->pack->title);
		buf_adds(b, st->rquote);
	}
	buf_adds(b, ".");
}

void
report_log_line(struct buf *b, const struct report *rp, const char *end)
{
	const struct review *rv = &rp->review;

	if (rv->ncheckins == 0)
		buf_adds(b, "no check-in yet");
	else
		buf_printf(
		    b, "%s to %s, %zu %s on %d %s", rp->first_day, rp->last_day,
		    rv->ncheckins,
		    plural((long long)rv->ncheckins, "check-in", "check-ins"),
		    rp->span_days, plural(rp->span_days, "day", "days"));
	if (rv->nrecalled > 0)
		buf_printf(b,
			   ", %zu of them recalled (entered more than %d days "
			   "after their day) and left out of every verdict",
			   rv->nrecalled, PROGRAM_RECALL_DAYS);
	buf_adds(b, end);
}

void
report_start_line(struct buf *b, const struct report *rp, const char *end)
{
	char fig[REVIEW_FIGURE_LEN];

	if (rp->review.usual_pain != ANALYSIS_NO_RATING) {
		buf_printf(b, "%d of 10, rated at the first run",
			   rp->review.usual_pain);
		if (rp->onboarded[0] != '\0')
			buf_printf(b, " (%s)", rp->onboarded);
	} else if (rp->start_n == 0) {
		buf_adds(b, "not rated, and no check-in yet");
	} else {
		review_fraction(rp->start_sum, rp->start_n, 2, 0, fig);
		buf_printf(b,
			   "not rated at the first run; the log's first %d "
			   "days average %s (%d %s)",
			   REPORT_START_DAYS, fig, rp->start_n,
			   plural(rp->start_n, "check-in", "check-ins"));
	}
	buf_adds(b, end);
}

/* Whether s answered an earlier revision of its red flag's question (its
 * meaning changed since): the program asks it again (program.h). */
static int
stale(const struct report *rp, const struct screening *s)
{
	const struct red_flag *f =
	    rp->pack != NULL ? content_red_flag(rp->pack, s->flag) : NULL;

	return f != NULL && s->revision < f->revision;
}

void
report_flags_line(struct buf *b, const struct report *rp, const char *end)
{
	size_t i, old = 0;

	if (rp->nflags == 0) {
		buf_adds(b, "not answered yet");
	} else {
		buf_printf(b, "%zu answered", rp->nflags);
		if (rp->last_answered[0] != '\0')
			buf_printf(b, ", the latest on %s", rp->last_answered);
		for (i = 0; i < rp->nscreenings; i++)
			old += stale(rp, &rp->screenings[i]);
		if (old > 0)
			buf_printf(b,
				   " (%zu of them to an earlier wording of "
				   "the question, to be asked again)",
				   old);
	}
	/* The recent-injury question of the first run is no safety
	 * question: said apart, never counted among them. */
	if (rp->injury >= 0)
		buf_printf(b, " (recent injury, asked apart: %s)",
			   rp->injury ? "yes" : "no");
	if (rp->nflags > 0) {
		if (rp->nyes == 0) {
			buf_adds(b, "; none answered yes");
		} else {
			buf_printf(
			    b, "; %zu answered yes at some time:", rp->nyes);
			return;
		}
	}
	buf_adds(b, end);
}

/* The day part of a local ISO 8601 time, or NULL without one. */
static const char *
answer_day(const struct screening *s)
{
	return s->asked_at != NULL && strlen(s->asked_at) >= DAY_LEN - 1
		   ? s->asked_at
		   : NULL;
}

void
report_answered(struct buf *b, const struct report *rp, size_t i)
{
	const struct screening *s = &rp->answers[i];
	size_t j;

	if (answer_day(s) != NULL)
		buf_printf(b, " (answered %.*s%s)", DAY_LEN - 1, s->asked_at,
			   stale(rp, s) ? ", to an earlier wording of this "
					  "question"
					: "");
	else if (stale(rp, s))
		buf_adds(b, " (answered to an earlier wording of this "
			    "question)");
	if (s->checked_on[0] != '\0')
		buf_printf(b, "; checked by a doctor on %s", s->checked_on);
	for (j = i + 1; j < rp->nanswers; j++) {
		const struct screening *n = &rp->answers[j];

		if (strcmp(n->flag, s->flag) != 0)
			continue;
		if (n->answer == 0) {
			buf_adds(b, "; later answered no");
			if (answer_day(n) != NULL)
				buf_printf(b, " on %.*s", DAY_LEN - 1,
					   n->asked_at);
		}
		break;
	}
}

const char *
report_flag_question(const struct report *rp, const struct screening *s)
{
	const struct red_flag *f;

	if (rp->pack == NULL)
		return s->flag;
	f = content_red_flag(rp->pack, s->flag);
	return f != NULL ? f->question : s->flag;
}

/* A UTF-8 continuation byte, 10xxxxxx. */
#define UTF8_CONT_MASK 0xc0
#define UTF8_CONT 0x80
#define ELLIPSIS "\u2026"

char *
report_note_excerpt(const char *note)
{
	const unsigned char *u = (const unsigned char *)note;
	size_t i = 0, chars = 0;

	while (u[i] != '\0') {
		if ((u[i] & UTF8_CONT_MASK) != UTF8_CONT &&
		    chars++ == REPORT_NOTE_CHARS)
			return xasprintf("%.*s%s", (int)i, note, ELLIPSIS);
		i++;
	}
	return xstrdup(note);
}

const char *
report_scale_low(const struct report *rp)
{
	const struct scale *s;

	if (rp->pack == NULL)
		return "no pain";
	s = &rp->pack->pain_scale;
	if (s->nanchors == 0 || s->anchors[0].label == NULL)
		return "no pain";
	return s->anchors[0].label;
}

const char *
report_scale_high(const struct report *rp)
{
	const struct scale *s;

	if (rp->pack == NULL)
		return "worst imaginable";
	s = &rp->pack->pain_scale;
	if (s->nanchors == 0 || s->anchors[s->nanchors - 1].label == NULL)
		return "worst imaginable";
	return s->anchors[s->nanchors - 1].label;
}

int
report_interference_mean(const struct report *rp, int from, int to,
			 char fig[REVIEW_FIGURE_LEN])
{
	size_t k;
	int n = 0, sum = 0;

	fig[0] = '\0';
	for (k = 0; k < rp->ninterference; k++)
		if (rp->interference[k].day >= from &&
		    rp->interference[k].day <= to) {
			n++;
			sum += rp->interference[k].value;
		}
	if (n > 0)
		review_fraction(sum, n, 1, 0, fig);
	return n;
}

/* The one wording of it is the review's (review_interference_words()),
 * as the TUI's Review says it. */
void
report_interference_line(struct buf *b, const struct report *rp, size_t i)
{
	review_interference_words(b, &rp->review.rows[i]);
}

int
report_habit_line(struct buf *b, const struct report *rp, size_t i)
{
	const struct review_row *row = &rp->review.rows[i];
	const struct program_step *st = NULL;

	if (!row->habit)
		return 0;
	if (row->habit_dropped[0] != '\0') {
		buf_printf(b, "kept as a habit from %s to %s", row->habit_since,
			   row->habit_dropped);
		return 1;
	}
	if (rp->plan_loaded)
		st = program_plan_trial(&rp->plan, row->trial_id);
	buf_printf(b, "%s since %s", review_row_state(row), row->habit_since);
	if (st != NULL && st->habit)
		buf_printf(b, ", practised on %d of %d %s since",
			   st->habit_practised, st->habit_days,
			   plural(st->habit_days, "day", "days"));
	return 1;
}

void
report_windows_days(struct buf *b, const struct report *rp, size_t i)
{
	const struct review_windows *w = &rp->windows[i];

	if ((w->before_n == 0 && w->during_n == 0) ||
	    rp->review.rows[i].tool_use)
		return;
	buf_printf(b, " Interference days: %s to %s before", w->before_from,
		   w->before_to);
	if (w->during_from[0] != '\0')
		buf_printf(b, ", %s to %s after", w->during_from, w->during_to);
	buf_addc(b, '.');
}

const char *
report_row_state(const struct review_row *row, struct buf *tmp)
{
	if (!row->tool_use)
		return review_row_state(row);
	program_tool_words(tmp, row->tool_sessions, row->ended_on);
	return tmp->data;
}

int
report_answer_listed(const struct report *rp, size_t i)
{
	return rp->answers[i].answer == 1 &&
	       strcmp(rp->answers[i].flag, INJURY_FLAG) != 0;
}

void
report_flares_line(struct buf *b, const struct report *rp, const char *end)
{
	const struct program_flares *fl = &rp->flares;
	char month[8] = "", fig[REVIEW_FIGURE_LEN];
	size_t i;
	int in_month = 0, days = 0, shortest = 0, longest = 0, peaks = 0;
	int peak_sum = 0;

	if (fl->n == 0) {
		buf_printf(b, "none recorded%s", end);
		return;
	}
	buf_printf(b, "%zu %s (", fl->n,
		   plural((long long)fl->n, "flare-up", "flare-ups"));
	for (i = 0; i < fl->n; i++) {
		const struct program_flare *f = &fl->flares[i];

		if (strncmp(month, f->began_on, 7) != 0) {
			if (in_month > 0)
				buf_printf(b, ": %d, ", in_month);
			memcpy(month, f->began_on, 7);
			month[7] = '\0';
			buf_adds(b, month);
			in_month = 0;
		}
		in_month++;
		days += f->days;
		if (i == 0 || f->days < shortest)
			shortest = f->days;
		if (f->days > longest)
			longest = f->days;
		if (f->peak != ENTRY_NONE) {
			peaks++;
			peak_sum += f->peak;
		}
	}
	buf_printf(b, ": %d); ", in_month);
	/* One flare-up: its own figures, no average of one. */
	if (fl->n == 1) {
		buf_printf(b, "it %s %d %s",
			   fl->running >= 0 ? "has lasted" : "lasted", days,
			   days == 1 ? "day" : "days");
		if (peaks > 0)
			buf_printf(b, ", with pain up to %d at its worst",
				   peak_sum);
	} else {
		review_fraction(days, (long long)fl->n, 1, 0, fig);
		buf_printf(b, "they lasted %s %s on average (%d to %d)", fig,
			   days == (int)fl->n ? "day" : "days", shortest,
			   longest);
		if (peaks > 0) {
			review_fraction(peak_sum, peaks, 1, 0, fig);
			buf_printf(b,
				   ", with pain at its worst %s on average "
				   "(over the %d rated)",
				   fig, peaks);
		}
	}
	if (fl->running >= 0)
		buf_printf(b, "; one is running since %s",
			   fl->flares[fl->running].began_on);
	buf_adds(b, end);
}

void
report_flare_item(struct buf *b, const struct report *rp, size_t i,
		  const struct report_style *st)
{
	const struct program_flare *f = &rp->flares.flares[i];
	char last[DAY_LEN];

	if (f->ended_on[0] == '\0')
		buf_printf(b, "%s to today, %d %s so far", f->began_on, f->days,
			   plural(f->days, "day", "days"));
	else if (f->days == 1)
		buf_printf(b, "%s, 1 day", f->began_on);
	else if (day_add(f->began_on, f->days - 1, last) == 0)
		buf_printf(b, "%s to %s, %d days", f->began_on, last, f->days);
	else /* its last day past the calendar's: only its length */
		buf_printf(b, "%s, %d days", f->began_on, f->days);
	if (f->peak != ENTRY_NONE)
		buf_printf(b, ", pain up to %d", f->peak);
	if (f->level != ENTRY_NONE)
		buf_printf(b, " (level before it %d)", f->level);
	if (f->ended_by == FLARE_CALM)
		buf_adds(b, ", over by itself");
	/* The one wording of what it used (review.h), as History says it. */
	buf_adds(b, ". Used: ");
	review_flare_used(b, rp->pack, f, st->esc);
	buf_adds(b, ".");
}
