/* program_log.c: the log as a face opens and reads it (program.h), the
 * store's functions handed on so that no face includes store.h. Nothing
 * here judges: what a face shows beyond the rows themselves is computed
 * by the rest of the program. */
#include "program.h"

#include "store.h"

char *
program_default_path(void)
{
	return store_default_path();
}

int
program_open(const char *path, int read_only, struct store **out, char **cause)
{
	return read_only ? store_open_read(path, out, cause)
			 : store_open(path, out, cause);
}

void
program_close(struct store *store)
{
	store_close(store);
}

int
program_saved(const struct store *store)
{
	return store_saved(store);
}

int
program_checkin_get(struct store *store, const char *day, struct checkin *out,
		    int *found, char **cause)
{
	return store_checkin_get(store, day, out, found, cause);
}

int
program_checkins_range(struct store *store, const char *from, const char *to,
		       struct checkin **out, size_t *n, char **cause)
{
	return store_checkin_range(store, from, to, out, n, cause);
}

int
program_screenings_latest(struct store *store, struct screening **out,
			  size_t *n, char **cause)
{
	return store_screening_latest(store, out, n, cause);
}

int
program_screenings_all(struct store *store, struct screening **out, size_t *n,
		       char **cause)
{
	return store_screening_all(store, out, n, cause);
}

int
program_export(struct store *store, enum program_format format, FILE *out,
	       char **cause)
{
	return store_export(store,
			    format == PROGRAM_FORMAT_CSV ? STORE_FORMAT_CSV
							 : STORE_FORMAT_JSON,
			    out, cause);
}
