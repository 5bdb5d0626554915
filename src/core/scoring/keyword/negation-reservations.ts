import { gapHas, markRejected, wordTriggers, ruleWordAt } from './negation-marks.ts';
import { GAP_HYPHEN, GAP_NEWLINE, GAP_SEPARATOR, GAP_SPACE, GAP_TERMINATOR, normAt, type Tokens } from './tokenize.ts';
import { FAINT_PRAISE, HYPOTHETICAL } from './negation-rule-words.ts';

/*
 * Reservations: an idea granted a compliment or a doubt, then set aside.
 * - faint praise turned by "but" to the candidate's own plan: "X would be lovely, but it isn't
 *   happening", "X is a nice party trick, but honestly I'd simply provision double";
 * - a mere possibility turned from: "We could X, but we'd just...", "I'd love to X, but...";
 * - doubt in the candidate's voice: "I'm not sure X buys us much", "I'm not convinced X is needed";
 * - "X isn't something I'd plan around", "X is not something we need".
 * "X is great, but we also need Y" and "X is expensive, but we'd still run it" keep X: the turn
 * must not add to X or keep it. Each rule writes 1 + the index of its cue token into `out` for
 * every rejected token no earlier rule claimed.
 */

const CLAUSE_GAPS = GAP_SEPARATOR | GAP_TERMINATOR | GAP_NEWLINE;

/** What the compliment hangs on: "would be lovely", "is a nice party trick", "sounds clever". */
const PRAISE_LINKS: ReadonlySet<string> = new Set(['is', 'are', 'be', 'sounds', 'sound', 'looks', 'seems', 'thats', 'its', 'a', 'an', 'very', 'really', 'pretty', 'quite', 'all', 'in', 'theory']);
/** Who the turn hands the plan to: the candidate, or "it" in "but it isn't happening". */
const TURN_SUBJECTS: ReadonlySet<string> = new Set(['i', 'we', 'id', 'wed', 'ill', 'well', 'im', 'were', 'honestly', 'frankly', 'realistically', 'here', 'for', 'in', 'it', 'thats', 'that', 'our', 'my']);
/** Words in the turn that keep the idea: "but we also need Y", "but we'd still run it". */
const KEEPING: ReadonlySet<string> = new Set(['also', 'still', 'too', 'anyway', 'worth', 'as']);
/** The longest subject a compliment looks back over. */
const MAX_SUBJECT = 20;
const MAX_TURN_DISTANCE = 8;

/** The start of the clause holding `index` inside [start, index]: back to a colon, semicolon or sentence start (not a comma). */
function subjectFrom(tokens: Tokens, index: number, start: number): number {
  let at = index;
  while (at > start && index - at < MAX_SUBJECT && !gapHas(tokens, at, GAP_TERMINATOR | GAP_NEWLINE)) at -= 1;
  return at;
}

/** The start of the clause holding `index`: back to any punctuation (a comma, a parenthesis...), not only a sentence end. */
function clauseFrom(tokens: Tokens, index: number, start: number): number {
  let at = index;
  while (at > start && index - at < MAX_SUBJECT && ((tokens.gaps[at] ?? 0) & ~(GAP_SPACE | GAP_HYPHEN)) === 0) at -= 1;
  return at;
}

/** The ", but" within `limit` words after `from` in the same sentence and line, or -1. */
function butTurn(tokens: Tokens, from: number, end: number, limit: number): number {
  for (let index = from + 1; index < end && index <= from + limit; index += 1) {
    if (normAt(tokens, index) === 'but' && gapHas(tokens, index, GAP_SEPARATOR)) return index;
    if (gapHas(tokens, index, GAP_TERMINATOR | GAP_NEWLINE)) return -1;
  }
  return -1;
}

/** "X would be lovely, but it isn't happening", "X is a nice party trick, but honestly I'd simply...". */
function markFaintPraise(tokens: Tokens, out: Int32Array, praise: number, start: number, end: number): void {
  // The compliment hangs on a link verb just before it: "is a nice", "would be lovely", "sounds clever".
  let link = praise - 1;
  while (link > start && praise - link <= 4 && PRAISE_LINKS.has(normAt(tokens, link)) && !isVerbLink(normAt(tokens, link))) link -= 1;
  if (!isVerbLink(normAt(tokens, link)) || link <= start) return;
  const turn = butTurn(tokens, praise, end, MAX_TURN_DISTANCE);
  if (turn < 0 || !TURN_SUBJECTS.has(normAt(tokens, turn + 1))) return;
  for (let index = turn + 1; index < end && !gapHas(tokens, index, GAP_TERMINATOR); index += 1) if (KEEPING.has(normAt(tokens, index))) return;
  let subjectEnd = link;
  // "would be lovely": the modal belongs to the verdict, not the subject.
  while (subjectEnd > start && (normAt(tokens, subjectEnd - 1) === 'would' || normAt(tokens, subjectEnd - 1) === 'could' || normAt(tokens, subjectEnd - 1) === 'might')) subjectEnd -= 1;
  const from = subjectFrom(tokens, subjectEnd, start);
  if (from < subjectEnd) markRejected(out, from, subjectEnd, turn);
}

function isVerbLink(word: string): boolean {
  return word === 'is' || word === 'are' || word === 'be' || word === 'sounds' || word === 'sound' || word === 'looks' || word === 'seems' || word === 'thats' || word === 'its';
}

/** Who can hold an idea as a mere possibility: "we could", "you might", "teams could". */
const POSSIBLE_HOLDERS: ReadonlySet<string> = new Set(['we', 'i', 'you', 'one', 'they', 'teams', 'someone', 'people']);
/** Praise that, under "would be" or "could be", is a hypothetical: "X would be useful, but...". */
const CONDITIONAL_PRAISE: ReadonlySet<string> = new Set(['useful', 'helpful', 'handy', 'valuable', 'good', 'smart', 'sensible', 'worthwhile', 'better']);

/**
 * "We could X, but honestly we'd just scale everything", "I'd love to X, but...", "X would be
 * useful, but we'll...": an idea held as a possibility, then turned from by the candidate.
 */
function markHypothetical(tokens: Tokens, out: Int32Array, modal: number, start: number, end: number): void {
  const word = normAt(tokens, modal);
  let from: number;
  if (HYPOTHETICAL.has(word)) {
    if (!POSSIBLE_HOLDERS.has(normAt(tokens, modal - 1))) return;
    from = modal + 1;
  } else if (word === 'love' || word === 'like') {
    // "I'd love to X", "we'd like to X".
    const who = normAt(tokens, modal - 1);
    if ((who !== 'id' && who !== 'wed') || normAt(tokens, modal + 1) !== 'to') return;
    from = modal + 2;
  } else {
    // "X would be useful, but": the subject before "would".
    if (normAt(tokens, modal + 1) !== 'be' || !CONDITIONAL_PRAISE.has(normAt(tokens, modal + 2))) return;
    const subject = subjectFrom(tokens, modal, start);
    if (subject >= modal) return;
    from = subject;
  }
  const turn = butTurn(tokens, modal, end, MAX_SUBJECT);
  if (turn < 0 || !TURN_SUBJECTS.has(normAt(tokens, turn + 1))) return;
  for (let index = turn + 1; index < end && !gapHas(tokens, index, GAP_TERMINATOR); index += 1) if (KEEPING.has(normAt(tokens, index)) || normAt(tokens, index) === 'only') return;
  if (from < turn) markRejected(out, from, turn, turn);
}

/** "I'm not sure X buys us much", "we're not convinced that X pays off": what follows is doubted, to the clause's end. */
function markDoubt(tokens: Tokens, out: Int32Array, doubt: number, end: number): void {
  if (normAt(tokens, doubt - 1) !== 'not') return;
  const who = normAt(tokens, doubt - 2);
  if (who !== 'im' && who !== 'am' && who !== 'were' && who !== 'are' && who !== 'still') return;
  // "not sure yet", "not sure." doubt nothing named after them.
  let from = doubt + 1;
  if (normAt(tokens, from) === 'that' || normAt(tokens, from) === 'whether' || normAt(tokens, from) === 'about') from += 1;
  if (from >= end || gapHas(tokens, from, CLAUSE_GAPS)) return;
  let to = from;
  while (to < end && !gapHas(tokens, to, GAP_SEPARATOR | GAP_TERMINATOR | GAP_NEWLINE)) to += 1;
  markRejected(out, from, to, doubt);
}

/** "X isn't something I'd plan around", "X is not something we need". */
function markNotSomething(tokens: Tokens, out: Int32Array, something: number, start: number): void {
  const before = normAt(tokens, something - 1);
  if (before !== 'not' && before !== 'isnt' && before !== 'arent') return;
  const after = normAt(tokens, something + 1);
  if (!TURN_SUBJECTS.has(after) || after === 'it' || after === 'that') return;
  let copula = something - 1;
  if (before === 'not' && (normAt(tokens, copula - 1) === 'is' || normAt(tokens, copula - 1) === 'are')) copula -= 1;
  // "We load test each service (a whole-system replay is not something we'd bother with)": the aside's own subject.
  const from = clauseFrom(tokens, copula, start);
  if (from < copula) markRejected(out, from, copula, something);
}

const TRIGGER_PRAISE = 1;
const TRIGGER_DOUBT = 2;
const TRIGGER_HYPOTHETICAL = 3;
const TRIGGER_SOMETHING = 4;
/** The words the rules start from, looked up once per word. */
const TRIGGERS = wordTriggers([
  [TRIGGER_PRAISE, FAINT_PRAISE], [TRIGGER_DOUBT, ['sure', 'convinced']], [TRIGGER_HYPOTHETICAL, [...HYPOTHETICAL, 'love', 'like', 'would']],
  [TRIGGER_SOMETHING, ['something', 'anything']],
]);

/** The words that can start a reservation: a sentence without one skips these rules. */
export const RESERVATION_TRIGGER_WORDS: readonly string[] = [...FAINT_PRAISE, 'sure', 'convinced', ...HYPOTHETICAL, 'love', 'like', 'would', 'something', 'anything'];

/** The reservations in the sentence [start, end). */
export function markReservations(tokens: Tokens, out: Int32Array, start: number, end: number): void {
  for (let at = start; at < end; at += 1) {
    const trigger = TRIGGERS.of(ruleWordAt(tokens, at));
    if (trigger === TRIGGER_PRAISE) markFaintPraise(tokens, out, at, start, end);
    else if (trigger === TRIGGER_DOUBT) markDoubt(tokens, out, at, end);
    else if (trigger === TRIGGER_HYPOTHETICAL) markHypothetical(tokens, out, at, start, end);
    else if (trigger === TRIGGER_SOMETHING) markNotSomething(tokens, out, at, start);
  }
}
