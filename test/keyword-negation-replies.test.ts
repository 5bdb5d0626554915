import { describe, it } from 'vitest';
import { expectKept, expectRuledOut, useContentPoint } from './helpers/content-questions.ts';

/*
 * Rejections made of a sentence's shape (negation-replies.ts): a dismissing reply to a question,
 * a short verdict after a statement, a choice of something else "over" the idea, an idea tried
 * and given up, and an idea left to bigger companies. Each beside wordings that keep the idea.
 * Written for this test, not taken from content/eval or content/negation.
 */

const pointOf = useContentPoint();
const TAIL = 'tail-based sampling that keeps every errored and slow trace';

describe('shapes that reject the idea', () => {
  it.each([
    ['a dismissing reply to a question', `Keep every errored and slow trace with ${TAIL}? Phase 3, maybe.`],
    ['a reply that nobody would use it', `A gateway tier doing ${TAIL}? Nobody on the team would run it.`],
    ['a short verdict after a statement', `A gateway tier could run ${TAIL}. Hard pass.`],
    ['"never again" after a story', `At my last job we ran ${TAIL}. Never again.`],
    ['"never again" with its reason', `At my last job we ran ${TAIL}. Never again: it ate a quarter of the platform team.`],
    ['a choice of something else over it', `We'll go with the vendor's default sampler over ${TAIL}.`],
    ['the idea losing to another', `In our bake-off, ${TAIL} lost to head sampling on cost.`],
    ['another option beating it', `Head sampling at the edge beats ${TAIL} for a team our size.`],
    ['tried and given up', `We tried ${TAIL} and went back to head sampling within a month.`],
    ['left to bigger companies', `Running ${TAIL} is for companies ten times our size.`],
    ['a topic dismissed after its colon', `Gateway collectors, ${TAIL}: tried those too, and they cost more than they saved.`],
    ['a topic deferred after its colon', `Span links, ${TAIL}: phase 3 as well.`],
    ['praise that only holds on a slide', `A tier running ${TAIL} sounds great on a conference slide.`],
    ['a pain to run', `A collector tier for ${TAIL} is a pain to operate.`],
    ['losing a comparison', `A collector tier for ${TAIL} loses the same comparison against head sampling.`],
    ['an arrow to a dismissal', `- W3C context on every hop → yes\n- ${TAIL} → nah, 1% head sampling is fine`],
    ['a dash to a verdict', `1. W3C context on every hop\n2. ${TAIL} — dropped, the collectors cost too much`],
    ['a rejecting mark after the item', `- span links for batches ✅\n- ${TAIL} ❌ (one more thing to run)`],
    ['a rejecting mark before the item', `✅ span links for batches\n👎 ${TAIL}`],
    ['a textbook idea turned from', `The textbook design is ${TAIL}. In practice the collector tier costs more than it saves.`],
    ['a colleague\'s idea turned from', `My colleagues tend to push for ${TAIL}. I'd rather sample 1% at the edge.`],
    ['a short refusal pointing back', `A gateway tier could run ${TAIL}. Not building it.`],
    ['a one-word verdict after a statement', `A gateway tier for ${TAIL} makes sense at fifty million spans a second; we have fifty thousand. Skip.`],
    ['a dismissive noun', `A tier running ${TAIL} is a gimmick for a system our size.`],
    ['the rejected item of a line of marks', `W3C context on every hop 👍, ${TAIL} 👎`],
  ])('%s', (_, answer) => {
    expectRuledOut(pointOf('tracing-100-services', 'tail-sampling', answer));
  });
});

describe('the same shapes keep an idea the answer adopts', () => {
  it.each([
    ['a reply that answers the question', `Which traces do we keep? We use ${TAIL}.`],
    ['"not only" after a question', `Do we keep only errors? Not only: we use ${TAIL}.`],
    ['a choice of the idea over another', `We'll go with ${TAIL} over plain head sampling.`],
    ['"over" that is not a choice', `We run ${TAIL} over every service's spans for a week.`],
    ['the idea beating another', `For us ${TAIL} beats head sampling, because errors are never dropped.`],
    ['tried and kept', `We tried ${TAIL} last year and it paid for itself in the first incident.`],
    ['"for" that names who it serves', `We use ${TAIL} for teams that debug checkout latency.`],
    ['a short sentence that agrees', `We use ${TAIL}. Definitely worth it.`],
    ['a topic explained after its colon', `Sampling: ${TAIL}, so errors are never lost.`],
    ['praise without a catch', `${TAIL} sounds great, and in our last incident it was.`],
    ['a loss the idea prevents', `Without ${TAIL} we lose the one trace that matters.`],
    ['an arrow to a yes beside a rejected line', `- head sampling only → nah\n- ${TAIL} → yes, day one`],
    ['a rejecting mark on the next line', `- ${TAIL} ✅\n- a second collector tier ❌`],
    ['a textbook idea adopted', `The textbook design is ${TAIL}, and that is what we would build, with gateway collectors routing by trace id.`],
    ['a dismissal the answer rebuts', `The vendor told us ${TAIL} was a gimmick. I disagree: it is how we keep every failed checkout trace.`],
    ['the approved item of a line of marks', `${TAIL} 👍, a second storage vendor 👎`],
    ['a line closed by a mark before the next line', `a second storage vendor ❌\n${TAIL} ✅`],
    ["an item above a \"Cut:\" heading", `Keep:\n- ${TAIL}\nCut:\n- a second storage vendor`],
  ])('%s', (_, answer) => {
    expectKept(pointOf('tracing-100-services', 'tail-sampling', answer));
  });
});
