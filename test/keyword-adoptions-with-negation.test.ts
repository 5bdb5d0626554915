import { beforeAll, describe, expect, it } from 'vitest';
import { loadQuestionBank } from '../src/core/content/load.ts';
import type { QuestionBank } from '../src/core/content/question-bank.ts';
import { scoreAnswer } from '../src/core/scoring/keyword/keyword-scorer.ts';
import { expectRuledOut, useContentPoint } from './helpers/content-questions.ts';

/*
 * Sentences that adopt the right design while saying "no", "never", "not" or "can't" about
 * something else: "Never group by the raw message: strip ids, then fingerprint", "No blame in the
 * postmortem", "Not every log deserves the hot tier", "A human can't ack within 4 minutes". Telling
 * such a person "you ruled out X" or "misconception" about the idea they argued for is the worst
 * error the keyword check can make. Written for this test, not taken from content/eval or
 * content/negation.
 */

let bank: QuestionBank;
beforeAll(async () => {
  bank = await loadQuestionBank('content');
});

describe('an adoption worded with a negation is never reported as ruled out or as a misconception', () => {
  it.each([
    ["tracing-100-services", "No service gets a pass on propagation: if one hop drops traceparent the trace splits in two, so it lives in the shared HTTP client."],
    ["tracing-100-services", "Head sampling alone won't work for us because the interesting traces are the rare errors; the collector decides after the trace completes."],
    ["tracing-100-services", "We can't afford to keep every span, so the gateway keeps errors and slow traces and about 1% of the rest."],
    ["tracing-100-services", "Nothing sensitive goes into span attributes: the collector strips card numbers and emails before export."],
    ["metrics-high-traffic-api", "Never put user ids in labels; route templates only, and a per-service series limit so one bad deploy can't blow up Prometheus."],
    ["metrics-high-traffic-api", "Without histograms you can't get a fleet p99, so every route gets a latency histogram with buckets around the 300 ms SLO."],
    ["metrics-high-traffic-api", "Don't scale on CPU; scale on request rate or queue depth, because CPU lags the traffic."],
    ["logging-10tb-day", "No PII leaves the host: the agent masks card numbers and emails before anything is shipped."],
    ["logging-10tb-day", "We won't lose logs when Elasticsearch is down, because Kafka buffers a day of ingest."],
    ["logging-10tb-day", "Not every log deserves the hot tier: debug goes straight to S3, errors and audit stay searchable for 30 days."],
    ["payment-slo-alerting", "Don't page on a static error threshold; page on burn rate, 14.4x over an hour confirmed by five minutes."],
    ["payment-slo-alerting", "A human can't ack within 4 minutes at 3am, so the first response to a fast burn is an automatic rollback."],
    ["payment-slo-alerting", "Declined cards are not failures in the SLI; only errors we caused count."],
    ["error-tracking-grouping", "Never group by the raw message: strip ids and numbers, then fingerprint on the exception type and top frames."],
    ["error-tracking-grouping", "Nobody should get paged for a new exception; it becomes a ticket for the owning team unless it burns the SLO."],
    ["incident-response-observability", "Don't debug in production while customers are failing; roll back first, then investigate."],
    ["incident-response-observability", "No blame in the postmortem: we ask what made the mistake easy and fix that."],
    ["capacity-planning-forecast", "Autoscaling won't save the database, so we order the replicas and raise the cloud quotas weeks before the event."],
    ["observability-cost-reduction", "We won't cut blindly: first a cost breakdown by team and signal, then drop what nobody queries."],
    ["observability-cost-reduction", "Never sample away errors or audit logs; those are on the never-cut list."],
    ["service-dependency-mapping", "Don't trust the wiki; build the map from trace data so it shows what actually calls what."],
    ["cdn-performance-monitoring", "Averages hide the bad regions, so we look at p95 TTFB by country and ASN, not the global mean."],
    ["ecommerce-business-metrics", "Correlation isn't proof: we run a holdback experiment to show that latency really costs conversion."],
  ])('%s: %j', (questionId, answer) => {
    const result = scoreAnswer(bank.require(questionId), answer);
    expect(result.points.filter((point) => point.ruledOut !== undefined).map((point) => point.id)).toEqual([]);
    expect(result.misconceptions ?? []).toEqual([]);
  });
});

const pointOf = useContentPoint();

describe('the same shapes still rule out what they reject', () => {
  it.each([
    ['tracing-100-services', 'tail-sampling', 'Tail-based sampling doesn’t scale to our traffic.'],
    ['metrics-high-traffic-api', 'autoscaling-signals', 'We don’t scale on request rate or queue depth; CPU is good enough.'],
    ['logging-10tb-day', 'buffered-ingest', 'We won’t put a Kafka buffer in front of Elasticsearch.'],
  ])('%s / %s: %j', (questionId, pointId, answer) => {
    expectRuledOut(pointOf(questionId, pointId, answer));
  });
});
