import { describe, expect, it } from 'vitest';
import { expectRuledOut, useContentPoint } from './helpers/content-questions.ts';

/*
 * "Y is simpler (cheaper, easier, safer) than X" prefers Y and sets X aside, like "rather than X".
 * A measurement with "faster than" rejects nothing. Written for this test, not taken from content/eval.
 */

const pointOf = useContentPoint();

describe('a comparative of preference sets aside what follows "than"', () => {
  it.each([
    ['logging-10tb-day', 'buffered-ingest', 'Agents writing straight to Elasticsearch is simpler than a durable Kafka buffer in front of the indexers.'],
    ['tracing-100-services', 'tail-sampling', 'A flat one percent is cheaper than tail-based sampling that keeps errored and slow traces.'],
  ])('%s / %s: %j', (questionId, pointId, answer) => {
    expectRuledOut(pointOf(questionId, pointId, answer));
  });
});

describe('a measurement with "than" rejects nothing', () => {
  it.each([
    ['payment-slo-alerting', 'burn-rate-alerts', 'We page when the error budget burns 14.4 times faster than the month allows over one hour, and 6 times faster over six hours, and slow burns near 1x over three days open a ticket.'],
  ])('%s / %s: %j', (questionId, pointId, answer) => {
    expect(pointOf(questionId, pointId, answer).verdict).not.toBe('missed');
  });
});
