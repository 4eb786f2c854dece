/* content_diag.c: the loaders' error collector and the words of messages. */
#include "content_int.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

#define SUGGEST_KEY_MAX 64 /* longer keys get no "did you mean" */
#define SUGGEST_DISTANCE 2 /* at most this many edits away */

void
content_diag_init(struct content_diag *d, const char *name)
{
	memset(d, 0, sizeof *d);
	d->name = name;
}

static int
entry_cmp(const struct content_diag_entry *a,
	  const struct content_diag_entry *b)
{
	if (a->line != b->line)
		return a->line < b->line ? -1 : 1;
	if (a->col != b->col)
		return a->col < b->col ? -1 : 1;
	if (a->seq != b->seq)
		return a->seq < b->seq ? -1 : 1;
	return 0;
}

static int
entry_qsort_cmp(const void *a, const void *b)
{
	return entry_cmp(a, b);
}

/* Index of the kept error furthest down the file. */
static size_t
diag_last(const struct content_diag *d)
{
	size_t i, last = 0;

	for (i = 1; i < d->nkept; i++)
		if (entry_cmp(&d->kept[i], &d->kept[last]) > 0)
			last = i;
	return last;
}

int
content_diag_wanted(const struct content_diag *d, int line, int col)
{
	const struct content_diag_entry *last;

	if (d->nkept < CONTENT_MAX_ERRORS)
		return 1;
	last = &d->kept[diag_last(d)];
	return line < last->line || (line == last->line && col < last->col);
}

void
content_diag_add(struct content_diag *d, int line, int col, const char *fmt,
		 ...)
{
	struct content_diag_entry *e;
	va_list ap;
	char *msg;

	d->total++;
	if (!content_diag_wanted(d, line, col))
		return;
	if (d->nkept < CONTENT_MAX_ERRORS)
		e = &d->kept[d->nkept++];
	else {
		e = &d->kept[diag_last(d)];
		free(e->msg);
	}
	va_start(ap, fmt);
	msg = xvasprintf(fmt, ap);
	va_end(ap);
	e->line = line;
	e->col = col;
	e->seq = d->total;
	e->msg = xasprintf("%s:%d:%d: %s", d->name, line, col, msg);
	free(msg);
}

void
content_diag_finish(struct content_diag *d, struct content_errors *errs)
{
	size_t i;

	qsort(d->kept, d->nkept, sizeof d->kept[0], entry_qsort_cmp);
	errs->v = xcalloc(d->nkept, sizeof *errs->v);
	for (i = 0; i < d->nkept; i++)
		errs->v[i] = d->kept[i].msg;
	errs->n = d->nkept;
	errs->dropped = d->total - d->nkept;
	d->nkept = 0;
	d->total = 0;
}

void
content_diag_free(struct content_diag *d)
{
	size_t i;

	for (i = 0; i < d->nkept; i++)
		free(d->kept[i].msg);
	d->nkept = 0;
	d->total = 0;
}

char *
content_diag_quote(const char *s, size_t len)
{
	struct buf b;
	char *cut;
	size_t n = len;

	if (n > CONTENT_QUOTE_MAX) {
		n = CONTENT_QUOTE_MAX;
		while (n > 0 && ((unsigned char)s[n] & 0xc0) == 0x80)
			n--;
	}
	cut = xstrndup(s, n);
	buf_init(&b);
	buf_addc(&b, '\'');
	util_escape(&b, cut);
	buf_adds(&b, n < len ? "...'" : "'");
	free(cut);
	return buf_take(&b);
}

static int
is_null(const struct content_node *n)
{
	static const char *const nulls[] = {"~", "null", "Null", "NULL"};
	size_t i;

	if (n->tag != NULL && strcmp(n->tag, "null") == 0)
		return 1;
	if (!n->plain || n->tag != NULL)
		return 0;
	for (i = 0; i < sizeof nulls / sizeof nulls[0]; i++)
		if (strcmp(n->str, nulls[i]) == 0)
			return 1;
	return 0;
}

char *
content_diag_describe(const struct content_node *n)
{
	char *q, *s;

	switch (n->kind) {
	case CONTENT_SEQ:
		return n->tag ? xasprintf("a list tagged !!%s", n->tag)
			      : xstrdup("a list");
	case CONTENT_MAP:
		return n->tag ? xasprintf("a mapping tagged !!%s", n->tag)
			      : xstrdup("a mapping");
	case CONTENT_ALIAS:
		return xstrdup("an alias");
	case CONTENT_SCALAR:
		break;
	}
	if (n->len == 0 && (n->plain || n->tag != NULL))
		return xstrdup("an empty value");
	q = content_diag_quote(n->str, n->len);
	if (is_null(n))
		s = xasprintf("null (%s)", q);
	else if (n->tag != NULL)
		s = xasprintf("%s tagged !!%s", q, n->tag);
	else if (n->block)
		s = xasprintf("the block string %s", q);
	else if (!n->plain)
		s = xasprintf("the quoted string %s", q);
	else
		s = xstrdup(q);
	free(q);
	return s;
}

/* Edits (insert, delete, change, swap two neighbours) from a to b. */
static size_t
edit_distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b), i, j, best;
	size_t rows[3][SUGGEST_KEY_MAX + 1];
	size_t *pp, *p, *c;

	for (j = 0; j <= lb; j++)
		rows[1][j] = j;
	for (i = 1; i <= la; i++) {
		/* Row k lives in rows[(k + 1) % 3]. */
		pp = rows[(i + 2) % 3];
		p = rows[i % 3];
		c = rows[(i + 1) % 3];
		c[0] = i;
		for (j = 1; j <= lb; j++) {
			best = p[j - 1] + (a[i - 1] != b[j - 1]);
			if (p[j] + 1 < best)
				best = p[j] + 1;
			if (c[j - 1] + 1 < best)
				best = c[j - 1] + 1;
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] &&
			    a[i - 2] == b[j - 1] && pp[j - 2] + 1 < best)
				best = pp[j - 2] + 1;
			c[j] = best;
		}
	}
	return rows[(la + 1) % 3][lb];
}

const char *
content_diag_suggest(const char *key, const char *const *known, size_t nknown)
{
	const char *best = NULL;
	size_t i, d, bestd = SUGGEST_DISTANCE + 1;

	if (strlen(key) > SUGGEST_KEY_MAX)
		return NULL;
	for (i = 0; i < nknown; i++) {
		if (strlen(known[i]) > SUGGEST_KEY_MAX)
			continue;
		d = edit_distance(key, known[i]);
		/* Close, and not mostly rewritten: "id" is not "by". */
		if (d < bestd && 2 * d < strlen(key) &&
		    2 * d < strlen(known[i])) {
			bestd = d;
			best = known[i];
		}
	}
	return best;
}
