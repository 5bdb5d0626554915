import { HARM_WORDS } from './negation-judged.ts';
import { gapHas, markRejected, type Span } from './negation-marks.ts';
import { GAP_NEWLINE, GAP_SEPARATOR, GAP_TERMINATOR, normAt, type Tokens } from './tokenize.ts';

/*
 * An idea named as the way to a harm: "X is how you end up fixing a noisy retry loop while
 * checkout burns", "X is how you get an automated outage", and the ironic "X is a great way to
 * generate 300 tickets nobody closes". The subject before the copula is rejected. "X is how you
 * keep every error trace" and "X is a great way to cut the bill" name a benefit and keep X: the
 * clause after must hold a harm word (negation-judged.ts), except for "end up", which is always
 * a bad outcome. Each writes 1 + the index of its cue token into `out` for every rejected token
 * no earlier rule claimed.
 */

const CLAUSE_GAPS = GAP_SEPARATOR | GAP_TERMINATOR | GAP_NEWLINE;
const COPULAS: ReadonlySet<string> = new Set(['is', 'are', 'was', 'were', 'thats', 'its']);
/** Who takes the way: "how you", "how teams", "how people". */
const TAKERS: ReadonlySet<string> = new Set(['you', 'teams', 'people', 'companies', 'everyone', 'we', 'orgs']);
/** Compliments that, before "way to" and a harm, are ironic: "a great way to", "a perfect recipe for". */
const IRONIC: ReadonlySet<string> = new Set(['great', 'good', 'fantastic', 'perfect', 'wonderful', 'excellent', 'brilliant', 'fine', 'sure', 'fast', 'quick', 'reliable']);
/** More harms than negation-judged.ts lists, said of an idea's outcome. */
const OUTCOME_HARMS: ReadonlySet<string> = new Set(['broken', 'burns', 'burning', 'angry', 'outage', 'incident', 'incidents', 'pager', 'flapping', 'flaps', 'miss', 'misses', 'missed', 'lost', 'leak', 'leaks', 'leaked']);
const MAX_SUBJECT = 16;

/** Verbs that turn a harm after them into a benefit: "how you avoid outages", "a good way to cut toil". */
const PREVENTING: ReadonlySet<string> = new Set([
  'avoid', 'prevent', 'stop', 'cut', 'reduce', 'lower', 'save', 'catch', 'fix', 'survive', 'limit', 'protect', 'shrink', 'spot', 'detect',
  'find', 'debug', 'diagnose', 'without', 'before', 'never', 'not', 'no', 'less', 'fewer', 'kill', 'eliminate', 'remove', 'drop',
]);

/** The clause after `from` holds a harm word, and no word before it that prevents the harm. */
function harmAhead(tokens: Tokens, from: number, end: number): boolean {
  for (let at = from; at < end && (at === from || !gapHas(tokens, at, GAP_TERMINATOR | GAP_NEWLINE)); at += 1) {
    const word = normAt(tokens, at);
    if (PREVENTING.has(word)) return false;
    if (HARM_WORDS.has(word) || OUTCOME_HARMS.has(word)) return true;
  }
  return false;
}

/** The subject before the copula at `copula`: back to the sentence start, a comma or a colon, at most MAX_SUBJECT words. */
function markSubject(tokens: Tokens, out: Int32Array, copula: number, start: number, cue: number): void {
  let from = copula;
  while (from > start && copula - from < MAX_SUBJECT && !gapHas(tokens, from, CLAUSE_GAPS)) from -= 1;
  const first = normAt(tokens, from);
  // "That is how you...", "It's how you...": the idea is named before; those rules are negation.ts's.
  if (from < copula && first !== 'that' && first !== 'this' && first !== 'it') markRejected(out, from, copula, cue);
}

/** The ways to a harm in `sentence`; `triggered`: it holds "how" or "way". */
export function markIronicWays(tokens: Tokens, out: Int32Array, sentence: Span, triggered: boolean): void {
  if (!triggered) return;
  const { start, end } = sentence;
  for (let at = start + 1; at < end; at += 1) {
    const word = normAt(tokens, at);
    if (word === 'how' && COPULAS.has(normAt(tokens, at - 1)) && TAKERS.has(normAt(tokens, at + 1))) {
      const endUp = normAt(tokens, at + 2) === 'end' && normAt(tokens, at + 3) === 'up';
      if (endUp || harmAhead(tokens, at + 2, end)) markSubject(tokens, out, at - 1, start, at);
    } else if (word === 'way' && normAt(tokens, at + 1) === 'to' && IRONIC.has(normAt(tokens, at - 1)) && (normAt(tokens, at - 2) === 'a' || normAt(tokens, at - 2) === 'the')) {
      const copula = at - 3;
      if (COPULAS.has(normAt(tokens, copula)) && harmAhead(tokens, at + 2, end)) markSubject(tokens, out, copula, start, at);
    }
  }
}
