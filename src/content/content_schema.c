/* content_schema.c: checks a tree against a field table and fills a struct. */
#include "content_int.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

#define SCHEMA_MAX_FIELDS 32 /* fields of one mapping, for suggestions */

static void walk_map(struct content_diag *, const struct schema *,
		     const struct content_node *, void *, void *);

/* Reports "expected WHAT for 'KEY', got ..." at node n. */
static void
expected(struct content_diag *d, const struct content_node *n, const char *what,
	 const char *key)
{
	char *got = content_diag_describe(n);

	content_diag_add(d, n->line, n->col, "expected %s for '%s', got %s",
			 what, key, got);
	free(got);
}

/* Already reported, by the tree builder. */
static int
reported(const struct content_node *n)
{
	return n->bad || n->kind == CONTENT_ALIAS;
}

static int
is_null_word(const char *s)
{
	return strcmp(s, "~") == 0 || strcmp(s, "null") == 0 ||
	       strcmp(s, "Null") == 0 || strcmp(s, "NULL") == 0;
}

/* A scalar that reads as a non-empty string. */
static int
is_string(const struct content_node *n)
{
	if (n->kind != CONTENT_SCALAR || n->len == 0)
		return 0;
	if (n->tag != NULL)
		return strcmp(n->tag, "str") == 0;
	return !(n->plain && is_null_word(n->str));
}

/*
 * Text shown on a terminal must not carry control characters (an escape
 * sequence in a pack could drive the screen). Returns the first one, or -1.
 */
static long
control_char(const char *s, size_t len)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i, bad;

	if (utf8_valid(s, len, &bad) != 0)
		return u[bad];
	for (i = 0; i < len; i++) {
		if ((u[i] < 0x20 && u[i] != '\n' && u[i] != '\t') ||
		    u[i] == 0x7f)
			return u[i];
		if (u[i] == 0xc2 && i + 1 < len && u[i + 1] >= 0x80 &&
		    u[i + 1] <= 0x9f)
			return u[i + 1];
	}
	return -1;
}

/* A string value, checked: a copy, or NULL after reporting the problem. */
static char *
get_string(struct content_diag *d, const struct content_node *n,
	   const char *what, const char *key)
{
	long c;

	if (!is_string(n)) {
		expected(d, n, what, key);
		return NULL;
	}
	c = control_char(n->str, n->len);
	if (c >= 0) {
		content_diag_add(d, n->line, n->col,
				 "control character U+%04lX in '%s' is not "
				 "allowed",
				 (unsigned long)c, key);
		return NULL;
	}
	return xstrndup(n->str, n->len);
}

int
content_id_valid(const char *s)
{
	size_t n = strlen(s);

	return n >= 1 && n <= CONTENT_ID_MAX && s[0] != '-' &&
	       strspn(s, "abcdefghijklmnopqrstuvwxyz0123456789-") == n;
}

static void
walk_int(struct content_diag *d, const struct schema_field *f,
	 const struct content_node *n, int *out)
{
	char what[64];
	long v;

	if (content_tree_int(n, f->min, f->max, &v) == 0) {
		*out = (int)v;
		return;
	}
	if (f->min == f->max)
		snprintf(what, sizeof what, "the integer %ld", f->min);
	else
		snprintf(what, sizeof what, "an integer from %ld to %ld",
			 f->min, f->max);
	expected(d, n, what, f->key);
}

static void
walk_enum(struct content_diag *d, const struct schema_field *f,
	  const struct content_node *n, int *out)
{
	struct buf what;
	size_t i;

	if (is_string(n)) {
		for (i = 0; f->names[i] != NULL; i++) {
			if (strcmp(n->str, f->names[i]) == 0 &&
			    strlen(f->names[i]) == n->len) {
				*out = (int)i;
				return;
			}
		}
	}
	buf_init(&what);
	buf_adds(&what, "one of ");
	for (i = 0; f->names[i] != NULL; i++)
		buf_printf(&what, "%s%s", i ? ", " : "", f->names[i]);
	expected(d, n, what.data, f->key);
	buf_free(&what);
}

static int
tag_fits(const struct content_node *n, const char *tag)
{
	return n->tag == NULL || strcmp(n->tag, tag) == 0;
}

/* "expected 1 to 32 items in 'approaches', got 40", when it is so. */
static void
check_count(struct content_diag *d, const struct schema_field *f,
	    const struct content_node *n)
{
	size_t count = n->nkids;

	if (f->max == SCHEMA_NO_MAX && count < (size_t)f->min)
		content_diag_add(d, n->line, n->col,
				 "expected at least %ld item%s in '%s', got "
				 "%zu",
				 f->min, f->min == 1 ? "" : "s", f->key, count);
	else if (f->max != SCHEMA_NO_MAX &&
		 (count < (size_t)f->min || count > (size_t)f->max))
		content_diag_add(d, n->line, n->col,
				 "expected %ld to %ld items in '%s', got %zu",
				 f->min, f->max, f->key, count);
}

static void
walk_strings(struct content_diag *d, const struct schema_field *f,
	     const struct content_node *n, struct strlist *out)
{
	const struct content_node *item;
	size_t i;
	char *s;

	if (n->kind != CONTENT_SEQ || !tag_fits(n, "seq")) {
		expected(d, n, "a list of strings", f->key);
		return;
	}
	check_count(d, f, n);
	out->v = xcalloc(n->nkids, sizeof *out->v);
	for (i = 0; i < n->nkids; i++) {
		item = n->kids[i];
		if (!reported(item) &&
		    (s = get_string(d, item, "a string", f->key)) != NULL)
			out->v[out->n++] = s;
	}
}

static void
walk_list(struct content_diag *d, const struct schema_field *f,
	  const struct content_node *n, void *obj, void *ctx)
{
	const struct content_node *item;
	char what[80];
	size_t i;
	char *arr;

	if (n->kind != CONTENT_SEQ || !tag_fits(n, "seq")) {
		snprintf(what, sizeof what, "a list of %s mappings",
			 f->sub->what);
		expected(d, n, what, f->key);
		return;
	}
	check_count(d, f, n);
	arr = xcalloc(n->nkids, f->sub->size);
	memcpy((char *)obj + f->off, &arr, sizeof arr);
	memcpy((char *)obj + f->count_off, &n->nkids, sizeof n->nkids);
	snprintf(what, sizeof what, "a mapping (%s)", f->sub->what);
	for (i = 0; i < n->nkids; i++) {
		item = n->kids[i];
		if (reported(item))
			continue;
		if (item->kind != CONTENT_MAP || !tag_fits(item, "map"))
			expected(d, item, what, f->key);
		else
			walk_map(d, f->sub, item, arr + i * f->sub->size, ctx);
	}
}

static void
walk_field(struct content_diag *d, const struct schema_field *f,
	   const struct content_node *n, void *obj, void *ctx)
{
	void *p = (char *)obj + f->off;
	char *s;
	int v;

	if (reported(n))
		return;
	switch (f->type) {
	case SCHEMA_STRING:
		s = get_string(d, n, "a string", f->key);
		memcpy(p, &s, sizeof s);
		return;
	case SCHEMA_ID:
		s = get_string(d, n, "an id", f->key);
		if (s != NULL && !content_id_valid(s)) {
			expected(d, n,
				 "an id (1 to 40 of a-z, 0-9 and -, not "
				 "starting with -)",
				 f->key);
			free(s);
			s = NULL;
		}
		memcpy(p, &s, sizeof s);
		return;
	case SCHEMA_INT:
		v = 0;
		walk_int(d, f, n, &v);
		memcpy(p, &v, sizeof v);
		return;
	case SCHEMA_BOOL:
		if (n->kind == CONTENT_SCALAR && tag_fits(n, "bool") &&
		    (n->plain || n->tag != NULL) &&
		    ((n->len == 4 && strcmp(n->str, "true") == 0) ||
		     (n->len == 5 && strcmp(n->str, "false") == 0))) {
			v = n->str[0] == 't';
			memcpy(p, &v, sizeof v);
		} else
			expected(d, n, "true or false", f->key);
		return;
	case SCHEMA_ENUM:
		v = 0;
		walk_enum(d, f, n, &v);
		memcpy(p, &v, sizeof v);
		return;
	case SCHEMA_STRINGS:
		walk_strings(d, f, n, p);
		return;
	case SCHEMA_LIST:
		walk_list(d, f, n, obj, ctx);
		return;
	case SCHEMA_MAP:
		if (n->kind != CONTENT_MAP || !tag_fits(n, "map"))
			expected(d, n, "a mapping", f->key);
		else
			walk_map(d, f->sub, n, p, ctx);
		return;
	case SCHEMA_CUSTOM:
		if (!is_string(n) || control_char(n->str, n->len) >= 0 ||
		    f->parse(n->str, p) != 0)
			expected(d, n, f->expect, f->key);
		return;
	}
}

static const struct schema_field *
find_field(const struct schema *s, const struct content_node *key)
{
	const struct schema_field *f;

	for (f = s->fields; f->key != NULL; f++)
		if (strlen(f->key) == key->len && strcmp(f->key, key->str) == 0)
			return f;
	return NULL;
}

static void
unknown_key(struct content_diag *d, const struct schema *s,
	    const struct content_node *key)
{
	const char *known[SCHEMA_MAX_FIELDS], *near;
	size_t n = 0;
	char *q;

	/* Only count it if it will not be shown: suggestions cost time. */
	if (!content_diag_wanted(d, key->line, key->col)) {
		content_diag_add(d, key->line, key->col, "unknown key");
		return;
	}
	while (n < SCHEMA_MAX_FIELDS && s->fields[n].key != NULL) {
		known[n] = s->fields[n].key;
		n++;
	}
	q = content_diag_quote(key->str, key->len);
	near = content_diag_suggest(key->str, known, n);
	if (near != NULL)
		content_diag_add(d, key->line, key->col,
				 "unknown key %s in %s (did you mean '%s'?)", q,
				 s->what, near);
	else
		content_diag_add(d, key->line, key->col, "unknown key %s in %s",
				 q, s->what);
	free(q);
}

/* One line for all the required keys a mapping lacks. */
static void
missing_keys(struct content_diag *d, const struct schema *s,
	     const struct content_node *map)
{
	const struct schema_field *f;
	const char *last = NULL;
	struct buf b;
	size_t n = 0;

	buf_init(&b);
	for (f = s->fields; f->key != NULL; f++) {
		if (!f->required || content_tree_get(map, f->key) != NULL)
			continue;
		if (last != NULL)
			buf_printf(&b, "%s'%s'", n > 1 ? ", " : "", last);
		last = f->key;
		n++;
	}
	if (n == 1)
		content_diag_add(d, map->line, map->col,
				 "missing key '%s' in %s", last, s->what);
	else if (n > 1)
		content_diag_add(d, map->line, map->col,
				 "missing keys %s and '%s' in %s", b.data, last,
				 s->what);
	buf_free(&b);
}

static void
walk_map(struct content_diag *d, const struct schema *s,
	 const struct content_node *map, void *obj, void *ctx)
{
	const struct schema_field *f;
	const struct content_node *key;
	size_t i;

	for (i = 0; i + 1 < map->nkids; i += 2) {
		key = map->kids[i];
		if (key->bad || key->kind != CONTENT_SCALAR)
			continue;
		f = find_field(s, key);
		if (f == NULL)
			unknown_key(d, s, key);
		else
			walk_field(d, f, map->kids[i + 1], obj, ctx);
	}
	missing_keys(d, s, map);
	if (s->check != NULL)
		s->check(d, map, obj, ctx);
}

void
content_schema_walk(struct content_diag *d, const struct schema *s,
		    const struct content_node *node, void *obj, void *ctx)
{
	char *got;

	if (reported(node))
		return;
	if (node->kind != CONTENT_MAP || !tag_fits(node, "map")) {
		got = content_diag_describe(node);
		content_diag_add(d, node->line, node->col,
				 "expected a mapping (%s) at the top of the "
				 "file, got %s",
				 s->what, got);
		free(got);
		return;
	}
	walk_map(d, s, node, obj, ctx);
}

void
content_schema_free(const struct schema *s, void *obj)
{
	const struct schema_field *f;
	struct strlist *l;
	size_t i, count;
	char *p, *arr;
	char *str;

	for (f = s->fields; f->key != NULL; f++) {
		p = (char *)obj + f->off;
		switch (f->type) {
		case SCHEMA_STRING:
		case SCHEMA_ID:
			memcpy(&str, p, sizeof str);
			free(str);
			break;
		case SCHEMA_STRINGS:
			l = (struct strlist *)(void *)p;
			for (i = 0; i < l->n; i++)
				free(l->v[i]);
			free(l->v);
			break;
		case SCHEMA_LIST:
			memcpy(&arr, p, sizeof arr);
			memcpy(&count, (char *)obj + f->count_off,
			       sizeof count);
			for (i = 0; i < count && arr != NULL; i++)
				content_schema_free(f->sub,
						    arr + i * f->sub->size);
			free(arr);
			break;
		case SCHEMA_MAP:
			content_schema_free(f->sub, p);
			break;
		default:
			break;
		}
	}
}
