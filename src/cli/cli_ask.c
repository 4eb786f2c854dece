/*
 * cli_ask.c: the line-mode check-in (see cli_ask_int.h). Each question is one
 * prompt line read with getline(): the terminal's own line editing does the
 * rest, so it works wherever a shell prompt does. A bad answer says what is
 * wrong and asks again; the end of input ends it, with nothing saved.
 */
#include "cli_ask_int.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sysexits.h>

#include "app.h"
#include "cli_int.h"
#include "content.h"
#include "pain.h"
#include "util.h"

/* A line longer than this is refused: a note is a few sentences. */
#define ASK_LINE_MAX 4000

enum cli_ask_rc
cli_ask_line(const char *prompt, char **line)
{
	static char *buf;
	static size_t cap;
	ssize_t n;
	char *s, *e;

	cli_put_folded(prompt, "", cli_columns(), 1);
	fflush(stdout);
	errno = 0;
	n = getline(&buf, &cap, stdin);
	if (n <= 0 || buf[n - 1] != '\n') {
		free(buf);
		buf = NULL;
		cap = 0;
		return CLI_ASK_EOF;
	}
	buf[n - 1] = '\0';
	for (s = buf; *s == ' ' || *s == '\t'; s++)
		;
	e = s + strlen(s);
	while (e > s && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r'))
		*--e = '\0';
	*line = s;
	return *s == '\0' ? CLI_ASK_SKIP : CLI_ASK_OK;
}

/* Says that line was not taken, quoted with its control bytes escaped. */
static void
ask_bad(const char *line, const char *why)
{
	struct buf b;

	buf_init(&b);
	util_escape(&b, line);
	printf("  Not taken: '%s' %s\n", b.data, why);
	buf_free(&b);
}

/* The days a check-in is about and the day it is, for the questions'
 * words: "that day (D)" for an earlier day, as the TUI says. */
struct ask_days {
	const char *day, *today;
};

/* A question of the pack as asked about days->day, on a line. */
static void
ask_text(const char *text, const struct ask_days *days)
{
	char *t = program_question_text(text, days->day, days->today);

	cli_put_folded(t, "", cli_columns(), 0);
	free(t);
}

void
cli_ask_anchors(const struct scale *sc)
{
	size_t i;

	for (i = 0; i < sc->nanchors; i++)
		printf("  %2d  %s\n", sc->anchors[i].value,
		       sc->anchors[i].label);
}

static void
ask_scale(const struct scale *sc, const char *fallback,
	  const struct ask_days *days)
{
	ask_text(sc->question != NULL ? sc->question : fallback, days);
	cli_ask_anchors(sc);
}

enum cli_ask_rc
cli_ask_rating(const char *name, int required, int *out)
{
	char *prompt, *line;
	enum cli_ask_rc rc;
	long v;

	if (*out != ENTRY_NONE)
		prompt = xasprintf("%s, %d to %d (Enter keeps %d): ", name,
				   PAIN_MIN, PAIN_MAX, *out);
	else if (required)
		prompt = xasprintf("%s, %d to %d: ", name, PAIN_MIN, PAIN_MAX);
	else
		prompt = xasprintf("%s, %d to %d (Enter to skip): ", name,
				   PAIN_MIN, PAIN_MAX);
	for (;;) {
		rc = cli_ask_line(prompt, &line);
		if (rc == CLI_ASK_EOF)
			break;
		if (rc == CLI_ASK_SKIP) {
			if (*out != ENTRY_NONE || !required)
				break;
			printf("  A rating is needed: type a whole number "
			       "from %d to %d.\n",
			       PAIN_MIN, PAIN_MAX);
			continue;
		}
		if (util_parse_int(line, PAIN_MIN, PAIN_MAX, &v) == 0) {
			*out = (int)v;
			break;
		}
		ask_bad(line, "is not a rating: type a whole number from 0 "
			      "to 10.");
	}
	free(prompt);
	return rc;
}

enum cli_ask_rc
cli_ask_yes_no(const char *prompt, int dflt, int *yes)
{
	char *line;
	enum cli_ask_rc rc;

	for (;;) {
		rc = cli_ask_line(prompt, &line);
		if (rc == CLI_ASK_EOF)
			return rc;
		if (rc == CLI_ASK_SKIP && dflt >= 0) {
			*yes = dflt;
			return CLI_ASK_OK;
		}
		if (strcasecmp(line, "y") == 0 ||
		    strcasecmp(line, "yes") == 0) {
			*yes = 1;
			return CLI_ASK_OK;
		}
		if (strcasecmp(line, "n") == 0 || strcasecmp(line, "no") == 0) {
			*yes = 0;
			return CLI_ASK_OK;
		}
		ask_bad(rc == CLI_ASK_SKIP ? "" : line,
			"is not an answer: type y "
			"or n.");
	}
}

/* One of q's choices, by its number or its words; NULL when skipped. */
static enum cli_ask_rc
ask_choice(const struct question *q, const char **out,
	   const struct ask_days *days)
{
	char *prompt, *line;
	enum cli_ask_rc rc;
	size_t i;
	long v;

	ask_text(q->text, days);
	for (i = 0; i < q->choices.n; i++)
		printf("  %zu  %s\n", i + 1, q->choices.v[i]);
	prompt = xasprintf("Answer, 1 to %zu or its words (Enter to skip): ",
			   q->choices.n);
	*out = NULL;
	for (;;) {
		rc = cli_ask_line(prompt, &line);
		if (rc != CLI_ASK_OK)
			break;
		if (util_parse_int(line, 1, (long)q->choices.n, &v) == 0) {
			*out = q->choices.v[v - 1];
			break;
		}
		for (i = 0; i < q->choices.n; i++)
			if (strcasecmp(line, q->choices.v[i]) == 0)
				break;
		if (i < q->choices.n) {
			*out = q->choices.v[i];
			break;
		}
		ask_bad(line, "is not one of the answers: type its number.");
	}
	free(prompt);
	return rc;
}

/* The note: Enter keeps the day's note (or gives none), "-" removes it. */
static enum cli_ask_rc
ask_note(const char *old, char **out)
{
	char *line;
	enum cli_ask_rc rc;
	size_t bad;

	if (old != NULL) {
		struct buf b;

		buf_init(&b);
		util_escape(&b, old);
		printf("The note saved for the day: %s\n", b.data);
		buf_free(&b);
	}
	for (;;) {
		rc = cli_ask_line(old != NULL
				      ? "Note, one line (Enter keeps the "
					"note above, - removes it): "
				      : "Note, one line (Enter for none): ",
				  &line);
		if (rc == CLI_ASK_EOF)
			return rc;
		if (rc == CLI_ASK_SKIP) {
			*out = old != NULL ? xstrdup(old) : NULL;
			return CLI_ASK_OK;
		}
		if (old != NULL && strcmp(line, "-") == 0) {
			*out = NULL;
			return CLI_ASK_OK;
		}
		if (strlen(line) > ASK_LINE_MAX) {
			printf("  Not taken: the note is longer than %d bytes; "
			       "shorten it.\n",
			       ASK_LINE_MAX);
			continue;
		}
		if (utf8_valid(line, strlen(line), &bad) != 0) {
			printf("  Not taken: the note is not valid UTF-8 at "
			       "byte %zu; type it again.\n",
			       bad + 1);
			continue;
		}
		*out = xstrdup(line);
		return CLI_ASK_OK;
	}
}

/* Asks about the practice listed in pp, in the words of its label, adding
 * its id to out->did on a yes. */
static enum cli_ask_rc
ask_practice(const struct program_practice *pp, struct cli_ask *out)
{
	const struct practice *p = pp->practice;
	char *prompt;
	enum cli_ask_rc rc;
	int yes = 0;

	prompt = xasprintf("Did you do %s \"%s\" (%s)? y or n (Enter for no): ",
			   pp->habit	? "the habit"
			   : pp->flare	? "the flare-up tool"
			   : pp->lesson ? "the lesson's practice"
					: "the practice",
			   p->title, p->id);
	rc = cli_ask_yes_no(prompt, 0, &yes);
	free(prompt);
	if (rc == CLI_ASK_OK && yes)
		out->did[out->ndid++] = p->id;
	return rc;
}

/* The practices of the day's one list (program_day_load()), each once,
 * unless it is logged for the day already. */
static enum cli_ask_rc
ask_practices(const struct program_day *d, struct cli_ask *out)
{
	size_t i;
	enum cli_ask_rc rc = CLI_ASK_OK;

	out->did = xcalloc(d->npractices ? d->npractices : 1, sizeof *out->did);
	for (i = 0; i < d->npractices && rc != CLI_ASK_EOF; i++) {
		const struct practice *p = d->practices[i].practice;

		if (d->practices[i].done > 0)
			printf("Already logged for the day: \"%s\" (%s).\n",
			       p->title, p->id);
		else
			rc = ask_practice(&d->practices[i], out);
	}
	return rc;
}

/* The questions of the approaches that ran on the day, pack order. */
static enum cli_ask_rc
ask_questions(const struct program_day *d, struct cli_ask *out,
	      const struct ask_days *days)
{
	size_t i;
	const char *v;
	enum cli_ask_rc rc = CLI_ASK_OK;

	out->answers =
	    xcalloc(d->nquestions ? d->nquestions : 1, sizeof *out->answers);
	for (i = 0; i < d->nquestions && rc != CLI_ASK_EOF; i++) {
		const struct question *q = d->questions[i].question;

		rc = ask_choice(q, &v, days);
		if (rc == CLI_ASK_OK) {
			out->answers[out->nanswers].question = q->id;
			out->answers[out->nanswers++].value = v;
		}
	}
	return rc;
}

/* What would be saved, one fact a line. */
static void
ask_show(const struct cli_ask *a, const struct program_day *d)
{
	size_t i;
	struct buf b;

	printf("\nTo be saved for %s:\n  pain %d/10\n", a->in.day, a->in.pain);
	if (a->in.interference == ENTRY_NONE)
		puts("  interference not rated");
	else
		printf("  interference %d/10\n", a->in.interference);
	if (a->ndid == 0)
		puts("  no practice marked done");
	for (i = 0; i < a->ndid; i++)
		printf("  done: %s\n", a->did[i]);
	for (i = 0; i < a->nanswers; i++)
		printf("  %s: %s\n", a->answers[i].question,
		       a->answers[i].value);
	if (a->note == NULL) {
		puts("  no note");
	} else {
		buf_init(&b);
		util_escape(&b, a->note);
		printf("  note: %s\n", b.data);
		buf_free(&b);
	}
	if (d->checked_in)
		printf("This replaces the check-in saved for %s (pain "
		       "%d/10).\n",
		       a->in.day, d->checkin.pain);
}

static enum cli_ask_rc
ask_all(const struct pack *pk, const struct program_day *d, struct cli_ask *out,
	const struct ask_days *days)
{
	enum cli_ask_rc rc;
	int yes = 0;

	out->in.pain = d->checked_in ? d->checkin.pain : ENTRY_NONE;
	out->in.interference =
	    d->checked_in ? d->checkin.interference : ENTRY_NONE;
	ask_scale(&pk->pain_scale, "How bad was your pain today?", days);
	if ((rc = cli_ask_rating("Pain", 1, &out->in.pain)) == CLI_ASK_EOF)
		return rc;
	ask_scale(&pk->interference_scale,
		  "How much did pain get in the way today?", days);
	if ((rc = cli_ask_rating("Interference", 0, &out->in.interference)) ==
	    CLI_ASK_EOF)
		return rc;
	if ((rc = ask_practices(d, out)) == CLI_ASK_EOF ||
	    (rc = ask_questions(d, out, days)) == CLI_ASK_EOF ||
	    (rc = ask_note(d->checked_in ? d->checkin.note : NULL,
			   &out->note)) == CLI_ASK_EOF)
		return rc;
	out->in.did = out->did;
	out->in.ndid = out->ndid;
	out->in.answers = out->answers;
	out->in.nanswers = out->nanswers;
	out->in.note = out->note;
	out->in.merge = 1;
	ask_show(out, d);
	if ((rc = cli_ask_yes_no("Save it? y or n: ", -1, &yes)) == CLI_ASK_EOF)
		return rc;
	return yes ? CLI_ASK_OK : CLI_ASK_SKIP;
}

/* The input ended before a check-in was saved: says so, nothing saved. */
static int
ask_ended(void)
{
	fputs("\n", stdout);
	fflush(stdout);
	fputs("backpain: checkin: the input ended before the check-in "
	      "was saved; nothing saved\n",
	      stderr);
	return EX_NOINPUT;
}

int
cli_ask_checkin(struct app *app, const char *day, struct cli_ask *out)
{
	struct program_day d;
	struct ask_days days;
	char *cause = NULL;
	enum cli_ask_rc rc;
	int code;

	memset(out, 0, sizeof *out);
	memcpy(out->in.day, day, DAY_LEN);
	if ((code = program_day_load(app->pack, app->store, day, app->today, &d,
				     &cause)) != 0)
		return cli_fail_cause(code, cause);
	printf("Check-in for %s, one question a line. Ctrl-D leaves without "
	       "saving.\n",
	       day);
	days.day = day;
	days.today = app->today;
	/* The save is refused if the day is saved again meanwhile. */
	out->in.seen_revision =
	    d.checked_in ? d.checkin.revision : PROGRAM_SEEN_NONE;
	rc = ask_all(app->pack, &d, out, &days);
	program_day_free(&d);
	if (rc == CLI_ASK_EOF)
		return ask_ended();
	return rc == CLI_ASK_OK ? 0 : CLI_ASK_DECLINED;
}

/* The day's practices done and answers as they are now, one a line, as
 * ask_show() lists the person's. */
static int
newer_marks(struct app *app, const char *day)
{
	struct program_day d;
	char *cause = NULL;
	size_t i;
	int code;

	if ((code = program_day_load(app->pack, app->store, day, app->today, &d,
				     &cause)) != 0)
		return cli_fail_cause(code, cause);
	for (i = 0; i < d.npractices; i++)
		if (d.practices[i].done > 0)
			printf("  done: %s\n", d.practices[i].practice->id);
	for (i = 0; i < d.nquestions; i++)
		if (d.questions[i].choice >= 0)
			printf("  %s: %s\n", d.questions[i].question->id,
			       d.questions[i]
				   .question->choices.v[d.questions[i].choice]);
	program_day_free(&d);
	return 0;
}

int
cli_ask_newer(struct app *app, const struct checkin *now,
	      struct program_checkin *in)
{
	struct buf b;
	enum cli_ask_rc rc;
	int yes = 0, code;

	if (now->revision == 0) {
		printf("\nThe check-in of %s was removed since these questions "
		       "began.\n",
		       in->day);
	} else {
		printf("\nThe check-in of %s was saved again since these "
		       "questions began (at %s):\n  pain %d/10\n",
		       in->day, now->updated_at, now->pain);
		if (now->interference == ENTRY_NONE)
			puts("  interference not rated");
		else
			printf("  interference %d/10\n", now->interference);
	}
	if ((code = newer_marks(app, in->day)) != 0)
		return code;
	if (now->revision != 0 && now->note == NULL) {
		puts("  no note");
	} else if (now->revision != 0) {
		buf_init(&b);
		util_escape(&b, now->note);
		printf("  note: %s\n", b.data);
		buf_free(&b);
	}
	rc = cli_ask_yes_no(now->revision != 0 ? "Save yours over it? y or n: "
					       : "Save yours? y or n: ",
			    -1, &yes);
	if (rc == CLI_ASK_EOF)
		return ask_ended();
	if (!yes)
		return CLI_ASK_DECLINED;
	in->seen_revision =
	    now->revision != 0 ? now->revision : PROGRAM_SEEN_NONE;
	return 0;
}

void
cli_ask_free(struct cli_ask *a)
{
	free(a->note);
	free(a->did);
	free(a->answers);
	memset(a, 0, sizeof *a);
}
