/* content.c: the pack's schema, its cross-checks, and the public API. */
#include "content.h"

#include "analysis.h"

#include <errno.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "content_int.h"
#include "util.h"

/* The limits of content/README.md. */
#define PACK_APPROACHES_MAX 32
#define SCALE_LOW 0 /* the pain and interference scales run 0..10 */
#define SCALE_HIGH 10
#define ANCHORS_MIN 2
#define ANCHORS_MAX 11
#define TRIAL_DAYS_MAX 365
#define MINUTES_MAX 180
#define PER_DAY_MAX 12
#define CHOICES_MIN 2
#define CHOICES_MAX 8
#define YEAR_MIN 1800
#define YEAR_MAX 2100

/* Enums are filled through an int. */
_Static_assert(sizeof(enum urgency) == sizeof(int), "enum urgency is an int");
_Static_assert(sizeof(enum effort) == sizeof(int), "enum effort is an int");
_Static_assert(sizeof(enum resource_kind) == sizeof(int),
	       "enum resource_kind is an int");

static const char *const urgency_names[] = {"emergency", "soon", NULL};
static const char *const effort_names[] = {"low", "medium", "high", NULL};
static const char *const kind_names[] = {
    "book", "video", "course", "article", "person", "product", NULL};

/* An id seen while walking, to find duplicates once the walk is over: a
 * current id, or an old one (renamed_from), which may clash with
 * neither. */
struct id_seen {
	const char *kind;
	const char *id;
	int line, col;
	size_t seq;
	int old;
};

struct id_check {
	struct id_seen *v;
	size_t n;
};

static void
id_note_at(struct id_check *ids, const char *kind, const char *id,
	   const struct content_node *node, int old)
{
	size_t n = ids->n;

	if (id == NULL || node == NULL)
		return;
	if (n == 0 || (n & (n - 1)) == 0)
		ids->v = xreallocarray(ids->v, n ? 2 * n : 4, sizeof *ids->v);
	ids->v[n].kind = kind;
	ids->v[n].id = id;
	ids->v[n].line = node->line;
	ids->v[n].col = node->col;
	ids->v[n].seq = n;
	ids->v[n].old = old;
	ids->n++;
}

static void
id_note(void *ctx, const char *kind, const char *id,
	const struct content_node *map)
{
	id_note_at(ctx, kind, id, content_tree_get(map, "id"), 0);
}

/* The old ids of renamed_from: each an id, noted to clash with no id of
 * its kind, current or old. */
static void
renamed_note(struct content_diag *d, void *ctx, const char *kind,
	     const struct content_node *map, const struct strlist *old)
{
	const struct content_node *list = content_tree_get(map, "renamed_from");
	size_t i;
	char *q;

	if (list == NULL || list->kind != CONTENT_SEQ || list->nkids != old->n)
		return;
	for (i = 0; i < old->n; i++) {
		if (!content_id_valid(old->v[i])) {
			q = content_diag_quote(old->v[i], strlen(old->v[i]));
			content_diag_add(d, list->kids[i]->line,
					 list->kids[i]->col,
					 "renamed_from: %s is not an id (a-z, "
					 "0-9 and '-', at most %d characters)",
					 q, CONTENT_ID_MAX);
			free(q);
			continue;
		}
		id_note_at(ctx, kind, old->v[i], list->kids[i], 1);
	}
}

static int
id_cmp(const void *pa, const void *pb)
{
	const struct id_seen *a = pa, *b = pb;
	int c = strcmp(a->kind, b->kind);

	if (c == 0)
		c = strcmp(a->id, b->id);
	if (c == 0)
		c = a->seq < b->seq ? -1 : a->seq > b->seq;
	return c;
}

/* Sorting, not comparing each pair: a hostile pack may hold many ids. */
static void
id_report(struct content_diag *d, struct id_check *ids)
{
	const struct id_seen *first = NULL;
	size_t i;

	if (ids->n == 0)
		return;
	qsort(ids->v, ids->n, sizeof *ids->v, id_cmp);
	for (i = 0; i < ids->n; i++) {
		if (first == NULL || strcmp(first->kind, ids->v[i].kind) != 0 ||
		    strcmp(first->id, ids->v[i].id) != 0) {
			first = &ids->v[i];
			continue;
		}
		if (first->old || ids->v[i].old)
			content_diag_add(
			    d, ids->v[i].line, ids->v[i].col,
			    "%s id '%s' is also %s at line %d, "
			    "column %d: an old id (renamed_from) "
			    "names one %s only, and no current one",
			    ids->v[i].kind, ids->v[i].id,
			    first->old ? "an old id" : "an id", first->line,
			    first->col, ids->v[i].kind);
		else
			content_diag_add(d, ids->v[i].line, ids->v[i].col,
					 "duplicate %s id '%s' (first at line "
					 "%d, column %d)",
					 ids->v[i].kind, ids->v[i].id,
					 first->line, first->col);
	}
	free(ids->v);
}

/* An absent `holds` holds (the safe default); an emergency always does. */
static void
red_flag_check(struct content_diag *d, const struct content_node *map,
	       void *obj, void *ctx)
{
	struct red_flag *f = obj;
	const struct content_node *holds = content_tree_get(map, "holds");

	id_note(ctx, "red flag", f->id, map);
	if (holds == NULL)
		f->holds = 1;
	else if (!f->holds && f->urgency == URGENCY_EMERGENCY &&
		 content_tree_get(map, "urgency") != NULL)
		content_diag_add(d, holds->line, holds->col,
				 "an emergency red flag always holds the "
				 "approaches back: remove 'holds: false' or "
				 "make it 'urgency: soon'");
}

static void
practice_check(struct content_diag *d, const struct content_node *map,
	       void *obj, void *ctx)
{
	const struct practice *p = obj;

	id_note(ctx, "practice", p->id, map);
	renamed_note(d, ctx, "practice", map, &p->renamed_from);
}

static void
approach_check(struct content_diag *d, const struct content_node *map,
	       void *obj, void *ctx)
{
	const struct approach *a = obj;

	id_note(ctx, "approach", a->id, map);
	renamed_note(d, ctx, "approach", map, &a->renamed_from);
}

/* The n-th item of a list node, if it is a plain string. */
static const struct content_node *
string_item(const struct content_node *list, size_t i)
{
	const struct content_node *n = list->kids[i];

	return n->kind == CONTENT_SCALAR && !n->bad ? n : NULL;
}

static void
choices_check(struct content_diag *d, const struct content_node *list)
{
	const struct content_node *a, *b;
	size_t i, j;
	char *q;

	/* Longer lists are already wrong, and pairs would cost too much. */
	if (list->nkids > CHOICES_MAX)
		return;
	for (j = 1; j < list->nkids; j++) {
		b = string_item(list, j);
		for (i = 0; b != NULL && i < j; i++) {
			a = string_item(list, i);
			if (a == NULL || a->len != b->len ||
			    memcmp(a->str, b->str, a->len) != 0)
				continue;
			q = content_diag_quote(b->str, b->len);
			content_diag_add(d, b->line, b->col,
					 "duplicate choice %s (first at line "
					 "%d, column %d)",
					 q, a->line, a->col);
			free(q);
			break;
		}
	}
}

static void
question_check(struct content_diag *d, const struct content_node *map,
	       void *obj, void *ctx)
{
	const struct question *q = obj;
	const struct content_node *choices = content_tree_get(map, "choices");
	const struct content_node *warn_if = content_tree_get(map, "warn_if");
	const struct content_node *warning = content_tree_get(map, "warning");
	size_t i;
	char *s;

	id_note(ctx, "question", q->id, map);
	renamed_note(d, ctx, "question", map, &q->renamed_from);
	if (choices != NULL && choices->kind == CONTENT_SEQ)
		choices_check(d, choices);
	if (warn_if != NULL && warning == NULL)
		content_diag_add(d, warn_if->line, warn_if->col,
				 "'warn_if' needs a 'warning' to show");
	if (warning != NULL && warn_if == NULL)
		content_diag_add(d, warning->line, warning->col,
				 "'warning' needs a 'warn_if' (the answer "
				 "that shows it)");
	if (q->warn_if == NULL || choices == NULL ||
	    choices->kind != CONTENT_SEQ)
		return;
	for (i = 0; i < q->choices.n; i++)
		if (strcmp(q->choices.v[i], q->warn_if) == 0)
			return;
	s = content_diag_quote(q->warn_if, strlen(q->warn_if));
	content_diag_add(d, warn_if->line, warn_if->col,
			 "'warn_if' must be one of the choices, got %s", s);
	free(s);
}

static void
scale_check(struct content_diag *d, const struct content_node *map, void *obj,
	    void *ctx)
{
	const struct content_node *anchors = content_tree_get(map, "anchors");
	const struct content_node *v;
	size_t i;
	long x, prev = 0;
	int have_prev = 0;

	(void)obj;
	(void)ctx;
	if (anchors == NULL || anchors->kind != CONTENT_SEQ)
		return;
	for (i = 0; i < anchors->nkids; i++) {
		v = content_tree_get(anchors->kids[i], "value");
		if (v == NULL ||
		    content_tree_int(v, SCALE_LOW, SCALE_HIGH, &x) != 0)
			continue;
		if (i == 0 && x != SCALE_LOW)
			content_diag_add(d, v->line, v->col,
					 "the first anchor must have value "
					 "%d, got %ld",
					 SCALE_LOW, x);
		else if (have_prev && x <= prev)
			content_diag_add(d, v->line, v->col,
					 "anchor values must increase: %ld "
					 "after %ld",
					 x, prev);
		else if (i + 1 == anchors->nkids && x != SCALE_HIGH)
			content_diag_add(d, v->line, v->col,
					 "the last anchor must have value %d, "
					 "got %ld",
					 SCALE_HIGH, x);
		prev = x;
		have_prev = 1;
	}
}

#define FIELD(T, name, ty, req)                                                \
	.key = #name, .type = (ty), .required = (req),                         \
	.off = offsetof(struct T, name)
#define LIST(T, name, req, schema, lo, hi)                                     \
	FIELD(T, name, SCHEMA_LIST, req),                                      \
	    .sub = &(schema), .count_off = offsetof(struct T, n##name),        \
	    .min = (lo), .max = (hi)

static const struct schema_field anchor_fields[] = {
    {FIELD(anchor, value, SCHEMA_INT, 1), .min = SCALE_LOW, .max = SCALE_HIGH},
    {FIELD(anchor, label, SCHEMA_STRING, 1)},
    {0},
};
static const struct schema anchor_schema = {"anchor", sizeof(struct anchor),
					    anchor_fields, NULL};

static const struct schema_field scale_fields[] = {
    {FIELD(scale, question, SCHEMA_STRING, 1)},
    {LIST(scale, anchors, 1, anchor_schema, ANCHORS_MIN, ANCHORS_MAX)},
    {0},
};
static const struct schema scale_schema = {"scale", sizeof(struct scale),
					   scale_fields, scale_check};

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
    {0},
};
static const struct schema red_flag_schema = {
    "red flag", sizeof(struct red_flag), red_flag_fields, red_flag_check};

static const struct schema_field resource_fields[] = {
    {FIELD(resource, kind, SCHEMA_ENUM, 1), .names = kind_names},
    {FIELD(resource, title, SCHEMA_STRING, 1)},
    {FIELD(resource, by, SCHEMA_STRING, 0)},
    {FIELD(resource, year, SCHEMA_INT, 0), .min = YEAR_MIN, .max = YEAR_MAX},
    {FIELD(resource, note, SCHEMA_STRING, 0)},
    {0},
};
static const struct schema resource_schema = {
    "resource", sizeof(struct resource), resource_fields, NULL};

static const struct schema_field practice_fields[] = {
    {FIELD(practice, id, SCHEMA_ID, 1)},
    {FIELD(practice, title, SCHEMA_STRING, 1)},
    {FIELD(practice, minutes, SCHEMA_INT, 1), .min = 1, .max = MINUTES_MAX},
    {FIELD(practice, per_day, SCHEMA_INT, 1), .min = 1, .max = PER_DAY_MAX},
    {FIELD(practice, flare, SCHEMA_BOOL, 0)},
    {FIELD(practice, steps, SCHEMA_STRINGS, 1), .min = 1, .max = SCHEMA_NO_MAX},
    {FIELD(practice, renamed_from, SCHEMA_STRINGS, 0), .min = 0,
     .max = SCHEMA_NO_MAX},
    {0},
};
static const struct schema practice_schema = {
    "practice", sizeof(struct practice), practice_fields, practice_check};

static const struct schema_field question_fields[] = {
    {FIELD(question, id, SCHEMA_ID, 1)},
    {FIELD(question, text, SCHEMA_STRING, 1)},
    {FIELD(question, choices, SCHEMA_STRINGS, 1), .min = CHOICES_MIN,
     .max = CHOICES_MAX},
    {FIELD(question, warn_if, SCHEMA_STRING, 0)},
    {FIELD(question, warning, SCHEMA_STRING, 0)},
    {FIELD(question, renamed_from, SCHEMA_STRINGS, 0), .min = 0,
     .max = SCHEMA_NO_MAX},
    {0},
};
static const struct schema question_schema = {
    "question", sizeof(struct question), question_fields, question_check};

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
     .max = TRIAL_DAYS_MAX},
    {FIELD(approach, wildcard, SCHEMA_BOOL, 0)},
    {FIELD(approach, settle_days, SCHEMA_INT, 0), .min = 1,
     .max = ANALYSIS_SETTLE_DAYS_MAX},
    {FIELD(approach, flare_tool, SCHEMA_BOOL, 0)},
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
    "approach", sizeof(struct approach), approach_fields, approach_check};

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
    {LIST(pack, approaches, 1, approach_schema, 1, PACK_APPROACHES_MAX)},
    {LIST(pack, further_reading, 0, resource_schema, 0, SCHEMA_NO_MAX)},
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
		for (i = 0; i < p->approaches[a].npractices; i++)
			p->approaches[a].practices[i].approach = a;
		for (i = 0; i < p->approaches[a].nquestions; i++)
			p->approaches[a].questions[i].approach = a;
		p->npractices += p->approaches[a].npractices;
		p->nquestions += p->approaches[a].nquestions;
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
	struct id_check ids = {0};
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
	content_schema_walk(&d, &pack_schema, root, p, &ids);
	id_report(&d, &ids);
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

const struct approach *
content_approach(const struct pack *p, const char *id)
{
	int i = content_approach_index(p, id);

	return i < 0 ? NULL : &p->approaches[i];
}

int
content_approach_index(const struct pack *p, const char *id)
{
	size_t i;

	for (i = 0; i < p->napproaches; i++)
		if (strcmp(p->approaches[i].id, id) == 0)
			return (int)i;
	return -1;
}

const struct practice *
content_practice(const struct pack *p, const char *id)
{
	size_t a, i;

	for (a = 0; a < p->napproaches; a++)
		for (i = 0; i < p->approaches[a].npractices; i++)
			if (strcmp(p->approaches[a].practices[i].id, id) == 0)
				return &p->approaches[a].practices[i];
	return NULL;
}

const struct question *
content_question(const struct pack *p, const char *id)
{
	size_t a, i;

	for (a = 0; a < p->napproaches; a++)
		for (i = 0; i < p->approaches[a].nquestions; i++)
			if (strcmp(p->approaches[a].questions[i].id, id) == 0)
				return &p->approaches[a].questions[i];
	return NULL;
}

/* Whether l lists id. */
static int
listed(const struct strlist *l, const char *id)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		if (strcmp(l->v[i], id) == 0)
			return 1;
	return 0;
}

const struct approach *
content_approach_renamed(const struct pack *p, const char *id)
{
	size_t a;

	for (a = 0; a < p->napproaches; a++)
		if (listed(&p->approaches[a].renamed_from, id))
			return &p->approaches[a];
	return NULL;
}

const struct practice *
content_practice_renamed(const struct pack *p, const char *id)
{
	size_t a, i;

	for (a = 0; a < p->napproaches; a++)
		for (i = 0; i < p->approaches[a].npractices; i++)
			if (listed(&p->approaches[a].practices[i].renamed_from,
				   id))
				return &p->approaches[a].practices[i];
	return NULL;
}

const struct question *
content_question_renamed(const struct pack *p, const char *id)
{
	size_t a, i;

	for (a = 0; a < p->napproaches; a++)
		for (i = 0; i < p->approaches[a].nquestions; i++)
			if (listed(&p->approaches[a].questions[i].renamed_from,
				   id))
				return &p->approaches[a].questions[i];
	return NULL;
}

const struct red_flag *
content_red_flag(const struct pack *p, const char *id)
{
	size_t i;

	for (i = 0; i < p->nred_flags; i++)
		if (strcmp(p->red_flags[i].id, id) == 0)
			return &p->red_flags[i];
	return NULL;
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
