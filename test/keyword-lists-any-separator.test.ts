import { beforeAll, describe, expect, it } from 'vitest';
import type { Question } from '../src/core/content/schema.ts';
import { loadQuestionBank } from '../src/core/content/load.ts';
import { scoreAnswer } from '../src/core/scoring/keyword/keyword-scorer.ts';

/*
 * A run of short fragments with no word that makes a clause (we, is, would, because...)
 * between separators is a list, whatever the separator. Each question's own evidence phrases
 * are listed, in styles written for this test: none may score above 15.
 */

let questions: readonly Question[];
beforeAll(async () => {
  questions = (await loadQuestionBank('content')).questions;
});

function termsOf(question: Question): string[] {
  return [...question.rubric.map((point) => point.evidence[0] ?? ''), ...question.rubric.map((point) => point.evidence[1] ?? '')];
}

const capital = (term: string): string => (term.charAt(0).toUpperCase() + term.slice(1));

const STYLES: [string, (terms: string[]) => string][] = [
  ['" - " inline', (terms) => terms.join(' - ')],
  ['one lower-case term per line', (terms) => terms.join('\n')],
  ['"and" between every term', (terms) => terms.join(' and ')],
  ['"with" chain', (terms) => terms.join(' with ')],
  ['"via" chain', (terms) => terms.join(' via ')],
  ['emoji inline', (terms) => terms.map((term) => `🚀 ${term}`).join(' ')],
  ['numbers inline', (terms) => terms.map((term, index) => `${index + 1}. ${term}`).join(' ')],
  ['parenthesised terms', (terms) => terms.map((term) => `(${term})`).join(' ')],
  ['bracketed terms', (terms) => terms.map((term) => `[${term}]`).join(' ')],
  ['"Step N:" lines', (terms) => terms.map((term, index) => `Step ${index + 1}: ${term}`).join('\n')],
  ['bold then a dash', (terms) => terms.map((term) => `**${term}** -`).join(' ')],
  ['"Key components:" then dashes', (terms) => `Key components:\n${terms.map((term) => `- ${term}`).join('\n')}`],
  ['capitalised lines', (terms) => terms.map(capital).join('\n')],
  ['each term a "sentence"', (terms) => terms.map((term) => `${capital(term)}.`).join(' ')],
  ['markdown headings', (terms) => terms.map((term) => `## ${term}`).join('\n')],
  ['blank line between terms', (terms) => terms.join('\n\n')],
  ['tabs', (terms) => terms.join('\t')],
  ['", also" chain', (terms) => terms.join(', also ')],
  ['"then" chain', (terms) => terms.join(' then ')],
  ['one real sentence then a bullet list', (terms) => `We would build this in stages because the team is small.\n${terms.map((term) => `* ${term}`).join('\n')}`],
];

describe('a list of a question\'s evidence scores at most 15, whatever the separator', () => {
  it.each(STYLES)('%s', (_name, style) => {
    const over = questions
      .map((question) => ({ id: question.id, score: scoreAnswer(question, style(termsOf(question))).score }))
      .filter((found) => found.score > 15);
    expect(over).toEqual([]);
  });

  it('still treats terse prose with a subject and verb as prose', () => {
    const tracing = questions.find((question) => question.id === 'tracing-100-services');
    if (!tracing) throw new Error('no tracing-100-services');
    const prose = 'We keep every error trace because the collector decides only once the trace is complete, so tail sampling costs little.';
    expect(scoreAnswer(tracing, prose).points.find((point) => point.id === 'tail-sampling')?.verdict).toBe('covered');
  });
});
