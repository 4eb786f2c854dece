/* store_row.c: the one reader of a table's rows (store_int.h). The column
 * table (store_columns.c) says what to select, in which order, how each
 * value is checked and where in the table's row struct it goes, so that a
 * new column is read, checked and freed by its entry alone. */
#include <stdlib.h>
#include <string.h>

#include "store_int.h"
#include "util.h"

#define ROWS_FIRST 16 /* rows allocated at first, doubled as needed */

size_t
store_column_size(enum store_type type)
{
	switch (type) {
	case STORE_TYPE_ROWID:
	case STORE_TYPE_REF:
		return sizeof(long long);
	case STORE_TYPE_UID:
		return ENTRY_UID_LEN;
	case STORE_TYPE_DAY:
		return DAY_LEN;
	case STORE_TYPE_INT:
	case STORE_TYPE_WORD:
		return sizeof(int);
	case STORE_TYPE_TEXT:
	case STORE_TYPE_ID:
	case STORE_TYPE_TIME:
		return sizeof(char *);
	}
	return 0;
}

/* 1 + the place of p in words, 0 for NULL (or a word store_row_check()
 * would have refused). */
static int
word_of(const char *const *words, const unsigned char *p)
{
	int k;

	for (k = 0; p != NULL && words[k] != NULL; k++)
		if (strcmp((const char *)p, words[k]) == 0)
			return k + 1;
	return 0;
}

/* The row st is on, checked, into row (zeroed). Values go in by memcpy:
 * row is the table's struct seen as bytes. */
static void
fill(sqlite3_stmt *st, enum store_table_id t, char *row)
{
	const struct store_table *tb = &store_tables[t];
	long long id;
	char *text;
	size_t c;
	int i, v;

	for (c = 0; c < tb->ncolumns; c++) {
		const struct store_column *col = &tb->columns[c];
		char *at = row + col->at;

		if (col->at == STORE_NOWHERE)
			continue;
		i = (int)c;
		switch (col->type) {
		case STORE_TYPE_ROWID:
		case STORE_TYPE_REF:
			id = sqlite3_column_int64(st, i); /* 0 for NULL */
			memcpy(at, &id, sizeof id);
			break;
		case STORE_TYPE_UID:
			store_col_uid(st, i, at);
			break;
		case STORE_TYPE_DAY:
			store_col_day(st, i, at);
			break;
		case STORE_TYPE_INT:
			v = store_col_int(st, i);
			memcpy(at, &v, sizeof v);
			break;
		case STORE_TYPE_WORD:
			v = word_of(col->words, sqlite3_column_text(st, i));
			memcpy(at, &v, sizeof v);
			break;
		case STORE_TYPE_TEXT:
		case STORE_TYPE_ID:
		case STORE_TYPE_TIME:
			text = store_col_text(st, i);
			memcpy(at, &text, sizeof text);
			break;
		}
	}
}

void
store_row_clear(enum store_table_id t, void *row)
{
	const struct store_table *tb = &store_tables[t];
	char *text = NULL;
	size_t c;

	for (c = 0; c < tb->ncolumns; c++) {
		const struct store_column *col = &tb->columns[c];
		char *at = (char *)row + col->at;

		if (col->at == STORE_NOWHERE || (col->type != STORE_TYPE_TEXT &&
						 col->type != STORE_TYPE_ID &&
						 col->type != STORE_TYPE_TIME))
			continue;
		memcpy(&text, at, sizeof text);
		free(text);
		text = NULL;
		memcpy(at, &text, sizeof text);
	}
}

void
store_rows_free(enum store_table_id t, void *rows, size_t n, size_t size)
{
	size_t i;

	for (i = 0; i < n; i++)
		store_row_clear(t, (char *)rows + i * size);
	free(rows);
}

/* store_rows() with its arguments in ap, reading max rows at most. */
static int
read_rows(struct store *s, enum store_table_id t, const char *from,
	  const char *tail, size_t size, size_t max, void **out, size_t *n,
	  char **cause, const char *types, va_list ap)
{
	sqlite3_stmt *st;
	char *rows = NULL, *sql;
	size_t count = 0, cap = 0;
	int rc, code;

	*out = NULL;
	*n = 0;
	sql = xasprintf("SELECT %s FROM %s %s", store_columns_sql(t, 0),
			from != NULL ? from : store_tables[t].name, tail);
	code = store_prepare(s, sql, &st, cause);
	free(sql);
	if (code != 0)
		return code;
	rc = store_vbind(st, types, ap);
	while (rc == SQLITE_OK && count < max &&
	       (rc = sqlite3_step(st)) == SQLITE_ROW) {
		/* The schema's checks hold these; a file changed behind the
		 * program's back is damaged. */
		if ((code = store_row_check(s, st, t, cause)) != 0)
			break;
		if (count == cap) {
			cap = cap ? cap * 2
				  : (max < ROWS_FIRST ? max : ROWS_FIRST);
			rows = xreallocarray(rows, cap, size);
		}
		memset(rows + count * size, 0, size);
		fill(st, t, rows + count * size);
		count++;
		rc = SQLITE_OK;
	}
	sqlite3_finalize(st);
	if (code == 0 && rc != SQLITE_OK && rc != SQLITE_DONE)
		code = store_sqlerr(s, rc, "reading the log", cause);
	if (code != 0) {
		store_rows_free(t, rows, count, size);
		return code;
	}
	*out = rows;
	*n = count;
	return 0;
}

int
store_rows(struct store *s, enum store_table_id t, const char *from,
	   const char *tail, size_t size, void **out, size_t *n, char **cause,
	   const char *types, ...)
{
	va_list ap;
	int code;

	va_start(ap, types);
	code = read_rows(s, t, from, tail, size, (size_t)-1, out, n, cause,
			 types, ap);
	va_end(ap);
	return code;
}

int
store_row(struct store *s, enum store_table_id t, const char *tail, void *out,
	  size_t size, int *found, char **cause, const char *types, ...)
{
	va_list ap;
	void *rows;
	size_t n;
	int code;

	*found = 0;
	va_start(ap, types);
	code =
	    read_rows(s, t, NULL, tail, size, 1, &rows, &n, cause, types, ap);
	va_end(ap);
	if (code == 0 && n == 1) {
		memcpy(out, rows, size);
		*found = 1;
	}
	free(rows); /* what the row owns is out's now */
	return code;
}
