/*
 * expect.h: assertions on a call that returns 0 or a sysexits code with an
 * allocated cause (the store and program idiom). Both take &cause, so that
 * it is read only after the call has set it, and free it. Include after
 * <cmocka.h>.
 */
#ifndef BACKPAIN_TEST_EXPECT_H
#define BACKPAIN_TEST_EXPECT_H

#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

/* Fails the test unless rc is 0. */
static inline void
expect_ok(int rc, char **causep)
{
	char *cause = *causep;

	*causep = NULL;
	if (rc != 0)
		fail_msg("gave %d: %s", rc, cause ? cause : "(no cause)");
	free(cause);
}

/* Fails the test unless rc is EX_DATAERR with words in the cause. */
static inline void
expect_refused(int rc, char **causep, const char *words)
{
	char *cause = *causep;

	*causep = NULL;
	if (rc != EX_DATAERR)
		fail_msg("gave %d, want EX_DATAERR: %s", rc,
			 cause ? cause : "(no cause)");
	assert_non_null(cause);
	if (strstr(cause, words) == NULL)
		fail_msg("cause '%s' lacks '%s'", cause, words);
	free(cause);
}

#endif
