import { describe, expect, it } from 'vitest';
import { expectRuledOut, useContentPoint } from './helpers/content-questions.ts';

/*
 * Dismissals spelled as everyday verdicts ("X is a trap", "X buys us nothing", "X only adds
 * cost", "X is what people reach for, but..."), the passive "X isn't used" and the deferral
 * "only if we ever..., would we add X", written for this test (not taken from content/eval).
 * Each rejected idea stays uncredited and is reported as ruled out; the same shapes that keep
 * an idea ("metrics that aren't used", "SNMP traps", "only if the budget burns do we page") still count.
 */

const pointOf = useContentPoint();

describe('everyday dismissals reject their subject', () => {
  it.each([
    ['tracing-100-services', 'tail-sampling', 'Tail-based sampling that keeps every errored and slow trace is a trap for a team our size.'],
    ['payment-slo-alerting', 'multi-window', 'Pairing the one-hour window with a five-minute window is a trap; it delays pages.'],
    ['incident-response-observability', 'stakeholder-comms', 'A status page with regular updates to customers buys us nothing.'],
    ['observability-platform-at-scale', 'meta-monitoring', 'An independent meta-monitoring path with a dead man\'s switch gains nothing here.'],
    ['logging-10tb-day', 'buffered-ingest', 'A durable Kafka buffer between the agents and the indexers only adds cost.'],
    ['service-dependency-mapping', 'edge-health', 'Annotating every edge with request rate, error rate and latency only adds complexity.'],
    ['ecommerce-business-metrics', 'causal-impact', 'Controlled experiments with deliberate latency injection are what everyone reaches for, but here we read the correlation.'],
    ['logging-10tb-day', 'buffered-ingest', "A durable Kafka buffer for the node agents isn't used in our design."],
    ['metrics-high-traffic-api', 'scalable-storage', 'Only if we ever outgrow one server would we add Thanos or Mimir as a long-term store.'],
    ['observability-platform-at-scale', 'query-performance', 'Only if dashboards time out on long ranges would we add a query frontend that splits and caches queries.'],
    ['payment-slo-alerting', 'budget-policy', 'A release freeze when the error budget runs out buys us nothing.'],
    ['tracing-100-services', 'tail-sampling', 'Tail-based sampling that keeps every errored and slow trace is a luxury for a team our size.'],
    ['service-dependency-mapping', 'graph-history', 'A time-versioned graph to diff before and after a deploy is a distraction.'],
    ['logging-10tb-day', 'buffered-ingest', "I'd steer clear of a durable Kafka buffer for the node agents."],
    ['observability-platform-at-scale', 'tenant-isolation', 'I would argue against per-tenant ingestion and query limits on active series.'],
  ])('%s / %s: %j', (questionId, pointId, answer) => {
    const point = pointOf(questionId, pointId, answer);
    expectRuledOut(point);
    expect(point.note).toMatch(/^you ruled out /);
  });
});

describe('the same shapes keep what they describe', () => {
  it.each([
    ['logging-10tb-day', 'buffered-ingest', 'A durable Kafka buffer for the node agents is used in our design.'],
    ['observability-cost-reduction', 'unused-data', "We delete the metrics and dashboards that aren't used by any alert or query in ninety days, found from usage logs."],
    ['tracing-100-services', 'tail-sampling', 'Tail-based sampling keeps every errored trace and every trace slower than the latency threshold, plus a small random share; only that adds cost we accept.'],
    ['metrics-high-traffic-api', 'scalable-storage', 'We shard collection and write to Thanos as a horizontally scalable long-term store for global queries; only if it falls over do we page the platform team.'],
  ])('%s / %s: %j', (questionId, pointId, answer) => {
    expect(pointOf(questionId, pointId, answer).verdict).not.toBe('missed');
  });
});
