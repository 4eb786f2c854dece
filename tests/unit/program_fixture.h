/*
 * program_fixture.h: what the program's unit tests share (test_program,
 * test_program_write, test_program_import): a pack read from the test's
 * own YAML text, and a new log, DIR/log.db, in a fresh temporary directory.
 * fx_close() removes every log a test made there with the files the
 * program keeps beside it (-wal, -shm and the daily stamp, .checked), then
 * the directory, so no test leaves anything behind. Include it after
 * <cmocka.h>.
 */
#ifndef BACKPAIN_PROGRAM_FIXTURE_H
#define BACKPAIN_PROGRAM_FIXTURE_H

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include <sqlite3.h>

#include "content.h"
#include "store.h"
#include "util.h"

struct fx {
	char *dir, *path;
	struct pack *pack;
	struct store *store;
	/* A second log of a test, DIR/other_name (test_program_import's
	 * second()); NULL when none is open. */
	struct store *other;
	char *other_name;
};

/* The pack of test_program and test_program_day: alpha (7 days, a practice
 * and a question that warns), beta (14 days, a practice twice a day), the
 * wildcard mat and gamma (no practices). */
static const char fx_pack_days[] =
    "format: 1\n"
    "id: program-test\n"
    "title: T\n"
    "language: en\n"
    "about: A.\n"
    "disclaimer: D.\n"
    "onboarding: {injury_question: Q?, injury_advice: A., "
    "usual_pain_question: U?}\n"
    "pain_scale: {question: P?, anchors: [{value: 0, label: none}, "
    "{value: 10, label: worst}]}\n"
    "interference_scale: {question: I?, anchors: [{value: 0, label: none}, "
    "{value: 10, label: all}]}\n"
    "red_flags: [{id: numb, question: N?, urgency: emergency, advice: "
    "Go.}]\n"
    "approaches:\n"
    "  - {id: alpha, title: Alpha, summary: S., model: M., suits: [a], "
    "effort: low, trial_days: 7, steps: [s],\n"
    "     practices: [{id: walk, title: W, minutes: 10, per_day: 1, "
    "steps: [w]}],\n"
    "     questions: [{id: feel, text: F?, choices: [better, worse], "
    "warn_if: worse, warning: Rest.}]}\n"
    "  - {id: beta, title: Beta, summary: S., model: M., suits: [a], "
    "effort: low, trial_days: 14, steps: [s],\n"
    "     practices: [{id: stretch, title: S, minutes: 5, per_day: 2, "
    "steps: [s]}]}\n"
    "  - {id: mat, title: Mat, summary: S., model: M., suits: [a], "
    "effort: low, wildcard: true, steps: [s],\n"
    "     practices: [{id: lie, title: L, minutes: 20, per_day: 1, "
    "steps: [l]}]}\n"
    "  - {id: gamma, title: Gamma, summary: S., model: M., suits: [a], "
    "effort: high, steps: [s]}\n";

/* Runs sql on the test's log through a connection of its own: for what
 * the program never writes, such as a stamp from another day's clock. */
static inline void
fx_sql(const struct fx *fx, const char *sql)
{
	sqlite3 *db = NULL;
	char *err = NULL;

	if (sqlite3_open(fx->path, &db) != SQLITE_OK ||
	    sqlite3_exec(db, sql, NULL, NULL, &err) != SQLITE_OK)
		fail_msg("%s: %s", sql, err != NULL ? err : sqlite3_errmsg(db));
	sqlite3_free(err);
	sqlite3_close(db);
}

/* Removes the log at path and the files the program keeps beside it. */
static inline void
fx_remove_log(const char *path)
{
	const char *ends[] = {"", "-wal", "-shm", ".checked"};
	size_t i;
	char *p;

	for (i = 0; i < sizeof ends / sizeof ends[0]; i++) {
		p = xasprintf("%s%s", path, ends[i]);
		remove(p);
		free(p);
	}
}

/* Closes and removes the second log, if one is open. */
static inline void
fx_close_other(struct fx *fx)
{
	char *p;

	if (fx->other_name == NULL)
		return;
	store_close(fx->other);
	fx->other = NULL;
	p = xasprintf("%s/%s", fx->dir, fx->other_name);
	fx_remove_log(p);
	free(p);
	free(fx->other_name);
	fx->other_name = NULL;
}

/* The fixture of a pack read from text (len bytes) and a new log, in
 * *state; 0, or -1 with the reason printed. */
static inline int
fx_open(void **state, const char *text, size_t len)
{
	struct fx *fx = xcalloc(1, sizeof *fx);
	struct content_errors errs = {0};
	char *cause = NULL;

	*state = fx;
	fx->dir = xstrdup("/tmp/backpain-program.XXXXXX");
	if (mkdtemp(fx->dir) == NULL)
		return -1;
	fx->path = xasprintf("%s/log.db", fx->dir);
	if (content_load_buffer("test.yaml", text, len, &fx->pack, &errs) !=
	    CONTENT_OK) {
		if (errs.n > 0)
			print_error("%s\n", errs.v[0]);
		content_errors_free(&errs);
		return -1;
	}
	content_errors_free(&errs);
	if (store_open(fx->path, &fx->store, &cause) != 0) {
		print_error("%s\n", cause);
		free(cause);
		return -1;
	}
	return 0;
}

/*
 * Dates the pain rating of the check-in of day in the log at path as set
 * at noon of time on that day, written past the store. The store stamps a
 * rating with the clock, which a unit test does not set: a test that
 * stands for a person checking in daily puts each rating on its own day
 * with this (time = day), or on a later one to make it recalled
 * (program_recalled()).
 */
static inline void
fx_pain_set_on(const char *path, const char *day, const char *time)
{
	sqlite3 *db = NULL;
	char *sql = xasprintf("UPDATE checkin SET pain_set_at = '%sT12:00:00"
			      "+00:00' WHERE day = '%s'",
			      time, day),
	     *err = NULL;

	if (sqlite3_open(path, &db) != SQLITE_OK ||
	    sqlite3_busy_timeout(db, STORE_BUSY_MS) != SQLITE_OK ||
	    sqlite3_exec(db, sql, NULL, NULL, &err) != SQLITE_OK ||
	    sqlite3_changes(db) != 1)
		fail_msg("%s: %s", sql, err != NULL ? err : "no such day");
	sqlite3_free(err);
	sqlite3_close(db);
	free(sql);
}

/* A cmocka teardown: closes and removes what fx_open() made. */
static inline int
fx_close(void **state)
{
	struct fx *fx = *state;

	fx_close_other(fx);
	if (fx->store != NULL)
		store_close(fx->store);
	content_free(fx->pack);
	if (fx->path != NULL)
		fx_remove_log(fx->path);
	rmdir(fx->dir);
	free(fx->path);
	free(fx->dir);
	free(fx);
	return 0;
}

#endif
