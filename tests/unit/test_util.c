/*
 * Unit tests of util_pain_mark(), the one mark of a pain rating that
 * status, the TUI's strip and the text report share: the heights the
 * report's legend names, and an ASCII mark of the same level for each.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <string.h>

#include "util.h"

static void
test_pain_mark_utf8(void **state)
{
	/* The report's legend: ▁ 0, ▂ 1-2, ▃ 3, ▄ 4, ▅ 5, ▆ 6, ▇ 7-8, █ 9-10.
	 */
	static const char *const want[11] = {
	    "\u2581", "\u2582", "\u2582", "\u2583", "\u2584", "\u2585",
	    "\u2586", "\u2587", "\u2587", "\u2588", "\u2588"};
	int p;

	(void)state;
	for (p = 0; p <= 10; p++)
		assert_string_equal(util_pain_mark(p, 1), want[p]);
	assert_string_equal(util_pain_mark(-1, 1), "?");
	assert_string_equal(util_pain_mark(11, 1), "?");
}

static void
test_pain_mark_ascii_same_levels(void **state)
{
	int p, q;

	(void)state;
	for (p = 0; p <= 10; p++) {
		const char *a = util_pain_mark(p, 0);

		assert_int_equal(strlen(a), 1);
		assert_true((unsigned char)a[0] < 0x80);
		/* Two ratings share an ASCII mark exactly when they share
		 * a block. */
		for (q = 0; q <= 10; q++)
			assert_int_equal(strcmp(a, util_pain_mark(q, 0)) == 0,
					 strcmp(util_pain_mark(p, 1),
						util_pain_mark(q, 1)) == 0);
	}
	assert_string_equal(util_pain_level_mark(0, 1), util_pain_mark(0, 1));
	assert_string_equal(util_pain_level_mark(7, 0), util_pain_mark(10, 0));
	assert_string_equal(util_pain_level_mark(8, 1), "?");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_pain_mark_utf8),
	    cmocka_unit_test(test_pain_mark_ascii_same_levels),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
