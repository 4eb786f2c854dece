/*
 * expect.h: assertions on a call that returns 0 or a sysexits code with an
 * allocated cause (the store and program idiom). Both take &cause, so that
 * it is read only after the call has set it, and free it. Include after
 * <cmocka.h>.
 */
#ifndef BACKPAIN_TEST_EXPECT_H
#define BACKPAIN_TEST_EXPECT_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

/* Fails the test unless rc is 0. The cause is freed before the failure,
 * which leaves the test by a long jump. */
static inline void
expect_ok(int rc, char **causep)
{
	char *cause = *causep, msg[1024];

	*causep = NULL;
	if (rc != 0) {
		snprintf(msg, sizeof msg, "gave %d: %s", rc,
			 cause ? cause : "(no cause)");
		free(cause);
		fail_msg("%s", msg);
	}
	free(cause);
}

/* Fails the test unless rc is EX_DATAERR with words in the cause. */
static inline void
expect_refused(int rc, char **causep, const char *words)
{
	char *cause = *causep, msg[1024];

	*causep = NULL;
	msg[0] = '\0';
	if (rc != EX_DATAERR)
		snprintf(msg, sizeof msg, "gave %d, want EX_DATAERR: %s", rc,
			 cause ? cause : "(no cause)");
	else if (cause == NULL)
		snprintf(msg, sizeof msg, "no cause");
	else if (strstr(cause, words) == NULL)
		snprintf(msg, sizeof msg, "cause '%s' lacks '%s'", cause,
			 words);
	free(cause);
	if (msg[0] != '\0')
		fail_msg("%s", msg);
}

#endif
