import { describe, expect, it } from 'vitest';
import { expectRuledOut, useContentPoint } from './helpers/content-questions.ts';

/*
 * A refusal that ends in a colon ("What we'd skip:", "Things I'd leave out:") refuses the whole
 * list it introduces, whatever joins its items. "I'd leave out declined cards" (no colon) is an
 * exclusion that is the design and keeps the point. Written for this test, not taken from content/eval.
 */

const pointOf = useContentPoint();

describe('a refusal before a colon refuses every item of its list', () => {
  it.each([
    ['incident-response-observability', 'stakeholder-comms', 'What we would skip: incident roles, game days, and a status page with regular updates to customers.'],
    ['service-dependency-mapping', 'graph-history', 'Things I would leave out: catalogue joins, policy checks, and a time-versioned graph that expires stale edges.'],
  ])('%s / %s: %j', (questionId, pointId, answer) => {
    expectRuledOut(pointOf(questionId, pointId, answer));
  });
});

describe('an exclusion that is the design keeps its point', () => {
  it('"I\'d leave out declined cards" still defines the SLI', () => {
    const point = pointOf('payment-slo-alerting', 'sli-definition', "The SLI is the share of valid payment attempts that succeed, measured at the edge, and I'd leave out declined cards such as insufficient funds.");
    expect(point.verdict).toBe('covered');
  });
});
