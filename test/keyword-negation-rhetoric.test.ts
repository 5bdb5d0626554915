import { describe, expect, it } from 'vitest';
import { ideaRejected } from '../src/core/scoring/keyword/idea-rejected.ts';

/*
 * Rhetoric (negation-rhetoric.ts) and reservations (negation-reservations.ts): questions that
 * answer themselves, sarcasm, faint praise turned by "but", possibilities turned from, doubt.
 * Each beside wordings that keep the idea. Written for this test, not taken from content/eval
 * or content/negation.
 */

const IDEA = 'synthetic probes from every region';

describe('rhetoric and reservations that reject the idea', () => {
  it.each([
    ['"why would I"', `Why would I run ${IDEA} when real users already hit every region?`],
    ['"who in their right mind"', `Who in their right mind pays for ${IDEA} on a staging site?`],
    ['"what is X going to tell me that ... doesn\'t"', `What are ${IDEA} going to tell me that RUM doesn't already show?`],
    ['a sarcastic opener', `Oh sure, let's run ${IDEA} and page on every flaky hop.`],
    ['"what could possibly go wrong"', `Let's page on ${IDEA} at 3am. What could possibly go wrong.`],
    ['"when pigs fly"', `${IDEA}, sure, when pigs fly and the budget triples.`],
    ['"because what X really needs is"', `Yes, because what this team really needs is ${IDEA} paging at night.`],
    ['faint praise turned by "but"', `${IDEA} would be lovely, but it isn't happening this year.`],
    ['a possibility turned from', `We could run ${IDEA}, but honestly we'd just watch RUM.`],
    ['doubt in the candidate\'s voice', `I'm not convinced ${IDEA} buy us anything.`],
    ['"not something I\'d"', `${IDEA} aren't something I'd plan around.`],
  ])('%s', (_name, text) => {
    expect(ideaRejected(text, IDEA)).toBe(true);
  });
});

describe('wordings that keep the idea', () => {
  it.each([
    ['a "why would" question answered', `Why would we run ${IDEA}? Because RUM misses regions with no traffic at night.`],
    ['a genuine "what" question', `What do ${IDEA} cost per month at our volume?`],
    ['"sure" that agrees', `Sure, we run ${IDEA} every minute.`],
    ['praise turned to add more', `${IDEA} are great, but we also need RUM for real devices.`],
    ['praise turned to keep it', `${IDEA} are clever, but we'd still run them hourly.`],
    ['a possibility kept with "only"', `We could run ${IDEA}, but only for checkout.`],
    ['certainty, not doubt', `I'm sure ${IDEA} catch outages before users do.`],
    ['"something" that is wanted', `${IDEA} are something we'd add on day one.`],
  ])('%s', (_name, text) => {
    expect(ideaRejected(text, IDEA)).toBe(false);
  });
});
