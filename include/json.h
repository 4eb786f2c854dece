/*
 * json: a small strict JSON reader (RFC 8259) for `backpain import`. It
 * reads a whole text into a tree and remembers where each value and key
 * starts (line and column, both from 1; columns count characters), so that
 * whoever checks the values can name the place of a bad one.
 *
 * Strict: one value and nothing after it but white space; no comments, no
 * trailing commas, no leading zeros, no NUL bytes, no raw control
 * characters or invalid UTF-8 in strings, no lone surrogates in \u
 * escapes, no key twice in one object, nesting at most JSON_DEPTH_MAX deep,
 * a number at most JSON_NUMBER_MAX characters. Numbers are kept as their
 * text; json_int() reads an integer out of one.
 *
 * json_parse() fills a tree the caller releases with json_free() on the
 * root it filled (never on a value inside: the whole tree is one
 * allocation); on a refusal it returns -1 with err saying where and why,
 * and leaves nothing to free. Strings are decoded UTF-8, NUL-terminated; a
 * \u0000 escape is kept, so len may be larger than strlen().
 *
 * Time and memory are linear in the text: it is read twice (once to check
 * it and count, once to fill), each key is looked up among its object's
 * in a hash table (keyed at random, so that no file can choose keys that
 * collide), and the tree takes at most JSON_BYTES_PER_BYTE bytes for each
 * byte of the text (an array's item takes 32 bytes on a 64-bit machine and
 * can be as short as "0,"; each string and number is kept once, with its
 * NUL). Reading never holds more than that either (the first pass's tables
 * of keys take at most 13 bytes per byte, and are freed before the tree is
 * made), besides a copy of the string being read and of a key compared
 * with it. The text stays the caller's.
 */
#ifndef BACKPAIN_JSON_H
#define BACKPAIN_JSON_H

#include <stddef.h>

#define JSON_DEPTH_MAX 64
#define JSON_NUMBER_MAX 64
#define JSON_BYTES_PER_BYTE 17

enum json_type {
	JSON_NULL,
	JSON_FALSE,
	JSON_TRUE,
	JSON_NUMBER,
	JSON_STRING,
	JSON_ARRAY,
	JSON_OBJECT,
};

struct json_member;

/* The type says which of each union a value uses (32 bytes on a 64-bit
 * machine). */
struct json {
	enum json_type type;
	int line, col; /* where the value starts */
	union {
		char *str;	    /* STRING: its bytes; NUMBER: text */
		struct json *items; /* ARRAY */
		struct json_member *members; /* OBJECT, in the order written */
	};
	union {
		size_t len; /* of str */
		size_t n;   /* items or members */
	};
};

struct json_member {
	char *key;
	size_t keylen;
	int line, col; /* where the key starts */
	struct json value;
};

struct json_error {
	int line, col;
	char msg[160];
};

int json_parse(const char *text, size_t len, struct json *out,
	       struct json_error *err);
void json_free(struct json *);

/* The member named key of an object, or NULL (also when v is no object). */
const struct json *json_get(const struct json *v, const char *key);
/* 0 with *out set when v is an integer number (no fraction or exponent)
 * in [min, max]; else -1. */
int json_int(const struct json *v, long long min, long long max,
	     long long *out);
/* "null", "false", "true", "a number", "a string", "an array", "an object". */
const char *json_type_name(enum json_type);

#endif
