import { readFile } from 'node:fs/promises';
import { loadQuestionBank } from '../../core/content/load.ts';
import { UserError } from '../../core/errors.ts';
import { parseCliArgs } from '../args.ts';
import { defaultContentDir } from '../content-dir.ts';
import { readAll } from '../read-stdin.ts';
import { honestyTextLines, ruledOutLine } from '../../scoring/honest-wording.ts';
import { createCliScorer, EXIT_SCORER_UNAVAILABLE, SCORER_FLAG_USAGE } from '../scorer.ts';
import type { PointResult } from '../../core/scoring/types.ts';
import type { CliCommand } from '../types.ts';

/**
 * A quote shows what earned credit, so a missed point never shows one on its own (a keyword
 * list's terms are quoted by its note, which says why they earned nothing); a partial one shows
 * the quote and what it lacks.
 */
function pointDetail(point: PointResult, ruledOut: string | undefined): string {
  if (point.verdict === 'covered') return point.evidence ? `: “${point.evidence}”` : '';
  if (ruledOut) return ` (${ruledOut})`;
  if (point.verdict === 'partial' && point.evidence) return `: “${point.evidence}”${point.note ? ` (${point.note})` : ''}`;
  return point.note ? ` (${point.note})` : '';
}

const usage = `obs-bot score --question ID [--answer-file F] [--json] [${SCORER_FLAG_USAGE}] [--dir DIR]`;

export const scoreCommand: CliCommand = {
  path: ['score'],
  summary: 'Score one answer (a file, or standard input) against a question',
  usage,
  async run(args, io) {
    const { values } = parseCliArgs(
      args,
      { question: { type: 'string' }, 'answer-file': { type: 'string' }, json: { type: 'boolean' }, dir: { type: 'string' }, scorer: { type: 'string' } },
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
    const chosen = await createCliScorer({ flag: values.scorer, note: (text) => io.stderr(`obs-bot score: ${text}\n`) });
    if (!chosen.ok) {
      io.stderr(`obs-bot score: ${chosen.message}\n`);
      return EXIT_SCORER_UNAVAILABLE;
    }
    let result;
    try {
      result = await chosen.scoring.scorer.score(question, answer);
    } finally {
      await chosen.scoring.close();
    }
    const decidedBy = result.decidedBy ?? result.scorer;
    if (values.json) {
      const points = result.points.map(({ id, verdict, evidence, ruledOut }) => ({ id, verdict, evidence: evidence ?? null, ...(ruledOut ? { ruledOut } : {}) }));
      const body = {
        questionId: question.id,
        scorer: result.scorer,
        decidedBy,
        score: result.score,
        points,
        misconceptions: result.misconceptions ?? [],
        graderAddressed: result.graderAddressed ?? false,
        notices: result.notices,
      };
      io.stdout(`${JSON.stringify(body, null, 2)}\n`);
      return 0;
    }
    io.stdout(`${question.id}: ${result.score}/100 (decided by ${decidedBy})\n`);
    for (const point of result.points) {
      const theme = question.rubric.find((rubricPoint) => rubricPoint.id === point.id)?.theme ?? point.id;
      const ruledOut = ruledOutLine(point, theme);
      io.stdout(`  ${point.verdict.padEnd(7)} ${theme}${pointDetail(point, ruledOut)}\n`);
    }
    for (const line of [...honestyTextLines({ scorer: result.scorer, decidedBy, ...(result.misconceptions ? { misconceptions: result.misconceptions } : {}) }), ...result.notices]) {
      io.stdout(`  ${line}\n`);
    }
    return 0;
  },
};
