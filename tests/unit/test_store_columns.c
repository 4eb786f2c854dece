/*
 * Unit tests of the column table (store_columns.c) against what it
 * describes: the tables the schema's steps make, the row structs of
 * store.h, and the readers that fill them (store_row.c). Each is driven by
 * the table itself, so that a column added to it is tested without a word
 * more here, and one the schema, a struct or a reader lacks fails.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "store_fixture.h"
/* The store's private header: the connection, and the reader itself. */
#include "../../src/store/store_int.h"

#define ROWS 2	    /* rows written to each table */
#define TEXT_MAX 48 /* the longest value written here, and its NUL */

/* Each table's public reader of every row, and the size of its row
 * struct; the profile has none but the value's, so its rows are read by
 * the reader every public one stands on. */
#define READER(name, type, call)                                               \
	static int name(struct store *s, void **rows, size_t *n, char **cause) \
	{                                                                      \
		type *r = NULL;                                                \
		int code = call;                                               \
                                                                               \
		*rows = r;                                                     \
		return code;                                                   \
	}
READER(read_checkins, struct checkin,
       store_checkin_range(s, NULL, NULL, &r, n, cause))
READER(read_answers, struct store_answer,
       store_answer_range(s, NULL, NULL, &r, n, cause))
READER(read_trials, struct store_trial, store_trial_list(s, &r, n, cause))
READER(read_sessions, struct store_session,
       store_session_range(s, NULL, NULL, &r, n, cause))
READER(read_screenings, struct screening, store_screening_all(s, &r, n, cause))
READER(read_habits, struct store_habit, store_habit_list(s, &r, n, cause))
READER(read_flares, struct store_flare, store_flare_list(s, &r, n, cause))
READER(read_lessons, struct store_lesson, store_lesson_list(s, &r, n, cause))
READER(read_pauses, struct store_pause, store_pause_list(s, &r, n, cause))

static int
read_profile(struct store *s, void **rows, size_t *n, char **cause)
{
	return store_rows(s, STORE_TABLE_PROFILE, NULL, "ORDER BY key",
			  sizeof(struct store_profile_row), rows, n, cause, "");
}

static const struct {
	size_t size;
	int (*read)(struct store *, void **rows, size_t *n, char **cause);
} readers[STORE_TABLES] = {
    [STORE_TABLE_CHECKIN] = {sizeof(struct checkin), read_checkins},
    [STORE_TABLE_ANSWER] = {sizeof(struct store_answer), read_answers},
    [STORE_TABLE_TRIAL] = {sizeof(struct store_trial), read_trials},
    [STORE_TABLE_SESSION] = {sizeof(struct store_session), read_sessions},
    [STORE_TABLE_SCREENING] = {sizeof(struct screening), read_screenings},
    [STORE_TABLE_PROFILE] = {sizeof(struct store_profile_row), read_profile},
    [STORE_TABLE_HABIT] = {sizeof(struct store_habit), read_habits},
    [STORE_TABLE_FLARE] = {sizeof(struct store_flare), read_flares},
    [STORE_TABLE_LESSON] = {sizeof(struct store_lesson), read_lessons},
    [STORE_TABLE_PAUSE] = {sizeof(struct store_pause), read_pauses},
};

/* Pairs of columns of which a row holds one (the rest of the table's rules
 * hold for the values below): row 0 leaves b NULL, row 1 a. */
static const struct {
	enum store_table_id t;
	int a, b;
} one_of[] = {
    {STORE_TABLE_LESSON, STORE_LESSON_READ_ON, STORE_LESSON_DISMISSED_ON},
};

/* The value row r gets in column c: every column another, and each later
 * day later than the ones before it (the rules between days hold). */
struct value {
	int null;
	long long i;	     /* ROWID, REF, INT; WORD: the enum it reads as */
	char text[TEXT_MAX]; /* DAY, UID, TEXT, ID, TIME; WORD: the word */
};

static void
value_of(enum store_table_id t, size_t c, size_t r, struct value *v)
{
	const struct store_column *col = &store_tables[t].columns[c];
	size_t k, words = 0;

	memset(v, 0, sizeof *v);
	for (k = 0; k < sizeof one_of / sizeof one_of[0]; k++)
		if (one_of[k].t == t &&
		    (int)c == (r == 0 ? one_of[k].b : one_of[k].a))
			v->null = 1;
	switch (col->type) {
	case STORE_TYPE_ROWID:
	case STORE_TYPE_REF:
		v->i = 100 + (long long)(c + 1000 * r);
		break;
	case STORE_TYPE_INT:
		/* By column alone: a yes (the hi of answer) may be checked. */
		v->i = col->hi -
		       (long long)(c % ((size_t)col->hi - (size_t)col->lo + 1));
		break;
	case STORE_TYPE_WORD:
		while (col->words[words] != NULL)
			words++;
		k = (c + r) % words;
		snprintf(v->text, sizeof v->text, "%s", col->words[k]);
		v->i = (long long)k + 1;
		break;
	case STORE_TYPE_DAY:
		snprintf(v->text, sizeof v->text, "2026-%02zu-%02zu", 10 + r,
			 10 + c);
		break;
	case STORE_TYPE_TIME:
		snprintf(v->text, sizeof v->text,
			 "2026-%02zu-%02zuT10:%02zu:00+00:00", 10 + r, 10 + c,
			 c);
		break;
	case STORE_TYPE_UID:
		snprintf(v->text, sizeof v->text, "%016zx%016zx", r + 1, c + 1);
		break;
	case STORE_TYPE_TEXT:
	case STORE_TYPE_ID:
		snprintf(v->text, sizeof v->text, "%s-%zu", col->name, r);
		break;
	}
}

static int
is_text(enum store_type type)
{
	return type != STORE_TYPE_ROWID && type != STORE_TYPE_REF &&
	       type != STORE_TYPE_INT;
}

/* Writes row r of table t, every column named, with the rows it refers to
 * (a trial for a REF, a check-in for an answer's day). */
static void
insert_row(sqlite3 *db, enum store_table_id t, size_t r)
{
	const struct store_table *tb = &store_tables[t];
	struct value v;
	sqlite3_stmt *st;
	struct buf b;
	char *sql;
	size_t c;

	for (c = 0; c < tb->ncolumns; c++) {
		value_of(t, c, r, &v);
		if (tb->columns[c].type == STORE_TYPE_REF) {
			sql = xasprintf("INSERT INTO trial (id, approach,"
					" started_on) VALUES (%lld, 'ref-%lld',"
					" '2026-01-01')",
					v.i, v.i);
			fx_exec(db, sql);
			free(sql);
		}
		if (t == STORE_TABLE_ANSWER && c == STORE_ANSWER_DAY) {
			sql = xasprintf("INSERT INTO checkin (day, pain,"
					" recorded_at, updated_at) VALUES"
					" ('%s', 1, '%sT10:00:00Z',"
					" '%sT10:00:00Z')",
					v.text, v.text, v.text);
			fx_exec(db, sql);
			free(sql);
		}
	}
	buf_init(&b);
	buf_printf(&b, "INSERT INTO %s (%s) VALUES (?", tb->name,
		   store_columns_sql(t, 0));
	for (c = 1; c < tb->ncolumns; c++)
		buf_adds(&b, ", ?");
	buf_addc(&b, ')');
	sql = buf_take(&b);
	assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &st, NULL), SQLITE_OK);
	for (c = 0; c < tb->ncolumns; c++) {
		value_of(t, c, r, &v);
		if (v.null)
			continue;
		if (is_text(tb->columns[c].type))
			sqlite3_bind_text(st, (int)c + 1, v.text, -1,
					  SQLITE_TRANSIENT);
		else
			sqlite3_bind_int64(st, (int)c + 1, v.i);
	}
	if (sqlite3_step(st) != SQLITE_DONE)
		fail_msg("%s row %zu: %s", tb->name, r, sqlite3_errmsg(db));
	sqlite3_finalize(st);
	free(sql);
}

/* Field c of the row struct at row holds v, as its type reads. */
static void
expect_field(enum store_table_id t, size_t c, const char *row,
	     const struct value *v)
{
	const struct store_column *col = &store_tables[t].columns[c];
	const char *at = row + col->at, *text = NULL;
	long long id;
	int i;

	switch (col->type) {
	case STORE_TYPE_ROWID:
	case STORE_TYPE_REF:
		memcpy(&id, at, sizeof id);
		if (id != (v->null ? 0 : v->i))
			fail_msg("%s.%s: %lld, not %lld", store_tables[t].name,
				 col->name, id, v->i);
		return;
	case STORE_TYPE_INT:
	case STORE_TYPE_WORD:
		memcpy(&i, at, sizeof i);
		if (i != (v->null
			      ? (col->type == STORE_TYPE_INT ? ENTRY_NONE : 0)
			      : (int)v->i))
			fail_msg("%s.%s: %d, not %lld", store_tables[t].name,
				 col->name, i, v->i);
		return;
	case STORE_TYPE_DAY:
	case STORE_TYPE_UID:
		text = at;
		break;
	case STORE_TYPE_TEXT:
	case STORE_TYPE_ID:
	case STORE_TYPE_TIME:
		memcpy(&text, at, sizeof text);
		if (v->null ? text != NULL : text == NULL)
			fail_msg("%s.%s: %s", store_tables[t].name, col->name,
				 v->null ? "not NULL" : "NULL");
		if (text == NULL)
			return;
		break;
	}
	if (strcmp(text, v->null ? "" : v->text) != 0)
		fail_msg("%s.%s: '%s', not '%s'", store_tables[t].name,
			 col->name, text, v->text);
}

/* Every table: rows with every column set (but the pairs of one_of), each
 * to a value of its own, read back through the table's reader hold every
 * value in its field. A column the reader left out, or put in another's
 * field, fails here. */
static void
test_readers_read_every_column(void **state)
{
	struct fixture *fx = *state;
	struct store *s;
	struct value v;
	char *path, *cause = NULL;
	void *rows;
	size_t t, c, r, n;

	for (t = 0; t < STORE_TABLES; t++) {
		const struct store_table *tb = &store_tables[t];

		if (readers[t].read == NULL)
			fail_msg("table %s has no reader here", tb->name);
		path = xasprintf("%s/%s.db", fx->dir, tb->name);
		s = fx_open(path);
		for (r = 0; r < ROWS; r++)
			insert_row(s->db, t, r);
		if (readers[t].read(s, &rows, &n, &cause) != 0)
			fail_msg("reading %s: %s", tb->name, cause);
		assert_int_equal(n, ROWS);
		for (r = 0; r < ROWS; r++)
			for (c = 0; c < tb->ncolumns; c++) {
				value_of(t, c, r, &v);
				if (tb->columns[c].at != STORE_NOWHERE)
					expect_field(t, c,
						     (char *)rows +
							 r * readers[t].size,
						     &v);
			}
		store_rows_free(t, rows, n, readers[t].size);
		store_close(s);
		free(path);
	}
}

/* The profile's public reader hands out the value the row holds. */
static void
test_profile_reader(void **state)
{
	struct fixture *fx = *state;
	struct store *s = fx_open(fx->path);
	struct value v;
	char *value = NULL, *cause = NULL;

	insert_row(s->db, STORE_TABLE_PROFILE, 0);
	value_of(STORE_TABLE_PROFILE, STORE_PROFILE_KEY, 0, &v);
	assert_int_equal(store_profile_get(s, v.text, &value, &cause), 0);
	value_of(STORE_TABLE_PROFILE, STORE_PROFILE_VALUE, 0, &v);
	assert_string_equal(value, v.text);
	free(value);
	store_close(s);
}

/* A field's alignment: its size (a long long, an int, a pointer), but 1
 * for the char array of a day or a uid. */
static size_t
align_of(enum store_type type)
{
	return type == STORE_TYPE_DAY || type == STORE_TYPE_UID
		   ? 1
		   : store_column_size(type);
}

/* Each column's place is a field of the C type its type reads as, and
 * every byte of a table's row struct is a column's but for padding: a
 * field added without its column, a column without its place (STORE_NOWHERE
 * says so on purpose), or two columns in one field fail here. */
static void
test_places_fill_the_structs(void **state)
{
	size_t t, c, k, n, end, most, order[STORE_COLUMNS_MAX];

	(void)state;
	for (t = 0; t < STORE_TABLES; t++) {
		const struct store_table *tb = &store_tables[t];

		for (c = n = 0; c < tb->ncolumns; c++) {
			const struct store_column *col = &tb->columns[c];

			if (col->at == STORE_NOWHERE) {
				assert_int_equal(col->size, 0);
				continue;
			}
			if (col->size != store_column_size(col->type))
				fail_msg("%s.%s: a field of %zu bytes, not %zu",
					 tb->name, col->name, col->size,
					 store_column_size(col->type));
			for (k = n++;
			     k > 0 && tb->columns[order[k - 1]].at > col->at;
			     k--)
				order[k] = order[k - 1];
			order[k] = c;
		}
		for (k = end = 0, most = 1; k < n; k++) {
			const struct store_column *col = &tb->columns[order[k]];

			if (col->at < end)
				fail_msg(
				    "%s.%s: at %zu, inside the field before",
				    tb->name, col->name, col->at);
			if (col->at - end >= align_of(col->type))
				fail_msg(
				    "%s.%s: at %zu, after bytes %zu..%zu no "
				    "column fills",
				    tb->name, col->name, col->at, end,
				    col->at - 1);
			end = col->at + col->size;
			if (align_of(col->type) > most)
				most = align_of(col->type);
		}
		if (readers[t].size < end || readers[t].size - end >= most)
			fail_msg("%s: its struct's %zu bytes end %zu after the "
				 "last column's",
				 tb->name, readers[t].size,
				 readers[t].size - end);
	}
}

/* The column table describes the tables the schema's steps make: the same
 * columns in the same order, of the declared type and NOT NULL their types
 * and nullable say, keyed by the columns that name a row; each uid unique
 * and given to a row whose writer gives none. (Moved here from
 * test_store.c, which had the names and their order.) */
static void
test_columns_are_the_schema(void **state)
{
	struct fixture *fx = *state;
	struct store *s = fx_open(fx->path);
	sqlite3_stmt *st;
	char *sql;
	size_t t, c;
	int a, b, pk;

	for (t = 0; t < STORE_TABLES; t++) {
		const struct store_table *tb = &store_tables[t];

		store_row_keys(t, &a, &b);
		sql = xasprintf("SELECT name, type, \"notnull\", pk FROM"
				" pragma_table_info('%s') ORDER BY cid",
				tb->name);
		assert_int_equal(sqlite3_prepare_v2(s->db, sql, -1, &st, NULL),
				 SQLITE_OK);
		for (c = 0; sqlite3_step(st) == SQLITE_ROW; c++) {
			const struct store_column *col = &tb->columns[c];

			assert_true(c < tb->ncolumns);
			assert_string_equal(sqlite3_column_text(st, 0),
					    col->name);
			assert_string_equal(sqlite3_column_text(st, 1),
					    is_text(col->type) ? "TEXT"
							       : "INTEGER");
			/* A row id is never NULL, and a uid is the schema's
			 * to give (below). */
			if (col->type != STORE_TYPE_ROWID &&
			    col->type != STORE_TYPE_UID &&
			    sqlite3_column_int(st, 2) != !col->nullable)
				fail_msg("%s.%s: NOT NULL is %d", tb->name,
					 col->name, sqlite3_column_int(st, 2));
			pk = (int)c == a ? 1 : (int)c == b ? 2 : 0;
			if (sqlite3_column_int(st, 3) != pk)
				fail_msg("%s.%s: key %d, not %d", tb->name,
					 col->name, sqlite3_column_int(st, 3),
					 pk);
		}
		assert_int_equal(c, tb->ncolumns);
		sqlite3_finalize(st);
		free(sql);
	}
	/* Another tool's row without a uid gets one, as the program's. */
	fx_exec(s->db, "INSERT INTO profile (key, value) VALUES ('k', 'v')");
	assert_int_equal(fx_int(s->db, "SELECT count(*) FROM profile WHERE"
				       " length(uid) = 32"),
			 1);
	assert_int_not_equal(
	    sqlite3_exec(s->db,
			 "INSERT INTO profile (key, value, uid)"
			 " SELECT 'k2', 'v', uid FROM profile",
			 NULL, NULL, NULL),
	    SQLITE_OK);
	store_close(s);
}

#define T(f) cmocka_unit_test_setup_teardown(f, fx_setup, fx_teardown)

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    T(test_readers_read_every_column),
	    T(test_profile_reader),
	    cmocka_unit_test(test_places_fill_the_structs),
	    T(test_columns_are_the_schema),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
