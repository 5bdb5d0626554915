import type { TextReader } from './answer-text.ts';
import { RHETORIC_WORDS } from './negation-rule-words.ts';
import { endsWithQuestion, gapHas, markRejected, spells, type Span, ruleWordAt } from './negation-marks.ts';
import { GAP_SEPARATOR, normAt, type Tokens } from './tokenize.ts';

/*
 * Rejections by rhetoric, which say the opposite of their words (negation-discourse.ts reads the
 * sarcastic replies that open a sentence; these are the shapes it does not reach):
 * - a question nobody is meant to answer: "Why would I X when the vendor bills a flat rate?",
 *   "Who in their right mind pays for X?", "What's X going to tell me that the on-call doesn't
 *   already know?" (a "Because ..." reply takes it at face value);
 * - sarcasm: "Oh sure, let's X.", "Ah yes, X — ...", "X, sure, when pigs fly", "X, because what
 *   executives really need is a fourth dashboard", "... What could possibly go wrong."
 * Each writes 1 + the index of its cue token into `out` for every rejected token no earlier rule claimed.
 */

/** Who a rhetorical "why would ..." asks about: "Why would I", "why would anyone", "why should we". */
const ASKED: ReadonlySet<string> = new Set(['i', 'we', 'you', 'anyone', 'anybody', 'someone', 'somebody', 'they', 'a', 'any', 'one']);
/** Replies that answer a question and so keep its idea: "Why would we keep every error? Because ...". */
const ANSWERS: ReadonlySet<string> = new Set(['because', 'to', 'so', 'yes', 'simple', 'easy', 'well']);
/** "... that the on-call doesn't already know?": the question's own answer is "nothing". */
const ALREADY_NEGATED: ReadonlySet<string> = new Set(['doesnt', 'dont', 'cant', 'isnt', 'arent', 'wont', 'didnt']);

/** The sentence [start, end) asks a question that answers itself; its first token is the cue. */
function rhetorical(tokens: Tokens, start: number, end: number): boolean {
  let at = start;
  if (normAt(tokens, at) === 'so' || normAt(tokens, at) === 'and' || normAt(tokens, at) === 'but' || normAt(tokens, at) === 'honestly') at += 1;
  const first = normAt(tokens, at);
  const modal = normAt(tokens, at + 1);
  if (first === 'why' && (modal === 'would' || modal === 'should' || modal === 'bother') && (modal === 'bother' || ASKED.has(normAt(tokens, at + 2)))) return true;
  if (first === 'who' && spells(tokens, at + 1, ['in', 'their', 'right', 'mind'])) return true;
  // "What's X going to tell me that Y doesn't already know?", "What does X give us that Y doesn't?"
  if (first === 'whats' || first === 'what') {
    let that = false;
    for (let index = at + 2; index < end; index += 1) {
      const word = normAt(tokens, index);
      if (word === 'that') that = true;
      else if (that && ALREADY_NEGATED.has(word)) return true;
    }
  }
  return false;
}

/** Sarcastic openers: "Oh sure, let's X", "Ah yes, X", "Yeah, because ...", "Oh great, another X". */
const SARCASTIC_OPENERS: readonly (readonly string[])[] = [
  ['oh', 'sure'], ['ah', 'yes'], ['oh', 'yes'], ['oh', 'great'], ['oh', 'good'], ['oh', 'yeah'], ['yeah', 'because'], ['sure', 'because'],
  ['sure', 'right', 'after'], ['right', 'after', 'we'], ['sure', 'once', 'we'], ['ah', 'yes'], ['oh', 'absolutely'], ['oh', 'definitely'],
];
/** The first words of SARCASTIC_OPENERS: most sentences start with none of them. */
const OPENER_FIRSTS: ReadonlySet<string> = new Set(SARCASTIC_OPENERS.map((opener) => opener[0] ?? ''));
/** Idioms that mock what they stand beside, anywhere in a sentence. */
const MOCKING_IDIOMS: readonly (readonly string[])[] = [
  ['when', 'pigs', 'fly'], ['what', 'could', 'possibly', 'go', 'wrong'], ['in', 'this', 'economy'], ['said', 'no', 'one', 'ever'],
];

function startsWithAny(tokens: Tokens, at: number, phrases: readonly (readonly string[])[]): number {
  // An indexed loop: for...of made an iterator object per call, on every sentence.
  for (let index = 0; index < phrases.length; index += 1) {
    const phrase = phrases[index] ?? [];
    if (spells(tokens, at, phrase)) return phrase.length;
  }
  return 0;
}

/** "X, because what executives really need is a fourth dashboard": the clause before, and what "is" names. */
function markBecauseWhat(tokens: Tokens, out: Int32Array, because: number, start: number, end: number): void {
  if (normAt(tokens, because + 1) !== 'what') return;
  let is = -1;
  for (let index = because + 2; index < end && index <= because + 8; index += 1) {
    const word = normAt(tokens, index);
    if ((word === 'is' || word === 'are') && (normAt(tokens, index - 1) === 'need' || normAt(tokens, index - 1) === 'needs' || normAt(tokens, index - 1) === 'want' || normAt(tokens, index - 1) === 'wants')) {
      is = index;
      break;
    }
  }
  if (is < 0) return;
  if (because > start) markRejected(out, start, because, because);
  markRejected(out, is + 1, end, because);
}

/** The words that can start a mocking rule read inside a sentence: a sentence without one skips that loop. */
export const RHETORIC_TRIGGER_WORDS: readonly string[] = [...RHETORIC_WORDS];

/** The rhetoric of `sentence`; `next`: the first token of the sentence after, or -1; `triggered`: it holds one of RHETORIC_TRIGGER_WORDS. */
export function markRhetoric(tokens: Tokens, text: TextReader, out: Int32Array, sentence: Span, previous: Span | undefined, next: number, triggered: boolean): void {
  const { start, end } = sentence;
  if (rhetorical(tokens, start, end) && endsWithQuestion(tokens, text, end) && !(next >= 0 && ANSWERS.has(normAt(tokens, next)))) markRejected(out, start + 1, end, start);
  const opener = OPENER_FIRSTS.has(normAt(tokens, start)) ? startsWithAny(tokens, start, SARCASTIC_OPENERS) : 0;
  if (opener > 0) {
    markRejected(out, start + opener, end, start);
    // "X? Sure, right after we finish the other forty quick wins.": the question is the target.
    if (previous && endsWithQuestion(tokens, text, previous.end)) markRejected(out, previous.start, previous.end, start);
  }
  if (!triggered) return;
  for (let at = start; at < end; at += 1) {
    const word = ruleWordAt(tokens, at);
    if (word === 'because' && at > start && gapHas(tokens, at, GAP_SEPARATOR)) markBecauseWhat(tokens, out, at, start, end);
    const idiom = word === 'when' || word === 'what' || word === 'in' || word === 'said' ? startsWithAny(tokens, at, MOCKING_IDIOMS) : 0;
    if (idiom === 0) continue;
    // "In this economy?" mocks only as a sentence of its own ("In this economy, costs matter" is a reason).
    if (word === 'in' && !(at === start && idiom === end - start)) continue;
    // "X, sure, when pigs fly": the clauses before; "What could possibly go wrong." alone: the sentence before.
    if (at > start) markRejected(out, start, at, at);
    else if (previous) markRejected(out, previous.start, previous.end, at);
    // "when pigs fly and our collectors have 64 GB of RAM": the condition that never comes.
    if (word === 'when') markRejected(out, at + idiom, end, at);
  }
}
