/* json_keys.c: the first pass's check that no object gives a key twice:
 * a set of the keys read so far in one object, by a keyed hash, so that
 * a file cannot choose keys that collide. */
#include "json.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <time.h>

#include "json_int.h"
#include "util.h"

#define ROTL(x, b) (uint64_t)(((x) << (b)) | ((x) >> (64 - (b))))

static void
sip_round(uint64_t v[4])
{
	v[0] += v[1];
	v[1] = ROTL(v[1], 13) ^ v[0];
	v[0] = ROTL(v[0], 32);
	v[2] += v[3];
	v[3] = ROTL(v[3], 16) ^ v[2];
	v[0] += v[3];
	v[3] = ROTL(v[3], 21) ^ v[0];
	v[2] += v[1];
	v[1] = ROTL(v[1], 17) ^ v[2];
	v[2] = ROTL(v[2], 32);
}

/* SipHash-1-3 of s[0..n) under key k: keyed, so that a file cannot
 * choose keys whose hashes collide (which would make each lookup compare
 * with every key before it again). */
static uint64_t
key_hash(const uint64_t k[2], const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	uint64_t v[4], m;
	size_t i, j;

	v[0] = k[0] ^ 0x736f6d6570736575ULL;
	v[1] = k[1] ^ 0x646f72616e646f6dULL;
	v[2] = k[0] ^ 0x6c7967656e657261ULL;
	v[3] = k[1] ^ 0x7465646279746573ULL;
	for (i = 0; i + 8 <= n; i += 8) {
		for (m = 0, j = 0; j < 8; j++)
			m |= (uint64_t)p[i + j] << (8 * j);
		v[3] ^= m;
		sip_round(v);
		v[0] ^= m;
	}
	for (m = (uint64_t)n << 56, j = 0; i + j < n; j++)
		m |= (uint64_t)p[i + j] << (8 * j);
	v[3] ^= m;
	sip_round(v);
	v[0] ^= m;
	v[2] ^= 0xff;
	sip_round(v);
	sip_round(v);
	sip_round(v);
	return v[0] ^ v[1] ^ v[2] ^ v[3];
}

void
json_keyset_init(struct json_keyset *ks)
{
	memset(ks->small, 0, sizeof ks->small);
	ks->slot = ks->small;
	ks->cap = JSON_KEYS_SMALL;
	ks->n = 0;
}

void
json_keyset_free(struct json_keyset *ks)
{
	if (ks->slot != ks->small)
		free(ks->slot);
}

static void
keyset_put(struct json_key_slot *slot, size_t cap, struct json_key_slot s)
{
	size_t k = (size_t)s.hash & (cap - 1);

	while (slot[k].at != 0)
		k = (k + 1) & (cap - 1);
	slot[k] = s;
}

/* Whether the key at offset at (already read once, so well formed)
 * decodes to the bytes of r->str. */
static int
same_key(struct json_reader *r, size_t at)
{
	struct json_reader again = *r;

	again.i = at;
	if (json_parse_string(&again, &r->again) != 0)
		return 0;
	return r->again.len == r->str.len &&
	       (r->str.len == 0 ||
		memcmp(r->again.data, r->str.data, r->str.len) == 0);
}

/* 1 with *first the offset of the earlier key equal to the one just read
 * into r->str (which starts at offset at); else 0 after adding it. */
int
json_keyset_check(struct json_reader *r, struct json_keyset *ks, size_t at,
		  size_t *first)
{
	struct json_key_slot *old;
	uint64_t h = key_hash(r->hash_key, r->str.data, r->str.len);
	size_t k, cap;

	for (k = (size_t)h & (ks->cap - 1); ks->slot[k].at != 0;
	     k = (k + 1) & (ks->cap - 1))
		if (ks->slot[k].hash == h && same_key(r, ks->slot[k].at - 1)) {
			*first = ks->slot[k].at - 1;
			return 1;
		}
	if (4 * (ks->n + 1) > 3 * ks->cap) {
		old = ks->slot;
		cap = ks->cap;
		ks->cap *= 2;
		ks->slot = xcalloc(ks->cap, sizeof *ks->slot);
		for (k = 0; k < cap; k++)
			if (old[k].at != 0)
				keyset_put(ks->slot, ks->cap, old[k]);
		if (old != ks->small)
			free(old);
	}
	keyset_put(ks->slot, ks->cap, (struct json_key_slot){at + 1, h});
	ks->n++;
	return 0;
}

/* A key for key_hash() that no file can know. Any key finds duplicates;
 * the clock and where the stack is serve when the kernel gives none. */
void
json_seed_hash(struct json_reader *r)
{
	struct timespec ts;

	if (getrandom(r->hash_key, sizeof r->hash_key, GRND_NONBLOCK) ==
	    (ssize_t)sizeof r->hash_key)
		return;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	r->hash_key[0] = (uint64_t)ts.tv_nsec ^ (uint64_t)(uintptr_t)r;
	r->hash_key[1] = (uint64_t)ts.tv_sec;
}
