/*
 * json: times the JSON reader of `backpain import` (json.h) on inputs
 * doubling in size, and prints the ratio of each figure to the one of
 * half the size: near 2 for a reader linear in time and memory.
 *
 *   json [-n RUNS] [-m MAX_MIB]
 *
 * The shapes are the ones a quadratic or wasteful reader shows: one object
 * of many keys ("k0000000": 0, ...), a long array of empty arrays
 * ([[],[],...], the dearest in memory per byte), and a long array of
 * arrays nested as deep as JSON_DEPTH_MAX allows. Each size runs in a
 * process of its own, which makes the text (1 MiB, 2, 4, ... up to MAX_MIB,
 * default 32) and parses it RUNS times (default 3): the figures are the
 * least CPU time (user and system: paging in a fresh tree is part of the
 * cost) of one json_parse() and json_free(), the bytes of the tree per
 * byte of the text (json.h's JSON_BYTES_PER_BYTE bounds it), and the
 * process's peak RSS (wait4's ru_maxrss: the text, the tree, the program).
 * Nothing is asserted: speed lives here, not in the tests; the exit status
 * is 0 unless a parse failed.
 */
#define _DEFAULT_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "json.h"
#include "util.h"

#define RUNS_DEFAULT 3
#define RUNS_MAX 21
#define MIB (1024 * 1024)
#define MAX_MIB_DEFAULT 32
#define MAX_MIB_LIMIT 256 /* import's own limit on a file */

enum shape { KEYS, ARRAYS, DEEP, SHAPES };
static const char *const shape_names[] = {"keys", "empty arrays", "deep nests"};

struct result {
	int ok;
	size_t len, tree;
	double cpu;
};

/* About size bytes of the shape: whole items until the next would pass
 * it, then the closing bracket. */
static char *
make_text(enum shape shape, size_t size, size_t *len)
{
	char nest[2 * JSON_DEPTH_MAX];
	struct buf b;
	size_t i;

	memset(nest, '[', JSON_DEPTH_MAX - 1);
	memset(nest + JSON_DEPTH_MAX - 1, ']', JSON_DEPTH_MAX - 1);
	nest[2 * JSON_DEPTH_MAX - 2] = '\0';
	buf_init(&b);
	buf_adds(&b, shape == KEYS ? "{" : "[");
	for (i = 0; b.len + 2 * JSON_DEPTH_MAX < size; i++) {
		if (i > 0)
			buf_addc(&b, ',');
		if (shape == KEYS)
			buf_printf(&b, "\"k%07zu\":0", i);
		else
			buf_adds(&b, shape == ARRAYS ? "[]" : nest);
	}
	buf_adds(&b, shape == KEYS ? "}" : "]");
	*len = b.len;
	return buf_take(&b);
}

/* What the tree takes (as json.h counts it: its nodes, and each string,
 * number and key with its NUL). */
static size_t
tree_bytes(const struct json *v)
{
	size_t i, n = 0;

	switch (v->type) {
	case JSON_NUMBER:
	case JSON_STRING:
		return v->len + 1;
	case JSON_ARRAY:
		for (i = 0; i < v->n; i++)
			n += sizeof *v->items + tree_bytes(&v->items[i]);
		return n;
	case JSON_OBJECT:
		for (i = 0; i < v->n; i++)
			n += sizeof *v->members + v->members[i].keylen + 1 +
			     tree_bytes(&v->members[i].value);
		return n;
	default:
		return 0;
	}
}

static double
cpu_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* In the child: make the text, parse it runs times, report through fd. */
static void
child(enum shape shape, size_t size, int runs, int fd)
{
	struct result res = {1, 0, 0, 0};
	struct json v;
	struct json_error err;
	double t;
	char *text = make_text(shape, size, &res.len);
	int k;

	for (k = 0; k < runs && res.ok; k++) {
		t = cpu_now();
		if (json_parse(text, res.len, &v, &err) != 0) {
			fprintf(stderr, "json: %s of %zu bytes: %d:%d: %s\n",
				shape_names[shape], res.len, err.line, err.col,
				err.msg);
			res.ok = 0;
			break;
		}
		if (k == 0)
			res.tree = tree_bytes(&v);
		json_free(&v);
		t = cpu_now() - t;
		if (k == 0 || t < res.cpu)
			res.cpu = t;
	}
	free(text);
	if (write(fd, &res, sizeof res) != (ssize_t)sizeof res)
		_exit(1);
	_exit(res.ok ? 0 : 1);
}

/* One size of one shape in a process of its own; *rss_kb its peak. */
static int
measure(enum shape shape, size_t size, int runs, struct result *res,
	long *rss_kb)
{
	struct rusage ru;
	int fds[2], status;
	pid_t pid;

	if (pipe(fds) != 0 || (pid = fork()) < 0) {
		perror("json: fork");
		return -1;
	}
	if (pid == 0) {
		close(fds[0]);
		child(shape, size, runs, fds[1]);
	}
	close(fds[1]);
	memset(res, 0, sizeof *res);
	if (read(fds[0], res, sizeof *res) != (ssize_t)sizeof *res)
		res->ok = 0;
	close(fds[0]);
	if (wait4(pid, &status, 0, &ru) != pid || !WIFEXITED(status) ||
	    WEXITSTATUS(status) != 0)
		res->ok = 0;
	*rss_kb = ru.ru_maxrss;
	return res->ok ? 0 : -1;
}

static int
usage(void)
{
	fprintf(stderr, "usage: json [-n RUNS] [-m MAX_MIB]\n");
	return 2;
}

int
main(int argc, char **argv)
{
	struct result res, prev = {0, 0, 0, 0};
	long rss, prev_rss = 0;
	int runs = RUNS_DEFAULT, max_mib = MAX_MIB_DEFAULT, opt, s, rc = 0;
	size_t mib;

	while ((opt = getopt(argc, argv, "n:m:")) != -1) {
		if (opt == 'n')
			runs = atoi(optarg);
		else if (opt == 'm')
			max_mib = atoi(optarg);
		else
			return usage();
	}
	if (optind != argc || runs < 1 || runs > RUNS_MAX || max_mib < 1 ||
	    max_mib > MAX_MIB_LIMIT)
		return usage();
	printf("JSON reader: least CPU time of %d parse%s; tree bytes per text "
	       "byte (at most %d);\npeak RSS of a process holding the text "
	       "and the tree; x = ratio to the size before\n",
	       runs, runs == 1 ? "" : "s", JSON_BYTES_PER_BYTE);
	printf("%-13s %8s %9s %6s %7s %8s %6s\n", "shape", "MiB", "CPU ms", "x",
	       "tree/B", "RSS MiB", "x");
	for (s = 0; s < SHAPES && rc == 0; s++)
		for (mib = 1; mib <= (size_t)max_mib; mib *= 2) {
			if (measure((enum shape)s, mib * MIB, runs, &res,
				    &rss) != 0) {
				rc = 1;
				break;
			}
			printf("%-13s %8.2f %9.1f ", shape_names[s],
			       (double)res.len / MIB, res.cpu * 1e3);
			if (mib > 1)
				printf("%6.2f", res.cpu / prev.cpu);
			else
				printf("%6s", "");
			printf(" %7.2f %8.1f ", (double)res.tree / res.len,
			       (double)rss / 1024);
			if (mib > 1)
				printf("%6.2f\n", (double)rss / prev_rss);
			else
				printf("%6s\n", "");
			fflush(stdout);
			prev = res;
			prev_rss = rss;
		}
	return rc;
}
