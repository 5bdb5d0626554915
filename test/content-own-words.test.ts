import { beforeAll, describe, expect, it } from 'vitest';
import { loadQuestionBank } from '../src/core/content/load.ts';
import type { QuestionBank } from '../src/core/content/question-bank.ts';
import { scoreAnswer } from '../src/core/scoring/keyword/keyword-scorer.ts';

/*
 * Ideas said the way people say them in a chat thread, which the bank's concept rules must
 * read, and the wrong forms of the same ideas, which its misconceptions must name. Written for
 * this test, not taken from content/eval.
 */

let bank: QuestionBank;
beforeAll(async () => {
  bank = await loadQuestionBank('content');
});

function verdict(questionId: string, pointId: string, answer: string): string | undefined {
  return scoreAnswer(bank.require(questionId), answer).points.find((point) => point.id === pointId)?.verdict;
}

function misconceptions(questionId: string, answer: string): string[] {
  return (scoreAnswer(bank.require(questionId), answer).misconceptions ?? []).map((found) => found.id);
}

describe('incident response in a responder\'s own words', () => {
  const answer = 'If something shipped in the last hour, roll it back before trying to understand it.';

  it('rolling back before understanding is mitigation first', () => {
    expect(verdict('incident-response-observability', 'mitigate-first', answer)).toBe('covered');
  });

  it('"something shipped in the last hour" is looking at what changed', () => {
    expect(verdict('incident-response-observability', 'change-correlation', answer)).toBe('covered');
  });

  it.each([
    'At 2am the first step is to find the root cause.',
    'Our first job is to identify the root cause, then we decide.',
  ])('the opposite is named as a misconception: %j', (wrong) => {
    expect(misconceptions('incident-response-observability', wrong)).toContain('root-cause-before-rollback');
    expect(verdict('incident-response-observability', 'mitigate-first', wrong)).toBe('missed');
  });
});
