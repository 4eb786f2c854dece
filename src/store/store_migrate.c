/* store_migrate.c: the log's schema, as the steps that build it, and
 * bringing an open log up to STORE_VERSION, with the copy of the log made
 * before an old log is changed (PATH.bak-vN). Whether the log is sound
 * enough to upgrade is store_check.c's to say, before this runs. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sysexits.h>
#include <unistd.h>

#include "store_int.h"
#include "util.h"

/*
 * steps[i] takes a log from version i to version i + 1 and ends by setting
 * user_version to i + 1. A new version is one more step at the end, and
 * STORE_VERSION one higher. Never change a step that has shipped.
 */
/* Parts of step 5 -> 6 below; as the step, never to be changed. */
#define UID_SHAPE " OR (length(uid) = 32 AND uid NOT GLOB '*[^0-9a-f]*')"
#define NEW_UID "lower(hex(randomblob(16)))"
static const char *const steps[] = {
    /* 0 -> 1: the tables of DESIGN.md section 4. A day is checked with
     * date(day, '+0 days'): the modifier makes SQLite normalise, so that
     * 2026-02-30 (which a bare date() passes through) becomes 03-02 and
     * fails the comparison. */
    "PRAGMA application_id = 1112560713;" /* STORE_APP_ID */
    "CREATE TABLE checkin ("
    " day TEXT NOT NULL PRIMARY KEY CHECK (day IS date(day, '+0 days')),"
    " pain INTEGER NOT NULL CHECK (pain BETWEEN 0 AND 10),"
    " interference INTEGER"
    "  CHECK (interference IS NULL OR interference BETWEEN 0 AND 10),"
    " note TEXT,"
    " recorded_at TEXT NOT NULL,"
    " updated_at TEXT NOT NULL"
    ") STRICT, WITHOUT ROWID;"
    "CREATE TABLE answer ("
    " day TEXT NOT NULL REFERENCES checkin (day) ON DELETE CASCADE,"
    " question_id TEXT NOT NULL CHECK (question_id <> ''),"
    " value TEXT NOT NULL,"
    " PRIMARY KEY (day, question_id)"
    ") STRICT, WITHOUT ROWID;"
    "CREATE TABLE trial ("
    " id INTEGER PRIMARY KEY,"
    " approach TEXT NOT NULL CHECK (approach <> ''),"
    " started_on TEXT NOT NULL"
    "  CHECK (started_on IS date(started_on, '+0 days')),"
    " ended_on TEXT"
    "  CHECK (ended_on IS NULL OR ended_on IS date(ended_on, '+0 days')),"
    " outcome TEXT CHECK (outcome IS NULL"
    "  OR outcome IN ('helped', 'no-change', 'worse', 'stopped')),"
    " CHECK (ended_on IS NULL OR ended_on >= started_on),"
    " CHECK (outcome IS NULL OR ended_on IS NOT NULL)"
    ") STRICT;"
    "CREATE INDEX trial_approach ON trial (approach, started_on);"
    "CREATE UNIQUE INDEX trial_running ON trial (approach)"
    " WHERE ended_on IS NULL;"
    "CREATE TABLE session ("
    " id INTEGER PRIMARY KEY,"
    " practice TEXT NOT NULL CHECK (practice <> ''),"
    " approach TEXT NOT NULL CHECK (approach <> ''),"
    " day TEXT NOT NULL CHECK (day IS date(day, '+0 days')),"
    " minutes INTEGER CHECK (minutes IS NULL OR minutes BETWEEN 1 AND 1440),"
    " pain_before INTEGER"
    "  CHECK (pain_before IS NULL OR pain_before BETWEEN 0 AND 10),"
    " pain_after INTEGER"
    "  CHECK (pain_after IS NULL OR pain_after BETWEEN 0 AND 10),"
    " recorded_at TEXT NOT NULL"
    ") STRICT;"
    "CREATE INDEX session_day ON session (day, practice);"
    "CREATE INDEX session_approach_day ON session (approach, day);"
    "CREATE TABLE screening ("
    " id INTEGER PRIMARY KEY,"
    " flag_id TEXT NOT NULL CHECK (flag_id <> ''),"
    " answer INTEGER NOT NULL CHECK (answer IN (0, 1)),"
    " asked_at TEXT NOT NULL"
    ") STRICT;"
    "CREATE TABLE profile ("
    " key TEXT NOT NULL PRIMARY KEY CHECK (key <> ''),"
    " value TEXT NOT NULL"
    ") STRICT, WITHOUT ROWID;"
    "PRAGMA user_version = 1;",
    /* 1 -> 2: the latest screening answer per flag without a scan. */
    "CREATE INDEX screening_flag ON screening (flag_id, id);"
    "PRAGMA user_version = 2;",
    /* 2 -> 3: the person's global impression at the end of a trial, 1
     * (very much better) .. 7 (very much worse) (issue 10). */
    "ALTER TABLE trial ADD COLUMN impression INTEGER"
    " CHECK (impression IS NULL OR impression BETWEEN 1 AND 7);"
    "PRAGMA user_version = 3;",
    /* 3 -> 4: the day a doctor checked what a "yes" was about (issue
     * 11); only a yes can be checked, and the day is a real day. */
    "ALTER TABLE screening ADD COLUMN checked_on TEXT"
    " CHECK (checked_on IS NULL OR (answer = 1"
    "  AND checked_on IS date(checked_on, '+0 days')));"
    "PRAGMA user_version = 4;",
    /* 4 -> 5 (issue 12): habits, an approach kept up after its trial
     * until dropped, at most one kept per approach; and flare-ups, at most
     * one open at a time (the unique index on a constant over the open
     * rows). ended_by says who ended a flare: the person, or two calm
     * days (program.h). */
    "CREATE TABLE habit ("
    " id INTEGER PRIMARY KEY,"
    " approach TEXT NOT NULL CHECK (approach <> ''),"
    " trial_id INTEGER REFERENCES trial (id) ON DELETE SET NULL,"
    " kept_on TEXT NOT NULL CHECK (kept_on IS date(kept_on, '+0 days')),"
    " dropped_on TEXT CHECK (dropped_on IS NULL"
    "  OR dropped_on IS date(dropped_on, '+0 days')),"
    " CHECK (dropped_on IS NULL OR dropped_on >= kept_on)"
    ") STRICT;"
    "CREATE UNIQUE INDEX habit_kept ON habit (approach)"
    " WHERE dropped_on IS NULL;"
    "CREATE TABLE flare ("
    " id INTEGER PRIMARY KEY,"
    " began_on TEXT NOT NULL CHECK (began_on IS date(began_on, '+0 days')),"
    " ended_on TEXT CHECK (ended_on IS NULL"
    "  OR ended_on IS date(ended_on, '+0 days')),"
    " ended_by TEXT CHECK (ended_by IS NULL"
    "  OR ended_by IN ('person', 'calm')),"
    " pain INTEGER CHECK (pain IS NULL OR pain BETWEEN 0 AND 10),"
    " note TEXT,"
    " recorded_at TEXT NOT NULL,"
    " CHECK (ended_on IS NULL OR ended_on >= began_on),"
    " CHECK ((ended_on IS NULL) = (ended_by IS NULL))"
    ") STRICT;"
    "CREATE UNIQUE INDEX flare_open ON flare ((ended_on IS NULL))"
    " WHERE ended_on IS NULL;"
    "CREATE INDEX flare_began ON flare (began_on);"
    "PRAGMA user_version = 5;",
    /* 5 -> 6 (issue 19): every row a uid, 16 random bytes as 32 hex
     * digits, unique in its table, which export and import keep: rows of
     * two logs never meet by their row ids (both start at 1), and no two
     * rows the program writes collapse into one when a log comes back. A
     * row whose writer gives none gets one from the trigger, whoever
     * writes it. A check-in's revision counts its saves (1 at the first);
     * a screening answer's received_at is when an import brought it into
     * this log (NULL: when it was asked), so that a stamp from a clock
     * that was ahead counts from then. */
    "ALTER TABLE checkin ADD COLUMN uid TEXT CHECK (uid IS NULL" UID_SHAPE ");"
    "UPDATE checkin SET uid = " NEW_UID ";"
    "CREATE UNIQUE INDEX checkin_uid ON checkin (uid);"
    "CREATE TRIGGER checkin_uid AFTER INSERT ON checkin WHEN NEW.uid IS NULL"
    " BEGIN UPDATE checkin SET uid = " NEW_UID " WHERE day = NEW.day; END;"
    "ALTER TABLE answer ADD COLUMN uid TEXT CHECK (uid IS NULL" UID_SHAPE ");"
    "UPDATE answer SET uid = " NEW_UID ";"
    "CREATE UNIQUE INDEX answer_uid ON answer (uid);"
    "CREATE TRIGGER answer_uid AFTER INSERT ON answer WHEN NEW.uid IS NULL"
    " BEGIN UPDATE answer SET uid = " NEW_UID
    " WHERE day = NEW.day AND question_id = NEW.question_id; END;"
    "ALTER TABLE trial ADD COLUMN uid TEXT CHECK (uid IS NULL" UID_SHAPE ");"
    "UPDATE trial SET uid = " NEW_UID ";"
    "CREATE UNIQUE INDEX trial_uid ON trial (uid);"
    "CREATE TRIGGER trial_uid AFTER INSERT ON trial WHEN NEW.uid IS NULL"
    " BEGIN UPDATE trial SET uid = " NEW_UID " WHERE id = NEW.id; END;"
    "ALTER TABLE session ADD COLUMN uid TEXT CHECK (uid IS NULL" UID_SHAPE ");"
    "UPDATE session SET uid = " NEW_UID ";"
    "CREATE UNIQUE INDEX session_uid ON session (uid);"
    "CREATE TRIGGER session_uid AFTER INSERT ON session WHEN NEW.uid IS NULL"
    " BEGIN UPDATE session SET uid = " NEW_UID " WHERE id = NEW.id; END;"
    "ALTER TABLE screening ADD COLUMN uid TEXT"
    " CHECK (uid IS NULL" UID_SHAPE ");"
    "UPDATE screening SET uid = " NEW_UID ";"
    "CREATE UNIQUE INDEX screening_uid ON screening (uid);"
    "CREATE TRIGGER screening_uid AFTER INSERT ON screening"
    " WHEN NEW.uid IS NULL BEGIN UPDATE screening SET uid = " NEW_UID
    " WHERE id = NEW.id; END;"
    "ALTER TABLE profile ADD COLUMN uid TEXT CHECK (uid IS NULL" UID_SHAPE ");"
    "UPDATE profile SET uid = " NEW_UID ";"
    "CREATE UNIQUE INDEX profile_uid ON profile (uid);"
    "CREATE TRIGGER profile_uid AFTER INSERT ON profile WHEN NEW.uid IS NULL"
    " BEGIN UPDATE profile SET uid = " NEW_UID " WHERE key = NEW.key; END;"
    "ALTER TABLE habit ADD COLUMN uid TEXT CHECK (uid IS NULL" UID_SHAPE ");"
    "UPDATE habit SET uid = " NEW_UID ";"
    "CREATE UNIQUE INDEX habit_uid ON habit (uid);"
    "CREATE TRIGGER habit_uid AFTER INSERT ON habit WHEN NEW.uid IS NULL"
    " BEGIN UPDATE habit SET uid = " NEW_UID " WHERE id = NEW.id; END;"
    "ALTER TABLE flare ADD COLUMN uid TEXT CHECK (uid IS NULL" UID_SHAPE ");"
    "UPDATE flare SET uid = " NEW_UID ";"
    "CREATE UNIQUE INDEX flare_uid ON flare (uid);"
    "CREATE TRIGGER flare_uid AFTER INSERT ON flare WHEN NEW.uid IS NULL"
    " BEGIN UPDATE flare SET uid = " NEW_UID " WHERE id = NEW.id; END;"
    "ALTER TABLE checkin ADD COLUMN revision INTEGER NOT NULL DEFAULT 1"
    " CHECK (revision >= 1);"
    "ALTER TABLE screening ADD COLUMN received_at TEXT;"
    "PRAGMA user_version = 6;",
    /* 6 -> 7 (issue 18): two columns added to checkin and session after
     * those of 5 -> 6 (store_columns.c lists them in that order); it needs
     * nothing of any other step, so it may be renumbered. checkin's
     * pain_set_at, the time the pain rating was entered or last changed, by
     * which a rating entered days after its day is known as recalled
     * (program.h); the rows of an older log take their recorded_at, the time
     * their day was first checked in, the one time a pain rating is sure to
     * have been entered (updated_at may be a note changed later; a rating
     * back-filled in a batch has both the same). And session's seconds, the
     * time the timer measured (1 .. a day), so a session stopped after 12
     * seconds is no longer logged as a minute; older rows have only their
     * minutes. */
    "ALTER TABLE checkin ADD COLUMN pain_set_at TEXT;"
    "UPDATE checkin SET pain_set_at = recorded_at;"
    "ALTER TABLE session ADD COLUMN seconds INTEGER"
    " CHECK (seconds IS NULL OR seconds BETWEEN 1 AND 86400);"
    "PRAGMA user_version = 7;",
    /* 7 -> 8 (issue 20), one step that needs no other: the revision of
     * the red flag's question an answer was given to (content.h; older
     * answers were given to the first), and the lessons: each row one
     * lesson read on read_on, or its offer at moment dismissed on
     * dismissed_on (program.h says which moments there are), with its
     * uid as every row has (step 5 -> 6). The screening's received_at,
     * kept by this log only, moves after the revision, which an export
     * carries: store_columns.c lists the exported columns first, in the
     * schema's order. */
    "ALTER TABLE screening ADD COLUMN revision INTEGER NOT NULL DEFAULT 1"
    " CHECK (revision >= 1);"
    "ALTER TABLE screening RENAME COLUMN received_at TO received_at_6;"
    "ALTER TABLE screening ADD COLUMN received_at TEXT;"
    "UPDATE screening SET received_at = received_at_6;"
    "ALTER TABLE screening DROP COLUMN received_at_6;"
    "CREATE TABLE lesson ("
    " id INTEGER PRIMARY KEY,"
    " lesson_id TEXT NOT NULL CHECK (lesson_id <> ''),"
    " moment TEXT CHECK (moment IS NULL OR moment <> ''),"
    " read_on TEXT CHECK (read_on IS NULL"
    "  OR read_on IS date(read_on, '+0 days')),"
    " dismissed_on TEXT CHECK (dismissed_on IS NULL"
    "  OR dismissed_on IS date(dismissed_on, '+0 days')),"
    " recorded_at TEXT NOT NULL,"
    " uid TEXT CHECK (uid IS NULL" UID_SHAPE "),"
    " CHECK ((read_on IS NULL) <> (dismissed_on IS NULL)),"
    " CHECK (dismissed_on IS NULL OR moment IS NOT NULL)"
    ") STRICT;"
    "CREATE INDEX lesson_by_id ON lesson (lesson_id, id);"
    "CREATE UNIQUE INDEX lesson_uid ON lesson (uid);"
    "CREATE TRIGGER lesson_uid AFTER INSERT ON lesson WHEN NEW.uid IS NULL"
    " BEGIN UPDATE lesson SET uid = " NEW_UID " WHERE id = NEW.id; END;"
    "PRAGMA user_version = 8;",
    /* 8 -> 9 (issue 21): a pause week, a running trial of a reversible
     * approach stopped for some days to see whether the pain comes back,
     * one pause per trial; resumed_on is the first day back on it, NULL
     * while paused; a uid as every table has one (5 -> 6), given by the
     * trigger to a row written without. Self-contained: it only adds this
     * table, its indexes and its trigger, and names no other table but
     * trial, so that other steps can be put before it at a merge and the
     * numbers moved. */
    "CREATE TABLE trial_pause ("
    " id INTEGER PRIMARY KEY,"
    " trial_id INTEGER NOT NULL UNIQUE REFERENCES trial (id)"
    "  ON DELETE CASCADE,"
    " paused_on TEXT NOT NULL"
    "  CHECK (paused_on IS date(paused_on, '+0 days')),"
    " resumed_on TEXT CHECK (resumed_on IS NULL"
    "  OR resumed_on IS date(resumed_on, '+0 days')),"
    " recorded_at TEXT NOT NULL,"
    " uid TEXT CHECK (uid IS NULL" UID_SHAPE "),"
    " CHECK (resumed_on IS NULL OR resumed_on > paused_on)"
    ") STRICT;"
    "CREATE UNIQUE INDEX trial_pause_uid ON trial_pause (uid);"
    "CREATE TRIGGER trial_pause_uid AFTER INSERT ON trial_pause"
    " WHEN NEW.uid IS NULL BEGIN UPDATE trial_pause SET uid = " NEW_UID
    " WHERE id = NEW.id; END;"
    "PRAGMA user_version = 9;",
};

_Static_assert(sizeof steps / sizeof steps[0] == STORE_VERSION,
	       "one migration step per schema version");

static int
sync_path(const char *path, int flags)
{
	int fd = open(path, flags | O_CLOEXEC), rc;

	if (fd < 0)
		return -1;
	rc = fsync(fd);
	close(fd);
	return rc;
}

/* Copies the log, at version, to PATH.bak-vVERSION (0600) through a
 * temporary file, so a backup is either whole or absent. */
static int
backup(struct store *s, int version, char **cause)
{
	char *bak = xasprintf("%s" STORE_BACKUP_SUFFIX "%d", s->path, version);
	/* The pid keeps two processes upgrading at once out of each other's
	 * temporary file; each renames a whole copy into place. */
	char *tmp = xasprintf("%s.tmp%ld", bak, (long)getpid()), *dir, *slash;
	sqlite3_stmt *st = NULL;
	int fd, rc, code = 0, e;

	unlink(tmp);
	fd =
	    open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, STORE_FILE_MODE);
	if (fd < 0 || fchmod(fd, STORE_FILE_MODE) != 0) {
		e = errno;
		if (fd >= 0)
			close(fd);
		code = store_fail(cause, store_file_errno(e),
				  "cannot back up the log to %s before "
				  "upgrading it: %s",
				  tmp, strerror(e));
		goto out;
	}
	close(fd);
	rc = sqlite3_prepare_v2(s->db, "VACUUM INTO ?1", -1, &st, NULL);
	if (rc == SQLITE_OK)
		rc = store_bind(st, "t", tmp);
	if (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_DONE)
		rc = SQLITE_OK;
	if (rc != SQLITE_OK) {
		code = store_sqlerr(s, rc,
				    "backing up the log before "
				    "upgrading it",
				    cause);
		goto out;
	}
	if (sync_path(tmp, O_RDONLY) != 0 || rename(tmp, bak) != 0) {
		e = errno;
		code = store_fail(cause, EX_CANTCREAT,
				  "cannot back up the log to %s: %s", bak,
				  strerror(e));
		goto out;
	}
	dir = xstrdup(s->path);
	slash = strrchr(dir, '/');
	if (slash != NULL) {
		slash[slash == dir] = '\0';
		sync_path(dir, O_RDONLY | O_DIRECTORY);
	}
	free(dir);
out:
	sqlite3_finalize(st);
	if (code != 0)
		unlink(tmp);
	free(tmp);
	free(bak);
	return code;
}

/*
 * One step, in its own transaction; a step another process has made in
 * the meantime is not made twice. A new, empty log (version 0) takes every
 * step in one transaction, so no other process ever sees it half made: at
 * version 1 it would look like an old log with data, to be backed up.
 */
static int
migrate_step(struct store *s, char **cause)
{
	int rc, version = 0, after = 0, code, want, i;

	if ((code = store_begin(s, cause)) != 0)
		return code;
	rc = store_sql_int(s->db, "PRAGMA user_version", &version);
	if (rc == SQLITE_OK &&
	    (code = store_check_version(s->path, version, cause))) {
		store_rollback(s);
		return code;
	}
	want = version == 0		 ? STORE_VERSION
	       : version < STORE_VERSION ? version + 1
					 : version;
	for (i = version; rc == SQLITE_OK && i < want; i++)
		rc = sqlite3_exec(s->db, steps[i], NULL, NULL, NULL);
	if (rc == SQLITE_OK)
		rc = store_sql_int(s->db, "PRAGMA user_version", &after);
	if (rc != SQLITE_OK) {
		code = store_sqlerr(s, rc, "upgrading the log", cause);
		store_rollback(s);
		return code;
	}
	if (version < STORE_VERSION && after != want) {
		store_rollback(s);
		return store_fail(cause, EX_SOFTWARE,
				  "upgrading the log from version %d ended at "
				  "version %d",
				  version, after);
	}
	return store_commit(s, cause);
}

/*
 * Removes the temporary copies of backups (PATH.bak-vN.tmpPID, and their
 * -journal) whose process is gone: an upgrade killed while copying leaves one.
 * A copy of a process still running is its own, and stays.
 */
static void
clean_backup_temps(const char *path)
{
	const char *slash = strrchr(path, '/');
	char *dir = store_file_dir(path);
	char *prefix = xasprintf("%s" STORE_BACKUP_SUFFIX,
				 slash == NULL ? path : slash + 1);
	size_t plen = strlen(prefix);
	struct dirent *e;
	const char *p;
	char *end;
	long pid;
	DIR *d;
	int fd;

	if ((d = opendir(dir)) == NULL)
		goto out;
	fd = dirfd(d);
	while ((e = readdir(d)) != NULL) {
		if (strncmp(e->d_name, prefix, plen) != 0)
			continue;
		p = e->d_name + plen;
		while (*p >= '0' && *p <= '9')
			p++;
		if (p == e->d_name + plen || strncmp(p, ".tmp", 4) != 0)
			continue;
		p += 4;
		errno = 0;
		pid = strtol(p, &end, 10);
		/* The copy, or the journal SQLite keeps beside it. */
		if (end == p ||
		    (*end != '\0' && strcmp(end, "-journal") != 0) ||
		    errno != 0 || pid <= 0 || pid == (long)getpid())
			continue;
		if (kill((pid_t)pid, 0) != 0 && errno == ESRCH)
			unlinkat(fd, e->d_name, 0);
	}
	closedir(d);
out:
	free(prefix);
	free(dir);
}

int
store_migrate(struct store *s, char **cause)
{
	int rc, version = 0, code;

	rc = store_sql_int(s->db, "PRAGMA user_version", &version);
	if (rc != SQLITE_OK)
		return store_sqlerr(s, rc, "reading the log", cause);
	if ((code = store_check_version(s->path, version, cause)) != 0)
		return code;
	if (version == STORE_VERSION)
		return 0;
	clean_backup_temps(s->path);
	if (version >= 1 && (code = backup(s, version, cause)) != 0)
		return code;
	while (version < STORE_VERSION) {
		if ((code = migrate_step(s, cause)) != 0)
			return code;
		rc = store_sql_int(s->db, "PRAGMA user_version", &version);
		if (rc != SQLITE_OK)
			return store_sqlerr(s, rc, "reading the log", cause);
	}
	return 0;
}
