import { describe, expect, it } from 'vitest';
import { expectRuledOut, useContentPoint } from './helpers/content-questions.ts';

/*
 * An idea told as tried and then given up ("we did X at my last job, it flapped and we ripped it
 * out", "X we tried; ... and we dropped it", "we ran one and never did it again") is rejected.
 * Kept: the same idea tried and kept ("...and never turned it off"), and "dropped" without a
 * trial told, which may be what the design does. Written for this test, not taken from
 * content/eval or content/negation.
 */

const pointOf = useContentPoint();

describe('an idea tried and given up is ruled out', () => {
  it.each([
    ['metrics-high-traffic-api', 'autoscaling-signals', 'We scaled the HPA on requests in flight per pod at my last job; it flapped all night and we ripped it out.'],
    ['observability-cost-reduction', 'cost-guardrails', 'Per-team budgets with showback reports we tried once; it became months of arguing about allocation and we dropped it.'],
    ['ecommerce-business-metrics', 'causal-impact', 'Latency injection experiments against a control group: we ran one at my last job, sales complained and we never did it again.'],
  ])('%s / %s: %j', (questionId, pointId, answer) => {
    expectRuledOut(pointOf(questionId, pointId, answer));
  });
});

describe('an idea tried and kept is not', () => {
  it.each([
    ['metrics-high-traffic-api', 'autoscaling-signals', 'We scaled the HPA on requests in flight per pod at my last job and never turned it off.'],
    ['observability-cost-reduction', 'cost-guardrails', 'Per-team budgets with showback reports and anomaly alerts on ingest: we tried them, they worked, and nobody ever removed them.'],
  ])('%s / %s: %j', (questionId, pointId, answer) => {
    const point = pointOf(questionId, pointId, answer);
    expect(point.ruledOut).toBeUndefined();
    expect(point.verdict).not.toBe('missed');
  });
});
