/* analysis_overlap.c: other trials over a trial's windows: which confound
 * it, how many of the compared days they cover (for analysis.c's
 * verdict), and the days a span shares with others.  See analysis.h. */
#include "analysis.h"

#include <limits.h>

#include "analysis_int.h"

static int
spans_meet(long long a1, long long a2, long long b1, long long b2)
{
	return a1 <= b2 && b1 <= a2;
}

static int
covers(const struct analysis_span *o, long long lo, long long hi)
{
	return o->start <= lo && o->end >= hi;
}

int
analysis_confounds(const struct analysis_result *r,
		   const struct analysis_span *o)
{
	long long a1, a2, b1, b2;

	if (r == NULL || o == NULL || r->flare_tool)
		return 0;
	a1 = r->ref_first;
	a2 = r->ref_last;
	b1 = r->during_first;
	b2 = r->end;
	/* The plan's own handover: one stopped on the day the other
	 * started (or the day before). */
	if (o->start < r->start && o->end <= r->start &&
	    o->end >= (long long)r->start - 1)
		return 0;
	if (o->start >= r->end &&
	    (long long)o->start <= (long long)r->end + 1 && o->end > r->end)
		return 0;
	/* Kept through both windows, as a habit: no difference between
	 * them. */
	if (covers(o, a1, a2) && covers(o, b1, b2))
		return 0;
	return spans_meet(o->start, o->end, a1, a2) ||
	       spans_meet(o->start, o->end, b1, b2);
}

/* Days of the two compared windows covered by a confounding other trial,
 * the days t leaves out not among them. Day by day: the windows are what
 * the verdict reads, a few weeks. */
int
analysis_confounded_days(const struct analysis_result *r,
			 const struct analysis_trial_in *t)
{
	const struct analysis_span *others = t->others;
	long long d, lo[2] = {r->ref_first, r->during_first},
		     hi[2] = {r->ref_last, r->end};
	size_t i, n = t->nothers;
	int w, count = 0;

	if (others == NULL || r->flare_tool)
		return 0;
	for (w = 0; w < 2; w++)
		for (d = lo[w]; d <= hi[w]; d++)
			for (i = 0; i < n && !analysis_off_day(t, d); i++)
				if (others[i].start <= d &&
				    others[i].end >= d &&
				    analysis_confounds(r, &others[i])) {
					count++;
					break;
				}
	return count;
}

/*
 * Walk start .. end in covered stretches: from day d, jump past the furthest
 * end of the spans covering d, else to the next span's start.  No allocation,
 * no sorting, O(stretches * n).
 */
int
analysis_overlap_days(int start, int end, const struct analysis_span *others,
		      size_t n)
{
	long long d = start, covered = 0;
	size_t i;

	if (others == NULL)
		return 0;
	while (d <= end) {
		long long reach = d - 1, next = (long long)end + 1;

		for (i = 0; i < n; i++) {
			if (others[i].start <= d && others[i].end >= d) {
				if (others[i].end > reach)
					reach = others[i].end;
			} else if (others[i].start > d &&
				   others[i].start < next) {
				next = others[i].start;
			}
		}
		if (reach >= d) {
			if (reach > end)
				reach = end;
			covered += reach - d + 1;
			d = reach + 1;
		} else {
			d = next;
		}
	}
	return covered > INT_MAX ? INT_MAX : (int)covered;
}
