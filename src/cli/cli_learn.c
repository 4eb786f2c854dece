/*
 * cli_learn.c: `backpain learn`, the pack's lessons on the command line.
 * Without a lesson it lists them, one a line: number, id, whether read
 * (or offered now), title. With one (its id or number) it prints it as
 * plain text, folded to the terminal's width (at most CLI_COLUMNS, and
 * that when stdout is no terminal), every piece of pack text escaped like
 * all other output, its practice and sources at the end, and marks it
 * read. --dismiss puts the lesson's offer off ("not now").
 */
#include "cli_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>
#include <unistd.h>

#include "app.h"
#include "cli_opt_int.h"
#include "content.h"
#include "program.h"
#include "review.h"
#include "util.h"

#define CMD "learn"
#define STATE_W 15 /* "read 2026-11-24" */

/* The columns to fold at: the terminal's, at most CLI_COLUMNS; as many
 * when stdout is no terminal (a lesson is read as written, folded). */
static int
fold_width(void)
{
	int w = cli_columns();

	return w > 0 ? w : CLI_COLUMNS;
}

/* text escaped, folded at width after indent; each line of it (the pack
 * parts paragraphs by a blank line) its own paragraph. first, as wide as
 * indent, stands in its place on the first line ("- ", "1. "), or NULL. */
static void
put_folded(const char *text, const char *first, const char *indent, int width)
{
	const char *p = text, *nl;
	struct buf line, e, out;
	char *piece;

	buf_init(&out);
	while (*p != '\0') {
		nl = strchr(p, '\n');
		piece = xstrndup(p, nl != NULL ? (size_t)(nl - p) : strlen(p));
		if (*piece == '\0') {
			buf_addc(&out, '\n');
		} else {
			buf_init(&e);
			util_escape(&e, piece);
			buf_init(&line);
			review_wrap(&line, e.data, indent, width);
			buf_add(&out, line.data, line.len);
			buf_free(&line);
			buf_free(&e);
		}
		free(piece);
		if (nl == NULL)
			break;
		p = nl + 1;
	}
	if (out.data != NULL && first != NULL && out.len >= strlen(first) &&
	    strlen(first) == strlen(indent))
		memcpy(out.data, first, strlen(first));
	if (out.data != NULL)
		fputs(out.data, stdout);
	buf_free(&out);
}

/* Every lesson: number, id, whether read or offered now, title. */
static int
learn_list(struct app *app)
{
	struct program_lessons ls;
	char state[STATE_W + 16], *cause = NULL;
	size_t i, idw = 0;
	int rc;

	if (app->pack->nlessons == 0) {
		puts("This pack has no lessons.");
		return 0;
	}
	rc = program_lessons_load(app->pack, app->store, app->today, &ls,
				  &cause);
	if (rc != 0)
		return cli_opt_cause(CMD, rc, cause);
	for (i = 0; i < ls.n; i++)
		if (strlen(ls.lessons[i].lesson->id) > idw)
			idw = strlen(ls.lessons[i].lesson->id);
	for (i = 0; i < ls.n; i++) {
		const struct program_lesson *l = &ls.lessons[i];

		if (l->read_on[0] != '\0')
			snprintf(state, sizeof state, "read %s", l->read_on);
		else
			snprintf(state, sizeof state, "%s",
				 l->nmoments > 0 ? "offered now" : "not read");
		printf("%2zu  %-*s  %-*s  ", i + 1, (int)idw, l->lesson->id,
		       STATE_W, state);
		cli_put_escaped(l->lesson->title);
		putchar('\n');
	}
	puts("Read one: backpain learn ID or NUMBER. Not now for an offer: "
	     "backpain learn --dismiss ID.");
	program_lessons_free(&ls);
	return 0;
}

/* A lesson's practice: what it is, how to time it, its steps. */
static void
put_practice(const struct practice *p, int width)
{
	char *head, *indent;
	size_t k;

	putchar('\n');
	head = xasprintf("Practice: %s, %d min, %d a day; time it with "
			 "backpain practice %s",
			 p->title, p->minutes, p->per_day, p->id);
	put_folded(head, NULL, "", width);
	free(head);
	for (k = 0; k < p->steps.n; k++) {
		head = xasprintf("%zu. ", k + 1);
		indent = xasprintf("%*s", (int)strlen(head), "");
		put_folded(p->steps.v[k], head, indent, width);
		free(indent);
		free(head);
	}
}

/* Prints lesson l whole and marks it read today. */
static int
learn_read(struct app *app, const struct lesson *l)
{
	int width = fold_width(), rc;
	char *cause = NULL;
	size_t k;

	put_folded(l->title, NULL, "", width);
	putchar('\n');
	put_folded(l->text, NULL, "", width);
	for (k = 0; k < l->npractices; k++)
		put_practice(&l->practices[k], width);
	puts("\nSources:");
	for (k = 0; k < l->sources.n; k++)
		put_folded(l->sources.v[k], "- ", "  ", width);
	rc = program_lesson_read(app->pack, app->store, l->id, app->today,
				 app->today, &cause);
	if (rc != 0)
		return cli_opt_cause(CMD, rc, cause);
	return 0;
}

int
cli_cmd_learn(struct app *app, int argc, char **argv)
{
	static const struct option opts[] = {
	    {"dismiss", required_argument, NULL, CLI_OPT_DISMISS},
	    CLI_COMMON_OPTIONS,
	};
	const char *dismiss = NULL, *arg = NULL;
	const struct lesson *l = NULL;
	char day[DAY_LEN], *cause = NULL;
	int c, rc;

	opterr = 0;
	while ((c = getopt_long(argc, argv, CLI_OPT_STRING, opts, NULL)) !=
	       -1) {
		if (c == CLI_OPT_DISMISS)
			dismiss = optarg;
		else if ((rc = cli_opt_other(app, CMD, c, argv)) >= 0)
			return rc;
	}
	if (optind + 1 < argc)
		return cli_usage_error(CMD, "unexpected argument '%s'",
				       argv[optind + 1]);
	if (optind < argc)
		arg = argv[optind];
	if (arg != NULL && dismiss != NULL)
		return cli_usage_error(CMD, "--dismiss takes the lesson; "
					    "give no other");
	if ((rc = cli_pack(app)) != 0)
		return rc;
	if ((arg != NULL || dismiss != NULL) &&
	    (l = program_lesson_find(app->pack, arg != NULL ? arg : dismiss,
				     &cause)) == NULL) {
		rc = cli_opt_bad(CMD, dismiss != NULL ? "--dismiss" : "lesson",
				 arg != NULL ? arg : dismiss, cause);
		free(cause);
		return rc;
	}
	if ((rc = cli_opt_day(app, CMD, NULL, day)) != 0 ||
	    (rc = cli_store(app)) != 0)
		return rc;
	if (l == NULL)
		return learn_list(app);
	if (dismiss == NULL)
		return learn_read(app, l);
	rc = program_lesson_dismiss(app->pack, app->store, l->id, app->today,
				    &cause);
	if (rc != 0)
		return cli_opt_cause(CMD, rc, cause);
	printf("Not now: %s is offered again only at a later moment; backpain "
	       "learn %s reads it any time.\n",
	       l->id, l->id);
	return 0;
}
