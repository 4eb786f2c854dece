/*
 * sim.c: the simulation study of issue 10.  Generates synthetic people
 * (tests/sim/sim.h), judges thousands of trials per scenario with the real
 * analysis_trial() and prints what the rule called them.  `make bench` runs
 * it; SIM_TRIALS sets the trials per scenario (default 20000), SIM_SEED the
 * seed.
 *
 * `sim people N` instead prints N people (half with no effect started at a
 * flare, half with a true 2-point drop) as the commands that would log
 * them, each with the library's verdict, for tests/cli/sim_cli.sh to feed
 * through the real binary:
 *   person K VERDICT CHANGE_SE
 *   checkin DAY PAIN [did]
 *   trial START END
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sim.h"

#define DEFAULT_TRIALS 20000
#define DEFAULT_SEED 10

static double
pct(int part, int whole)
{
	return whole > 0 ? 100.0 * part / whole : 0;
}

/* Day number (days since 1970-01-01) to YYYY-MM-DD, proleptic Gregorian
 * (H. Hinnant's civil_from_days). */
static void
iso_day(long z, char out[32])
{
	long era, doe, yoe, y, doy, mp, d, m;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	y = yoe + era * 400;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	d = doy - (153 * mp + 2) / 5 + 1;
	m = mp < 10 ? mp + 3 : mp - 9;
	snprintf(out, 32, "%04d-%02d-%02d", (int)(y + (m <= 2)), (int)m,
		 (int)d);
}

static int
people(int n, uint64_t seed)
{
	struct sim_rng g;
	struct sim_trial t;
	struct analysis_result r;
	char day[32], end[32];
	size_t i, j;
	int k;

	sim_seed(&g, seed);
	for (k = 0; k < n; k++) {
		int drop = k % 2;

		sim_person(&g, drop ? SIM_RANDOM : SIM_AT_FLARE, drop ? 2 : 0,
			   &t);
		if (analysis_trial(t.c, t.nc, ANALYSIS_NO_RATING, &t.in, &r) !=
		    0)
			return 70;
		printf("person %d %s %.2f\n", k + 1,
		       analysis_verdict_name(r.verdict),
		       r.has_change ? r.pain.se : -1.0);
		for (i = 0; i < t.nc; i++) {
			int did = 0;

			for (j = 0; j < t.npractice; j++)
				did |= t.practice[j] == t.c[i].day;
			iso_day(t.c[i].day, day);
			printf("checkin %s %d%s\n", day, t.c[i].pain,
			       did ? " did" : "");
		}
		/* Practised days without a rating are logged with a practice
		 * session instead. */
		for (j = 0; j < t.npractice; j++) {
			for (i = 0; i < t.nc && t.c[i].day != t.practice[j];
			     i++)
				;
			if (i == t.nc) {
				iso_day(t.practice[j], day);
				printf("session %s\n", day);
			}
		}
		iso_day(t.in.start, day);
		iso_day(t.in.end, end);
		printf("trial %s %s\n", day, end);
	}
	return 0;
}

int
main(int argc, char **argv)
{
	const char *env = getenv("SIM_TRIALS");
	int n = env != NULL ? atoi(env) : DEFAULT_TRIALS;
	uint64_t seed = DEFAULT_SEED;
	size_t i;

	env = getenv("SIM_SEED");
	if (env != NULL)
		seed = strtoull(env, NULL, 10);
	if (argc == 3 && strcmp(argv[1], "people") == 0)
		return people(atoi(argv[2]), seed);
	if (argc != 1) {
		fprintf(stderr, "usage: sim [people N]\n");
		return 64;
	}
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
