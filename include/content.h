/*
 * content: the content pack (content/README.md is the format), loaded strictly
 * with libyaml. content.c describes the pack and loads it (its cross-checks
 * in content_check.c, its lookups by id in content_find.c); the YAML itself
 * is read by content_tree.c, the only file that calls yaml_*, and checked
 * field by field by content_schema.c (see src/content/content_int.h).
 *
 * A struct pack owns every string and array reachable from it; content_free()
 * releases all of it. The one exception is the built-in pack: read-only data
 * compiled into the program, which content_free() leaves alone.
 *
 * Errors come back in a struct content_errors the caller owns and releases
 * with content_errors_free(): each entry is one line
 * "FILE:LINE:COLUMN: message" (1-based) without a trailing newline.
 */
#ifndef BACKPAIN_CONTENT_H
#define BACKPAIN_CONTENT_H

#include <stddef.h>

#define CONTENT_FORMAT 1 /* newest pack format this program reads */
#define CONTENT_MAX_BYTES (1024 * 1024) /* larger files are refused */
#define CONTENT_MAX_DEPTH 32		/* deeper nesting is refused */
#define CONTENT_MAX_ERRORS 20		/* errors kept per load; more counted */
#define CONTENT_ID_MAX 40		/* longest id */
#define CONTENT_DEFAULT_NAME "<built-in pack>"
#define CONTENT_NONE ((size_t)-1) /* an index that points nowhere */
/* A reversible approach's pause (program.h's pause week): a week by
 * default, long enough for an effect to fade and be measured (analysis.h's
 * ANALYSIS_PAUSE_FADE_DAYS are not judged), short enough to ask of a
 * person; 3 .. 28 days. */
#define CONTENT_PAUSE_DAYS 7
#define CONTENT_PAUSE_DAYS_MIN 3
#define CONTENT_PAUSE_DAYS_MAX 28

enum content_status {
	CONTENT_OK = 0,
	CONTENT_INVALID = -1,	 /* the pack has errors: exit 65 */
	CONTENT_UNREADABLE = -2, /* the file cannot be read: exit 66 */
};

enum urgency { URGENCY_EMERGENCY, URGENCY_SOON };
enum effort { EFFORT_LOW, EFFORT_MEDIUM, EFFORT_HIGH };
enum resource_kind {
	RESOURCE_BOOK,
	RESOURCE_VIDEO,
	RESOURCE_COURSE,
	RESOURCE_ARTICLE,
	RESOURCE_PERSON,
	RESOURCE_PRODUCT,
};

struct strlist {
	char **v;
	size_t n;
};

struct anchor {
	int value; /* 0..10 */
	char *label;
};

struct scale {
	char *question;
	struct anchor *anchors; /* strictly increasing, first 0, last 10 */
	size_t nanchors;
};

struct red_flag {
	char *id;
	char *question;
	enum urgency urgency;
	char *advice;
	char *source; /* NULL when absent */
	/* A yes holds the approaches back until a doctor has seen it: 1 unless
	 * the pack says `holds: false`, which an emergency flag may not. */
	int holds;
	/* 1.., 1 when absent: raised when the question's meaning changes, so
	 * that an answer given to an older revision is asked again. */
	int revision;
};

struct resource {
	enum resource_kind kind;
	char *title;
	char *by;   /* NULL when absent */
	int year;   /* 0 when absent */
	char *note; /* NULL when absent */
};

struct practice {
	char *id;
	char *title;
	int minutes; /* 1..180 */
	int per_day; /* 1..12 */
	int flare;   /* meant for flare-ups: offered by `f` on Today */
	struct strlist steps;
	/* Who it belongs to: an approach (approach is its index in
	 * pack->approaches, lesson is CONTENT_NONE) or a lesson (lesson is its
	 * index in pack->lessons, approach is CONTENT_NONE). */
	size_t approach;
	size_t lesson;
	/* Ids it had in earlier versions of the pack (renamed_from:), so
	 * that a log's rows under them are its history: never the id of
	 * another practice, nor listed twice. */
	struct strlist renamed_from;
};

struct question {
	char *id;
	char *text;
	struct strlist choices;	     /* 2..8, distinct */
	char *warn_if;		     /* one of choices, or NULL */
	char *warning;		     /* set exactly when warn_if is */
	size_t approach;	     /* index of its approach */
	struct strlist renamed_from; /* earlier ids, as a practice's */
};

struct evidence {
	char *claim;
	char *source;
};

struct approach {
	char *id;
	char *title;
	char *summary;
	char *model;
	struct strlist suits;
	enum effort effort;
	int trial_days; /* 1..365, or 0 for open-ended */
	int wildcard;	/* usable any time beside the current approach */
	/* Days to settle in before a trial is judged, 1..60, or 0 when the
	 * pack does not say (the review then takes 7). */
	int settle_days;
	int flare_tool; /* judged by its sessions, not by daily means */
	/* Its effect should fade when it is stopped (stretching; not a
	 * reading or lessons, whose effect is learning): a trial of it may
	 * be paused to confirm a fall in pain (program.h's pause week).
	 * pause_days: how long, CONTENT_PAUSE_DAYS_MIN..MAX, or 0 when the
	 * pack does not say (then CONTENT_PAUSE_DAYS); only with
	 * reversible. */
	int reversible;
	int pause_days;
	int report; /* offers to write the summary for a therapist */
	struct resource *resources;
	size_t nresources;
	struct strlist principles;
	struct strlist steps;
	struct practice *practices;
	size_t npractices;
	struct question *questions;
	size_t nquestions;
	struct strlist cautions;
	struct evidence *evidence;
	size_t nevidence;
	struct strlist renamed_from; /* earlier ids, as a practice's */
};

/*
 * A short read beside the plan. after holds the moments it is offered at,
 * as the pack writes them and the loader checked them: "first-checkin",
 * "first-week", "flare", "start:APPROACH" or "stop:APPROACH", APPROACH an
 * approach id of the pack (content_lesson_after() matches one).
 */
struct lesson {
	char *id; /* unique across all the pack's ids, of any kind */
	char *title;
	char *text;
	struct strlist sources;	    /* 1 or more: the studies and guidelines */
	struct strlist after;	    /* NULL v when absent */
	struct practice *practices; /* ids unique among all practices */
	size_t npractices;
};

struct onboarding {
	char *injury_question;
	char *injury_advice;
	char *usual_pain_question;
};

struct pack {
	int format;
	char *id;
	char *title;
	char *language;
	char *about;
	char *disclaimer;
	char *source; /* NULL when absent */
	struct onboarding onboarding;
	struct scale pain_scale;
	struct scale interference_scale;
	struct red_flag *red_flags;
	size_t nred_flags;
	struct approach *approaches; /* in the order to try them */
	size_t napproaches;
	struct resource *further_reading;
	size_t nfurther_reading;
	struct lesson *lessons; /* in the pack's order */
	size_t nlessons;
	size_t npractices; /* over all approaches, not lessons */
	size_t nquestions; /* over all approaches */
};

struct content_errors {
	char **v;	/* "FILE:LINE:COLUMN: message" */
	size_t n;	/* at most CONTENT_MAX_ERRORS */
	size_t dropped; /* errors found beyond the limit */
};

/*
 * Load a pack. On CONTENT_OK *out is a new pack; otherwise *out is NULL and
 * errs holds at least one line. name is what error lines call the file.
 */
int content_load_file(const char *path, struct pack **out,
		      struct content_errors *errs);
int content_load_buffer(const char *name, const char *data, size_t len,
			struct pack **out, struct content_errors *errs);
/*
 * The pack compiled into the binary (content/guide.yaml), ready-made: nothing
 * is parsed and it is always CONTENT_OK. It is read-only data, shared by
 * every caller: never write into it.
 */
int content_load_default(struct pack **out, struct content_errors *errs);
void content_free(struct pack *);
void content_errors_free(struct content_errors *);

/* Look-ups by id; NULL when there is no such id. */
const struct approach *content_approach(const struct pack *, const char *id);
/* A practice of an approach: p->approach is always an index. */
const struct practice *content_practice(const struct pack *, const char *id);
/*
 * A practice of an approach or of a lesson (p->approach CONTENT_NONE).
 * The program logs a lesson's practice under the lesson's id
 * (program_practice_owner()); a caller that indexes pack->approaches by
 * p->approach checks for CONTENT_NONE first.
 */
const struct practice *content_practice_any(const struct pack *,
					    const char *id);
const struct lesson *content_lesson(const struct pack *, const char *id);
const struct question *content_question(const struct pack *, const char *id);
const struct red_flag *content_red_flag(const struct pack *, const char *id);
/* Index of an approach in pack->approaches, or -1. */
int content_approach_index(const struct pack *, const char *id);
/* The approach, practice or question that lists id in its renamed_from
 * (an id it had before the pack renamed it); NULL when none does. */
const struct approach *content_approach_renamed(const struct pack *,
						const char *id);
const struct practice *content_practice_renamed(const struct pack *,
						const char *id);
const struct question *content_question_renamed(const struct pack *,
						const char *id);

/*
 * Whether lesson l is offered at moment: "first-checkin", "first-week",
 * "flare", "start:APPROACH" or "stop:APPROACH" (CONTENT_MOMENT_* below).
 */
int content_lesson_after(const struct lesson *l, const char *moment);
#define CONTENT_MOMENT_FIRST_CHECKIN "first-checkin"
#define CONTENT_MOMENT_FIRST_WEEK "first-week"
#define CONTENT_MOMENT_FLARE "flare"
#define CONTENT_MOMENT_START "start:" /* followed by an approach id */
#define CONTENT_MOMENT_STOP "stop:"

const char *content_urgency_name(enum urgency);
const char *content_effort_name(enum effort);
const char *content_resource_kind_name(enum resource_kind);

/* The embedded copy of content/guide.yaml, generated at build time. */
extern const char content_default_pack[];
extern const size_t content_default_pack_len;
/*
 * The same file as the loader reads it, made into initialised data at build
 * time by tools/packgen.c. content_load_default() hands it out.
 */
extern const struct pack content_builtin_pack;

#endif
