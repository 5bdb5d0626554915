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

describe('facts and double negatives that argue for an idea keep it', () => {
  it.each([
    ['error-tracking-grouping', 'rich-context', 'An error without release version, environment, trace id and breadcrumbs isn’t debuggable, so capture all of it.'],
    ['capacity-planning-forecast', 'lead-times', 'The database and the cloud quotas won’t scale in minutes, so we request and pre-warm them weeks before the sale.'],
    ['ecommerce-business-metrics', 'metric-governance', 'There shouldn’t be five versions of conversion rate - one owned definition in the metrics catalogue.'],
  ])('%s / %s: %j', (questionId, pointId, answer) => {
    expectKept(pointOf(questionId, pointId, answer));
  });

  it.each([
    ['tracing-100-services', 'tail-sampling', 'Tail-based sampling won’t scale to our traffic.'],
    ['error-tracking-grouping', 'rich-context', 'We ship errors without breadcrumbs or release tags; the stack is enough.'],
  ])('while a real refusal still rules it out: %s / %s: %j', (questionId, pointId, answer) => {
    expectRuledOut(pointOf(questionId, pointId, answer));
  });
});

describe('a problem stated with a negation, then the idea that solves it', () => {
  it.each([
    ['metrics-high-traffic-api', 'recording-rules', 'Grafana panels shouldn’t run the expensive query on every refresh; recording rules precompute it once a minute.'],
    ['tracing-100-services', 'context-propagation', 'If a gateway doesn’t forward the traceparent header, the trace breaks in two, so every service uses the shared OTel client with W3C trace context.'],
  ])('keeps the idea: %s / %s: %j', (questionId, pointId, answer) => {
    expectKept(pointOf(questionId, pointId, answer));
  });

  it('but the speaker\'s own refusal still leaves only an alternative', () => {
    expectRuledOut(pointOf('metrics-high-traffic-api', 'recording-rules', 'We won’t bother with recording rules; dashboards can run the raw query on every refresh.'));
  });
});
