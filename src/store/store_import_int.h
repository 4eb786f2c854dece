/*
 * store_import_int.h: what the import's two files share and the rest of
 * the store does not see.  store_import.c merges the file's rows by their
 * classes; store_import_match.c holds the statements both run, what the
 * merge knows of each table, and the matching that gives each row of the
 * file its uid and class.  Calls go one way: store_import.c ->
 * store_import_match.c.  The merge's state is store_import()'s, on its
 * stack; messages go to m->cause (allocated, the caller frees).
 */
#ifndef BACKPAIN_STORE_IMPORT_INT_H
#define BACKPAIN_STORE_IMPORT_INT_H

#include <stddef.h>

#include "store_int.h"

/* A row of the file to the log, in imp_T.class (store_import.c's header
 * comment says what each means). */
enum store_import_class {
	STORE_IMPORT_NEW,
	STORE_IMPORT_SAME,
	STORE_IMPORT_NEWER,
	STORE_IMPORT_OLDER,
	STORE_IMPORT_DIFFERENT
};

/* One import's merge. */
struct store_import_merge {
	struct store *s;
	const struct store_dump *d;
	int replace, empty;
	char now[STORE_TIMESTAMP_LEN];
	struct store_import_result *res;
	char **cause;
};

/*
 * What the merge knows of each table beyond the column table: the key an
 * older file's row is matched by (NULL: by its values only); the columns
 * whose values are not compared (the row id, the uid, a check-in's
 * revision; a habit's or a pause week's trial is compared as the log's,
 * store_import_file_col()); when
 * the file's copy (f) of a row is newer than the log's (l), and when it is
 * older; how a row of the log (l) is named, and a row of the file (f) in a
 * refusal.
 */
struct store_import_table {
	const char *key;
	unsigned skip;
	const char *newer, *older;
	const char *log_name, *file_name;
};
extern const struct store_import_table store_import_tm[STORE_TABLES];

/* The statements, each returning 0 or the exit code, m->cause set. */
int store_import_sql_fail(struct store_import_merge *m, int rc);
int store_import_execf(struct store_import_merge *m, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* The rows the last statement changed. */
size_t store_import_changed(const struct store_import_merge *m);
/* The count the query yields, in *out. */
int store_import_countf(struct store_import_merge *m, size_t *out,
			const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* Each row sql yields (a name, made safe to show) into res->changed,
 * followed by how. */
int store_import_namef(struct store_import_merge *m, const char *how,
		       const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* The name of column c of a row of the file as the log would hold it. */
const char *store_import_file_col(enum store_table_id t, size_t c);
/* The first compared column whose value differs, as messages name it
 * (SQL; allocated, the caller frees). */
char *store_import_differs(enum store_table_id t);
/* The uids of t's rows of the file that have none (an older export). */
int store_import_fallback_uids(struct store_import_merge *m,
			       enum store_table_id t);
/* The class of each row of t of the file not yet classed. */
int store_import_classify(struct store_import_merge *m, enum store_table_id t);

#endif
