import { HARM_WORDS } from './negation-judged.ts';
import { gapHas, markRejected, type Span } from './negation-marks.ts';
import { GAP_NEWLINE, GAP_SEPARATOR, GAP_TERMINATOR, normAt, type Tokens } from './tokenize.ts';

/*
 * An idea named as the way to a harm: "X is how you end up fixing a noisy retry loop while
 * checkout burns", "X is how you get an automated outage", and the ironic "X is a great way to
 * generate 300 tickets nobody closes". The subject before the copula is rejected. "X is how you
 * keep every error trace" and "X is a great way to cut the bill" name a benefit and keep X: the
 * clause after must hold a harm word (negation-judged.ts), except for "end up", which is always
 * a bad outcome. The same holds for an idea named as the cause of one: "Sorting by count is the
 * main reason teams ignore these tools", "X is why nobody trusts the pager" (but "X is the reason
 * we ship fast" keeps X). Each writes 1 + the index of its cue token into `out` for every rejected
 * token no earlier rule claimed.
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
/** "the main reason", "a big reason", "the number one reason": words between the article and "reason". */
const REASON_QUALIFIERS: ReadonlySet<string> = new Set(['main', 'real', 'big', 'biggest', 'whole', 'only', 'number', 'one', 'single', 'top', 'first']);
/** What people do to a tool they stopped trusting: the harm a cause leads to. */
const DISTRUST: ReadonlySet<string> = new Set(['ignore', 'ignores', 'ignored', 'mute', 'mutes', 'muted', 'distrust', 'distrusts', 'abandon', 'abandoned', 'trusts', 'trust', 'hate', 'hates', 'quit']);

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

/** The copula before "reason" at `at` ("is the main reason"), or -1. */
function copulaBeforeReason(tokens: Tokens, at: number, start: number): number {
  let before = at - 1;
  while (before > start && REASON_QUALIFIERS.has(normAt(tokens, before))) before -= 1;
  const article = normAt(tokens, before);
  if (article !== 'the' && article !== 'a') return -1;
  return before - 1 > start && COPULAS.has(normAt(tokens, before - 1)) ? before - 1 : -1;
}

/** A harm after a cause: a harm word, or a word for distrust ("teams ignore it", "nobody trusts"). */
function distrustAhead(tokens: Tokens, from: number, end: number): boolean {
  for (let at = from; at < end && (at === from || !gapHas(tokens, at, GAP_TERMINATOR | GAP_NEWLINE)); at += 1) {
    const word = normAt(tokens, at);
    if (word === 'trust' || word === 'trusts') return normAt(tokens, at - 1) === 'nobody' || normAt(tokens, at - 1) === 'not' || normAt(tokens, at - 2) === 'not';
    if (DISTRUST.has(word)) return true;
  }
  return harmAhead(tokens, from, end);
}

/** The ways to (and causes of) a harm in `sentence`; `triggered`: it holds "how", "way", "reason" or "why". */
export function markIronicWays(tokens: Tokens, out: Int32Array, sentence: Span, triggered: boolean): void {
  if (!triggered) return;
  const { start, end } = sentence;
  for (let at = start + 1; at < end; at += 1) {
    const word = normAt(tokens, at);
    if (word === 'reason' || word === 'why') {
      const copula = word === 'why' ? (COPULAS.has(normAt(tokens, at - 1)) ? at - 1 : -1) : copulaBeforeReason(tokens, at, start);
      if (copula > start && distrustAhead(tokens, at + 1, end)) markSubject(tokens, out, copula, start, at);
      continue;
    }
    if (word === 'how' && COPULAS.has(normAt(tokens, at - 1)) && TAKERS.has(normAt(tokens, at + 1))) {
      const endUp = normAt(tokens, at + 2) === 'end' && normAt(tokens, at + 3) === 'up';
      if (endUp || harmAhead(tokens, at + 2, end)) markSubject(tokens, out, at - 1, start, at);
    } else if (word === 'way' && normAt(tokens, at + 1) === 'to' && IRONIC.has(normAt(tokens, at - 1)) && (normAt(tokens, at - 2) === 'a' || normAt(tokens, at - 2) === 'the')) {
      const copula = at - 3;
      if (COPULAS.has(normAt(tokens, copula)) && harmAhead(tokens, at + 2, end)) markSubject(tokens, out, copula, start, at);
    }
  }
}
