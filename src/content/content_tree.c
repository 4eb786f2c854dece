/* content_tree.c: YAML text to a tree with positions; the error collector. */
#include "content_int.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <yaml.h>

#include "util.h"

#define CORE_TAG_PREFIX "tag:yaml.org,2002:"
#define READ_CHUNK 65536   /* first buffer size when reading a file */
#define SUGGEST_KEY_MAX 64 /* longer keys get no "did you mean" */
#define SUGGEST_DISTANCE 2 /* at most this many edits away */

/*
 * The 1-based line and column of byte off, counted as libyaml counts them:
 * columns in characters, a BOM not counted, CR LF as one line break.
 */
static void
offset_position(const char *data, size_t len, size_t off, int *line, int *col)
{
	const unsigned char *u = (const unsigned char *)data;
	size_t i = 0;
	int l = 1, c = 1;

	if (len >= 3 && memcmp(data, "\xef\xbb\xbf", 3) == 0 && off >= 3)
		i = 3;
	for (; i < off && i < len; i++) {
		if (u[i] == '\n' ||
		    (u[i] == '\r' && !(i + 1 < len && u[i + 1] == '\n'))) {
			l++;
			c = 1;
		} else if (u[i] == 0xc2 && i + 1 < len && u[i + 1] == 0x85) {
			l++; /* NEL */
			c = 1;
			i++;
		} else if (u[i] == 0xe2 && i + 2 < len && u[i + 1] == 0x80 &&
			   (u[i + 2] == 0xa8 || u[i + 2] == 0xa9)) {
			l++; /* LINE or PARAGRAPH SEPARATOR */
			c = 1;
			i += 2;
		} else if (u[i] != '\r' && (u[i] & 0xc0) != 0x80)
			c++;
	}
	*line = l;
	*col = c;
}

void
content_tree_free(struct content_node *n)
{
	size_t i;

	if (n == NULL)
		return;
	for (i = 0; i < n->nkids; i++)
		content_tree_free(n->kids[i]);
	free(n->kids);
	free(n->str);
	free(n);
}

int
content_tree_int(const struct content_node *n, long min, long max, long *out)
{
	const char *s;
	size_t digits;

	if (n->kind != CONTENT_SCALAR || n->bad)
		return -1;
	if (n->tag != NULL ? strcmp(n->tag, "int") != 0 : !n->plain)
		return -1;
	s = n->str;
	if (strlen(s) != n->len)
		return -1;
	if (*s == '-')
		s++;
	digits = strspn(s, "0123456789");
	/* No leading zeros (YAML 1.1 reads them as octal), no overflow. */
	if (digits == 0 || s[digits] != '\0' || (s[0] == '0' && digits > 1) ||
	    digits > 18)
		return -1;
	return util_parse_int(n->str, min, max, out);
}

const struct content_node *
content_tree_get(const struct content_node *map, const char *key)
{
	const struct content_node *k;
	size_t i;

	if (map == NULL || map->kind != CONTENT_MAP)
		return NULL;
	for (i = 0; i + 1 < map->nkids; i += 2) {
		k = map->kids[i];
		if (!k->bad && k->kind == CONTENT_SCALAR &&
		    k->len == strlen(key) && strcmp(k->str, key) == 0)
			return map->kids[i + 1];
	}
	return NULL;
}

int
content_tree_read_file(const char *path, char **data, size_t *len)
{
	struct stat st;
	size_t cap = READ_CHUNK, n = 0;
	char *p;
	ssize_t r;
	int fd, saved;

	*data = NULL;
	*len = 0;
	/* O_NONBLOCK: a FIFO named as the file opens at once (and is refused
	 * below) rather than waiting for a writer that never comes. */
	fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
	if (fd < 0)
		return -1;
	if (fstat(fd, &st) != 0 || S_ISDIR(st.st_mode)) {
		saved = S_ISDIR(st.st_mode) ? EISDIR : errno;
		close(fd);
		errno = saved;
		return -1;
	}
	if (!S_ISREG(st.st_mode)) {
		close(fd);
		return -3;
	}
	if (S_ISREG(st.st_mode) && st.st_size > CONTENT_MAX_BYTES) {
		close(fd);
		*len = (size_t)st.st_size;
		return -2;
	}
	p = xmalloc(cap + 1);
	for (;;) {
		if (n == cap) {
			if (cap > CONTENT_MAX_BYTES)
				break;
			cap *= 2;
			if (cap > CONTENT_MAX_BYTES)
				cap = CONTENT_MAX_BYTES + 1;
			p = xrealloc(p, cap + 1);
		}
		r = read(fd, p + n, cap - n);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0) {
			saved = errno;
			free(p);
			close(fd);
			errno = saved;
			return -1;
		}
		if (r == 0)
			break;
		n += (size_t)r;
	}
	close(fd);
	if (n > CONTENT_MAX_BYTES) {
		free(p);
		*len = n;
		return -2;
	}
	p[n] = '\0';
	*data = p;
	*len = n;
	return 0;
}

struct builder {
	struct content_diag *d;
	const char *data;
	size_t len;
	struct content_node *stack[CONTENT_MAX_DEPTH];
	size_t depth;
	struct content_node *root;
	size_t docs;
};

static void
mark_position(const yaml_mark_t *m, int *line, int *col)
{
	*line = (int)m->line + 1;
	*col = (int)m->column + 1;
}

/* The short name of a core tag, or NULL for any other tag. */
static const char *
core_tag(const char *tag)
{
	static const char *const core[] = {"str",   "int", "bool", "null",
					   "float", "seq", "map"};
	size_t i, plen = strlen(CORE_TAG_PREFIX);

	if (strncmp(tag, CORE_TAG_PREFIX, plen) != 0)
		return NULL;
	for (i = 0; i < sizeof core / sizeof core[0]; i++)
		if (strcmp(tag + plen, core[i]) == 0)
			return core[i];
	return NULL;
}

static void
add_kid(struct content_node *parent, struct content_node *kid)
{
	size_t n = parent->nkids;

	/* The capacity is the next power of two: grow when n is one. */
	if (n == 0 || (n & (n - 1)) == 0)
		parent->kids = xreallocarray(parent->kids, n ? 2 * n : 4,
					     sizeof *parent->kids);
	parent->kids[parent->nkids++] = kid;
}

/* A new node at event e's start, hung under the open collection. */
static struct content_node *
new_node(struct builder *b, enum content_node_kind kind, const yaml_event_t *e,
	 const yaml_char_t *anchor, const yaml_char_t *tag)
{
	struct content_node *n = xcalloc(1, sizeof *n);
	char *q;

	n->kind = kind;
	mark_position(&e->start_mark, &n->line, &n->col);
	if (anchor != NULL) {
		q = xasprintf("&%s", (const char *)anchor);
		content_diag_add(b->d, n->line, n->col,
				 "anchor %s is not allowed (no anchors or "
				 "aliases)",
				 q);
		free(q);
	}
	if (tag != NULL) {
		n->tag = core_tag((const char *)tag);
		if (n->tag == NULL) {
			q = content_diag_quote((const char *)tag,
					       strlen((const char *)tag));
			content_diag_add(b->d, n->line, n->col,
					 "tag %s is not allowed (only the YAML "
					 "core tags are)",
					 q);
			free(q);
			n->bad = 1;
		}
	}
	if (b->depth > 0)
		add_kid(b->stack[b->depth - 1], n);
	else
		b->root = n;
	return n;
}

struct key_ref {
	const struct content_node *key;
	size_t i;
};

static int
key_cmp(const void *pa, const void *pb)
{
	const struct key_ref *a = pa, *b = pb;
	int c;

	if (a->key->len != b->key->len)
		return a->key->len < b->key->len ? -1 : 1;
	c = memcmp(a->key->str, b->key->str, a->key->len);
	if (c != 0)
		return c;
	return a->i < b->i ? -1 : a->i > b->i;
}

/* Keys must be scalars and unique; a bad key is reported and marked. */
static void
check_keys(struct builder *b, struct content_node *map)
{
	struct key_ref *refs = xcalloc(map->nkids / 2 + 1, sizeof *refs);
	struct content_node *k;
	size_t i, n = 0;
	char *what;

	for (i = 0; i + 1 < map->nkids; i += 2) {
		k = map->kids[i];
		if (k->kind == CONTENT_SCALAR && !k->bad) {
			refs[n].key = k;
			refs[n++].i = i;
		} else if (k->kind == CONTENT_SEQ || k->kind == CONTENT_MAP) {
			what = content_diag_describe(k);
			content_diag_add(b->d, k->line, k->col,
					 "a key must be a string, not %s",
					 what);
			free(what);
			k->bad = 1;
		} else
			k->bad = 1;
	}
	qsort(refs, n, sizeof *refs, key_cmp);
	for (i = 1; i < n; i++) {
		if (refs[i].key->len != refs[i - 1].key->len ||
		    memcmp(refs[i].key->str, refs[i - 1].key->str,
			   refs[i].key->len) != 0)
			continue;
		k = map->kids[refs[i].i];
		what = content_diag_quote(k->str, k->len);
		content_diag_add(
		    b->d, k->line, k->col,
		    "duplicate key %s (first at line %d, column %d)", what,
		    refs[i - 1].key->line, refs[i - 1].key->col);
		free(what);
		k->bad = 1;
		/* The first of a run is the one the others repeat. */
		refs[i].key = refs[i - 1].key;
	}
	free(refs);
}

/* libyaml's reason for stopping, as one error. */
static void
syntax_error(struct builder *b, const yaml_parser_t *p)
{
	int line, col, cline, ccol;

	switch (p->error) {
	case YAML_MEMORY_ERROR:
		content_diag_add(b->d, 1, 1, "out of memory reading the YAML");
		return;
	case YAML_READER_ERROR:
		offset_position(b->data, b->len, p->problem_offset, &line,
				&col);
		if (p->problem_value >= 0)
			content_diag_add(b->d, line, col,
					 "invalid YAML: %s (character U+%04X)",
					 p->problem,
					 (unsigned)p->problem_value);
		else
			content_diag_add(b->d, line, col, "invalid YAML: %s",
					 p->problem);
		return;
	default:
		break;
	}
	mark_position(&p->problem_mark, &line, &col);
	if (p->context != NULL) {
		mark_position(&p->context_mark, &cline, &ccol);
		content_diag_add(b->d, line, col,
				 "invalid YAML: %s (%s at line %d, column %d)",
				 p->problem ? p->problem : "syntax error",
				 p->context, cline, ccol);
	} else
		content_diag_add(b->d, line, col, "invalid YAML: %s",
				 p->problem ? p->problem : "syntax error");
}

/* One event into the tree: 0 to go on, 1 at the end, -1 to stop. */
static int
build(struct builder *b, const yaml_event_t *e)
{
	struct content_node *n;
	int line, col;

	mark_position(&e->start_mark, &line, &col);
	switch (e->type) {
	case YAML_STREAM_END_EVENT:
		return 1;
	case YAML_DOCUMENT_START_EVENT:
		if (++b->docs > 1) {
			content_diag_add(b->d, line, col,
					 "a second YAML document; the file "
					 "must hold exactly one");
			return -1;
		}
		return 0;
	case YAML_ALIAS_EVENT:
		n = new_node(b, CONTENT_ALIAS, e, NULL, NULL);
		n->str = xasprintf("*%s", (const char *)e->data.alias.anchor);
		n->len = strlen(n->str);
		content_diag_add(b->d, line, col,
				 "alias %s is not allowed (no anchors or "
				 "aliases)",
				 n->str);
		return 0;
	case YAML_SCALAR_EVENT:
		n = new_node(b, CONTENT_SCALAR, e, e->data.scalar.anchor,
			     e->data.scalar.tag);
		n->plain = e->data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
		n->block = e->data.scalar.style == YAML_LITERAL_SCALAR_STYLE ||
			   e->data.scalar.style == YAML_FOLDED_SCALAR_STYLE;
		n->len = e->data.scalar.length;
		n->str = xstrndup((const char *)e->data.scalar.value, n->len);
		return 0;
	case YAML_SEQUENCE_START_EVENT:
	case YAML_MAPPING_START_EVENT:
		if (b->depth == CONTENT_MAX_DEPTH) {
			content_diag_add(b->d, line, col,
					 "nested deeper than %d levels",
					 CONTENT_MAX_DEPTH);
			return -1;
		}
		if (e->type == YAML_SEQUENCE_START_EVENT)
			n = new_node(b, CONTENT_SEQ, e,
				     e->data.sequence_start.anchor,
				     e->data.sequence_start.tag);
		else
			n = new_node(b, CONTENT_MAP, e,
				     e->data.mapping_start.anchor,
				     e->data.mapping_start.tag);
		b->stack[b->depth++] = n;
		return 0;
	case YAML_MAPPING_END_EVENT:
		check_keys(b, b->stack[b->depth - 1]);
		b->depth--;
		return 0;
	case YAML_SEQUENCE_END_EVENT:
		b->depth--;
		return 0;
	default:
		return 0;
	}
}

int
content_tree_parse(struct content_diag *d, const char *data, size_t len,
		   struct content_node **root)
{
	struct builder b = {0};
	yaml_parser_t parser;
	yaml_event_t event;
	size_t events = 0, bad;
	int line, col, rc = 0;

	*root = NULL;
	b.d = d;
	b.data = data;
	b.len = len;
	/* libyaml's own complaint about bad UTF-8 names no line. */
	if (utf8_valid(data, len, &bad) != 0) {
		offset_position(data, len, bad, &line, &col);
		content_diag_add(d, line, col,
				 "invalid UTF-8 (byte 0x%02X); the file must "
				 "be UTF-8",
				 (unsigned char)data[bad]);
		return -1;
	}
	if (!yaml_parser_initialize(&parser)) {
		content_diag_add(d, 1, 1, "out of memory reading the YAML");
		return -1;
	}
	yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING);
	yaml_parser_set_input_string(&parser, (const unsigned char *)data, len);
	while (rc == 0) {
		if (!yaml_parser_parse(&parser, &event)) {
			syntax_error(&b, &parser);
			rc = -1;
			break;
		}
		if (++events > CONTENT_MAX_EVENTS) {
			mark_position(&event.start_mark, &line, &col);
			content_diag_add(
			    d, line, col,
			    "more than %d YAML parse events; the file "
			    "is refused as too complex",
			    CONTENT_MAX_EVENTS);
			rc = -1;
		} else
			rc = build(&b, &event);
		yaml_event_delete(&event);
	}
	yaml_parser_delete(&parser);
	if (rc < 0) {
		content_tree_free(b.root);
		return -1;
	}
	*root = b.root;
	return 0;
}
