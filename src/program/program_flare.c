/*
 * program_flare.c: flare-ups as the log and the daily ratings tell them:
 * when each began, when it was over (said by the person, or two calm days
 * back at the person's level, program.h), how bad it was and what was done
 * during it. The writes are in program_write_flare.c.
 */
#include "program_int.h"

#include <stdlib.h>
#include <string.h>

#include "content.h"
#include "util.h"

/* "YYYY-MM-DDTHH:MM:SS": a stamp to the second, its offset left out (the
 * two stamps compared are of one day, in its local time). */
#define FLARE_STAMP_LEN 19

int
program_flare_tool(const struct pack *pack, const struct practice *p)
{
	size_t i, j;
	int marked = 0;

	if (p->flare)
		return 1;
	/* A lesson's practice is a tool only when marked. */
	if (p->approach == CONTENT_NONE)
		return 0;
	for (i = 0; i < pack->napproaches && !marked; i++)
		for (j = 0; j < pack->approaches[i].npractices; j++)
			marked |= pack->approaches[i].practices[j].flare;
	return !marked && pack->approaches[p->approach].wildcard;
}

static int
int_cmp(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;

	return (x > y) - (x < y);
}

/* The median of the ratings in c[0..n) on days from .. to (inclusive), or
 * ENTRY_NONE with fewer than PROGRAM_FLARE_LEVEL_MIN of them. Of an even
 * count, the lower middle: a level a point lower is the cautious one. */
static int
median_level(const struct checkin *c, size_t n, const char *from,
	     const char *to)
{
	int *v = xcalloc(n + 1, sizeof *v), level = ENTRY_NONE;
	size_t i, k = 0;

	for (i = 0; i < n; i++)
		if (strcmp(c[i].day, from) >= 0 && strcmp(c[i].day, to) <= 0)
			v[k++] = c[i].pain;
	if (k >= PROGRAM_FLARE_LEVEL_MIN) {
		qsort(v, k, sizeof *v, int_cmp);
		level = v[(k - 1) / 2];
	}
	free(v);
	return level;
}

/* The first of c[0..n), sorted by day, on day or later; n when none. */
static size_t
checkin_from(const struct checkin *c, size_t n, const char *day)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (strcmp(c[mid].day, day) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* The rating of day, or ENTRY_NONE. c is sorted by day. */
static int
pain_on(const struct checkin *c, size_t n, const char *day)
{
	size_t i = checkin_from(c, n, day);

	return i < n && strcmp(c[i].day, day) == 0 ? c[i].pain : ENTRY_NONE;
}

static int
calm(int pain, int level)
{
	return pain != ENTRY_NONE && pain <= level + PROGRAM_FLARE_CALM_MARGIN;
}

/* For an open flare: the first day of PROGRAM_FLARE_CALM_DAYS calm days in
 * a row after it began, all by today, into end ("" when none). */
static int
calm_end(const struct program_flare *f, const struct checkin *c, size_t n,
	 const char *today, char end[DAY_LEN], char **cause)
{
	char day[DAY_LEN], first[DAY_LEN];
	int run = 0, left = day_diff(f->began_on, today), rc;

	end[0] = '\0';
	if (f->level == ENTRY_NONE)
		return 0;
	memcpy(day, f->began_on, DAY_LEN);
	for (; left > 0; left--) {
		if ((rc = program_day_add(day, 1, day, cause)) != 0)
			return rc;
		if (calm(pain_on(c, n, day), f->level)) {
			if (run++ == 0)
				memcpy(first, day, DAY_LEN);
			if (run == PROGRAM_FLARE_CALM_DAYS) {
				memcpy(end, first, DAY_LEN);
				return 0;
			}
		} else
			run = 0;
	}
	return 0;
}

/* Whether stamp a (a recorded_at of the log, local time first) is
 * earlier than stamp b, to the second; NULL is no time. */
static int
stamp_before(const char *a, const char *b)
{
	return a != NULL && b != NULL && strncmp(a, b, FLARE_STAMP_LEN) < 0;
}

/* Counts the sessions done from .. to (inclusive) into f->uses. began_at
 * is when the flare-up was recorded (NULL when not known): recorded on
 * its first day, a session of that day recorded before it came before the
 * flare-up began (a mat used in the morning of a flare-up recorded in the
 * evening was not used for it). A flare-up recorded on a later day gives
 * no hour, so every session of its first day counts. */
static void
flare_uses(struct program_flare *f, const struct store_session *s, size_t n,
	   const char *from, const char *to, const char *began_at)
{
	size_t i, k;

	if (began_at != NULL && strncmp(began_at, from, DAY_LEN - 1) != 0)
		began_at = NULL;
	for (i = 0; i < n; i++) {
		if (strcmp(s[i].day, from) < 0 || strcmp(s[i].day, to) > 0)
			continue;
		if (strcmp(s[i].day, from) == 0 &&
		    stamp_before(s[i].recorded_at, began_at))
			continue;
		for (k = 0; k < f->nuses; k++)
			if (strcmp(f->uses[k].practice, s[i].practice) == 0)
				break;
		if (k == f->nuses) {
			f->uses = xreallocarray(f->uses, f->nuses + 1,
						sizeof *f->uses);
			memset(&f->uses[k], 0, sizeof f->uses[k]);
			f->uses[k].practice = xstrdup(s[i].practice);
			f->nuses++;
		}
		f->uses[k].sessions++;
		if (s[i].pain_before != ENTRY_NONE &&
		    s[i].pain_after != ENTRY_NONE) {
			f->uses[k].rated++;
			f->uses[k].relief += s[i].pain_before - s[i].pain_after;
		}
	}
}

/* The usual pain of the profile, or ENTRY_NONE. */
static int
usual_pain(struct store *store, int *out, char **cause)
{
	char *v = NULL;
	long n;
	int rc = store_profile_get(store, STORE_PROFILE_USUAL_PAIN, &v, cause);

	*out = ENTRY_NONE;
	if (rc == 0 && v != NULL &&
	    util_parse_int(v, PAIN_MIN, PAIN_MAX, &n) == 0)
		*out = (int)n;
	free(v);
	return rc;
}

int
program_flare_running(struct store *store, const char *today,
		      char since[DAY_LEN], char **cause)
{
	struct store_flare *sf = NULL;
	struct checkin *c = NULL;
	struct program_flare f;
	size_t nf = 0, nc = 0, i;
	char from[DAY_LEN], to[DAY_LEN], end[DAY_LEN];
	int rc, level;

	since[0] = '\0';
	if ((rc = store_flare_list(store, &sf, &nf, cause)) != 0)
		return rc;
	for (i = 0; i < nf && sf[i].ended_by != FLARE_OPEN; i++)
		;
	if (i == nf || strcmp(sf[i].began_on, today) > 0) {
		store_flares_free(sf, nf);
		return 0;
	}
	memset(&f, 0, sizeof f);
	memcpy(f.began_on, sf[i].began_on, DAY_LEN);
	store_flares_free(sf, nf);
	if ((rc = program_day_add(f.began_on, -PROGRAM_FLARE_LEVEL_DAYS, from,
				  cause)) != 0 ||
	    (rc = program_day_add(f.began_on, -1, to, cause)) != 0 ||
	    (rc = usual_pain(store, &f.level, cause)) != 0 ||
	    (rc = store_checkin_range(store, from, today, &c, &nc, cause)) != 0)
		return rc;
	level = median_level(c, nc, from, to);
	if (level != ENTRY_NONE)
		f.level = level;
	rc = calm_end(&f, c, nc, today, end, cause);
	if (rc == 0 && end[0] == '\0')
		memcpy(since, f.began_on, DAY_LEN);
	checkins_free(c, nc);
	return rc;
}

int
program_flares_load(const struct pack *pack, struct store *store,
		    const char *today, struct program_flares *out, char **cause)
{
	struct store_flare *sf = NULL;
	struct checkin *c = NULL;
	struct store_session *s = NULL;
	size_t nf = 0, nc = 0, ns = 0, i;
	char from[DAY_LEN], last[DAY_LEN], end[DAY_LEN];
	int rc, usual = ENTRY_NONE;

	(void)pack;
	memset(out, 0, sizeof *out);
	out->running = -1;
	if ((rc = store_flare_list(store, &sf, &nf, cause)) != 0 || nf == 0)
		return rc;
	if ((rc = program_day_add(sf[0].began_on, -PROGRAM_FLARE_LEVEL_DAYS,
				  from, cause)) != 0 ||
	    (rc = usual_pain(store, &usual, cause)) != 0 ||
	    (rc = store_checkin_range(store, from, NULL, &c, &nc, cause)) !=
		0 ||
	    (rc = store_session_range(store, sf[0].began_on, NULL, &s, &ns,
				      cause)) != 0)
		goto done;
	out->flares = xcalloc(nf, sizeof *out->flares);
	out->n = nf;
	for (i = 0; i < nf && rc == 0; i++) {
		struct program_flare *f = &out->flares[i];
		char lo[DAY_LEN], hi[DAY_LEN];
		size_t k;

		f->id = sf[i].id;
		memcpy(f->began_on, sf[i].began_on, DAY_LEN);
		memcpy(f->ended_on, sf[i].ended_on, DAY_LEN);
		f->ended_by = sf[i].ended_by;
		f->stored_open = sf[i].ended_by == FLARE_OPEN;
		f->pain = sf[i].pain;
		f->note = sf[i].note;
		sf[i].note = NULL;
		if ((rc =
			 program_day_add(f->began_on, -PROGRAM_FLARE_LEVEL_DAYS,
					 lo, cause)) != 0 ||
		    (rc = program_day_add(f->began_on, -1, hi, cause)) != 0)
			break;
		f->level = median_level(c, nc, lo, hi);
		if (f->level == ENTRY_NONE)
			f->level = usual;
		if (f->stored_open) {
			if ((rc = calm_end(f, c, nc, today, end, cause)) != 0)
				break;
			if (end[0] != '\0') {
				memcpy(f->ended_on, end, DAY_LEN);
				f->ended_by = FLARE_CALM;
			}
		}
		/* Its days: began_on .. the day before it was over, or to
		 * today while it runs. */
		if (f->ended_on[0] != '\0') {
			if ((rc = program_day_add(f->ended_on, -1, last,
						  cause)) != 0)
				break;
		} else
			memcpy(last, today, DAY_LEN);
		if (strcmp(last, f->began_on) < 0)
			memcpy(last, f->began_on, DAY_LEN);
		f->days = day_diff(f->began_on, last) + 1;
		f->peak = f->pain;
		/* Its check-ins, not its days: nothing steps past the last. */
		for (k = checkin_from(c, nc, f->began_on);
		     k < nc && strcmp(c[k].day, last) <= 0; k++)
			if (f->peak == ENTRY_NONE || c[k].pain > f->peak)
				f->peak = c[k].pain;
		flare_uses(f, s, ns, f->began_on, last, sf[i].recorded_at);
		if (f->ended_on[0] == '\0' && strcmp(f->began_on, today) <= 0)
			out->running = (int)i;
	}
done:
	store_flares_free(sf, nf);
	checkins_free(c, nc);
	store_sessions_free(s, ns);
	if (rc != 0)
		program_flares_free(out);
	return rc;
}

void
program_flares_free(struct program_flares *fl)
{
	size_t i, k;

	for (i = 0; i < fl->n; i++) {
		free(fl->flares[i].note);
		for (k = 0; k < fl->flares[i].nuses; k++)
			free(fl->flares[i].uses[k].practice);
		free(fl->flares[i].uses);
	}
	free(fl->flares);
	fl->flares = NULL;
	fl->n = 0;
	fl->running = -1;
}
