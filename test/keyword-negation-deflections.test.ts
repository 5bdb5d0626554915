import { describe, it } from 'vitest';
import { expectKept, expectRuledOut, useContentPoint } from './helpers/content-questions.ts';

/*
 * An idea handed to someone else's business is rejected: "X is procurement's problem", "X?
 * That's the vendor's problem.", "X: compliance's call, not ours", "X is the business of
 * finance". Claimed by the candidate ("our problem, not the vendor's", "everyone's problem") or
 * given to a role of the design ("the incident commander's job") it is kept. A verdict word
 * denied by the word before it ("X is not overkill") keeps X too. Written for this test, not taken
 * from content/eval or content/negation.
 */

const pointOf = useContentPoint();

describe('handing an idea to someone else rules it out', () => {
  it.each([
    ['observability-cost-reduction', 'vendor-strategy', "Renegotiating the vendor contract with our usage data is procurement's problem."],
    ['tracing-100-services', 'collector-tier', "Gateway collectors that load-balance by trace id? That's the vendor's problem."],
    ['tracing-100-services', 'collector-tier', "Gateway collectors that load-balance by trace id: that's the vendor's problem."],
    ['observability-platform-at-scale', 'cost-attribution', 'Showback of cost per team is the business of finance, not of the platform team.'],
    ['tracing-100-services', 'span-privacy', 'Redacting PII from span attributes is the problem of the teams who write them.'],
    ['logging-10tb-day', 'compliance-integrity', "WORM storage with hash chains for the auditors: the compliance team's call, not engineering's."],
  ])('%s / %s: %j', (questionId, pointId, answer) => {
    expectRuledOut(pointOf(questionId, pointId, answer));
  });
});

describe('an idea the candidate claims, or gives to a role of the design, is kept', () => {
  it.each([
    ['observability-cost-reduction', 'vendor-strategy', "Renegotiating the vendor contract with our usage data is our problem, not procurement's: we bring the numbers."],
    ['incident-response-observability', 'mitigate-first', "Mitigation before diagnosis, rolling back the last deploy or flipping the flag off, is the incident commander's job."],
    ['tracing-100-services', 'span-privacy', "Redacting PII from span attributes in the collector is everyone's problem, so the platform does it by default."],
    ['tracing-100-services', 'tail-sampling', 'Tail-based sampling that keeps every error trace is not overkill at our volume; we run it.'],
  ])('%s / %s: %j', (questionId, pointId, answer) => {
    expectKept(pointOf(questionId, pointId, answer));
  });
});
