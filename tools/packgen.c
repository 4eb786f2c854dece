/*
 * packgen.c: a build-time tool. packgen PACK prints a C file that holds PACK
 * twice: its bytes (content_default_pack, content_default_pack_len) and the
 * struct pack the loader makes of them (content_builtin_pack), as read-only
 * initialised data, so the program starts without parsing YAML.
 *
 * The pack goes through the program's own strict loader: an invalid pack
 * prints its FILE:LINE:COLUMN errors and exits 65, which fails the build.
 * tests/unit/test_content_builtin.c holds the output to the loader's, field
 * by field; a field added to content.h needs a line in both.
 */
#include <stdio.h>
#include <stdlib.h>
#include <sysexits.h>

#include "content.h"
#include "../src/content/content_int.h"

#define NAME_MAX_LEN 64	  /* "a%zu_q%zu_choices" and room to spare */
#define BYTES_PER_LINE 12 /* of the raw bytes, as (char)0xNN */

/*
 * content.c's content_load_default() refers to what this program makes.
 * These stand in for it here, so the loader links; nothing reads them.
 */
const char content_default_pack[] = "";
const size_t content_default_pack_len = 0;
const struct pack content_builtin_pack = {0};

/*
 * A string as a C literal, or NULL. Anything but printable ASCII is an
 * octal escape, and so is the first of two question marks, so that no
 * trigraph can form (-std=c11 has them). A long text is split after each
 * newline into adjacent literals.
 */
static void
put_str(const char *s)
{
	const unsigned char *p;

	if (s == NULL) {
		fputs("NULL", stdout);
		return;
	}
	putchar('"');
	for (p = (const unsigned char *)s; *p != '\0'; p++) {
		if (*p == '\n')
			fputs(p[1] != '\0' ? "\\n\"\n\t    \"" : "\\n", stdout);
		else if (*p == '"' || *p == '\\' || (*p == '?' && p[1] == '?'))
			printf("\\%c", *p);
		else if (*p < ' ' || *p > '~')
			printf("\\%03o", *p);
		else
			putchar(*p);
	}
	putchar('"');
}

/* One field of a designated initializer, on its own line. */
static void
put_field_str(const char *field, const char *s)
{
	printf("\t.%s = ", field);
	put_str(s);
	fputs(",\n", stdout);
}

/* A pointer to a generated array, or NULL where the loader left none. */
static void
put_ref(const char *type, const char *name, const void *v)
{
	if (v == NULL)
		fputs("NULL", stdout);
	else
		printf("(%s)%s", type, name);
}

/*
 * The loader gives a list that is present but empty a pointer all the same;
 * C has no empty arrays, so such a list gets one unused zero element.
 */
static void
end_array(size_t n)
{
	if (n == 0)
		fputs("\t{0},\n", stdout);
	fputs("};\n\n", stdout);
}

static void
def_strlist(const char *name, const struct strlist *l)
{
	size_t i;

	if (l->v == NULL)
		return;
	printf("static char *const %s[] = {\n", name);
	for (i = 0; i < l->n; i++) {
		putchar('\t');
		put_str(l->v[i]);
		fputs(",\n", stdout);
	}
	if (l->n == 0)
		fputs("\tNULL,\n", stdout);
	fputs("};\n\n", stdout);
}

static void
put_field_strlist(const char *field, const char *name, const struct strlist *l)
{
	printf("\t.%s = {", field);
	put_ref("char **", name, l->v);
	printf(", %zu},\n", l->n);
}

static void
def_anchors(const char *name, const struct scale *s)
{
	size_t i;

	if (s->anchors == NULL)
		return;
	printf("static const struct anchor %s[] = {\n", name);
	for (i = 0; i < s->nanchors; i++) {
		printf("\t{.value = %d, .label = ", s->anchors[i].value);
		put_str(s->anchors[i].label);
		fputs("},\n", stdout);
	}
	end_array(s->nanchors);
}

static void
def_resources(const char *name, const struct resource *r, size_t n)
{
	size_t i;

	if (r == NULL)
		return;
	printf("static const struct resource %s[] = {\n", name);
	for (i = 0; i < n; i++) {
		printf("{\n\t.kind = (enum resource_kind)%d, /* %s */\n",
		       r[i].kind, content_resource_kind_name(r[i].kind));
		put_field_str("title", r[i].title);
		put_field_str("by", r[i].by);
		printf("\t.year = %d,\n", r[i].year);
		put_field_str("note", r[i].note);
		fputs("},\n", stdout);
	}
	end_array(n);
}

/* An index, or CONTENT_NONE by name. */
static void
put_index(const char *field, size_t i)
{
	if (i == CONTENT_NONE)
		printf("\t.%s = CONTENT_NONE,\n", field);
	else
		printf("\t.%s = %zu,\n", field, i);
}

/* The practices of an approach (owner 'a') or a lesson ('l'), named after
 * it: a0_practices, l2_p0_steps. */
static void
def_practices(char owner, size_t oi, const struct practice *v, size_t n)
{
	char name[NAME_MAX_LEN];
	size_t i;

	for (i = 0; i < n; i++) {
		snprintf(name, sizeof name, "%c%zu_p%zu_steps", owner, oi, i);
		def_strlist(name, &v[i].steps);
	}
	if (v == NULL)
		return;
	printf("static const struct practice %c%zu_practices[] = {\n", owner,
	       oi);
	for (i = 0; i < n; i++) {
		const struct practice *p = &v[i];

		fputs("{\n", stdout);
		put_field_str("id", p->id);
		put_field_str("title", p->title);
		printf("\t.minutes = %d,\n\t.per_day = %d,\n\t.flare = %d,\n",
		       p->minutes, p->per_day, p->flare);
		snprintf(name, sizeof name, "%c%zu_p%zu_steps", owner, oi, i);
		put_field_strlist("steps", name, &p->steps);
		put_index("approach", p->approach);
		put_index("lesson", p->lesson);
		fputs("},\n", stdout);
	}
	end_array(n);
}

static void
def_questions(size_t ai, const struct approach *a)
{
	char name[NAME_MAX_LEN];
	size_t i;

	for (i = 0; i < a->nquestions; i++) {
		snprintf(name, sizeof name, "a%zu_q%zu_choices", ai, i);
		def_strlist(name, &a->questions[i].choices);
	}
	if (a->questions == NULL)
		return;
	printf("static const struct question a%zu_questions[] = {\n", ai);
	for (i = 0; i < a->nquestions; i++) {
		const struct question *q = &a->questions[i];

		fputs("{\n", stdout);
		put_field_str("id", q->id);
		put_field_str("text", q->text);
		snprintf(name, sizeof name, "a%zu_q%zu_choices", ai, i);
		put_field_strlist("choices", name, &q->choices);
		put_field_str("warn_if", q->warn_if);
		put_field_str("warning", q->warning);
		printf("\t.approach = %zu,\n},\n", q->approach);
	}
	end_array(a->nquestions);
}

static void
def_evidence(size_t ai, const struct approach *a)
{
	size_t i;

	if (a->evidence == NULL)
		return;
	printf("static const struct evidence a%zu_evidence[] = {\n", ai);
	for (i = 0; i < a->nevidence; i++) {
		fputs("{\n", stdout);
		put_field_str("claim", a->evidence[i].claim);
		put_field_str("source", a->evidence[i].source);
		fputs("},\n", stdout);
	}
	end_array(a->nevidence);
}

/* The arrays an approach points to, named after it: a0_suits, a0_p1_steps. */
static void
def_approach_parts(size_t ai, const struct approach *a)
{
	char name[NAME_MAX_LEN];

	snprintf(name, sizeof name, "a%zu_suits", ai);
	def_strlist(name, &a->suits);
	snprintf(name, sizeof name, "a%zu_resources", ai);
	def_resources(name, a->resources, a->nresources);
	snprintf(name, sizeof name, "a%zu_principles", ai);
	def_strlist(name, &a->principles);
	snprintf(name, sizeof name, "a%zu_steps", ai);
	def_strlist(name, &a->steps);
	def_practices('a', ai, a->practices, a->npractices);
	def_questions(ai, a);
	snprintf(name, sizeof name, "a%zu_cautions", ai);
	def_strlist(name, &a->cautions);
	def_evidence(ai, a);
}

static void
put_approach(size_t ai, const struct approach *a)
{
	char name[NAME_MAX_LEN];

	fputs("{\n", stdout);
	put_field_str("id", a->id);
	put_field_str("title", a->title);
	put_field_str("summary", a->summary);
	put_field_str("model", a->model);
	snprintf(name, sizeof name, "a%zu_suits", ai);
	put_field_strlist("suits", name, &a->suits);
	printf("\t.effort = (enum effort)%d, /* %s */\n", a->effort,
	       content_effort_name(a->effort));
	printf("\t.trial_days = %d,\n\t.wildcard = %d,\n\t.report = %d,\n",
	       a->trial_days, a->wildcard, a->report);
	printf("\t.settle_days = %d,\n\t.flare_tool = %d,\n", a->settle_days,
	       a->flare_tool);
	printf("\t.reversible = %d,\n\t.pause_days = %d,\n", a->reversible,
	       a->pause_days);
	snprintf(name, sizeof name, "a%zu_resources", ai);
	fputs("\t.resources = ", stdout);
	put_ref("struct resource *", name, a->resources);
	printf(",\n\t.nresources = %zu,\n", a->nresources);
	snprintf(name, sizeof name, "a%zu_principles", ai);
	put_field_strlist("principles", name, &a->principles);
	snprintf(name, sizeof name, "a%zu_steps", ai);
	put_field_strlist("steps", name, &a->steps);
	snprintf(name, sizeof name, "a%zu_practices", ai);
	fputs("\t.practices = ", stdout);
	put_ref("struct practice *", name, a->practices);
	printf(",\n\t.npractices = %zu,\n", a->npractices);
	snprintf(name, sizeof name, "a%zu_questions", ai);
	fputs("\t.questions = ", stdout);
	put_ref("struct question *", name, a->questions);
	printf(",\n\t.nquestions = %zu,\n", a->nquestions);
	snprintf(name, sizeof name, "a%zu_cautions", ai);
	put_field_strlist("cautions", name, &a->cautions);
	snprintf(name, sizeof name, "a%zu_evidence", ai);
	fputs("\t.evidence = ", stdout);
	put_ref("struct evidence *", name, a->evidence);
	printf(",\n\t.nevidence = %zu,\n},\n", a->nevidence);
}

/* A lesson's arrays, named after it (l0_sources, l0_p0_steps), then the
 * lessons. */
static void
def_lessons(const struct pack *p)
{
	char name[NAME_MAX_LEN];
	size_t i;

	for (i = 0; i < p->nlessons; i++) {
		const struct lesson *l = &p->lessons[i];

		snprintf(name, sizeof name, "l%zu_sources", i);
		def_strlist(name, &l->sources);
		snprintf(name, sizeof name, "l%zu_after", i);
		def_strlist(name, &l->after);
		def_practices('l', i, l->practices, l->npractices);
	}
	if (p->lessons == NULL)
		return;
	fputs("static const struct lesson lessons[] = {\n", stdout);
	for (i = 0; i < p->nlessons; i++) {
		const struct lesson *l = &p->lessons[i];

		fputs("{\n", stdout);
		put_field_str("id", l->id);
		put_field_str("title", l->title);
		put_field_str("text", l->text);
		snprintf(name, sizeof name, "l%zu_sources", i);
		put_field_strlist("sources", name, &l->sources);
		snprintf(name, sizeof name, "l%zu_after", i);
		put_field_strlist("after", name, &l->after);
		snprintf(name, sizeof name, "l%zu_practices", i);
		fputs("\t.practices = ", stdout);
		put_ref("struct practice *", name, l->practices);
		printf(",\n\t.npractices = %zu,\n},\n", l->npractices);
	}
	end_array(p->nlessons);
}

static void
put_scale(const char *field, const char *anchors, const struct scale *s)
{
	printf("\t.%s = {\n\t.question = ", field);
	put_str(s->question);
	printf(",\n\t.anchors = ");
	put_ref("struct anchor *", anchors, s->anchors);
	printf(",\n\t.nanchors = %zu,\n\t},\n", s->nanchors);
}

static void
put_pack(const struct pack *p)
{
	size_t i;

	def_anchors("pain_anchors", &p->pain_scale);
	def_anchors("interference_anchors", &p->interference_scale);
	if (p->red_flags != NULL) {
		fputs("static const struct red_flag red_flags[] = {\n", stdout);
		for (i = 0; i < p->nred_flags; i++) {
			fputs("{\n", stdout);
			put_field_str("id", p->red_flags[i].id);
			put_field_str("question", p->red_flags[i].question);
			printf("\t.urgency = (enum urgency)%d, /* %s */\n",
			       p->red_flags[i].urgency,
			       content_urgency_name(p->red_flags[i].urgency));
			put_field_str("advice", p->red_flags[i].advice);
			put_field_str("source", p->red_flags[i].source);
			printf("\t.holds = %d,\n\t.revision = %d,\n",
			       p->red_flags[i].holds, p->red_flags[i].revision);
			fputs("},\n", stdout);
		}
		end_array(p->nred_flags);
	}
	for (i = 0; i < p->napproaches; i++)
		def_approach_parts(i, &p->approaches[i]);
	if (p->approaches != NULL) {
		fputs("static const struct approach approaches[] = {\n",
		      stdout);
		for (i = 0; i < p->napproaches; i++)
			put_approach(i, &p->approaches[i]);
		end_array(p->napproaches);
	}
	def_resources("further_reading", p->further_reading,
		      p->nfurther_reading);
	def_lessons(p);

	fputs("const struct pack content_builtin_pack = {\n", stdout);
	printf("\t.format = %d,\n", p->format);
	put_field_str("id", p->id);
	put_field_str("title", p->title);
	put_field_str("language", p->language);
	put_field_str("about", p->about);
	put_field_str("disclaimer", p->disclaimer);
	put_field_str("source", p->source);
	fputs("\t.onboarding = {\n", stdout);
	put_field_str("injury_question", p->onboarding.injury_question);
	put_field_str("injury_advice", p->onboarding.injury_advice);
	put_field_str("usual_pain_question", p->onboarding.usual_pain_question);
	fputs("\t},\n", stdout);
	put_scale("pain_scale", "pain_anchors", &p->pain_scale);
	put_scale("interference_scale", "interference_anchors",
		  &p->interference_scale);
	fputs("\t.red_flags = ", stdout);
	put_ref("struct red_flag *", "red_flags", p->red_flags);
	printf(",\n\t.nred_flags = %zu,\n\t.approaches = ", p->nred_flags);
	put_ref("struct approach *", "approaches", p->approaches);
	printf(",\n\t.napproaches = %zu,\n\t.further_reading = ",
	       p->napproaches);
	put_ref("struct resource *", "further_reading", p->further_reading);
	printf(",\n\t.nfurther_reading = %zu,\n\t.lessons = ",
	       p->nfurther_reading);
	put_ref("struct lesson *", "lessons", p->lessons);
	printf(",\n\t.nlessons = %zu,\n", p->nlessons);
	printf("\t.npractices = %zu,\n\t.nquestions = %zu,\n};\n",
	       p->npractices, p->nquestions);
}

/* The file's bytes and a closing NUL, for pack check and the unit tests. */
static void
put_bytes(const char *data, size_t len)
{
	size_t i;

	fputs("const char content_default_pack[] = {", stdout);
	for (i = 0; i < len; i++)
		printf("%s(char)0x%02x,", i % BYTES_PER_LINE ? " " : "\n\t",
		       (unsigned char)data[i]);
	printf("\n\t0};\nconst size_t content_default_pack_len = %zu;\n\n",
	       len);
}

int
main(int argc, char **argv)
{
	struct content_errors errs;
	struct pack *p;
	char *data;
	size_t i, len;
	int rc;

	if (argc != 2) {
		fprintf(stderr, "usage: packgen PACK.yaml > FILE.c\n");
		return EX_USAGE;
	}
	rc = content_load_file(argv[1], &p, &errs);
	for (i = 0; i < errs.n; i++)
		fprintf(stderr, "%s\n", errs.v[i]);
	if (errs.dropped > 0)
		fprintf(stderr, "packgen: ... and %zu more errors\n",
			errs.dropped);
	content_errors_free(&errs);
	if (rc != CONTENT_OK)
		return rc == CONTENT_UNREADABLE ? EX_NOINPUT : EX_DATAERR;
	/* The loader has just read it, so it is readable and small enough. */
	if (content_tree_read_file(argv[1], &data, &len) != 0) {
		fprintf(stderr, "packgen: %s: cannot read it again\n", argv[1]);
		content_free(p);
		return EX_IOERR;
	}

	printf("/* Generated from %s by tools/packgen.c; do not edit. */\n"
	       "#include <stddef.h>\n\n#include \"content.h\"\n\n",
	       argv[1]);
	put_bytes(data, len);
	put_pack(p);
	free(data);
	content_free(p);
	if (fflush(stdout) != 0 || ferror(stdout)) {
		perror("packgen: writing the C file");
		return EX_IOERR;
	}
	return 0;
}
