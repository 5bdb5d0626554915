import { describe, it } from 'vitest';
import { expectKept, expectRuledOut, useContentPoint } from './helpers/content-questions.ts';

/*
 * Sections that list what an answer will not do (negation-sections.ts): "Non-goals:", "Out of
 * scope:", "What we won't do:", on a line of their own with bullets under them, or inline
 * before a list. Every idea in such a section is ruled out; a plan's other headings ("Goals:",
 * "Later:"), prose after a blank line and the next heading are not. Written for this test, not
 * taken from content/eval or content/negation.
 */

const pointOf = useContentPoint();
const ADOPTED_TAIL_SAMPLING = 'Tail-based sampling keeps every errored and slow trace.';

describe('an idea listed under a rejecting heading is ruled out', () => {
  it.each([
    ['a bullet under "Non-goals:"', `Goals:\n- W3C context on every hop.\n\nNon-goals:\n- ${ADOPTED_TAIL_SAMPLING}\n- Span links for batches.`],
    ['a numbered item under "What we won\'t do:"', `What we won't do:\n1. ${ADOPTED_TAIL_SAMPLING}\n2. A second collector tier.`],
    ['an inline list after "Out of scope:"', `Out of scope: ${ADOPTED_TAIL_SAMPLING}`],
    ['a plain line under "Explicitly out of scope for v1:"', `Explicitly out of scope for v1:\n${ADOPTED_TAIL_SAMPLING}`],
    ['a bullet under "Non-goals for this phase:"', `Non-goals for this phase:\n- ${ADOPTED_TAIL_SAMPLING}`],
    ['a topic paragraph after a heading sentence', `W3C context on every hop, always.\n\nNow the stuff I wouldn't do.\n\nA second collector tier: one more thing to page on.\n\n${ADOPTED_TAIL_SAMPLING.replace('.', '')}: the vendor's head sampler is enough.`],
  ])('%s', (_, answer) => {
    expectRuledOut(pointOf('tracing-100-services', 'tail-sampling', answer));
  });
});

describe('the section ends where the plan goes on', () => {
  it.each([
    ['under "Goals:"', `Goals:\n- ${ADOPTED_TAIL_SAMPLING}`],
    ['in prose after a blank line', `Non-goals:\n- A second collector tier.\n\nFor the design itself: ${ADOPTED_TAIL_SAMPLING}`],
    ['under the next heading', `Out of scope:\n- A second collector tier.\nIn scope:\n- ${ADOPTED_TAIL_SAMPLING}`],
    ['under "Later:", which schedules rather than refuses', `Later:\n- ${ADOPTED_TAIL_SAMPLING}`],
    ['after a colon that is not a rejecting heading', `Sampling: ${ADOPTED_TAIL_SAMPLING}`],
    ['after a verdict sentence that is not a heading', `A second collector tier? We'd drop it.\n\n${ADOPTED_TAIL_SAMPLING}`],
  ])('%s', (_, answer) => {
    expectKept(pointOf('tracing-100-services', 'tail-sampling', answer));
  });
});
