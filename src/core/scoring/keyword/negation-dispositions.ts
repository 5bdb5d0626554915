import type { TextReader } from './answer-text.ts';
import { COLON, gapHas, holdsCode, markRejected, wordTriggerBits, ruleWordAt } from './negation-marks.ts';
import type { Span } from './negation-marks.ts';
import { GAP_NEWLINE, GAP_SEPARATOR, GAP_TERMINATOR, normAt, type Tokens } from './tokenize.ts';
import { BUSINESS, RULED, SETTING_ASIDE, STAYING, TURNED_DOWN, TURNING_DOWN, WEIGHED_THEN } from './negation-rule-words.ts';

/*
 * What became of an idea, told as its fate rather than by a negating word:
 * - turned down after deliberation, in the passive: "X was considered, discussed at length, and
 *   shelved", "X were evaluated and ruled out", "X got killed in design review";
 * - turned down by someone, in the active: "My lead vetoed X", "We ripped out X", "The team
 *   voted X down", "Strike X from the process", "Let's park X";
 * - kept out: "X stays off the roadmap", "X stay off";
 * - handed to someone else: "X is finance's job, not mine", "X is a governance project, not
 *   observability", "X is a Google problem";
 * - too early: "Too early for X";
 * - set against another choice or another world: "Over X, I'd pick Y", "Were we a bank, I'd X".
 * Each writes 1 + the index of its cue token into `out` for every rejected token no earlier rule claimed.
 */

const CLAUSE_GAPS = GAP_SEPARATOR | GAP_TERMINATOR | GAP_NEWLINE;

/** How an idea is weighed before it is turned down. */
const WEIGHING: ReadonlySet<string> = new Set([
  'considered', 'evaluated', 'discussed', 'proposed', 'tried', 'trialled', 'trialed', 'piloted', 'prototyped', 'debated',
  'raised', 'suggested', 'floated', 'explored', 'investigated', 'assessed', 'benchmarked', 'out', 'hated', 'pitched',
]);
/** The auxiliaries of a passive: "X was ... shelved", "X got killed". */
const PASSIVE_AUXILIARIES: ReadonlySet<string> = new Set(['was', 'were', 'got', 'been', 'is', 'are', 'gets', 'get']);
/** A subject between the auxiliary and the participle ends the passive: "X was fine until we shelved it". */
const SUBJECTS: ReadonlySet<string> = new Set(['we', 'i', 'they', 'you', 'he', 'she', 'it', 'wed', 'id', 'weve', 'ive']);
const MAX_PASSIVE_CHAIN = 10;
/** What makes a refusal conditional or automatic: a design's safeguard. */
const SAFEGUARDS: ReadonlySet<string> = new Set(['if', 'when', 'whenever', 'unless', 'automatically', 'on', 'once', 'after']);

/** The start of the subject ending before `to`: back to the sentence start, a line start, a colon or a ", and". */
function subjectFrom(tokens: Tokens, text: TextReader, to: number, start: number): number {
  let at = to;
  while (at > start && !gapHas(tokens, at, GAP_TERMINATOR | GAP_NEWLINE) && !colonBefore(tokens, text, at)) at -= 1;
  return at;
}

function colonBefore(tokens: Tokens, text: TextReader, at: number): boolean {
  return at > 0 && holdsCode(text, tokens.ends[at - 1] ?? 0, tokens.starts[at] ?? 0, COLON);
}

/** A refusal at `at`: REFUSAL_PLAIN or REFUSAL_WEIGHED (plus 1 for a two-word one), or 0. A number, not a record: this runs on every word. */
const REFUSAL_PLAIN = 2;
const REFUSAL_WEIGHED = 4;
function refusalAt(tokens: Tokens, at: number): number {
  const word = normAt(tokens, at);
  if (TURNED_DOWN.has(word)) return REFUSAL_PLAIN;
  if (WEIGHED_THEN.has(word)) return REFUSAL_WEIGHED;
  const particle = RULED.get(word);
  if (particle !== undefined && normAt(tokens, at + 1) === particle) return (word === 'rolled' ? REFUSAL_WEIGHED : REFUSAL_PLAIN) + 1;
  return 0;
}

/** "X was considered, discussed at length, and shelved", "X got killed in design review". */
function markPassive(tokens: Tokens, text: TextReader, out: Int32Array, refusal: number, weighedNeeded: boolean, start: number): void {
  // "every cut is reviewed and dropped if it hurt an investigation", "rolled back automatically": a safeguard, not a verdict.
  if (SAFEGUARDS.has(normAt(tokens, refusal + 1)) || SAFEGUARDS.has(normAt(tokens, refusal + 2))) return;
  let weighed = false;
  for (let at = refusal - 1; at > start && refusal - at <= MAX_PASSIVE_CHAIN; at -= 1) {
    const word = normAt(tokens, at);
    if (SUBJECTS.has(word) || gapHas(tokens, at + 1, GAP_TERMINATOR | GAP_NEWLINE)) return;
    if (WEIGHING.has(word)) weighed = true;
    if (!PASSIVE_AUXILIARIES.has(word)) continue;
    // "got killed" is a plan's fate; "are rejected", "get dropped" may be what the design does to data.
    if (weighedNeeded && !weighed && word !== 'got') return;
    let subjectEnd = at;
    while (subjectEnd > start && (normAt(tokens, subjectEnd - 1) === 'has' || normAt(tokens, subjectEnd - 1) === 'have' || normAt(tokens, subjectEnd - 1) === 'had')) subjectEnd -= 1;
    const from = subjectFrom(tokens, text, subjectEnd, start);
    if (from < subjectEnd) markRejected(out, from, subjectEnd, refusal);
    return;
  }
}


/** The object after `from`, to its clause's end: "vetoed runbooks for every alert, and she was right". */
function markObject(tokens: Tokens, out: Int32Array, from: number, end: number, cue: number): void {
  let to = from;
  while (to < end && (to === from || !gapHas(tokens, to, CLAUSE_GAPS))) to += 1;
  if (to > from) markRejected(out, from, to, cue);
}

function markActive(tokens: Tokens, out: Int32Array, verb: number, start: number, end: number): void {
  const word = normAt(tokens, verb);
  // "we ripped out X" / "ripped X out".
  if (word === 'ripped' || word === 'tore') {
    if (normAt(tokens, verb + 1) === 'out') markObject(tokens, out, verb + 2, end, verb);
    return;
  }
  // "The team voted X down 5-1": the object sits between "voted" and "down".
  if (word === 'voted') {
    for (let at = verb + 2; at < end && at <= verb + 8 && !gapHas(tokens, at, CLAUSE_GAPS); at += 1) {
      if (normAt(tokens, at) === 'down') {
        markRejected(out, verb + 1, at, verb);
        return;
      }
    }
    return;
  }
  if (TURNING_DOWN.has(word)) {
    // "vetoed" after "was"/"got" is the passive rule's.
    if (PASSIVE_AUXILIARIES.has(normAt(tokens, verb - 1))) return;
    if (verb > start || word === 'veto') markObject(tokens, out, verb + 1, end, verb);
    return;
  }
  if (SETTING_ASIDE.has(word)) {
    const opens = verb === start || (verb === start + 1 && (normAt(tokens, start) === 'lets' || normAt(tokens, start) === 'just')) || gapHas(tokens, verb, GAP_SEPARATOR);
    if (opens) markObject(tokens, out, verb + 1, end, verb);
  }
}

/** What may follow "off"/"out" and still be a refusal: "off the roadmap", "out of scope". */
const KEPT_OFF: readonly (readonly string[])[] = [[], ['the', 'roadmap'], ['the', 'plan'], ['the', 'table'], ['of', 'scope'], ['of', 'the', 'plan'], ['of', 'the', 'design'], ['of', 'the', 'roadmap'], ['for', 'now']];

function markStaysOff(tokens: Tokens, text: TextReader, out: Int32Array, verb: number, start: number, end: number): void {
  const where = normAt(tokens, verb + 1);
  if (where !== 'off' && where !== 'out') return;
  let refusal = false;
  for (let which = 0; which < KEPT_OFF.length; which += 1) {
    const tail = KEPT_OFF[which] ?? [];
    let matches = true;
    for (let offset = 0; offset < tail.length && matches; offset += 1) matches = normAt(tokens, verb + 2 + offset) === tail[offset];
    const after = verb + 2 + tail.length;
    if (matches && (after >= end || gapHas(tokens, after, CLAUSE_GAPS))) refusal = true;
  }
  if (!refusal) return;
  // The subject: back to the clause start (after "Unless a regulator asks for it," too).
  let from = verb;
  while (from > start && !gapHas(tokens, from, CLAUSE_GAPS) && !colonBefore(tokens, text, from) && !SUBJECTS.has(normAt(tokens, from - 1))) from -= 1;
  if (from < verb && !SUBJECTS.has(normAt(tokens, from))) markRejected(out, from, verb, verb);
}

/** Who an idea belongs to when it is a problem of theirs, not ours: "a Google problem". */
const OTHERS: ReadonlySet<string> = new Set(['google', 'netflix', 'amazon', 'facebook', 'meta', 'hyperscaler', 'bank', 'faang', 'enterprise', 'someone', 'somebody']);
const LINKS: ReadonlySet<string> = new Set(['is', 'are', 'thats', 'its', 'was', 'sounds', 'feels']);
const HEDGES: ReadonlySet<string> = new Set(['just', 'only', 'merely', 'simply', 'also']);

/** "X is finance's job, not mine", "That's a management problem, not an engineering one", "X is a Google problem". */
function markOthersBusiness(tokens: Tokens, text: TextReader, out: Int32Array, noun: number, start: number, end: number, previous: Span | undefined): void {
  let link = noun - 1;
  while (link > start && noun - link <= 4 && !LINKS.has(normAt(tokens, link))) {
    if (gapHas(tokens, link + 1, CLAUSE_GAPS)) break;
    link -= 1;
  }
  // "WORM buckets: compliance's call, not ours": the colon links the idea to whose business it is.
  const colonLinked = !LINKS.has(normAt(tokens, link));
  if (colonLinked) {
    link = noun;
    while (link > start && noun - link < 3 && !colonBefore(tokens, text, link)) link -= 1;
    if (link <= start || !colonBefore(tokens, text, link)) return;
  }
  const contrast = noun + 1 < end && gapHas(tokens, noun + 1, GAP_SEPARATOR) && normAt(tokens, noun + 1) === 'not' && !HEDGES.has(normAt(tokens, noun + 2));
  let others = false;
  const deflected = DEFLECTED.has(normAt(tokens, noun));
  for (let at = colonLinked ? link : link + 1; at < noun; at += 1) if (OTHERS.has(normAt(tokens, at)) || (deflected && someoneElsesAt(tokens, text, at))) others = true;
  // "X is the problem of the teams who write them", "the business of finance".
  if (deflected && normAt(tokens, noun - 1) === 'the' && normAt(tokens, noun + 1) === 'of' && !gapHas(tokens, noun + 1, CLAUSE_GAPS) && !OWN.has(normAt(tokens, noun + 2))) others = true;
  if (!contrast && !others) return;
  // "Cardinality is our problem, not the vendor's": the candidate claims it.
  for (let at = link; at < noun; at += 1) if (OWN.has(normAt(tokens, at))) return;
  if (colonLinked) {
    markRejected(out, subjectFrom(tokens, text, link - 1, start), link, noun);
    return;
  }
  const from = subjectFrom(tokens, text, link, start);
  // "That's a management problem, not an engineering one": "that" stands for the question before.
  const pointing = from === link || (link === from + 1 && POINTING_SUBJECTS.has(normAt(tokens, from)));
  if (!pointing) markRejected(out, from, link, noun);
  else if (from > start && colonBefore(tokens, text, from)) markRejected(out, subjectFrom(tokens, text, from - 1, start), from, noun);
  else if (from === start && previous) markRejected(out, previous.start, previous.end, noun);
}

/** Owners whose business an idea may be and still be the candidate's: "our job", "everyone's problem". */
const OWN: ReadonlySet<string> = new Set(['our', 'my', 'ours', 'mine', 'us', 'me', 'everyone', 'everybody', 'everyones', 'everybodys', 'each', 'every', 'all']);
/** Business nouns that hand an idea away when they name a possessive or an "of" owner ("the vendor's problem"); not "the on-call's job", a role of the design. */
const DEFLECTED: ReadonlySet<string> = new Set(['problem', 'concern', 'headache', 'business', 'department', 'domain', 'exercise']);

/** Token `at` is a possessive naming someone other than the candidate: "procurement's", "the vendor's", "their". */
function someoneElsesAt(tokens: Tokens, text: TextReader, at: number): boolean {
  const word = normAt(tokens, at);
  if (word === 'their' || word === 'theirs') return true;
  const last = (tokens.ends[at] ?? 0) - 1;
  const apostrophe = text.charCodeAt(last - 1);
  return text.charCodeAt(last) === 115 && (apostrophe === 39 || apostrophe === 8217) && !OWN.has(word.slice(0, -1)) && !OWN.has(word);
}

const POINTING_SUBJECTS: ReadonlySet<string> = new Set(['that', 'it', 'this']);

/** "Too early for X", "too soon for X": deferred. */
function markTooEarly(tokens: Tokens, out: Int32Array, too: number, end: number): void {
  const when = normAt(tokens, too + 1);
  if ((when !== 'early' && when !== 'soon') || normAt(tokens, too + 2) !== 'for') return;
  markObject(tokens, out, too + 3, end, too);
}

/** "Over X, I'd pick a bigger cluster every time": a fronted "over" names what loses to the choice after the comma. */
const CHOOSERS: ReadonlySet<string> = new Set(['id', 'wed', 'i', 'we', 'ill', 'well']);
const CHOOSING: ReadonlySet<string> = new Set(['pick', 'choose', 'take', 'prefer', 'go', 'want', 'buy', 'use', 'pay']);

function markFrontedOver(tokens: Tokens, out: Int32Array, start: number, end: number): void {
  let comma = start + 1;
  while (comma < end && comma <= start + 10 && !gapHas(tokens, comma, CLAUSE_GAPS)) comma += 1;
  if (comma >= end || !gapHas(tokens, comma, GAP_SEPARATOR) || !CHOOSERS.has(normAt(tokens, comma))) return;
  let verb = comma + 1;
  if (normAt(tokens, verb) === 'would' || normAt(tokens, verb) === 'will' || normAt(tokens, verb) === 'always') verb += 1;
  if (CHOOSING.has(normAt(tokens, verb))) markRejected(out, start + 1, comma, start);
}

/** "Were we a bank, I'd X.", "If we were a bank, I'd X": a plan for a world that is not ours. */
function markCounterfactual(tokens: Tokens, out: Int32Array, start: number, end: number): void {
  let at = start;
  if (normAt(tokens, at) === 'if') at += 1;
  const inverted = at === start && (normAt(tokens, at) === 'were' || normAt(tokens, at) === 'had') && (normAt(tokens, at + 1) === 'we' || normAt(tokens, at + 1) === 'i');
  const plain = at > start && (normAt(tokens, at) === 'we' || normAt(tokens, at) === 'i') && normAt(tokens, at + 1) === 'were';
  if ((!inverted && !plain) || normAt(tokens, at + 2) === 'to') return;
  let comma = at + 2;
  while (comma < end && comma <= at + 10 && !gapHas(tokens, comma, CLAUSE_GAPS)) comma += 1;
  if (comma >= end || !gapHas(tokens, comma, GAP_SEPARATOR)) return;
  markRejected(out, comma, end, start);
}

const TRIGGER_REFUSAL = 1;
const TRIGGER_ACTIVE = 2;
const TRIGGER_STAYING = 4;
const TRIGGER_BUSINESS = 8;
const TRIGGER_TOO = 16;
/** What each word can start, looked up once per word (a word may start a passive and an active refusal: "shelved"). */
const TRIGGERS = wordTriggerBits([
  [TRIGGER_REFUSAL, [...TURNED_DOWN, ...WEIGHED_THEN, ...RULED.keys()]],
  [TRIGGER_ACTIVE, [...TURNING_DOWN, ...SETTING_ASIDE, 'ripped', 'tore', 'voted']],
  [TRIGGER_STAYING, STAYING],
  [TRIGGER_BUSINESS, BUSINESS],
  [TRIGGER_TOO, ['too']],
]);

/** The words that can start a disposition read inside a sentence: a sentence without one skips that loop. */
export const DISPOSITION_TRIGGER_WORDS: readonly string[] = [
  ...TURNED_DOWN, ...WEIGHED_THEN, ...RULED.keys(), ...TURNING_DOWN, ...SETTING_ASIDE, 'ripped', 'tore', 'voted', ...STAYING, ...BUSINESS, 'too',
];

/** The dispositions in `sentence`; `triggered`: it holds one of DISPOSITION_TRIGGER_WORDS. */
export function markDispositions(tokens: Tokens, text: TextReader, out: Int32Array, sentence: Span, previous: Span | undefined, triggered: boolean): void {
  const { start, end } = sentence;
  if (normAt(tokens, start) === 'over') markFrontedOver(tokens, out, start, end);
  const first = normAt(tokens, start);
  if (first === 'if' || first === 'were' || first === 'had') markCounterfactual(tokens, out, start, end);
  if (!triggered) return;
  for (let at = start; at < end; at += 1) {
    const trigger = TRIGGERS.of(ruleWordAt(tokens, at));
    if (trigger === 0) continue;
    if ((trigger & TRIGGER_REFUSAL) !== 0) {
      const refusal = refusalAt(tokens, at);
      if (refusal !== 0) markPassive(tokens, text, out, at, refusal >= REFUSAL_WEIGHED, start);
    }
    if ((trigger & TRIGGER_ACTIVE) !== 0) markActive(tokens, out, at, start, end);
    else if (trigger === TRIGGER_STAYING) markStaysOff(tokens, text, out, at, start, end);
    else if (trigger === TRIGGER_BUSINESS) markOthersBusiness(tokens, text, out, at, start, end, previous);
    else if (trigger === TRIGGER_TOO) markTooEarly(tokens, out, at, end);
  }
}
