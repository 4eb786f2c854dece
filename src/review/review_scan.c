/* review_scan.c: the log read a bounded piece at a time; see review_int.h. */
#include "review_int.h"

#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "content.h"
#include "day.h"
#include "program.h"
#include "store.h"
#include "util.h"

/*
 * Days read in one piece. A store row carries its strings, so only one
 * piece of rows is held at a time however long the log is; what is kept of
 * a row is a few ints. Pieces of a few years keep the queries few.
 */
#define PIECE_DAYS 2048
/* The earliest day day.c takes, so the lowest bound a piece can have;
 * anything older comes with the last piece, which is open below. */
#define FIRST_DAY "1000-01-01"
/* Below the trials' first day, this many days without a row at the bottom
 * of a piece are taken for the log's beginning. */
#define QUIET_DAYS 366
#define ARRAY_FIRST 64 /* elements allocated at first, doubled as needed */

int
review_bad_day(const char *what, const char *day, char **cause)
{
	*cause =
	    xasprintf("the log holds %s '%s', which is not a day", what, day);
	return EX_IOERR;
}

/*
 * A walk over the log from today back, one piece of days at a time. The
 * first piece is open above (rows dated after today count too), the last
 * open below. Once below hint, a piece whose oldest QUIET_DAYS days are
 * empty ends the walk: the rest of the log, if any, comes as one last
 * piece. So a log is read in bounded pieces unless it has a quiet year
 * older than its first trial, and whole in any case.
 */
struct walk {
	int lo, hi;
	int open_lo, open_hi;
	int hint, first;
	int done;
	char from[DAY_LEN], to[DAY_LEN];
};

static void
walk_start(struct walk *w, int today, int hint)
{
	memset(w, 0, sizeof *w);
	w->first = day_number(FIRST_DAY);
	w->hint = hint;
	w->hi = today;
	w->open_hi = 1;
	w->lo = today - (PIECE_DAYS - 1);
	w->open_lo = w->lo <= w->first;
}

/* The piece's bounds as the store takes them: NULL where open. */
static void
walk_bounds(struct walk *w, const char **from, const char **to)
{
	*from = NULL;
	*to = NULL;
	if (!w->open_lo) {
		day_from_number(w->lo, w->from);
		*from = w->from;
	}
	if (!w->open_hi) {
		day_from_number(w->hi, w->to);
		*to = w->to;
	}
}

/* On to the next older piece, after one that held nrows rows, the oldest
 * on day oldest (a day string, when nrows > 0). */
static void
walk_next(struct walk *w, size_t nrows, const char *oldest)
{
	int quiet = nrows == 0 || day_number(oldest) - w->lo >= QUIET_DAYS;

	if (w->open_lo) {
		w->done = 1;
		return;
	}
	w->open_hi = 0;
	w->hi = w->lo - 1;
	if (quiet && w->lo <= w->hint) {
		w->open_lo = 1;
		return;
	}
	w->lo = w->hi - (PIECE_DAYS - 1);
	w->open_lo = w->lo <= w->first;
}

/* Room for one more of *n elements of size bytes in *v. */
static void
grow(void **v, size_t *cap, size_t n, size_t size)
{
	if (n < *cap)
		return;
	*cap = *cap ? 2 * *cap : ARRAY_FIRST;
	*v = xreallocarray(*v, *cap, size);
}

/* Where each piece starts among the rows kept in walk order, so that the
 * pieces (newest first, each oldest first) can be put in date order. */
struct pieces {
	size_t *start;
	size_t n, cap;
};

static void
pieces_add(struct pieces *p, size_t at)
{
	grow((void **)&p->start, &p->cap, p->n, sizeof *p->start);
	p->start[p->n++] = at;
}

static size_t
piece_end(const struct pieces *p, size_t j, size_t total)
{
	return j + 1 < p->n ? p->start[j + 1] : total;
}

static void
reverse_checkins(struct analysis_checkin *c, size_t n)
{
	size_t i;

	for (i = 0; i < n / 2; i++) {
		struct analysis_checkin t = c[i];

		c[i] = c[n - 1 - i];
		c[n - 1 - i] = t;
	}
}

static int
by_day(const void *a, const void *b)
{
	const struct analysis_checkin *x = a, *y = b;

	return (x->day > y->day) - (x->day < y->day);
}

/* The pieces in date order, in place: reverse the whole, then each piece. */
static void
order_checkins(struct analysis_checkin *c, size_t n, const struct pieces *p)
{
	size_t j, i;

	reverse_checkins(c, n);
	for (j = 0; j < p->n; j++) {
		size_t len = piece_end(p, j, n) - p->start[j];

		reverse_checkins(c + n - p->start[j] - len, len);
	}
	/* The store hands rows out oldest first; if it ever did not, sort. */
	for (i = 1; i < n; i++)
		if (c[i].day <= c[i - 1].day)
			break;
	if (i < n)
		qsort(c, n, sizeof *c, by_day);
}

struct kept_checkins {
	struct analysis_checkin *v;
	size_t n, cap;
	int *recalled; /* the days of the recalled ones, in walk order */
	size_t nrecalled, rcap;
};

static int
keep_checkins(struct kept_checkins *k, const struct checkin *rows, size_t nrows,
	      review_checkin_fn each, void *arg, char **cause)
{
	size_t i;

	for (i = 0; i < nrows; i++) {
		if (day_valid(rows[i].day) != 0)
			return review_bad_day("a check-in on", rows[i].day,
					      cause);
		grow((void **)&k->v, &k->cap, k->n, sizeof *k->v);
		k->v[k->n].day = day_number(rows[i].day);
		k->v[k->n].pain = rows[i].pain;
		k->v[k->n].interference = rows[i].interference == ENTRY_NONE
					      ? ANALYSIS_NO_RATING
					      : rows[i].interference;
		if (program_recalled(rows[i].day, rows[i].pain_set_at)) {
			grow((void **)&k->recalled, &k->rcap, k->nrecalled,
			     sizeof *k->recalled);
			k->recalled[k->nrecalled++] = k->v[k->n].day;
		}
		k->n++;
	}
	for (i = nrows; each != NULL && i > 0; i--)
		each(&rows[i - 1], arg);
	return 0;
}

static int
by_int(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;

	return (x > y) - (x < y);
}

int
review_scan_checkins(struct store *st, int today, int hint,
		     review_checkin_fn each, void *arg,
		     struct analysis_checkin **out, size_t *n, int **recalled,
		     size_t *nrecalled, char **cause)
{
	struct kept_checkins k = {0};
	struct pieces p = {0};
	struct walk w;
	int rc = 0;

	*out = NULL;
	*n = 0;
	*recalled = NULL;
	*nrecalled = 0;
	for (walk_start(&w, today, hint); !w.done && rc == 0;) {
		struct checkin *rows;
		const char *from, *to;
		size_t nrows;

		walk_bounds(&w, &from, &to);
		rc = store_checkin_range(st, from, to, &rows, &nrows, cause);
		if (rc != 0)
			break;
		pieces_add(&p, k.n);
		rc = keep_checkins(&k, rows, nrows, each, arg, cause);
		if (rc == 0)
			walk_next(&w, nrows, nrows > 0 ? rows[0].day : NULL);
		checkins_free(rows, nrows);
	}
	if (rc != 0) {
		free(k.v);
		free(k.recalled);
		free(p.start);
		return rc;
	}
	order_checkins(k.v, k.n, &p);
	free(p.start);
	if (k.nrecalled > 1)
		qsort(k.recalled, k.nrecalled, sizeof *k.recalled, by_int);
	*out = k.v;
	*n = k.n;
	*recalled = k.recalled;
	*nrecalled = k.nrecalled;
	return 0;
}

/* The one place recalled ratings leave the verdicts: every check-in of
 * all but those on the recalled days (both oldest first). */
size_t
review_scan_judged(const struct analysis_checkin *all, size_t n,
		   const int *recalled, size_t nrecalled,
		   struct analysis_checkin **out)
{
	size_t i, k = 0, r = 0;

	*out = xreallocarray(NULL, n + 1, sizeof **out);
	for (i = 0; i < n; i++) {
		while (r < nrecalled && recalled[r] < all[i].day)
			r++;
		if (r < nrecalled && recalled[r] == all[i].day)
			continue;
		(*out)[k++] = all[i];
	}
	return k;
}

/* The practice's approach: as the store recorded it (a lesson's practice
 * is recorded under its lesson, which no trial's approach is), else from
 * the pack; NULL for a lesson's practice, part of no trial. */
static const char *
session_approach(const struct pack *pack, const struct store_session *s)
{
	const struct practice *pr;

	if (s->approach != NULL)
		return s->approach;
	if (pack == NULL || s->practice == NULL)
		return NULL;
	pr = content_practice_any(pack, s->practice);
	if (pr == NULL || pr->approach == CONTENT_NONE)
		return NULL;
	return pack->approaches[pr->approach].id;
}

static int
rating(int v)
{
	return v == ENTRY_NONE ? ANALYSIS_NO_RATING : v;
}

static int
by_id(const void *key, const void *elem)
{
	return strcmp(key, *(const char *const *)elem);
}

/* A session kept in walk order, with its approach's group. */
struct kept_session {
	size_t group;
	struct analysis_session s;
};

struct kept_sessions {
	struct kept_session *v;
	size_t n, cap;
};

static int
keep_sessions(struct kept_sessions *k, struct review_sessions *out,
	      const struct pack *pack, const char *const *ids, size_t nids,
	      const struct store_session *rows, size_t nrows, char **cause)
{
	const char *const *at;
	const char *approach;
	size_t i;

	for (i = 0; i < nrows; i++) {
		const struct store_session *r = &rows[i];

		if (day_valid(r->day) != 0)
			return review_bad_day("a session on", r->day, cause);
		approach = session_approach(pack, r);
		if (approach == NULL || nids == 0)
			continue;
		at = bsearch(approach, ids, nids, sizeof *ids, by_id);
		if (at == NULL)
			continue;
		grow((void **)&k->v, &k->cap, k->n, sizeof *k->v);
		k->v[k->n].group = (size_t)(at - ids);
		k->v[k->n].s.day = day_number(r->day);
		k->v[k->n].s.pain_before = rating(r->pain_before);
		k->v[k->n].s.pain_after = rating(r->pain_after);
		out->logged[k->v[k->n].group] = 1;
		k->n++;
	}
	return 0;
}

static int
session_by_day(const void *a, const void *b)
{
	const struct analysis_session *x = a, *y = b;

	return (x->day > y->day) - (x->day < y->day);
}

/* Into groups, each in date order: a stable counting sort by group over
 * the pieces taken oldest first. */
static void
group_sessions(struct review_sessions *out, const struct kept_sessions *k,
	       const struct pieces *p)
{
	size_t *at, g, j, i;

	for (i = 0; i < k->n; i++)
		out->first[k->v[i].group + 1]++;
	for (g = 0; g < out->ngroups; g++)
		out->first[g + 1] += out->first[g];
	at = xreallocarray(NULL, out->ngroups + 1, sizeof *at);
	memcpy(at, out->first, (out->ngroups + 1) * sizeof *at);
	out->s = xreallocarray(NULL, k->n + 1, sizeof *out->s);
	for (j = p->n; j > 0; j--)
		for (i = p->start[j - 1]; i < piece_end(p, j - 1, k->n); i++)
			out->s[at[k->v[i].group]++] = k->v[i].s;
	free(at);
	/* The store hands rows out oldest first; if it ever did not, sort. */
	for (g = 0; g < out->ngroups; g++) {
		size_t lo = out->first[g], hi = out->first[g + 1];

		for (i = lo + 1; i < hi; i++)
			if (out->s[i].day < out->s[i - 1].day)
				break;
		if (i < hi)
			qsort(out->s + lo, hi - lo, sizeof *out->s,
			      session_by_day);
	}
}

int
review_scan_sessions(struct store *st, const struct pack *pack, int today,
		     int hint, const char *const *ids, size_t nids,
		     struct review_sessions *out, char **cause)
{
	struct kept_sessions k = {0};
	struct pieces p = {0};
	struct walk w;
	int rc = 0;

	memset(out, 0, sizeof *out);
	out->ngroups = nids;
	out->first = xcalloc(nids + 1, sizeof *out->first);
	out->logged = xcalloc(nids + 1, sizeof *out->logged);
	for (walk_start(&w, today, hint); !w.done && rc == 0;) {
		struct store_session *rows;
		const char *from, *to;
		size_t nrows;

		walk_bounds(&w, &from, &to);
		rc = store_session_range(st, from, to, &rows, &nrows, cause);
		if (rc != 0)
			break;
		pieces_add(&p, k.n);
		rc =
		    keep_sessions(&k, out, pack, ids, nids, rows, nrows, cause);
		if (rc == 0)
			walk_next(&w, nrows, nrows > 0 ? rows[0].day : NULL);
		store_sessions_free(rows, nrows);
	}
	if (rc == 0)
		group_sessions(out, &k, &p);
	free(k.v);
	free(p.start);
	return rc;
}

void
review_sessions_free(struct review_sessions *rs)
{
	free(rs->s);
	free(rs->first);
	free(rs->logged);
	memset(rs, 0, sizeof *rs);
}
