/*
 * entry: what every entry of the log shares, in each layer that holds
 * one: the store reads and writes entries (store.h), the program checks
 * and models them (program.h), the faces show them. The number that
 * stands for a value not given, and the size of an entry's uid.
 * checkin.h, outcome.h, screening.h, flare.h and session.h describe the
 * values themselves; none of them knows how the log is kept, so a face
 * can hold them without the store. Nothing here allocates.
 */
#ifndef BACKPAIN_ENTRY_H
#define BACKPAIN_ENTRY_H

/* A rating, a duration or an impression not given. */
#define ENTRY_NONE (-1)

/* A row's uid: 32 lowercase hex digits (16 random bytes) and a NUL; "" in
 * a dump row that has none (an export from before schema version 6). */
#define ENTRY_UID_LEN 33

#endif
