import { describe, expect, it } from 'vitest';
import { ideaRejected } from '../src/core/scoring/keyword/idea-rejected.ts';

/*
 * What became of an idea (negation-dispositions.ts): turned down after deliberation, vetoed,
 * kept off the roadmap, handed to someone else, too early, set against another choice or
 * another world. Each beside wordings that keep the idea. Written for this test, not taken from
 * content/eval or content/negation.
 */

const IDEA = 'per-team ingest quotas';

describe('an idea whose fate is a refusal', () => {
  it.each([
    ['weighed, then shelved', `${IDEA} were proposed, argued over for a sprint, and shelved.`],
    ['evaluated and ruled out', `${IDEA} were evaluated and ruled out by the platform leads.`],
    ['killed in review', `${IDEA} got killed in the architecture review.`],
    ['vetoed by someone', `Our director vetoed ${IDEA}, and rightly so.`],
    ['ripped out', `We ripped out ${IDEA} after the first incident.`],
    ['voted down', `The guild voted ${IDEA} down last spring.`],
    ['an imperative that parks it', `Let's park ${IDEA} until the bill doubles.`],
    ['kept off the roadmap', `Until finance asks, ${IDEA} stay off the roadmap.`],
    ['someone else\'s job', `${IDEA} are a finance question, not mine.`],
    ['a problem of bigger companies', `${IDEA} are a Google problem.`],
    ['"that" pointing back at the question', `${IDEA}? That's a management problem, not an engineering one.`],
    ['too early', `Too early for ${IDEA}; we have six teams.`],
    ['losing to a fronted choice', `Over ${IDEA}, I'd pick a bigger cluster every time.`],
    ['a plan for another world', `Were we a bank, I'd add ${IDEA}. We're a recipe site.`],
  ])('%s', (_name, text) => {
    expect(ideaRejected(text, IDEA)).toBe(true);
  });
});

describe('wordings that keep the idea', () => {
  it.each([
    ['a safeguard, not a verdict', `${IDEA} are reviewed monthly and dropped if they block an investigation.`],
    ['data that the design drops', `Spans over the limit are dropped at the collector, and ${IDEA} stay in place.`],
    ['a plain passive of use', `${IDEA} were rolled out in March and have held since.`],
    ['kept out of somewhere specific', `${IDEA} stay out of the exec dashboards but apply everywhere else.`],
    ['the candidate\'s own job', `${IDEA} are the platform team's job, and we own them.`],
    ['a business noun without a hand-off', `${IDEA} are a real lever; we set them per service.`],
    ['"not just" after the noun', `${IDEA} are a cost question, not just a reliability one, so we add them.`],
    ['too late for something else', `It is too late for hand-tuning, so ${IDEA} go in on day one.`],
    ['a fronted "over" that is not a choice', `Over the first month, we roll out ${IDEA} team by team.`],
    ['"if we were to" is a cost, not another world', `If we were to lose ${IDEA}, one team could flood the cluster.`],
  ])('%s', (_name, text) => {
    expect(ideaRejected(text, IDEA)).toBe(false);
  });
});

/* Deferrals and low-value verdicts (negation-deferrals.ts). */
describe('an idea put off or priced low', () => {
  it.each([
    ['deferred', `I'd defer ${IDEA} to phase two.`],
    ['pushed to later', `I'd push ${IDEA} to next quarter.`],
    ['kept out of the first version', `I'd keep ${IDEA} out of the first version.`],
    ['on the back burner', `I'd put ${IDEA} on the back burner.`],
    ['on the backlog', `${IDEA} go on the backlog.`],
    ['adds little', `${IDEA} add little for a team our size.`],
    ['little value in it', `I see little value in ${IDEA}.`],
    ['does not earn its keep', `${IDEA} doesn't earn its keep.`],
    ['outweighed by its cost', `The effort of ${IDEA} outweighs the benefit.`],
  ])('%s', (_name, text) => {
    expect(ideaRejected(text, IDEA)).toBe(true);
  });
  it.each([
    ['kept out of a place, as a design', `We keep ${IDEA} out of the hot path.`],
    ['pushed to a component', `We push ${IDEA} to the gateway.`],
    ['put on every service', `We put ${IDEA} on every service.`],
    ['a delay that is a design', `We delay ${IDEA} until the month closes.`],
    ['paying for itself', `${IDEA} pays for itself in a week.`],
    ['its benefit outweighing the cost', `The benefit of ${IDEA} outweighs the cost.`],
    ['"little by little"', `Little by little we roll out ${IDEA}.`],
  ])('keeps: %s', (_name, text) => {
    expect(ideaRejected(text, IDEA)).toBe(false);
  });
});
