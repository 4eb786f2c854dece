/*
 * sim.c: the simulation study of issue 10.  Generates synthetic people
 * (tests/sim/sim.h), judges thousands of trials per scenario with the real
 * analysis_trial() and prints what the rule called them.  `make bench` runs
 * it; SIM_TRIALS sets the trials per scenario (default 20000), SIM_SEED the
 * seed.
 *
 * It then prints the calibration table of the chance it helped
 * (sim_calibrate(): per tenth of stated chance_helped, how often the true
 * change reached the threshold), with the truth drawn from the prior and
 * from each end of the range allowed for it.
 *
 * `sim people N` instead prints N people (half with no effect started at a
 * flare, half with a true 2-point drop) as the commands that would log
 * them, each with the library's verdict, standard error and chance_helped,
 * for tests/cli/sim_cli.sh to feed through the real binary:
 *   person K VERDICT CHANGE_SE CHANCE_HELPED
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
	int k, h;

	sim_seed(&g, seed);
	for (k = 0; k < n; k++) {
		int drop = k % 2;

		sim_person(&g, drop ? SIM_RANDOM : SIM_AT_FLARE, drop ? 2 : 0,
			   &t);
		if (analysis_trial(t.c, t.nc, ANALYSIS_NO_RATING, &t.in, &r) !=
		    0)
			return 70;
		/* The chance as the CSV shows it: whole hundredths. */
		h = r.has_chance ? analysis_chance_pct(r.chance.helped) : -1;
		printf("person %d %s %.2f %s%d.%02d\n", k + 1,
		       analysis_verdict_name(r.verdict),
		       r.has_change ? r.pain.se : -1.0, h < 0 ? "-" : "",
		       abs(h) / ANALYSIS_CHANCE_SCALE,
		       abs(h) % ANALYSIS_CHANCE_SCALE);
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

/* One cell of the calibration table, right-aligned in its column. */
static void
cell(const char *text, size_t col)
{
	printf(" %*s |", col == 0 ? 22 : 14, text);
}

/* The calibration table's header: one column per spread. */
static void
table_head(const double *spread, size_t m)
{
	char text[64];
	size_t i;

	printf("| chance_helped |");
	for (i = 0; i < m; i++) {
		snprintf(text, sizeof text, "spread %.1f%s", spread[i],
			 spread[i] == SIM_PRIOR ? " (the prior)" : "");
		cell(text, i);
	}
	printf("\n|---------------|");
	for (i = 0; i < m; i++)
		printf("%s|", i == 0 ? "------------------------"
				     : "----------------");
	printf("\n");
}

/*
 * The chance it helped against the truth: true changes drawn from the
 * prior and from either end of the range allowed for it, each trial's
 * chance_helped stated with a prior of that spread; per tenth of it, the
 * trials and the share whose true change reached the helped threshold.
 * Then the ends again, stated with the prior.
 */
static int
calibration(int n, uint64_t seed)
{
	const double spread[] = {SIM_PRIOR, SIM_SPREAD_LOW, SIM_SPREAD_HIGH};
	struct sim_calibration y[3], z[2];
	char text[64];
	size_t i, m = sizeof spread / sizeof spread[0];
	int k;

	for (i = 0; i < m; i++)
		if (sim_calibrate(seed, spread[i], spread[i], n, &y[i]) != 0 ||
		    (i > 0 && sim_calibrate(seed, spread[i], SIM_PRIOR, n,
					    &z[i - 1]) != 0)) {
			fprintf(stderr,
				"sim: analysis_trial refused a trial\n");
			return 70;
		}
	printf("\nchance_helped against the truth: true changes drawn from "
	       "a normal of SD\n\"spread\", started on a random day, each "
	       "trial's chance stated with a prior\nof that SD (the prior's "
	       "own, %.1f, and the two ends of the range allowed for\nit); "
	       "%d trials each, seed %llu. Per tenth of stated chance, the "
	       "trials and\nthe share whose true change reached the helped "
	       "threshold: 2 points or 30%% of\nthe person's true level.\n\n",
	       SIM_PRIOR, n, (unsigned long long)seed);
	table_head(spread, m);
	for (k = 0; k < SIM_TENTHS; k++) {
		printf("| %.1f - %.1f     |", (double)k / SIM_TENTHS,
		       (double)(k + 1) / SIM_TENTHS);
		for (i = 0; i < m; i++) {
			snprintf(text, sizeof text, "%d  %.2f", y[i].n[k],
				 sim_reached(&y[i], k));
			cell(text, i);
		}
		printf("\n");
	}
	printf("| worst tenth   |");
	for (i = 0; i < m; i++) {
		snprintf(text, sizeof text, "off by %.3f",
			 sim_worst_tenth(&y[i]));
		cell(text, i);
	}
	printf("\n| mean error    |");
	for (i = 0; i < m; i++) {
		snprintf(text, sizeof text, "%.3f", sim_mean_error(&y[i]));
		cell(text, i);
	}
	printf("\n\nStated with the prior (%.1f) while the truth follows an "
	       "end of the range:\n",
	       SIM_PRIOR);
	for (i = 1; i < m; i++)
		printf("  spread %.1f: worst tenth off by %.3f, mean error "
		       "%.3f\n",
		       spread[i], sim_worst_tenth(&z[i - 1]),
		       sim_mean_error(&z[i - 1]));
	printf("\nworst tenth: of those with %d trials or more (a tenth "
	       "with fewer is shown,\nnot judged), the largest distance of "
	       "the share from the tenth's middle; mean\nerror: |reached - "
	       "stated| summed over the tenths, per trial.\n"
	       "targets, stated with the truth's spread: every such tenth "
	       "within %.2f of its\nmiddle, mean error <= %.2f; stated with "
	       "the prior at the ends, mean error <= %.2f\n",
	       SIM_TENTH_MIN_TRIALS, SIM_CALIBRATED, SIM_MEAN_ERROR,
	       SIM_MEAN_ERROR_ENDS);
	return 0;
}

/* The pause week: every simulated person pauses after a 21-day trial,
 * whatever its verdict; how often the pause confirmed it. */
static int
pauses(int n, uint64_t seed)
{
	size_t i;

	printf("\nthe pause week: a 21-day trial (14 days rated before), "
	       "paused %d days whatever\nthe verdict, then %d days back on "
	       "it; the first %d days of each not judged; %d\npeople each, "
	       "seed %llu\n\n",
	       SIM_PAUSE_DAYS, SIM_PAUSE_BACK_DAYS, ANALYSIS_PAUSE_FADE_DAYS, n,
	       (unsigned long long)(seed));
	printf("| %-44s | %9s | %13s | %7s | %6s | %7s |\n", "scenario",
	       "confirmed", "not-confirmed", "unclear", "target", "helped");
	printf("|----------------------------------------------|-----------|"
	       "---------------|---------|--------|---------|\n");
	for (i = 0; i < SIM_PAUSE_NSCENARIOS; i++) {
		const struct sim_pause_scenario *s = &sim_pause_scenarios[i];
		struct sim_pause_tally y;

		if (sim_pause_run(seed + i, s->kind, s->effect, n, &y) != 0) {
			fprintf(stderr, "sim: analysis refused a pause\n");
			return 70;
		}
		printf("| %-44s | %8.1f%% | %12.1f%% | %6.1f%% | %s%3d%% | "
		       "%6.1f%% |\n",
		       s->name, pct(y.confirmed, y.people),
		       pct(y.not_confirmed, y.people), pct(y.unclear, y.people),
		       s->kind == SIM_PAUSE_EFFECT ? ">=" : "<=", s->pct,
		       pct(y.helped, y.people));
	}
	printf("\nhelped: the trial's verdict at the pause (the pause is "
	       "taken whatever it was)\n");
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
	if (calibration(n, seed + SIM_NSCENARIOS) != 0)
		return 70;
	return pauses(n, seed + SIM_NSCENARIOS + 1);
}
