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
#define REVISION_MAX 1000
/* A lesson's moments are distinct, so there are at most the three fixed
 * ones and a start and a stop for each approach. */
#define AFTER_FIXED 3
#define AFTER_MAX (AFTER_FIXED + 2 * PACK_APPROACHES_MAX)

/* Enums are filled through an int. */
_Static_assert(sizeof(enum urgency) == sizeof(int), "enum urgency is an int");
_Static_assert(sizeof(enum effort) == sizeof(int), "enum effort is an int");
_Static_assert(sizeof(enum resource_kind) == sizeof(int),
	       "enum resource_kind is an int");

static const char *const urgency_names[] = {"emergency", "soon", NULL};
static const char *const effort_names[] = {"low", "medium", "high", NULL};
static const char *const kind_names[] = {
    "book", "video", "course", "article", "person", "product", NULL};
static const char *const after_fixed[AFTER_FIXED] = {
    CONTENT_MOMENT_FIRST_CHECKIN, CONTENT_MOMENT_FIRST_WEEK,
    CONTENT_MOMENT_FLARE};

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

/* A lesson's `after:` list, checked once every approach id is known. */
struct after_seen {
	const struct content_node *list;
	const struct lesson *lesson;
};

/* What the check functions gather while the pack is walked (their ctx). */
struct load_ctx {
	struct id_check ids;
	struct after_seen *after;
	size_t nafter;
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
	id_note_at(&((struct load_ctx *)ctx)->ids, kind, id,
		   content_tree_get(map, "id"), 0);
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
		id_note_at(&((struct load_ctx *)ctx)->ids, kind, old->v[i],
			   list->kids[i], 1);
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

/* By id alone, then in file order: one id's uses of every kind together. */
static int
id_cmp_any_kind(const void *pa, const void *pb)
{
	const struct id_seen *a = pa, *b = pb;
	int c = strcmp(a->id, b->id);

	if (c == 0)
		c = a->seq < b->seq ? -1 : a->seq > b->seq;
	return c;
}

static int
is_lesson(const struct id_seen *s)
{
	return strcmp(s->kind, "lesson") == 0;
}

/*
 * A lesson's id may not be any other id of the pack: the log may keep the
 * sessions of a lesson's practice under the lesson's id, where an
 * approach's id stands for the others, so the two must never be confused.
 * ids is sorted by id.
 */
static void
lesson_id_report(struct content_diag *d, const struct id_check *ids)
{
	size_t i, j, end;

	for (i = 0; i < ids->n; i = end) {
		const struct id_seen *other = NULL;

		for (end = i + 1;
		     end < ids->n && strcmp(ids->v[end].id, ids->v[i].id) == 0;
		     end++)
			;
		for (j = i; j < end && other == NULL; j++)
			if (!is_lesson(&ids->v[j]))
				other = &ids->v[j];
		for (j = i; j < end && other != NULL; j++)
			if (is_lesson(&ids->v[j]))
				content_diag_add(
				    d, ids->v[j].line, ids->v[j].col,
				    "lesson id '%s' is already the id of a%s "
				    "%s (line %d, column %d); a lesson's id "
				    "must differ from every other id",
				    ids->v[j].id,
				    strchr("aeiou", other->kind[0]) ? "n" : "",
				    other->kind, other->line, other->col);
	}
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
	qsort(ids->v, ids->n, sizeof *ids->v, id_cmp_any_kind);
	lesson_id_report(d, ids);
	free(ids->v);
}

/* An absent `holds` holds (the safe default); an emergency always does.
 * An absent `revision` is the first. */
static void
red_flag_check(struct content_diag *d, const struct content_node *map,
	       void *obj, void *ctx)
{
	struct red_flag *f = obj;
	const struct content_node *holds = content_tree_get(map, "holds");

	id_note(ctx, "red flag", f->id, map);
	if (content_tree_get(map, "revision") == NULL)
		f->revision = 1;
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
	const struct content_node *days = content_tree_get(map, "pause_days");

	id_note(ctx, "approach", a->id, map);
	/* A pause confirms an effect that fades when stopped: a length
	 * without that says something the pack does not mean. */
	if (days != NULL && !a->reversible)
		content_diag_add(d, days->line, days->col,
				 "pause_days is for an approach marked "
				 "'reversible: true'");
	if (a->reversible && a->flare_tool)
		content_diag_add(d, map->line, map->col,
				 "a flare-up tool is judged by its sessions "
				 "and is never paused: remove 'reversible' or "
				 "'flare_tool'");
	renamed_note(d, ctx, "approach", map, &a->renamed_from);
}

/* The n-th item of a list node, if it is a plain string. */
static const struct content_node *
string_item(const struct content_node *list, size_t i)
{
	const struct content_node *n = list->kids[i];

	return n->kind == CONTENT_SCALAR && !n->bad ? n : NULL;
}

/* Reports a string repeated in a list of at most max items (longer lists
 * are already wrong, and pairs would cost too much). */
static void
distinct_check(struct content_diag *d, const struct content_node *list,
	       size_t max, const char *what)
{
	const struct content_node *a, *b;
	size_t i, j;
	char *q;

	if (list->nkids > max)
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
					 "duplicate %s %s (first at line %d, "
					 "column %d)",
					 what, q, a->line, a->col);
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
		distinct_check(d, choices, CHOICES_MAX, "choice");
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

/* The `after:` list waits for after_report(), which knows the approaches. */
static void
lesson_check(struct content_diag *d, const struct content_node *map, void *obj,
	     void *ctx)
{
	struct load_ctx *c = ctx;
	const struct lesson *l = obj;
	const struct content_node *after = content_tree_get(map, "after");
	size_t n = c->nafter;

	id_note(ctx, "lesson", l->id, map);
	if (after == NULL || after->kind != CONTENT_SEQ)
		return;
	distinct_check(d, after, AFTER_MAX, "moment");
	if (n == 0 || (n & (n - 1)) == 0)
		c->after =
		    xreallocarray(c->after, n ? 2 * n : 4, sizeof *c->after);
	c->after[n].list = after;
	c->after[n].lesson = l;
	c->nafter++;
}

/* The id after "start:" or "stop:" in s, or NULL. */
static const char *
moment_approach(const char *s)
{
	size_t n;

	n = strlen(CONTENT_MOMENT_START);
	if (strncmp(s, CONTENT_MOMENT_START, n) == 0)
		return s + n;
	n = strlen(CONTENT_MOMENT_STOP);
	if (strncmp(s, CONTENT_MOMENT_STOP, n) == 0)
		return s + n;
	return NULL;
}

static void
moment_check(struct content_diag *d, const struct pack *p,
	     const struct content_node *item)
{
	const char **ids;
	const char *id, *near;
	size_t i, n = 0;
	char *q;

	for (i = 0; i < AFTER_FIXED; i++)
		if (strcmp(item->str, after_fixed[i]) == 0)
			return;
	q = content_diag_quote(item->str, item->len);
	if ((id = moment_approach(item->str)) == NULL) {
		content_diag_add(d, item->line, item->col,
				 "expected one of %s, %s, %s, %sAPPROACH or "
				 "%sAPPROACH for 'after', got %s",
				 after_fixed[0], after_fixed[1], after_fixed[2],
				 CONTENT_MOMENT_START, CONTENT_MOMENT_STOP, q);
		free(q);
		return;
	}
	ids = xcalloc(p->napproaches + 1, sizeof *ids);
	for (i = 0; i < p->napproaches; i++) {
		if (p->approaches[i].id == NULL)
			continue;
		if (strcmp(p->approaches[i].id, id) == 0)
			break;
		ids[n++] = p->approaches[i].id;
	}
	if (i == p->napproaches) {
		near = content_diag_suggest(id, ids, n);
		if (near != NULL)
			content_diag_add(d, item->line, item->col,
					 "%s names no approach of the pack "
					 "(did you mean '%.*s%s'?)",
					 q, (int)(id - item->str), item->str,
					 near);
		else
			content_diag_add(d, item->line, item->col,
					 "%s names no approach of the pack", q);
	}
	free(ids);
	free(q);
}

/*
 * Each moment of each lesson is one of the fixed set, and an approach it
 * names is one of the pack's. Only the items the walk took as strings are
 * looked at (the others are reported already).
 */
static void
after_report(struct content_diag *d, struct load_ctx *c, const struct pack *p)
{
	const struct content_node *item;
	size_t a, i, j;

	for (a = 0; a < c->nafter; a++) {
		const struct strlist *got = &c->after[a].lesson->after;

		if (c->after[a].list->nkids > AFTER_MAX)
			continue;
		for (i = 0; i < c->after[a].list->nkids; i++) {
			item = string_item(c->after[a].list, i);
			for (j = 0; item != NULL && j < got->n; j++)
				if (strlen(got->v[j]) == item->len &&
				    strcmp(got->v[j], item->str) == 0)
					break;
			if (item != NULL && j < got->n)
				moment_check(d, p, item);
		}
	}
	free(c->after);
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
    {FIELD(red_flag, revision, SCHEMA_INT, 0), .min = 1, .max = REVISION_MAX},
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
    "approach", sizeof(struct approach), approach_fields, approach_check};

static const struct schema_field lesson_fields[] = {
    {FIELD(lesson, id, SCHEMA_ID, 1)},
    {FIELD(lesson, title, SCHEMA_STRING, 1)},
    {FIELD(lesson, text, SCHEMA_STRING, 1)},
    {FIELD(lesson, sources, SCHEMA_STRINGS, 1), .min = 1, .max = SCHEMA_NO_MAX},
    {FIELD(lesson, after, SCHEMA_STRINGS, 0), .min = 1, .max = AFTER_MAX},
    {LIST(lesson, practices, 0, practice_schema, 0, SCHEMA_NO_MAX)},
    {0},
};
static const struct schema lesson_schema = {"lesson", sizeof(struct lesson),
					    lesson_fields, lesson_check};

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
	struct load_ctx ctx = {0};
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
	after_report(&d, &ctx, p);
	id_report(&d, &ctx.ids);
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

const struct practice *
content_practice_any(const struct pack *p, const char *id)
{
	const struct practice *found = content_practice(p, id);
	size_t a, i;

	if (found != NULL)
		return found;
	for (a = 0; a < p->nlessons; a++)
		for (i = 0; i < p->lessons[a].npractices; i++)
			if (strcmp(p->lessons[a].practices[i].id, id) == 0)
				return &p->lessons[a].practices[i];
	return NULL;
}

const struct lesson *
content_lesson(const struct pack *p, const char *id)
{
	size_t i;

	for (i = 0; i < p->nlessons; i++)
		if (strcmp(p->lessons[i].id, id) == 0)
			return &p->lessons[i];
	return NULL;
}

int
content_lesson_after(const struct lesson *l, const char *moment)
{
	size_t i;

	for (i = 0; i < l->after.n; i++)
		if (strcmp(l->after.v[i], moment) == 0)
			return 1;
	return 0;
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
