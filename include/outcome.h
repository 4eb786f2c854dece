/*
 * outcome: how a trial ended, as every layer names it: its outcome (the
 * store keeps it, the review suggests one, the faces offer them) and the
 * global impression of change the person gave at its end. The names here
 * are the tokens of the CLI's options, the CSV and the JSON; the words a
 * person reads are program.h's (program_outcome_words()). Nothing here
 * allocates.
 */
#ifndef BACKPAIN_OUTCOME_H
#define BACKPAIN_OUTCOME_H

enum outcome {
	OUTCOME_NONE, /* still running */
	OUTCOME_HELPED,
	OUTCOME_NO_CHANGE,
	OUTCOME_WORSE,
	OUTCOME_STOPPED,
};

/* "helped", "no-change", "worse", "stopped"; "" for OUTCOME_NONE or a
 * value that is no outcome. */
const char *outcome_name(enum outcome);
/* -1 when name is not an outcome (OUTCOME_NONE has no name). */
int outcome_parse(const char *name, enum outcome *out);

/* The 7-point global impression of change (PGIC; GUIDE-FACTS.md 3.1),
 * IMPRESSION_MIN (very much better) .. IMPRESSION_MAX (very much worse);
 * ENTRY_NONE (entry.h) when not given. */
#define IMPRESSION_MIN 1
#define IMPRESSION_MAX 7

/* "very-much-better", "much-better", "a-little-better", "no-change",
 * "a-little-worse", "much-worse", "very-much-worse" for 1..7; "" else. */
const char *impression_name(int impression);
/* 1..7 from a name or a number "1".."7"; -1 when neither. */
int impression_parse(const char *text, int *out);

#endif
