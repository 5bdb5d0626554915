import type { TextReader } from './answer-text.ts';
import { COLON, gapHas, holdsCode, markRejected, ruleWordAt, spells, type Span } from './negation-marks.ts';
import { DEFERRING_VERBS } from './negation-rule-words.ts';
import { GAP_NEWLINE, GAP_SEPARATOR, GAP_TERMINATOR, normAt, type Tokens } from './tokenize.ts';

/*
 * Ideas put off or priced low, in words that negate nothing:
 * - deferred by the candidate: "I'd defer X to phase two", "let's postpone X", "I'd push X to next
 *   quarter", "I'd keep X out of the first version", "I'd put X on the back burner";
 * - left on a list that is never worked: "X goes on the backlog", "X sits on the someday list";
 * - worth little: "X adds little", "X is of little value", "I see little value in X", "X doesn't
 *   earn its keep", "X wouldn't pay for itself", "the effort of X outweighs the benefit".
 * "We delay alerts by five minutes" is a design, so only the candidate's own modal ("I'd", "let's")
 * makes a deferral. Each writes 1 + the index of its cue token into `out` for every rejected token
 * no earlier rule claimed.
 */

const CLAUSE_GAPS = GAP_SEPARATOR | GAP_TERMINATOR | GAP_NEWLINE;

/** Who defers: the candidate's own modal or an imperative "let's". */
const DEFERRERS: ReadonlySet<string> = new Set(['id', 'wed', 'would', 'lets', 'ill', 'well', 'should', 'can', 'could', 'just', 'simply', 'happily']);
/** Where a pushed idea lands: "to next quarter", "to phase two", "to later", "to v2". */
const LATER: ReadonlySet<string> = new Set(['next', 'later', 'phase', 'v2', 'v3', 'someday', 'version']);
/** Lists nobody works through: "the backlog", "the back burner", "the someday list". */
const SHELVES: ReadonlySet<string> = new Set(['backlog', 'burner', 'someday', 'wishlist', 'icebox', 'shelf']);
/** What a low-value idea does: "adds little", "brings little", "buys us little". */
const YIELDING: ReadonlySet<string> = new Set(['adds', 'add', 'brings', 'bring', 'buys', 'buy', 'gives', 'give', 'offers', 'offer', 'gains', 'gain']);

/** The start of the clause ending before `to`: back to the sentence start, a comma or a colon. */
function clauseFrom(tokens: Tokens, text: TextReader, to: number, start: number): number {
  let at = to;
  while (at > start && !gapHas(tokens, at, CLAUSE_GAPS) && !holdsCode(text, tokens.ends[at - 1] ?? 0, tokens.starts[at] ?? 0, COLON)) at -= 1;
  return at;
}

/** The object from `from` to the first of `stops` or the clause's end. */
function objectEnd(tokens: Tokens, from: number, end: number, stops: ReadonlySet<string>): number {
  let to = from;
  while (to < end && (to === from || !gapHas(tokens, to, CLAUSE_GAPS)) && !stops.has(normAt(tokens, to))) to += 1;
  return to;
}

const PUSH_STOPS: ReadonlySet<string> = new Set(['to', 'until', 'till', 'into', 'out', 'on', 'for']);

/** "I'd defer X to phase two", "I'd push X to next quarter", "I'd keep X out of v1", "I'd put X on the back burner". */
function markDeferred(tokens: Tokens, out: Int32Array, verb: number, end: number): void {
  if (!DEFERRERS.has(normAt(tokens, verb - 1))) return;
  const word = normAt(tokens, verb);
  const stop = objectEnd(tokens, verb + 1, end, PUSH_STOPS);
  if (stop === verb + 1) return;
  const after = normAt(tokens, stop);
  let deferred = DEFERRING_VERBS.has(word) && word !== 'push' && word !== 'keep' && word !== 'put';
  // "push X to next quarter / to later / to phase two".
  if (word === 'push') deferred = (after === 'to' || after === 'until') && LATER.has(normAt(tokens, stop + 1));
  // "keep X out of the first version" (not "keep X out of the logs": PII kept out is redaction).
  if (word === 'keep') deferred = after === 'out' && normAt(tokens, stop + 1) === 'of' && (LATER.has(normAt(tokens, stop + 2)) || spells(tokens, stop + 2, ['the', 'first']) || spells(tokens, stop + 2, ['v1']) || spells(tokens, stop + 2, ['the', 'plan']) || spells(tokens, stop + 2, ['scope']));
  // "put X on the back burner / the backlog".
  if (word === 'put') deferred = after === 'on' && (SHELVES.has(normAt(tokens, stop + 2)) || SHELVES.has(normAt(tokens, stop + 3)));
  if (deferred) markRejected(out, verb + 1, stop, verb);
}

/** "X goes on the backlog", "X sits on the back burner": the subject before the verb. */
function markShelved(tokens: Tokens, text: TextReader, out: Int32Array, shelf: number, start: number): void {
  // "on the backlog", "on the back burner", "on the someday list": the verb before "on".
  let on = shelf - 1;
  while (on > start && shelf - on <= 3 && normAt(tokens, on) !== 'on') on -= 1;
  if (normAt(tokens, on) !== 'on' || on - 1 <= start) return;
  const verb = on - 1;
  const word = normAt(tokens, verb);
  if (word !== 'goes' && word !== 'go' && word !== 'sits' && word !== 'sit' && word !== 'lives' && word !== 'stays' && word !== 'is' && word !== 'are') return;
  const from = clauseFrom(tokens, text, verb, start);
  if (from < verb) markRejected(out, from, verb, shelf);
}

/** "X adds little", "X is of little value", "I see little value in X". */
function markLittle(tokens: Tokens, text: TextReader, out: Int32Array, little: number, start: number, end: number): void {
  const before = normAt(tokens, little - 1);
  const beforeThat = normAt(tokens, little - 2);
  const next = normAt(tokens, little + 1);
  // "I see little value in X", "there's little point in X": what follows "in".
  if ((next === 'value' || next === 'point' || next === 'benefit' || next === 'use') && normAt(tokens, little + 2) === 'in') {
    const to = objectEnd(tokens, little + 3, end, EMPTY_STOPS);
    if (to > little + 3) markRejected(out, little + 3, to, little);
    return;
  }
  // "X adds little", "X buys us little", "X is of little value": the subject before.
  let verb = -1;
  if (YIELDING.has(before)) verb = little - 1;
  else if ((before === 'us' || before === 'you') && YIELDING.has(beforeThat)) verb = little - 2;
  else if (before === 'of' && (beforeThat === 'is' || beforeThat === 'are')) verb = little - 2;
  if (verb <= start) return;
  const from = clauseFrom(tokens, text, verb, start);
  if (from < verb) markRejected(out, from, verb, little);
}
const EMPTY_STOPS: ReadonlySet<string> = new Set();
/** What outweighing in favour of an idea starts with: "The benefit of X outweighs the cost". */
const GAINS: ReadonlySet<string> = new Set(['benefit', 'benefits', 'value', 'upside', 'gain', 'gains', 'savings', 'payoff']);

/** "X doesn't earn its keep", "X wouldn't pay for itself", "the effort of X outweighs the benefit". */
function markNotPaying(tokens: Tokens, text: TextReader, out: Int32Array, word: number, start: number): void {
  const text0 = normAt(tokens, word);
  let verb = -1;
  if (text0 === 'keep' && normAt(tokens, word - 1) === 'its' && normAt(tokens, word - 2) === 'earn') verb = word - 2;
  else if (text0 === 'itself' && normAt(tokens, word - 1) === 'for' && normAt(tokens, word - 2) === 'pay') verb = word - 2;
  else if ((text0 === 'outweighs' || text0 === 'outweigh') && normAt(tokens, word - 1) !== 'benefit' && normAt(tokens, word - 1) !== 'benefits') verb = word + 1;
  if (verb < 0) return;
  if (text0 === 'outweighs' || text0 === 'outweigh') {
    // "The cost of X outweighs the benefit": X is the cost's ("The benefit of X outweighs the cost" approves).
    const from = clauseFrom(tokens, text, word, start);
    const head = normAt(tokens, from) === 'the' ? normAt(tokens, from + 1) : normAt(tokens, from);
    if (GAINS.has(head)) return;
    if (from < word) markRejected(out, from, word, word);
    return;
  }
  // "doesn't earn", "wouldn't pay", "won't pay": a refusal before the verb.
  const refusal = normAt(tokens, verb - 1);
  if (refusal !== 'doesnt' && refusal !== 'wouldnt' && refusal !== 'wont' && refusal !== 'never' && refusal !== 'dont' && refusal !== 'not') return;
  const from = clauseFrom(tokens, text, verb - 1, start);
  if (from < verb - 1) markRejected(out, from, verb - 1, word);
}

/** The deferrals and low-value verdicts in `sentence` (called for sentences holding one of DEFERRAL_WORDS). */
export function markDeferrals(tokens: Tokens, text: TextReader, out: Int32Array, sentence: Span): void {
  const { start, end } = sentence;
  for (let at = start; at < end; at += 1) {
    const word = ruleWordAt(tokens, at);
    if (word === '') continue;
    if (DEFERRING_VERBS.has(word)) markDeferred(tokens, out, at, end);
    if (SHELVES.has(word)) markShelved(tokens, text, out, at, start);
    else if (word === 'little') markLittle(tokens, text, out, at, start, end);
    if (word === 'keep' || word === 'itself' || word === 'outweighs' || word === 'outweigh') markNotPaying(tokens, text, out, at, start);
  }
}

/** The words markDeferrals starts from. */
export const DEFERRAL_TRIGGER_WORDS: readonly string[] = [...DEFERRING_VERBS, ...SHELVES, 'little', 'itself', 'outweighs', 'outweigh'];
