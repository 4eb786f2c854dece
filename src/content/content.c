/* content.c: the pack's schema and its loader (its cross-checks are in
 * content_check.c, the lookups by id in content_find.c). */
#include "content.h"

#include "analysis.h"

#include <errno.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "content_int.h"
#include "util.h"

/* Enums are filled through an int. */
_Static_assert(sizeof(enum urgency) == sizeof(int), "enum urgency is an int");
_Static_assert(sizeof(enum effort) == sizeof(int), "enum effort is an int");
_Static_assert(sizeof(enum resource_kind) == sizeof(int),
	       "enum resource_kind is an int");

static const char *const urgency_names[] = {"emergency", "soon", NULL};
static const char *const effort_names[] = {"low", "medium", "high", NULL};
static const char *const kind_names[] = {
    "book", "video", "course", "article", "person", "product", NULL};

#define FIELD(T, name, ty, req)                                                \
	.key = #name, .type = (ty), .required = (req),                         \
	.off = offsetof(struct T, name)
#define LIST(T, name, req, schema, lo, hi)                                     \
	FIELD(T, name, SCHEMA_LIST, req),                                      \
	    .sub = &(schema), .count_off = offsetof(struct T, n##name),        \
	    .min = (lo), .max = (hi)

static const struct schema_field anchor_fields[] = {
    {FIELD(anchor, value, SCHEMA_INT, 1), .min = CONTENT_SCALE_LOW,
     .max = CONTENT_SCALE_HIGH},
    {FIELD(anchor, label, SCHEMA_STRING, 1)},
    {0},
};
static const struct schema anchor_schema = {"anchor", sizeof(struct anchor),
					    anchor_fields, NULL};

static const struct schema_field scale_fields[] = {
    {FIELD(scale, question, SCHEMA_STRING, 1)},
    {LIST(scale, anchors, 1, anchor_schema, CONTENT_ANCHORS_MIN,
	  CONTENT_ANCHORS_MAX)},
    {0},
};
static const struct schema scale_schema = {"scale", sizeof(struct scale),
					   scale_fields, content_scale_check};

static const struct schema_field onboarding_fields[] = {
    {FIELD(onboarding, injury_question, SCHEMA_STRING, 1)},
    {FIELD(onboarding, injury_advice, SCHEMA_STRING, 1)},
    {FIELD(onboarding, usual_pain_question, SCHEMA_STRING, 1)},
    {0},
};
static const struct schema onboarding_schema = {
    "onboarding", sizeof(struct onboarding), onboarding_fields, NULL};

static const struct schema_field red_flag_fields[] = {
    {FIELD(red_flag, id, SCHEMA_ID, 1)},
    {FIELD(red_flag, question, SCHEMA_STRING, 1)},
    {FIELD(red_flag, urgency, SCHEMA_ENUM, 1), .names = urgency_names},
    {FIELD(red_flag, advice, SCHEMA_STRING, 1)},
    {FIELD(red_flag, source, SCHEMA_STRING, 0)},
    {FIELD(red_flag, holds, SCHEMA_BOOL, 0)},
    {FIELD(red_flag, revision, SCHEMA_INT, 0), .min = 1,
     .max = CONTENT_REVISION_MAX},
    {0},
};
static const struct schema red_flag_schema = {
    "red flag", sizeof(struct red_flag), red_flag_fields,
    content_red_flag_check};

static const struct schema_field resource_fields[] = {
    {FIELD(resource, kind, SCHEMA_ENUM, 1), .names = kind_names},
    {FIELD(resource, title, SCHEMA_STRING, 1)},
    {FIELD(resource, by, SCHEMA_STRING, 0)},
    {FIELD(resource, year, SCHEMA_INT, 0), .min = CONTENT_YEAR_MIN,
     .max = CONTENT_YEAR_MAX},
    {FIELD(resource, note, SCHEMA_STRING, 0)},
    {0},
};
static const struct schema resource_schema = {
    "resource", sizeof(struct resource), resource_fields, NULL};

static const struct schema_field practice_fields[] = {
    {FIELD(practice, id, SCHEMA_ID, 1)},
    {FIELD(practice, title, SCHEMA_STRING, 1)},
    {FIELD(practice, minutes, SCHEMA_INT, 1), .min = 1,
     .max = CONTENT_MINUTES_MAX},
    {FIELD(practice, per_day, SCHEMA_INT, 1), .min = 1,
     .max = CONTENT_PER_DAY_MAX},
    {FIELD(practice, flare, SCHEMA_BOOL, 0)},
    {FIELD(practice, steps, SCHEMA_STRINGS, 1), .min = 1, .max = SCHEMA_NO_MAX},
    {FIELD(practice, renamed_from, SCHEMA_STRINGS, 0), .min = 0,
     .max = SCHEMA_NO_MAX},
    {0},
};
static const struct schema practice_schema = {
    "practice", sizeof(struct practice), practice_fields,
    content_practice_check};

static const struct schema_field question_fields[] = {
    {FIELD(question, id, SCHEMA_ID, 1)},
    {FIELD(question, text, SCHEMA_STRING, 1)},
    {FIELD(question, choices, SCHEMA_STRINGS, 1), .min = CONTENT_CHOICES_MIN,
     .max = CONTENT_CHOICES_MAX},
    {FIELD(question, warn_if, SCHEMA_STRING, 0)},
    {FIELD(question, warning, SCHEMA_STRING, 0)},
    {FIELD(question, renamed_from, SCHEMA_STRINGS, 0), .min = 0,
     .max = SCHEMA_NO_MAX},
    {0},
};
static const struct schema question_schema = {
    "question", sizeof(struct question), question_fields,
    content_question_check};

static const struct schema_field evidence_fields[] = {
    {FIELD(evidence, claim, SCHEMA_STRING, 1)},
    {FIELD(evidence, source, SCHEMA_STRING, 1)},
    {0},
};
static const struct schema evidence_schema = {
    "evidence", sizeof(struct evidence), evidence_fields, NULL};

static const struct schema_field approach_fields[] = {
    {FIELD(approach, id, SCHEMA_ID, 1)},
    {FIELD(approach, title, SCHEMA_STRING, 1)},
    {FIELD(approach, summary, SCHEMA_STRING, 1)},
    {FIELD(approach, model, SCHEMA_STRING, 1)},
    {FIELD(approach, suits, SCHEMA_STRINGS, 1), .min = 1, .max = SCHEMA_NO_MAX},
    {FIELD(approach, effort, SCHEMA_ENUM, 1), .names = effort_names},
    {FIELD(approach, trial_days, SCHEMA_INT, 0), .min = 1,
     .max = CONTENT_TRIAL_DAYS_MAX},
    {FIELD(approach, wildcard, SCHEMA_BOOL, 0)},
    {FIELD(approach, settle_days, SCHEMA_INT, 0), .min = 1,
     .max = ANALYSIS_SETTLE_DAYS_MAX},
    {FIELD(approach, flare_tool, SCHEMA_BOOL, 0)},
    {FIELD(approach, reversible, SCHEMA_BOOL, 0)},
    {FIELD(approach, pause_days, SCHEMA_INT, 0), .min = CONTENT_PAUSE_DAYS_MIN,
     .max = CONTENT_PAUSE_DAYS_MAX},
    {FIELD(approach, report, SCHEMA_BOOL, 0)},
    {LIST(approach, resources, 0, resource_schema, 0, SCHEMA_NO_MAX)},
    {FIELD(approach, principles, SCHEMA_STRINGS, 0), .min = 0,
     .max = SCHEMA_NO_MAX},
    {FIELD(approach, steps, SCHEMA_STRINGS, 1), .min = 1, .max = SCHEMA_NO_MAX},
    {LIST(approach, practices, 0, practice_schema, 0, SCHEMA_NO_MAX)},
    {LIST(approach, questions, 0, question_schema, 0, SCHEMA_NO_MAX)},
    {FIELD(approach, cautions, SCHEMA_STRINGS, 0), .min = 0,
     .max = SCHEMA_NO_MAX},
    {LIST(approach, evidence, 0, evidence_schema, 0, SCHEMA_NO_MAX)},
    {FIELD(approach, renamed_from, SCHEMA_STRINGS, 0), .min = 0,
     .max = SCHEMA_NO_MAX},
    {0},
};
static const struct schema approach_schema = {
    "approach", sizeof(struct approach), approach_fields,
    content_approach_check};

static const struct schema_field lesson_fields[] = {
    {FIELD(lesson, id, SCHEMA_ID, 1)},
    {FIELD(lesson, title, SCHEMA_STRING, 1)},
    {FIELD(lesson, text, SCHEMA_STRING, 1)},
    {FIELD(lesson, sources, SCHEMA_STRINGS, 1), .min = 1, .max = SCHEMA_NO_MAX},
    {FIELD(lesson, after, SCHEMA_STRINGS, 0), .min = 1,
     .max = CONTENT_AFTER_MAX},
    {LIST(lesson, practices, 0, practice_schema, 0, SCHEMA_NO_MAX)},
    {0},
};
static const struct schema lesson_schema = {
    "lesson", sizeof(struct lesson), lesson_fields, content_lesson_check};

static const struct schema_field pack_fields[] = {
    {FIELD(pack, format, SCHEMA_INT, 1), .min = 1, .max = CONTENT_FORMAT},
    {FIELD(pack, id, SCHEMA_ID, 1)},
    {FIELD(pack, title, SCHEMA_STRING, 1)},
    {FIELD(pack, language, SCHEMA_STRING, 1)},
    {FIELD(pack, about, SCHEMA_STRING, 1)},
    {FIELD(pack, disclaimer, SCHEMA_STRING, 1)},
    {FIELD(pack, source, SCHEMA_STRING, 0)},
    {FIELD(pack, onboarding, SCHEMA_MAP, 1), .sub = &onboarding_schema},
    {FIELD(pack, pain_scale, SCHEMA_MAP, 1), .sub = &scale_schema},
    {FIELD(pack, interference_scale, SCHEMA_MAP, 1), .sub = &scale_schema},
    {LIST(pack, red_flags, 1, red_flag_schema, 1, SCHEMA_NO_MAX)},
    {LIST(pack, approaches, 1, approach_schema, 1, CONTENT_APPROACHES_MAX)},
    {LIST(pack, further_reading, 0, resource_schema, 0, SCHEMA_NO_MAX)},
    {LIST(pack, lessons, 0, lesson_schema, 0, SCHEMA_NO_MAX)},
    {0},
};
static const struct schema pack_schema = {"the pack", sizeof(struct pack),
					  pack_fields, NULL};

/*
 * A newer format may mean keys this program does not know: say that alone
 * instead of a list of unknown keys.
 */
static int
newer_format(struct content_diag *d, const struct content_node *root)
{
	const struct content_node *f = content_tree_get(root, "format");
	long v;
	char *q;

	if (f == NULL || f->kind != CONTENT_SCALAR || !f->plain || f->bad ||
	    f->len == 0 || strspn(f->str, "0123456789") != f->len)
		return 0;
	/* Too many digits for a long is newer still. */
	if (util_parse_int(f->str, 0, CONTENT_FORMAT, &v) == 0)
		return 0;
	q = content_diag_quote(f->str, f->len);
	content_diag_add(d, f->line, f->col,
			 "pack format %s is newer than this backpain reads "
			 "(%d); the pack needs a newer backpain",
			 q, CONTENT_FORMAT);
	free(q);
	return 1;
}

/* Back-links and totals that the file does not spell out. */
static void
link_pack(struct pack *p)
{
	size_t a, i;

	for (a = 0; a < p->napproaches; a++) {
		for (i = 0; i < p->approaches[a].npractices; i++) {
			p->approaches[a].practices[i].approach = a;
			p->approaches[a].practices[i].lesson = CONTENT_NONE;
		}
		for (i = 0; i < p->approaches[a].nquestions; i++)
			p->approaches[a].questions[i].approach = a;
		p->npractices += p->approaches[a].npractices;
		p->nquestions += p->approaches[a].nquestions;
	}
	for (a = 0; a < p->nlessons; a++)
		for (i = 0; i < p->lessons[a].npractices; i++) {
			p->lessons[a].practices[i].approach = CONTENT_NONE;
			p->lessons[a].practices[i].lesson = a;
		}
}

static void
errors_reset(struct content_errors *errs)
{
	errs->v = NULL;
	errs->n = 0;
	errs->dropped = 0;
}

int
content_load_buffer(const char *name, const char *data, size_t len,
		    struct pack **out, struct content_errors *errs)
{
	struct content_diag d;
	struct content_node *root = NULL;
	struct content_load_ctx ctx = {0};
	struct pack *p;

	*out = NULL;
	errors_reset(errs);
	content_diag_init(&d, name);
	if (len > CONTENT_MAX_BYTES)
		content_diag_add(&d, 1, 1,
				 "the file is larger than %d bytes (1 MiB)",
				 CONTENT_MAX_BYTES);
	else if (content_tree_parse(&d, data, len, &root) == 0 && root == NULL)
		content_diag_add(&d, 1, 1,
				 "the file is empty; a pack is a YAML "
				 "mapping");
	if (root == NULL || newer_format(&d, root)) {
		content_tree_free(root);
		content_diag_finish(&d, errs);
		return CONTENT_INVALID;
	}
	p = xcalloc(1, sizeof *p);
	content_schema_walk(&d, &pack_schema, root, p, &ctx);
	content_after_report(&d, &ctx, p);
	content_id_report(&d, &ctx.ids);
	content_tree_free(root);
	if (d.total > 0) {
		content_free(p);
		content_diag_finish(&d, errs);
		return CONTENT_INVALID;
	}
	link_pack(p);
	content_diag_finish(&d, errs);
	*out = p;
	return CONTENT_OK;
}

int
content_load_file(const char *path, struct pack **out,
		  struct content_errors *errs)
{
	struct content_diag d;
	char *data;
	size_t len;
	int rc;

	*out = NULL;
	errors_reset(errs);
	rc = content_tree_read_file(path, &data, &len);
	if (rc == -1 || rc == -3) {
		errs->v = xcalloc(1, sizeof *errs->v);
		errs->v[0] = xasprintf("%s: cannot read: %s", path,
				       rc == -3 ? "it is not a regular file"
						: strerror(errno));
		errs->n = 1;
		return CONTENT_UNREADABLE;
	}
	if (rc == -2) {
		content_diag_init(&d, path);
		content_diag_add(&d, 1, 1,
				 "the file is larger than %d bytes (1 MiB)",
				 CONTENT_MAX_BYTES);
		content_diag_finish(&d, errs);
		return CONTENT_INVALID;
	}
	rc = content_load_buffer(path, data, len, out, errs);
	free(data);
	return rc;
}

/*
 * The build checked the pack and compiled it, so there is nothing to parse.
 * The const goes: the API hands out struct pack *, and callers only read it.
 */
int
content_load_default(struct pack **out, struct content_errors *errs)
{
	errors_reset(errs);
	*out = (struct pack *)&content_builtin_pack;
	return CONTENT_OK;
}

void
content_free(struct pack *p)
{
	if (p == NULL || p == &content_builtin_pack)
		return;
	content_schema_free(&pack_schema, p);
	free(p);
}

void
content_errors_free(struct content_errors *errs)
{
	size_t i;

	for (i = 0; i < errs->n; i++)
		free(errs->v[i]);
	free(errs->v);
	errors_reset(errs);
}
const char *
content_urgency_name(enum urgency u)
{
	return (unsigned)u < sizeof urgency_names / sizeof urgency_names[0] - 1
		   ? urgency_names[u]
		   : "?";
}

const char *
content_effort_name(enum effort e)
{
	return (unsigned)e < sizeof effort_names / sizeof effort_names[0] - 1
		   ? effort_names[e]
		   : "?";
}

const char *
content_resource_kind_name(enum resource_kind k)
{
	return (unsigned)k < sizeof kind_names / sizeof kind_names[0] - 1
		   ? kind_names[k]
		   : "?";
}
