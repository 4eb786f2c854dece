/* cli_pack.c: backpain pack check [FILE...] | pack list [--practices |
 * --questions | --reading | --flags | --lessons]. */
#include "cli_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "app.h"
#include "content.h"
#include "util.h"

#define CMD "pack"
#define DEL 0x7f     /* the last ASCII code; options are letters below it */
#define TRIAL_LEN 24 /* "365 days" and room to spare */
#define URGENCY_W 9  /* "emergency", the longest urgency */

/* For a getopt_long result: -1 to go on, else the status to return. */
static int
pack_option(struct app *app, int opt, char **argv)
{
	if (cli_common_option(app, opt, optarg))
		return -1;
	if (opt == CLI_OPT_HELP) {
		printf(
		    "usage: backpain %s\n"
		    "  check [FILE...]  check packs (default: the one in use) "
		    "and list every problem\n"
		    "  list          the approaches of the pack in use, in "
		    "order\n"
		    "  list --practices  its practices: id, approach, dose, "
		    "title\n"
		    "  list --questions  its check-in questions: id, approach, "
		    "choices\n"
		    "  list --reading    its further reading: kind, title, "
		    "author, year, note\n"
		    "  list --flags      its safety questions (red flags): id, "
		    "urgency, question\n"
		    "  list --lessons    its lessons: number, id, title "
		    "(backpain "
		    "learn reads them)\n",
		    cli_command_usage(CMD));
		return 0;
	}
	if (opt == ':')
		return cli_usage_error(CMD, "%s needs a value",
				       argv[optind - 1]);
	if (optopt > ' ' && optopt < DEL)
		return cli_usage_error(CMD, "unknown option '-%c'", optopt);
	if (optopt != 0)
		return cli_usage_error(CMD, "'%s' takes no value",
				       argv[optind - 1]);
	return cli_usage_error(CMD, "unknown option '%s'", argv[optind - 1]);
}

/* FILE, or the pack in use: --pack, BACKPAIN_PACK or the built-in one. */
static int
pack_check(struct app *app, const char *file)
{
	const char *name;
	int rc;

	if (file != NULL)
		app->pack_path = file;
	/* Named as cli_pack() chooses it. */
	name = app->pack_path;
	if (name == NULL)
		name = getenv("BACKPAIN_PACK");
	if (name == NULL || *name == '\0')
		name = CONTENT_DEFAULT_NAME;
	if ((rc = cli_pack(app)) != 0)
		return rc;
	printf("%s: ok, %zu approach%s, %zu practice%s\n", name,
	       app->pack->napproaches, app->pack->napproaches == 1 ? "" : "es",
	       app->pack->npractices, app->pack->npractices == 1 ? "" : "s");
	return 0;
}

/*
 * Each of the n files in turn (none: the pack in use), every one checked
 * whatever the others gave, each pack freed before the next is read. The
 * status is the worst of theirs: 0 when all are valid, else 66 when one
 * could not be read, else 65. An empty name is refused before any is read.
 */
static int
pack_check_files(struct app *app, char **files, int n)
{
	int i, rc, worst = 0;

	for (i = 0; i < n; i++)
		if (*files[i] == '\0')
			return cli_usage_error(CMD, "the file name is empty");
	if (n == 0)
		return pack_check(app, NULL);
	for (i = 0; i < n; i++) {
		app_close(app);
		/* Each file's result reaches the terminal in its turn. */
		fflush(stdout);
		if ((rc = pack_check(app, files[i])) > worst)
			worst = rc;
	}
	return worst;
}

/* Columns a string takes on the terminal; a byte each if not decodable. */
static size_t
text_width(const char *s)
{
	mbstate_t st;
	wchar_t wc;
	size_t n, w = 0;
	int cw;

	memset(&st, 0, sizeof st);
	while (*s != '\0') {
		n = mbrtowc(&wc, s, strlen(s), &st);
		if (n == (size_t)-1 || n == (size_t)-2) {
			memset(&st, 0, sizeof st);
			w++;
			s++;
			continue;
		}
		cw = wcwidth(wc);
		w += cw > 0 ? (size_t)cw : 0;
		s += n;
	}
	return w;
}

static void
trial_text(const struct approach *a, char out[TRIAL_LEN])
{
	if (a->trial_days > 0)
		snprintf(out, TRIAL_LEN, "%d day%s", a->trial_days,
			 a->trial_days == 1 ? "" : "s");
	else
		snprintf(out, TRIAL_LEN, "open");
}

static int
pack_list(struct app *app)
{
	const struct pack *p;
	const struct approach *a;
	char trial[TRIAL_LEN], **titles;
	size_t i, w, posw, idw = 0, titlew = 0, trialw = 0;
	struct buf b;
	int rc;

	if ((rc = cli_pack(app)) != 0)
		return rc;
	p = app->pack;
	titles = xcalloc(p->napproaches, sizeof *titles);
	for (i = 0; i < p->napproaches; i++) {
		a = &p->approaches[i];
		/* A title spread over lines stays on one. */
		buf_init(&b);
		util_escape(&b, a->title);
		titles[i] = buf_take(&b);
		if (strlen(a->id) > idw)
			idw = strlen(a->id);
		if ((w = text_width(titles[i])) > titlew)
			titlew = w;
		trial_text(a, trial);
		if (strlen(trial) > trialw)
			trialw = strlen(trial);
	}
	posw = (size_t)snprintf(NULL, 0, "%zu", p->napproaches);
	for (i = 0; i < p->napproaches; i++) {
		a = &p->approaches[i];
		trial_text(a, trial);
		printf("%*zu  %-*s  %s%*s  %-*s  %zu practice%s\n", (int)posw,
		       i + 1, (int)idw, a->id, titles[i],
		       (int)(titlew - text_width(titles[i])), "", (int)trialw,
		       trial, a->npractices, a->npractices == 1 ? "" : "s");
		free(titles[i]);
	}
	free(titles);
	return 0;
}

/* One line of a practice: position, id, whose (an approach's or a
 * lesson's id), dose, title. */
static void
practice_line(size_t n, const struct practice *p, const char *owner)
{
	printf("%2zu  %-*s  %-*s  %3d min, %2d a day  ", n, CONTENT_ID_MAX / 2,
	       p->id, CONTENT_ID_MAX / 2, owner, p->minutes, p->per_day);
	cli_put_escaped(p->title);
	putchar('\n');
}

/*
 * One line per practice (position, id, approach or lesson, dose, title;
 * the lessons' after the approaches') or, with questions set, per check-in
 * question (position, id, approach, choices).
 */
static int
pack_list_items(struct app *app, int questions)
{
	const struct approach *a;
	size_t i, j, k, n = 0;
	int rc;

	if ((rc = cli_pack(app)) != 0)
		return rc;
	for (i = 0; i < app->pack->napproaches; i++) {
		a = &app->pack->approaches[i];
		for (j = 0; !questions && j < a->npractices; j++)
			practice_line(++n, &a->practices[j], a->id);
		for (j = 0; questions && j < a->nquestions; j++) {
			const struct strlist *c = &a->questions[j].choices;

			printf("%2zu  %-*s  %-*s  ", ++n, CONTENT_ID_MAX / 2,
			       a->questions[j].id, CONTENT_ID_MAX / 2, a->id);
			for (k = 0; k < c->n; k++) {
				fputs(k ? "|" : "", stdout);
				cli_put_escaped(c->v[k]);
			}
			putchar('\n');
		}
	}
	for (i = 0; !questions && i < app->pack->nlessons; i++) {
		const struct lesson *l = &app->pack->lessons[i];

		for (j = 0; j < l->npractices; j++)
			practice_line(++n, &l->practices[j], l->id);
	}
	return 0;
}

/* One line per lesson (number, id, title): the ids and numbers that
 * backpain learn takes. */
static int
pack_list_lessons(struct app *app)
{
	size_t i;
	int rc;

	if ((rc = cli_pack(app)) != 0)
		return rc;
	for (i = 0; i < app->pack->nlessons; i++) {
		printf("%2zu  %-*s  ", i + 1, CONTENT_ID_MAX / 2,
		       app->pack->lessons[i].id);
		cli_put_escaped(app->pack->lessons[i].title);
		putchar('\n');
	}
	return 0;
}

/* One line per red flag (position, id, urgency, question): the ids that
 * safety --answer and --checked take. */
static int
pack_list_flags(struct app *app)
{
	const struct red_flag *f;
	size_t i;
	int rc;

	if ((rc = cli_pack(app)) != 0)
		return rc;
	for (i = 0; i < app->pack->nred_flags; i++) {
		f = &app->pack->red_flags[i];
		printf("%2zu  %-*s  %-*s  ", i + 1, CONTENT_ID_MAX / 2, f->id,
		       URGENCY_W, content_urgency_name(f->urgency));
		cli_put_escaped(f->question);
		putchar('\n');
	}
	return 0;
}

/* The further reading, one item to a paragraph: "kind: title, by
 * author (year)", then its note indented. */
static int
pack_list_reading(struct app *app)
{
	size_t i;
	int rc;

	if ((rc = cli_pack(app)) != 0)
		return rc;
	if (app->pack->nfurther_reading == 0)
		puts("This pack suggests no further reading.");
	for (i = 0; i < app->pack->nfurther_reading; i++) {
		const struct resource *r = &app->pack->further_reading[i];

		if (i > 0)
			putchar('\n');
		printf("%s: ", content_resource_kind_name(r->kind));
		cli_put_escaped(r->title);
		if (r->by != NULL) {
			fputs(", by ", stdout);
			cli_put_escaped(r->by);
		}
		if (r->year != 0)
			printf(" (%d)", r->year);
		putchar('\n');
		if (r->note != NULL) {
			fputs("    ", stdout);
			cli_put_escaped(r->note);
			putchar('\n');
		}
	}
	return 0;
}

int
cli_cmd_pack(struct app *app, int argc, char **argv)
{
	enum {
		LIST_PRACTICES = 1,
		LIST_QUESTIONS,
		LIST_READING,
		LIST_FLAGS,
		LIST_LESSONS
	};
	static const struct option opts[] = {
	    {"practices", no_argument, NULL, 'P'},
	    {"questions", no_argument, NULL, 'Q'},
	    {"reading", no_argument, NULL, 'R'},
	    {"flags", no_argument, NULL, 'F'},
	    {"lessons", no_argument, NULL, 'L'},
	    CLI_COMMON_OPTIONS,
	};
	const char *sub;
	int opt, rc, what = 0, want;

	opterr = 0;
	while ((opt = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
		if (opt == 'P' || opt == 'Q' || opt == 'R' || opt == 'F' ||
		    opt == 'L') {
			want = opt == 'P'   ? LIST_PRACTICES
			       : opt == 'Q' ? LIST_QUESTIONS
			       : opt == 'R' ? LIST_READING
			       : opt == 'F' ? LIST_FLAGS
					    : LIST_LESSONS;
			if (what != 0 && what != want)
				return cli_usage_error(
				    CMD, "--practices, --questions, "
					 "--reading, --flags and --lessons do "
					 "not go together");
			what = want;
			continue;
		}
		if ((rc = pack_option(app, opt, argv)) >= 0)
			return rc;
	}
	if (optind >= argc)
		return cli_usage_error(CMD, "missing subcommand (check or "
					    "list)");
	sub = argv[optind++];
	if (strcmp(sub, "check") == 0) {
		if (what != 0)
			return cli_usage_error(
			    CMD, "--practices, --questions, "
				 "--reading, --flags and --lessons "
				 "go with list");
		return pack_check_files(app, argv + optind, argc - optind);
	}
	if (strcmp(sub, "list") == 0) {
		if (optind < argc)
			return cli_usage_error(CMD, "unexpected argument '%s'",
					       argv[optind]);
		if (what == LIST_READING)
			return pack_list_reading(app);
		if (what == LIST_FLAGS)
			return pack_list_flags(app);
		if (what == LIST_LESSONS)
			return pack_list_lessons(app);
		return what != 0 ? pack_list_items(app, what == LIST_QUESTIONS)
				 : pack_list(app);
	}
	return cli_usage_error(CMD, "unknown subcommand '%s' (check or list)",
			       sub);
}
