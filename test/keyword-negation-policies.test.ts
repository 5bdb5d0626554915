import { describe, it } from 'vitest';
import { expectKept, expectRuledOut, useContentPoint } from './helpers/content-questions.ts';

/*
 * A "no" that states a policy, and a negation inside the reason given for an idea, argue for the
 * idea; they do not rule it out. Written for this test, not taken from content/eval or
 * content/negation.
 */

const pointOf = useContentPoint();

describe('a topic followed by its policy is kept', () => {
  it.each([
    ['metrics-high-traffic-api', 'cardinality-control', 'Cap label cardinality: no user ids in labels.'],
    ['metrics-high-traffic-api', 'cardinality-control', 'Label cardinality: never raw URLs, only route templates.'],
    ['tracing-100-services', 'tail-sampling', 'Tail-based sampling: no trace with an error is ever dropped.'],
  ])('%s / %s: %j', (questionId, pointId, answer) => {
    expectKept(pointOf(questionId, pointId, answer));
  });
});

describe('a topic followed by a bare verdict is still ruled out', () => {
  it.each([
    ['metrics-high-traffic-api', 'cardinality-control', 'Per-service series limits: no.'],
    ['tracing-100-services', 'tail-sampling', 'Tail-based sampling: no need at our size.'],
    ['tracing-100-services', 'tail-sampling', 'Tail-based sampling: never again, it ate a quarter of our collector budget.'],
  ])('%s / %s: %j', (questionId, pointId, answer) => {
    expectRuledOut(pointOf(questionId, pointId, answer));
  });
});

describe('a negation in the reason given for an idea keeps the idea', () => {
  it('histograms, because summaries cannot be aggregated', () => {
    expectKept(pointOf('metrics-high-traffic-api', 'latency-histograms', "Histograms per route and status class, because you can't aggregate summaries across pods."));
  });

  it('but a rejection of the idea itself still rules it out', () => {
    expectRuledOut(pointOf('metrics-high-traffic-api', 'latency-histograms', "We won't use histograms, because you can't aggregate them across pods anyway."));
  });
});
