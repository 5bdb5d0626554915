import { describe, it } from 'vitest';
import { expectKept, expectRuledOut, useContentPoint } from './helpers/content-questions.ts';

/*
 * An idea put off to a later stage of the plan is not adopted: "X could come in a later phase",
 * "X is something we may look at later". Kept: an idea looked at now and something else later
 * ("we look at X first and the raw logs later"). Written for this test, not taken from
 * content/eval or content/negation.
 */

const pointOf = useContentPoint();

describe('an idea put off to a later stage is ruled out', () => {
  it.each([
    ['tracing-100-services', 'tail-sampling', 'Tail-based sampling that keeps every error trace can come in a later phase.'],
    ['error-tracking-grouping', 'deploy-correlation', 'Deploy correlation with suspect commits could come in a later release.'],
    ['capacity-planning-forecast', 'unit-cost', 'Cost per order tracking is something we may look at later.'],
  ])('%s / %s: %j', (questionId, pointId, answer) => {
    expectRuledOut(pointOf(questionId, pointId, answer));
  });
});

describe('an idea done now, with something else later, is kept', () => {
  it.each([
    ['tracing-100-services', 'tail-sampling', 'Tail-based sampling that keeps every error trace comes first; we look at span links later.'],
    ['capacity-planning-forecast', 'unit-cost', 'We track cost per thousand orders from day one and look at the reserved-instance discounts later.'],
  ])('%s / %s: %j', (questionId, pointId, answer) => {
    expectKept(pointOf(questionId, pointId, answer));
  });
});
