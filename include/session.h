/*
 * session: how long a practice session may last, one bound for the
 * log's checks (store.h), the program's (program.h) and the options of
 * the faces. Nothing here allocates.
 */
#ifndef BACKPAIN_SESSION_H
#define BACKPAIN_SESSION_H

#define SESSION_MINUTES_MAX (24 * 60) /* a session lasts at most a day */
#define SESSION_SECONDS_MAX (SESSION_MINUTES_MAX * 60)

#endif
