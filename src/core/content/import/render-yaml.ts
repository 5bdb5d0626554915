import { Document } from 'yaml';
import type { Pacing, QuestionInput } from '../schema.ts';

/**
 * YAML text for the drafts. The header comment matters: these files are a starting point,
 * drafted by heuristics from someone else's prose, and must be edited before they ship.
 */
export interface DraftSource {
  /** The guide's file name, without folders, so drafts never record a local path. */
  file: string;
  line: number | undefined;
}

const WEIGHTS_NOTE = 'Weights: 3 = the most technical deep-answer point, 2 = other deep-answer points, 1 = padded from the summary or trade-offs.';

function render(value: unknown, header: string[]): string {
  const document = new Document(value);
  document.commentBefore = header.map((line) => ` ${line}`).join('\n');
  return document.toString({ lineWidth: 100 });
}

function from(source: DraftSource): string {
  return `${source.file}${source.line === undefined ? '' : ` line ${source.line}`}`;
}

export function renderQuestionYaml(question: QuestionInput, source: DraftSource): string {
  return render(question, [
    `DRAFT imported by \`obs-bot content import\` from ${from(source)}. Edit before publishing:`,
    '- rewrite each rubric point in our own words, one idea an interviewer can tick;',
    '- add synonyms to the evidence phrases and drop any that would match a weak answer;',
    `- check the weights. ${WEIGHTS_NOTE}`,
    'Then run `obs-bot content lint` on this folder.',
  ]);
}

export function renderPacingYaml(pacing: Pacing, source: DraftSource | undefined): string {
  return render(pacing, [
    source ? `DRAFT pacing copied from ${from(source)} by \`obs-bot content import\`.` : 'DRAFT default pacing written by `obs-bot content import` (the guide has none).',
    'Rewrite the prompts and nudges: each opens or nudges one phase of a mock interview.',
  ]);
}
