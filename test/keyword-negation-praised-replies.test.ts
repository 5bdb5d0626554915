import { describe, expect, it } from 'vitest';
import { expectRuledOut, useContentPoint } from './helpers/content-questions.ts';

/*
 * A reply to a question that opens on a compliment or a wish and turns with "but" sets aside the
 * idea asked about: "X? Nice idea, but our tool can't...", "X? I'd love it, but we won't get
 * there.", "X? Tempting, but...". A turn that adds to the idea or keeps it ("but we also need Y",
 * "but we run it anyway", "but only for errors") keeps it. Written for this test, not taken from
 * content/eval or content/negation.
 */

const pointOf = useContentPoint();

describe('a praised reply that turns away rules the question out', () => {
  it.each([
    ['tracing-100-services', 'tail-sampling', 'Tail-based sampling that keeps every error trace? Tempting, but the collectors would need far too much memory.'],
    ['logging-10tb-day', 'structured-logs', "Structured JSON logs with a shared schema? I'd love it, but with two hundred services we won't get there."],
    ['error-tracking-grouping', 'impact-ranking', "Ranking issues by distinct users affected? A nice idea, but our tool can't count users, so we sort by volume."],
  ])('%s / %s: %j', (questionId, pointId, answer) => {
    expectRuledOut(pointOf(questionId, pointId, answer));
  });
});

describe('a praised reply that keeps the idea does not', () => {
  it.each([
    ['tracing-100-services', 'tail-sampling', 'Tail-based sampling that keeps every error trace? Expensive, but we run it anyway.'],
    ['tracing-100-services', 'tail-sampling', 'Tail-based sampling that keeps every error trace? Nice, but we also keep a small head sample as a baseline.'],
    ['logging-10tb-day', 'structured-logs', 'Structured JSON logs with a shared schema? Great question. We lint them in CI.'],
  ])('%s / %s: %j', (questionId, pointId, answer) => {
    const point = pointOf(questionId, pointId, answer);
    expect(point.ruledOut).toBeUndefined();
    expect(point.verdict).not.toBe('missed');
  });
});
