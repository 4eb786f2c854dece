/*
 * content_test.h: what the pack loader's unit tests share (test_content.c,
 * test_content_limits.c): a small valid pack, BASE, and helpers that load an
 * edited copy of it and compare the error lines exactly. Include after
 * <cmocka.h>; every string a helper returns is the caller's to free.
 */
#ifndef BACKPAIN_CONTENT_TEST_H
#define BACKPAIN_CONTENT_TEST_H

#include <stdlib.h>
#include <string.h>

#include "content.h"
#include "util.h"

#define NAME "t.yaml"

/* A valid pack; the comments on the right are line numbers. */
static const char BASE[] =
    "format: 1\n"						    /* 1 */
    "id: t\n"							    /* 2 */
    "title: T\n"						    /* 3 */
    "language: en\n"						    /* 4 */
    "about: A.\n"						    /* 5 */
    "disclaimer: D.\n"						    /* 6 */
    "onboarding:\n"						    /* 7 */
    "  injury_question: Q?\n"					    /* 8 */
    "  injury_advice: A.\n"					    /* 9 */
    "  usual_pain_question: U?\n"				    /* 10 */
    "pain_scale:\n"						    /* 11 */
    "  question: P?\n"						    /* 12 */
    "  anchors: [{value: 0, label: no}, {value: 10, label: max}]\n" /* 13 */
    "interference_scale:\n"					    /* 14 */
    "  question: I?\n"						    /* 15 */
    "  anchors:\n"						    /* 16 */
    "    - {value: 0, label: none}\n"				    /* 17 */
    "    - {value: 5, label: some}\n"				    /* 18 */
    "    - {value: 10, label: all}\n"				    /* 19 */
    "red_flags:\n"						    /* 20 */
    "  - id: numb\n"						    /* 21 */
    "    question: Numb?\n"					    /* 22 */
    "    urgency: emergency\n"					    /* 23 */
    "    advice: Go.\n"						    /* 24 */
    "approaches:\n"						    /* 25 */
    "  - id: one\n"						    /* 26 */
    "    title: One\n"						    /* 27 */
    "    summary: S.\n"						    /* 28 */
    "    model: M.\n"						    /* 29 */
    "    suits: [all]\n"					    /* 30 */
    "    effort: low\n"						    /* 31 */
    "    trial_days: 28\n"					    /* 32 */
    "    steps: [do]\n"						    /* 33 */
    "    practices:\n"						    /* 34 */
    "      - id: walk\n"					    /* 35 */
    "        title: Walk\n"					    /* 36 */
    "        minutes: 20\n"					    /* 37 */
    "        per_day: 1\n"					    /* 38 */
    "        steps: [walk]\n"					    /* 39 */
    "    questions:\n"						    /* 40 */
    "      - id: where\n"					    /* 41 */
    "        text: Where?\n"					    /* 42 */
    "        choices: [less, same, more]\n"			    /* 43 */
    "        warn_if: more\n"					    /* 44 */
    "        warning: Stop.\n"					    /* 45 */
    "  - id: two\n"						    /* 46 */
    "    title: Two\n"						    /* 47 */
    "    summary: S.\n"						    /* 48 */
    "    model: M.\n"						    /* 49 */
    "    suits: [some]\n"					    /* 50 */
    "    effort: high\n"					    /* 51 */
    "    wildcard: true\n"					    /* 52 */
    "    steps: [move]\n"					    /* 53 */
    "    practices:\n"						    /* 54 */
    "      - {id: bend, title: Bend, minutes: 10, per_day: 2, steps: [b]}\n";

/* text with the first `from` replaced by `to`. Allocated. */
static inline char *
replace(const char *text, const char *from, const char *to)
{
	const char *at = strstr(text, from);
	struct buf b;

	if (at == NULL)
		fail_msg("'%s' is not in the text", from);
	buf_init(&b);
	buf_add(&b, text, (size_t)(at - text));
	buf_adds(&b, to);
	buf_adds(&b, at + strlen(from));
	return buf_take(&b);
}

static inline char *
edit(const char *from, const char *to)
{
	return replace(BASE, from, to);
}

static inline void
dump(const struct content_errors *e)
{
	size_t i;

	for (i = 0; i < e->n; i++)
		print_error("  error: %s\n", e->v[i]);
}

/* Loads text (then frees it), which must be invalid, into e. */
static inline void
load_bad(char *text, struct content_errors *e)
{
	struct pack *p = (struct pack *)1;
	int rc;

	rc = content_load_buffer(NAME, text, strlen(text), &p, e);
	free(text);
	if (rc != CONTENT_INVALID) {
		content_free(p);
		fail_msg("loaded with status %d, expected CONTENT_INVALID", rc);
	}
	assert_null(p);
	assert_true(e->n >= 1);
}

/* The text loads with exactly the one error line want. */
static inline void
only_error(char *text, const char *want)
{
	struct content_errors e;

	load_bad(text, &e);
	if (e.n != 1 || e.dropped != 0 || strcmp(e.v[0], want) != 0) {
		dump(&e);
		content_errors_free(&e);
		fail_msg("expected only: %s", want);
	}
	content_errors_free(&e);
}

/* Among the errors of text is the line want. */
static inline void
has_error(char *text, const char *want)
{
	struct content_errors e;
	size_t i;

	load_bad(text, &e);
	for (i = 0; i < e.n; i++)
		if (strcmp(e.v[i], want) == 0)
			break;
	if (i == e.n) {
		dump(&e);
		content_errors_free(&e);
		fail_msg("expected among the errors: %s", want);
	}
	content_errors_free(&e);
}

static inline struct pack *
load_ok(const char *text)
{
	struct content_errors e;
	struct pack *p = NULL;

	if (content_load_buffer(NAME, text, strlen(text), &p, &e) !=
	    CONTENT_OK) {
		dump(&e);
		content_errors_free(&e);
		fail_msg("the pack did not load");
	}
	assert_int_equal(e.n, 0);
	content_errors_free(&e);
	return p;
}

#endif
