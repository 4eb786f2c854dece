/* store_import_pause.c: the pause weeks of a dump written into the log, as
 * store_import() does the other tables (store.h): kept apart so that the
 * import of the older tables stays as it is. A pause belongs to its trial,
 * whose place in the log store_import() found first (trial_ids). */
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "store_int.h"
#include "util.h"

static int
refused(struct store_import_result *res, size_t row, char **cause, char *why)
{
	res->table = "trial_pause";
	res->row = row;
	*cause = why;
	return EX_DATAERR;
}

/* The log's pause of trial: *id 0 when none, *same whether its days are
 * those of p. */
static int
log_pause(struct store *s, long long trial, const struct store_pause *p,
	  long long *id, int *same, char **cause)
{
	sqlite3_stmt *st;
	int rc, code;

	*id = 0;
	*same = 0;
	if ((code = store_prepare(s,
				  "SELECT id, paused_on = ?2 AND resumed_on IS "
				  "?3 FROM trial_pause WHERE trial_id = ?1",
				  &st, cause)) != 0)
		return code;
	rc = store_bind(st, "ltt", trial, p->paused_on,
			p->resumed_on[0] != '\0' ? p->resumed_on : NULL);
	if (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		*id = sqlite3_column_int64(st, 0);
		*same = sqlite3_column_int(st, 1);
		rc = SQLITE_OK;
	} else if (rc == SQLITE_DONE) {
		rc = SQLITE_OK;
	}
	sqlite3_finalize(st);
	return rc == SQLITE_OK ? 0 : store_sqlerr(s, rc, "reading", cause);
}

int
store_import_pauses(struct store *s, const struct store_dump *d, int empty,
		    int replace, const long long *trial_ids,
		    struct store_import_result *res, char **cause)
{
	sqlite3_stmt *st;
	const struct store_pause *p;
	const char *resumed;
	long long id, trial;
	size_t i, k;
	int code, rc, same;

	for (i = 0; i < d->npauses; i++) {
		p = &d->pauses[i];
		resumed = p->resumed_on[0] != '\0' ? p->resumed_on : NULL;
		trial = 0;
		for (k = 0; k < d->ntrials; k++)
			if (d->trials[k].id == p->trial_id)
				trial = trial_ids[k];
		if (trial == 0)
			return refused(res, i, cause,
				       xasprintf("trial_id %lld: no such trial "
						 "among those imported",
						 p->trial_id));
		if ((code = log_pause(s, trial, p, &id, &same, cause)) != 0)
			return code;
		if (id != 0 && same) {
			res->pause.same++;
			continue;
		}
		if (id != 0 && !replace)
			return refused(
			    res, i, cause,
			    xasprintf("the log already has a pause of this "
				      "trial, on other days (--replace puts "
				      "the file's in its place)"));
		if (id != 0)
			code = store_prepare(s,
					     "UPDATE trial_pause SET paused_on "
					     "= ?2, resumed_on = ?3, "
					     "recorded_at = ?4 WHERE id = ?1",
					     &st, cause);
		else
			code = store_prepare(s,
					     "INSERT INTO trial_pause (id, "
					     "trial_id, paused_on, resumed_on, "
					     "recorded_at) VALUES (?1, ?5, ?2, "
					     "?3, ?4)",
					     &st, cause);
		if (code != 0)
			return code;
		rc = store_bind(st, id != 0 ? "kttt" : "ktttl",
				id != 0 ? id
				: empty ? p->id
					: 0,
				p->paused_on, resumed, p->recorded_at, trial);
		if (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_DONE)
			rc = SQLITE_OK;
		sqlite3_finalize(st);
		if (rc != SQLITE_OK)
			return store_sqlerr(s, rc, "importing a pause", cause);
		if (id != 0)
			res->pause.replaced++;
		else
			res->pause.added++;
	}
	return 0;
}
