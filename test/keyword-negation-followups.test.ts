import { describe, expect, it } from 'vitest';
import { ideaRejected } from '../src/core/scoring/keyword/idea-rejected.ts';

/*
 * Rejections that point back at the idea from a later clause or sentence (negation-followups.ts,
 * negation-judged.ts), each beside wordings that keep the idea. Written for this test, not taken
 * from content/eval or content/negation.
 */

const IDEA = 'exemplars on every latency histogram';

describe('a verdict that points back at the idea', () => {
  it.each([
    ['a refusal of adopting "them" after a long sentence', `Teams keep asking for ${IDEA} because a vendor demo showed them once. I'd never enable them.`],
    ['"so we don\'t bother" after the idea', `The pitch is ${IDEA} linked to traces in the backend, so we don't bother.`],
    ['a subjectless refusal', `Everyone wants ${IDEA} and a trace button beside each panel. Not building that.`],
    ['"decided against it"', `Some people would add ${IDEA} so you can jump to a trace. We decided against it.`],
    ['"it\'s not happening"', `Product would love ${IDEA}, so it's not happening this year.`],
    ['a refusal after a reason to a question', `${IDEA}? The backend can't store them at our volume. I'd never turn them on.`],
    ['"We could. We won\'t."', `Should we add ${IDEA}? We could. We won't.`],
    ['a bare verdict after a reason to a question', `${IDEA}? We already have logs with trace ids. Pass.`],
    ['a bare verdict on a sentence that points further back', `${IDEA} is a nice idea. It also doubles our series. So: no.`],
    ['"nobody actually uses"', `${IDEA} make a lovely demo; nobody actually uses them.`],
    ['"I\'d rather" answering a question', `${IDEA}? I'd rather spend the week on alert routing.`],
    ['an alternative announced with "it is"', `${IDEA} is a great way to add a new outage mode. Plain p99 panels it is.`],
    ['an alternative announced with "instead"', `${IDEA} would fill the backend with noise. Log lines with trace ids instead.`],
    ['judged by its harm, then replaced by the plan', `${IDEA} breaks every time the SDK upgrades. We link logs to traces by id.`],
  ])('%s', (_name, text) => {
    expect(ideaRejected(text, IDEA)).toBe(true);
  });
});

describe('wordings that keep the idea', () => {
  it.each([
    ['a refusal of something else, named', `We turn on ${IDEA}. We don't use summaries.`],
    ['a double negative after the idea', `We rely on ${IDEA}. We never drop them.`],
    ['a refusal with a location that limits, not rejects', `We keep ${IDEA}. We don't show them in the exec view.`],
    ['a refusal by someone else', `We ship ${IDEA}. Some teams don't use them yet, which is fine.`],
    ['a verdict that refuses a judgement, so approves', `We turn on ${IDEA}. Not hard to justify.`],
    ['"No" after a question about dropping it', `Should we drop ${IDEA}? Storage is tight. No.`],
    ['"nobody" that describes what is cut', `We add ${IDEA} and delete dashboards nobody uses.`],
    ['"I\'d rather keep it" answering a question', `${IDEA}? I'd rather keep them, they saved us twice.`],
    ['an alternative that builds on the idea', `${IDEA} make traces easy to find. Dashboards link to them instead.`],
    ['"instead" for a part of the traffic, after no judgement', `${IDEA} show the slow requests. For fast ones we keep a plain counter instead.`],
    ['a restriction with "only"', `${IDEA}. Checkout services only.`],
    ['a cost acknowledged in the candidate\'s own design', `We run ${IDEA}; they cost a fortune. We cap buckets per service.`],
    ['a plan that builds on the idea with "it"', `${IDEA} never lie about the tail. We alert on it.`],
  ])('%s', (_name, text) => {
    expect(ideaRejected(text, IDEA)).toBe(false);
  });
});
