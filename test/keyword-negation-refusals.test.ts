import { describe, expect, it } from 'vitest';
import { expectRuledOut, useContentPoint } from './helpers/content-questions.ts';

/*
 * Refusals that end their own clause ("I wouldn't, ...", "likewise not: ...", "Also no: ...",
 * "I'd not do it: we'd ...", "I'd skip all three", "X I'd rule out", "X isn't my style"), written
 * for this test (not taken from content/eval). The refused idea stays uncredited; the same words
 * that refuse nothing ("whether or not", "rule out a bad deploy first") keep what they name.
 */

const pointOf = useContentPoint();

describe('a refusal that ends its clause refuses what came before it', () => {
  it.each([
    ['tracing-100-services', 'tail-sampling', 'Teams like tail-based sampling that keeps every errored and slow trace; we wouldn\'t, a flat rate is enough.'],
    ['observability-platform-at-scale', 'tenant-isolation', 'Per-tenant ingestion and query limits on active series, likewise not: the teams would revolt.'],
    ['logging-10tb-day', 'buffered-ingest', 'A durable Kafka buffer between agents and indexers. Also no: the agents retry on their own.'],
    ['logging-10tb-day', 'buffered-ingest', 'A durable Kafka buffer between agents and indexers is the usual advice, and I\'d not do it: we\'d just retry from the agents.'],
    ['service-dependency-mapping', 'graph-history', 'A time-versioned graph, expiry of stale edges, diffs before and after a deploy: I\'d skip all three.'],
    ['tracing-100-services', 'tail-sampling', 'Tail-based sampling that keeps errored and slow traces I\'d rule out; the memory cost is too high.'],
    ['incident-response-observability', 'mitigate-first', 'Mitigation first, rolling back the deploy before root cause analysis, isn\'t my style.'],
  ])('%s / %s: %j', (questionId, pointId, answer) => {
    expectRuledOut(pointOf(questionId, pointId, answer));
  });
});

describe('the same words that refuse nothing keep what they name', () => {
  it.each([
    ['incident-response-observability', 'change-correlation', 'First we rule out a bad deploy: we overlay deploys, config changes and feature flag flips on the checkout dashboard to see what changed.'],
    ['tracing-100-services', 'tail-sampling', 'Whether or not, at peak, traffic doubles, tail-based sampling keeps every errored trace and every slow trace because the collector decides after the trace completes.'],
    ['observability-platform-at-scale', 'tenant-isolation', 'We would not, under any circumstances, let one team take the platform down: per-tenant ingestion and query limits on active series protect everyone.'],
  ])('%s / %s: %j', (questionId, pointId, answer) => {
    expect(pointOf(questionId, pointId, answer).verdict).not.toBe('missed');
  });
});
