/*
 * run: times backpain's commands on the benchmark logs against a floor.
 *
 *   run [-n RUNS] BACKPAIN TODAY LABEL=LOG...
 *
 * For each log (LABEL is what the table calls it: 1y, 10y, 100y) and each
 * command, the whole process is started RUNS times (default 21) after one
 * warm-up, each run of backpain followed by one run of its floor: the
 * sqlite3 shell ($SQLITE3, default sqlite3) opening a copy of the log
 * (LOG.floor, which bench.sh makes) and running one comparable query. Not
 * the log itself: a write by another program changes the log under
 * backpain's stamp, and backpain then reads it through at its next open,
 * as it should after any outside change. It prints the median wall time
 * of each, their ratio, the target ratio, and the largest peak RSS
 * (wait4's ru_maxrss) of backpain's runs. TODAY is the log's last day, which
 * the check-in replaces. A command that takes over a second gets fewer runs (at
 * least MIN_RUNS) so that the whole stays within minutes.
 *
 * The TUI's first frame is timed through a pseudo-terminal (forkpty): from
 * the fork until the last byte of the first burst of output that holds the
 * Today screen's text, a burst ending when the terminal stays quiet for
 * QUIET_MS; then q is sent and the exit reaped for its RSS.
 *
 * Targets (the issue's): on the 10-year log, status, due and checkin within
 * 1.5x their floor, history and review within 2x, the TUI's first frame
 * within 3x; peak RSS under 12 MB everywhere; on the 100-year log, status,
 * due and checkin within 1.3x of their time on the 1-year log, timed
 * again for that with the runs on the two logs alternating. The report has
 * no ratio target of its own. A miss is printed as MISS; the exit status is 0
 * unless a run failed (a command exiting with the wrong status, a crash, no
 * first frame).
 */
#define _DEFAULT_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define RUNS_DEFAULT 21
#define RUNS_MAX 101
#define MIN_RUNS 3
#define SLOW_MS 1000.0	  /* a run this slow gets fewer repetitions */
#define BUDGET_MS 15000.0 /* about how long one slow command may take */
#define MAX_LOGS 8
#define RSS_LIMIT_KB (12 * 1024)
#define SCALE_LIMIT 1.3	 /* 100-year log against the 1-year log */
#define TARGET_LOG "10y" /* the log the ratio targets apply to */
#define SMALL_LOG "1y"
#define BIG_LOG "100y"
#define QUIET_MS 100 /* the first frame has ended */
#define FRAME_TIMEOUT_MS 20000
#define TUI_ROWS 24
#define TUI_COLS 80
#define TUI_MARKER "Today's check-in:"
#define OUT_MAX (1 << 20)
#define SQL_MAX 1024
#define ARGS_MAX 16
#define MS_PER_S 1000.0
#define NS_PER_MS 1e6
#define KB_PER_MB 1024.0
#define EXIT_EXEC 127

enum kind { KIND_CLI, KIND_TUI }; /* a command, or the guided program */

/* One command, its floor query (@ is TODAY), and what it must exit. */
struct bench {
	const char *name;
	enum kind kind;
	const char *args[6]; /* after "backpain --db LOG"; "@" is TODAY */
	int csv;	     /* the floor runs in CSV mode */
	const char *floor;
	double target; /* ratio to the floor on TARGET_LOG; 0: none */
	int scaled;    /* checked 100y against 1y */
	int status;    /* expected exit status */
};

static const struct bench benches[] = {
    {.name = "status",
     .args = {"status"},
     .floor = "SELECT * FROM checkin WHERE day BETWEEN date('@', '-13 days')"
	      " AND '@' ORDER BY day;",
     .target = 1.5,
     .scaled = 1},
    {.name = "due",
     .args = {"due"},
     .floor = "SELECT * FROM checkin WHERE day = '@';",
     .target = 1.5,
     .scaled = 1,
     .status = 1},
    {.name = "checkin (replace)",
     .args = {"checkin", "4", "--date", "@"},
     .floor = "BEGIN IMMEDIATE; INSERT OR REPLACE INTO checkin (day, pain,"
	      " interference, note, recorded_at, updated_at, pain_set_at)"
	      " VALUES"
	      " ('@', 4, NULL, NULL, '@T20:00:00+00:00',"
	      " '@T20:00:00+00:00', '@T20:00:00+00:00'); COMMIT;",
     .target = 1.5,
     .scaled = 1},
    {.name = "history --days 30",
     .args = {"history", "--days", "30"},
     .floor = "SELECT * FROM checkin WHERE day BETWEEN date('@', '-29 days')"
	      " AND '@' ORDER BY day;",
     .target = 2.0},
    {.name = "history --all csv",
     .args = {"history", "--all", "--format", "csv"},
     .csv = 1,
     .floor = "SELECT day, pain, interference, note FROM checkin"
	      " ORDER BY day;",
     .target = 2.0},
    {.name = "review",
     .args = {"review"},
     .floor = "SELECT * FROM trial ORDER BY started_on, id;"
	      " SELECT * FROM checkin ORDER BY day;"
	      " SELECT * FROM session ORDER BY day, id;",
     .target = 2.0},
    {.name = "report --format html",
     .args = {"report", "--format", "html"},
     .floor = "SELECT * FROM profile; SELECT * FROM screening;"
	      " SELECT * FROM trial ORDER BY started_on, id;"
	      " SELECT * FROM checkin ORDER BY day;"
	      " SELECT * FROM session ORDER BY day, id;"},
    {.name = "TUI first frame",
     .kind = KIND_TUI,
     .floor = "SELECT * FROM checkin WHERE day BETWEEN date('@', '-13 days')"
	      " AND '@' ORDER BY day;",
     .target = 3.0},
};
#define BENCHES (sizeof benches / sizeof benches[0])

struct sample {
	double ms;
	long rss_kb;
};

struct log {
	const char *label;
	const char *path;
	char floor[PATH_MAX]; /* the floor's copy of the log */
};

static const char *backpain, *today, *sqlite3_bin;
static char err_path[] = "/tmp/backpain-bench-err.XXXXXX";
static int err_fd = -1;

static double
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * MS_PER_S + (double)ts.tv_nsec / NS_PER_MS;
}

static void
show_stderr(void)
{
	char buf[4096];
	ssize_t n;

	if (lseek(err_fd, 0, SEEK_SET) != 0)
		return;
	while ((n = read(err_fd, buf, sizeof buf)) > 0)
		fwrite(buf, 1, (size_t)n, stderr);
}

/* Reports how a run ended when it is not as expected; 0 when it is. */
static int
check_status(const char *what, int status, int want)
{
	if (WIFEXITED(status) && WEXITSTATUS(status) == want)
		return 0;
	if (WIFEXITED(status))
		fprintf(stderr, "run: %s exited %d, expected %d\n", what,
			WEXITSTATUS(status), want);
	else
		fprintf(stderr, "run: %s died of signal %d\n", what,
			WTERMSIG(status));
	show_stderr();
	return -1;
}

/* Runs argv with stdout on /dev/null and stderr kept for a failure. */
static int
run_cli(char *const argv[], int want, struct sample *out)
{
	struct rusage ru;
	double t0;
	pid_t pid;
	int status, null;

	if (ftruncate(err_fd, 0) != 0 || lseek(err_fd, 0, SEEK_SET) != 0)
		return -1;
	t0 = now_ms();
	pid = fork();
	if (pid < 0)
		return -1;
	if (pid == 0) {
		null = open("/dev/null", O_RDWR);
		if (null < 0 || dup2(null, 0) < 0 || dup2(null, 1) < 0 ||
		    dup2(err_fd, 2) < 0)
			_exit(EXIT_EXEC);
		execvp(argv[0], argv);
		_exit(EXIT_EXEC);
	}
	if (wait4(pid, &status, 0, &ru) != pid)
		return -1;
	out->ms = now_ms() - t0;
	out->rss_kb = ru.ru_maxrss;
	return check_status(argv[0] == backpain ? argv[3] : "sqlite3", status,
			    want);
}

/* Reads what the TUI writes until the first frame is complete; returns
 * the time of its last byte, or a negative value. */
static double
first_frame(int master)
{
	static char out[OUT_MAX];
	struct pollfd p = {master, POLLIN, 0};
	size_t len = 0;
	double start = now_ms(), last = -1;
	ssize_t n;
	int seen = 0, r;

	for (;;) {
		r = poll(&p, 1, seen ? QUIET_MS : FRAME_TIMEOUT_MS);
		if (r < 0 && errno == EINTR)
			continue;
		if (r == 0 && seen)
			return last;
		if (r <= 0 || now_ms() - start > FRAME_TIMEOUT_MS)
			break;
		n = read(master, out + len, sizeof out - 1 - len);
		if (n <= 0)
			break;
		last = now_ms();
		len += (size_t)n;
		out[len] = '\0';
		if (!seen && strstr(out, TUI_MARKER) != NULL)
			seen = 1;
		if (len == sizeof out - 1)
			break;
	}
	fprintf(stderr, "run: the TUI showed no Today screen; it wrote:\n");
	fwrite(out, 1, len, stderr);
	fputc('\n', stderr);
	return -1;
}

/* Drains the terminal until the program has closed it. */
static void
drain(int master)
{
	char buf[4096];
	struct pollfd p = {master, POLLIN, 0};

	while (poll(&p, 1, FRAME_TIMEOUT_MS) > 0 &&
	       read(master, buf, sizeof buf) > 0)
		;
}

static int
run_tui(const char *log, struct sample *out)
{
	struct winsize ws = {TUI_ROWS, TUI_COLS, 0, 0};
	struct rusage ru;
	double t0, done;
	pid_t pid;
	int master, status;

	t0 = now_ms();
	pid = forkpty(&master, NULL, NULL, &ws);
	if (pid < 0)
		return -1;
	if (pid == 0) {
		setenv("TERM", "xterm-256color", 1);
		execl(backpain, backpain, "--db", log, (char *)NULL);
		_exit(EXIT_EXEC);
	}
	done = first_frame(master);
	if (done < 0) {
		kill(pid, SIGTERM);
	} else if (write(master, "q", 1) != 1) {
		kill(pid, SIGTERM);
		done = -1;
	}
	drain(master);
	close(master);
	if (wait4(pid, &status, 0, &ru) != pid)
		return -1;
	out->ms = done - t0;
	out->rss_kb = ru.ru_maxrss;
	if (done < 0)
		return -1;
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
		fprintf(stderr, "run: the TUI ended with status %#x\n", status);
		return -1;
	}
	return 0;
}

struct argv_buf {
	char *v[ARGS_MAX];
	char sql[SQL_MAX];
};

static void
program_argv(const struct bench *b, const char *log, struct argv_buf *a)
{
	size_t i, k = 0;

	a->v[k++] = (char *)backpain;
	a->v[k++] = (char *)"--db";
	a->v[k++] = (char *)log;
	for (i = 0; b->args[i] != NULL; i++)
		a->v[k++] =
		    (char *)(strcmp(b->args[i], "@") == 0 ? today : b->args[i]);
	a->v[k] = NULL;
}

/* The floor query with each @ replaced by TODAY. */
static void
subst(const char *sql, char out[SQL_MAX])
{
	size_t len = 0, n;

	for (; *sql != '\0' && len < SQL_MAX - 1; sql++) {
		if (*sql != '@') {
			out[len++] = *sql;
			continue;
		}
		n = strlen(today);
		if (len + n >= SQL_MAX - 1)
			break;
		memcpy(out + len, today, n);
		len += n;
	}
	out[len] = '\0';
}

static void
floor_argv(const struct bench *b, const char *log, struct argv_buf *a)
{
	size_t k = 0;

	subst(b->floor, a->sql);
	a->v[k++] = (char *)sqlite3_bin;
	a->v[k++] = (char *)"-batch";
	a->v[k++] = (char *)"-init";
	a->v[k++] = (char *)"/dev/null";
	if (b->csv)
		a->v[k++] = (char *)"-csv";
	a->v[k++] = (char *)log;
	a->v[k++] = a->sql;
	a->v[k] = NULL;
}

static int
run_one(const struct bench *b, const char *log, struct argv_buf *prog,
	struct sample *out)
{
	if (b->kind == KIND_TUI)
		return run_tui(log, out);
	return run_cli(prog->v, b->status, out);
}

static int
by_time(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

static double
median(double *v, int n)
{
	qsort(v, (size_t)n, sizeof *v, by_time);
	return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

/* Times one command on one log and prints its row; -1 when a run failed. */
static int
measure(const struct bench *b, struct log *lg, int runs, int *misses)
{
	struct argv_buf prog, flo;
	struct sample s;
	double t[RUNS_MAX], f[RUNS_MAX], med, fmed, ratio;
	long rss = 0;
	int i, n = runs, miss_ratio, miss_rss;

	program_argv(b, lg->path, &prog);
	floor_argv(b, lg->floor, &flo);
	if (run_one(b, lg->path, &prog, &s) != 0 || run_cli(flo.v, 0, &s) != 0)
		return -1;
	if (run_one(b, lg->path, &prog, &s) != 0)
		return -1;
	if (s.ms > SLOW_MS) {
		n = (int)(BUDGET_MS / s.ms) | 1;
		n = n < MIN_RUNS ? MIN_RUNS : n > runs ? runs : n;
	}
	for (i = 0; i < n; i++) {
		if (run_one(b, lg->path, &prog, &s) != 0)
			return -1;
		t[i] = s.ms;
		rss = s.rss_kb > rss ? s.rss_kb : rss;
		if (run_cli(flo.v, 0, &s) != 0)
			return -1;
		f[i] = s.ms;
	}
	med = median(t, n);
	fmed = median(f, n);
	ratio = med / fmed;
	miss_ratio = strcmp(lg->label, TARGET_LOG) == 0 && b->target > 0 &&
		     ratio > b->target;
	miss_rss = rss >= RSS_LIMIT_KB;
	*misses += miss_ratio + miss_rss;
	printf("%-22s %-5s %9.2f %9.2f %7.2f ", b->name, lg->label, med, fmed,
	       ratio);
	if (strcmp(lg->label, TARGET_LOG) == 0 && b->target > 0)
		printf("%5.1fx ", b->target);
	else
		printf("%6s ", "-");
	printf("%8.1f  %-4s", (double)rss / KB_PER_MB,
	       miss_ratio || miss_rss ? "MISS" : "ok");
	if (n != runs)
		printf("  (%d runs)", n);
	printf("\n");
	fflush(stdout);
	return 0;
}

/*
 * The daily commands on the smallest and the largest log, measured afresh
 * with the runs of the two alternating, so that a change in the machine's
 * load while the table was made does not pass for a cost of the log.
 */
static int
scaling(const struct log *logs, int nlogs, int runs, int *misses)
{
	const struct log *small = NULL, *big = NULL;
	struct argv_buf ps, pb;
	struct sample s;
	double ts[RUNS_MAX], tb[RUNS_MAX], ms, mb, r;
	size_t i;
	int k;

	for (k = 0; k < nlogs; k++) {
		if (strcmp(logs[k].label, SMALL_LOG) == 0)
			small = &logs[k];
		if (strcmp(logs[k].label, BIG_LOG) == 0)
			big = &logs[k];
	}
	if (small == NULL || big == NULL)
		return 0;
	printf("\n%-22s %9s %9s %7s %6s  %s\n", "daily command", "1y ms",
	       "100y ms", "ratio", "target", "result");
	for (i = 0; i < BENCHES; i++) {
		const struct bench *b = &benches[i];

		if (!b->scaled)
			continue;
		program_argv(b, small->path, &ps);
		program_argv(b, big->path, &pb);
		if (run_one(b, small->path, &ps, &s) != 0 ||
		    run_one(b, big->path, &pb, &s) != 0)
			return -1;
		for (k = 0; k < runs; k++) {
			if (run_one(b, small->path, &ps, &s) != 0)
				return -1;
			ts[k] = s.ms;
			if (run_one(b, big->path, &pb, &s) != 0)
				return -1;
			tb[k] = s.ms;
		}
		ms = median(ts, runs);
		mb = median(tb, runs);
		r = mb / ms;
		*misses += r > SCALE_LIMIT;
		printf("%-22s %9.2f %9.2f %7.2f %5.1fx  %s\n", b->name, ms, mb,
		       r, SCALE_LIMIT, r > SCALE_LIMIT ? "MISS" : "ok");
		fflush(stdout);
	}
	return 0;
}

static int
usage(void)
{
	fputs("usage: run [-n RUNS] BACKPAIN TODAY LABEL=LOG...\n", stderr);
	return 64;
}

int
main(int argc, char **argv)
{
	struct log logs[MAX_LOGS];
	int nlogs = 0, runs = RUNS_DEFAULT, opt, misses = 0, k, rc = 0;
	size_t i;
	char *eq;

	while ((opt = getopt(argc, argv, "n:")) != -1) {
		if (opt != 'n')
			return usage();
		runs = atoi(optarg);
		if (runs < 1 || runs > RUNS_MAX)
			return usage();
	}
	if (argc - optind < 3 || argc - optind - 2 > MAX_LOGS)
		return usage();
	backpain = argv[optind];
	today = argv[optind + 1];
	for (k = optind + 2; k < argc; k++, nlogs++) {
		if ((eq = strchr(argv[k], '=')) == NULL)
			return usage();
		*eq = '\0';
		logs[nlogs].label = argv[k];
		logs[nlogs].path = eq + 1;
		snprintf(logs[nlogs].floor, sizeof logs[nlogs].floor,
			 "%s.floor", eq + 1);
	}
	sqlite3_bin = getenv("SQLITE3") ? getenv("SQLITE3") : "sqlite3";
	if ((err_fd = mkstemp(err_path)) < 0) {
		perror("run: mkstemp");
		return 1;
	}
	unlink(err_path);
	printf("%-22s %-5s %9s %9s %7s %6s %8s  %s\n", "command", "log",
	       "median ms", "floor ms", "ratio", "target", "RSS MB", "result");
	for (k = 0; k < nlogs && rc == 0; k++)
		for (i = 0; i < BENCHES && rc == 0; i++)
			if (measure(&benches[i], &logs[k], runs, &misses) !=
			    0) {
				fprintf(stderr, "run: %s on %s failed\n",
					benches[i].name, logs[k].label);
				rc = 1;
			}
	if (rc == 0 && scaling(logs, nlogs, runs, &misses) != 0) {
		fprintf(stderr, "run: timing the logs side by side failed\n");
		rc = 1;
	}
	if (rc == 0)
		printf("\n%d miss%s (medians of %d runs each; ratio = median / "
		       "floor; RSS = largest peak of backpain's runs)\n",
		       misses, misses == 1 ? "" : "es", runs);
	return rc;
}
