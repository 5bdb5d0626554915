import { describe, it } from 'vitest';
import { expectKept, expectRuledOut, useContentPoint } from './helpers/content-questions.ts';

/*
 * "Instead of guessing why queries time out, read the query stats": what "instead of" sets aside
 * is the guessing, and the question it was about stays the candidate's topic, so the plan that
 * follows counts. "Instead of X, we do Y" still rejects X. Written for this test, not taken from
 * content/eval or content/negation.
 */

const pointOf = useContentPoint();

describe('instead of guessing, the plan counts', () => {
  it.each([
    ['observability-platform-at-scale', 'query-performance', 'Instead of guessing why queries time out, read the query stats. Then a query frontend that splits long ranges by day, shards them and caches results.'],
    ['metrics-high-traffic-api', 'cardinality-control', 'Instead of guessing at series counts, do the arithmetic per service before onboarding: label values multiplied together, including histogram buckets and pod count.'],
  ])('%s / %s: %j', (questionId, pointId, answer) => {
    expectKept(pointOf(questionId, pointId, answer));
  });
});

describe('instead of the idea, it is ruled out', () => {
  it.each([
    ['tracing-100-services', 'tail-sampling', 'Instead of tail-based sampling that keeps every error trace, we keep a 1% head sample.'],
  ])('%s / %s: %j', (questionId, pointId, answer) => {
    expectRuledOut(pointOf(questionId, pointId, answer));
  });
});
