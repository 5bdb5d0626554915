import { beforeAll, describe, expect, it } from 'vitest';
import type { Question } from '../src/core/content/schema.ts';
import { loadQuestionBank } from '../src/core/content/load.ts';
import type { QuestionBank } from '../src/core/content/question-bank.ts';
import { scoreAnswer } from '../src/core/scoring/keyword/keyword-scorer.ts';

/*
 * A refusal that ends in a colon ("What we'd skip:", "Things I'd leave out:") refuses the whole
 * list it introduces, whatever joins its items. "I'd leave out declined cards" (no colon) is an
 * exclusion that is the design and keeps the point. Written for this test, not taken from content/eval.
 */

let bank: QuestionBank;
beforeAll(async () => {
  bank = await loadQuestionBank('content');
});

function pointOf(questionId: string, pointId: string, answer: string) {
  const question: Question | undefined = bank.get(questionId);
  if (!question) throw new Error(`no question ${questionId}`);
  const found = scoreAnswer(question, answer).points.find((candidate) => candidate.id === pointId);
  if (!found) throw new Error(`no point ${pointId}`);
  return found;
}

describe('a refusal before a colon refuses every item of its list', () => {
  it.each([
    ['incident-response-observability', 'stakeholder-comms', 'What we would skip: incident roles, game days, and a status page with regular updates to customers.'],
    ['service-dependency-mapping', 'graph-history', 'Things I would leave out: catalogue joins, policy checks, and a time-versioned graph that expires stale edges.'],
  ])('%s / %s: %j', (questionId, pointId, answer) => {
    const point = pointOf(questionId, pointId, answer);
    expect(point.verdict).toBe('missed');
    expect(point.ruledOut).toBeDefined();
  });
});

describe('an exclusion that is the design keeps its point', () => {
  it('"I\'d leave out declined cards" still defines the SLI', () => {
    const point = pointOf('payment-slo-alerting', 'sli-definition', "The SLI is the share of valid payment attempts that succeed, measured at the edge, and I'd leave out declined cards such as insufficient funds.");
    expect(point.verdict).toBe('covered');
  });
});
