import { describe, expect, it } from 'vitest';
import { expectRuledOut, useContentPoint } from './helpers/content-questions.ts';

/*
 * "Same for X." after a sentence that rejects something adds X to what was rejected; after a
 * sentence that rejects nothing it adopts X like the sentence before. Written for this test,
 * not taken from content/eval.
 */

const pointOf = useContentPoint();

describe('"Same for X" carries the rejection of the sentence before', () => {
  it.each([
    ['logging-10tb-day', 'buffered-ingest', 'We would not use client-side sampling. Same for a durable Kafka buffer between the agents and the indexers.'],
    ['observability-platform-at-scale', 'meta-monitoring', 'Per-tenant limits are overkill. Same goes for an independent meta-monitoring path with a dead man\'s switch.'],
  ])('%s / %s: %j', (questionId, pointId, answer) => {
    expectRuledOut(pointOf(questionId, pointId, answer));
  });
});

describe('"Same for X" after a sentence that rejects nothing keeps X', () => {
  it.each([
    ['logging-10tb-day', 'buffered-ingest', 'Agents on every node ship the logs. Same for a durable Kafka buffer between the agents and the indexers, which absorbs bursts and outages.'],
  ])('%s / %s: %j', (questionId, pointId, answer) => {
    expect(pointOf(questionId, pointId, answer).verdict).not.toBe('missed');
  });
});
