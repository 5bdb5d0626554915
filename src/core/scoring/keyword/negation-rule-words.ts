/*
 * The trigger words of the sentence-level rejection rules (negation-followups.ts,
 * negation-reservations.ts, negation-dispositions.ts, negation-rhetoric.ts), kept apart from
 * those rules so the lexicon can give every one of them a class bit (WORD_SENTENCE_RULE) without
 * importing the rules: a token without the bit costs the rules one bit test, not a lookup.
 */

// negation-followups.ts
/** Words that negate the candidate's own adopting: "we don't", "I'd never", "not doing". */
export const REFUSALS: ReadonlySet<string> = new Set([
  'not', 'never', 'dont', 'wont', 'wouldnt', 'didnt', 'shouldnt', 'arent', 'isnt', 'skip', 'ditch', 'park', 'shelve',
  // "...: we tried it in staging, binned it.": what was done to "it" (not "dropped it": dropping data is a design).
  'binned', 'scrapped', 'shelved', 'ditched', 'nixed', 'vetoed', 'canned',
]);

// negation-reservations.ts
/** Compliments that, before a "but", grant an idea only to set it aside. */
export const FAINT_PRAISE: ReadonlySet<string> = new Set([
  'nice', 'lovely', 'great', 'clever', 'elegant', 'neat', 'cute', 'tempting', 'appealing', 'beautiful', 'ideal', 'cool', 'fancy',
  'noble', 'sexy', 'interesting', 'fun', 'admirable', 'attractive', 'impressive', 'wonderful', 'brilliant',
]);
/** What a hypothetical hangs on, and the wishes that work like it: "we could", "I'd love to". */
export const HYPOTHETICAL: ReadonlySet<string> = new Set(['could', 'might']);

// negation-dispositions.ts
/** Participles that turn an idea down whatever came before them. */
export const TURNED_DOWN: ReadonlySet<string> = new Set([
  'shelved', 'vetoed', 'scrapped', 'binned', 'nixed', 'descoped', 'deprioritised', 'deprioritized', 'canned', 'axed', 'parked',
]);
/** Participles that turn an idea down only after it was weighed ("X was tried and rejected"): "Spans with PII are rejected" is redaction. */
export const WEIGHED_THEN: ReadonlySet<string> = new Set(['rejected', 'killed', 'dropped', 'abandoned', 'cancelled', 'canceled']);
/** Two-word refusals: "ruled out", "turned down", "rolled back" (this one only after being weighed). */
export const RULED: ReadonlyMap<string, string> = new Map([['ruled', 'out'], ['turned', 'down'], ['voted', 'down'], ['rolled', 'back']]);
/** Active verbs of turning an idea down: "My lead vetoed X", "We ripped out X", "We sunset X". */
export const TURNING_DOWN: ReadonlySet<string> = new Set(['vetoed', 'vetoes', 'veto', 'scrapped', 'binned', 'nixed', 'axed', 'shelved', 'sunset', 'sunsetted', 'canned']);
/** Imperatives that set an idea aside at the start of a sentence: "Strike X from...", "Let's park X". */
export const SETTING_ASIDE: ReadonlySet<string> = new Set(['strike', 'park', 'shelve', 'scrap', 'nix', 'bin', 'axe', 'shelf']);
/** "X stays off the roadmap", "X stay off.", "X remains out of scope". */
export const STAYING: ReadonlySet<string> = new Set(['stays', 'stay', 'remains', 'remain']);
/** Nouns for whose business an idea is: "finance's job", "a governance project", "a Google problem". */
export const BUSINESS: ReadonlySet<string> = new Set(['job', 'problem', 'question', 'concern', 'responsibility', 'call', 'headache', 'department', 'project', 'issue', 'domain', 'decision', 'business', 'exercise']);

// negation-deferrals.ts
/** Verbs by which the candidate puts an idea off: "I'd defer X", "I'd push X to next quarter", "I'd keep X out of v1". */
export const DEFERRING_VERBS: ReadonlySet<string> = new Set(['defer', 'postpone', 'deprioritise', 'deprioritize', 'push', 'keep', 'put']);

/** "what", "because", "when"...: the words the mocking rules of negation-rhetoric.ts start from. */
export const RHETORIC_WORDS: ReadonlySet<string> = new Set(['because', 'when', 'what', 'in', 'said']);

/** Every word a sentence-level rule can start from. */
export const SENTENCE_RULE_WORDS: ReadonlySet<string> = new Set([
  ...REFUSALS, 'against', 'nobody', 'no', ...FAINT_PRAISE, 'sure', 'convinced', ...HYPOTHETICAL, 'love', 'like', 'would', 'something', 'anything',
  ...TURNED_DOWN, ...WEIGHED_THEN, ...RULED.keys(), ...TURNING_DOWN, ...SETTING_ASIDE, 'ripped', 'tore', 'voted', ...STAYING, ...BUSINESS, 'too',
  ...RHETORIC_WORDS, ...DEFERRING_VERBS, 'backlog', 'burner', 'someday', 'wishlist', 'icebox', 'shelf', 'little', 'itself', 'outweighs', 'outweigh', 'how', 'way', 'reason', 'why',
]);
