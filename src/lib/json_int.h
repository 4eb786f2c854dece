/*
 * json_int.h: what the three files of the JSON reader share and nothing
 * else sees.  json.c holds the two passes, arrays, objects and the API;
 * json_scan.c the tokens (position, refusals, strings, numbers, words);
 * json_keys.c the first pass's set of an object's keys.  The reader is
 * json.c's, on its stack for one json_parse(); the others read and move
 * it.  Calls go one way: json.c -> json_keys.c -> json_scan.c, and
 * json.c -> json_scan.c.
 */
#ifndef BACKPAIN_JSON_INT_H
#define BACKPAIN_JSON_INT_H

#include <stddef.h>
#include <stdint.h>

#include "json.h"
#include "util.h"

/* One json_parse(): the text, where the reader stands, and the block the
 * second pass fills. */
struct json_reader {
	const unsigned char *s;
	size_t len, i;
	int line, col;
	int depth;
	struct json_error *err;
	int fill;	      /* 0: the first pass, 1: the second */
	struct buf str;	      /* the string being read, decoded */
	struct buf again;     /* first pass: an earlier key, decoded again */
	uint64_t hash_key[2]; /* first pass: of key_hash(), at random */
	/* What the first pass counts and the second fills. */
	size_t nitems, nmembers, nbytes;
	struct json *items;
	struct json_member *members;
	char *bytes;
	/* Second pass: the stacks' tops, and where the ended ones begin. */
	size_t item_top, item_end, member_top, member_end, byte_end;
};

/* First pass: the keys read so far in one object, so that a key given
 * twice is found in one lookup however many came before it. Open
 * addressing with linear probing, by a hash of the decoded key; each slot
 * holds the hash and where the key starts in the text (it is decoded
 * again to be compared when the hashes agree). Grown to twice its size
 * when more than three quarters full; small objects (most of them) stay in
 * the set's own slots and allocate nothing. */
#define JSON_KEYS_SMALL 16

struct json_key_slot {
	size_t at; /* the offset of the key's opening quote + 1; 0: empty */
	uint64_t hash;
};

struct json_keyset {
	struct json_key_slot *slot;
	size_t cap, n;
	struct json_key_slot small[JSON_KEYS_SMALL];
};

/* json_scan.c */
/* Sets r->err at the reader's place to the message; returns -1. */
int json_fail(struct json_reader *r, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* The byte at the reader, or -1 at the end.  It, json_advance() and
 * json_skip_space() are in this header so that every file's loops read
 * them inline, as when the reader was one file. */
static inline int
json_peek(const struct json_reader *r)
{
	return r->i < r->len ? r->s[r->i] : -1;
}

/* Moves past n bytes, none of them a newline; a column is a character,
 * so UTF-8 continuation bytes do not count. */
static inline void
json_advance(struct json_reader *r, size_t n)
{
	while (n-- > 0 && r->i < r->len) {
		if ((r->s[r->i] & 0xC0) != 0x80)
			r->col++;
		r->i++;
	}
}

static inline void
json_skip_space(struct json_reader *r)
{
	int c;

	while ((c = json_peek(r)) == ' ' || c == '\t' || c == '\n' ||
	       c == '\r') {
		r->i++;
		if (c == '\n') {
			r->line++;
			r->col = 1;
		} else {
			r->col++;
		}
	}
}
/* Refuses what stands at the reader, saying what was wanted; -1. */
int json_unexpected(struct json_reader *r, const char *wanted);
/* A string at the opening quote, decoded into b (emptied first; its
 * bytes are b->data[0..b->len)). */
int json_parse_string(struct json_reader *r, struct buf *b);
/* Counts n bytes and a NUL (first pass), or copies them to the block and
 * points *out at them (second). */
void json_keep_bytes(struct json_reader *r, const void *p, size_t n, char **out,
		     size_t *len);
/* A number, or true, false or null, at the reader into v. */
int json_parse_number(struct json_reader *r, struct json *v);
int json_parse_word(struct json_reader *r, struct json *v);

/* json_keys.c */
void json_keyset_init(struct json_keyset *ks);
void json_keyset_free(struct json_keyset *ks);
/* 1 with *first the offset of the earlier key equal to the one just read
 * into r->str (which starts at offset at); else 0 after adding it. */
int json_keyset_check(struct json_reader *r, struct json_keyset *ks, size_t at,
		      size_t *first);
/* A key for the keys' hash that no file can know, in r->hash_key. */
void json_seed_hash(struct json_reader *r);

#endif
