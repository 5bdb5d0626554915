import { describe, it } from 'vitest';
import { expectKept, expectRuledOut, useContentPoint } from './helpers/content-questions.ts';

/*
 * Double negatives keep the idea: refusing to go without it ("I'd never ship without X", "No
 * page goes out without X"), refusing to skip it ("don't skip X"), and arguing for it by what
 * its absence costs ("Without X the HPA flaps, so we set them"). Beside each, the plain
 * refusal that still rules it out. Written for this test, not taken from content/eval or
 * content/negation.
 */

const pointOf = useContentPoint();

describe('refusing the absence of an idea keeps it', () => {
  it.each([
    ['tracing-100-services', 'context-propagation', "I'd never ship a service without W3C trace context propagated on every hop."],
    ['tracing-100-services', 'context-propagation', 'Nobody can debug a 20-hop request without W3C trace context propagated on every hop.'],
    ['payment-slo-alerting', 'actionable-context', 'No page goes out without a runbook link, the dashboard and the recent deploys attached.'],
    ['incident-response-observability', 'faster-next-time', "Don't skip the game days: that is where the runbooks get tested and the next incident gets shorter."],
    ['metrics-high-traffic-api', 'autoscaling-signals', 'Without stabilisation windows the HPA flaps when it scales on requests in flight per pod, so we set them.'],
  ])('%s / %s: %j', (questionId, pointId, answer) => {
    expectKept(pointOf(questionId, pointId, answer));
  });
});

describe('the plain refusal still rules it out', () => {
  it.each([
    ['tracing-100-services', 'context-propagation', "We'd ship services without W3C trace context propagated on every hop."],
    ['incident-response-observability', 'faster-next-time', 'Skip the game days and the runbook reviews that would make the next incident shorter.'],
  ])('%s / %s: %j', (questionId, pointId, answer) => {
    expectRuledOut(pointOf(questionId, pointId, answer));
  });
});
