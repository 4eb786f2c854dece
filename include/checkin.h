/*
 * checkin: a day's check-in as every layer holds it: the store reads and
 * writes it (store.h), the program checks it and saves it (program.h),
 * the faces and the review show it. A struct checkin owns its strings:
 * checkin_clear() frees them, checkins_free() an array of them and the
 * array.
 */
#ifndef BACKPAIN_CHECKIN_H
#define BACKPAIN_CHECKIN_H

#include <stddef.h>

#include "day.h"
#include "entry.h"

struct checkin {
	char day[DAY_LEN];
	int pain;	   /* 0..10 */
	int interference;  /* 0..10 or ENTRY_NONE */
	char *note;	   /* NULL when none; any UTF-8, stored exactly */
	char *recorded_at; /* set by the store; local ISO 8601 */
	char *updated_at;
	char uid[ENTRY_UID_LEN]; /* set by the store, kept by export/import */
	/* 1 at the first put of the day, one more at each later one (set by
	 * the store); 0 in a dump row that has none. */
	int revision;
	/* When the pain rating was entered or last changed (a put that
	 * changes only the rest keeps it): set by the store, local ISO
	 * 8601; read as recorded_at for a row that has none (a log from
	 * before issue 18's schema step, an import of an older export).
	 * Whether the rating was recalled is program.h's to say. */
	char *pain_set_at;
};

/* A save of a check-in refused because the day's check-in was saved
 * since the caller read it (sysexits.h EX_TEMPFAIL: read it again, then
 * save): store_checkin_write() and program_checkin() say when. */
#define CHECKIN_CHANGED 75

/* Frees the strings of c and sets them to NULL; c may be zeroed. */
void checkin_clear(struct checkin *c);
void checkins_free(struct checkin *, size_t);

#endif
