/*
 * review_prompt.c: the review screen's question, drawn: what is asked of
 * the selected trial and the keys that answer it, or the decisions it
 * offers when nothing is asked, laid out above the screen's last row.
 * review_decide.c keeps the question and its answer so far and lends them
 * (struct ui_review_asked) for the draw only.
 */
#include <stdlib.h>
#include <string.h>

#include "content.h"
#include "program.h"
#include "ui_review_int.h"
#include "util.h"

/* The seven answers of the impression question, the chosen one in
 * brackets, on as few lines of at most w columns as they fit. */
static void
impression_choices(struct buf *b, const struct ui_review_asked *q, int w)
{
	int i, col = 0;

	for (i = IMPRESSION_MIN; i <= IMPRESSION_MAX; i++) {
		const char *words = review_impression_words(i);
		/* "[1 much better]  " and " 1 much better   " are as wide. */
		int n = ui_width(words) + 6;

		if (col > 0 && col + n > w) {
			buf_addc(b, '\n');
			col = 0;
		}
		buf_printf(b,
			   i == q->impression_pick ? "[%d %s]  " : " %d %s   ",
			   i, words);
		col += n;
	}
	buf_addc(b, '\n');
}

static void
impression_question(struct buf *b, const struct ui_review_asked *q,
		    const struct ui *ui, const struct review_row *row, int w)
{
	char day[DAY_LEN];

	ui_today(ui, day);
	if (strcmp(row->ended_on, day) == 0)
		buf_printf(b,
			   "Compared with before you started \"%s\", how is "
			   "your back pain now?\n",
			   review_row_name(row));
	else
		buf_printf(b,
			   "Compared with before you started \"%s\", how was "
			   "your back pain when it ended (%s)?\n",
			   review_row_name(row), row->ended_on);
	impression_choices(b, q, w);
	buf_adds(b, "Left Right choose   Enter or 1-7 save   Esc or s skip "
		    "(it is optional)");
}

/* What follows a habit kept: the approach offered next, or why none is. */
static void
next_line(struct buf *b, const struct ui_review_asked *q,
	  const struct program_plan *plan, const struct review_row *row)
{
	size_t i;
	int other = 0;

	if (q->next_approach != NULL) {
		buf_printf(b,
			   "Then you are asked whether to start \"%s\", the "
			   "next approach not yet tried.",
			   q->next_approach->title);
		return;
	}
	for (i = 0; i < plan->nsteps; i++)
		other |=
		    plan->steps[i].state == PROGRAM_RUNNING &&
		    !plan->steps[i].approach->wildcard &&
		    strcmp(plan->steps[i].approach->id, row->approach) != 0;
	buf_printf(b, "No other approach is offered: %s.",
		   other ? "another one is running"
			 : "every approach has been tried");
}

/* The question being asked, or the keys of the selected trial; its last
 * line names the keys that answer it.
 * w: the columns of its lines. */
static char *
prompt_text(const struct ui_review_asked *q, const struct ui *ui,
	    const struct program_plan *plan, const struct review_row *row,
	    int w)
{
	const char *name = review_row_name(row);
	char day[DAY_LEN];
	struct buf b;
	size_t i;

	ui_today(ui, day);
	buf_init(&b);
	switch (q->ask) {
	case UI_ASK_NONE:
		if (row->tool_use)
			buf_adds(&b, "A flare-up tool's sessions outside a "
				     "trial: nothing to decide here");
		/* The pause week: offered, never forced (issue 21). */
		else if (row->running)
			buf_printf(&b,
				   "c keep going   m keep it as a habit and "
				   "move on   s stop it%s%s",
				   row->offer_pause ? "   p pause it for a week"
						    : "",
				   row->in_week ? "   r take it up again" : "");
		else
			buf_printf(&b,
				   "o change the recorded outcome   i %s your "
				   "impression",
				   row->impression == ENTRY_NONE ? "record"
								 : "change");
		break;
	case UI_ASK_IMPRESSION:
		impression_question(&b, q, ui, row, w);
		break;
	case UI_ASK_PAUSE:
		buf_printf(
		    &b,
		    "Pause \"%s\" from today for %d days, to see whether "
		    "the pain comes back without it? Then take it up "
		    "again for as many days (r). It may cost some days "
		    "of more pain; you can end the pause sooner.\n"
		    "y pause it   n cancel",
		    name,
		    program_pause_days(
			content_approach(ui->pack, row->approach)));
		break;
	case UI_ASK_RESUME:
		buf_printf(&b,
			   "Take \"%s\" up again from today (%s)?\n"
			   "y resume it   n cancel",
			   name, day);
		break;
	case UI_ASK_HABIT:
		buf_printf(&b,
			   "Keep \"%s\" as a habit: end its trial today as "
			   "helped.\n",
			   name);
		next_line(&b, q, plan, row);
		buf_adds(&b, "\ny save   n cancel");
		break;
	case UI_ASK_NEXT:
		buf_printf(&b,
			   "Start \"%s\" today, the next approach not yet "
			   "tried?\n",
			   q->offer->title);
		if (q->recheck_since[0] != '\0')
			buf_printf(&b,
				   "y yes   n not now   r first: anything new "
				   "since %s?",
				   q->recheck_since);
		else
			buf_adds(&b, "y yes   n not now");
		break;
	case UI_ASK_KEEP:
	case UI_ASK_STOP:
	case UI_ASK_OUTCOME:
		if (q->ask == UI_ASK_KEEP)
			buf_printf(&b,
				   "The verdict is %s, not helped. Keep \"%s\" "
				   "as a habit all the same, its trial ended "
				   "today recorded as:\n",
				   analysis_verdict_name(row->result.verdict),
				   name);
		else if (q->ask == UI_ASK_STOP)
			buf_printf(&b, "Stop \"%s\" today, recorded as:\n",
				   name);
		else
			buf_printf(&b, "Record \"%s\" (%s to %s) as:\n", name,
				   row->started_on, row->ended_on);
		for (i = 0; i < q->nchoices; i++)
			buf_printf(&b, i == q->choice ? "[%s]  " : " %s   ",
				   program_outcome_words(q->choices[i]));
		buf_adds(&b, "\nLeft Right choose   Enter go on   Esc cancel");
		break;
	case UI_ASK_CONFIRM:
		if (q->picked_in == UI_ASK_KEEP)
			buf_printf(
			    &b,
			    "Keep \"%s\" as a habit, its trial ended "
			    "today (%s) as %s?",
			    name, day,
			    program_outcome_words(q->choices[q->choice]));
		else if (q->picked_in == UI_ASK_STOP)
			buf_printf(
			    &b, "Stop \"%s\" today (%s), recorded as %s?", name,
			    day, program_outcome_words(q->choices[q->choice]));
		else
			buf_printf(
			    &b,
			    "Change the recorded outcome of \"%s\" from "
			    "%s to %s?",
			    name, program_outcome_words(row->outcome),
			    program_outcome_words(q->choices[q->choice]));
		buf_adds(&b, "\ny save   n cancel");
		break;
	}
	return buf_take(&b);
}

/* 1 at two blanks in a row at p[i] (i < len). */
static int
two_blanks(const char *p, size_t i, size_t len)
{
	return p[i] == ' ' && i + 1 < len && p[i + 1] == ' ';
}

/* A line of keys or choices, its items apart by two blanks or more: each
 * item is kept whole, the blanks between them are a gap, so the line
 * wraps between items only ("s stop it" stays whole). */
static void
put_items(struct ui_flow *f, const char *p, size_t len, enum ui_color c)
{
	size_t k = 0, end;
	char *piece;

	while (k < len) {
		end = k;
		if (two_blanks(p, k, len)) {
			while (end < len && p[end] == ' ')
				end++;
			piece = xstrndup(p + k, end - k);
			ui_flow_put(f, c, piece);
		} else {
			while (end < len && !two_blanks(p, end, len))
				end++;
			piece = xstrndup(p + k, end - k);
			ui_flow_keep(f, c, piece);
		}
		free(piece);
		k = end;
	}
}

/* Lays the prompt out in a flow at column 2 from row y, h rows (0: only
 * counts): lines of keys or choices by put_items(), any other line at
 * words. Returns the rows it takes. */
static int
put_prompt(const char *text, int y, int w, int h, enum ui_color c)
{
	struct ui_flow f;
	const char *p = text;
	size_t len, i;
	int items;
	char *line;

	ui_flow_begin(&f, y, 2, w, h, 0);
	while (*p != '\0') {
		len = strcspn(p, "\n");
		for (items = 0, i = 0; i < len && !items; i++)
			items = two_blanks(p, i, len);
		if (items) {
			put_items(&f, p, len, c);
		} else {
			line = xstrndup(p, len);
			ui_flow_put(&f, c, line);
			free(line);
		}
		p += len;
		if (*p == '\n') {
			ui_flow_newline(&f);
			p++;
		}
	}
	return ui_flow_end(&f);
}

int
ui_review_prompt_draw(const struct ui_review_asked *q, const struct ui *ui,
		      const struct program_plan *plan,
		      const struct review_row *row, int end, int w)
{
	enum ui_color c = q->ask == UI_ASK_NONE ? UI_C_DIM : UI_C_SELECTED;
	char *text = prompt_text(q, ui, plan, row, w - 2);
	int n, i;

	n = put_prompt(text, 0, w - 2, 0, c);
	for (i = 0; i < n; i++)
		ui_fill(end - n + i, 1, w, c);
	put_prompt(text, end - n, w - 2, n, c);
	free(text);
	return n;
}
