import { beforeAll, describe, expect, it } from 'vitest';
import { loadQuestionBank } from '../src/core/content/load.ts';
import type { QuestionBank } from '../src/core/content/question-bank.ts';
import { scoreAnswer } from '../src/core/scoring/keyword/keyword-scorer.ts';

/*
 * A weaker alternative adopted instead of a point's idea ("a flat 1% sample of traces" instead
 * of tail sampling, "page when the error rate crosses a threshold" instead of burn-rate alerts)
 * shares only the generic words of the point's area. Those words alone never cover the point:
 * at most partial. Answers written for this test, not taken from content/eval.
 */

let bank: QuestionBank;
beforeAll(async () => {
  bank = await loadQuestionBank('content');
});

function verdict(questionId: string, pointId: string, answer: string): string | undefined {
  return scoreAnswer(bank.require(questionId), answer).points.find((point) => point.id === pointId)?.verdict;
}

describe('generic words of a point\'s area do not cover it', () => {
  it.each([
    ['observability-cost-reduction', 'sampling-retention', 'Tail sampling is overkill for us. We would just take a flat 1% sample of traces at the edge, so the sampling cost stays tiny.'],
    ['observability-cost-reduction', 'sampling-retention', 'We take a 1% sample of traces, because the bill is dominated by trace volume.'],
    ['payment-slo-alerting', 'burn-rate-alerts', 'We will not bother with multi-window burn rate alerts. We page when the error rate crosses a fixed threshold for five minutes, because that is how we use the budget.'],
    ['payment-slo-alerting', 'burn-rate-alerts', 'Burn rates are overkill for one service; we alert when the error rate goes over a threshold and check the budget each month.'],
  ])('%s / %s: %j', (questionId, pointId, answer) => {
    expect(verdict(questionId, pointId, answer)).not.toBe('covered');
  });

  it.each([
    ['observability-cost-reduction', 'sampling-retention', 'Traces are tail-sampled so errors and slow requests survive, and hot log retention drops to seven days with the rest archived to S3.'],
    ['payment-slo-alerting', 'burn-rate-alerts', 'We page on a burn rate of 14.4x over one hour, because at that pace 2% of the monthly budget is gone within the hour.'],
    ['tracing-100-services', 'tail-sampling', 'The collector decides once the trace completes, so it can keep every error and every slow request.'],
  ])('still covers the idea itself: %s / %s', (questionId, pointId, answer) => {
    expect(verdict(questionId, pointId, answer)).toBe('covered');
  });
});

/*
 * "never" reads as plain "not", so a concept alternative "never" (meant as "nobody ever reads
 * it") matched any negation beside "use" or "look" and "logs". Written for this test.
 */
describe('a negation is not evidence that data goes unused', () => {
  it.each([
    "We don't use logs for alerting, metrics drive the pages.",
    'You cannot look at metrics alone when the bill is mostly logs.',
  ])('%j', (answer) => {
    expect(verdict('observability-cost-reduction', 'unused-data', answer)).toBe('missed');
  });

  it.each([
    'Half our dashboards are never viewed, so we delete them after 90 days of no traffic.',
    'Nobody has queried most of these metrics in a month, which the query logs show us.',
  ])('while the idea itself still counts: %j', (answer) => {
    expect(verdict('observability-cost-reduction', 'unused-data', answer)).not.toBe('missed');
  });
});
