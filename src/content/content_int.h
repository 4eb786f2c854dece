/*
 * content_int.h, content_tree: the machinery under the two strict YAML loaders,
 * content.c (the pack, its cross-checks in content_check.c) and config.c
 * (the settings). Internal to them; nothing else includes this header.
 *
 * content_tree.c is the only file that calls yaml_*: it turns a buffer into
 * a tree of struct content_node (each with its 1-based line and column),
 * refusing what no loader accepts (bad UTF-8, anchors, aliases, foreign
 * tags, duplicate keys, deep nesting, too many nodes, several documents).
 * content_schema.c walks a tree against a table (struct schema) and fills a
 * C struct, so each loader only describes its fields.
 *
 * Errors go to a struct content_diag (content_diag.c, with the wording
 * helpers), which keeps the CONTENT_MAX_ERRORS errors nearest the top of
 * the file and counts the rest. The tree owns all
 * its nodes and strings (content_tree_free()); the diag owns its messages
 * until content_diag_finish() hands them over.
 */
#ifndef BACKPAIN_CONTENT_INT_H
#define BACKPAIN_CONTENT_INT_H

#include <stddef.h>

#include "content.h"

#define CONTENT_MAX_EVENTS 1000000 /* YAML events per file, then refused */
#define CONTENT_QUOTE_MAX 40	   /* bytes of a value quoted in a message */

enum content_node_kind {
	CONTENT_SCALAR,
	CONTENT_SEQ,
	CONTENT_MAP,
	CONTENT_ALIAS, /* already reported; loaders skip it */
};

struct content_node {
	enum content_node_kind kind;
	int line, col;	 /* 1-based start of the node */
	const char *tag; /* NULL, or a core tag's short name: "str", "int" */
	int bad;	 /* already reported (foreign tag, duplicate key) */
	int plain;	 /* a scalar written without quotes or block style */
	int block;	 /* a literal (|) or folded (>) scalar */
	char *str;	 /* a scalar's value, NUL-terminated */
	size_t len;	 /* its length (it may hold a NUL) */
	/* A sequence's items; a mapping's keys and values, alternating. */
	struct content_node **kids;
	size_t nkids;
};

struct content_diag_entry {
	int line, col;
	size_t seq; /* order of discovery, to keep ties stable */
	char *msg;
};

struct content_diag {
	const char *name; /* the file, as error lines call it */
	struct content_diag_entry kept[CONTENT_MAX_ERRORS];
	size_t nkept;
	size_t total;
};

void content_diag_init(struct content_diag *, const char *name);
/* Whether an error at line:col would be kept: skip costly messages if not. */
int content_diag_wanted(const struct content_diag *, int line, int col);
void content_diag_add(struct content_diag *, int line, int col, const char *fmt,
		      ...) __attribute__((format(printf, 4, 5)));
/* Moves the errors, in file order, into errs and empties the diag. */
void content_diag_finish(struct content_diag *, struct content_errors *errs);
void content_diag_free(struct content_diag *);

/*
 * Parses data[0..len) into *root. Returns 0, or -1 when the text cannot be
 * read as one YAML document within the limits (the reason is in the diag
 * and *root is NULL). Errors that leave the tree usable (an anchor, a
 * duplicate key) are added to the diag and parsing goes on; a stream with
 * no document gives 0 and *root NULL.
 */
int content_tree_parse(struct content_diag *, const char *data, size_t len,
		       struct content_node **root);
void content_tree_free(struct content_node *);

/*
 * Reads a whole file of at most CONTENT_MAX_BYTES. Returns 0 with *data
 * (NUL-terminated, caller frees) and *len; -1 with errno set when it cannot
 * be read; -2 when it is larger than the limit (*len is its size if known);
 * -3 when it is not a regular file (a FIFO, a device), without blocking.
 */
int content_tree_read_file(const char *path, char **data, size_t *len);

/* The value for key in a mapping, or NULL. */
const struct content_node *content_tree_get(const struct content_node *map,
					    const char *key);
/* A plain integer scalar (optional '-', no leading zeros) in [min, max]:
 * 0 and *out set, else -1. */
int content_tree_int(const struct content_node *, long min, long max,
		     long *out);

/* s[0..len) quoted, escaped and shortened for a message. Allocated. */
char *content_diag_quote(const char *s, size_t len);
/* What a node is, for "got ..." in messages, e.g. "a list" or "'abc'".
 * Allocated. */
char *content_diag_describe(const struct content_node *);
/* The known key nearest to key, or NULL when none is close. */
const char *content_diag_suggest(const char *key, const char *const *known,
				 size_t nknown);

/* 1 when s is an id as SCHEMA_ID takes it (content_schema.c), else 0. */
int content_id_valid(const char *s);

enum schema_type {
	SCHEMA_STRING,	/* char *: a non-empty scalar */
	SCHEMA_ID,	/* char *: [a-z0-9][a-z0-9-]*, 1..CONTENT_ID_MAX */
	SCHEMA_INT,	/* int in [min, max] */
	SCHEMA_BOOL,	/* int, 0 or 1 */
	SCHEMA_ENUM,	/* int: index into names */
	SCHEMA_STRINGS, /* struct strlist with min..max items */
	SCHEMA_LIST,	/* sub->size structs at off, their count at count_off */
	SCHEMA_MAP,	/* a struct sub at off, inside the parent */
	SCHEMA_CUSTOM,	/* a scalar handed to parse(), which fills off */
};

#define SCHEMA_NO_MAX (-1L) /* max of a list with no upper bound */

struct schema;

struct schema_field {
	const char *key;
	enum schema_type type;
	int required;
	size_t off;
	size_t count_off; /* SCHEMA_LIST */
	long min, max;	  /* SCHEMA_INT values; list and strlist lengths */
	const char *const *names; /* SCHEMA_ENUM, NULL-terminated */
	const struct schema *sub; /* SCHEMA_LIST, SCHEMA_MAP */
	int (*parse)(const char *, void *out); /* SCHEMA_CUSTOM: 0 or -1 */
	const char *expect; /* SCHEMA_CUSTOM: "a time HH:MM from ..." */
};

struct schema {
	const char *what; /* "approach": names the mapping in messages */
	size_t size;
	const struct schema_field *fields; /* ended by a NULL key */
	/* Checks across fields, once the mapping has been read; may be NULL. */
	void (*check)(struct content_diag *, const struct content_node *map,
		      void *obj, void *ctx);
};

/*
 * Fills obj (zeroed, sized s->size) from the mapping node, reporting every
 * problem to the diag. Whatever it fills is released by content_schema_free(),
 * also after errors. ctx is handed to the check functions.
 */
void content_schema_walk(struct content_diag *, const struct schema *s,
			 const struct content_node *node, void *obj, void *ctx);
/* Frees what content_schema_walk() put in obj, not obj itself. */
void content_schema_free(const struct schema *s, void *obj);

/* The limits of content/README.md. */
#define CONTENT_APPROACHES_MAX 32
#define CONTENT_SCALE_LOW 0 /* the pain and interference scales run 0..10 */
#define CONTENT_SCALE_HIGH 10
#define CONTENT_ANCHORS_MIN 2
#define CONTENT_ANCHORS_MAX 11
#define CONTENT_TRIAL_DAYS_MAX 365
#define CONTENT_MINUTES_MAX 180
#define CONTENT_PER_DAY_MAX 12
#define CONTENT_CHOICES_MIN 2
#define CONTENT_CHOICES_MAX 8
#define CONTENT_YEAR_MIN 1800
#define CONTENT_YEAR_MAX 2100
#define CONTENT_REVISION_MAX 1000
/* A lesson's moments are distinct, so there are at most the three fixed
 * ones and a start and a stop for each approach. */
#define CONTENT_AFTER_FIXED 3
#define CONTENT_AFTER_MAX (CONTENT_AFTER_FIXED + 2 * CONTENT_APPROACHES_MAX)

/* An id seen while walking, to find duplicates once the walk is over: a
 * current id, or an old one (renamed_from), which may clash with
 * neither. */
struct content_id_seen {
	const char *kind;
	const char *id;
	int line, col;
	size_t seq;
	int old;
};

struct content_id_check {
	struct content_id_seen *v;
	size_t n;
};

/* A lesson's `after:` list, checked once every approach id is known. */
struct content_after_seen {
	const struct content_node *list;
	const struct lesson *lesson;
};

/* What the check functions gather while the pack is walked (their ctx). */
struct content_load_ctx {
	struct content_id_check ids;
	struct content_after_seen *after;
	size_t nafter;
};

/*
 * content_check.c: the cross-checks of content.c's pack schema (struct
 * schema's check, of the type content_check_fn, with a struct
 * content_load_ctx as ctx), and the reports the loader makes once the
 * walk is over: a lesson's moments against the pack's approaches (which
 * frees c->after), and duplicate ids (which frees ids->v).
 */
typedef void content_check_fn(struct content_diag *d,
			      const struct content_node *map, void *obj,
			      void *ctx);
content_check_fn content_red_flag_check;
content_check_fn content_practice_check;
content_check_fn content_approach_check;
content_check_fn content_question_check;
content_check_fn content_lesson_check;
content_check_fn content_scale_check;
void content_after_report(struct content_diag *d, struct content_load_ctx *c,
			  const struct pack *p);
void content_id_report(struct content_diag *d, struct content_id_check *ids);

#endif
