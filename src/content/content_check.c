/* content_check.c: the pack's cross-checks, beyond what one field's type
 * says: ids unique (renamed ones too), red flags, practices, questions and
 * scales sound, and each lesson's moments known once every approach is.
 * content.c's schema calls the checks while it walks the pack, and its
 * loader the reports after the walk. */
#include "content.h"

#include <stdlib.h>
#include <string.h>

#include "content_int.h"
#include "util.h"

static const char *const after_fixed[CONTENT_AFTER_FIXED] = {
    CONTENT_MOMENT_FIRST_CHECKIN, CONTENT_MOMENT_FIRST_WEEK,
    CONTENT_MOMENT_FLARE};

static void
id_note_at(struct content_id_check *ids, const char *kind, const char *id,
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
	id_note_at(&((struct content_load_ctx *)ctx)->ids, kind, id,
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
		id_note_at(&((struct content_load_ctx *)ctx)->ids, kind,
			   old->v[i], list->kids[i], 1);
	}
}

static int
id_cmp(const void *pa, const void *pb)
{
	const struct content_id_seen *a = pa, *b = pb;
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
	const struct content_id_seen *a = pa, *b = pb;
	int c = strcmp(a->id, b->id);

	if (c == 0)
		c = a->seq < b->seq ? -1 : a->seq > b->seq;
	return c;
}

static int
is_lesson(const struct content_id_seen *s)
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
lesson_id_report(struct content_diag *d, const struct content_id_check *ids)
{
	size_t i, j, end;

	for (i = 0; i < ids->n; i = end) {
		const struct content_id_seen *other = NULL;

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
void
content_id_report(struct content_diag *d, struct content_id_check *ids)
{
	const struct content_id_seen *first = NULL;
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
void
content_red_flag_check(struct content_diag *d, const struct content_node *map,
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

void
content_practice_check(struct content_diag *d, const struct content_node *map,
		       void *obj, void *ctx)
{
	const struct practice *p = obj;

	id_note(ctx, "practice", p->id, map);
	renamed_note(d, ctx, "practice", map, &p->renamed_from);
}

void
content_approach_check(struct content_diag *d, const struct content_node *map,
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

void
content_question_check(struct content_diag *d, const struct content_node *map,
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
		distinct_check(d, choices, CONTENT_CHOICES_MAX, "choice");
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

/* The `after:` list waits for content_after_report(), which knows the
 * approaches. */
void
content_lesson_check(struct content_diag *d, const struct content_node *map,
		     void *obj, void *ctx)
{
	struct content_load_ctx *c = ctx;
	const struct lesson *l = obj;
	const struct content_node *after = content_tree_get(map, "after");
	size_t n = c->nafter;

	id_note(ctx, "lesson", l->id, map);
	if (after == NULL || after->kind != CONTENT_SEQ)
		return;
	distinct_check(d, after, CONTENT_AFTER_MAX, "moment");
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

	for (i = 0; i < CONTENT_AFTER_FIXED; i++)
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
void
content_after_report(struct content_diag *d, struct content_load_ctx *c,
		     const struct pack *p)
{
	const struct content_node *item;
	size_t a, i, j;

	for (a = 0; a < c->nafter; a++) {
		const struct strlist *got = &c->after[a].lesson->after;

		if (c->after[a].list->nkids > CONTENT_AFTER_MAX)
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

void
content_scale_check(struct content_diag *d, const struct content_node *map,
		    void *obj, void *ctx)
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
		if (v == NULL || content_tree_int(v, CONTENT_SCALE_LOW,
						  CONTENT_SCALE_HIGH, &x) != 0)
			continue;
		if (i == 0 && x != CONTENT_SCALE_LOW)
			content_diag_add(d, v->line, v->col,
					 "the first anchor must have value "
					 "%d, got %ld",
					 CONTENT_SCALE_LOW, x);
		else if (have_prev && x <= prev)
			content_diag_add(d, v->line, v->col,
					 "anchor values must increase: %ld "
					 "after %ld",
					 x, prev);
		else if (i + 1 == anchors->nkids && x != CONTENT_SCALE_HIGH)
			content_diag_add(d, v->line, v->col,
					 "the last anchor must have value %d, "
					 "got %ld",
					 CONTENT_SCALE_HIGH, x);
		prev = x;
		have_prev = 1;
	}
}
