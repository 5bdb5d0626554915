import type { TextReader } from './answer-text.ts';
import { WORD_CLAUSE_MAKER, WORD_NEGATION_CUE } from './lexicon.ts';
import { LEAVE_VERBS, MOOT, SEEMING, SPEECH_VERBS } from './negation-words.ts';
import { clauseEnd, COLON, endsWithQuestion, gapHas, markRejected, spells } from './negation-marks.ts';
import type { Segmentation } from './sentences.ts';
import { GAP_BLANK_LINE, GAP_BULLET, GAP_NEWLINE, GAP_SEPARATOR, GAP_TERMINATOR, normAt, type Tokens } from './tokenize.ts';

/*
 * Rejections that a sceptical candidate spells over a whole sentence or two, which the word-level
 * cues of negation.ts can't see (their reach is one clause of about ten words):
 * - sarcasm answering a question: "Per-service series limits? Sure, and then explain to a team
 *   at 3am why their metric vanished.", "Monitoring the monitoring? Because what a platform
 *   needs is a second platform.";
 * - rhetorical questions: "Do we really need to translate orders into per-service load?",
 *   "Some will say we need a never-cut list. Do we?";
 * - ideas put in someone else's mouth: "Sooner or later someone suggests A/B tests that...",
 *   "Load testing the whole system is what people always propose";
 * - rejection by consequence: "X would double our bill, so it stays out", "..., so we wouldn't ask";
 * - conditional deferrals: "X would be considered if an auditor ever asked", "X would matter if
 *   we deployed daily", "If we ever go multi-region we can revisit N+1", "Only once ... would
 *   that be worth building";
 * - verdicts on a long subject: "Stream processing for real-time alerts and deriving metrics
 *   from logs are both off the table", "X is cargo cult", "X is overhead we'd skip";
 * - negative comparatives: "X is less reliable than Y", "X is riskier than paying";
 * - "..., and so are latency-injection experiments" after a rejection;
 * - deflection: "X is a product analytics question, and we'd leave it to that team".
 * Like negation.ts, each rule writes 1 + the index of its cue token into `out` for every
 * rejected token that no earlier rule claimed.
 */

/** The characters between token `index - 1` and token `index` hold one of the code units `a`, `b`, `c`, `d`. */
function charBefore(tokens: Tokens, text: TextReader, index: number, a: number, b = a, c = a, d = a): boolean {
  if (index <= 0 || index >= tokens.count) return false;
  const to = tokens.starts[index] ?? 0;
  for (let at = tokens.ends[index - 1] ?? 0; at < to; at += 1) {
    const code = text.charCodeAt(at);
    if (code === a || code === b || code === c || code === d) return true;
  }
  return false;
}

const SEMICOLON = 59;
const OPEN_PAREN = 40;
const CLOSE_PAREN = 41;

function startsWithAny(tokens: Tokens, at: number, openers: readonly (readonly string[])[]): number {
  for (const opener of openers) if (spells(tokens, at, opener)) return opener.length;
  return 0;
}

/** Openers that answer a question with sarcasm: the idea asked about is refused. */
const SARCASTIC_OPENERS: readonly (readonly string[])[] = [
  ['sure', 'if'], ['sure', 'and', 'then'], ['sure', 'because'], ['lovely', 'if'], ['great', 'idea'], ['brilliant', 'idea'],
  ['good', 'luck'], ['whatever', 'for'], ['because', 'what'], ['lets', 'just', 'hope'], ['yeah', 'right'], ['as', 'if'],
  ['why', 'bother'], ['who', 'needs'], ['cant', 'see', 'the', 'point'], ['dont', 'see', 'the', 'point'],
  ['i', 'cant', 'see', 'the', 'point'], ['i', 'dont', 'see', 'the', 'point'], ['right', 'because'], ['nice', 'try'],
  ['of', 'course', 'not'], ['what', 'for'], ['wonderful', 'if'], ['fine', 'if'], ['only', 'if', 'we', 'enjoy'],
  ['nice', 'in', 'theory'], ['great', 'in', 'theory'], ['lovely', 'in', 'theory'], ['hard', 'pass'], ['no', 'thanks'],
  ['no', 'thank', 'you'], ['thanks', 'but', 'no'], ['not', 'a', 'chance'], ['we', 'looked', 'at', 'it', 'and', 'passed'],
  ['looked', 'at', 'it', 'and', 'passed'], ['tempting', 'but', 'no'],
];

/** A whole sentence that refuses the question before it: "Pass.", "Nope.", "Not this year.", "Maybe later.". */
const SHORT_REFUSALS: readonly (readonly string[])[] = [
  ['pass'], ['nope'], ['nah'], ['hardly'], ['not', 'now'], ['not', 'yet'], ['not', 'this', 'year'], ['not', 'this', 'quarter'],
  ['maybe', 'later'], ['later'], ['next', 'year'], ['one', 'day', 'maybe'], ['someday', 'maybe'], ['not', 'for', 'now'],
];

/** A sentence this short, asked after a statement, doubts it: "Do we?", "Really?". */
const DOUBTING_QUESTIONS: readonly (readonly string[])[] = [
  ['do', 'we'], ['do', 'we', 'really'], ['really'], ['why', 'would', 'we'], ['does', 'it'], ['do', 'they'], ['is', 'it'], ['why'],
];

/** Rhetorical questions whose own content is refused: "Do we really need X?". */
const RHETORICAL_OPENERS: readonly (readonly string[])[] = [
  ['do', 'we', 'really'], ['do', 'we', 'honestly'], ['does', 'anyone', 'really'], ['does', 'anybody', 'really'],
  ['who', 'really', 'needs'], ['why', 'would', 'we', 'ever'], ['is', 'there', 'really'], ['do', 'we', 'actually'],
  ['who', 'needs'], ['why', 'would', 'anyone'], ['why', 'would', 'anybody'], ['whats', 'the', 'point', 'of'],
  ['what', 'is', 'the', 'point', 'of'], ['why', 'bother', 'with'],
];

const CONDITIONAL_TAILS: ReadonlySet<string> = new Set(['when', 'if', 'anyway', 'anymore', 'really']);

function hasWord(tokens: Tokens, from: number, to: number, words: ReadonlySet<string>): boolean {
  for (let index = from; index < to; index += 1) if (words.has(normAt(tokens, index))) return true;
  return false;
}

/** A reply that takes a rhetorical question at face value: "Do we really need X? Yes: ...". */
const AFFIRMATIONS: ReadonlySet<string> = new Set(['yes', 'yep', 'absolutely', 'definitely', 'certainly', 'indeed', 'because', 'to', 'the']);

/** Who an idea is attributed to ("some will say", "someone suggests", "people always propose"). */
const REPORTERS: ReadonlySet<string> = new Set(['some', 'someone', 'somebody', 'people', 'others', 'everyone', 'everybody', 'folks', 'consultants', 'vendors', 'textbooks']);
const REPORT_FILLERS: ReadonlySet<string> = new Set(['will', 'would', 'always', 'often', 'usually', 'typically', 'might', 'may', 'people', 'teams', 'inevitably']);

/** "so it stays out", "so that's out", "so we wouldn't (ask)": a consequence that refuses what came before. */
const CONSEQUENCE_PRONOUNS: ReadonlySet<string> = new Set(['it', 'that', 'this', 'those', 'they', 'both']);
const STAYING_VERBS: ReadonlySet<string> = new Set(['stays', 'stay', 'is', 'goes', 'go', 'are', 'remains']);
const REFUSING_AUXILIARIES: ReadonlySet<string> = new Set(['wouldnt', 'dont', 'wont', 'didnt', 'cant', 'shouldnt', 'never', 'skip', 'drop']);
/** "so we wouldn't ask / bother / propose it": verbs of not pursuing (not "lose", which makes a double negative). */
const NOT_PURSUING: ReadonlySet<string> = new Set(['ask', 'bother', 'propose', 'do', 'need', 'use', 'build', 'add', 'want', 'go', 'pursue', 'consider', 'include']);

const OBJECT_WORDS: ReadonlySet<string> = new Set(['it', 'them', 'that', 'those', 'these']);
const SPECIALLY: ReadonlySet<string> = new Set(['differently', 'separately', 'specially', 'apart']);

/** "would be considered if", "would matter if": an idea kept for a condition that does not hold. */
const DEFERRED_STATES: ReadonlySet<string> = new Set(['considered', 'reconsidered', 'revisited', 'nice', 'worth', 'welcome', 'justified', 'warranted']);
const DEFERRED_VERBS: ReadonlySet<string> = new Set(['matter', 'help', 'pay', 'make']);
const INVERTED_SUBJECTS: ReadonlySet<string> = new Set(['that', 'it', 'this', 'they']);
const CONDITIONS: ReadonlySet<string> = new Set(['if', 'once', 'when', 'with', 'unless', 'only']);
/** The main clause of "If we ever ..., we can revisit X" defers X. */
const REVISITING: ReadonlySet<string> = new Set(['revisit', 'reconsider', 'consider', 'think', 'look', 'added', 'considered', 'revisited']);

const COPULAS: ReadonlySet<string> = new Set(['is', 'are', 'thats', 'was', 'were', 'be', 'theyre', 'been']);
/** Copulas a relative clause looks back to ("X gets left to each team"): these also take "gets" and "got". */
const COPULAS_BEFORE_CLAUSE: ReadonlySet<string> = new Set([...COPULAS, 'gets', 'got']);
/** Words between a copula and its verdict: "are both off the table", "is pure cargo cult". */
const VERDICT_FILLERS: ReadonlySet<string> = new Set([
  'both', 'all', 'just', 'pure', 'simply', 'mostly', 'really', 'frankly', 'honestly', 'basically', 'largely', 'a', 'an',
  'therefore', 'thus', 'then', 'also', 'clearly', 'obviously', 'likewise', 'equally',
]);
/** Verdicts whose subject can run past ten words ("X for Y and Z for W are both off the table"). */
const LONG_SUBJECT_VERDICTS: readonly (readonly string[])[] = [
  ['off', 'the', 'table'], ['cargo', 'cult'], ['theatre'], ['theater'], ['overkill'], ['guesswork'], ['busywork'],
  ['premature', 'optimisation'], ['premature', 'optimization'], ['bureaucracy', 'tax'], ['luxury'], ['out', 'of', 'scope'],
  ['not', 'worth', 'it'], ['not', 'needed'], ['not', 'something', 'wed'], ['not', 'something', 'we'],
  ['a', 'non', 'starter'], ['out'], ['left', 'alone'], ['left', 'as', 'is'], ['left', 'out'],
  ['solution', 'looking', 'for'], ['not', 'on', 'the', 'roadmap'], ['not', 'in', 'scope'], ['not', 'part', 'of', 'the', 'plan'],
  ['not', 'part', 'of', 'the', 'design'], ['not', 'in', 'the', 'plan'], ['not', 'for', 'us'], ['not', 'this', 'year'],
  // passive refusals: "X was rejected", "X has been ruled out", "X was considered and rejected".
  ['rejected'], ['ruled', 'out'], ['scrapped'], ['shelved'], ['vetoed'], ['binned'], ['nixed'], ['parked'], ['descoped'],
  ['deprioritised'], ['deprioritized'], ['turned', 'down'], ['considered', 'and', 'rejected'], ['considered', 'and', 'dropped'],
  ['dropped', 'from', 'the', 'plan'], ['dropped', 'from', 'the', 'design'], ['cut', 'from', 'the', 'plan'], ['struck', 'off'],
];
/** The words a copula verdict can start with (after its fillers), to skip other copulas at once. */
const AFTER_COPULA: ReadonlySet<string> = new Set([
  ...VERDICT_FILLERS, ...LONG_SUBJECT_VERDICTS.map((verdict) => verdict[0] ?? ''), 'less', 'worse', 'riskier', 'slower', 'costlier',
  'pricier', 'harder', 'weaker', 'noisier', 'flakier', 'messier', 'clunkier',
]);

/** Comparatives that put the subject below what it is compared with: "X is riskier than paying". */
const WORSE: ReadonlySet<string> = new Set(['worse', 'riskier', 'slower', 'costlier', 'pricier', 'harder', 'weaker', 'noisier', 'flakier', 'messier', 'clunkier']);
/** "less reliable than": a quality the subject lacks ("4.3 minutes is less than the time to ack" only measures). */
const LESS_GOOD: ReadonlySet<string> = new Set([
  'reliable', 'trustworthy', 'useful', 'accurate', 'robust', 'safe', 'mature', 'flexible', 'practical', 'efficient', 'effective',
  'maintainable', 'predictable', 'valuable', 'important', 'helpful', 'dependable', 'precise', 'honest', 'actionable',
]);

/** "X is overhead we'd skip": the relative clause refuses its noun, and the noun's subject with it. */
const SKIPPING: ReadonlySet<string> = new Set(['skip', 'avoid', 'drop', 'pass', 'forgo', 'rather']);
const WE_WOULD: ReadonlySet<string> = new Set(['wed', 'id']);

const FAINT_PRAISE: ReadonlySet<string> = new Set([
  'clever', 'careful', 'smart', 'good', 'great', 'nice', 'appealing', 'sensible', 'reasonable', 'elegant', 'tempting',
  'attractive', 'neat', 'thorough', 'rigorous', 'fine', 'impressive',
]);

const MAKING: ReadonlySet<string> = new Set(['makes', 'make', 'made', 'renders', 'render', 'rendered']);
const REFERRING: ReadonlySet<string> = new Set(['which', 'that', 'this', 'it', 'retries', 'already']);

/** Words that open a new clause, where a subject looking back from its verdict stops ("but", "we"...). */
const SUBJECT_STOPS: ReadonlySet<string> = new Set([
  'but', 'however', 'whereas', 'while', 'although', 'though', 'because', 'since', 'so', 'which', 'then', 'yet', 'unless',
  'until', 'except', 'instead', 'otherwise', 'therefore', 'thus', 'hence', 'we', 'i', 'you', 'they', 'wed', 'id', 'youd',
  'theyd', 'weve', 'ive', 'im', 'if', 'when', 'where', 'is', 'are', 'was', 'were', 'will', 'would',
  'can', 'could', 'should', 'must', 'do', 'does', 'did', 'has', 'have', 'had', 'it', 'its', 'thats', 'this',
]);
/** A subject may reach back this many words from its copula. */
const MAX_SUBJECT = 24;

/**
 * The first token of the subject that ends just before `copula`: back to the sentence start, a
 * colon or semicolon, a line start, ", and"/", but", or a word that opens a new clause.
 */
function subjectStart(tokens: Tokens, text: TextReader, copula: number, start: number): number {
  let at = copula;
  while (at > start && copula - at < MAX_SUBJECT) {
    const previous = at - 1;
    // "X instead of Y are both off the table": "instead of" goes on describing the subject.
    if (SUBJECT_STOPS.has(normAt(tokens, previous)) && !(normAt(tokens, previous) === 'instead' && normAt(tokens, at) === 'of')) return at;
    if (gapHas(tokens, at, GAP_TERMINATOR | GAP_NEWLINE) || clausePunctuationBefore(tokens, text, at)) return at;
    if (gapHas(tokens, at, GAP_SEPARATOR) && (normAt(tokens, at) === 'and' || normAt(tokens, at) === 'but' || normAt(tokens, at) === 'so')) return at + 1;
    at = previous;
  }
  return at;
}

/** Where the clause holding `index` starts: the sentence start, a colon or semicolon, or a line start. */
function clauseStart(tokens: Tokens, text: TextReader, index: number, start: number): number {
  let at = index;
  while (at > start && !gapHas(tokens, at, GAP_TERMINATOR | GAP_NEWLINE) && !clausePunctuationBefore(tokens, text, at)) at -= 1;
  return at;
}

/** A colon, semicolon or parenthesis before token `at`: an aside or a new clause starts there. */
function clausePunctuationBefore(tokens: Tokens, text: TextReader, at: number): boolean {
  return charBefore(tokens, text, at, COLON, SEMICOLON, OPEN_PAREN, CLOSE_PAREN);
}

interface Sentence {
  start: number;
  end: number;
}

/** The sentence before the one being read, when it is in the same paragraph: one record, reused. */
const BEFORE: Sentence = { start: 0, end: 0 };
const CURRENT: Sentence = { start: 0, end: 0 };

/** Words that can open a sentence any opening rule reads: other sentences skip those rules. */
const OPENING_WORDS: ReadonlySet<string> = new Set([
  ...[...SARCASTIC_OPENERS, ...DOUBTING_QUESTIONS, ...RHETORICAL_OPENERS, ...SHORT_REFUSALS].map((opener) => opener[0] ?? ''), 'if',
]);

/** The lexicon classes markDiscourseRejections lets through before it looks a word up in TRIGGERS. */
export const TRIGGER_CLASSES = WORD_CLAUSE_MAKER | WORD_NEGATION_CUE;

/** What each word can start, looked up once per token: most words start nothing. */
const TRIGGER_SO = 1;
const TRIGGER_MODAL = 2;
const TRIGGER_COPULA = 3;
const TRIGGER_SKIP = 4;
const TRIGGER_LEAVE = 5;
const TRIGGER_SEEMING = 6;
const TRIGGER_WAIT = 7;
const TRIGGER_WHAT = 8;
const TRIGGER_SPEECH = 9;
const TRIGGER_NOT = 10;
const TRIGGER_MOOT = 11;
/** Exported for the test that every trigger passes TRIGGER_CLASSES (a word that did not could never fire). */
export const TRIGGERS: ReadonlyMap<string, number> = new Map<string, number>([
  ['so', TRIGGER_SO], ['would', TRIGGER_MODAL], ['could', TRIGGER_MODAL], ['might', TRIGGER_MODAL],
  ...[...COPULAS].map((word): [string, number] => [word, TRIGGER_COPULA]),
  ...[...SKIPPING].map((word): [string, number] => [word, TRIGGER_SKIP]),
  ...[...LEAVE_VERBS].map((word): [string, number] => [word, TRIGGER_LEAVE]),
  ...[...SEEMING].map((word): [string, number] => [word, TRIGGER_SEEMING]),
  ['wait', TRIGGER_WAIT], ['waits', TRIGGER_WAIT], ['what', TRIGGER_WHAT],
  ...[...SPEECH_VERBS].map((word): [string, number] => [word, TRIGGER_SPEECH]),
  ['not', TRIGGER_NOT], ['no', TRIGGER_NOT],
  ...[...MOOT].map((word): [string, number] => [word, TRIGGER_MOOT]),
]);

/**
 * A word's length and first letter, as an index into TRIGGER_SHAPES: a typed-array test that
 * turns away most clause words ("we", "it", "the"...) before the map lookup.
 */
function shapeOf(word: string): number {
  return (Math.min(word.length, 15) << 7) | (word.charCodeAt(0) & 127);
}

const TRIGGER_SHAPES = new Uint8Array(16 << 7);
for (const word of TRIGGERS.keys()) TRIGGER_SHAPES[shapeOf(word)] = 1;

export function markDiscourseRejections(tokens: Tokens, segmentation: Segmentation, out: Int32Array, text: TextReader): void {
  const { segments } = segmentation;
  let hasBefore = false;
  for (let index = 0; index < segments.length; index += 1) {
    const segment = segments[index];
    if (!segment) continue;
    CURRENT.start = segment.firstToken;
    CURRENT.end = segment.endToken;
    // Only the sentence just before, in the same paragraph, can be the one answered.
    const before = hasBefore && !gapHas(tokens, CURRENT.start, GAP_BLANK_LINE | GAP_BULLET) ? BEFORE : undefined;
    markSentence(tokens, text, out, CURRENT, before, segments[index + 1]?.firstToken);
    BEFORE.start = CURRENT.start;
    BEFORE.end = CURRENT.end;
    hasBefore = true;
  }
}

function markSentence(tokens: Tokens, text: TextReader, out: Int32Array, sentence: Sentence, before: Sentence | undefined, nextStart: number | undefined): void {
  const { start, end } = sentence;
  const opening = OPENING_WORDS.has(normAt(tokens, start));
  // Whether the sentence before asks a question: a look at the few characters after its last word.
  const questionBefore = before !== undefined && endsWithQuestion(tokens, text, before.end);

  for (let index = start; index < end; index += 1) {
    // Every trigger is a clause word ("so", "would", "is", "what") or a rejection cue ("skip",
    // "leave", "wait", "sounds"): one bit test skips the other words, most of an answer.
    const word = tokens.words[index];
    if (!word || (word.classes & TRIGGER_CLASSES) === 0 || TRIGGER_SHAPES[shapeOf(word.norm)] !== 1) continue;
    const trigger = TRIGGERS.get(word.norm);
    if (trigger === undefined) continue;
    if (trigger === TRIGGER_SO) markConsequence(tokens, text, out, index, start, end);
    else if (trigger === TRIGGER_MODAL) markDeferral(tokens, text, out, index, start, end, questionBefore ? before : undefined);
    else if (trigger === TRIGGER_COPULA) markCopulaVerdict(tokens, text, out, index, start, end);
    else if (trigger === TRIGGER_SKIP) markSkippedNoun(tokens, text, out, index, start, end);
    else if (trigger === TRIGGER_LEAVE) markLeftToOthers(tokens, text, out, index, start, end);
    else if (trigger === TRIGGER_SEEMING) markFalseComfort(tokens, text, out, index, start, end);
    else if (trigger === TRIGGER_WAIT && (normAt(tokens, index + 1) === 'until' || normAt(tokens, index + 1) === 'till')) markSubject(tokens, text, out, index, start, index);
    else if (trigger === TRIGGER_WHAT) markConventional(tokens, out, index, start, end);
    else if (trigger === TRIGGER_SPEECH) markAttribution(tokens, out, index, start, end);
    else if (trigger === TRIGGER_NOT) markColonRefusal(tokens, text, out, index, start, end);
    else if (trigger === TRIGGER_MOOT) markMadeMoot(tokens, text, out, index, start);
  }
  // "Tail sampling for every error? We keep 1% at the edge instead.": the answer replaces what was asked.
  if (before && normAt(tokens, end - 1) === 'instead' && end - start > 2 && questionBefore) markRejected(out, before.start, before.end, end - 1);
  if (!opening) return;
  // "X? Sure, if we enjoyed...": sarcasm refuses the question it answers.
  if (before && questionBefore && startsWithAny(tokens, start, SARCASTIC_OPENERS) > 0) markRejected(out, before.start, before.end, start);
  // "X? Pass.", "X? Not this year.": a sentence that is only a refusal answers the question.
  if (before && startsWithAny(tokens, start, SHORT_REFUSALS) === end - start && questionBefore) markRejected(out, before.start, before.end, start);
  // "Some will say we need X. Do we?": a short doubting question refuses the statement before it.
  const doubt = startsWithAny(tokens, start, DOUBTING_QUESTIONS);
  if (before && doubt === end - start && !questionBefore && endsWithQuestion(tokens, text, end)) markRejected(out, before.start, before.end, start);
  // "Do we really need to translate orders into per-service load?" (unless the answer is "Yes").
  const rhetorical = startsWithAny(tokens, start, RHETORICAL_OPENERS);
  // "Who needs X when the agents retry?" is rhetorical; "Who needs these dashboards?" asks.
  const genuineQuestion = normAt(tokens, start) === 'who' && rhetorical === 2 && !hasWord(tokens, start, end, CONDITIONAL_TAILS);
  if (rhetorical > 0 && !genuineQuestion && endsWithQuestion(tokens, text, end) && !(nextStart !== undefined && AFFIRMATIONS.has(normAt(tokens, nextStart)))) markRejected(out, start, end, start + rhetorical - 1);
  markIfEver(tokens, out, sentence, questionBefore ? before : undefined);
}

/** "Sooner or later someone suggests X", "Some will say X": the speech verb `verb` near the sentence start. */
function markAttribution(tokens: Tokens, out: Int32Array, verb: number, start: number, end: number): void {
  if (verb - start > 8) return;
  let reporter = verb - 1;
  while (reporter > start && reporter >= verb - 3 && REPORT_FILLERS.has(normAt(tokens, reporter)) && !REPORTERS.has(normAt(tokens, reporter))) reporter -= 1;
  if (!REPORTERS.has(normAt(tokens, reporter)) || reporter - start > 5) return;
  // "we'd say", "I suggest": the candidate's own voice.
  for (let at = start; at < reporter; at += 1) if (OWN_VOICE.has(normAt(tokens, at))) return;
  markRejected(out, start, end, verb);
}

const OWN_VOICE: ReadonlySet<string> = new Set(['we', 'i', 'wed', 'id', 'well', 'our']);

/** "X is what people always propose": the idea is the conventional one, set aside. */
function markConventional(tokens: Tokens, out: Int32Array, what: number, start: number, end: number): void {
  if (what === start || !REPORTERS.has(normAt(tokens, what + 1))) return;
  let verb = what + 2;
  while (verb < end && verb <= what + 4 && REPORT_FILLERS.has(normAt(tokens, verb))) verb += 1;
  if (SPEECH_VERBS.has(normAt(tokens, verb))) markRejected(out, start, what, verb);
}

/** "..., so it stays out", "..., so that's out", "..., so we wouldn't ask", "..., so we don't.". */
function markConsequence(tokens: Tokens, text: TextReader, out: Int32Array, so: number, start: number, end: number): void {
  const first = normAt(tokens, so + 1);
  const second = normAt(tokens, so + 2);
  let verdictEnd = -1;
  if (CONSEQUENCE_PRONOUNS.has(first) && STAYING_VERBS.has(second) && (normAt(tokens, so + 3) === 'out' || normAt(tokens, so + 3) === 'off')) verdictEnd = so + 4;
  else if ((first === 'thats' || first === 'its') && second === 'out') verdictEnd = so + 3;
  else if (first === 'we' && REFUSING_AUXILIARIES.has(second)) {
    verdictEnd = so + 3;
    if (NOT_PURSUING.has(normAt(tokens, verdictEnd)) && !gapHas(tokens, verdictEnd, GAP_SEPARATOR | GAP_TERMINATOR | GAP_NEWLINE)) verdictEnd += 1;
    if (CONSEQUENCE_PRONOUNS.has(normAt(tokens, verdictEnd)) || normAt(tokens, verdictEnd) === 'them') verdictEnd += 1;
    // "so we don't treat them differently": the special handling the point asks for, refused.
    else if (OBJECT_WORDS.has(normAt(tokens, verdictEnd + 1)) && SPECIALLY.has(normAt(tokens, verdictEnd + 2))) verdictEnd += 3;
  }
  if (verdictEnd < 0) return;
  // The verdict must end its clause: "so we don't lose errors" goes on and keeps the errors.
  if (verdictEnd < end && !gapHas(tokens, verdictEnd, GAP_SEPARATOR | GAP_TERMINATOR | GAP_NEWLINE)) return;
  markRejected(out, clauseStart(tokens, text, so, start), so, so + 1);
}

/** "X would be considered if ...", "X would matter if ...", "X could be added once ...". */
function markDeferral(tokens: Tokens, text: TextReader, out: Int32Array, modal: number, start: number, end: number, question: Sentence | undefined): void {
  let at = modal + 1;
  // "would that be worth building": the subject after the modal, in an inverted clause.
  const inverted = INVERTED_SUBJECTS.has(normAt(tokens, at)) && normAt(tokens, at + 1) === 'be';
  if (inverted) at += 1;
  if (normAt(tokens, at) === 'only') at += 1;
  let deferred = false;
  if (normAt(tokens, at) === 'be') {
    const state = normAt(tokens, at + 1);
    // "would be added when the queue grows" describes autoscaling; only "could/might be added" defers.
    deferred = DEFERRED_STATES.has(state) || (state === 'added' && normAt(tokens, modal) !== 'would');
    at += 2;
  } else if (DEFERRED_VERBS.has(normAt(tokens, at))) {
    deferred = normAt(tokens, at) === 'matter' || normAt(tokens, at + 1) === 'sense' || normAt(tokens, at + 1) === 'off';
    at += normAt(tokens, at) === 'matter' ? 1 : 2;
  }
  if (!deferred) return;
  const clauseStop = clauseEnd(tokens, modal, end);
  let conditioned = false;
  for (let index = at; index < Math.min(end, at + 6); index += 1) {
    if (CONDITIONS.has(normAt(tokens, index))) {
      conditioned = true;
      break;
    }
    if (index >= clauseStop && !gapHas(tokens, index, GAP_SEPARATOR)) break;
  }
  // "would be nice to have (we don't write them)", "would be worth building": no condition
  // needed when the modal's subject is the idea itself, named before it.
  const state = normAt(tokens, inverted ? modal + 3 : modal + 2);
  if (!conditioned && !inverted && state !== 'nice' && state !== 'worth') return;
  const from = subjectStart(tokens, text, modal, start);
  // "Only once the automation has caused an incident would that be worth building": inverted,
  // the pronoun stands for the question asked before.
  if (from === modal || (inverted && spells(tokens, start, ['only']))) {
    if (question) markRejected(out, question.start, question.end, modal);
    markRejected(out, start, modal, modal);
    return;
  }
  markRejected(out, from, modal, modal);
}

/** "If we ever go multi-region we can revisit N+1 then.": the idea waits on a condition that may never come. */
function markIfEver(tokens: Tokens, out: Int32Array, sentence: Sentence, question: Sentence | undefined): void {
  const { start, end } = sentence;
  if (normAt(tokens, start) !== 'if') return;
  let ever = false;
  for (let index = start + 1; index < end && index < start + 6; index += 1) if (normAt(tokens, index) === 'ever') ever = true;
  if (!ever) return;
  for (let index = start + 2; index < end; index += 1) {
    if (!REVISITING.has(normAt(tokens, index))) continue;
    const word = normAt(tokens, index);
    // "added"/"considered" defer only after "could/might be": "we added capacity" is done.
    if ((word === 'added' || word === 'considered' || word === 'revisited') && !(normAt(tokens, index - 1) === 'be' && ['could', 'might', 'would'].includes(normAt(tokens, index - 2)))) continue;
    if (question) markRejected(out, question.start, question.end, index);
    markRejected(out, start, end, index);
    return;
  }
}

/** "X and Y are both off the table", "X is cargo cult", "X is less reliable than Y", "...; and so are Z". */
function markCopulaVerdict(tokens: Tokens, text: TextReader, out: Int32Array, copula: number, start: number, end: number): void {
  if (!AFTER_COPULA.has(normAt(tokens, copula + 1)) && normAt(tokens, copula - 1) !== 'so') return;
  let at = copula + 1;
  while (at < end && at <= copula + 3 && VERDICT_FILLERS.has(normAt(tokens, at))) at += 1;
  // "and so are latency-injection experiments": adds to the rejection just made.
  if (normAt(tokens, copula - 1) === 'so' && normAt(tokens, copula - 2) === 'and' && rejectedBefore(out, start, copula - 2)) {
    markRejected(out, copula + 1, clauseEnd(tokens, copula, end), copula - 1);
    return;
  }
  const verdict = startsWithAny(tokens, at, LONG_SUBJECT_VERDICTS);
  // "X has been ruled out", "X will be shelved": the subject ends before the auxiliaries.
  let subjectEnd = copula;
  while (subjectEnd > start + 1 && subjectEnd > copula - 2 && AUXILIARIES.has(normAt(tokens, subjectEnd - 1))) subjectEnd -= 1;
  let cue = -1;
  if (verdict > 0) {
    // "X is out" only when the clause ends there ("is out of date" describes; "out of scope" is listed).
    if (verdict === 1 && normAt(tokens, at) === 'out' && at + 1 < end && !gapHas(tokens, at + 1, GAP_SEPARATOR | GAP_TERMINATOR | GAP_NEWLINE)) return;
    cue = at;
  } else if (WORSE.has(normAt(tokens, at)) || (normAt(tokens, at) === 'less' && LESS_GOOD.has(normAt(tokens, at + 1)))) {
    // "X is riskier than paying", "X is less reliable than asking teams", "slower to set up than they're worth".
    for (let index = at + 1; index < end && index <= at + 4; index += 1) {
      if (normAt(tokens, index) === 'than') {
        cue = at;
        break;
      }
      if (gapHas(tokens, index, GAP_SEPARATOR | GAP_TERMINATOR | GAP_NEWLINE)) break;
    }
  }
  if (cue < 0) return;
  const from = subjectStart(tokens, text, subjectEnd, start);
  if (from < subjectEnd) markRejected(out, from, subjectEnd, cue);
}

const AUXILIARIES: ReadonlySet<string> = new Set(['has', 'have', 'had', 'will', 'would', 'may', 'might', 'could', 'should', 'must', 'already', 'since']);

function rejectedBefore(out: Int32Array, from: number, to: number): boolean {
  for (let index = from; index < to; index += 1) if ((out[index] ?? 0) !== 0) return true;
  return false;
}

/** "A metrics catalogue with a named owner per KPI is overhead we'd skip". */
function markSkippedNoun(tokens: Tokens, text: TextReader, out: Int32Array, skip: number, start: number, end: number): void {
  if (!WE_WOULD.has(normAt(tokens, skip - 1)) && !(normAt(tokens, skip - 1) === 'would' && normAt(tokens, skip - 2) === 'we')) return;
  const we = skip - 1;
  // "a second project we'd rather not start": the verb after "rather not".
  let verb = skip;
  if (normAt(tokens, skip) === 'rather') {
    if (normAt(tokens, skip + 1) !== 'not') return;
    verb = skip + 2;
  }
  if (verb + 1 < end && !gapHas(tokens, verb + 1, GAP_SEPARATOR | GAP_TERMINATOR | GAP_NEWLINE)) return;
  for (let copula = we - 1; copula > start && copula >= we - 5; copula -= 1) {
    if (!COPULAS_BEFORE_CLAUSE.has(normAt(tokens, copula))) continue;
    const from = subjectStart(tokens, text, copula, start);
    if (from < copula) markRejected(out, from, copula, skip);
    return;
  }
}

/** "Comparing with last week sounds clever until a promotion moves the baseline". */
function markFalseComfort(tokens: Tokens, text: TextReader, out: Int32Array, seems: number, start: number, end: number): void {
  let at = seems + 1;
  if (normAt(tokens, at) === 'very' || normAt(tokens, at) === 'really') at += 1;
  if (!FAINT_PRAISE.has(normAt(tokens, at)) || at + 1 >= end) return;
  const turn = normAt(tokens, at + 1);
  if (turn !== 'until' && turn !== 'but' && !((turn === 'on' || turn === 'in') && showcase(tokens, at + 2, end))) return;
  markSubject(tokens, text, out, seems, start, at);
}

/** Where an idea only looks good: "on paper", "in theory", "on a conference slide", "in a vendor demo". */
const SHOWCASES: ReadonlySet<string> = new Set(['paper', 'theory', 'slide', 'slides', 'talk', 'talks', 'demo', 'demos', 'blog', 'whiteboard', 'keynote', 'brochure']);

function showcase(tokens: Tokens, from: number, end: number): boolean {
  for (let at = from; at < end && at < from + 3; at += 1) if (SHOWCASES.has(normAt(tokens, at))) return true;
  return false;
}

/** Marks the subject that ends before `verb` as rejected by `cue`. */
function markSubject(tokens: Tokens, text: TextReader, out: Int32Array, verb: number, start: number, cue: number): void {
  const from = subjectStart(tokens, text, verb, start);
  if (from < verb) markRejected(out, from, verb, cue);
}

function markMadeMoot(tokens: Tokens, text: TextReader, out: Int32Array, moot: number, start: number): void {
  for (let verb = moot - 2; verb >= start && verb >= moot - 12; verb -= 1) {
    if (MAKING.has(normAt(tokens, verb))) {
      // "which makes X redundant", "this renders X moot": what the answer already has. ("Two
      // gateways make the tier redundant" is high availability, and stays.)
      if (REFERRING.has(normAt(tokens, verb - 1))) markRejected(out, verb + 1, moot, moot);
      return;
    }
    if (gapHas(tokens, verb + 1, GAP_TERMINATOR | GAP_NEWLINE) || clausePunctuationBefore(tokens, text, verb + 1)) return;
  }
}

/** "A durable Kafka buffer: not this year.": a refusal after a colon, with nothing new named after it. */
const DEFERRING_QUALIFIERS: ReadonlySet<string> = new Set(['this', 'now', 'yet', 'for', 'today', 'in', 'until', 'before', 'here', 'needed', 'thanks', 'way', 'chance']);

function markColonRefusal(tokens: Tokens, text: TextReader, out: Int32Array, not: number, start: number, end: number): void {
  if (not === start || !charBefore(tokens, text, not, COLON)) return;
  const stop = clauseEnd(tokens, not, end);
  if (stop - not > 4 || (stop - not > 1 && !DEFERRING_QUALIFIERS.has(normAt(tokens, not + 1)))) return;
  markRejected(out, clauseStart(tokens, text, not - 1, start), not, not);
}

/** "X is a product analytics question, and we'd leave it to that team", "..., so we leave them off". */
function markLeftToOthers(tokens: Tokens, text: TextReader, out: Int32Array, leave: number, start: number, end: number): void {
  // "Source maps and breadcrumbs we'd leave out, ...": the object comes first.
  if (normAt(tokens, leave + 1) === 'out' && WE_WOULD.has(normAt(tokens, leave - 1)) && (leave + 2 >= end || gapHas(tokens, leave + 2, GAP_SEPARATOR | GAP_TERMINATOR | GAP_NEWLINE))) {
    const from = clauseStart(tokens, text, leave - 1, start);
    if (from < leave - 1 && !gapHas(tokens, leave - 1, GAP_SEPARATOR)) markRejected(out, from, leave - 1, leave);
    return;
  }
  // "X is something I'd leave to each team": handed to others, like "we'd skip".
  if (normAt(tokens, leave + 1) === 'to' && WE_WOULD.has(normAt(tokens, leave - 1))) {
    for (let copula = leave - 2; copula > start && copula >= leave - 5; copula -= 1) {
      if (!COPULAS_BEFORE_CLAUSE.has(normAt(tokens, copula))) continue;
      markSubject(tokens, text, out, copula, start, leave);
      return;
    }
  }
  const object = normAt(tokens, leave + 1);
  if (object !== 'it' && object !== 'that' && object !== 'them' && object !== 'this') return;
  const after = normAt(tokens, leave + 2);
  const handed = after === 'to' && leave + 3 < end;
  const leftOut = (after === 'off' || after === 'out') && (leave + 3 >= end || gapHas(tokens, leave + 3, GAP_SEPARATOR | GAP_TERMINATOR | GAP_NEWLINE));
  if (!handed && !leftOut) return;
  // The clause before the one that leaves it: back over "we'd", "and", "so" to the comma, then
  // to the sentence start, colon, semicolon or parenthesis before that.
  let clause = leave;
  while (clause > start && !gapHas(tokens, clause, GAP_SEPARATOR | GAP_TERMINATOR | GAP_NEWLINE) && !clausePunctuationBefore(tokens, text, clause)) clause -= 1;
  if (clause <= start) return;
  markRejected(out, clauseStart(tokens, text, clause - 1, start), clause, leave);
}
