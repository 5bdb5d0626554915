import { describe, it } from 'vitest';
import { expectKept, expectRuledOut, useContentPoint } from './helpers/content-questions.ts';

/*
 * An idea named as the way to a harm is rejected: "X is how you end up...", "X is how you get an
 * outage", the ironic "X is a great way to generate tickets nobody closes". Named as the way to a
 * benefit ("X is how you keep every error trace", "X is how you avoid pages after the outage")
 * it is kept. Written for this test, not taken from content/eval or content/negation.
 */

const pointOf = useContentPoint();

describe('an idea named as the way to a harm is ruled out', () => {
  it.each([
    ['service-dependency-mapping', 'policy-checks', 'Flagging tier violations and undeclared dependencies in CI is a great way to generate tickets nobody closes.'],
    ['payment-slo-alerting', 'automated-mitigation', 'Automated rollback or failover on a fast burn is how you get an automated outage.'],
    ['error-tracking-grouping', 'impact-ranking', 'Ranking issues by users affected is how you end up ignoring the noisy ones that fill the bill.'],
  ])('%s / %s: %j', (questionId, pointId, answer) => {
    expectRuledOut(pointOf(questionId, pointId, answer));
  });
});

describe('an idea named as the way to a benefit is kept', () => {
  it.each([
    ['tracing-100-services', 'tail-sampling', 'Tail-based sampling is how you keep every error trace without storing everything.'],
    ['payment-slo-alerting', 'multi-window', 'Pairing each long burn-rate window with a short window is how you avoid pages that fire after the outage is over.'],
  ])('%s / %s: %j', (questionId, pointId, answer) => {
    expectKept(pointOf(questionId, pointId, answer));
  });
});

describe('the idea restated the right way round after its wrong form is ruled out is kept', () => {
  it.each([
    ['error-tracking-grouping', 'impact-ranking', 'Ranking by event count is how you end up fixing a noisy retry loop while checkout is broken for some users. Rank by distinct users affected, whether it touches a key flow, and SLO burn.'],
  ])('%s / %s: %j', (questionId, pointId, answer) => {
    expectKept(pointOf(questionId, pointId, answer));
  });
});

/* An idea named as the cause of a harm ("X is the main reason teams ignore...", "X is why nobody trusts...") is ruled out too. */
describe('an idea named as the cause of a harm is ruled out', () => {
  it.each([
    ['tracing-100-services', 'tail-sampling', 'Tail-based sampling is the main reason our engineers ignore the tracing UI: half the traces they click are gone.'],
    ['payment-slo-alerting', 'burn-rate-alerts', 'Multi-window burn-rate alerting is why nobody trusts the pager here.'],
    ['error-tracking-grouping', 'ownership-routing', 'Auto-routing issues to the owning team via CODEOWNERS is a big reason teams mute the channel.'],
  ])('%s / %s: %j', (questionId, pointId, answer) => {
    expectRuledOut(pointOf(questionId, pointId, answer));
  });

  it.each([
    ['tracing-100-services', 'tail-sampling', 'Tail-based sampling is the reason we keep every error trace at a tenth of the cost.'],
    ['error-tracking-grouping', 'impact-ranking', 'Ranking by users affected is why teams trust the list again.'],
  ])('named as the cause of a benefit it is kept: %s / %s: %j', (questionId, pointId, answer) => {
    expectKept(pointOf(questionId, pointId, answer));
  });
});
