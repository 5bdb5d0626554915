import { describe, expect, it } from 'vitest';
import { expectRuledOut, useContentPoint } from './helpers/content-questions.ts';

/*
 * An idea weighed in the passive and then turned by "but" or set aside lost: "X was discussed,
 * but the team decided to keep Y", "X was considered and set aside". Kept: a turn that keeps it
 * ("but we adopted it anyway", "but the team kept them") and "we set aside 20% headroom", which
 * reserves rather than refuses. Written for this test, not taken from content/eval or
 * content/negation.
 */

const pointOf = useContentPoint();

describe('an idea weighed and turned down is ruled out', () => {
  it.each([
    ['incident-response-observability', 'symptom-detection', 'Paging on user-facing symptoms like SLO burn was discussed, but the team decided to keep the host alerts as the primary page.'],
    ['logging-10tb-day', 'tiered-storage', 'A hot tier of seven days with lifecycle rules to object storage was considered and set aside for the first year.'],
  ])('%s / %s: %j', (questionId, pointId, answer) => {
    expectRuledOut(pointOf(questionId, pointId, answer));
  });
});

describe('an idea weighed and kept is not', () => {
  it.each([
    ['incident-response-observability', 'symptom-detection', 'Paging on user-facing symptoms like SLO burn was debated at length, but we adopted it anyway.'],
    ['capacity-planning-forecast', 'headroom-policy', "We set aside N+1 headroom across zones plus a buffer for the autoscaler's lag."],
  ])('%s / %s: %j', (questionId, pointId, answer) => {
    const point = pointOf(questionId, pointId, answer);
    expect(point.ruledOut).toBeUndefined();
    expect(point.verdict).not.toBe('missed');
  });
});
