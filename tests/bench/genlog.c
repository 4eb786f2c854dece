/*
 * genlog: fills an empty backpain log with years of synthetic days, the
 * same every time, for the benchmarks.
 *
 *   genlog LOG END_DAY YEARS
 *
 * LOG must be a log the real program has just created (`backpain --db LOG
 * status`), so the schema is the program's own; genlog only adds rows, in
 * one transaction, and refuses a log that already has check-ins. The days
 * run from END_DAY minus YEARS years (plus one day) to END_DAY inclusive.
 *
 * The approaches, practices and questions are the ids of content/guide.yaml.
 * Every draw comes from one xorshift64 generator with a fixed seed, so a
 * given END_DAY and YEARS always give the same log. What a day holds:
 *   - check-ins: a two-state chain, a day after a check-in is missed with
 *     probability 0.075 and a day after a miss is checked in with 0.425, so
 *     about 85% of days are checked in, with gaps of a few days; END_DAY is
 *     always checked in (the benchmarks replace it);
 *   - pain: a walk of -1/0/0/+1 a day kept within 2..8, and a flare-up of
 *     3-6 days (+3, at most 10) starting on 2% of days; interference is pain
 *     minus 0..2, missing on 30% of check-ins;
 *   - trials: the pack's non-wildcard approaches in order, over and over,
 *     each for its trial days plus 0..7 (expert-help, open-ended, 30..59),
 *     3..15 days apart, so one starts about every 40 days; outcomes helped
 *     30%, no-change 40%, worse 10%, stopped 20%. The last one may still
 *     run. A flare-up starts a 14-day acupressure-mat trial (the wildcard)
 *     beside it when none runs;
 *   - sessions: on 60% of a trial's days one timed session of one of its
 *     practices, with pain before and after; on 15% of check-in days with a
 *     trial running, a practice marked done without a duration (checkin
 *     --did);
 *   - answers: on 70% of check-in days, the running approach's question;
 *   - notes: on 10% of check-in days, from a list with accents, CJK,
 *     emoji, commas, quotes and a line break.
 * The profile says onboarded on the first day, usual pain 6, no recent
 * injury; every red flag of the guide is answered no on the first day.
 */
#define _DEFAULT_SOURCE
#include <errno.h>
#include <sqlite3.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SEED 0x6261636b7061696eULL /* "backpain" */
#define DAY_LEN 11
#define STAMP_LEN 32
#define MAX_YEARS 200
#define PERCENT 100
#define PAIN_LOW 2
#define PAIN_HIGH 8
#define PAIN_MAX 10
#define PAIN_START 5
#define FLARE_RISE 3
#define FLARE_PERCENT 2
#define FLARE_MIN_DAYS 3
#define FLARE_MORE_DAYS 4      /* 3..6 */
#define MISS_AFTER_CHECKIN 75  /* per mille */
#define CHECKIN_AFTER_MISS 425 /* per mille */
#define PER_MILLE 1000
#define NO_INTERFERENCE_PERCENT 30
#define SESSION_PERCENT 60
#define MARK_PERCENT 15
#define ANSWER_PERCENT 70
#define NOTE_PERCENT 10
#define LATE_REVIEW_DAYS 8 /* a trial runs 0..7 days past its trial days */
#define GAP_MIN 3
#define GAP_MORE 13 /* 3..15 days between trials */
#define OPEN_MIN 30
#define OPEN_MORE 30 /* an open-ended trial runs 30..59 days */
#define MAT_DAYS 14
#define USUAL_PAIN "6"

struct approach {
	const char *id;
	int trial_days; /* 0: open-ended */
	const char *practices[2];
	int minutes[2];
	const char *question; /* NULL when none */
	const char *choices[4];
};

/* content/guide.yaml, in its order; the wildcard comes last here. */
static const struct approach plan[] = {
    {"mind-body",
     28,
     {"sarno-reading", "daily-reminders"},
     {30, 15},
     "stress-link",
     {"yes", "no", "not sure", NULL}},
    {"foundation-training",
     28,
     {"foundation-workout", NULL},
     {12, 0},
     NULL,
     {NULL}},
    {"movement-rewiring",
     35,
     {"atm-lesson", "alexander-practice"},
     {45, 30},
     "movement-ease",
     {"easier", "same", "harder", NULL}},
    {"targeted-stretching",
     14,
     {"mckenzie-exercises", "gokhale-step"},
     {5, 15},
     "pain-location",
     {"centralising", "same", "spreading", NULL}},
    {"expert-help", 0, {"therapist-exercises", NULL}, {20, 0}, NULL, {NULL}},
};
#define PLAN_LEN (sizeof plan / sizeof plan[0])

static const struct approach mat = {
    "acupressure-mat", MAT_DAYS,     {"mat-session", NULL},
    {15, 0},	       "mat-relief", {"less", "same", "more", "skipped"}};

static const char *const flags[] = {
    "saddle-numbness",
    "bladder-bowel",
    "genital-sensation",
    "both-legs",
    "leg-weakness",
    "major-trauma",
    "fever",
    "weight-loss",
    "cancer-history",
    "night-pain",
    "back-shape",
    "weak-immunity",
    "fragile-bones-fall",
    "injected-drugs",
    "onset-age",
    "no-improvement",
};

static const char *const notes[] = {
    "stiff after the long drive",
    "slept badly, woke at 4",
    "R\xc3\xbc"
    "cken steif nach dem Sitzen",
    "lombalgie l\xc3\xa9g\xc3\xa8re, marche de 30 min",
    "\xe8\x85\xb0\xe7\x97\x9b\xe3\x80\x81\xe5\xb0\x91\xe3\x81\x97\xe6\x94\xb9"
    "\xe5\x96\x84",
    "good day \xf0\x9f\x99\x82",
    "gardening, then sore",
    "\"better\" than last week, I think",
    "stress at work, tight shoulders, low back ok",
    "two lines:\nfirst the walk, then the mat",
};
#define NOTES (sizeof notes / sizeof notes[0])

/* The outcomes with their weights in percent. */
static const struct {
	const char *name;
	int percent;
} outcomes[] = {
    {"helped", 30}, {"no-change", 40}, {"worse", 10}, {"stopped", 20}};
#define OUTCOMES (sizeof outcomes / sizeof outcomes[0])

static uint64_t rng_state = SEED;

/* xorshift64: fast, and the same numbers on every machine. */
static uint64_t
rng_next(void)
{
	uint64_t x = rng_state;

	x ^= x << 13;
	x ^= x >> 7;
	x ^= x << 17;
	rng_state = x;
	return x;
}

/* 0..n-1 */
static int
rng_below(int n)
{
	return (int)(rng_next() % (uint64_t)n);
}

static int
chance(int percent)
{
	return rng_below(PERCENT) < percent;
}

struct date {
	int y, m, d;
};

static int
leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int
month_days(int y, int m)
{
	static const int days[] = {31, 28, 31, 30, 31, 30,
				   31, 31, 30, 31, 30, 31};

	return m == 2 && leap(y) ? 29 : days[m - 1];
}

static void
next_day(struct date *t)
{
	if (++t->d <= month_days(t->y, t->m))
		return;
	t->d = 1;
	if (++t->m <= 12)
		return;
	t->m = 1;
	t->y++;
}

static int
parse_day(const char *s, struct date *t)
{
	char extra;

	if (sscanf(s, "%4d-%2d-%2d%c", &t->y, &t->m, &t->d, &extra) != 3 ||
	    strlen(s) != DAY_LEN - 1 || t->m < 1 || t->m > 12 || t->d < 1 ||
	    t->d > month_days(t->y, t->m))
		return -1;
	return 0;
}

static int
same_day(const struct date *a, const struct date *b)
{
	return a->y == b->y && a->m == b->m && a->d == b->d;
}

static void
format_day(const struct date *t, char out[DAY_LEN])
{
	snprintf(out, DAY_LEN, "%04u-%02u-%02u", (unsigned)t->y % 10000u,
		 (unsigned)t->m % 100u, (unsigned)t->d % 100u);
}

static sqlite3 *db;
static sqlite3_stmt *ins_checkin, *ins_answer, *ins_session, *ins_trial,
    *end_trial;

static void
die(const char *what)
{
	fprintf(stderr, "genlog: %s: %s\n", what, sqlite3_errmsg(db));
	exit(1);
}

static void
exec(const char *sql)
{
	if (sqlite3_exec(db, sql, NULL, NULL, NULL) != SQLITE_OK)
		die(sql);
}

static sqlite3_stmt *
prepare(const char *sql)
{
	sqlite3_stmt *st;

	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
		die(sql);
	return st;
}

static void
bind_text(sqlite3_stmt *st, int i, const char *s)
{
	if (s == NULL)
		sqlite3_bind_null(st, i);
	else
		sqlite3_bind_text(st, i, s, -1, SQLITE_TRANSIENT);
}

static void
bind_opt(sqlite3_stmt *st, int i, int v)
{
	if (v < 0)
		sqlite3_bind_null(st, i);
	else
		sqlite3_bind_int(st, i, v);
}

static void
step(sqlite3_stmt *st, const char *what)
{
	if (sqlite3_step(st) != SQLITE_DONE)
		die(what);
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
}

static long long
scalar(const char *sql)
{
	sqlite3_stmt *st = prepare(sql);
	long long v = -1;

	if (sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return v;
}

/* A trial as the generator runs it. */
struct run {
	const struct approach *a;
	long long id;
	int left; /* days until it ends; 0 when none runs */
};

static void
start_trial(struct run *r, const struct approach *a, const char *day, int days)
{
	bind_text(ins_trial, 1, a->id);
	bind_text(ins_trial, 2, day);
	step(ins_trial, "adding a trial");
	r->a = a;
	r->id = sqlite3_last_insert_rowid(db);
	r->left = days;
}

static const char *
pick_outcome(void)
{
	int roll = rng_below(PERCENT), sum = 0;
	size_t i;

	for (i = 0; i < OUTCOMES; i++) {
		sum += outcomes[i].percent;
		if (roll < sum)
			return outcomes[i].name;
	}
	return outcomes[OUTCOMES - 1].name;
}

static void
stop_trial(struct run *r, const char *day)
{
	bind_text(end_trial, 1, day);
	bind_text(end_trial, 2, pick_outcome());
	sqlite3_bind_int64(end_trial, 3, r->id);
	step(end_trial, "ending a trial");
	r->a = NULL;
	r->left = 0;
}

static int
practices_of(const struct approach *a)
{
	return a->practices[1] != NULL ? 2 : 1;
}

static int
choices_of(const struct approach *a)
{
	int n = 0;

	while (n < 4 && a->choices[n] != NULL)
		n++;
	return n;
}

static void
add_session(const struct approach *a, const char *day, const char *stamp,
	    int pain, int timed)
{
	int k = rng_below(practices_of(a));

	bind_text(ins_session, 1, a->practices[k]);
	bind_text(ins_session, 2, a->id);
	bind_text(ins_session, 3, day);
	bind_opt(ins_session, 4, timed ? a->minutes[k] : -1);
	bind_opt(ins_session, 5, timed ? pain : -1);
	bind_opt(ins_session, 6,
		 timed ? (pain > 2 ? pain - rng_below(3) : pain) : -1);
	bind_text(ins_session, 7, stamp);
	step(ins_session, "adding a session");
}

static void
add_checkin(const char *day, const char *stamp, int pain)
{
	int interference = -1;

	if (!chance(NO_INTERFERENCE_PERCENT))
		interference = pain > 2 ? pain - rng_below(3) : pain;
	bind_text(ins_checkin, 1, day);
	sqlite3_bind_int(ins_checkin, 2, pain);
	bind_opt(ins_checkin, 3, interference);
	bind_text(ins_checkin, 4,
		  chance(NOTE_PERCENT) ? notes[rng_below((int)NOTES)] : NULL);
	bind_text(ins_checkin, 5, stamp);
	step(ins_checkin, "adding a check-in");
}

static void
add_answer(const struct approach *a, const char *day)
{
	bind_text(ins_answer, 1, day);
	bind_text(ins_answer, 2, a->question);
	bind_text(ins_answer, 3, a->choices[rng_below(choices_of(a))]);
	step(ins_answer, "adding an answer");
}

static int
trial_days(const struct approach *a)
{
	if (a->trial_days == 0)
		return OPEN_MIN + rng_below(OPEN_MORE);
	return a->trial_days + rng_below(LATE_REVIEW_DAYS);
}

static void
onboard(const char *day, const char *stamp)
{
	sqlite3_stmt *st;
	size_t i;

	st = prepare("INSERT INTO screening (flag_id, answer, asked_at)"
		     " VALUES (?1, 0, ?2)");
	for (i = 0; i < sizeof flags / sizeof flags[0]; i++) {
		bind_text(st, 1, flags[i]);
		bind_text(st, 2, stamp);
		step(st, "adding a screening answer");
	}
	sqlite3_finalize(st);
	st = prepare("INSERT INTO profile (key, value) VALUES"
		     " ('onboarded', ?1), ('usual_pain', '" USUAL_PAIN "'),"
		     " ('recent_injury', 'no')");
	bind_text(st, 1, day);
	step(st, "setting the profile");
	sqlite3_finalize(st);
}

/* One pass over the days, first to last. */
static void
generate(struct date t, const struct date *end)
{
	static const int walk[] = {-1, 0, 0, 1};
	struct run main_trial = {NULL, 0, 0}, flare_trial = {NULL, 0, 0};
	char day[DAY_LEN], stamp[STAMP_LEN];
	size_t next = 0;
	int pain = PAIN_START, flare = 0, gap = GAP_MIN, checked = 1, first = 1;

	for (;; next_day(&t)) {
		format_day(&t, day);
		snprintf(stamp, sizeof stamp, "%sT20:%02d:00+00:00", day,
			 rng_below(60));
		if (first)
			onboard(day, stamp);
		first = 0;
		pain += walk[rng_below(4)];
		pain = pain < PAIN_LOW ? PAIN_LOW : pain;
		pain = pain > PAIN_HIGH ? PAIN_HIGH : pain;
		if (flare == 0 && chance(FLARE_PERCENT)) {
			flare = FLARE_MIN_DAYS + rng_below(FLARE_MORE_DAYS);
			if (flare_trial.a == NULL)
				start_trial(&flare_trial, &mat, day, MAT_DAYS);
		}
		if (main_trial.a == NULL && --gap <= 0) {
			start_trial(&main_trial, &plan[next], day,
				    trial_days(&plan[next]));
			next = (next + 1) % PLAN_LEN;
		}
		if (rng_below(PER_MILLE) < (checked
						? PER_MILLE - MISS_AFTER_CHECKIN
						: CHECKIN_AFTER_MISS))
			checked = 1;
		else
			checked = same_day(&t, end);
		{
			int today = flare > 0 ? pain + FLARE_RISE : pain;
			const struct run *r[] = {&main_trial, &flare_trial};
			size_t i;

			today = today > PAIN_MAX ? PAIN_MAX : today;
			if (checked)
				add_checkin(day, stamp, today);
			for (i = 0; i < 2; i++) {
				if (r[i]->a == NULL)
					continue;
				if (chance(SESSION_PERCENT))
					add_session(r[i]->a, day, stamp, today,
						    1);
				if (checked && r[i]->a->question != NULL &&
				    chance(ANSWER_PERCENT))
					add_answer(r[i]->a, day);
			}
			if (checked && main_trial.a != NULL &&
			    chance(MARK_PERCENT))
				add_session(main_trial.a, day, stamp, today, 0);
		}
		if (same_day(&t, end))
			break;
		if (flare > 0)
			flare--;
		if (main_trial.a != NULL && --main_trial.left <= 0) {
			stop_trial(&main_trial, day);
			gap = GAP_MIN + rng_below(GAP_MORE);
		}
		if (flare_trial.a != NULL && --flare_trial.left <= 0)
			stop_trial(&flare_trial, day);
	}
}

int
main(int argc, char **argv)
{
	struct date end, start;
	char *stop = NULL;
	long years;

	if (argc != 4) {
		fputs("usage: genlog LOG END_DAY YEARS\n", stderr);
		return 64;
	}
	errno = 0;
	years = strtol(argv[3], &stop, 10);
	if (parse_day(argv[2], &end) != 0 || errno != 0 || *stop != '\0' ||
	    years < 1 || years > MAX_YEARS || end.y - years < 1000) {
		fprintf(stderr, "genlog: want END_DAY as YYYY-MM-DD and YEARS "
				"from 1 to 200\n");
		return 64;
	}
	start = end;
	start.y -= (int)years;
	if (start.d > month_days(start.y, start.m))
		start.d = month_days(start.y, start.m);
	next_day(&start);
	if (sqlite3_open_v2(argv[1], &db, SQLITE_OPEN_READWRITE, NULL) !=
	    SQLITE_OK)
		die(argv[1]);
	if (scalar("PRAGMA user_version") < 1 ||
	    scalar("SELECT count(*) FROM checkin") != 0) {
		fprintf(stderr,
			"genlog: %s: want a log just created by backpain, "
			"with no check-ins\n",
			argv[1]);
		return 65;
	}
	exec("PRAGMA foreign_keys = ON; BEGIN IMMEDIATE");
	ins_checkin = prepare("INSERT INTO checkin (day, pain, interference,"
			      " note, recorded_at, updated_at)"
			      " VALUES (?1, ?2, ?3, ?4, ?5, ?5)");
	ins_answer = prepare("INSERT INTO answer (day, question_id, value)"
			     " VALUES (?1, ?2, ?3)");
	ins_session = prepare("INSERT INTO session (practice, approach, day,"
			      " minutes, pain_before, pain_after, recorded_at)"
			      " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
	ins_trial =
	    prepare("INSERT INTO trial (approach, started_on) VALUES (?1, ?2)");
	end_trial = prepare(
	    "UPDATE trial SET ended_on = ?1, outcome = ?2 WHERE id = ?3");
	generate(start, &end);
	sqlite3_finalize(ins_checkin);
	sqlite3_finalize(ins_answer);
	sqlite3_finalize(ins_session);
	sqlite3_finalize(ins_trial);
	sqlite3_finalize(end_trial);
	exec("COMMIT");
	if (sqlite3_close(db) != SQLITE_OK)
		die("closing");
	return 0;
}
