/* report_words.c: the report's sentences, written once for every format;
 * see report_int.h. */
#include "report_int.h"

#include <string.h>

#include "content.h"
#include "store.h"
#include "util.h"
#include "version.h"

/* Screening id of the onboarding injury question (store.h). */
#define INJURY_FLAG STORE_SCREENING_INJURY

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

void
report_flags_line(struct buf *b, const struct report *rp, const char *end)
{
	if (rp->nscreenings == 0) {
		buf_adds(b, "not answered yet");
	} else if (rp->nyes == 0) {
		buf_printf(b, "none (%zu answered)", rp->nscreenings);
	} else {
		buf_printf(b, "%zu of the %zu answered:", rp->nyes,
			   rp->nscreenings);
		return;
	}
	buf_adds(b, end);
}

void
report_answered(struct buf *b, const struct store_screening *s)
{
	if (s->asked_at != NULL && strlen(s->asked_at) >= DAY_LEN - 1)
		buf_printf(b, " (answered %.*s)", DAY_LEN - 1, s->asked_at);
	if (s->checked_on[0] != '\0')
		buf_printf(b, "; checked by a doctor on %s", s->checked_on);
}

const char *
report_flag_question(const struct report *rp, const struct store_screening *s)
{
	const struct red_flag *f;

	if (rp->pack == NULL)
		return s->flag;
	if (strcmp(s->flag, INJURY_FLAG) == 0 &&
	    rp->pack->onboarding.injury_question != NULL)
		return rp->pack->onboarding.injury_question;
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
