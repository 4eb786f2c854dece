/*
 * program_write_safety.c: the writes of the safety questions and the first
 * run (program.h): screening answers (to the pack's red flags, and to a
 * recent injury, which the profile keeps too), a doctor's check of a
 * standing yes, the usual pain and the day onboarding ended. What the
 * answers hold back is read by program_safety_load() in program.c.
 */
#include "program_int.h"

#include <stdio.h>
#include <string.h>
#include <sysexits.h>

#include "content.h"
#include "util.h"

int
program_screening(const struct pack *pack, struct store *store,
		  const char *flag, int yes, char **cause)
{
	size_t i;
	int rc;

	if (yes != 0 && yes != 1) {
		*cause = xasprintf("a screening answer is yes or no");
		return EX_DATAERR;
	}
	if (strcmp(flag, SCREENING_INJURY) == 0) {
		/* Onboarding's own question, which has no revisions. */
		if ((rc = store_screening_add(store, flag, yes, 1, cause)) != 0)
			return rc;
		return store_profile_set(store, STORE_PROFILE_RECENT_INJURY,
					 yes ? "yes" : "no", cause);
	}
	for (i = 0; i < pack->nred_flags; i++)
		if (strcmp(pack->red_flags[i].id, flag) == 0)
			return store_screening_add(store, flag, yes,
						   pack->red_flags[i].revision,
						   cause);
	*cause = xasprintf("no such safety question '%s'", flag);
	return EX_DATAERR;
}

int
program_screening_many(const struct pack *pack, struct store *store,
		       const char *const *flags, const int *yes, size_t n,
		       struct program_bad *bad, char **cause)
{
	size_t i;
	int rc;

	program_bad_none(bad);
	for (i = 0; i < n; i++) {
		if (content_red_flag(pack, flags[i]) == NULL)
			return program_refuse(
			    bad, PROGRAM_FIELD_FLAG, i, cause,
			    xstrdup("no such safety question; see "
				    "them with backpain safety"));
		if (yes[i] != 0 && yes[i] != 1)
			return program_refuse(
			    bad, PROGRAM_FIELD_FLAG, i, cause,
			    xstrdup("a safety answer is yes or no"));
	}
	for (i = 0; i < n; i++)
		if ((rc = program_screening(pack, store, flags[i], yes[i],
					    cause)) != 0)
			return rc;
	return 0;
}

int
program_screening_checked(const struct pack *pack, struct store *store,
			  const char *flag, const char *day, const char *today,
			  char **cause)
{
	struct program_safety s;
	const struct program_flag *f = NULL;
	size_t i;
	int rc;

	if (content_red_flag(pack, flag) == NULL) {
		*cause = xasprintf("no such safety question '%s'; see them "
				   "with backpain safety",
				   flag);
		return EX_DATAERR;
	}
	if ((rc = program_check_day(day, today, NULL, cause)) != 0)
		return rc;
	if ((rc = program_safety_load(pack, store, today, &s, cause)) != 0)
		return rc;
	for (i = 0; i < s.nflags; i++)
		if (strcmp(s.flags[i].flag->id, flag) == 0)
			f = &s.flags[i];
	if (f->state == PROGRAM_FLAG_UNANSWERED ||
	    f->state == PROGRAM_FLAG_NO) {
		*cause = xasprintf(
		    "%s: your latest answer is %s, so there is "
		    "no yes for a doctor to have checked",
		    flag, f->state == PROGRAM_FLAG_NO ? "no" : "missing");
		rc = EX_DATAERR;
	} else if (strcmp(day, f->asked_on) < 0) {
		*cause = xasprintf("%s: a check on %s would come before the "
				   "yes it checks (answered %s)",
				   flag, day, f->asked_on);
		rc = EX_DATAERR;
	}
	program_safety_free(&s);
	if (rc != 0)
		return rc;
	return store_screening_checked(store, flag, day, cause);
}

int
program_usual_pain(struct store *store, int pain, char **cause)
{
	char v[16];
	int rc;

	if ((rc = program_check_rating(pain, 0, PROGRAM_FIELD_PAIN, NULL,
				       cause)) != 0)
		return rc;
	snprintf(v, sizeof v, "%d", pain);
	return store_profile_set(store, STORE_PROFILE_USUAL_PAIN, v, cause);
}

int
program_onboarded(struct store *store, const char *day, const char *today,
		  char **cause)
{
	int rc;

	if ((rc = program_check_day(day, today, NULL, cause)) != 0)
		return rc;
	return store_profile_set(store, STORE_PROFILE_ONBOARDED, day, cause);
}
