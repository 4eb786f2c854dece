/*
 * pain: the one 0..10 scale every rating in backpain uses (pain,
 * interference, pain before and after a practice, usual pain), as the
 * guide's numeric rating scale has it: 0 no pain, 10 the worst imaginable.
 * The log's CHECK constraints, the program's checks, the analysis and the
 * screens all read these two; nothing here allocates.
 */
#ifndef BACKPAIN_PAIN_H
#define BACKPAIN_PAIN_H

#define PAIN_MIN 0
#define PAIN_MAX 10

#endif
