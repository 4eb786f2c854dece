/*
 * Unit tests of the store's exports: the history as JSON, and the whole log
 * as JSON and as CSV. The JSON is parsed back with SQLite's own JSON
 * functions; the CSV is compared with what RFC 4180 quoting must give.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <sysexits.h>

#include "store_fixture.h"
/* The store's private header, for its connection's JSON functions. */
#include "../../src/store/store_int.h"

#define LEN(a) (sizeof(a) / sizeof((a)[0]))

static struct store *
opened(void **state)
{
	struct fixture *fx = *state;

	return fx_open(fx->path);
}

/* What an export or the history writes, as a string (allocated). */
static char *
captured(struct store *s, enum store_format format, int history)
{
	char *text = NULL, *cause = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&text, &len);
	int rc;

	rc = history ? store_history_json(s, NULL, NULL, f, &cause)
		     : store_export(s, format, f, &cause);
	fclose(f);
	if (rc != 0)
		fail_msg("export: %d: %s", rc, cause);
	return text;
}

/* json_extract(doc, path) as text, by SQLite. */
static char *
json_at(struct store *s, const char *doc, const char *path)
{
	sqlite3_stmt *st;
	char *v = NULL;

	assert_int_equal(sqlite3_prepare_v2(s->db,
					    "SELECT CASE json_type(?1, ?2) WHEN"
					    " 'null' THEN 'null' ELSE"
					    " json_extract(?1, ?2) END",
					    -1, &st, NULL),
			 SQLITE_OK);
	sqlite3_bind_text(st, 1, doc, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, path, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW &&
	    sqlite3_column_type(st, 0) != SQLITE_NULL)
		v = xstrdup((const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	return v;
}

/* The int that sql makes of doc (bound to ?1), by SQLite. */
static int
json_int(struct store *s, const char *sql, const char *doc)
{
	sqlite3_stmt *st;
	int v = -1;

	assert_int_equal(sqlite3_prepare_v2(s->db, sql, -1, &st, NULL),
			 SQLITE_OK);
	sqlite3_bind_text(st, 1, doc, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return v;
}

static void
expect_json(struct store *s, const char *doc, const char *path,
	    const char *want)
{
	char *got = json_at(s, doc, path);

	if (got == NULL || strcmp(got, want) != 0)
		fail_msg("%s is '%s', want '%s'", path, got ? got : "(none)",
			 want);
	free(got);
}

static void
fill(struct store *s)
{
	char note[] = "a, \"quoted\"\nsecond line ☃", p[] = "walk",
	     a[] = "movement", q[] = "where", v[] = "low, \"back\"";
	struct checkin c = fx_checkin("2026-11-21", 3);
	struct store_answer ans[] = {{"", q, v, ""}};
	struct store_session done[] = {{0, p, a, "", 0, 0, 0, NULL, "", 0}};
	char *cause = NULL;

	c.note = note;
	c.interference = 2;
	assert_int_equal(
	    store_checkin_put(s, &c, ans, 1, done, 1, NULL, NULL, &cause), 0);
	c = fx_checkin("2026-11-20", 5);
	fx_put(s, &c);
	assert_int_equal(store_trial_start(s, a, "2026-11-01", &cause), 0);
	assert_int_equal(store_screening_add(s, "fever", 0, 2, &cause), 0);
	assert_int_equal(store_profile_set(s, "usual_pain", "6", &cause), 0);
	fx_lesson(s, "hurt", "start:movement", "2026-11-21", "");
}

static void
test_export_json(void **state)
{
	struct store *s = opened(state);
	char *doc;

	doc = captured(s, STORE_FORMAT_JSON, 0);
	assert_int_equal(json_int(s, "SELECT json_valid(?1)", doc), 1);
	expect_json(s, doc, "$.checkin", "[]");
	expect_json(s, doc, "$.profile", "[]");
	expect_json(s, doc, "$.format", "3");
	free(doc);
	fill(s);
	doc = captured(s, STORE_FORMAT_JSON, 0);
	assert_int_equal(json_int(s, "SELECT json_valid(?1)", doc), 1);
	assert_int_equal(doc[strlen(doc) - 1], '\n');
	expect_json(s, doc, "$.format", "3");
	expect_json(s, doc, "$.checkin[0].day", "2026-11-20");
	expect_json(s, doc, "$.checkin[0].note", "null");
	expect_json(s, doc, "$.checkin[0].interference", "null");
	expect_json(s, doc, "$.checkin[1].note",
		    "a, \"quoted\"\nsecond line ☃");
	expect_json(s, doc, "$.checkin[1].interference", "2");
	expect_json(s, doc, "$.answer[0].value", "low, \"back\"");
	expect_json(s, doc, "$.trial[0].ended_on", "null");
	expect_json(s, doc, "$.trial[0].outcome", "null");
	expect_json(s, doc, "$.session[0].practice", "walk");
	expect_json(s, doc, "$.session[0].minutes", "null");
	expect_json(s, doc, "$.screening[0].answer", "0");
	expect_json(s, doc, "$.screening[0].checked_on", "null");
	expect_json(s, doc, "$.lesson[0].lesson_id", "hurt");
	expect_json(s, doc, "$.lesson[0].moment", "start:movement");
	expect_json(s, doc, "$.lesson[0].read_on", "2026-11-21");
	expect_json(s, doc, "$.lesson[0].dismissed_on", "null");
	expect_json(s, doc, "$.profile[0].key", "usual_pain");
	expect_json(s, doc, "$.profile[0].value", "6");
	/* Every row's uid, kept by an import; a check-in's revision. */
	assert_int_equal(json_int(s,
				  "SELECT count(*) FROM json_tree(?1)"
				  " WHERE key = 'uid' AND length(value) = 32"
				  " AND value NOT GLOB '*[^0-9a-f]*'",
				  doc),
			 8);
	expect_json(s, doc, "$.checkin[1].revision", "1");
	expect_json(s, doc, "$.screening[0].revision", "2");
	free(doc);
	store_close(s);
}

static void
test_export_csv(void **state)
{
	struct store *s = opened(state);
	char *doc, *p;
	static const char *const sections[] = {
	    "# table checkin\nday,pain,interference,note,recorded_at,"
	    "updated_at,uid,revision,pain_set_at\n2026-11-20,5,,,",
	    "\n2026-11-21,3,2,\"a, \"\"quoted\"\"\nsecond line ☃\",",
	    "# table answer\nday,question_id,value,uid\n"
	    "2026-11-21,where,\"low, \"\"back\"\"\",",
	    "# table trial\nid,approach,started_on,ended_on,outcome,"
	    "impression,uid\n1,movement,2026-11-01,,,,",
	    "# table session\nid,practice,approach,day,minutes,pain_before,"
	    "pain_after,recorded_at,uid,seconds\n1,walk,movement,2026-11-21,,,"
	    ",",
	    "# table screening\nid,flag_id,answer,asked_at,checked_on,uid,"
	    "revision\n1,fever,0,",
	    "# table profile\nkey,value,uid\nusual_pain,6,",
	    "# table lesson\nid,lesson_id,moment,read_on,dismissed_on,"
	    "recorded_at,uid\n1,hurt,start:movement,2026-11-21,,",
	};
	size_t i;

	fill(s);
	doc = captured(s, STORE_FORMAT_CSV, 0);
	p = doc;
	for (i = 0; i < LEN(sections); i++) {
		p = strstr(p, sections[i]);
		if (p == NULL)
			fail_msg("no '%s' in order in:\n%s", sections[i], doc);
	}
	free(doc);
	store_close(s);
}

static void
test_history_json(void **state)
{
	struct store *s = opened(state);
	char *doc, *cause = NULL, *text = NULL;
	size_t len = 0;
	FILE *f;

	doc = captured(s, STORE_FORMAT_JSON, 1);
	assert_string_equal(doc, "[]\n");
	free(doc);
	fill(s);
	doc = captured(s, STORE_FORMAT_JSON, 1);
	expect_json(s, doc, "$[0].day", "2026-11-20");
	expect_json(s, doc, "$[0].pain", "5");
	expect_json(s, doc, "$[0].note", "null");
	expect_json(s, doc, "$[1].note", "a, \"quoted\"\nsecond line ☃");
	expect_json(s, doc, "$[1].interference", "2");
	assert_int_equal(json_int(s, "SELECT json_valid(?1)", doc), 1);
	assert_int_equal(json_int(s, "SELECT json_array_length(?1)", doc), 2);
	free(doc);
	f = open_memstream(&text, &len);
	assert_int_equal(
	    store_history_json(s, "2026-11-21", "2026-11-30", f, &cause), 0);
	fclose(f);
	expect_json(s, text, "$[0].day", "2026-11-21");
	assert_null(json_at(s, text, "$[1]"));
	free(text);
	store_close(s);
}

#define T(f) cmocka_unit_test_setup_teardown(f, fx_setup, fx_teardown)

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    T(test_export_json),
	    T(test_export_csv),
	    T(test_history_json),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
