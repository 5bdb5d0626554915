import { describe, expect, it } from 'vitest';
import { expectRuledOut, useContentPoint } from './helpers/content-questions.ts';

/*
 * A rejection whose clause points back with a pronoun ("I've seen them confuse people; I
 * wouldn't", "That needs every service instrumented, so no") rejects the idea the pronoun stands
 * for: further back in the sentence, or the short sentence before it. Written for this test, not
 * taken from content/eval. A pronoun that stands for what follows ("it would be overkill to...")
 * or a verdict with no pronoun leaves the sentence before alone.
 */

const pointOf = useContentPoint();

describe('a rejection reaches what its pronoun stands for', () => {
  it.each([
    ['observability-platform-at-scale', 'query-performance', 'A query frontend that splits and caches long queries? I have seen it work elsewhere, but we would not start there.'],
    ['service-dependency-mapping', 'runtime-discovery', 'Building the map from client and server span pairs. That needs every service instrumented, so no.'],
    ['observability-cost-reduction', 'cost-guardrails', 'Per-team budgets with showback and chargeback: I have watched them turn into finance theatre, and we would not go there.'],
  ])('%s / %s: %j', (questionId, pointId, answer) => {
    expectRuledOut(pointOf(questionId, pointId, answer));
  });
});

describe('without a pronoun pointing back, the sentence before keeps its idea', () => {
  it.each([
    ['tracing-100-services', 'tail-sampling', 'We use tail-based sampling that keeps every errored and slow trace. It would be overkill to also keep every healthy trace.'],
    ['tracing-100-services', 'tail-sampling', 'Tail-based sampling keeps errored and slow traces. Head sampling is pointless here.'],
    ['service-dependency-mapping', 'runtime-discovery', 'We build the map from client and server span pairs.\n\nThat said, hand-drawn diagrams are pointless.'],
  ])('%s / %s: %j', (questionId, pointId, answer) => {
    expect(pointOf(questionId, pointId, answer).verdict).not.toBe('missed');
  });
});
