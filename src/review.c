/* review.c: every trial judged from the log; see review.h. */
#include "review.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "content.h"
#include "util.h"

/* The profile key of the onboarding usual-pain rating (store.h). */
#define USUAL_PAIN_KEY "usual_pain"
/* Figures for tables and files: two decimals. */
#define FIGURE_DECIMALS 2
#define MAX_DECIMALS 6
#define DECIMAL_BASE 10

/* Everything read from the store, in the shapes analysis.h takes. */
struct loaded {
	struct store_trial *trials;
	size_t ntrials;
	struct store_session *sessions;
	size_t nsessions;
	struct analysis_checkin *checkins;
	struct analysis_span *spans; /* one per trial */
};

static void
loaded_free(struct loaded *l)
{
	store_trials_free(l->trials, l->ntrials);
	store_sessions_free(l->sessions, l->nsessions);
	free(l->checkins);
	free(l->spans);
}

static int
bad_day(const char *what, const char *day, char **cause)
{
	*cause =
	    xasprintf("the log holds %s '%s', which is not a day", what, day);
	return EX_IOERR;
}

static int
load_usual_pain(struct store *st, int *out, char **cause)
{
	char *value = NULL;
	long v;
	int rc;

	*out = ANALYSIS_NO_RATING;
	rc = store_profile_get(st, USUAL_PAIN_KEY, &value, cause);
	if (rc != 0)
		return rc;
	if (value == NULL)
		return 0;
	if (util_parse_int(value, ANALYSIS_PAIN_MIN, ANALYSIS_PAIN_MAX, &v) !=
	    0) {
		*cause = xasprintf("the log's usual-pain rating is '%s', "
				   "not a whole number from %d to %d",
				   value, ANALYSIS_PAIN_MIN, ANALYSIS_PAIN_MAX);
		free(value);
		return EX_IOERR;
	}
	free(value);
	*out = (int)v;
	return 0;
}

/* The practice's approach: as the store recorded it, else from the pack. */
static const char *
session_approach(const struct pack *pack, const struct store_session *s)
{
	const struct practice *p;

	if (s->approach != NULL)
		return s->approach;
	if (pack == NULL || s->practice == NULL)
		return NULL;
	p = content_practice(pack, s->practice);
	if (p == NULL)
		return NULL;
	return pack->approaches[p->approach].id;
}

static int
rating(int v)
{
	return v == STORE_NONE ? ANALYSIS_NO_RATING : v;
}

/* What a too-early or no-baseline verdict waits for. */
static void
set_needs(struct review_row *row)
{
	const struct analysis_result *r = &row->result;

	if (r->verdict == VERDICT_NO_BASELINE) {
		row->need_checkins = ANALYSIS_BEFORE_MIN_CHECKINS - r->before_n;
		return;
	}
	if (r->verdict != VERDICT_TOO_EARLY)
		return;
	if (r->days < ANALYSIS_MIN_TRIAL_DAYS) {
		row->need_days = ANALYSIS_MIN_TRIAL_DAYS - r->days;
		day_add(row->started_on, ANALYSIS_MIN_TRIAL_DAYS - 1,
			row->judged_from);
	}
	if (r->during_n < ANALYSIS_DURING_MIN_CHECKINS)
		row->need_checkins = ANALYSIS_DURING_MIN_CHECKINS - r->during_n;
}

static void
set_overlaps(struct review *rv, size_t i, const struct analysis_span *spans)
{
	struct review_row *row = &rv->rows[i];
	size_t j;

	row->overlaps = xreallocarray(NULL, rv->nrows, sizeof *row->overlaps);
	for (j = 0; j < rv->nrows; j++) {
		if (j == i || spans[j].start > spans[i].end ||
		    spans[j].end < spans[i].start)
			continue;
		row->overlaps[row->noverlaps++] = j;
	}
}

static void
judge_row(const struct pack *pack, const struct review *rv,
	  const struct loaded *l, size_t i, struct review_row *row)
{
	const struct store_trial *t = &l->trials[i];
	const struct approach *a = NULL;
	struct analysis_session *ses;
	struct analysis_span *others;
	struct analysis_trial_in in = {0};
	size_t j, nses = 0, nothers = 0;
	int logged = 0;

	row->trial_id = t->id;
	row->approach = xstrdup(t->approach);
	if (pack != NULL)
		a = content_approach(pack, t->approach);
	if (a != NULL) {
		row->title = a->title;
		row->wildcard = a->wildcard;
	}
	memcpy(row->started_on, t->started_on, DAY_LEN);
	memcpy(row->ended_on, t->ended_on, DAY_LEN);
	row->outcome = t->outcome;
	row->running = t->ended_on[0] == '\0';

	ses = xreallocarray(NULL, l->nsessions, sizeof *ses);
	for (j = 0; j < l->nsessions; j++) {
		const char *sa = session_approach(pack, &l->sessions[j]);
		int day;

		if (sa == NULL || strcmp(sa, t->approach) != 0)
			continue;
		logged = 1;
		/* Only the trial's own days: analysis.c counts distinct days
		 * in quadratic time, so a long log must not reach it whole. */
		day = day_number(l->sessions[j].day);
		if (day < l->spans[i].start || day > l->spans[i].end)
			continue;
		ses[nses].day = day;
		ses[nses].pain_before = rating(l->sessions[j].pain_before);
		ses[nses].pain_after = rating(l->sessions[j].pain_after);
		nses++;
	}
	others = xreallocarray(NULL, l->ntrials, sizeof *others);
	for (j = 0; j < l->ntrials; j++)
		if (j != i)
			others[nothers++] = l->spans[j];

	in.start = l->spans[i].start;
	in.end = l->spans[i].end;
	in.has_practices = a != NULL ? a->npractices > 0 : logged;
	in.sessions = ses;
	in.nsessions = nses;
	in.others = others;
	in.nothers = nothers;
	analysis_trial(l->checkins, rv->ncheckins, rv->usual_pain, &in,
		       &row->result);
	free(ses);
	free(others);

	for (j = 0; j < rv->ncheckins; j++)
		if (l->checkins[j].day >= in.start &&
		    l->checkins[j].day <= in.end)
			row->checkins++;
	set_needs(row);
}

static int
load_all(struct store *st, struct review *rv, struct loaded *l, char **cause)
{
	int today = day_number(rv->today);
	size_t i;
	int rc;

	if ((rc = store_trial_list(st, &l->trials, &l->ntrials, cause)) != 0 ||
	    (rc = store_checkin_range(st, NULL, NULL, &rv->checkins,
				      &rv->ncheckins, cause)) != 0 ||
	    (rc = store_session_range(st, NULL, NULL, &l->sessions,
				      &l->nsessions, cause)) != 0 ||
	    (rc = load_usual_pain(st, &rv->usual_pain, cause)) != 0)
		return rc;

	l->checkins = xreallocarray(NULL, rv->ncheckins, sizeof *l->checkins);
	for (i = 0; i < rv->ncheckins; i++) {
		if (day_valid(rv->checkins[i].day) != 0)
			return bad_day("a check-in on", rv->checkins[i].day,
				       cause);
		l->checkins[i].day = day_number(rv->checkins[i].day);
		l->checkins[i].pain = rv->checkins[i].pain;
	}
	for (i = 0; i < l->nsessions; i++)
		if (day_valid(l->sessions[i].day) != 0)
			return bad_day("a session on", l->sessions[i].day,
				       cause);

	/* A running trial runs to today; one that starts after today (a
	 * clock set back) is taken as one day long. */
	l->spans = xreallocarray(NULL, l->ntrials, sizeof *l->spans);
	for (i = 0; i < l->ntrials; i++) {
		const struct store_trial *t = &l->trials[i];

		if (day_valid(t->started_on) != 0)
			return bad_day("a trial start", t->started_on, cause);
		if (t->ended_on[0] != '\0' && day_valid(t->ended_on) != 0)
			return bad_day("a trial end", t->ended_on, cause);
		l->spans[i].start = day_number(t->started_on);
		l->spans[i].end =
		    t->ended_on[0] != '\0' ? day_number(t->ended_on) : today;
		if (l->spans[i].end < l->spans[i].start)
			l->spans[i].end = l->spans[i].start;
	}
	return 0;
}

int
review_load(const struct pack *pack, struct store *st, const char *today,
	    struct review *out, char **cause)
{
	struct loaded l = {0};
	size_t i;
	int rc;

	memset(out, 0, sizeof *out);
	out->usual_pain = ANALYSIS_NO_RATING;
	if (day_valid(today) != 0) {
		*cause = xasprintf("'%s' is not a day", today);
		return EX_DATAERR;
	}
	memcpy(out->today, today, DAY_LEN);
	rc = load_all(st, out, &l, cause);
	if (rc != 0) {
		loaded_free(&l);
		review_free(out);
		return rc;
	}
	out->rows = xcalloc(l.ntrials, sizeof *out->rows);
	out->nrows = l.ntrials;
	for (i = 0; i < l.ntrials; i++)
		judge_row(pack, out, &l, i, &out->rows[i]);
	for (i = 0; i < l.ntrials; i++)
		set_overlaps(out, i, l.spans);
	loaded_free(&l);
	return 0;
}

void
review_free(struct review *rv)
{
	size_t i;

	for (i = 0; i < rv->nrows; i++) {
		free(rv->rows[i].approach);
		free(rv->rows[i].overlaps);
	}
	free(rv->rows);
	store_checkins_free(rv->checkins, rv->ncheckins);
	rv->rows = NULL;
	rv->checkins = NULL;
	rv->nrows = rv->ncheckins = 0;
}

void
review_fraction(long long num, long long den, int decimals, int truncate,
		char out[REVIEW_FIGURE_LEN])
{
	unsigned long long scale = 1, mag, v;
	int i, neg = (num < 0) != (den < 0);

	if (den == 0) {
		out[0] = '\0';
		return;
	}
	if (decimals < 0)
		decimals = 0;
	if (decimals > MAX_DECIMALS)
		decimals = MAX_DECIMALS;
	for (i = 0; i < decimals; i++)
		scale *= DECIMAL_BASE;
	mag =
	    num < 0 ? 0ULL - (unsigned long long)num : (unsigned long long)num;
	if (den < 0)
		den = -den;
	v = mag * scale;
	if (truncate)
		v /= (unsigned long long)den;
	else
		v = (2 * v + (unsigned long long)den) /
		    (2 * (unsigned long long)den);
	if (decimals == 0)
		snprintf(out, REVIEW_FIGURE_LEN, "%s%llu", neg && v ? "-" : "",
			 v);
	else
		snprintf(out, REVIEW_FIGURE_LEN, "%s%llu.%0*llu",
			 neg && v ? "-" : "", v / scale, decimals, v % scale);
}

/* The baseline as the fraction *sum / *n, as analysis.c keeps it. */
static void
baseline(const struct analysis_result *r, long long *sum, long long *n)
{
	if (r->baseline_from_onboarding) {
		*sum = r->usual_pain;
		*n = 1;
	} else {
		*sum = r->before_sum;
		*n = r->before_n;
	}
}

void
review_figures(const struct review_row *row, struct review_figures *f)
{
	const struct analysis_result *r = &row->result;
	long long bs, bn, num;

	memset(f, 0, sizeof *f);
	baseline(r, &bs, &bn);
	if (r->has_adherence && r->days > 0)
		review_fraction(r->practised_days, r->days, FIGURE_DECIMALS, 1,
				f->adherence);
	if (r->has_baseline)
		review_fraction(bs, bn, FIGURE_DECIMALS, 0, f->before_mean);
	if (r->during_n > 0)
		review_fraction(r->during_sum, r->during_n, FIGURE_DECIMALS, 0,
				f->during_mean);
	if (r->has_change && bn > 0 && r->during_n > 0) {
		num = bs * r->during_n - (long long)r->during_sum * bn;
		review_fraction(num, bn * r->during_n, FIGURE_DECIMALS, 1,
				f->change);
		if (bs > 0)
			review_fraction(num, bs * r->during_n, FIGURE_DECIMALS,
					1, f->change_pct);
	}
	if (r->immediate_n > 0)
		review_fraction(r->immediate_sum, r->immediate_n,
				FIGURE_DECIMALS, 0, f->immediate);
}
