import { readFile } from 'node:fs/promises';
import { loadQuestionBank } from '../../core/content/load.ts';
import { UserError } from '../../core/errors.ts';
import { parseCliArgs } from '../args.ts';
import { defaultContentDir } from '../content-dir.ts';
import { readAll } from '../read-stdin.ts';
import { createCliScorer } from '../scorer.ts';
import type { CliCommand } from '../types.ts';

const usage = 'obs-bot score --question ID [--answer-file F] [--json] [--dir DIR]';

export const scoreCommand: CliCommand = {
  path: ['score'],
  summary: 'Score one answer (a file, or standard input) against a question',
  usage,
  async run(args, io) {
    const { values } = parseCliArgs(
      args,
      { question: { type: 'string' }, 'answer-file': { type: 'string' }, json: { type: 'boolean' }, dir: { type: 'string' } },
      usage,
    );
    if (!values.question) throw new UserError('bad_arguments', `--question is required. usage: ${usage}`);
    const bank = await loadQuestionBank(values.dir ?? defaultContentDir());
    const question = bank.require(values.question);
    const file = values['answer-file'];
    let answer: string;
    try {
      answer = file ? await readFile(file, 'utf8') : await readAll(io.stdin);
    } catch (error) {
      throw new UserError('answer_unreadable', `Cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
    }
    if (!answer.trim()) throw new UserError('empty_answer', 'The answer is empty: pass --answer-file F or pipe the answer on standard input.');
    const result = await createCliScorer().score(question, answer);
    if (values.json) {
      const points = result.points.map(({ id, verdict, evidence }) => ({ id, verdict, evidence: evidence ?? null }));
      io.stdout(`${JSON.stringify({ questionId: question.id, scorer: result.scorer, score: result.score, points }, null, 2)}\n`);
      return 0;
    }
    io.stdout(`${question.id}: ${result.score}/100 (${result.scorer})\n`);
    for (const point of result.points) {
      const theme = question.rubric.find((rubricPoint) => rubricPoint.id === point.id)?.theme ?? point.id;
      io.stdout(`  ${point.verdict.padEnd(7)} ${theme}${point.evidence ? `: “${point.evidence}”` : point.note ? ` (${point.note})` : ''}\n`);
    }
    return 0;
  },
};
