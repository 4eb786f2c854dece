/*
 * analysis_int.h: what analysis.c (the numbers) and analysis_text.c (their
 * words) share and no other module sees: the scales of analysis.h's
 * constants and the exact change, so that a sentence shows the very
 * fraction the verdict compared.  Calls go one way: analysis_text.c ->
 * analysis.c.
 */
#ifndef BACKPAIN_ANALYSIS_INT_H
#define BACKPAIN_ANALYSIS_INT_H

#include "analysis.h"

/* Percentages are compared as 100 * part against pct * whole. */
#define ANALYSIS_PCT_SCALE 100
/* Tenths of a point: ANALYSIS_FLARE_TENTHS, and changes shown to one
 * decimal. */
#define ANALYSIS_TENTHS 10
/* Constants and Kendall's tau kept in thousandths. */
#define ANALYSIS_MILLI 1000.0

/* The change before_mean - during_mean of x as an exact fraction: this
 * numerator over before_n * during_n. */
long long analysis_change_num(const struct analysis_change *x);

#endif
