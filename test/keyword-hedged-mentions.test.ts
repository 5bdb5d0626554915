import { describe, expect, it } from 'vitest';
import { useContentPoint } from './helpers/content-questions.ts';

/*
 * A hedged mention ("maybe", "perhaps", "might", "eventually", "sometimes", "at some point")
 * floats an idea without committing to it: at most partial. The same idea stated plainly is
 * covered, and a hedge in another clause of the sentence does not reach it. Written for this
 * test, not taken from content/eval.
 */

const pointOf = useContentPoint();

function verdictOf(questionId: string, pointId: string, answer: string) {
  return pointOf(questionId, pointId, answer).verdict;
}

describe('a hedged mention counts as partial at most', () => {
  it.each([
    ['ecommerce-business-metrics', 'business-alerting', 'Perhaps we would alert on orders per minute compared with the same time last week, eventually.'],
    ['capacity-planning-forecast', 'unit-cost', 'At some point we might track cost per thousand orders and right-size after the peak.'],
  ])('%s / %s: %j', (questionId, pointId, answer) => {
    expect(verdictOf(questionId, pointId, answer)).toBe('partial');
  });
});

describe('the idea stated plainly, or beside a hedge in another clause, is covered', () => {
  it.each([
    ['ecommerce-business-metrics', 'business-alerting', 'We alert on orders per minute compared with the same time last week.'],
    ['ecommerce-business-metrics', 'business-alerting', 'Technical metrics might look fine, so we alert on orders per minute compared with the same time last week.'],
    ['capacity-planning-forecast', 'unit-cost', 'We track cost per thousand orders and right-size after the peak.'],
  ])('%s / %s: %j', (questionId, pointId, answer) => {
    expect(verdictOf(questionId, pointId, answer)).toBe('covered');
  });
});
