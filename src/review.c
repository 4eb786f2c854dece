/* review.c: every trial judged from the log; see review.h. */
#include "review.h"

#include <stdio.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "content.h"
#include "program.h"
#include "review_int.h"
#include "util.h"

/* The profile key of the onboarding usual-pain rating (store.h). */
#define USUAL_PAIN_KEY STORE_PROFILE_USUAL_PAIN
/* Figures for tables and files: two decimals. */
#define FIGURE_DECIMALS 2
#define MAX_DECIMALS 6
#define DECIMAL_BASE 10
/* The most check-ins a trial's two windows can hold, one a day. */
#define WINDOW_CHECKINS (ANALYSIS_BEFORE_DAYS + ANALYSIS_DURING_DAYS)

/* What the judgement works from: the trials, their spans, their distinct
 * approach ids, and the check-ins and sessions it needs. */
struct loaded {
	struct store_trial *trials;
	size_t ntrials;
	struct analysis_span *spans; /* one per trial */
	const char **ids; /* the trials' approaches, sorted, distinct */
	size_t nids;
	size_t *group; /* per trial: its approach's index in ids */
	struct review_sessions sessions;
};

static void
loaded_free(struct loaded *l)
{
	store_trials_free(l->trials, l->ntrials);
	free(l->spans);
	free(l->ids);
	free(l->group);
	review_sessions_free(&l->sessions);
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

/*
 * The first of n elements of size bytes at base, sorted by day, that is on
 * day or later. Check-ins and sessions both begin with their int day.
 */
static size_t
day_from(const void *base, size_t n, size_t size, long long day)
{
	size_t lo = 0, hi = n, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (*(const int *)(const void *)((const char *)base +
						 mid * size) < day)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

_Static_assert(offsetof(struct analysis_checkin, day) == 0,
	       "day_from() reads a check-in's day at its start");
_Static_assert(offsetof(struct analysis_session, day) == 0,
	       "day_from() reads a session's day at its start");

static size_t
checkin_from(const struct analysis_checkin *c, size_t n, long long day)
{
	return day_from(c, n, sizeof *c, day);
}

static size_t
session_from(const struct analysis_session *s, size_t n, long long day)
{
	return day_from(s, n, sizeof *s, day);
}

/*
 * The check-ins of the trial's two windows, the 7 days before it and its
 * last 7 days, into win: all that analysis_trial() reads of them. Days are
 * distinct, so each window holds at most its length.
 */
static size_t
windows(const struct review *rv, const struct analysis_span *sp,
	struct analysis_checkin win[WINDOW_CHECKINS])
{
	long long lo = (long long)sp->end - (ANALYSIS_DURING_DAYS - 1);
	size_t i, n = 0, first;

	first = checkin_from(rv->checkins, rv->ncheckins,
			     (long long)sp->start - ANALYSIS_BEFORE_DAYS);
	for (i = first; i < rv->ncheckins && rv->checkins[i].day < sp->start &&
			n < ANALYSIS_BEFORE_DAYS;
	     i++)
		win[n++] = rv->checkins[i];
	if (lo < sp->start)
		lo = sp->start;
	first = checkin_from(rv->checkins, rv->ncheckins, lo);
	for (i = first; i < rv->ncheckins && rv->checkins[i].day <= sp->end &&
			n < WINDOW_CHECKINS;
	     i++)
		win[n++] = rv->checkins[i];
	return n;
}

/*
 * Judges row i. others has room for its overlaps; only the trials that
 * share days with it can cover any of its days.
 */
static void
judge_row(const struct pack *pack, const struct review *rv,
	  const struct loaded *l, size_t i, struct analysis_span *others)
{
	const struct store_trial *t = &l->trials[i];
	const struct analysis_span *sp = &l->spans[i];
	const struct review_sessions *rs = &l->sessions;
	struct review_row *row = &rv->rows[i];
	struct analysis_checkin win[WINDOW_CHECKINS];
	const struct approach *a = NULL;
	const struct analysis_session *ses;
	struct analysis_trial_in in = {0};
	size_t g = l->group[i], nses, from, j, nwin;

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

	/* Only the trial's own days: analysis.c counts distinct days in
	 * quadratic time, so a long log must not reach it whole. */
	ses = rs->s + rs->first[g];
	nses = rs->first[g + 1] - rs->first[g];
	from = session_from(ses, nses, sp->start);
	ses += from;
	nses = session_from(ses, nses - from, (long long)sp->end + 1);

	for (j = 0; j < row->noverlaps; j++)
		others[j] = l->spans[row->overlaps[j]];
	nwin = windows(rv, sp, win);

	in.start = sp->start;
	in.end = sp->end;
	in.has_practices = a != NULL ? a->npractices > 0 : rs->logged[g];
	in.sessions = nses > 0 ? ses : NULL;
	in.nsessions = nses;
	in.others = others;
	in.nothers = row->noverlaps;
	analysis_trial(win, nwin, rv->usual_pain, &in, &row->result);

	row->checkins =
	    (int)(checkin_from(rv->checkins, rv->ncheckins,
			       (long long)sp->end + 1) -
		  checkin_from(rv->checkins, rv->ncheckins, sp->start));
	set_needs(row);
}

/* Whether the spans come oldest start first, as the store hands trials. */
static int
sorted_by_start(const struct analysis_span *sp, size_t n)
{
	size_t i;

	for (i = 1; i < n; i++)
		if (sp[i].start < sp[i - 1].start)
			return 0;
	return 1;
}

/* Overlaps by comparing every pair; only for spans in another order. */
static void
overlaps_any(struct review *rv, const struct analysis_span *sp)
{
	size_t i, j, n = rv->nrows;

	for (i = 0; i < n; i++) {
		struct review_row *row = &rv->rows[i];
		size_t count = 0;

		for (j = 0; j < n; j++)
			if (j != i && sp[j].start <= sp[i].end &&
			    sp[j].end >= sp[i].start)
				count++;
		if (count == 0)
			continue;
		row->overlaps =
		    xreallocarray(NULL, count, sizeof *row->overlaps);
		for (j = 0; j < n; j++)
			if (j != i && sp[j].start <= sp[i].end &&
			    sp[j].end >= sp[i].start)
				row->overlaps[row->noverlaps++] = j;
	}
}

/* The first k in (i, n) whose span starts after span i ends, else n. */
static size_t
reach_of(const struct analysis_span *sp, size_t n, size_t i)
{
	size_t lo = i + 1, hi = n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (sp[mid].start <= sp[i].end)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/*
 * Each row's overlaps, in row order, in an array of the exact size. With
 * spans oldest start first, the rows after i that share days with it are
 * the run of those starting by its end; the rows before it are those whose
 * run reaches it. Time and memory grow with the overlaps, not with the
 * square of the trials.
 */
static void
set_overlaps(struct review *rv, const struct analysis_span *sp)
{
	size_t n = rv->nrows, i, k, *reach, *count;

	if (!sorted_by_start(sp, n)) {
		overlaps_any(rv, sp);
		return;
	}
	reach = xcalloc(n + 1, sizeof *reach);
	count = xcalloc(n + 1, sizeof *count);
	for (i = 0; i < n; i++) {
		reach[i] = reach_of(sp, n, i);
		count[i] += reach[i] - i - 1;
		for (k = i + 1; k < reach[i]; k++)
			count[k]++;
	}
	for (i = 0; i < n; i++)
		if (count[i] > 0)
			rv->rows[i].overlaps = xreallocarray(
			    NULL, count[i], sizeof *rv->rows[i].overlaps);
	/* Row i's earlier overlaps were all added at their own turns. */
	for (i = 0; i < n; i++) {
		struct review_row *row = &rv->rows[i];

		for (k = i + 1; k < reach[i]; k++) {
			row->overlaps[row->noverlaps++] = k;
			rv->rows[k].overlaps[rv->rows[k].noverlaps++] = i;
		}
	}
	free(reach);
	free(count);
}

static int
by_string(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static int
by_key(const void *key, const void *elem)
{
	return strcmp(key, *(const char *const *)elem);
}

/* The trials' distinct approach ids, sorted, and each trial's among them. */
static void
set_ids(struct loaded *l)
{
	const char **at;
	size_t i, n = 0;

	l->ids = xreallocarray(NULL, l->ntrials + 1, sizeof *l->ids);
	l->group = xreallocarray(NULL, l->ntrials + 1, sizeof *l->group);
	for (i = 0; i < l->ntrials; i++)
		l->ids[i] = l->trials[i].approach;
	qsort(l->ids, l->ntrials, sizeof *l->ids, by_string);
	for (i = 0; i < l->ntrials; i++)
		if (n == 0 || strcmp(l->ids[n - 1], l->ids[i]) != 0)
			l->ids[n++] = l->ids[i];
	l->nids = n;
	for (i = 0; i < l->ntrials; i++) {
		at = bsearch(l->trials[i].approach, l->ids, n, sizeof *l->ids,
			     by_key);
		l->group[i] = (size_t)(at - l->ids);
	}
}

/* A running trial runs to today; one that starts after today (a clock set
 * back) is taken as one day long. */
static int
set_spans(struct loaded *l, int today, char **cause)
{
	size_t i;

	l->spans = xreallocarray(NULL, l->ntrials + 1, sizeof *l->spans);
	for (i = 0; i < l->ntrials; i++) {
		const struct store_trial *t = &l->trials[i];

		if (day_valid(t->started_on) != 0)
			return review_bad_day("a trial start", t->started_on,
					      cause);
		if (t->ended_on[0] != '\0' && day_valid(t->ended_on) != 0)
			return review_bad_day("a trial end", t->ended_on,
					      cause);
		l->spans[i].start = day_number(t->started_on);
		l->spans[i].end =
		    t->ended_on[0] != '\0' ? day_number(t->ended_on) : today;
		if (l->spans[i].end < l->spans[i].start)
			l->spans[i].end = l->spans[i].start;
	}
	return 0;
}

static int
load_all(const struct pack *pack, struct store *st, struct review *rv,
	 struct loaded *l, review_checkin_fn each, void *arg, char **cause)
{
	int today = day_number(rv->today), hint = today, start;
	size_t i;
	int rc;

	if ((rc = store_trial_list(st, &l->trials, &l->ntrials, cause)) != 0 ||
	    (rc = load_usual_pain(st, &rv->usual_pain, cause)) != 0)
		return rc;
	/* The trials look no further back than the week before the first. */
	for (i = 0; i < l->ntrials; i++) {
		if (day_valid(l->trials[i].started_on) != 0)
			continue;
		start = day_number(l->trials[i].started_on);
		if (start - ANALYSIS_BEFORE_DAYS < hint)
			hint = start - ANALYSIS_BEFORE_DAYS;
	}
	set_ids(l);
	if ((rc = review_scan_checkins(st, today, hint, each, arg,
				       &rv->checkins, &rv->ncheckins, cause)) !=
		0 ||
	    (rc = review_scan_sessions(st, pack, today, hint, l->ids, l->nids,
				       &l->sessions, cause)) != 0)
		return rc;
	return set_spans(l, today, cause);
}

/* The flare-ups as program.h tells them, as day numbers. */
static int
load_flares(const struct pack *pack, struct store *st, struct review *out,
	    char **cause)
{
	struct program_flares fl;
	size_t i;
	int rc = program_flares_load(pack, st, out->today, &fl, cause);

	if (rc != 0)
		return rc;
	out->flares = xcalloc(fl.n + 1, sizeof *out->flares);
	out->nflares = fl.n;
	for (i = 0; i < fl.n; i++) {
		const struct program_flare *f = &fl.flares[i];
		struct review_flare *r = &out->flares[i];

		r->first = day_number(f->began_on);
		r->last = r->first + f->days - 1;
		r->running = f->ended_on[0] == '\0';
		r->pain = f->pain;
		r->peak = f->peak;
		r->level = f->level;
	}
	program_flares_free(&fl);
	return 0;
}

int
review_load_with(const struct pack *pack, struct store *st, const char *today,
		 review_checkin_fn each, void *arg, struct review *out,
		 char **cause)
{
	struct loaded l = {0};
	struct analysis_span *others;
	size_t i, most = 0;
	int rc;

	memset(out, 0, sizeof *out);
	out->usual_pain = ANALYSIS_NO_RATING;
	if (day_valid(today) != 0) {
		*cause = xasprintf("'%s' is not a day", today);
		return EX_DATAERR;
	}
	memcpy(out->today, today, DAY_LEN);
	rc = load_all(pack, st, out, &l, each, arg, cause);
	if (rc == 0)
		rc = load_flares(pack, st, out, cause);
	if (rc != 0) {
		loaded_free(&l);
		review_free(out);
		return rc;
	}
	out->rows = xcalloc(l.ntrials + 1, sizeof *out->rows);
	out->nrows = l.ntrials;
	set_overlaps(out, l.spans);
	for (i = 0; i < out->nrows; i++)
		if (out->rows[i].noverlaps > most)
			most = out->rows[i].noverlaps;
	others = xreallocarray(NULL, most + 1, sizeof *others);
	for (i = 0; i < out->nrows; i++)
		judge_row(pack, out, &l, i, others);
	free(others);
	loaded_free(&l);
	return 0;
}

size_t
review_checkin_from(const struct review *rv, int day)
{
	return checkin_from(rv->checkins, rv->ncheckins, day);
}

int
review_load(const struct pack *pack, struct store *st, const char *today,
	    struct review *out, char **cause)
{
	return review_load_with(pack, st, today, NULL, NULL, out, cause);
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
	free(rv->checkins);
	free(rv->flares);
	rv->flares = NULL;
	rv->nflares = 0;
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
