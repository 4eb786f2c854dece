/*
 * review_int.h: what review.c and review_scan.c share and no other module
 * sees. review_scan.c reads the check-ins and sessions a bounded piece of
 * the log at a time and keeps only what the judgement needs, as plain
 * arrays the caller owns; review.c judges the trials from them.
 */
#ifndef BACKPAIN_REVIEW_INT_H
#define BACKPAIN_REVIEW_INT_H

#include <stddef.h>

#include "analysis.h"
#include "review.h"
#include "store.h"

struct pack;
struct store;

/*
 * The sessions of the trials' approaches: group g holds those of ids[g]
 * (the sorted, distinct approach ids handed to review_scan_sessions()),
 * oldest first, as s[first[g] .. first[g + 1]). logged[g] is set when the
 * log has any session of ids[g], on any day.
 */
struct review_sessions {
	struct analysis_session *s;
	size_t *first; /* ngroups + 1 offsets */
	unsigned char *logged;
	size_t ngroups;
};

/*
 * Every check-in of the log, oldest first, into *out (free() it), calling
 * each (may be NULL) with every one, newest first; the days of those whose
 * rating is recalled (program_recalled()) into *recalled, in order (free()
 * it). Nothing older than hint (a day number) is needed for the trials,
 * so below it a stretch without check-ins ends the piecewise reading. 0,
 * or a store.h code with *cause.
 */
int review_scan_checkins(struct store *, int today, int hint,
			 review_checkin_fn each, void *arg,
			 struct analysis_checkin **out, size_t *n,
			 int **recalled, size_t *nrecalled, char **cause);
/* The check-ins the verdicts read: those of all (n, oldest first) but the
 * ones on the days of recalled (sorted), into *out (free() it); their
 * count. */
size_t review_scan_judged(const struct analysis_checkin *all, size_t n,
			  const int *recalled, size_t nrecalled,
			  struct analysis_checkin **out);

/* The sessions of the approaches ids[0..nids) (sorted by strcmp, distinct);
 * the pack, when not NULL, names the approach of a session that the log
 * does not. 0, or a store.h code with *cause; out is always safe to free. */
int review_scan_sessions(struct store *, const struct pack *, int today,
			 int hint, const char *const *ids, size_t nids,
			 struct review_sessions *out, char **cause);
void review_sessions_free(struct review_sessions *);

/*
 * The pause week of a row (review_pause.c, issue 21). review_pause_judge()
 * fills the row's week_*, flare_* and pause from its pause week w, the
 * trial's days td (program_trial_days() over its start .. end), its
 * approach a (NULL when the pack does not know it) and the check-ins
 * c[0..n) from the longer-run window on; the row's result must be judged
 * (frozen at the pause) first. review_pause_offered() sets offer_pause
 * for a row without a pause.
 */
struct program_pause;
struct program_trial_days;
struct approach;
void review_pause_judge(const struct review *, struct review_row *,
			const struct program_pause *w, const struct approach *a,
			const struct program_trial_days *td, int end,
			const struct analysis_checkin *c, size_t n);
void review_pause_offered(struct review_row *, const struct approach *a);
/* After every row is judged: a pause week during whose days (the pause
 * and its days back) another trial began cannot tell the two apart; its
 * row names that trial (mixed), and a judged pause becomes unclear. */
void review_pause_mixed(struct review *);
/* review_rows.c, once every trial is judged: marks the rows habits were
 * kept from, adds a row for each flare-up tool used outside its trials and
 * counts the flare-up days in each row's windows. 0, or a store.h code
 * with *cause. */
int review_rows_add(const struct pack *, struct store *, struct review *,
		    char **cause);

/* EX_IOERR with a cause naming a row's day that is not a day. */
int review_bad_day(const char *what, const char *day, char **cause);

#endif
