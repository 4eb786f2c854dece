/* store_columns.c: the log described once (store.h): each table's columns
 * with their types, ranges and versions, where each goes in the table's row
 * struct, and the rules a row keeps between its columns. The row reader
 * (store_row.c) selects, checks (store_row_check()) and fills by it, the
 * export writes its columns, the import checks a file's rows by it, and
 * the scan of a whole log (store_check.c) runs it through the SQL function
 * backpain_problem() registered here, so that every one of them says the
 * same of the same value. */
#include <limits.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "store_int.h"
#include "util.h"

/* A word reads as 1 + its place here, NULL as 0 (store_row.c): the values
 * of enum outcome and enum flare_end. */
static const char *const outcomes[] = {"helped", "no-change", "worse",
				       "stopped", NULL};
static const char *const flare_ends[] = {"person", "calm", NULL};
_Static_assert(OUTCOME_NONE == 0 && OUTCOME_HELPED == 1 &&
		   OUTCOME_NO_CHANGE == 2 && OUTCOME_WORSE == 3 &&
		   OUTCOME_STOPPED == 4 && FLARE_OPEN == 0 &&
		   FLARE_PERSON == 1 && FLARE_CALM == 2,
	       "a word reads as 1 + its place in words");

/* Where a column's value goes in its table's row struct (store.h), or
 * that the struct has no place for it. */
#define AT(type, field) offsetof(type, field), sizeof(((type *)0)->field)
#define NOWHERE STORE_NOWHERE, 0
#define UID(v, ...)                                                            \
	{                                                                      \
		"uid", STORE_TYPE_UID, 0, 0, NULL, 0, 0, (v), "uid",           \
		    __VA_ARGS__                                                \
	}

static const struct store_column checkin[] = {
    [STORE_CHECKIN_DAY] = {"day", STORE_TYPE_DAY, 0, 0, NULL, 0, 0, 1, "day",
			   AT(struct checkin, day)},
    [STORE_CHECKIN_PAIN] = {"pain", STORE_TYPE_INT, PAIN_MIN, PAIN_MAX, NULL, 0,
			    0, 1, "pain", AT(struct checkin, pain)},
    [STORE_CHECKIN_INTERFERENCE] = {"interference", STORE_TYPE_INT, PAIN_MIN,
				    PAIN_MAX, NULL, 1, 0, 1, "interference",
				    AT(struct checkin, interference)},
    [STORE_CHECKIN_NOTE] = {"note", STORE_TYPE_TEXT, 0, 0, NULL, 1, 0, 1,
			    "note", AT(struct checkin, note)},
    [STORE_CHECKIN_RECORDED_AT] = {"recorded_at", STORE_TYPE_TIME, 0, 0, NULL,
				   0, 0, 1, "time recorded",
				   AT(struct checkin, recorded_at)},
    [STORE_CHECKIN_UPDATED_AT] = {"updated_at", STORE_TYPE_TIME, 0, 0, NULL, 0,
				  0, 1, "time updated",
				  AT(struct checkin, updated_at)},
    [STORE_CHECKIN_UID] = UID(6, AT(struct checkin, uid)),
    [STORE_CHECKIN_REVISION] = {"revision", STORE_TYPE_INT, 1, INT_MAX, NULL, 0,
				0, 6, "revision", AT(struct checkin, revision)},
    /* When the pain rating was entered (issue 18); NULL, in a row written
     * by other means or a file from before it, reads as recorded_at. */
    [STORE_CHECKIN_PAIN_SET_AT] = {"pain_set_at", STORE_TYPE_TIME, 0, 0, NULL,
				   1, 0, 7, "time the pain was set",
				   AT(struct checkin, pain_set_at)},
};
static const struct store_column answer[] = {
    [STORE_ANSWER_DAY] = {"day", STORE_TYPE_DAY, 0, 0, NULL, 0, 0, 1, "day",
			  AT(struct store_answer, day)},
    [STORE_ANSWER_QUESTION] = {"question_id", STORE_TYPE_ID, 0, 0, NULL, 0, 0,
			       1, "question",
			       AT(struct store_answer, question)},
    [STORE_ANSWER_VALUE] = {"value", STORE_TYPE_TEXT, 0, 0, NULL, 0, 0, 1,
			    "answer", AT(struct store_answer, value)},
    [STORE_ANSWER_UID] = UID(6, AT(struct store_answer, uid)),
};
static const struct store_column trial[] = {
    [STORE_TRIAL_ID] = {"id", STORE_TYPE_ROWID, 0, 0, NULL, 0, 0, 1, "id",
			AT(struct store_trial, id)},
    [STORE_TRIAL_APPROACH] = {"approach", STORE_TYPE_ID, 0, 0, NULL, 0, 0, 1,
			      "approach", AT(struct store_trial, approach)},
    [STORE_TRIAL_STARTED_ON] = {"started_on", STORE_TYPE_DAY, 0, 0, NULL, 0, 0,
				1, "start", AT(struct store_trial, started_on)},
    [STORE_TRIAL_ENDED_ON] = {"ended_on", STORE_TYPE_DAY, 0, 0, NULL, 1, 0, 1,
			      "end", AT(struct store_trial, ended_on)},
    [STORE_TRIAL_OUTCOME] = {"outcome", STORE_TYPE_WORD, 0, 0, outcomes, 1, 0,
			     1, "outcome", AT(struct store_trial, outcome)},
    [STORE_TRIAL_IMPRESSION] = {"impression", STORE_TYPE_INT, IMPRESSION_MIN,
				IMPRESSION_MAX, NULL, 1, 0, 3, "impression",
				AT(struct store_trial, impression)},
    [STORE_TRIAL_UID] = UID(6, AT(struct store_trial, uid)),
};
static const struct store_column session[] = {
    [STORE_SESSION_ID] = {"id", STORE_TYPE_ROWID, 0, 0, NULL, 0, 0, 1, "id",
			  AT(struct store_session, id)},
    [STORE_SESSION_PRACTICE] = {"practice", STORE_TYPE_ID, 0, 0, NULL, 0, 0, 1,
				"practice", AT(struct store_session, practice)},
    [STORE_SESSION_APPROACH] = {"approach", STORE_TYPE_ID, 0, 0, NULL, 0, 0, 1,
				"approach", AT(struct store_session, approach)},
    [STORE_SESSION_DAY] = {"day", STORE_TYPE_DAY, 0, 0, NULL, 0, 0, 1, "day",
			   AT(struct store_session, day)},
    [STORE_SESSION_MINUTES] = {"minutes", STORE_TYPE_INT, 1,
			       SESSION_MINUTES_MAX, NULL, 1, 0, 1, "minutes",
			       AT(struct store_session, minutes)},
    [STORE_SESSION_PAIN_BEFORE] = {"pain_before", STORE_TYPE_INT, PAIN_MIN,
				   PAIN_MAX, NULL, 1, 0, 1, "pain before",
				   AT(struct store_session, pain_before)},
    [STORE_SESSION_PAIN_AFTER] = {"pain_after", STORE_TYPE_INT, PAIN_MIN,
				  PAIN_MAX, NULL, 1, 0, 1, "pain after",
				  AT(struct store_session, pain_after)},
    [STORE_SESSION_RECORDED_AT] = {"recorded_at", STORE_TYPE_TIME, 0, 0, NULL,
				   0, 0, 1, "time recorded",
				   AT(struct store_session, recorded_at)},
    [STORE_SESSION_UID] = UID(6, AT(struct store_session, uid)),
    /* The time the timer measured (issue 18); NULL when not timed. */
    [STORE_SESSION_SECONDS] = {"seconds", STORE_TYPE_INT, 1,
			       SESSION_SECONDS_MAX, NULL, 1, 0, 7, "seconds",
			       AT(struct store_session, seconds)},
};
static const struct store_column screening[] = {
    [STORE_SCREENING_ID] = {"id", STORE_TYPE_ROWID, 0, 0, NULL, 0, 0, 1, "id",
			    NOWHERE},
    [STORE_SCREENING_FLAG] = {"flag_id", STORE_TYPE_ID, 0, 0, NULL, 0, 0, 1,
			      "question", AT(struct screening, flag)},
    [STORE_SCREENING_ANSWER] = {"answer", STORE_TYPE_INT, 0, 1, NULL, 0, 0, 1,
				"answer", AT(struct screening, answer)},
    [STORE_SCREENING_ASKED_AT] = {"asked_at", STORE_TYPE_TIME, 0, 0, NULL, 0, 0,
				  1, "time asked",
				  AT(struct screening, asked_at)},
    [STORE_SCREENING_CHECKED_ON] = {"checked_on", STORE_TYPE_DAY, 0, 0, NULL, 1,
				    0, 4, "doctor's check",
				    AT(struct screening, checked_on)},
    [STORE_SCREENING_UID] = UID(6, NOWHERE),
    /* The revision of the red flag's question it answered (content.h): 1
     * for an answer from before revisions were kept. */
    [STORE_SCREENING_REVISION] = {"revision", STORE_TYPE_INT, 1, INT_MAX, NULL,
				  0, 0, 8, "revision",
				  AT(struct screening, revision)},
    /* When this log received the answer, if not when it was asked: an
     * import's time (store_import.c), so that a stamp from a clock that
     * was ahead counts from then (the latest answer, store_trial.c). */
    [STORE_SCREENING_RECEIVED_AT] = {"received_at", STORE_TYPE_TIME, 0, 0, NULL,
				     1, 1, 6, "time received", NOWHERE},
};
static const struct store_column profile[] = {
    [STORE_PROFILE_KEY] = {"key", STORE_TYPE_ID, 0, 0, NULL, 0, 0, 1, "key",
			   AT(struct store_profile_row, key)},
    [STORE_PROFILE_VALUE] = {"value", STORE_TYPE_TEXT, 0, 0, NULL, 0, 0, 1,
			     "value", AT(struct store_profile_row, value)},
    [STORE_PROFILE_UID] = UID(6, AT(struct store_profile_row, uid)),
};
static const struct store_column habit[] = {
    [STORE_HABIT_ID] = {"id", STORE_TYPE_ROWID, 0, 0, NULL, 0, 0, 5, "id",
			AT(struct store_habit, id)},
    [STORE_HABIT_APPROACH] = {"approach", STORE_TYPE_ID, 0, 0, NULL, 0, 0, 5,
			      "approach", AT(struct store_habit, approach)},
    [STORE_HABIT_TRIAL] = {"trial_id", STORE_TYPE_REF, 0, 0, NULL, 1, 0, 5,
			   "trial", AT(struct store_habit, trial_id)},
    [STORE_HABIT_KEPT_ON] = {"kept_on", STORE_TYPE_DAY, 0, 0, NULL, 0, 0, 5,
			     "day kept", AT(struct store_habit, kept_on)},
    [STORE_HABIT_DROPPED_ON] = {"dropped_on", STORE_TYPE_DAY, 0, 0, NULL, 1, 0,
				5, "day it was dropped",
				AT(struct store_habit, dropped_on)},
    [STORE_HABIT_UID] = UID(6, AT(struct store_habit, uid)),
};
static const struct store_column flare[] = {
    [STORE_FLARE_ID] = {"id", STORE_TYPE_ROWID, 0, 0, NULL, 0, 0, 5, "id",
			AT(struct store_flare, id)},
    [STORE_FLARE_BEGAN_ON] = {"began_on", STORE_TYPE_DAY, 0, 0, NULL, 0, 0, 5,
			      "start", AT(struct store_flare, began_on)},
    [STORE_FLARE_ENDED_ON] = {"ended_on", STORE_TYPE_DAY, 0, 0, NULL, 1, 0, 5,
			      "end", AT(struct store_flare, ended_on)},
    [STORE_FLARE_ENDED_BY] = {"ended_by", STORE_TYPE_WORD, 0, 0, flare_ends, 1,
			      0, 5, "end", AT(struct store_flare, ended_by)},
    [STORE_FLARE_PAIN] = {"pain", STORE_TYPE_INT, PAIN_MIN, PAIN_MAX, NULL, 1,
			  0, 5, "pain", AT(struct store_flare, pain)},
    [STORE_FLARE_NOTE] = {"note", STORE_TYPE_TEXT, 0, 0, NULL, 1, 0, 5, "note",
			  AT(struct store_flare, note)},
    [STORE_FLARE_RECORDED_AT] = {"recorded_at", STORE_TYPE_TIME, 0, 0, NULL, 0,
				 0, 5, "time recorded",
				 AT(struct store_flare, recorded_at)},
    [STORE_FLARE_UID] = UID(6, AT(struct store_flare, uid)),
};
static const struct store_column lesson[] = {
    [STORE_LESSON_ID] = {"id", STORE_TYPE_ROWID, 0, 0, NULL, 0, 0, 8, "id",
			 AT(struct store_lesson, id)},
    [STORE_LESSON_LESSON] = {"lesson_id", STORE_TYPE_ID, 0, 0, NULL, 0, 0, 8,
			     "lesson", AT(struct store_lesson, lesson)},
    [STORE_LESSON_MOMENT] = {"moment", STORE_TYPE_ID, 0, 0, NULL, 1, 0, 8,
			     "moment", AT(struct store_lesson, moment)},
    [STORE_LESSON_READ_ON] = {"read_on", STORE_TYPE_DAY, 0, 0, NULL, 1, 0, 8,
			      "day read", AT(struct store_lesson, read_on)},
    [STORE_LESSON_DISMISSED_ON] = {"dismissed_on", STORE_TYPE_DAY, 0, 0, NULL,
				   1, 0, 8, "day put off",
				   AT(struct store_lesson, dismissed_on)},
    [STORE_LESSON_RECORDED_AT] = {"recorded_at", STORE_TYPE_TIME, 0, 0, NULL, 0,
				  0, 8, "time recorded",
				  AT(struct store_lesson, recorded_at)},
    [STORE_LESSON_UID] = UID(8, AT(struct store_lesson, uid)),
};
/* The pause week's table (issue 21) and its uid came in one step. */
#define PAUSE_SINCE 9
static const struct store_column pause[] = {
    [STORE_PAUSE_ID] = {"id", STORE_TYPE_ROWID, 0, 0, NULL, 0, 0, PAUSE_SINCE,
			"id", AT(struct store_pause, id)},
    [STORE_PAUSE_TRIAL] = {"trial_id", STORE_TYPE_REF, 0, 0, NULL, 0, 0,
			   PAUSE_SINCE, "trial",
			   AT(struct store_pause, trial_id)},
    [STORE_PAUSE_PAUSED_ON] = {"paused_on", STORE_TYPE_DAY, 0, 0, NULL, 0, 0,
			       PAUSE_SINCE, "day paused",
			       AT(struct store_pause, paused_on)},
    [STORE_PAUSE_RESUMED_ON] = {"resumed_on", STORE_TYPE_DAY, 0, 0, NULL, 1, 0,
				PAUSE_SINCE, "day resumed",
				AT(struct store_pause, resumed_on)},
    [STORE_PAUSE_RECORDED_AT] = {"recorded_at", STORE_TYPE_TIME, 0, 0, NULL, 0,
				 0, PAUSE_SINCE, "time recorded",
				 AT(struct store_pause, recorded_at)},
    [STORE_PAUSE_UID] = UID(PAUSE_SINCE, AT(struct store_pause, uid)),
};

#define COLUMNS(a) a, sizeof a / sizeof a[0]
const struct store_table store_tables[STORE_TABLES] = {
    [STORE_TABLE_CHECKIN] = {"checkin", "check-in", COLUMNS(checkin),
			     STORE_CHECKIN_COLUMNS, 1},
    [STORE_TABLE_ANSWER] = {"answer", "answer", COLUMNS(answer),
			    STORE_ANSWER_COLUMNS, 1},
    [STORE_TABLE_TRIAL] = {"trial", "trial", COLUMNS(trial),
			   STORE_TRIAL_COLUMNS, 1},
    [STORE_TABLE_SESSION] = {"session", "session", COLUMNS(session),
			     STORE_SESSION_COLUMNS, 1},
    [STORE_TABLE_SCREENING] = {"screening", "screening answer",
			       COLUMNS(screening), STORE_SCREENING_RECEIVED_AT,
			       1},
    [STORE_TABLE_PROFILE] = {"profile", "profile entry", COLUMNS(profile),
			     STORE_PROFILE_COLUMNS, 1},
    [STORE_TABLE_HABIT] = {"habit", "habit", COLUMNS(habit),
			   STORE_HABIT_COLUMNS, 5},
    [STORE_TABLE_FLARE] = {"flare", "flare-up", COLUMNS(flare),
			   STORE_FLARE_COLUMNS, 5},
    [STORE_TABLE_LESSON] = {"lesson", "lesson", COLUMNS(lesson),
			    STORE_LESSON_COLUMNS, 8},
    [STORE_TABLE_PAUSE] = {"trial_pause", "pause week", COLUMNS(pause),
			   STORE_PAUSE_COLUMNS, PAUSE_SINCE},
};
#undef COLUMNS
#undef UID
#undef NOWHERE
#undef AT

_Static_assert(
    sizeof checkin / sizeof checkin[0] == STORE_CHECKIN_COLUMNS &&
	sizeof answer / sizeof answer[0] == STORE_ANSWER_COLUMNS &&
	sizeof trial / sizeof trial[0] == STORE_TRIAL_COLUMNS &&
	sizeof session / sizeof session[0] == STORE_SESSION_COLUMNS &&
	sizeof screening / sizeof screening[0] == STORE_SCREENING_COLUMNS &&
	sizeof profile / sizeof profile[0] == STORE_PROFILE_COLUMNS &&
	sizeof habit / sizeof habit[0] == STORE_HABIT_COLUMNS &&
	sizeof flare / sizeof flare[0] == STORE_FLARE_COLUMNS &&
	sizeof lesson / sizeof lesson[0] == STORE_LESSON_COLUMNS &&
	sizeof pause / sizeof pause[0] == STORE_PAUSE_COLUMNS,
    "one entry per column");
_Static_assert(STORE_SESSION_COLUMNS <= STORE_COLUMNS_MAX,
	       "STORE_COLUMNS_MAX is the most a table has");

/*
 * The rules a row keeps between its columns, as the schema's CHECKs
 * (store_migrate.c) hold them; each from the version that made both of
 * its columns. The answer's own check-in (a foreign key) is the scan's
 * (store_check.c).
 */
enum rule_kind {
	RULE_NOT_BEFORE,  /* b is NULL or the day b is not before the day a */
	RULE_AFTER,	  /* b is NULL or the day b is after the day a */
	RULE_TOGETHER,	  /* a and b are both NULL or both not */
	RULE_ONLY_WITH,	  /* a is NULL unless b is not */
	RULE_ONLY_ON_YES, /* a is NULL unless b is 1 */
	RULE_ONE_OF,	  /* exactly one of a and b is NULL */
	RULE_PROFILE,	  /* the profile's known keys hold what they promise */
};
static const struct rule {
	enum store_table_id table;
	enum rule_kind kind;
	int a, b;
	int since;
	const char *why;
} rules[] = {
    {STORE_TABLE_TRIAL, RULE_NOT_BEFORE, STORE_TRIAL_STARTED_ON,
     STORE_TRIAL_ENDED_ON, 1, "it ends before it starts"},
    {STORE_TABLE_TRIAL, RULE_ONLY_WITH, STORE_TRIAL_OUTCOME,
     STORE_TRIAL_ENDED_ON, 1, "a running trial has no outcome"},
    {STORE_TABLE_TRIAL, RULE_ONLY_WITH, STORE_TRIAL_IMPRESSION,
     STORE_TRIAL_ENDED_ON, 3, "a running trial has no impression"},
    {STORE_TABLE_SCREENING, RULE_ONLY_ON_YES, STORE_SCREENING_CHECKED_ON,
     STORE_SCREENING_ANSWER, 4, "only a yes is checked by a doctor"},
    {STORE_TABLE_PROFILE, RULE_PROFILE, STORE_PROFILE_KEY, STORE_PROFILE_VALUE,
     1, NULL},
    {STORE_TABLE_HABIT, RULE_NOT_BEFORE, STORE_HABIT_KEPT_ON,
     STORE_HABIT_DROPPED_ON, 5, "it is dropped before it was kept"},
    {STORE_TABLE_FLARE, RULE_NOT_BEFORE, STORE_FLARE_BEGAN_ON,
     STORE_FLARE_ENDED_ON, 5, "it ends before it began"},
    {STORE_TABLE_FLARE, RULE_TOGETHER, STORE_FLARE_ENDED_ON,
     STORE_FLARE_ENDED_BY, 5, "an end goes with who ended it"},
    {STORE_TABLE_LESSON, RULE_ONE_OF, STORE_LESSON_READ_ON,
     STORE_LESSON_DISMISSED_ON, 8,
     "a row is either read or put off, on one day"},
    {STORE_TABLE_LESSON, RULE_ONLY_WITH, STORE_LESSON_DISMISSED_ON,
     STORE_LESSON_MOMENT, 8, "only an offer, at a moment, is put off"},
    {STORE_TABLE_PAUSE, RULE_AFTER, STORE_PAUSE_PAUSED_ON,
     STORE_PAUSE_RESUMED_ON, PAUSE_SINCE,
     "the first day back is not after the day it was paused"},
};
#define RULES (sizeof rules / sizeof rules[0])

char *
store_profile_problem(const char *key, const char *value)
{
	long v;

	if (strcmp(key, STORE_PROFILE_USUAL_PAIN) == 0 &&
	    util_parse_int(value, PAIN_MIN, PAIN_MAX, &v) != 0)
		return xasprintf("a rating from %d to %d", PAIN_MIN, PAIN_MAX);
	if (strcmp(key, STORE_PROFILE_ONBOARDED) == 0 && day_valid(value) != 0)
		return xstrdup("a day (YYYY-MM-DD)");
	if (strcmp(key, STORE_PROFILE_RECENT_INJURY) == 0 &&
	    strcmp(value, "yes") != 0 && strcmp(value, "no") != 0)
		return xstrdup("yes or no");
	return NULL;
}

static char *
rule_problem(const struct rule *r, const struct store_column *cols,
	     sqlite3_value *const *v)
{
	int a_null = sqlite3_value_type(v[r->a]) == SQLITE_NULL;
	int b_null = sqlite3_value_type(v[r->b]) == SQLITE_NULL;
	const char *a, *b;
	char *want, *shown, *msg;

	switch (r->kind) {
	case RULE_NOT_BEFORE:
		a = (const char *)sqlite3_value_text(v[r->a]);
		b = (const char *)sqlite3_value_text(v[r->b]);
		if (b_null || a == NULL || b == NULL || strcmp(b, a) >= 0)
			return NULL;
		break;
	case RULE_AFTER:
		a = (const char *)sqlite3_value_text(v[r->a]);
		b = (const char *)sqlite3_value_text(v[r->b]);
		if (b_null || a == NULL || b == NULL || strcmp(b, a) > 0)
			return NULL;
		break;
	case RULE_TOGETHER:
		if (a_null == b_null)
			return NULL;
		break;
	case RULE_ONLY_WITH:
		if (a_null || !b_null)
			return NULL;
		break;
	case RULE_ONLY_ON_YES:
		if (a_null || sqlite3_value_int64(v[r->b]) == 1)
			return NULL;
		break;
	case RULE_ONE_OF:
		if (a_null != b_null)
			return NULL;
		break;
	case RULE_PROFILE:
		a = (const char *)sqlite3_value_text(v[r->a]);
		b = (const char *)sqlite3_value_text(v[r->b]);
		if (a == NULL || b == NULL ||
		    (want = store_profile_problem(a, b)) == NULL)
			return NULL;
		shown = store_shown(b);
		msg = xasprintf("%s is '%s', not %s", a, shown, want);
		free(shown);
		free(want);
		return msg;
	}
	return xasprintf("%s and %s: %s", cols[r->a].name, cols[r->b].name,
			 r->why);
}

int
store_column_optional(enum store_table_id t, size_t c)
{
	const struct store_table *tb = &store_tables[t];

	return tb->columns[c].since > STORE_EXPORT_FIRST &&
	       tb->columns[c].since > tb->since;
}

/* The columns of t a row has at version (0: a file's, the exported ones),
 * in order, into idx; their number. */
static size_t
present(enum store_table_id t, int version, int idx[STORE_COLUMNS_MAX])
{
	const struct store_table *tb = &store_tables[t];
	size_t i, n = 0;

	for (i = 0; i < (version == 0 ? tb->nexported : tb->ncolumns); i++)
		if (version == 0 || tb->columns[i].since <= version)
			idx[n++] = (int)i;
	return n;
}

char *
store_row_problem(enum store_table_id t, int version, sqlite3_value *const *v,
		  size_t n)
{
	const struct store_table *tb = &store_tables[t];
	sqlite3_value *at[STORE_COLUMNS_MAX] = {NULL};
	int idx[STORE_COLUMNS_MAX], nullable;
	size_t i, k, have = present(t, version, idx);
	char *msg;

	if (n != have)
		return xasprintf("a row of %s has %zu columns, not %zu",
				 tb->name, n, have);
	for (i = 0; i < n; i++) {
		const struct store_column *c = &tb->columns[idx[i]];

		/* A file from before a column's version has none of it. */
		nullable = c->nullable ||
			   (version == 0 && store_column_optional(t, idx[i]));
		if ((msg = store_value_problem(c, nullable, v[i])) != NULL)
			return msg;
		at[idx[i]] = v[i];
	}
	for (k = 0; k < RULES; k++)
		if (rules[k].table == t && at[rules[k].a] != NULL &&
		    at[rules[k].b] != NULL &&
		    (msg = rule_problem(&rules[k], tb->columns, at)) != NULL)
			return msg;
	return NULL;
}

/* The key columns that name a row in a message: "BEFORE A" or "BEFORE A
 * BETWEEN B". */
static const struct {
	int a, b; /* b -1 when one is enough */
	const char *before, *between;
} names[STORE_TABLES] = {
    [STORE_TABLE_CHECKIN] = {STORE_CHECKIN_DAY, -1, "the check-in of ", NULL},
    [STORE_TABLE_ANSWER] = {STORE_ANSWER_DAY, STORE_ANSWER_QUESTION,
			    "the answer of ", " to "},
    [STORE_TABLE_TRIAL] = {STORE_TRIAL_ID, -1, "trial ", NULL},
    [STORE_TABLE_SESSION] = {STORE_SESSION_ID, -1, "session ", NULL},
    [STORE_TABLE_SCREENING] = {STORE_SCREENING_ID, -1, "screening answer ",
			       NULL},
    [STORE_TABLE_PROFILE] = {STORE_PROFILE_KEY, -1, "the profile's ", NULL},
    [STORE_TABLE_HABIT] = {STORE_HABIT_ID, -1, "habit ", NULL},
    [STORE_TABLE_FLARE] = {STORE_FLARE_ID, -1, "flare-up ", NULL},
    [STORE_TABLE_LESSON] = {STORE_LESSON_ID, -1, "lesson row ", NULL},
    [STORE_TABLE_PAUSE] = {STORE_PAUSE_ID, -1, "pause week ", NULL},
};

/* A value of a key as a message shows it. */
static char *
key_shown(sqlite3_value *v)
{
	const unsigned char *p;

	if (v == NULL || sqlite3_value_type(v) == SQLITE_NULL)
		return xstrdup("(none)");
	if (sqlite3_value_type(v) == SQLITE_INTEGER)
		return xasprintf("%lld", (long long)sqlite3_value_int64(v));
	p = sqlite3_value_text(v);
	return store_shown(p != NULL ? (const char *)p : "");
}

char *
store_row_name(enum store_table_id t, sqlite3_value *a, sqlite3_value *b)
{
	char *x = key_shown(a), *y = names[t].b >= 0 ? key_shown(b) : NULL;
	char *msg;

	msg = xasprintf("%s%s%s%s", names[t].before, x,
			y != NULL ? names[t].between : "", y != NULL ? y : "");
	free(x);
	free(y);
	return msg;
}

void
store_row_keys(enum store_table_id t, int *a, int *b)
{
	*a = names[t].a;
	*b = names[t].b;
}

int
store_row_check(struct store *s, sqlite3_stmt *st, enum store_table_id t,
		char **cause)
{
	sqlite3_value *v[STORE_COLUMNS_MAX];
	size_t i, n = store_tables[t].ncolumns;
	char *problem, *name, *detail;

	for (i = 0; i < n; i++)
		v[i] = sqlite3_column_value(st, (int)i);
	if ((problem = store_row_problem(t, STORE_VERSION, v, n)) == NULL)
		return 0;
	name = store_row_name(t, v[names[t].a],
			      names[t].b >= 0 ? v[names[t].b] : NULL);
	detail = xasprintf("%s: %s", name, problem);
	*cause = store_damaged(s->path, detail);
	free(detail);
	free(name);
	free(problem);
	return EX_IOERR;
}

/* The lists of columns, made once: every column, and the exported ones. */
static char *lists[STORE_TABLES][2];

const char *
store_columns_sql(enum store_table_id t, int exported)
{
	const struct store_table *tb = &store_tables[t];
	struct buf b;
	size_t i;

	if (lists[t][exported] != NULL)
		return lists[t][exported];
	buf_init(&b);
	for (i = 0; i < (exported ? tb->nexported : tb->ncolumns); i++)
		buf_printf(&b, "%s%s", i > 0 ? ", " : "", tb->columns[i].name);
	lists[t][exported] = buf_take(&b);
	return lists[t][exported];
}

const char *
store_columns_at(enum store_table_id t, int version, struct buf *b)
{
	const struct store_table *tb = &store_tables[t];
	int idx[STORE_COLUMNS_MAX];
	size_t i, n = present(t, version, idx);

	for (i = 0; i < n; i++)
		buf_printf(b, "%s%s", i > 0 ? ", " : "",
			   tb->columns[idx[i]].name);
	return b->data != NULL ? b->data : "";
}

/*
 * backpain_problem(VERSION, TABLE, VALUE...): NULL when the values of a row
 * of store_tables[TABLE], its columns at VERSION in order (0: a file's
 * exported ones), keep the table's types and rules; else what is wrong.
 */
static void
problem_fn(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	sqlite3_int64 version, t;
	char *msg;

	if (argc < 2)
		return;
	version = sqlite3_value_int64(argv[0]);
	t = sqlite3_value_int64(argv[1]);
	if (t < 0 || t >= STORE_TABLES || version < 0 ||
	    version > STORE_VERSION) {
		sqlite3_result_error(ctx, "backpain_problem: no such table",
				     -1);
		return;
	}
	msg = store_row_problem((enum store_table_id)t, (int)version, argv + 2,
				(size_t)argc - 2);
	if (msg != NULL)
		sqlite3_result_text(ctx, msg, -1, free);
}

int
store_columns_register(sqlite3 *db)
{
	/* DIRECTONLY: a schema (a trigger, a view) in a file may not call
	 * it; only the program's own statements do. */
	return sqlite3_create_function(db, "backpain_problem", -1,
				       SQLITE_UTF8 | SQLITE_DETERMINISTIC |
					   SQLITE_DIRECTONLY,
				       NULL, problem_fn, NULL, NULL);
}
