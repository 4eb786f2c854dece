/* report.c: gathering the report's facts, choosing its format and saving
 * it; see report.h. */
#include "report_int.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sysexits.h>
#include <unistd.h>

#include "content.h"
#include "util.h"

/* Health data: only the user may read the report file. */
#define REPORT_MODE 0600
#define TEMP_SUFFIX ".XXXXXX"

static void
log_span(struct report *rp)
{
	const struct review *rv = &rp->review;
	int first;
	size_t k;

	if (rv->ncheckins == 0)
		return;
	first = rv->checkins[0].day;
	day_from_number(first, rp->first_day);
	day_from_number(rv->checkins[rv->ncheckins - 1].day, rp->last_day);
	rp->span_days = rv->checkins[rv->ncheckins - 1].day - first + 1;
	for (k = 0; k < rv->ncheckins; k++) {
		if (rv->checkins[k].day - first >= REPORT_START_DAYS)
			break;
		rp->start_n++;
		rp->start_sum += rv->checkins[k].pain;
	}
}

#define MONTHS_A_YEAR 12

/* The first day of the month back months before the month of day. */
static int
month_start(const char *day, int back)
{
	char out[32]; /* room for any two ints, to keep -Wformat quiet */
	int m = atoi(day) * MONTHS_A_YEAR + (atoi(day + 5) - 1) - back;

	snprintf(out, sizeof out, "%04d-%02d-01", m / MONTHS_A_YEAR,
		 m % MONTHS_A_YEAR + 1);
	return day_number(out);
}

static void
curve_span(struct report *rp)
{
	const struct review *rv = &rp->review;
	int first = day_number(rv->today), limit;
	size_t i;

	if (rv->ncheckins > 0 && rv->checkins[0].day < first)
		first = rv->checkins[0].day;
	for (i = 0; i < rv->nrows; i++)
		if (rv->rows[i].result.start < first)
			first = rv->rows[i].result.start;
	limit = month_start(rv->today, REPORT_CURVE_MONTHS - 1);
	rp->curve_from = first < limit ? limit : first;
	rp->curve_cut = first < limit;
}

/* Keeps the first REPORT_NOTES check-ins with a note it is handed, which
 * come newest first, and every interference rating. */
static void
keep_note(const struct checkin *c, void *arg)
{
	struct report *rp = arg;
	struct checkin *n;

	if (c->interference != ENTRY_NONE) {
		if (rp->ninterference == rp->interference_cap) {
			rp->interference_cap = rp->interference_cap
						   ? 2 * rp->interference_cap
						   : 64;
			rp->interference = xreallocarray(
			    rp->interference, rp->interference_cap,
			    sizeof *rp->interference);
		}
		rp->interference[rp->ninterference].day = day_number(c->day);
		rp->interference[rp->ninterference++].value = c->interference;
	}
	if (rp->nnotes == REPORT_NOTES || c->note == NULL || c->note[0] == '\0')
		return;
	n = &rp->notes[rp->nnotes++];
	memcpy(n->day, c->day, DAY_LEN);
	n->pain = c->pain;
	n->note = xstrdup(c->note);
}

/* The interference ratings oldest first, and each row's windows as the
 * reviewer gives them. */
static void
interference(struct report *rp)
{
	const struct review *rv = &rp->review;
	size_t i, k;

	for (k = 0; k < rp->ninterference / 2; k++) {
		struct report_rating t = rp->interference[k];

		rp->interference[k] =
		    rp->interference[rp->ninterference - 1 - k];
		rp->interference[rp->ninterference - 1 - k] = t;
	}
	rp->windows = xcalloc(rv->nrows + 1, sizeof *rp->windows);
	for (i = 0; i < rv->nrows; i++)
		review_interference(rv, &rv->rows[i], &rp->windows[i]);
}

/* The safety answers counted, the recent-injury question apart. */
static void
count_answers(struct report *rp)
{
	size_t i;

	rp->injury = -1;
	for (i = 0; i < rp->nscreenings; i++) {
		const struct screening *s = &rp->screenings[i];

		if (strcmp(s->flag, SCREENING_INJURY) != 0) {
			rp->nflags++;
			continue;
		}
		rp->injury = s->answer;
	}
	for (i = 0; i < rp->nanswers; i++) {
		const char *at = rp->answers[i].asked_at;

		if (strcmp(rp->answers[i].flag, SCREENING_INJURY) == 0)
			continue;
		if (rp->answers[i].answer == 1)
			rp->nyes++;
		if (at != NULL && strlen(at) >= DAY_LEN - 1 &&
		    strncmp(at, rp->last_answered, DAY_LEN - 1) > 0)
			snprintf(rp->last_answered, sizeof rp->last_answered,
				 "%.*s", DAY_LEN - 1, at);
	}
}

static void
notes_oldest_first(struct report *rp)
{
	size_t k;

	for (k = 0; k < rp->nnotes / 2; k++) {
		struct checkin t = rp->notes[k];

		rp->notes[k] = rp->notes[rp->nnotes - 1 - k];
		rp->notes[rp->nnotes - 1 - k] = t;
	}
}

int
report_load(const struct pack *pack, struct store *st, const char *today,
	    struct report *out, char **cause)
{
	int rc, done;

	memset(out, 0, sizeof *out);
	out->pack = pack;
	rc = review_load_with(pack, st, today, keep_note, out, &out->review,
			      cause);
	if (rc != 0) {
		report_free(out);
		return rc;
	}
	notes_oldest_first(out);
	interference(out);
	if (pack != NULL) {
		if ((rc = program_plan_load(pack, st, today, &out->plan,
					    cause)) != 0) {
			report_free(out);
			return rc;
		}
		out->plan_loaded = 1;
		if ((rc = program_pauses_load(pack, st, today, &out->pauses,
					      cause)) != 0) {
			report_free(out);
			return rc;
		}
	}
	if ((rc = program_flares_load(pack, st, today, &out->flares, cause)) !=
		0 ||
	    (rc = program_first_run(st, &done, out->onboarded, cause)) != 0 ||
	    (rc = program_screenings_latest(st, &out->screenings,
					    &out->nscreenings, cause)) != 0 ||
	    (rc = program_screenings_all(st, &out->answers, &out->nanswers,
					 cause)) != 0) {
		report_free(out);
		return rc;
	}
	count_answers(out);
	log_span(out);
	curve_span(out);
	return 0;
}

void
report_free(struct report *rp)
{
	size_t i;

	review_free(&rp->review);
	for (i = 0; i < rp->nnotes; i++)
		checkin_clear(&rp->notes[i]);
	rp->nnotes = 0;
	screenings_free(rp->screenings, rp->nscreenings);
	rp->screenings = NULL;
	rp->nscreenings = 0;
	screenings_free(rp->answers, rp->nanswers);
	rp->answers = NULL;
	rp->nanswers = 0;
	free(rp->interference);
	rp->interference = NULL;
	rp->ninterference = rp->interference_cap = 0;
	free(rp->windows);
	rp->windows = NULL;
	program_flares_free(&rp->flares);
	program_pauses_free(&rp->pauses);
	if (rp->plan_loaded)
		program_plan_free(&rp->plan);
	rp->plan_loaded = 0;
}

int
report_format_parse(const char *name, enum report_format *out)
{
	if (strcmp(name, "text") == 0)
		*out = REPORT_TEXT;
	else if (strcmp(name, "markdown") == 0 || strcmp(name, "md") == 0)
		*out = REPORT_MARKDOWN;
	else if (strcmp(name, "html") == 0)
		*out = REPORT_HTML;
	else
		return -1;
	return 0;
}

void
report_format(struct buf *b, const struct report *rp, enum report_format f)
{
	switch (f) {
	case REPORT_MARKDOWN:
		report_markdown(b, rp);
		break;
	case REPORT_HTML:
		report_html(b, rp);
		break;
	case REPORT_TEXT:
	default:
		report_text(b, rp);
		break;
	}
}

static int
save_failed(const char *path, int err, char **cause)
{
	struct buf shown;

	buf_init(&shown);
	util_escape(&shown, path);
	*cause = xasprintf("cannot write the report to '%s': %s", shown.data,
			   strerror(err));
	buf_free(&shown);
	return EX_CANTCREAT;
}

static int
write_all(int fd, const char *data, size_t len)
{
	while (len > 0) {
		ssize_t w = write(fd, data, len);

		if (w < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		data += w;
		len -= (size_t)w;
	}
	return 0;
}

/* After the rename, make the directory entry durable; a failure here
 * leaves a complete file, so it is not reported. */
static void
sync_dir(const char *path)
{
	char *dir = xstrdup(path), *slash = strrchr(dir, '/');
	int fd;

	if (slash == NULL) {
		free(dir);
		dir = xstrdup(".");
	} else if (slash == dir) {
		slash[1] = '\0';
	} else {
		*slash = '\0';
	}
	fd = open(dir, O_RDONLY);
	if (fd >= 0) {
		fsync(fd);
		close(fd);
	}
	free(dir);
}

int
report_save(const char *path, const char *data, size_t len, char **cause)
{
	char *tmp;
	struct buf shown;
	struct stat st;
	int fd, err;

	/* The report replaces a regular file, never what a symbolic link, a
	 * FIFO or a device stands for: rename() would put a file in their
	 * place. (A directory makes rename() fail, as it should.) */
	if (lstat(path, &st) == 0 && !S_ISREG(st.st_mode) &&
	    !S_ISDIR(st.st_mode)) {
		buf_init(&shown);
		util_escape(&shown, path);
		*cause = xasprintf("will not write the report to '%s': it is "
				   "%s; name a regular file, or - for standard "
				   "output",
				   shown.data,
				   S_ISLNK(st.st_mode) ? "a symbolic link"
						       : "not a regular file");
		buf_free(&shown);
		return EX_CANTCREAT;
	}
	tmp = xasprintf("%s%s", path, TEMP_SUFFIX);
	fd = mkstemp(tmp);
	if (fd < 0) {
		err = errno;
		free(tmp);
		return save_failed(path, err, cause);
	}
	if (fchmod(fd, REPORT_MODE) != 0 || write_all(fd, data, len) != 0 ||
	    fsync(fd) != 0) {
		err = errno;
		close(fd);
		goto fail;
	}
	if (close(fd) != 0) {
		err = errno;
		goto fail;
	}
	if (rename(tmp, path) != 0) {
		err = errno;
		goto fail;
	}
	free(tmp);
	sync_dir(path);
	return 0;
fail:
	unlink(tmp);
	free(tmp);
	return save_failed(path, err, cause);
}
