import { describe, expect, it } from 'vitest';
import { ideaRejected } from '../src/core/scoring/keyword/idea-rejected.ts';
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
    // A semicolon joins two clauses: only the second, which names its own subject, is put off.
    ['tracing-100-services', 'tail-sampling', 'Tail-based sampling keeps every error trace; span links can come later.'],
  ])('%s / %s: %j', (questionId, pointId, answer) => {
    expectKept(pointOf(questionId, pointId, answer));
  });
});

describe('across a semicolon', () => {
  it('puts off the clause that names it: "X; span links can come later"', () => {
    expectRuledOut(pointOf('tracing-100-services', 'async-boundaries', 'Tail-based sampling keeps every error trace; span links can come later.'));
  });

  it('a reply after the semicolon still answers the clause before: "X means Y; the team said absolutely not"', () => {
    const text = 'Exemplars mean a newer client library; the payments team said absolutely not and I agree.';
    expect(ideaRejected(text, 'Exemplars')).toBe(true);
    expect(ideaRejected('Exemplars mean a newer client library; the payments team can upgrade later.', 'Exemplars')).toBe(false);
  });
});

describe('a list that trails off ("and so on", "and all that", "and the like")', () => {
  it.each([
    'Deploy correlation, suspect commits and all that, could come in a later phase.',
    'Deploy correlation, suspect commits and so on can come later.',
    'Deploy correlation and the like can come later.',
  ])('is put off whole: %j', (text) => {
    expect(ideaRejected(text, 'Deploy correlation')).toBe(true);
  });

  it.each([
    'Deploy correlation, suspect commits and the like go in first. Fancy dashboards can come later.',
    'Deploy correlation, suspect commits and all that ship in phase one; the ML ranking is overkill.',
  ])('is kept when only something else is put off: %j', (text) => {
    expect(ideaRejected(text, 'Deploy correlation')).toBe(false);
  });
});
