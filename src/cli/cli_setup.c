/*
 * cli_setup.c: `backpain setup`, the first run line by line. The steps of
 * the guided program's Getting started (src/ui/onboard.c), in its order and
 * the pack's words: what backpain is and the disclaimer; the recent-injury
 * question; the safety questions one at a time, where a yes that needs
 * urgent care shows its advice at once and the yeses that need a doctor
 * soon are shown together after the last question; the usual pain of the
 * last week; the plan and the next thing to do. Plain lines on stdin and
 * stdout, read with the line-mode check-in's readers (cli_ask_int.h), so
 * it works with a screen reader, under TERM=dumb and over a slow ssh,
 * where the screens cannot.
 *
 * Each answer is saved through the program as it is given, so the end of
 * input (Ctrl-D) keeps what was answered and says so (EX_NOINPUT, as the
 * line-mode check-in). The first run is recorded as done after the plan.
 * Run again, it asks again: every answer is kept with its date and the
 * latest counts, as when the screens' `o` asks again.
 */
#include "cli_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>
#include <unistd.h>

#include "app.h"
#include "cli_ask_int.h"
#include "cli_opt_int.h"
#include "content.h"
#include "day.h"
#include "program.h"
#include "util.h"

/* A step's result when the input ended: what was saved stays. */
#define SETUP_ENDED (-1)

/* What the first run has saved so far, for the words at Ctrl-D. */
struct setup {
	struct app *app;
	int injury;   /* the injury question answered */
	size_t flags; /* safety questions answered */
	int *soon;    /* per red flag: answered yes, and urgency soon */
};

/* Text of the pack, its first line after first and the others after
 * rest (a blank line bare). The pack loader lets through no control
 * character but line breaks and tabs; whatever else util_escape() escapes
 * is escaped here line by line, so that the paragraphs stay paragraphs. */
static void
put_lines(const char *first, const char *rest, const char *s)
{
	const char *e, *indent = first;
	int width = cli_columns();
	char *line;

	for (;;) {
		e = strchr(s, '\n');
		line = e != NULL ? xstrndup(s, (size_t)(e - s)) : xstrdup(s);
		if (*line == '\0')
			putchar('\n');
		else
			cli_put_folded(line, indent, width, 0);
		free(line);
		if (e == NULL)
			break;
		indent = rest;
		s = e + 1;
	}
}

static void
put_text(const char *s)
{
	put_lines("", "", s);
}

/* A heading: a blank line, then the words. */
static void
heading(const char *words)
{
	putchar('\n');
	put_text(words);
}

/* Waits for Enter after prompt: 0, or SETUP_ENDED. */
static int
pause_for(const char *prompt)
{
	char *line;

	return cli_ask_line(prompt, &line) == CLI_ASK_EOF ? SETUP_ENDED : 0;
}

/* A yes or no into *yes: 0, or SETUP_ENDED. */
static int
yes_or_no(int *yes)
{
	return cli_ask_yes_no("Answer y or n: ", -1, yes) == CLI_ASK_EOF
		   ? SETUP_ENDED
		   : 0;
}

/* Saves the answer to a red flag or SCREENING_INJURY at once. */
static int
save_answer(struct setup *s, const char *flag, int yes)
{
	char *cause = NULL;
	int rc;

	rc = program_screening(s->app->pack, s->app->store, flag, yes, &cause);
	if (rc != 0)
		return cli_opt_cause("setup", rc, cause);
	return 0;
}

static int
setup_about(const struct pack *p)
{
	heading(p->title);
	put_text(p->about);
	heading("Disclaimer");
	put_text(p->disclaimer);
	putchar('\n');
	return pause_for("Press Enter to continue: ");
}

static int
setup_injury(struct setup *s)
{
	const struct onboarding *o = &s->app->pack->onboarding;
	int rc, yes = 0;

	heading("First, a question");
	put_text(o->injury_question);
	if ((rc = yes_or_no(&yes)) != 0 ||
	    (rc = save_answer(s, SCREENING_INJURY, yes)) != 0)
		return rc;
	s->injury = 1;
	if (!yes)
		return 0;
	putchar('\n');
	put_text(o->injury_advice);
	return pause_for("Press Enter once you have read this: ");
}

/* Where to record a doctor's check of f, as the Safety screen does. */
static void
put_check(const char *indent, const struct red_flag *f)
{
	char *t = xasprintf("The approaches here wait until a doctor has "
			    "checked this; then record the check with: "
			    "backpain safety --checked %s",
			    f->id);

	cli_put_folded(t, indent, cli_columns(), 0);
	free(t);
}

/* Red flag i, asked and saved; an emergency yes shows its advice. */
static int
setup_flag(struct setup *s, size_t i)
{
	const struct pack *p = s->app->pack;
	const struct red_flag *f = &p->red_flags[i];
	char *title;
	int rc, yes = 0;

	title = xasprintf("Safety question %zu of %zu", i + 1, p->nred_flags);
	heading(title);
	free(title);
	put_text(f->question);
	if ((rc = yes_or_no(&yes)) != 0 ||
	    (rc = save_answer(s, f->id, yes)) != 0)
		return rc;
	s->flags++;
	s->soon[i] = yes && f->urgency == URGENCY_SOON;
	if (!yes || f->urgency != URGENCY_EMERGENCY)
		return 0;
	heading("Please get urgent medical care now.");
	put_text(f->advice);
	put_check("", f);
	return pause_for("Press Enter once you have read this, to go on with "
			 "the questions: ");
}

/* The yeses that need a doctor soon, together; nothing when none. */
static int
setup_soon(const struct setup *s)
{
	const struct pack *p = s->app->pack;
	size_t i, n = 0;

	for (i = 0; i < p->nred_flags; i++)
		n += s->soon[i] != 0;
	if (n == 0)
		return 0;
	heading("See a doctor soon.");
	for (i = 0; i < p->nred_flags; i++) {
		const struct red_flag *f = &p->red_flags[i];

		if (!s->soon[i])
			continue;
		putchar('\n');
		put_lines("- ", "  ", f->question);
		put_lines("  ", "  ", f->advice);
		if (f->holds)
			put_check("  ", f);
		else
			puts("  The approaches here may go on meanwhile.");
	}
	putchar('\n');
	return pause_for("Press Enter to continue: ");
}

static int
setup_usual(struct setup *s)
{
	const struct pack *p = s->app->pack;
	char *cause = NULL;
	int rc, pain = ENTRY_NONE;

	heading("Your usual pain");
	put_text(p->onboarding.usual_pain_question);
	cli_ask_anchors(&p->pain_scale);
	if (cli_ask_rating("Usual pain", 1, &pain) == CLI_ASK_EOF)
		return SETUP_ENDED;
	if ((rc = program_usual_pain(s->app->store, pain, &cause)) != 0)
		return cli_opt_cause("setup", rc, cause);
	return 0;
}

static void
setup_plan(const struct pack *p)
{
	size_t i;

	heading("The plan: one approach at a time, in this order");
	for (i = 0; i < p->napproaches; i++) {
		printf("\n%zu. ", i + 1);
		put_text(p->approaches[i].title);
		put_lines("   ", "   ", p->approaches[i].summary);
	}
}

/* Records the first run as done, then says what comes next. */
static int
setup_done(struct setup *s)
{
	struct app *app = s->app;
	struct program_today t;
	char today[DAY_LEN], *cause = NULL;
	int rc;

	if ((rc = app_today(app, today, &cause)) != 0 ||
	    (rc = program_onboarded(app->store, today, today, &cause)) != 0 ||
	    (rc = program_today_load(app->pack, app->store, today, &t,
				     &cause)) != 0)
		return cli_opt_cause("setup", rc, cause);
	printf("\nThe first run is done, on %s; your answers are saved.\n",
	       today);
	fputs("Next: ", stdout);
	cli_next_print(&t);
	program_today_free(&t);
	cli_put_folded("On a terminal, backpain checkin with no rating asks "
		       "one question a line, as here; backpain status shows "
		       "where you are.",
		       "", cli_columns(), 0);
	return 0;
}

/* The words for the end of input: what was saved, and how to go on. */
static int
setup_ended(const struct setup *s)
{
	size_t n = s->app->pack->nred_flags;

	fputs("\n", stdout);
	fflush(stdout);
	if (!s->injury)
		fputs("backpain: setup: the input ended before the first "
		      "answer; nothing saved. Run backpain setup again to go "
		      "through the first run.\n",
		      stderr);
	else if (s->flags == 0)
		fputs("backpain: setup: the input ended; the answer to the "
		      "injury question is saved. Run backpain setup again to "
		      "finish the first run.\n",
		      stderr);
	else
		fprintf(stderr,
			"backpain: setup: the input ended; the answers to the "
			"injury question and to %zu of the %zu safety "
			"questions are saved. Run backpain setup again to "
			"finish the first run.\n",
			s->flags, n);
	return EX_NOINPUT;
}

static int
setup_run(struct setup *s)
{
	const struct pack *p = s->app->pack;
	size_t i;
	int rc;

	cli_put_folded("Getting started, one question a line. Each answer is "
		       "saved as you give it; Ctrl-D stops, and what you "
		       "answered stays.",
		       "", cli_columns(), 0);
	if ((rc = setup_about(p)) != 0 || (rc = setup_injury(s)) != 0)
		return rc;
	for (i = 0; i < p->nred_flags; i++)
		if ((rc = setup_flag(s, i)) != 0)
			return rc;
	if ((rc = setup_soon(s)) != 0 || (rc = setup_usual(s)) != 0)
		return rc;
	setup_plan(p);
	return setup_done(s);
}

int
cli_cmd_setup(struct app *app, int argc, char **argv)
{
	struct setup s;
	int rc;

	if ((rc = cli_opt_none(app, "setup", argc, argv)) >= 0)
		return rc;
	if (!isatty(STDIN_FILENO))
		return cli_usage_error(
		    "setup",
		    "standard input is not a terminal, and setup asks its "
		    "questions one line at a time; without a terminal, "
		    "answer the safety questions with backpain safety "
		    "--answer FLAG=yes|no ...");
	if ((rc = cli_pack(app)) != 0 || (rc = cli_config(app)) != 0 ||
	    (rc = cli_store(app)) != 0)
		return rc;
	memset(&s, 0, sizeof s);
	s.app = app;
	s.soon = xcalloc(app->pack->nred_flags + 1, sizeof *s.soon);
	rc = setup_run(&s);
	if (rc == SETUP_ENDED)
		rc = setup_ended(&s);
	free(s.soon);
	return rc;
}
