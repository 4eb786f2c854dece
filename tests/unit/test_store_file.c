/*
 * Unit tests of the log as a file: where it lives, its permissions, its
 * schema and migrations, and the refusal of damaged, foreign, newer or busy
 * logs. Real SQLite files in a temporary directory, read back through a
 * connection of their own.
 */
#include <glob.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <errno.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <sysexits.h>
#include <time.h>

#include "store_fixture.h"

#define NOBODY 65534 /* the unprivileged user for permission tests */
#define MANY 400     /* check-ins that make a log of several pages */
#define GARBAGE 4096

/* The schema of version 1 as it shipped, frozen here: a v1 log for the
 * test of the migration to version 2 is built from it by hand. */
static const char v1_schema[] =
    "PRAGMA application_id = 1112560713;"
    "CREATE TABLE checkin (day TEXT NOT NULL PRIMARY KEY"
    " CHECK (day IS date(day, '+0 days')), pain INTEGER NOT NULL"
    " CHECK (pain BETWEEN 0 AND 10), interference INTEGER"
    " CHECK (interference IS NULL OR interference BETWEEN 0 AND 10),"
    " note TEXT, recorded_at TEXT NOT NULL, updated_at TEXT NOT NULL)"
    " STRICT, WITHOUT ROWID;"
    "CREATE TABLE answer (day TEXT NOT NULL REFERENCES checkin (day)"
    " ON DELETE CASCADE, question_id TEXT NOT NULL"
    " CHECK (question_id <> ''), value TEXT NOT NULL,"
    " PRIMARY KEY (day, question_id)) STRICT, WITHOUT ROWID;"
    "CREATE TABLE trial (id INTEGER PRIMARY KEY, approach TEXT NOT NULL"
    " CHECK (approach <> ''), started_on TEXT NOT NULL"
    " CHECK (started_on IS date(started_on, '+0 days')), ended_on TEXT"
    " CHECK (ended_on IS NULL OR ended_on IS date(ended_on, '+0 days')),"
    " outcome TEXT"
    " CHECK (outcome IS NULL OR outcome IN ('helped', 'no-change', 'worse',"
    " 'stopped')), CHECK (ended_on IS NULL OR ended_on >= started_on),"
    " CHECK (outcome IS NULL OR ended_on IS NOT NULL)) STRICT;"
    "CREATE INDEX trial_approach ON trial (approach, started_on);"
    "CREATE UNIQUE INDEX trial_running ON trial (approach)"
    " WHERE ended_on IS NULL;"
    "CREATE TABLE session (id INTEGER PRIMARY KEY, practice TEXT NOT NULL"
    " CHECK (practice <> ''), approach TEXT NOT NULL CHECK (approach <> ''),"
    " day TEXT NOT NULL CHECK (day IS date(day, '+0 days')), minutes INTEGER"
    " CHECK (minutes IS NULL OR minutes BETWEEN 1 AND 1440),"
    " pain_before INTEGER CHECK (pain_before IS NULL OR pain_before BETWEEN"
    " 0 AND 10), pain_after INTEGER CHECK (pain_after IS NULL OR pain_after"
    " BETWEEN 0 AND 10), recorded_at TEXT NOT NULL) STRICT;"
    "CREATE INDEX session_day ON session (day, practice);"
    "CREATE INDEX session_approach_day ON session (approach, day);"
    "CREATE TABLE screening (id INTEGER PRIMARY KEY, flag_id TEXT NOT NULL"
    " CHECK (flag_id <> ''), answer INTEGER NOT NULL CHECK (answer IN (0, 1)),"
    " asked_at TEXT NOT NULL) STRICT;"
    "CREATE TABLE profile (key TEXT NOT NULL PRIMARY KEY CHECK (key <> ''),"
    " value TEXT NOT NULL) STRICT, WITHOUT ROWID;"
    "PRAGMA user_version = 1;";

/* The columns of the first version, named: later versions add some. */
#define CHECKIN_COLS "(day, pain, interference, note, recorded_at, updated_at)"
#define ANSWER_COLS "(day, question_id, value)"
#define PROFILE_COLS "(key, value)"

static const char v1_rows[] =
    "INSERT INTO checkin " CHECKIN_COLS
    " VALUES ('2026-11-01', 5, NULL, 'from v1',"
    " '2026-11-01T20:00:00+01:00', '2026-11-01T20:00:00+01:00');"
    "INSERT INTO answer " ANSWER_COLS
    " VALUES ('2026-11-01', 'pain-location', 'same');"
    "INSERT INTO screening (flag_id, answer, asked_at)"
    " VALUES ('saddle-numbness', 0, '2026-11-01T19:00:00+01:00');";

static void
test_default_path(void **state)
{
	char *p;

	(void)state;
	setenv("BACKPAIN_DB", "/x/my.db", 1);
	setenv("XDG_DATA_HOME", "/data", 1);
	setenv("HOME", "/home/u", 1);
	p = store_default_path();
	assert_string_equal(p, "/x/my.db");
	free(p);
	unsetenv("BACKPAIN_DB");
	p = store_default_path();
	assert_string_equal(p, "/data/backpain/log.db");
	free(p);
	setenv("XDG_DATA_HOME", "relative", 1); /* ignored, as XDG says */
	p = store_default_path();
	assert_string_equal(p, "/home/u/.local/share/backpain/log.db");
	free(p);
	unsetenv("XDG_DATA_HOME");
	p = store_default_path();
	assert_string_equal(p, "/home/u/.local/share/backpain/log.db");
	free(p);
	unsetenv("HOME");
	assert_null(store_default_path());
}

/* A new log under missing directories is private whatever the umask. */
static void
created_private(const struct fixture *fx, mode_t mask)
{
	char *path = xasprintf("%s/a/b/backpain/log.db", fx->dir);
	char *a = xasprintf("%s/a", fx->dir), *b = xasprintf("%s/a/b", fx->dir);
	char *bp = xasprintf("%s/a/b/backpain", fx->dir);
	char *wal = xasprintf("%s-wal", path);
	struct checkin c = fx_checkin("2026-11-20", 3);
	struct store *s;
	mode_t old = umask(mask);

	s = fx_open(path);
	fx_put(s, &c);
	assert_int_equal(fx_mode(a), 0700);
	assert_int_equal(fx_mode(b), 0700);
	assert_int_equal(fx_mode(bp), 0700);
	assert_int_equal(fx_mode(path), 0600);
	assert_int_equal(fx_mode(wal), 0600); /* SQLite follows the log */
	store_close(s);
	umask(old);
	free(path);
	free(a);
	free(b);
	free(bp);
	free(wal);
}

static void
test_private_umask_000(void **state)
{
	created_private(*state, 0);
}

static void
test_private_umask_077(void **state)
{
	created_private(*state, 077);
}

static void
test_private_umask_277(void **state)
{
	created_private(*state, 0277); /* would leave the owner no write bit */
}

static void
test_tightens_what_is_ours(void **state)
{
	struct fixture *fx = *state;
	char *dir = fx_logdir(fx);
	char *other = xasprintf("%s/other", fx->dir);
	char *elsewhere = xasprintf("%s/other/log.db", fx->dir);

	chmod(dir, 0755);
	fx_write(fx->path, "", 0, 0644);
	chmod(fx->path, 0644);
	store_close(fx_open(fx->path));
	assert_int_equal(fx_mode(dir), 0700);
	assert_int_equal(fx_mode(fx->path), 0600);
	/* A directory that is not ours keeps its mode; the file is ours. */
	mkdir(other, 0755);
	chmod(other, 0755);
	store_close(fx_open(elsewhere));
	assert_int_equal(fx_mode(other), 0755);
	assert_int_equal(fx_mode(elsewhere), 0600);
	free(dir);
	free(other);
	free(elsewhere);
}

static void
test_cannot_create(void **state)
{
	struct fixture *fx = *state;
	char *file = xasprintf("%s/file", fx->dir);
	char *under = xasprintf("%s/file/backpain/log.db", fx->dir);
	char *dir = fx_logdir(fx);

	fx_write(file, "x", 1, 0600);
	free(fx_open_fails(under, EX_CANTCREAT, "not a directory"));
	/* A directory where the file should be. */
	mkdir(fx->path, 0700);
	free(fx_open_fails(fx->path, EX_CANTCREAT, "Is a directory"));
	free(fx_open_fails("", EX_CANTCREAT, "no place for the log"));
	free(file);
	free(under);
	free(dir);
}

/* Permission denied gives EX_NOPERM: as an unprivileged user (a child
 * process when the tests run as root) under a directory not theirs. */
static void
test_permission_denied(void **state)
{
	struct fixture *fx = *state;
	struct store *s = NULL;
	char *cause = NULL;
	pid_t pid;
	int status = 0, rc;

	chmod(fx->dir, 0500);
	if (geteuid() != 0) {
		rc = store_open(fx->path, &s, &cause);
		assert_int_equal(rc, EX_NOPERM);
		assert_non_null(strstr(cause, "Permission denied"));
		free(cause);
		chmod(fx->dir, 0700);
		return;
	}
	chmod(fx->dir, 0755); /* nobody may enter, but not write */
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		if (setgid(NOBODY) != 0 || setuid(NOBODY) != 0)
			_exit(1);
		rc = store_open(fx->path, &s, &cause);
		_exit(rc == EX_NOPERM && strstr(cause, fx->dir) != NULL ? 0
									: 2);
	}
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFEXITED(status));
	assert_int_equal(WEXITSTATUS(status), 0);
	chmod(fx->dir, 0700);
}

static void
test_schema(void **state)
{
	struct fixture *fx = *state;
	static const char *const tables[] = {"checkin", "answer",    "trial",
					     "session", "screening", "profile"};
	static const char *const indexes[] = {
	    "trial_approach", "trial_running", "session_day",
	    "session_approach_day", "screening_flag"};
	char sql[256];
	sqlite3 *db;
	char *mode;
	size_t i;

	store_close(fx_open(fx->path));
	db = fx_raw(fx->path);
	assert_int_equal(fx_int(db, "PRAGMA user_version"), STORE_VERSION);
	mode = fx_text(db, "PRAGMA journal_mode");
	assert_string_equal(mode, "wal");
	free(mode);
	for (i = 0; i < sizeof tables / sizeof tables[0]; i++) {
		snprintf(sql, sizeof sql,
			 "SELECT strict FROM pragma_table_list WHERE name = "
			 "'%s'",
			 tables[i]);
		if (fx_int(db, sql) != 1)
			fail_msg("table %s is not STRICT", tables[i]);
	}
	for (i = 0; i < sizeof indexes / sizeof indexes[0]; i++) {
		snprintf(sql, sizeof sql,
			 "SELECT count(*) FROM sqlite_schema WHERE type = "
			 "'index' AND name = '%s'",
			 indexes[i]);
		if (fx_int(db, sql) != 1)
			fail_msg("no index %s", indexes[i]);
	}
	sqlite3_close(db);
}

/* Rows the schema itself refuses, written past the store. */
static void
test_schema_refuses(void **state)
{
	struct fixture *fx = *state;
	static const char *const bad[] = {
	    "INSERT INTO checkin " CHECKIN_COLS
	    " VALUES ('2026-11-20', 11, NULL, NULL, 't', "
	    "'t')",
	    "INSERT INTO checkin " CHECKIN_COLS
	    " VALUES ('2026-11-20', -1, NULL, NULL, 't', "
	    "'t')",
	    "INSERT INTO checkin " CHECKIN_COLS
	    " VALUES ('2026-02-30', 4, NULL, NULL, 't', "
	    "'t')",
	    "INSERT INTO checkin " CHECKIN_COLS
	    " VALUES ('2026-2-3', 4, NULL, NULL, 't', 't')",
	    "INSERT INTO checkin " CHECKIN_COLS
	    " VALUES ('2026-11-20T10:00', 4, NULL, NULL, "
	    "'t', 't')",
	    "INSERT INTO checkin " CHECKIN_COLS
	    " VALUES (NULL, 4, NULL, NULL, 't', 't')",
	    "INSERT INTO checkin " CHECKIN_COLS
	    " VALUES ('2026-11-20', 'four', NULL, NULL, "
	    "'t', 't')",
	    "INSERT INTO checkin " CHECKIN_COLS
	    " VALUES ('2026-11-20', 4.5, NULL, NULL, 't', "
	    "'t')",
	    "INSERT INTO checkin " CHECKIN_COLS
	    " VALUES ('2026-11-20', 4, 11, NULL, 't', 't')",
	    "INSERT INTO checkin " CHECKIN_COLS
	    " VALUES ('2026-11-20', 4, NULL, NULL, NULL, "
	    "'t')",
	    "INSERT INTO answer " ANSWER_COLS
	    " VALUES ('2026-11-19', 'q', 'v')", /* no day */
	    "INSERT INTO trial (approach, started_on, ended_on) VALUES ('a', "
	    "'2026-11-20', '2026-11-19')",
	    "INSERT INTO trial (approach, started_on, outcome) VALUES ('a', "
	    "'2026-11-20', 'helped')",
	    "INSERT INTO trial (approach, started_on, ended_on, outcome) "
	    "VALUES ('a', '2026-11-01', '2026-11-20', 'great')",
	    "INSERT INTO trial (approach, started_on) VALUES ('running', "
	    "'2026-11-21')", /* a second running trial */
	    "INSERT INTO session (practice, approach, day, minutes, "
	    "recorded_at) VALUES ('p', 'a', '2026-11-20', 0, 't')",
	    "INSERT INTO session (practice, approach, day, pain_after, "
	    "recorded_at) VALUES ('p', 'a', '2026-11-20', 11, 't')",
	    "INSERT INTO session (practice, approach, day, recorded_at) "
	    "VALUES ('p', 'a', '2026-02-30', 't')",
	    "INSERT INTO session (practice, approach, day, recorded_at, "
	    "seconds) VALUES ('p', 'a', '2026-11-20', 't', 0)",
	    "INSERT INTO screening (flag_id, answer, asked_at) VALUES ('f', "
	    "2, 't')",
	    "INSERT INTO profile " PROFILE_COLS " VALUES ('', 'v')",
	};
	sqlite3 *db;
	size_t i;
	int rc;

	store_close(fx_open(fx->path));
	db = fx_raw(fx->path);
	fx_exec(db, "PRAGMA foreign_keys = ON");
	fx_exec(db, "INSERT INTO trial (approach, started_on) VALUES "
		    "('running', '2026-11-01')");
	for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		rc = sqlite3_exec(db, bad[i], NULL, NULL, NULL);
		if ((rc & 0xff) != SQLITE_CONSTRAINT)
			fail_msg("accepted (%d): %s", rc, bad[i]);
	}
	assert_int_equal(fx_int(db, "SELECT count(*) FROM checkin"), 0);
	/* And the good ones pass, so the refusals above are the checks. */
	fx_exec(db, "INSERT INTO checkin " CHECKIN_COLS
		    " VALUES ('2024-02-29', 10, 0, '', "
		    "'t', 't')");
	fx_exec(db, "INSERT INTO answer " ANSWER_COLS
		    " VALUES ('2024-02-29', 'q', 'v')");
	sqlite3_close(db);
}

/* Version 0 is an empty file: it gets the whole schema, and there is
 * nothing to back up. */
static void
test_migrate_from_v0(void **state)
{
	struct fixture *fx = *state;
	char *dir = fx_logdir(fx), *bak = xasprintf("%s.bak-v0", fx->path);
	sqlite3 *db;

	fx_write(fx->path, "", 0, 0644);
	store_close(fx_open(fx->path));
	db = fx_raw(fx->path);
	assert_int_equal(fx_int(db, "PRAGMA user_version"), STORE_VERSION);
	assert_int_equal(fx_int(db, "SELECT count(*) FROM sqlite_schema WHERE "
				    "name = 'screening_flag'"),
			 1);
	sqlite3_close(db);
	assert_false(fx_exists(bak));
	assert_int_equal(fx_mode(fx->path), 0600);
	free(dir);
	free(bak);
}

static void
test_migrate_from_v1(void **state)
{
	struct fixture *fx = *state;
	char *dir = fx_logdir(fx), *bak = xasprintf("%s.bak-v1", fx->path);
	char *tmp = xasprintf("%s.tmp*", bak), *note;
	glob_t g;
	struct checkin got;
	struct store *s;
	char *cause = NULL;
	sqlite3 *db;
	int found = 0;

	db = fx_raw(fx->path);
	fx_exec(db, v1_schema);
	fx_exec(db, v1_rows);
	sqlite3_close(db);
	chmod(fx->path, 0644);

	s = fx_open(fx->path);
	assert_int_equal(
	    store_checkin_get(s, "2026-11-01", &got, &found, &cause), 0);
	assert_int_equal(found, 1);
	assert_int_equal(got.pain, 5);
	assert_string_equal(got.note, "from v1");
	checkin_clear(&got);
	store_close(s);

	db = fx_raw(fx->path);
	assert_int_equal(fx_int(db, "PRAGMA user_version"), STORE_VERSION);
	assert_int_equal(fx_int(db, "SELECT count(*) FROM sqlite_schema WHERE "
				    "name = 'screening_flag'"),
			 1);
	assert_int_equal(fx_int(db, "SELECT count(*) FROM answer"), 1);
	assert_int_equal(fx_int(db, "SELECT count(*) FROM pragma_table_info("
				    "'trial') WHERE name = 'impression'"),
			 1);
	assert_int_equal(fx_int(db, "SELECT count(*) FROM pragma_table_info("
				    "'screening') WHERE name = 'checked_on'"),
			 1);
	/* Issue 18's step: an old rating's pain was set when its day was
	 * first checked in, as far as the log knows. */
	assert_int_equal(fx_int(db, "SELECT count(*) FROM checkin WHERE "
				    "pain_set_at IS recorded_at"),
			 1);
	assert_int_equal(fx_int(db, "SELECT count(*) FROM pragma_table_info("
				    "'session') WHERE name = 'seconds'"),
			 1);
	sqlite3_close(db);

	/* The backup is the log as it was: version 1, with its rows. */
	assert_true(fx_exists(bak));
	/* No temporary copy is left behind, whatever its suffix. */
	assert_int_equal(glob(tmp, 0, NULL, &g), GLOB_NOMATCH);
	assert_int_equal(fx_mode(bak), 0600);
	db = fx_raw(bak);
	assert_int_equal(fx_int(db, "PRAGMA user_version"), 1);
	assert_int_equal(fx_int(db, "SELECT count(*) FROM sqlite_schema WHERE "
				    "name = 'screening_flag'"),
			 0);
	note = fx_text(db, "SELECT note FROM checkin");
	assert_string_equal(note, "from v1");
	free(note);
	sqlite3_close(db);

	/* Opening again migrates nothing and keeps the backup as it is. */
	store_close(fx_open(fx->path));
	db = fx_raw(bak);
	assert_int_equal(fx_int(db, "PRAGMA user_version"), 1);
	sqlite3_close(db);
	free(dir);
	free(bak);
	free(tmp);
}

/*
 * Version 2 -> 3 adds the trial's impression: the old trials keep theirs
 * unset, the backup is the log at version 2, and 1..7 is all it takes.
 */
static void
test_migrate_from_v2(void **state)
{
	struct fixture *fx = *state;
	char *dir = fx_logdir(fx), *bak = xasprintf("%s.bak-v2", fx->path);
	char *cause = NULL;
	struct store_trial *t = NULL;
	struct store *s;
	sqlite3 *db;
	size_t n = 0;

	db = fx_raw(fx->path);
	fx_exec(db, v1_schema);
	fx_exec(db, v1_rows);
	fx_exec(db,
		"CREATE INDEX screening_flag ON screening (flag_id, id);"
		"INSERT INTO trial (approach, started_on, ended_on, outcome)"
		" VALUES ('mind-body', '2026-10-01', '2026-10-28', "
		"'helped');"
		"PRAGMA user_version = 2;");
	sqlite3_close(db);

	s = fx_open(fx->path);
	assert_int_equal(store_trial_list(s, &t, &n, &cause), 0);
	assert_int_equal(n, 1);
	assert_int_equal(t[0].impression, ENTRY_NONE);
	store_trials_free(t, n);
	assert_int_equal(
	    store_trial_set_impression(s, "mind-body", "2026-10-28", 2, &cause),
	    0);
	assert_int_equal(store_trial_list(s, &t, &n, &cause), 0);
	assert_int_equal(t[0].impression, 2);
	store_trials_free(t, n);
	/* Out of range, or no such trial: refused, nothing written. */
	assert_int_equal(
	    store_trial_set_impression(s, "mind-body", "2026-10-28", 8, &cause),
	    EX_DATAERR);
	free(cause);
	cause = NULL;
	assert_int_equal(
	    store_trial_set_impression(s, "mind-body", "2026-10-27", 3, &cause),
	    EX_DATAERR);
	assert_non_null(strstr(cause, "no trial of mind-body ended on"));
	free(cause);
	store_close(s);

	db = fx_raw(fx->path);
	assert_int_equal(fx_int(db, "PRAGMA user_version"), STORE_VERSION);
	assert_int_equal(fx_int(db, "SELECT impression FROM trial"), 2);
	sqlite3_close(db);
	db = fx_raw(bak);
	assert_int_equal(fx_int(db, "PRAGMA user_version"), 2);
	assert_int_equal(fx_int(db, "SELECT count(*) FROM pragma_table_info("
				    "'trial') WHERE name = 'impression'"),
			 0);
	sqlite3_close(db);
	free(dir);
	free(bak);
}

/* Version 3 (the trial's impression) gains screening.checked_on, the day a
 * doctor checked a yes (issue 11): the answers stay, the column starts
 * empty, only a yes can have one, and the v3 log is backed up first. */
static void
test_migrate_from_v3(void **state)
{
	struct fixture *fx = *state;
	char *dir = fx_logdir(fx), *bak = xasprintf("%s.bak-v3", fx->path);
	struct screening *r = NULL;
	struct store *s;
	char *cause = NULL;
	size_t n = 0;
	sqlite3 *db;

	db = fx_raw(fx->path);
	fx_exec(db, v1_schema);
	fx_exec(db, v1_rows);
	fx_exec(db, "INSERT INTO screening (flag_id, answer, asked_at)"
		    " VALUES ('cancer-history', 1, '2026-11-02T09:00:00Z');"
		    "CREATE INDEX screening_flag ON screening (flag_id, id);"
		    "ALTER TABLE trial ADD COLUMN impression INTEGER"
		    " CHECK (impression IS NULL OR impression BETWEEN 1 AND 7);"
		    "PRAGMA user_version = 3;");
	sqlite3_close(db);

	s = fx_open(fx->path);
	assert_int_equal(store_screening_latest(s, &r, &n, &cause), 0);
	assert_int_equal(n, 2);
	assert_string_equal(r[1].flag, "cancer-history");
	assert_int_equal(r[1].answer, 1);
	assert_string_equal(r[1].checked_on, "");
	screenings_free(r, n);
	/* A no cannot be checked; the yes can. */
	assert_int_equal(
	    store_screening_checked(s, "saddle-numbness", "2026-11-20", &cause),
	    EX_DATAERR);
	free(cause);
	cause = NULL;
	assert_int_equal(
	    store_screening_checked(s, "cancer-history", "2026-11-20", &cause),
	    0);
	store_close(s);

	db = fx_raw(fx->path);
	assert_int_equal(fx_int(db, "PRAGMA user_version"), STORE_VERSION);
	assert_int_equal(fx_int(db, "SELECT count(*) FROM screening WHERE "
				    "checked_on = '2026-11-20'"),
			 1);
	/* The schema itself refuses a check of a no and a day that is not
	 * one. */
	assert_int_not_equal(
	    sqlite3_exec(db,
			 "UPDATE screening SET checked_on = '2026-11-20' "
			 "WHERE flag_id = 'saddle-numbness'",
			 NULL, NULL, NULL),
	    SQLITE_OK);
	assert_int_not_equal(
	    sqlite3_exec(db,
			 "UPDATE screening SET checked_on = '2026-02-30' "
			 "WHERE flag_id = 'cancer-history'",
			 NULL, NULL, NULL),
	    SQLITE_OK);
	sqlite3_close(db);
	db = fx_raw(bak);
	assert_int_equal(fx_int(db, "PRAGMA user_version"), 3);
	assert_int_equal(fx_int(db, "SELECT count(*) FROM screening"), 2);
	sqlite3_close(db);
	free(dir);
	free(bak);
}

/* Version 4 as it shipped: version 1 and steps 1 -> 4, frozen here. */
static const char v4_step[] =
    "CREATE INDEX screening_flag ON screening (flag_id, id);"
    "ALTER TABLE trial ADD COLUMN impression INTEGER"
    " CHECK (impression IS NULL OR impression BETWEEN 1 AND 7);"
    "ALTER TABLE screening ADD COLUMN checked_on TEXT"
    " CHECK (checked_on IS NULL OR (answer = 1"
    "  AND checked_on IS date(checked_on, '+0 days')));"
    "PRAGMA user_version = 4;";

static const char v4_rows[] =
    "INSERT INTO trial (approach, started_on, ended_on, outcome)"
    " VALUES ('alpha', '2026-10-01', '2026-10-29', 'helped');"
    "INSERT INTO session (practice, approach, day, minutes, recorded_at)"
    " VALUES ('alpha-walk', 'alpha', '2026-10-02', 10,"
    " '2026-10-02T10:00:00+01:00');";

/* Version 4 -> 5 (issue 12) adds the habit and flare tables in one step,
 * after a backup of the version 4 log; the rows stay and the new tables
 * take their first rows. */
static void
test_migrate_from_v4(void **state)
{
	struct fixture *fx = *state;
	char *dir = fx_logdir(fx), *bak = xasprintf("%s.bak-v4", fx->path);
	struct store_flare f = {0};
	struct store_habit *h = NULL;
	struct store *s;
	char *cause = NULL;
	size_t nh = 0;
	sqlite3 *db;

	db = fx_raw(fx->path);
	fx_exec(db, v1_schema);
	fx_exec(db, v1_rows);
	fx_exec(db, v4_step);
	fx_exec(db, v4_rows);
	sqlite3_close(db);

	s = fx_open(fx->path);
	assert_int_equal(store_habit_list(s, &h, &nh, &cause), 0);
	assert_int_equal(nh, 0);
	memcpy(f.began_on, "2026-11-02", DAY_LEN);
	f.pain = 8;
	assert_int_equal(store_flare_begin(s, &f, NULL, &cause), 0);
	/* A second open flare is refused by the log itself. */
	assert_int_equal(store_flare_begin(s, &f, NULL, &cause), EX_DATAERR);
	free(cause);
	cause = NULL;
	assert_int_equal(store_flare_end(s, "2026-11-04", FLARE_PERSON, &cause),
			 0);
	store_close(s);

	db = fx_raw(fx->path);
	assert_int_equal(fx_int(db, "PRAGMA user_version"), STORE_VERSION);
	assert_int_equal(fx_int(db, "SELECT count(*) FROM sqlite_schema WHERE "
				    "name IN ('habit', 'flare', 'habit_kept', "
				    "'flare_open', 'flare_began')"),
			 5);
	assert_int_equal(fx_int(db, "SELECT count(*) FROM trial"), 1);
	assert_int_equal(fx_int(db, "SELECT count(*) FROM session"), 1);
	assert_int_equal(fx_int(db, "SELECT count(*) FROM flare WHERE "
				    "ended_on = '2026-11-04' AND ended_by = "
				    "'person' AND pain = 8"),
			 1);
	/* The schema's checks hold a flare's end to its start. */
	assert_int_not_equal(
	    sqlite3_exec(db,
			 "INSERT INTO flare (began_on, ended_on, ended_by, "
			 "recorded_at) VALUES ('2026-11-05', '2026-11-04', "
			 "'calm', 'x')",
			 NULL, NULL, NULL),
	    SQLITE_OK);
	sqlite3_close(db);

	/* The backup is the version 4 log, without the new tables. */
	assert_true(fx_exists(bak));
	db = fx_raw(bak);
	assert_int_equal(fx_int(db, "PRAGMA user_version"), 4);
	assert_int_equal(fx_int(db, "SELECT count(*) FROM sqlite_schema WHERE "
				    "name IN ('habit', 'flare')"),
			 0);
	assert_int_equal(fx_int(db, "SELECT count(*) FROM trial"), 1);
	sqlite3_close(db);
	store_habits_free(h, nh);
	free(dir);
	free(bak);
}

static void
expect_unchanged(const char *path, const char *before, size_t len)
{
	size_t now_len;
	char *now = fx_read(path, &now_len);

	assert_int_equal(now_len, len);
	assert_memory_equal(now, before, len);
	free(now);
}

static void
test_refuses_newer(void **state)
{
	struct fixture *fx = *state;
	struct checkin c = fx_checkin("2026-11-20", 4);
	struct store *s;
	char *before, *cause, *note, *wal = xasprintf("%s-wal", fx->path);
	char *shm = xasprintf("%s-shm", fx->path);
	size_t len;
	sqlite3 *db;

	s = fx_open(fx->path);
	fx_put(s, &c);
	store_close(s);
	db = fx_raw(fx->path);
	fx_exec(db, "PRAGMA user_version = 99");
	sqlite3_close(db);
	before = fx_read(fx->path, &len);
	cause = fx_open_fails(fx->path, EX_IOERR, fx->path);
	assert_non_null(strstr(cause, "version 99"));
	note = xasprintf("version %d", STORE_VERSION);
	assert_non_null(strstr(cause, note));
	free(note);
	free(cause);
	expect_unchanged(fx->path, before, len);
	assert_false(fx_exists(wal));
	assert_false(fx_exists(shm));
	free(before);
	free(wal);
	free(shm);
}

/* A version below zero is no version of ours, not a step to start from. */
static void
test_refuses_negative_version(void **state)
{
	struct fixture *fx = *state;
	char *before, *cause;
	size_t len;
	sqlite3 *db;

	store_close(fx_open(fx->path));
	db = fx_raw(fx->path);
	fx_exec(db, "PRAGMA user_version = -1");
	sqlite3_close(db);
	before = fx_read(fx->path, &len);
	cause = fx_open_fails(fx->path, EX_IOERR, "version -1");
	free(cause);
	expect_unchanged(fx->path, before, len);
	free(before);
}

static void
test_refuses_foreign_database(void **state)
{
	struct fixture *fx = *state;
	char *dir = fx_logdir(fx), *before;
	size_t len;
	sqlite3 *db;

	db = fx_raw(fx->path);
	fx_exec(db, "CREATE TABLE recipes (name TEXT)");
	sqlite3_close(db);
	before = fx_read(fx->path, &len);
	free(fx_open_fails(fx->path, EX_IOERR, "not a backpain log"));
	expect_unchanged(fx->path, before, len);
	free(before);
	free(dir);
}

static void
test_refuses_garbage(void **state)
{
	struct fixture *fx = *state;
	char *dir = fx_logdir(fx), *cause;
	char garbage[GARBAGE];
	size_t i;

	for (i = 0; i < sizeof garbage; i++)
		garbage[i] = (char)(i * 7 + 3);
	fx_write(fx->path, garbage, sizeof garbage, 0600);
	cause = fx_open_fails(fx->path, EX_IOERR, "is damaged");
	assert_non_null(strstr(cause, fx->path));
	assert_non_null(strstr(cause, "aside"));
	free(cause);
	expect_unchanged(fx->path, garbage, sizeof garbage);

	fx_write(fx->path, "not a log\n", 10, 0600);
	free(fx_open_fails(fx->path, EX_IOERR, "is damaged"));
	expect_unchanged(fx->path, "not a log\n", 10);
	free(dir);
}

/* A log cut short; the message points at the backup when there is one. */
static void
test_refuses_truncated(void **state)
{
	struct fixture *fx = *state;
	struct checkin c = fx_checkin("2026-01-01", 4);
	char *bak = xasprintf("%s.bak-v1", fx->path), *before, *cause;
	char note[] =
	    "a note long enough to fill pages quickly, again and again";
	struct store *s;
	size_t len;
	int i;

	s = fx_open(fx->path);
	c.note = note;
	for (i = 0; i < MANY; i++) {
		day_add("2025-01-01", i, c.day);
		fx_put(s, &c);
	}
	store_close(s);
	before = fx_read(fx->path, &len);
	assert_true(len > GARBAGE * 4);
	assert_int_equal(truncate(fx->path, (off_t)(len / 2)), 0);
	len /= 2;
	fx_write(bak, before, len, 0600); /* stands for an earlier backup */
	cause = fx_open_fails(fx->path, EX_IOERR, "is damaged");
	assert_non_null(strstr(cause, bak));
	free(cause);
	expect_unchanged(fx->path, before, len);
	free(before);
	free(bak);
}

/* A write waits STORE_BUSY_MS for another writer, then gives up with
 * nothing written. */
static void
test_busy(void **state)
{
	struct fixture *fx = *state;
	struct checkin c = fx_checkin("2026-11-20", 4), got;
	struct store *s = fx_open(fx->path);
	char *cause = NULL;
	sqlite3 *other = fx_raw(fx->path);
	time_t t0;
	int rc, found = 1;

	fx_exec(other, "BEGIN IMMEDIATE");
	t0 = time(NULL);
	rc = store_checkin_put(s, &c, NULL, 0, NULL, 0, NULL, NULL, &cause);
	assert_int_equal(rc, EX_TEMPFAIL);
	assert_true(time(NULL) - t0 >= STORE_BUSY_MS / 1000 - 1);
	assert_non_null(strstr(cause, "another backpain is using it"));
	free(cause);
	fx_exec(other, "ROLLBACK");
	sqlite3_close(other);
	assert_int_equal(store_checkin_get(s, c.day, &got, &found, &cause), 0);
	assert_int_equal(found, 0);
	fx_put(s, &c);
	store_close(s);
}

#define T(f) cmocka_unit_test_setup_teardown(f, fx_setup, fx_teardown)

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_default_path),
	    T(test_private_umask_000),
	    T(test_private_umask_077),
	    T(test_private_umask_277),
	    T(test_tightens_what_is_ours),
	    T(test_cannot_create),
	    T(test_permission_denied),
	    T(test_schema),
	    T(test_schema_refuses),
	    T(test_migrate_from_v0),
	    T(test_migrate_from_v1),
	    T(test_migrate_from_v2),
	    T(test_migrate_from_v3),
	    T(test_migrate_from_v4),
	    T(test_refuses_newer),
	    T(test_refuses_negative_version),
	    T(test_refuses_foreign_database),
	    T(test_refuses_garbage),
	    T(test_refuses_truncated),
	    T(test_busy),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
