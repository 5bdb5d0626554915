import { beforeAll, expect } from 'vitest';
import type { Question } from '../../src/core/content/schema.ts';
import { loadQuestionBank } from '../../src/core/content/load.ts';
import type { QuestionBank } from '../../src/core/content/question-bank.ts';
import { scoreAnswer } from '../../src/core/scoring/keyword/keyword-scorer.ts';

/**
 * The real question bank for scorer tests, loaded once before the file's tests: the rubric's own
 * evidence and concept rules are what those tests exercise. Returns a lookup that throws on an
 * unknown id, so a renamed question fails loudly.
 */
export function useContentQuestions(): (id: string) => Question {
  let bank: QuestionBank | undefined;
  beforeAll(async () => {
    bank = await loadQuestionBank('content');
  });
  return (id) => {
    const found = bank?.get(id);
    if (!found) throw new Error(`no question ${id}`);
    return found;
  };
}

export type ScoredPoint = ReturnType<typeof scoreAnswer>['points'][number];

/**
 * The keyword scorer's verdict on one rubric point of a real question, for tests that pin one
 * rule with one sentence: `pointOf('tracing-100-services', 'tail-sampling', answer)`. Throws on
 * an unknown question or point, so a renamed one fails loudly.
 */
export function useContentPoint(): (questionId: string, pointId: string, answer: string) => ScoredPoint {
  const questionOf = useContentQuestions();
  return (questionId, pointId, answer) => {
    const found = scoreAnswer(questionOf(questionId), answer).points.find((candidate) => candidate.id === pointId);
    if (!found) throw new Error(`no point ${pointId}`);
    return found;
  };
}

/** The answer ruled the point out: missed, with the rejected words kept for the feedback's "you ruled out …". */
export function expectRuledOut(point: ScoredPoint): void {
  expect(point.verdict).toBe('missed');
  expect(point.ruledOut).toBeDefined();
}

/** The answer kept the idea: not ruled out, and credited at least in part. */
export function expectKept(point: ScoredPoint): void {
  expect(point.ruledOut).toBeUndefined();
  expect(point.verdict).not.toBe('missed');
}
