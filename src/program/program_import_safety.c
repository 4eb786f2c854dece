/*
 * program_import_safety.c: the screening answers and the profile of an
 * export read back, checked by the rules of their writes
 * (program_write_safety.c): an answer to a safety question (one the pack
 * does not have is kept as it is), a doctor's check only of a yes and not
 * before it, each profile key once, and the values of the keys the
 * program reads (the usual pain, a recent injury, the day onboarding
 * ended) as their writes take them.
 */
#include "program_int.h"

#include <limits.h>
#include <string.h>

#include "util.h"

/* A doctor's check as program_screening_checked() records it: of a yes to
 * a red flag of the pack, not before the day of that answer (its asked_at,
 * or today when the clock stamped a day after it). */
static int
check_checked(struct program_reading *r, const struct json *at,
	      const char *flag, int answer, const char *asked,
	      const char *checked)
{
	char asked_on[DAY_LEN];

	if (checked[0] == '\0')
		return 0;
	if (answer != 1)
		return program_import_refuse(
		    r, at,
		    "checked_on: this answer is no, so there is "
		    "no yes for a doctor to have checked");
	if (strcmp(flag, SCREENING_INJURY) == 0)
		return program_import_refuse(
		    r, at,
		    "checked_on: a doctor's check is of an answer "
		    "to a safety question, not of %s",
		    flag);
	memcpy(asked_on, asked, DAY_LEN - 1);
	asked_on[DAY_LEN - 1] = '\0';
	if (strcmp(asked_on, r->today) > 0)
		memcpy(asked_on, r->today, DAY_LEN);
	if (strcmp(checked, asked_on) < 0)
		return program_import_refuse(
		    r, at,
		    "checked_on: a check on %s would come before "
		    "the yes it checks (answered %s)",
		    checked, asked_on);
	return 0;
}

int
program_import_screenings(struct program_reading *r, const struct json *a)
{
	struct program_import *imp = r->imp;
	const struct json *v[STORE_COLUMNS_MAX];
	const char *flag, *asked;
	long long id, answer, revision;
	size_t i;
	int rc;

	imp->screenings = xcalloc(a->n + 1, sizeof *imp->screenings);
	imp->rows[STORE_TABLE_SCREENING] = a->items;
	for (i = 0; i < a->n; i++) {
		struct store_dump_screening *x = &imp->screenings[i];

		if ((rc = program_import_row(r, STORE_TABLE_SCREENING, i,
					     &a->items[i], v)) ||
		    (rc = program_import_get_int(r, v[STORE_SCREENING_ID], "id",
						 1, PROGRAM_IMPORT_ID_MAX, 0,
						 &id)) ||
		    (rc = program_import_get_id(r, v[STORE_SCREENING_FLAG],
						"flag_id", &flag)) ||
		    (rc = program_import_get_int(r, v[STORE_SCREENING_ANSWER],
						 "answer", 0, 1, 0, &answer)) ||
		    (rc = program_import_get_time(
			 r, v[STORE_SCREENING_ASKED_AT], "asked_at", &asked)) ||
		    (rc = program_import_get_day(
			 r, v[STORE_SCREENING_CHECKED_ON], "checked_on", 1,
			 x->checked_on)) ||
		    (rc = program_import_get_uid(r, v[STORE_SCREENING_UID],
						 x->uid)) ||
		    (rc = program_import_get_int(r, v[STORE_SCREENING_REVISION],
						 "revision", 1, INT_MAX, 1,
						 &revision)))
			return rc;
		/* An answer to a safety question the pack does not have is
		 * kept: it holds nothing back here, and it is the log's. */
		if ((rc = check_checked(r, v[STORE_SCREENING_CHECKED_ON], flag,
					(int)answer, asked, x->checked_on)) !=
		    0)
			return rc;
		if (i > 0 && imp->screenings[i - 1].id >= id)
			return program_import_refuse(
			    r, v[STORE_SCREENING_ID],
			    PROGRAM_IMPORT_IDS_IN_ORDER);
		x->id = id;
		x->flag = flag;
		x->answer = (int)answer;
		x->asked_at = asked;
		/* An export from before revisions: answers to the first. */
		x->revision = revision == ENTRY_NONE ? 1 : (int)revision;
	}
	imp->dump.screenings = imp->screenings;
	imp->dump.nscreenings = a->n;
	return program_import_uids_once(r, STORE_TABLE_SCREENING,
					imp->screenings[0].uid,
					sizeof *imp->screenings, a->n);
}

int
program_import_profile(struct program_reading *r, const struct json *a)
{
	struct program_import *imp = r->imp;
	const struct json *v[STORE_COLUMNS_MAX];
	const char *key, *value;
	char day[DAY_LEN];
	const unsigned char *p;
	size_t i, k;
	long n;
	int rc;

	imp->profile = xcalloc(a->n + 1, sizeof *imp->profile);
	imp->rows[STORE_TABLE_PROFILE] = a->items;
	for (i = 0; i < a->n; i++) {
		if ((rc = program_import_row(r, STORE_TABLE_PROFILE, i,
					     &a->items[i], v)) ||
		    (rc = program_import_get_str(r, v[STORE_PROFILE_KEY], "key",
						 0, &key)) ||
		    (rc = program_import_get_str(r, v[STORE_PROFILE_VALUE],
						 "value", 0, &value)) ||
		    (rc = program_import_get_uid(r, v[STORE_PROFILE_UID],
						 imp->profile[i].uid)))
			return rc;
		if (*key == '\0')
			return program_import_refuse(r, v[STORE_PROFILE_KEY],
						     "the key is empty");
		for (p = (const unsigned char *)key; *p != '\0'; p++)
			if (*p < ' ' || *p == 0x7F)
				return program_import_refuse(
				    r, v[STORE_PROFILE_KEY],
				    "the key holds a "
				    "control character");
		for (k = 0; k < i; k++)
			if (strcmp(imp->profile[k].key, key) == 0)
				return program_import_refuse(
				    r, v[STORE_PROFILE_KEY],
				    "the key %s is given twice", key);
		if (strcmp(key, STORE_PROFILE_USUAL_PAIN) == 0 &&
		    util_parse_int(value, PAIN_MIN, PAIN_MAX, &n) != 0)
			return program_import_refuse(
			    r, v[STORE_PROFILE_VALUE],
			    "the usual pain is a whole number "
			    "from %d to %d",
			    PAIN_MIN, PAIN_MAX);
		if (strcmp(key, STORE_PROFILE_RECENT_INJURY) == 0 &&
		    strcmp(value, "yes") != 0 && strcmp(value, "no") != 0)
			return program_import_refuse(
			    r, v[STORE_PROFILE_VALUE],
			    "recent_injury is yes or no");
		if (strcmp(key, STORE_PROFILE_ONBOARDED) == 0 &&
		    (rc = program_import_get_day(r, v[STORE_PROFILE_VALUE],
						 "onboarded", 0, day)) != 0)
			return rc;
		imp->profile[i].key = key;
		imp->profile[i].value = value;
	}
	imp->dump.profile = imp->profile;
	imp->dump.nprofile = a->n;
	return program_import_uids_once(r, STORE_TABLE_PROFILE,
					imp->profile[0].uid,
					sizeof *imp->profile, a->n);
}
