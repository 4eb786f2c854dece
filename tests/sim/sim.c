/*
 * sim.c: the simulation study of issue 10.  Generates synthetic people
 * (tests/sim/sim.h), judges thousands of trials per scenario with the real
 * analysis_trial() and prints what the rule called them.  `make bench` runs
 * it; SIM_TRIALS sets the trials per scenario (default 20000), SIM_SEED the
 * seed.
 */
#include <stdio.h>
#include <stdlib.h>

#include "sim.h"

#define DEFAULT_TRIALS 20000
#define DEFAULT_SEED 10

static double
pct(int part, int whole)
{
	return whole > 0 ? 100.0 * part / whole : 0;
}

int
main(void)
{
	const char *env = getenv("SIM_TRIALS");
	int n = env != NULL ? atoi(env) : DEFAULT_TRIALS;
	uint64_t seed = DEFAULT_SEED;
	size_t i;

	env = getenv("SIM_SEED");
	if (env != NULL)
		seed = strtoull(env, NULL, 10);
	if (n <= 0) {
		fprintf(stderr, "sim: SIM_TRIALS must be a positive number\n");
		return 64;
	}
	printf("verdicts on synthetic people (28-day trial, 14 days rated "
	       "before; %d trials each, seed %llu)\n\n",
	       n, (unsigned long long)seed);
	printf("| %-40s | %7s | %7s | %7s | %9s | %5s |\n", "scenario",
	       "helped", "worse", "unclear", "no-change", "other");
	printf("|------------------------------------------|---------|------"
	       "---|---------|-----------|-------|\n");
	for (i = 0; i < SIM_NSCENARIOS; i++) {
		const struct sim_scenario *s = &sim_scenarios[i];
		struct sim_tally y;

		if (sim_run(seed + i, s->kind, s->effect, n, &y) != 0) {
			fprintf(stderr,
				"sim: analysis_trial refused a trial\n");
			return 70;
		}
		printf("| %-40s | %6.1f%% | %6.1f%% | %6.1f%% | %8.1f%% | "
		       "%4.1f%% |\n",
		       s->name, pct(y.helped, y.trials), pct(y.worse, y.trials),
		       pct(y.unclear, y.trials), pct(y.no_change, y.trials),
		       pct(y.other, y.trials));
	}
	printf("\ntargets: no effect helped <= 5%% and worse <= 5%% for both "
	       "starts; 2-point drop helped >= 65%%; 3-point drop >= 90%%\n");
	return 0;
}
