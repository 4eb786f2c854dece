/*
 * review_rows.c: what the review adds to its rows once every trial is
 * judged (review.h): which trial each habit was kept from, a row for each
 * flare-up tool used outside its trials (judged by those sessions, as a
 * trial of it is), and the flare-up days in each trial's windows. It never
 * changes which days a trial is judged over: review.c decides that.
 */
#include "review.h"

#include <stdlib.h>
#include <string.h>

#include "content.h"
#include "program.h"
#include "review_int.h"
#include "util.h"

/* The index of the first check-in on day (a day number) or later, as
 * review_checkin_from() finds it (review.c, which calls this file: so
 * this file does not call back). */
static size_t
checkin_at(const struct review *rv, int day)
{
	size_t lo = 0, hi = rv->ncheckins, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (rv->checkins[mid].day < day)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* Whether the check-in of day (a day number) is recalled, as
 * review_recalled_on() says (review.c: so this file does not call
 * back). */
static int
recalled_at(const struct review *rv, int day)
{
	size_t lo = 0, hi = rv->nrecalled, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (rv->recalled[mid] < day)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < rv->nrecalled && rv->recalled[lo] == day;
}

/* Marks the rows whose trial a habit was kept from. */
static int
mark_habits(struct store *st, struct review *rv, char **cause)
{
	struct store_habit *h = NULL;
	size_t nh = 0, i, k;
	int rc;

	if ((rc = store_habit_list(st, &h, &nh, cause)) != 0)
		return rc;
	for (i = 0; i < nh; i++)
		for (k = 0; k < rv->nrows; k++) {
			struct review_row *row = &rv->rows[k];

			if (h[i].trial_id == 0 ||
			    row->trial_id != h[i].trial_id)
				continue;
			row->habit = 1;
			memcpy(row->habit_since, h[i].kept_on, DAY_LEN);
			memcpy(row->habit_dropped, h[i].dropped_on, DAY_LEN);
		}
	store_habits_free(h, nh);
	return 0;
}

/* Whether day (a day number) is inside a trial of approach (rows
 * 0 .. ntrials). */
static int
in_trial(const struct review *rv, size_t ntrials, const char *approach, int day)
{
	size_t k;

	for (k = 0; k < ntrials; k++) {
		const struct review_row *row = &rv->rows[k];

		if (strcmp(row->approach, approach) == 0 &&
		    day >= row->result.start && day <= row->result.end)
			return 1;
	}
	return 0;
}

/* Judges the sessions s[0..n) of tool a, none inside a trial of it, as a
 * trial from the first to the last: the rule of a flare-up tool reads
 * only its sessions. */
static void
judge_tool(const struct review *rv, const struct approach *a,
	   const struct analysis_session *s, size_t n, struct review_row *row)
{
	struct analysis_trial_in in = {0};
	size_t c0, c1;

	row->approach = xstrdup(a->id);
	row->title = a->title;
	row->wildcard = a->wildcard;
	row->tool_use = 1;
	row->tool_sessions = (int)n;
	row->outcome = OUTCOME_NONE;
	row->impression = ENTRY_NONE;
	day_from_number(s[0].day, row->started_on);
	day_from_number(s[n - 1].day, row->ended_on);
	in.start = s[0].day;
	in.end = s[n - 1].day;
	in.settle_days =
	    a->settle_days > 0 ? a->settle_days : ANALYSIS_SETTLE_DAYS;
	in.flare_tool = 1;
	in.has_practices = a->npractices > 0;
	in.sessions = s;
	in.nsessions = n;
	c0 = checkin_at(rv, in.start - ANALYSIS_LONGRUN_DAYS);
	c1 = checkin_at(rv, in.end + 1);
	analysis_trial(c1 > c0 ? rv->checkins + c0 : NULL, c1 - c0,
		       rv->usual_pain, &in, &row->result);
	row->checkins = (int)(c1 - checkin_at(rv, in.start));
}

static int
by_string(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* A row for each flare-up tool of the pack whose sessions were logged
 * outside its trials, after the trials' rows. */
static int
add_tool_rows(const struct pack *pack, struct store *st, struct review *rv,
	      char **cause)
{
	struct review_sessions rs = {0};
	struct analysis_session *kept;
	const char **ids;
	size_t nids = 0, ntrials = rv->nrows, i, g, k, n;
	int rc, today = day_number(rv->today);

	if (pack == NULL)
		return 0;
	ids = xreallocarray(NULL, pack->napproaches + 1, sizeof *ids);
	for (i = 0; i < pack->napproaches; i++)
		if (pack->approaches[i].flare_tool)
			ids[nids++] = pack->approaches[i].id;
	if (nids == 0) {
		free(ids);
		return 0;
	}
	qsort(ids, nids, sizeof *ids, by_string);
	rc =
	    review_scan_sessions(st, pack, today, today, ids, nids, &rs, cause);
	for (i = 0; rc == 0 && i < pack->napproaches; i++) {
		const struct approach *a = &pack->approaches[i];
		const char **at;

		if (!a->flare_tool)
			continue;
		at = bsearch(&a->id, ids, nids, sizeof *ids, by_string);
		g = (size_t)(at - ids);
		n = rs.first[g + 1] - rs.first[g];
		kept = xreallocarray(NULL, n + 1, sizeof *kept);
		for (k = 0, n = 0; k < rs.first[g + 1] - rs.first[g]; k++) {
			const struct analysis_session *s =
			    &rs.s[rs.first[g] + k];

			if (!in_trial(rv, ntrials, a->id, s->day))
				kept[n++] = *s;
		}
		if (n > 0) {
			rv->rows = xreallocarray(rv->rows, rv->nrows + 1,
						 sizeof *rv->rows);
			memset(&rv->rows[rv->nrows], 0, sizeof *rv->rows);
			judge_tool(rv, a, kept, n, &rv->rows[rv->nrows++]);
		}
		free(kept);
	}
	review_sessions_free(&rs);
	free(ids);
	return rc;
}

/* Whether day (a day number) is inside a flare-up. */
static int
in_flare(const struct review *rv, int day)
{
	size_t k;

	for (k = 0; k < rv->nflares; k++)
		if (day >= rv->flares[k].first && day <= rv->flares[k].last)
			return 1;
	return 0;
}

/* A window's days first .. last (day numbers) that count (td: the row's
 * days that count, NULL for a window before its start): its interference
 * ratings into n and sum, its flare-up days into *flare. A recalled
 * rating is left out, as the verdict's windows leave out its pain: the
 * interference beside the pain is of the same check-ins. */
static void
window_facts(const struct review *rv, int first, int last,
	     const struct program_trial_days *td, int *n, int *sum, int *flare)
{
	size_t k;
	int d;

	*n = *sum = *flare = 0;
	for (d = first; d <= last; d++)
		*flare += (td == NULL || td->off == NULL || d < td->first ||
			   d > td->last || td->off[d - td->first] == 0) &&
			  in_flare(rv, d);
	for (k = checkin_at(rv, first);
	     k < rv->ncheckins && rv->checkins[k].day <= last; k++) {
		d = rv->checkins[k].day;
		if (rv->checkins[k].interference == ANALYSIS_NO_RATING ||
		    recalled_at(rv, d) ||
		    (td != NULL && td->off != NULL && d >= td->first &&
		     d <= td->last && td->off[d - td->first] != 0))
			continue;
		(*n)++;
		*sum += rv->checkins[k].interference;
	}
}

/* Each row's windows: their interference and flare-up days, the judged
 * days without those that do not count (program_trial_days()). */
static void
row_windows(const struct review *rv, const struct program_pauses *pauses,
	    struct review_row *row)
{
	const struct analysis_result *r = &row->result;
	struct review_windows *w = &row->windows;
	struct program_trial_days td;
	int flare;

	memset(w, 0, sizeof *w);
	/* A tool's sessions outside a trial: no days are compared. */
	if (row->tool_use)
		return;
	day_from_number(r->ref_first, w->before_from);
	day_from_number(r->ref_last, w->before_to);
	window_facts(rv, r->ref_first, r->ref_last, NULL, &w->before_n,
		     &w->before_sum, &flare);
	if (!r->flare_tool)
		row->flare_before = flare;
	if (r->during_first > r->end)
		return;
	day_from_number(r->during_first, w->during_from);
	day_from_number(r->end, w->during_to);
	program_trial_days(pauses, row->trial_id, r->start, r->end, &td);
	window_facts(rv, r->during_first, r->end, &td, &w->during_n,
		     &w->during_sum, &flare);
	program_trial_days_free(&td);
	if (!r->flare_tool)
		row->flare_during = flare;
}

int
review_rows_add(const struct pack *pack, struct store *st, struct review *rv,
		char **cause)
{
	struct program_pauses pauses = {0};
	size_t i;
	int rc;

	if ((rc = mark_habits(st, rv, cause)) != 0 ||
	    (rc = add_tool_rows(pack, st, rv, cause)) != 0)
		return rc;
	/* Without a pack no flag is known to hold: every day counts, as
	 * review.c judges them. */
	if (pack != NULL && (rc = program_pauses_load(pack, st, rv->today,
						      &pauses, cause)) != 0)
		return rc;
	for (i = 0; i < rv->nrows; i++)
		row_windows(rv, &pauses, &rv->rows[i]);
	program_pauses_free(&pauses);
	return 0;
}

const char *
review_row_state(const struct review_row *row)
{
	if (row->tool_use)
		return "used outside a trial";
	return program_trial_words(row->running,
				   row->habit && row->habit_dropped[0] == '\0',
				   row->outcome);
}

enum outcome
review_suggested(const struct review_row *row)
{
	switch (row->result.verdict) {
	case VERDICT_SUBSTANTIAL:
	case VERDICT_MEANINGFUL:
		return OUTCOME_HELPED;
	case VERDICT_WORSE:
		return OUTCOME_WORSE;
	case VERDICT_NO_CHANGE:
		return OUTCOME_NO_CHANGE;
	case VERDICT_LOW_PRACTICE:
	case VERDICT_TOO_EARLY:
	case VERDICT_NO_BASELINE:
	case VERDICT_UNCLEAR:
		break;
	}
	return OUTCOME_STOPPED;
}

void
review_interference(const struct review *rv, const struct review_row *row,
		    struct review_windows *out)
{
	(void)rv;
	*out = row->windows;
}
