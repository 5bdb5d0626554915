import { describe, expect, it } from 'vitest';
import { expectRuledOut, useContentPoint } from './helpers/content-questions.ts';

/*
 * Rejections spelled as contrasts, lists and adopted alternatives, written for this test (not
 * taken from content/eval). Each rejected idea must stay uncredited and be reported as ruled out;
 * the ideas the same answers really propose must still count.
 */

const pointOf = useContentPoint();

describe('a negator reaches every item of the list it opens', () => {
  it.each([
    ['error-tracking-grouping', 'ingest-protection', 'No spike protection, quotas or client-side sampling: every occurrence matters.'],
    ['observability-cost-reduction', 'cost-guardrails', 'No need for chargeback, team budgets or ingest quotas; the platform team polices volume.'],
    ['payment-slo-alerting', 'actionable-context', 'There is no need for dashboards, runbooks or alert inhibition on a page.'],
    ['service-dependency-mapping', 'hidden-edges', 'Without databases, queues or third-party APIs on it the map stays readable, so we leave them off.'],
    ['incident-response-observability', 'stakeholder-comms', "We won't bother with the scribe, exec updates or a status page at that hour."],
  ])('%s / %s: %j', (questionId, pointId, answer) => {
    const point = pointOf(questionId, pointId, answer);
    expect(point.verdict).toBe('missed');
    expect(point.note).toMatch(/^you ruled out /);
  });

  it('stops at a new clause: "isn\'t declared, or a tier-1 service..." does not reject the tier rule', () => {
    const answer = 'In CI, a call to a service that is not declared, or a tier-1 service depending hard on a tier-3 one, fails the dependency policy check unless timeouts are configured.';
    expect(pointOf('service-dependency-mapping', 'policy-checks', answer).verdict).toBe('covered');
  });

  it('keeps a plan after "avoid X": "avoid raw URLs as labels, use route templates and series limits"', () => {
    const answer = "We'd avoid raw URLs as labels, use route templates instead and enforce a series limit per service because unbounded labels explode the active series.";
    expect(pointOf('metrics-high-traffic-api', 'cardinality-control', answer).verdict).not.toBe('missed');
  });
});

describe('contrast forms reject what they dismiss', () => {
  it.each([
    ['cdn-performance-monitoring', 'edge-aggregation', "Per-PoP quantile sketches would be nice, but we won't build them."],
    ['incident-response-observability', 'blameless-learning', "A blameless postmortem with action items would be nice but we won't have the time."],
    ['ecommerce-business-metrics', 'metric-governance', 'A semantic layer with a metrics catalogue is more ceremony than we need.'],
    ['tracing-100-services', 'collector-tier', 'Gateway collectors routing by trace id are more infrastructure than we need.'],
    ['payment-slo-alerting', 'severity-routing', 'Escalation chains with a secondary on-call? Drop them.'],
    ['incident-response-observability', 'faster-next-time', 'And game days or an incident bot? Not for a team our size.'],
    ['observability-platform-at-scale', 'meta-monitoring', 'A separate meta-monitoring stack for the platform itself? No, it can watch itself.'],
    ['logging-10tb-day', 'routing-sampling', 'Drop the idea of sampling debug logs or routing logs by level.'],
    ['metrics-high-traffic-api', 'recording-rules', 'Recording rules, no: they go stale and nobody knows what they compute.'],
    ['incident-response-observability', 'mitigate-first', 'A kill switch flipped before we understand the cause is premature.'],
    ['payment-slo-alerting', 'budget-policy', "An error budget policy with release freezes won't fly with product, so we keep shipping and just tell them when the budget is spent."],
    ['payment-slo-alerting', 'budget-policy', 'Release freezes are off the table.'],
  ])('%s / %s: %j', (questionId, pointId, answer) => {
    const point = pointOf(questionId, pointId, answer);
    expectRuledOut(point);
    expect(point.note).toMatch(/^you ruled out /);
  });

  it.each([
    ['service-dependency-mapping', 'graph-history', 'Edges not seen for seven days expire, and daily graph snapshots let us diff the graph before and after a deploy.'],
    ['observability-cost-reduction', 'cheaper-signals', 'It would be nice to turn request logs into counters, so we derive metrics from logs at the collector.'],
    ['payment-slo-alerting', 'sli-definition', "Good events are successful payment attempts over valid requests; I'd leave out attempts declined for insufficient funds."],
    ['payment-slo-alerting', 'budget-policy', 'When the error budget is exhausted we freeze risky releases until it recovers, as agreed with product.'],
    ['tracing-100-services', 'tail-sampling', "Instead of head sampling we'd use tail sampling, so the collector keeps every error trace once the trace completes."],
  ])('leaves descriptions and plans alone: %s / %s: %j', (questionId, pointId, answer) => {
    expect(pointOf(questionId, pointId, answer).verdict).not.toBe('missed');
  });
});

describe('rejections that reach back across clauses', () => {
  it.each([
    'Tail sampling, honestly, for a system our size, overkill.',
    'Tail sampling, span links, the collector tier: none of that is needed.',
    'We considered tail sampling but decided against it.',
    'Tail sampling is something I\'d leave for later.',
    'Tail sampling isn\'t something we need.',
    'Tail sampling I\'d rather not.',
    'Tail-based sampling that keeps every error trace? We\'d rather not pay for that.',
    'Keeping every error trace with tail sampling sounds great, but it isn\'t worth the collector memory.',
    'I\'d hold off on tail sampling that keeps errors.',
    'Tail sampling can come later.',
  ])('%j', (answer) => {
    const point = pointOf('tracing-100-services', 'tail-sampling', answer);
    expect(point.verdict).toBe('missed');
    expect(point.note).toMatch(/^you ruled out /);
  });

  it.each([
    'Tail sampling keeps every error trace, so it\'s not a problem to drop healthy traces.',
    'We keep errors with tail sampling because it isn\'t worth storing every healthy trace.',
    'Tail sampling keeps every error trace, which is not cheap but worth it.',
  ])('keeps an idea the answer adopts: %j', (answer) => {
    expect(pointOf('tracing-100-services', 'tail-sampling', answer).verdict).toBe('covered');
  });
});

describe('an alternative adopted in place of a rejected idea is not that idea', () => {
  it.each([
    ['incident-response-observability', 'symptom-detection', "We'd skip SLO burn alerts and synthetic checks; a CPU alert on the checkout pods at 90% is what wakes us."],
    ['metrics-high-traffic-api', 'autoscaling-signals', "Scaling on request rate or queue depth isn't worth it here, CPU at 70% is fine for the HPA."],
    ['capacity-planning-forecast', 'forecasting', "Forecasting with seasonality and confidence intervals? No. We'd take last year's peak and multiply it by three."],
    ['tracing-100-services', 'tail-sampling', "We'd skip tail sampling and just do head sampling at 1% in the SDK, it's simpler."],
  ])('%s / %s: %j', (questionId, pointId, answer) => {
    const point = pointOf(questionId, pointId, answer);
    expect(point.verdict).toBe('missed');
    expect(point.note).toMatch(/^you ruled out /);
  });

  it('still credits the idea when the answer proposes it in its own paragraph', () => {
    const answer = "Synthetic checks alone are not enough here.\n\nWe page on the checkout SLO burn rate, a user-facing symptom, so the page arrives within minutes and means customers are hurting.";
    expect(pointOf('incident-response-observability', 'symptom-detection', answer).verdict).toBe('covered');
  });

  it('still credits the adopted idea that comes first: "tail sampling rather than head sampling"', () => {
    const answer = "We'd use tail sampling rather than head sampling, so the collector keeps every error trace once the trace completes.";
    expect(pointOf('tracing-100-services', 'tail-sampling', answer).verdict).toBe('covered');
  });
});
