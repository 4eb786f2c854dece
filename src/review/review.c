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
	/* Per trial: the latest end of the spans up to it, so a walk back
	 * over earlier spans stops where none can reach a window; and
	 * whether the spans come oldest start first (the store's order). */
	int *reach;
	int sorted;
	size_t *near; /* room for one row's candidate others, as indices */
	/* The check-ins the verdicts read: the review's less the recalled
	 * ones (review_scan_judged()). */
	struct analysis_checkin *judged;
	size_t njudged;
	/* The pauses (safety holds) that decide which days of a trial count
	 * (program_trial_days()); none without a pack, which says which
	 * flags hold. */
	struct program_pauses pauses;
};

static void
loaded_free(struct loaded *l)
{
	store_trials_free(l->trials, l->ntrials);
	free(l->spans);
	free(l->ids);
	free(l->group);
	free(l->reach);
	free(l->near);
	free(l->judged);
	review_sessions_free(&l->sessions);
	program_pauses_free(&l->pauses);
}

/* What the walk over the other trials needs; see struct loaded. */
static void
set_reach(struct loaded *l)
{
	size_t i;

	l->reach = xreallocarray(NULL, l->ntrials + 1, sizeof *l->reach);
	l->near = xreallocarray(NULL, l->ntrials + 1, sizeof *l->near);
	l->sorted = 1;
	for (i = 0; i < l->ntrials; i++) {
		l->reach[i] = l->spans[i].end;
		if (i > 0 && l->reach[i - 1] > l->reach[i])
			l->reach[i] = l->reach[i - 1];
		if (i > 0 && l->spans[i].start < l->spans[i - 1].start)
			l->sorted = 0;
	}
}

/*
 * The other trials that meet lo .. hi, into l->near as indices in row
 * order; their count. Walks back from the last span starting by hi and
 * stops where no earlier span reaches lo, so it costs the trials near the
 * windows, not all of them.
 */
static size_t
near_spans(const struct loaded *l, size_t self, long long lo, long long hi)
{
	size_t top = l->ntrials, n = 0, j, a, b;

	if (l->sorted) {
		size_t first = 0, last = l->ntrials;

		while (first < last) {
			size_t mid = first + (last - first) / 2;

			if (l->spans[mid].start <= hi)
				first = mid + 1;
			else
				last = mid;
		}
		top = first;
	}
	for (j = top; j-- > 0;) {
		if (l->reach[j] < lo)
			break;
		if (j != self && l->spans[j].start <= hi &&
		    l->spans[j].end >= lo)
			l->near[n++] = j;
	}
	for (a = 0, b = n; a + 1 < b; a++, b--) {
		j = l->near[a];
		l->near[a] = l->near[b - 1];
		l->near[b - 1] = j;
	}
	return n;
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
	int need = r->settle_days + ANALYSIS_DURING_DAYS;

	if (r->flare_tool)
		return;
	if (r->verdict == VERDICT_NO_BASELINE) {
		row->need_checkins =
		    ANALYSIS_BEFORE_MIN_CHECKINS - r->baseline_n;
		return;
	}
	if (r->verdict != VERDICT_TOO_EARLY)
		return;
	/* The days still to come count (at the earliest: a hold that
	 * stands today holds them too, for as long as it stands). */
	if (r->days < need) {
		row->need_days = need - r->days;
		/* Within day.h's margin of any day of a log; "" (said in
		 * days only) should it not be. */
		if (day_add(row->started_on, need - 1 + r->off_days,
			    row->judged_from) != 0)
			row->judged_from[0] = '\0';
	}
	if (r->during_n < ANALYSIS_DURING_MIN_CHECKINS)
		row->need_checkins = ANALYSIS_DURING_MIN_CHECKINS - r->during_n;
}

/*
 * The first of n elements of size bytes at base, sorted by day, that is on
 * day or later. Check-ins and sessions both begin with their int day;
 * the recalled days are ints.
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

/* The recalled check-ins from day lo to day hi. */
static int
recalled_in(const struct review *rv, long long lo, long long hi)
{
	size_t a = day_from(rv->recalled, rv->nrecalled, sizeof *rv->recalled,
			    lo),
	       b = day_from(rv->recalled, rv->nrecalled, sizeof *rv->recalled,
			    hi + 1);

	return (int)(b - a);
}

/* The recalled check-ins the verdict of a trial over sp (its days off in
 * in, up to in->end, the day before a pause) left out: those of its
 * baseline, and of its days that count. */
static int
recalled_counted(const struct review *rv, const struct analysis_span *sp,
		 const struct analysis_trial_in *in)
{
	size_t a = day_from(rv->recalled, rv->nrecalled, sizeof *rv->recalled,
			    sp->start),
	       b = day_from(rv->recalled, rv->nrecalled, sizeof *rv->recalled,
			    (long long)in->end + 1);
	int n = recalled_in(rv, (long long)sp->start - ANALYSIS_BEFORE_DAYS,
			    (long long)sp->start - 1);

	for (; a < b; a++)
		n += in->noff == 0 || !in->off[rv->recalled[a] - sp->start];
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
	const struct approach *a = NULL;
	const struct analysis_session *ses;
	struct analysis_trial_in in = {0};
	struct program_trial_days td;
	const struct program_pause *week;
	size_t g = l->group[i], nses, from, j, k, c0, c1, nothers;

	row->trial_id = t->id;
	row->approach = xstrdup(t->approach);
	if (pack != NULL)
		a = content_approach(pack, t->approach);
	if (a != NULL) {
		row->title = a->title;
		row->wildcard = a->wildcard;
	} else if (pack != NULL) {
		row->unknown = xasprintf("an approach this pack does not have: "
					 "%s",
					 t->approach);
	}
	memcpy(row->started_on, t->started_on, DAY_LEN);
	memcpy(row->ended_on, t->ended_on, DAY_LEN);
	row->outcome = t->outcome;
	row->impression = t->impression;
	row->running = t->ended_on[0] == '\0';

	/* Only the trial's own days: analysis.c counts distinct days in
	 * quadratic time, so a long log must not reach it whole. */
	ses = rs->s + rs->first[g];
	nses = rs->first[g + 1] - rs->first[g];
	from = session_from(ses, nses, sp->start);
	ses += from;
	nses = session_from(ses, nses - from, (long long)sp->end + 1);

	/* Every other trial that meets the windows the rule reads. */
	nothers = near_spans(l, i, (long long)sp->start - ANALYSIS_LONGRUN_DAYS,
			     sp->end);
	for (j = 0; j < nothers; j++)
		others[j] = l->spans[l->near[j]];
	/* The check-ins the rule reads: from the longer-run window on, none
	 * recalled. */
	c0 = checkin_from(l->judged, l->njudged,
			  (long long)sp->start - ANALYSIS_LONGRUN_DAYS);
	c1 = checkin_from(l->judged, l->njudged, (long long)sp->end + 1);

	in.start = sp->start;
	in.end = sp->end;
	in.settle_days = a != NULL && a->settle_days > 0 ? a->settle_days
							 : ANALYSIS_SETTLE_DAYS;
	in.flare_tool = a != NULL && a->flare_tool;
	in.has_practices = a != NULL ? a->npractices > 0 : rs->logged[g];
	in.sessions = nses > 0 ? ses : NULL;
	in.nsessions = nses;
	in.others = others;
	in.nothers = nothers;
	/* The days that count: not those on hold nor in its pause week
	 * (program.h). */
	program_trial_days(&l->pauses, t->id, sp->start, sp->end, &td);
	in.off = td.off;
	if (td.counted < sp->end - sp->start + 1)
		in.noff = (size_t)(sp->end - sp->start + 1);
	row->paused = row->running && td.paused;
	memcpy(row->paused_since, td.paused_since, DAY_LEN);
	row->span_days = td.counted;
	row->span_held = td.held;
	row->span_paused = td.week;
	/* Paused: the verdict as of the pause (issue 21). */
	week = program_trial_week(&l->pauses, t->id);
	if (week != NULL && day_number(week->from) - 1 >= sp->start &&
	    day_number(week->from) - 1 < in.end)
		in.end = day_number(week->from) - 1;
	/* Both filters: no recalled rating (l->judged) and no day on hold
	 * (in.off). */
	analysis_trial(c1 > c0 ? l->judged + c0 : NULL, c1 - c0, rv->usual_pain,
		       &in, &row->result);
	if (!in.flare_tool)
		row->recalled = recalled_counted(rv, sp, &in);
	if (week != NULL)
		review_pause_judge(rv, row, week, a, &td, sp->end,
				   c1 > c0 ? l->judged + c0 : NULL, c1 - c0);
	else
		review_pause_offered(row, a);

	/* The overlaps worth a word: those the rule counts, in row order. */
	for (j = 0, k = 0; j < nothers; j++)
		if (analysis_confounds(&row->result, &others[j]))
			k++;
	if (k > 0)
		row->overlaps = xreallocarray(NULL, k, sizeof *row->overlaps);
	for (j = 0; j < nothers; j++)
		if (analysis_confounds(&row->result, &others[j]))
			row->overlaps[row->noverlaps++] = l->near[j];

	/* The check-ins of its days that count (up to a pause, as its
	 * verdict), recalled ones among them (row->recalled says how many
	 * the verdict left out). */
	c0 = checkin_from(rv->checkins, rv->ncheckins, sp->start);
	c1 = checkin_from(rv->checkins, rv->ncheckins, (long long)in.end + 1);
	for (k = c0; k < c1; k++)
		row->checkins +=
		    in.noff == 0 || !td.off[rv->checkins[k].day - sp->start];
	program_trial_days_free(&td);
	set_needs(row);
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
	/* The trials look no further back than the longer-run window
	 * before the first. */
	for (i = 0; i < l->ntrials; i++) {
		if (day_valid(l->trials[i].started_on) != 0)
			continue;
		start = day_number(l->trials[i].started_on);
		if (start - ANALYSIS_LONGRUN_DAYS < hint)
			hint = start - ANALYSIS_LONGRUN_DAYS;
	}
	set_ids(l);
	if ((rc = review_scan_checkins(
		 st, today, hint, each, arg, &rv->checkins, &rv->ncheckins,
		 &rv->recalled, &rv->nrecalled, cause)) != 0 ||
	    (rc = review_scan_sessions(st, pack, today, hint, l->ids, l->nids,
				       &l->sessions, cause)) != 0)
		return rc;
	if ((rc = set_spans(l, today, cause)) != 0)
		return rc;
	l->njudged =
	    review_scan_judged(rv->checkins, rv->ncheckins, rv->recalled,
			       rv->nrecalled, &l->judged);
	if (pack != NULL && (rc = program_pauses_load(pack, st, rv->today,
						      &l->pauses, cause)) != 0)
		return rc;
	set_reach(l);
	return 0;
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
	size_t i;
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
	others = xreallocarray(NULL, l.ntrials + 1, sizeof *others);
	for (i = 0; i < out->nrows; i++)
		judge_row(pack, out, &l, i, others);
	review_pause_mixed(out);
	free(others);
	loaded_free(&l);
	if ((rc = review_rows_add(pack, st, out, cause)) != 0) {
		review_free(out);
		return rc;
	}
	return 0;
}

size_t
review_checkin_from(const struct review *rv, int day)
{
	return checkin_from(rv->checkins, rv->ncheckins, day);
}

int
review_recalled_on(const struct review *rv, int day)
{
	size_t i =
	    day_from(rv->recalled, rv->nrecalled, sizeof *rv->recalled, day);

	return i < rv->nrecalled && rv->recalled[i] == day;
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
		free(rv->rows[i].unknown);
		free(rv->rows[i].overlaps);
	}
	free(rv->rows);
	free(rv->checkins);
	free(rv->recalled);
	rv->recalled = NULL;
	rv->nrecalled = 0;
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

void
review_figures(const struct review_row *row, struct review_figures *f)
{
	const struct analysis_result *r = &row->result;
	long long bs, bn, ds, dn, num;

	memset(f, 0, sizeof *f);
	bs = r->before_sum;
	bn = r->before_n;
	/* A flare-up tool: the sessions' pain before and after, never the
	 * days before its start (they are not what it is judged by); none
	 * until enough sessions were rated. */
	if (r->flare_tool) {
		bs = r->has_change ? r->pain.before_sum : 0;
		bn = r->has_change ? r->pain.before_n : 0;
	}
	if (r->has_adherence && r->days > 0)
		review_fraction(r->practised_days, r->days, FIGURE_DECIMALS, 1,
				f->adherence);
	if ((r->has_baseline || r->flare_tool) && bn > 0)
		review_fraction(bs, bn, FIGURE_DECIMALS, 0, f->before_mean);
	ds = r->during_sum;
	dn = r->during_n;
	if (r->flare_tool) {
		ds = r->has_change ? r->pain.during_sum : 0;
		dn = r->has_change ? r->pain.during_n : 0;
	}
	if (dn > 0)
		review_fraction(ds, dn, FIGURE_DECIMALS, 0, f->during_mean);
	if (r->has_change && bn > 0 && dn > 0) {
		num = bs * dn - ds * bn;
		review_fraction(num, bn * dn, FIGURE_DECIMALS, 1, f->change);
		if (bs > 0)
			review_fraction(num, bs * dn, FIGURE_DECIMALS, 1,
					f->change_pct);
	}
	if (r->immediate_n > 0)
		review_fraction(r->immediate_sum, r->immediate_n,
				FIGURE_DECIMALS, 0, f->immediate);
	f->reference = "";
	f->interference_verdict = "";
	f->confirmation = analysis_confirmation_name(row->pause.confirmation);
	f->impression = impression_name(row->impression);
	if (!r->has_change)
		return;
	f->reference = r->flare_tool			      ? "sessions"
		       : r->reference == ANALYSIS_REF_LONGRUN ? "longer-run"
		       : r->reference == ANALYSIS_REF_RECENT  ? "recent"
							      : "baseline";
	snprintf(f->change_se, sizeof f->change_se, "%.2f", r->pain.se);
	if (!r->flare_tool)
		review_fraction(r->pain.nap_half,
				2LL * r->pain.before_n * r->pain.during_n,
				FIGURE_DECIMALS, 0, f->nap);
	if (r->verdict == VERDICT_UNCLEAR && r->pain.more_days > 0)
		snprintf(f->more_days, sizeof f->more_days, "%d",
			 r->pain.more_days);
	if (r->has_chance) {
		/* The hundredths the words round from, so both agree. */
		review_fraction(analysis_chance_pct(r->chance.lower),
				ANALYSIS_CHANCE_SCALE, FIGURE_DECIMALS, 0,
				f->chance_lower);
		review_fraction(analysis_chance_pct(r->chance.helped),
				ANALYSIS_CHANCE_SCALE, FIGURE_DECIMALS, 0,
				f->chance_helped);
		review_fraction(analysis_chance_pct(r->chance.worse),
				ANALYSIS_CHANCE_SCALE, FIGURE_DECIMALS, 0,
				f->chance_worse);
	}
	f->confirmation = analysis_confirmation_name(row->pause.confirmation);
	if (r->interference.has_change) {
		const struct analysis_change *x = &r->interference;

		review_fraction((long long)x->before_sum * x->during_n -
				    (long long)x->during_sum * x->before_n,
				(long long)x->before_n * x->during_n,
				FIGURE_DECIMALS, 1, f->interference_change);
		f->interference_verdict = analysis_verdict_name(x->verdict);
	}
}
