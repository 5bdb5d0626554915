import type { TextReader } from './answer-text.ts';
import { HARM_WORDS } from './negation-judged.ts';
import { endsWithQuestion, gapHas, markRejected, wordTriggers, type Span, ruleWordAt } from './negation-marks.ts';
import { GAP_NEWLINE, GAP_SEPARATOR, GAP_TERMINATOR, normAt, type Tokens } from './tokenize.ts';
import { REFUSALS } from './negation-rule-words.ts';

/*
 * Rejections whose verdict comes after the idea and points back at it, in the next sentence or
 * a later clause, rather than naming it (negation.ts reaches one clause, or a short sentence):
 * - a refusal of adopting "it": "X is how you lose the one log line you need. I'd never impose
 *   them.", "..., so we don't bother.", "Still not turning them on.", "We decided against it.";
 * - a bare verdict after a reason, which answers the question asked before the reason:
 *   "X? Then the one team that needs to debug gets throttled. Nope.", "... Hard to justify.";
 * - an idea nobody uses: "X is a nice story; nobody actually switches.";
 * - an alternative taken instead: "X is a great way to add an outage mode. CPU-based scaling
 *   it is.", "X doubles the bill. Big-bang cutover instead.", "Grouping by message is good enough."
 * The shapes are read from the words' roles (a refusal, an adopting verb, a pronoun that points
 * back, a verdict made only of verdict words), not from the topic, so they carry to new wordings.
 * Each writes 1 + the index of its cue token into `out` for every rejected token no earlier rule claimed.
 */

const CLAUSE_GAPS = GAP_SEPARATOR | GAP_TERMINATOR | GAP_NEWLINE;

/** What may stand before the refusal in its clause: the candidate as subject, a linking word, an adverb. */
const REFUSER_LEADS: ReadonlySet<string> = new Set([
  'we', 'i', 'id', 'wed', 'ill', 'well', 'im', 'were', 'ive', 'weve', 'still', 'so', 'and', 'but', 'honestly', 'just', 'then',
  'also', 'really', 'actually', 'certainly', 'definitely', 'simply', 'personally', 'frankly', 'would', 'will', 'do', 'am', 'are',
  'yet', 'which', 'hence', 'therefore', 'sorry', 'its', 'thats',
]);
/** Words between the refusal and its verb that change nothing: "won't ever actually", "don't want to". */
const REFUSAL_FILLERS: ReadonlySet<string> = new Set([
  'ever', 'actually', 'really', 'even', 'still', 'going', 'gonna', 'to', 'be', 'want', 'wanna', 'need', 'have', 'plan', 'planning',
  'intend', 'about', 'be', 'seriously', 'personally', 'again', 'see', 'us', 'me',
]);
/** Verbs of taking an idea up: refusing them about "it" refuses the idea "it" stands for. */
const ADOPTING: ReadonlySet<string> = new Set([
  'use', 'using', 'run', 'running', 'build', 'building', 'add', 'adding', 'adopt', 'adopting', 'impose', 'imposing', 'enforce',
  'enforcing', 'do', 'doing', 'bother', 'bothering', 'trust', 'trusting', 'try', 'trying', 'buy', 'buying', 'turn', 'turning',
  'enable', 'enabling', 'implement', 'implementing', 'deploy', 'deploying', 'introduce', 'introducing', 'ship', 'shipping',
  'bring', 'bringing', 'pursue', 'pursuing', 'recommend', 'recommending', 'maintain', 'maintaining', 'police', 'policing',
  'mandate', 'mandating', 'roll', 'rolling', 'set', 'setting', 'sign', 'signing', 'push', 'pushing', 'invest', 'investing',
  'go', 'going', 'put', 'putting', 'bet', 'betting', 'rely', 'relying', 'fund', 'funding', 'staff', 'staffing', 'own', 'owning',
  'touch', 'touching', 'consider', 'considering', 'want', 'need', 'have', 'happen', 'happening',
]);
/** What stands for an idea named before: "impose them", "bringing one", "doing that". */
const POINTING: ReadonlySet<string> = new Set(['it', 'them', 'that', 'this', 'those', 'these', 'one', 'any']);
/** What may end a refusal without naming anything new: "run it for this", "turning them on", "try it twice". */
const REFUSAL_TAILS: ReadonlySet<string> = new Set([
  'here', 'now', 'again', 'twice', 'either', 'anymore', 'today', 'yet', 'at', 'all', 'ever', 'for', 'this', 'us', 'me', 'in',
  'production', 'prod', 'really', 'though', 'then', 'thanks', 'on', 'up', 'out', 'with', 'into', 'soon', 'any', 'time', 'of',
  'year', 'quarter', 'either', 'honestly', 'frankly', 'personally', 'too', 'it', 'them', 'that', 'one', 'against', 'in',
]);
/** "We decided against it": verbs after which "against" is a refusal. */
const AGAINST_VERBS: ReadonlySet<string> = new Set(['decided', 'decide', 'voted', 'vote', 'argued', 'argue', 'went', 'came', 'am', 'im', 'are', 'were', 'was', 'strongly']);

/**
 * Where the refusal clause around the refusal word at `at` starts, or -1 when words before it
 * in its clause are not the candidate's lead-in ("we", "so", "still"...): "teams don't use it"
 * reports, "we don't use it" refuses.
 */
function refusalClauseStart(tokens: Tokens, at: number, start: number): number {
  // "We decided against it": the verb before "against" is part of the refusal.
  let from = normAt(tokens, at) === 'against' ? at - 1 : at;
  while (from > start && !gapHas(tokens, from, CLAUSE_GAPS)) {
    if (!REFUSER_LEADS.has(normAt(tokens, from - 1))) return -1;
    from -= 1;
    // "..., and so we don't bother": a linking word opens the clause even without a comma.
    const word = normAt(tokens, from);
    if (word === 'so' || word === 'but' || word === 'and' || word === 'which' || word === 'hence') return from;
  }
  return from;
}

/**
 * Whether the refusal at `at` refuses something named before it: after it come only fillers,
 * an adopting verb, a pointing pronoun and words that name nothing, to the clause's end
 * ("I'd never impose them.", "so we don't bother", "We won't."). "We don't use Kafka" names
 * what it refuses, and "we never drop them" is a double negative (not an adopting verb).
 */
function pointsBack(tokens: Tokens, at: number, end: number): boolean {
  let index = at + 1;
  while (index < end && !gapHas(tokens, index, CLAUSE_GAPS) && REFUSAL_FILLERS.has(normAt(tokens, index))) index += 1;
  if (index >= end || gapHas(tokens, index, CLAUSE_GAPS)) return true;
  let verb = false;
  if (ADOPTING.has(normAt(tokens, index))) {
    verb = true;
    index += 1;
  }
  let pointing = false;
  for (; index < end && !gapHas(tokens, index, CLAUSE_GAPS); index += 1) {
    const word = normAt(tokens, index);
    if (POINTING.has(word)) pointing = true;
    else if (!REFUSAL_TAILS.has(word)) return false;
  }
  return pointing || verb;
}

/** A refusal word at `at`: one of REFUSALS, or "against" after "decided", "voted"... */
function isRefusal(tokens: Tokens, at: number): boolean {
  const word = normAt(tokens, at);
  return REFUSALS.has(word) || (word === 'against' && AGAINST_VERBS.has(normAt(tokens, at - 1)));
}

/** Words that only say who speaks or how: a sentence of nothing else ("We could.") names no idea. */
function namesNothing(tokens: Tokens, from: number, to: number): boolean {
  for (let index = from; index < to; index += 1) {
    const word = normAt(tokens, index);
    if (!REFUSER_LEADS.has(word) && !REFUSAL_FILLERS.has(word) && word !== 'could' && word !== 'can' && word !== 'should' && word !== 'might') return false;
  }
  return true;
}

/** The sentence points further back: it opens with "It's"/"That", or holds "it"/"them" ("Sure, but would I put it in production?"). */
function pointsFurther(tokens: Tokens, sentence: Span): boolean {
  if (FURTHER_OPENERS.has(normAt(tokens, sentence.start))) return true;
  return hasAny(tokens, sentence.start, sentence.end, OBJECT_POINTERS);
}
const FURTHER_OPENERS: ReadonlySet<string> = new Set(['it', 'its', 'that', 'thats', 'this', 'they', 'theyre', 'sure']);
const OBJECT_POINTERS: ReadonlySet<string> = new Set(['it', 'them']);

function asksQuestion(tokens: Tokens, text: TextReader, sentence: Span): boolean {
  return endsWithQuestion(tokens, text, sentence.end);
}

/** The longest sentence a pointing refusal reaches back to: past this, "it" likely means something nearer. */
const MAX_REFERENT = 40;

/** "I'd never impose them.", "..., so we don't bother.", "We decided against it.": whether the refusal at `at` marked something. */
function markPointingRefusal(tokens: Tokens, text: TextReader, out: Int32Array, at: number, sentence: Span, previous: Span | undefined, beforePrevious: Span | undefined): boolean {
  const { start, end } = sentence;
  if (!isRefusal(tokens, at)) return false;
  const from = refusalClauseStart(tokens, at, start);
  if (from < 0 || !pointsBack(tokens, at, end)) return false;
  if (from > start) {
    // A clause before it in the sentence: "X never happens in practice, so I won't do it".
    markRejected(out, start, from, at);
    return true;
  }
  if (!previous || previous.end - previous.start > MAX_REFERENT) return true;
  markRejected(out, previous.start, previous.end, at);
  // "X? Browsers lie and ad blockers eat the beacon. I'd never trust it.": the question is what the reason is about.
  if (beforePrevious && (asksQuestion(tokens, text, beforePrevious) || pointsFurther(tokens, previous))) markRejected(out, beforePrevious.start, beforePrevious.end, at);
  // "Should we redact in the collector? We could. We won't.": past a sentence that names nothing.
  if (beforePrevious && namesNothing(tokens, previous.start, previous.end)) markRejected(out, beforePrevious.start, beforePrevious.end, at);
  return true;
}

/** Words a bare verdict is made of: "Nope.", "Hard to justify.", "Waste of effort.", "Not worth it.". */
const VERDICT_WORDS: ReadonlySet<string> = new Set([
  'not', 'no', 'nope', 'nah', 'pass', 'never', 'worth', 'it', 'that', 'this', 'waste', 'of', 'effort', 'time', 'money', 'hard', 'to',
  'justify', 'skip', 'so', 'overkill', 'doing', 'happening', 'thanks', 'way', 'for', 'us', 'me', 'now', 'yet', 'really', 'honestly',
  'a', 'chance', 'from', 'thank', 'you', 'definitely', 'absolutely', 'needed', 'necessary', 'convinced', 'sold', 'again', 'either',
  'then', 'still', 'hardly', 'pointless', 'too', 'much', 'expensive', 'costly', 'risky', 'complex', 'defend', 'sell', 'justified',
  'thats', 'big', 'hell', 'sorry', 'in', 'our', 'case', 'my', 'view', 'book', 'priority', 'the', 'time', 'and',
  'next', 'question', 'please', 'moving', 'on',
]);
/** The refusing words of a verdict, and the negative judgements a refusing word would turn around ("not too expensive"). */
const VERDICT_REFUSING: ReadonlySet<string> = new Set(['not', 'no', 'nope', 'nah', 'never', 'hardly', 'pass', 'next']);
const VERDICT_JUDGING: ReadonlySet<string> = new Set(['too', 'hard', 'waste', 'overkill', 'pointless', 'skip', 'costly', 'risky', 'expensive']);
const MAX_VERDICT = 5;

/**
 * A sentence of verdict words only, refusing or judging but not both ("Not too expensive."
 * approves): it rejects the sentence before; after a reason, the question before that too
 * ("X? We already have metrics for that. Pass.").
 */
function bareVerdict(tokens: Tokens, start: number, end: number): boolean {
  if (end - start > MAX_VERDICT) return false;
  let refusing = false;
  let judging = false;
  for (let index = start; index < end; index += 1) {
    const word = normAt(tokens, index);
    if (!VERDICT_WORDS.has(word)) return false;
    if (VERDICT_REFUSING.has(word)) refusing = true;
    if (VERDICT_JUDGING.has(word)) judging = true;
  }
  return refusing !== judging;
}

/** Verbs a question can hold that would make "No." keep the idea: "Should we skip histograms? No.". */
const QUESTIONED_LOSSES: ReadonlySet<string> = new Set(['skip', 'drop', 'without', 'avoid', 'remove', 'cut', 'lose', 'ditch', 'not', 'never']);

function hasAny(tokens: Tokens, from: number, to: number, words: ReadonlySet<string>): boolean {
  for (let index = from; index < to; index += 1) if (words.has(normAt(tokens, index))) return true;
  return false;
}

function markBareVerdict(tokens: Tokens, text: TextReader, out: Int32Array, sentence: Span, previous: Span | undefined, beforePrevious: Span | undefined): void {
  const { start, end } = sentence;
  if (!previous || !bareVerdict(tokens, start, end)) return;
  const asked = endsWithQuestion(tokens, text, previous.end);
  if (asked) {
    if (!hasAny(tokens, previous.start, previous.end, QUESTIONED_LOSSES)) markRejected(out, previous.start, previous.end, start);
    // "Do I think X is clever? Sure, but would I put it in production? No.": "it" is X.
    if (beforePrevious && pointsFurther(tokens, previous)) markRejected(out, beforePrevious.start, beforePrevious.end, start);
    return;
  }
  // A reason between the question and the verdict keeps its own words (it may name what is used instead).
  if (beforePrevious && endsWithQuestion(tokens, text, beforePrevious.end)) {
    if (!hasAny(tokens, beforePrevious.start, beforePrevious.end, QUESTIONED_LOSSES)) markRejected(out, beforePrevious.start, beforePrevious.end, start);
    return;
  }
  if (previous.end - previous.start > MAX_REFERENT) return;
  markRejected(out, previous.start, previous.end, start);
  // "X is a noble goal. It's also our entire storage budget. So: no.": the verdict is on what "it" is.
  if (beforePrevious && pointsFurther(tokens, previous)) markRejected(out, beforePrevious.start, beforePrevious.end, start);
}

/** "X? I'd rather spend that time fixing things.": a preference for something else answers the question. */
const PREFERRING: ReadonlySet<string> = new Set(['rather', 'prefer']);
const PREFERRERS: ReadonlySet<string> = new Set(['id', 'wed', 'i', 'we', 'would', 'honestly', 'personally']);

function markPreferredReply(tokens: Tokens, text: TextReader, out: Int32Array, sentence: Span, previous: Span | undefined): void {
  if (!previous || !PREFERRERS.has(normAt(tokens, sentence.start)) || !asksQuestion(tokens, text, previous)) return;
  let at = sentence.start;
  while (at < sentence.end && at < sentence.start + 3 && PREFERRERS.has(normAt(tokens, at))) at += 1;
  if (at === sentence.start || !PREFERRING.has(normAt(tokens, at))) return;
  // "I'd rather not" refuses too; "I'd rather keep it" keeps what was asked.
  if (hasAny(tokens, at + 1, sentence.end, OBJECT_POINTERS)) return;
  markRejected(out, previous.start, previous.end, at);
}

/** "nobody actually switches", "nobody uses", "nobody reads them": an idea nobody takes up. */
const UNUSED_VERBS: ReadonlySet<string> = new Set([
  'uses', 'use', 'used', 'switches', 'switch', 'switched', 'reads', 'read', 'opens', 'open', 'opened', 'maintains', 'maintain',
  'asks', 'asked', 'checks', 'check', 'checked', 'watches', 'watch', 'notices', 'notice', 'follows', 'follow', 'updates', 'update',
  'does', 'do', 'wants', 'want', 'misses', 'miss', 'looks',
]);
const NOBODY_FILLERS: ReadonlySet<string> = new Set(['actually', 'really', 'ever', 'even', 'will', 'would', 'is', 'going', 'to', 'has', 'have', 'once', 'bothers', 'at']);

/** "X is a nice story; nobody actually switches.", "...the kind of thing vendors demo and nobody uses.": whether it marked. */
function markNobody(tokens: Tokens, out: Int32Array, at: number, sentence: Span, previous: Span | undefined): boolean {
  const { start, end } = sentence;
  const word = normAt(tokens, at);
  if (word === 'no' && normAt(tokens, at + 1) !== 'one') return false;
  // It opens its clause: "we delete dashboards nobody uses" describes the dashboards.
  const opens = at === start || gapHas(tokens, at, CLAUSE_GAPS) || normAt(tokens, at - 1) === 'and' || normAt(tokens, at - 1) === 'but';
  if (!opens) return false;
  let index = word === 'no' ? at + 2 : at + 1;
  while (index < end && NOBODY_FILLERS.has(normAt(tokens, index))) index += 1;
  if (!UNUSED_VERBS.has(normAt(tokens, index))) return false;
  index += 1;
  // Only a pointing pronoun may follow: "nobody reads them", not "nobody reads the old dashboards".
  while (index < end && !gapHas(tokens, index, CLAUSE_GAPS) && (POINTING.has(normAt(tokens, index)) || REFUSAL_TAILS.has(normAt(tokens, index)))) index += 1;
  if (index < end && !gapHas(tokens, index, CLAUSE_GAPS)) return false;
  const clause = normAt(tokens, at - 1) === 'and' || normAt(tokens, at - 1) === 'but' ? at - 1 : at;
  if (clause > start) markRejected(out, start, clause, at);
  else if (previous && previous.end - previous.start <= MAX_REFERENT) markRejected(out, previous.start, previous.end, at);
  return true;
}

/** Words that name the candidate: a sentence holding one states what they do, not an idea judged from outside. */
const FIRST_PERSON: ReadonlySet<string> = new Set(['we', 'i', 'our', 'us', 'my', 'me', 'id', 'wed', 'ill', 'well', 'im', 'were', 'ive', 'weve', 'lets']);
/** A sentence that starts with one of these is an instruction to adopt: "Use tail sampling for errors." */
const IMPERATIVE_ADOPTIONS: ReadonlySet<string> = new Set(['use', 'run', 'build', 'add', 'keep', 'put', 'enable', 'turn', 'start', 'always', 'make', 'do']);

/**
 * Where the alternative that replaces the sentence before is announced: "Big-bang cutover
 * instead.", "CPU-based scaling it is.", "Grouping by message text is good enough.".
 * Returns the cue token, or -1. A pronoun that points back ("Dashboards read
 * those instead") means the sentence before is built on, not replaced.
 */
function alternativeCue(tokens: Tokens, start: number, end: number): number {
  if (end - start < 2) return -1;
  const last = normAt(tokens, end - 1);
  // Not "only": "Route templates only." restricts what the sentence before adopts.
  const announced = last === 'instead' || (last === 'is' && normAt(tokens, end - 2) === 'it') || (last === 'enough' && normAt(tokens, end - 2) === 'good' && !hasAny(tokens, start, end, NOT_WORDS));
  if (!announced) return -1;
  for (let index = start; index < end; index += 1) {
    const word = normAt(tokens, index);
    if (word === 'them' || word === 'those' || word === 'these' || (word === 'it' && normAt(tokens, index + 1) !== 'is' && index !== end - 2)) return -1;
  }
  return end - 1;
}
const NOT_WORDS: ReadonlySet<string> = new Set(['not', 'never', 'isnt', 'arent', 'no', 'hardly']);

/** "X doubles the bill during migration. Big-bang cutover instead.": X, judged from outside, replaced. */
function markAlternative(tokens: Tokens, text: TextReader, out: Int32Array, sentence: Span, previous: Span | undefined): void {
  if (!previous || previous.end - previous.start > MAX_REFERENT) return;
  const cue = alternativeCue(tokens, sentence.start, sentence.end);
  if (cue < 0) return;
  if (hasAny(tokens, previous.start, previous.end, FIRST_PERSON) || IMPERATIVE_ADOPTIONS.has(normAt(tokens, previous.start))) return;
  // A question is replied to; a statement must judge the idea by its harm ("X doubles the bill. Big-bang cutover
  // instead."): "X keeps every error. For healthy traffic we keep a random share instead." adds to X.
  if (!endsWithQuestion(tokens, text, previous.end) && (hasAny(tokens, previous.start, previous.end, NOT_WORDS) || !hasAny(tokens, previous.start, previous.end, HARM_WORDS))) return;
  markRejected(out, previous.start, previous.end, cue);
}

const TRIGGER_REFUSAL = 1;
const TRIGGER_NOBODY = 2;
/** The words the rules inside a sentence start from, looked up once per word. */
const TRIGGERS = wordTriggers([[TRIGGER_REFUSAL, [...REFUSALS, 'against']], [TRIGGER_NOBODY, ['nobody', 'no']]]);

/** The words the rules inside a sentence start from: a sentence without one skips that loop. */
export const FOLLOW_UP_TRIGGER_WORDS: readonly string[] = [...REFUSALS, 'against', 'nobody', 'no'];

/** The follow-ups in `sentence`; `triggered`: it holds one of FOLLOW_UP_TRIGGER_WORDS. */
export function markFollowUps(tokens: Tokens, text: TextReader, out: Int32Array, sentence: Span, previous: Span | undefined, beforePrevious: Span | undefined, triggered: boolean): void {
  if (triggered) {
    let pointed = false;
    let nobody = false;
    for (let at = sentence.start; at < sentence.end; at += 1) {
      const trigger = TRIGGERS.of(ruleWordAt(tokens, at));
      if (trigger === TRIGGER_REFUSAL && !pointed) pointed = markPointingRefusal(tokens, text, out, at, sentence, previous, beforePrevious);
      else if (trigger === TRIGGER_NOBODY && !nobody) nobody = markNobody(tokens, out, at, sentence, previous);
    }
  }
  if (sentence.end - sentence.start <= MAX_VERDICT) markBareVerdict(tokens, text, out, sentence, previous, beforePrevious);
  markPreferredReply(tokens, text, out, sentence, previous);
  markAlternative(tokens, text, out, sentence, previous);
}
