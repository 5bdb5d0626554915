import type { TextReader } from './answer-text.ts';
import { clauseEnd, colonInGap, endsWithQuestion, gapHas, holdsCode, isTopicBreak, markRejected, spells } from './negation-marks.ts';
import type { Segmentation } from './sentences.ts';
import { GAP_BLANK_LINE, GAP_BULLET, GAP_NEWLINE, GAP_SEPARATOR, GAP_SPACE, GAP_TERMINATOR, normAt, type Tokens } from './tokenize.ts';

/*
 * Rejections made of a sentence's shape rather than one negating word (see negation-discourse.ts
 * for sarcasm, deferrals and verdicts on a long subject):
 * - a reply to a question that dismisses it: "Tiered retention? Phase 3, maybe.", "Usage
 *   analytics? Nobody is going to read that report.", "Series limits? lol.";
 * - a short verdict after a statement: "Thanos is a whole system to run. Hard pass.", "...it
 *   burned us. Never again.";
 * - a choice of something else over the idea: "We'll go with head sampling over tail-based
 *   sampling", "Y beats X", "X lost to Y";
 * - an idea tried and given up: "We tried 10-second scrapes and went back to 60";
 * - an idea left to bigger companies: "X is for companies ten times our size".
 * Like the other rules, each writes 1 + the index of its cue token into `out` for every
 * rejected token no earlier rule claimed.
 */

/** Phrases grouped by their first word, so a word that starts none costs one lookup. */
type PhraseIndex = ReadonlyMap<string, readonly (readonly string[])[]>;

function indexPhrases(phrases: readonly (readonly string[])[]): PhraseIndex {
  const byFirst = new Map<string, (readonly string[])[]>();
  for (const phrase of phrases) {
    const first = phrase[0] ?? '';
    const list = byFirst.get(first) ?? [];
    list.push(phrase);
    byFirst.set(first, list);
  }
  return byFirst;
}

/** The length of the first of the indexed phrases spelled at `at`, or 0. */
function phraseAt(tokens: Tokens, at: number, phrases: PhraseIndex): number {
  const candidates = phrases.get(normAt(tokens, at));
  if (candidates === undefined) return 0;
  // Indexed loops here and below: for...of made an iterator object per call, on every sentence.
  for (let index = 0; index < candidates.length; index += 1) {
    const phrase = candidates[index] ?? [];
    if (spells(tokens, at, phrase)) return phrase.length;
  }
  return 0;
}

/** How a reply to a question can open when it dismisses what was asked. */
const DISMISSING_REPLIES_LIST: readonly (readonly string[])[] = [
  ['phase', '2'], ['phase', '3'], ['phase', 'two'], ['phase', 'three'], ['v2'], ['v3'], ['maybe', 'later'], ['maybe', 'someday'],
  ['someday'], ['one', 'day'], ['nah'], ['nope'], ['meh'], ['lol'], ['pass'], ['hard', 'pass'], ['hard', 'no'], ['no', 'thanks'],
  ['no', 'way'], ['never'], ['nobody'], ['no', 'one'], ['not', 'worth'], ['not', 'needed'], ['not', 'for', 'us'],
  ['not', 'happening'], ['not', 'a', 'chance'], ['not', 'in', 'this'], ['overkill'], ['skip'], ['thanks', 'but'], ['too', 'expensive'],
  ['too', 'much'], ['waste'], ['yagni'], ['not', 'now'], ['not', 'yet'], ['not', 'this'], ['no'], ['not', 'on'],
];
const DISMISSING_REPLIES = indexPhrases(DISMISSING_REPLIES_LIST);

/** A whole short sentence that is a verdict on the statement before it. */
const SHORT_VERDICTS_LIST: readonly (readonly string[])[] = [
  ['hard', 'pass'], ['hard', 'no'], ['never', 'again'], ['not', 'worth', 'it'], ['not', 'doing', 'it'], ['not', 'doing', 'that'],
  ['skip', 'it'], ['drop', 'it'], ['pass'], ['nope'], ['nah'], ['no', 'thanks'], ['not', 'for', 'us'], ['not', 'happening'],
  ['no', 'way'], ['not', 'a', 'chance'], ['waste', 'of', 'time'], ['waste', 'of', 'money'], ['waste', 'of', 'effort'], ['overkill'],
  ['yagni'], ['next'], ['ill', 'pass'], ['well', 'pass'], ['id', 'pass'], ['wed', 'pass'], ['not', 'in', 'our', 'pipeline'],
  ['not', 'on', 'my', 'watch'], ['thanks', 'but', 'no', 'thanks'], ['no', 'thank', 'you'], ['skip'], ['removed'], ['cut'],
  ['dropped'], ['over', 'my', 'dead', 'body'], ['when', 'pigs', 'fly'], ['that', 'ship', 'has', 'sailed'], ['so', 'no'],
  ['thats', 'a', 'no'], ['a', 'hard', 'no'], ['absolutely', 'not'], ['definitely', 'not'],
];

/** A sentence that contradicts the dismissal before it: "The vendor called X a gimmick. I disagree: ...". */
const REBUTTALS_LIST: readonly (readonly string[])[] = [
  ['i', 'disagree'], ['i', 'beg', 'to', 'differ'], ['not', 'true'], ['it', 'isnt'], ['they', 'arent'], ['it', 'is', 'not'],
  ['they', 'are', 'not'], ['wrong'], ['quite', 'the', 'opposite'], ['i', 'think', 'thats', 'wrong'], ['i', 'couldnt', 'disagree', 'more'],
];
const REBUTTALS = indexPhrases(REBUTTALS_LIST);

/** A refusal that opens a short sentence whose other words are only its object pronoun: "Not capturing them.", "Remove it.". */
const REFUSAL_OPENERS: ReadonlySet<string> = new Set(['not', 'no', 'never', 'remove', 'removed', 'drop', 'dropped', 'cut', 'kill', 'killed', 'skip', 'skipping', 'scrap', 'scrapped', 'ditch', 'ditching']);
const OBJECT_PRONOUNS: ReadonlySet<string> = new Set(['it', 'them', 'that', 'those', 'these', 'this', 'either', 'too', 'either']);
/** The longest such sentence: a refusal, a verb or two, and the pronoun. */
const MAX_PRONOUN_REFUSAL = 4;

/** "Not capturing them.", "Remove it.", "Never building that.": a short refusal pointing back at what was just said. */
function pronounRefusal(tokens: Tokens, start: number, end: number): boolean {
  if (end - start > MAX_PRONOUN_REFUSAL || end - start < 2 || !REFUSAL_OPENERS.has(normAt(tokens, start))) return false;
  return OBJECT_PRONOUNS.has(normAt(tokens, end - 1));
}
const SHORT_VERDICTS = indexPhrases(SHORT_VERDICTS_LIST);

/** The sentence is a short verdict, whole ("Hard pass.") or before a comma or colon ("Never again: it ate a quarter."). */
function shortVerdict(tokens: Tokens, text: TextReader, start: number, end: number): boolean {
  // "cut:" on a line of its own is a heading (negation-sections.ts), not a verdict on the line before.
  if (colonInGap(tokens, text, end)) return false;
  if (pronounRefusal(tokens, start, end)) return true;
  const length = phraseAt(tokens, start, SHORT_VERDICTS);
  return length > 0 && (length === end - start || gapHas(tokens, start + length, GAP_SEPARATOR) || colonInGap(tokens, text, start + length));
}


/** Verbs of choosing: "go with Y over X" rejects X. */
const CHOOSING: ReadonlySet<string> = new Set([
  'with', 'pick', 'picked', 'choose', 'chose', 'prefer', 'preferred', 'prefers', 'favour', 'favor', 'favoured', 'favored', 'take', 'took', 'for',
]);
/** Y beats X: the object loses. */
const WINNING: ReadonlySet<string> = new Set(['beats', 'beat', 'trumps', 'outperforms', 'wins']);
/** X lost to Y, X loses to Y: the subject loses. */
const LOSING: ReadonlySet<string> = new Set(['loses', 'lost', 'lose']);
/** What a losing idea loses: "loses to", "lost out", "loses the comparison", "loses on cost". */
const LOST_CONTESTS: ReadonlySet<string> = new Set(['to', 'out', 'the', 'on', 'every', 'against']);
const PEOPLE: ReadonlySet<string> = new Set(['we', 'i', 'you', 'they', 'youd', 'wed', 'id', 'theyd', 'would', 'will', 'never', 'not', 'dont']);

/** "tried X and went back", "tried X, gave up": what giving up on an idea looks like. */
const GIVING_UP_LIST: readonly (readonly string[])[] = [
  ['went', 'back'], ['gave', 'up'], ['ripped', 'it', 'out'], ['ripped', 'them', 'out'], ['rolled', 'it', 'back'], ['abandoned'],
  ['reverted'], ['backed', 'it', 'out'], ['switched', 'back'], ['never', 'again'], ['burned', 'us'], ['burnt', 'us'], ['bit', 'us'],
  ['regretted'], ['turned', 'it', 'off'], ['turned', 'them', 'off'], ['dropped', 'it'], ['killed', 'it'], ['undid'],
];
const GIVING_UP = indexPhrases(GIVING_UP_LIST);
/** "X is for companies ten times our size": who the idea is for, when it is not us. */
const BIGGER_OTHERS: ReadonlySet<string> = new Set([
  'companies', 'company', 'teams', 'shops', 'orgs', 'organisations', 'organizations', 'google', 'netflix', 'amazon', 'facebook',
  'meta', 'hyperscalers', 'banks', 'enterprises', 'bigger', 'larger', 'unicorns', 'faang',
]);
const COPULAS: ReadonlySet<string> = new Set(['is', 'are', 'thats', 'its', 'was', 'seems', 'sounds', 'feels']);

function clauseStart(tokens: Tokens, index: number, start: number): number {
  let at = index;
  while (at > start && !gapHas(tokens, at, GAP_SEPARATOR | GAP_TERMINATOR | GAP_NEWLINE)) at -= 1;
  return at;
}

/** "go with Y over X", "Y beats X", "X lost to Y", inside one sentence. */
function markChoices(tokens: Tokens, out: Int32Array, start: number, end: number): void {
  for (let index = start + 1; index < end; index += 1) {
    const word = normAt(tokens, index);
    if (word === 'over' && index + 1 < end) {
      // "go with plain head sampling over tail-based sampling": a choosing word within the few words before.
      let chose = false;
      for (let back = index - 1; back >= start && back >= index - 8 && !chose; back -= 1) chose = CHOOSING.has(normAt(tokens, back)) && (normAt(tokens, back) !== 'with' || normAt(tokens, back - 1) === 'go' || normAt(tokens, back - 1) === 'went');
      // "over time", "over the wire", "over HTTP" are not choices: the object must be a clause of its own length.
      if (chose && normAt(tokens, index + 1) !== 'time' && normAt(tokens, index + 1) !== 'the') markRejected(out, index + 1, clauseEnd(tokens, index, end), index);
    } else if (WINNING.has(word) && index + 1 < end) {
      markRejected(out, index + 1, clauseEnd(tokens, index, end), index);
    } else if (LOSING.has(word) && LOST_CONTESTS.has(normAt(tokens, index + 1)) && !PEOPLE.has(normAt(tokens, index - 1))) {
      // "X loses to Y", "X lost the comparison" (not "we lose the one event", a cost of something else).
      markRejected(out, clauseStart(tokens, index, start), index, index);
    }
  }
}

/** "We tried 10-second scrape intervals and went back to 60", "tried X; never again". */
function markTried(tokens: Tokens, out: Int32Array, start: number, end: number, nextStart: number, nextEnd: number): void {
  for (let index = start; index < end; index += 1) {
    const word = normAt(tokens, index);
    if (word !== 'tried' && word !== 'trialled' && word !== 'trialed' && word !== 'piloted') continue;
    let gaveUp = -1;
    for (let at = index + 1; at < end && gaveUp < 0; at += 1) if (phraseAt(tokens, at, GIVING_UP) > 0) gaveUp = at;
    for (let at = nextStart; at < nextEnd && at < nextStart + 6 && gaveUp < 0; at += 1) if (phraseAt(tokens, at, GIVING_UP) > 0) gaveUp = at;
    if (gaveUp < 0) return;
    markRejected(out, index + 1, gaveUp > index && gaveUp < end ? gaveUp : end, gaveUp);
    return;
  }
}

/** "Attribute allow-lists are for companies 10x our size", "that's for Google". */
function markForOthers(tokens: Tokens, out: Int32Array, start: number, end: number): void {
  for (let index = start + 1; index + 1 < end; index += 1) {
    if (normAt(tokens, index) !== 'for' || !COPULAS.has(normAt(tokens, index - 1))) continue;
    let who = index + 1;
    while (who < end && who <= index + 3 && (normAt(tokens, who) === 'a' || normAt(tokens, who) === 'the' || normAt(tokens, who) === 'much')) who += 1;
    if (!BIGGER_OTHERS.has(normAt(tokens, who))) continue;
    // The subject: back from the copula to the clause start.
    markRejected(out, clauseStart(tokens, index - 1, start), index - 1, index);
    return;
  }
}

/** A comment after a topic's colon that dismisses the topic: "Showback/chargeback: phase 3 as well.". */
const DISMISSING_COMMENTS_LIST: readonly (readonly string[])[] = [
  ...DISMISSING_REPLIES_LIST, ['later'], ['tried', 'that'], ['tried', 'those'], ['tried', 'it'], ['tried', 'them'], ['a', 'solution', 'looking'],
  ['solution', 'looking'], ['cargo', 'cult'], ['a', 'waste'], ['dropped'], ['cut'], ['out'], ['out', 'of', 'scope'], ['off', 'the', 'table'],
  ['rejected'], ['not', 'doing'], ['skipped'], ['deferred'], ['parked'], ['dead', 'on', 'arrival'], ['a', 'trap'], ['theatre'], ['theater'],
  ['replaced'], ['replaced', 'by'], ['dropping', 'it'], ['dropped', 'it'], ['not', 'our', 'job'], ['not', 'my', 'job'], ['removed'], ['killed'],
];
const DISMISSING_COMMENTS = indexPhrases(DISMISSING_COMMENTS_LIST);

/** The characters [from, to) part a topic from its comment (isTopicBreak). */
function topicBreak(text: TextReader, from: number, to: number): boolean {
  for (let at = from; at < to; at += 1) if (isTopicBreak(text.charCodeAt(at))) return true;
  return false;
}

/** The first token of the line holding `index`, not before `start`. */
function lineStart(tokens: Tokens, index: number, start: number): number {
  let at = index;
  while (at > start && !gapHas(tokens, at, GAP_NEWLINE)) at -= 1;
  return at;
}

/** Just past the last token of the line holding `index`, not past `end`. */
function lineEnd(tokens: Tokens, index: number, end: number): number {
  let at = index + 1;
  while (at < end && !gapHas(tokens, at, GAP_NEWLINE)) at += 1;
  return at;
}

/** "no need", "never again": a bare "no" or "never" and what may follow it in a dismissal. */
const DISMISSING_AFTER_NO: ReadonlySet<string> = new Set(['need', 'thanks', 'way', 'point', 'value', 'benefit', 'reason', 'use', 'chance', 'time', 'budget', 'appetite', 'interest', 'go', 'again', 'needed', 'worth', 'happening', 'sir']);

/**
 * "Label cardinality: no user ids in labels", "Errors: never sampled": a "no" or "never" that
 * opens a noun phrase or a verb states the topic's policy, not a verdict on it. Only a bare one
 * ("Kafka buffer: no.", "Tail sampling: never, it ate a quarter") or one of the dismissing
 * pairs ("no need", "never again") dismisses the topic.
 */
function policyAfterTopic(tokens: Tokens, at: number, length: number, end: number): boolean {
  const word = normAt(tokens, at);
  if (length !== 1 || (word !== 'no' && word !== 'never')) return false;
  if (at + 1 >= end || gapHas(tokens, at + 1, GAP_SEPARATOR | GAP_TERMINATOR | GAP_NEWLINE)) return false;
  return !DISMISSING_AFTER_NO.has(normAt(tokens, at + 1));
}

/**
 * "Per-issue rate limits, spike protection: tried those too", "WORM buckets, hash chains: a
 * solution looking for a problem", "breadcrumbs + symbolicated traces → nah, stack string is
 * enough", "3. business-KPI alerting — dropped": the words before the break are the topic, the
 * comment right after it dismisses the topic. The topic starts the sentence or its line.
 */
function markTopicComment(tokens: Tokens, text: TextReader, out: Int32Array, start: number, end: number): void {
  for (let index = start; index + 1 < end; index += 1) {
    const from = tokens.ends[index] ?? 0;
    const to = tokens.starts[index + 1] ?? from;
    // A plain space parts most words: nothing to read there.
    if (to - from === 1 && text.charCodeAt(from) === 32) continue;
    if (!topicBreak(text, from, to)) continue;
    const length = phraseAt(tokens, index + 1, DISMISSING_COMMENTS);
    if (length > 0 && !(normAt(tokens, index + 1) === 'not' && (normAt(tokens, index + 2) === 'only' || normAt(tokens, index + 2) === 'just')) && !policyAfterTopic(tokens, index + 1, length, end)) {
      markRejected(out, lineStart(tokens, index, start), index + 1, index + 1);
    }
  }
}

/** Where in [from, to) a rejecting mark (❌ ✗ ✘ ⛔ 👎 🚫 🙅) stands, or -1. */
function rejectingMarkAt(text: TextReader, from: number, to: number): number {
  for (let at = from; at < to; at += 1) {
    const code = text.charCodeAt(at);
    if (code === 0x274c || code === 0x2717 || code === 0x2718 || code === 0x26d4) return at;
    // 👎 U+1F44E, 🚫 U+1F6AB, 🙅 U+1F645: surrogate pairs.
    if (code === 0xd83d) {
      const low = text.charCodeAt(at + 1);
      if (low === 0xdc4e || low === 0xdeab || low === 0xde45) return at;
    }
  }
  return -1;
}

const NEWLINE = 10;
const OPEN_PAREN = 40;

/** [from, to) holds a line break. */
function holdsNewline(text: TextReader, from: number, to: number): boolean {
  for (let at = from; at < to; at += 1) if (text.charCodeAt(at) === NEWLINE) return true;
  return false;
}

/**
 * Where the list item that ends before token `index` starts: back to its line's start, a list
 * separator, an opening parenthesis or another item's mark ("a 👍, b 👎": b alone).
 */
function itemStart(tokens: Tokens, text: TextReader, index: number, line: number): number {
  let at = index - 1;
  while (at > line) {
    if (gapHas(tokens, at, GAP_SEPARATOR | GAP_NEWLINE)) return at;
    const from = tokens.ends[at - 1] ?? 0;
    const to = tokens.starts[at] ?? from;
    if (to - from > 1 && (holdsCode(text, from, to, OPEN_PAREN) || holdsMark(text, from, to))) return at;
    at -= 1;
  }
  return line;
}

/** Any list mark, rejecting or approving (✅ ✔ 👍 as well): where one item ends. */
function holdsMark(text: TextReader, from: number, to: number): boolean {
  for (let at = from; at < to; at += 1) {
    const code = text.charCodeAt(at);
    if (code === 0x2705 || code === 0x2714 || (code === 0xd83d && text.charCodeAt(at + 1) === 0xdc4d)) return true;
  }
  return rejectingMarkAt(text, from, to) >= 0;
}

/**
 * "per-team quotas ❌ (teams will riot)", "❌ game days", "a 👍, b 👎": a rejecting mark rejects
 * its item: the words before it back to the item's start, or, when it opens a line, that line.
 */
function markRejectingMarks(tokens: Tokens, text: TextReader, out: Int32Array, start: number, end: number): void {
  for (let index = start; index <= end && index < tokens.count + 1; index += 1) {
    // The characters before token `index` (for the last one, after the segment's last token, to the line end).
    const from = index === start ? (start > 0 ? (tokens.ends[start - 1] ?? 0) : 0) : (tokens.ends[index - 1] ?? 0);
    const to = gapEnd(tokens, text, index);
    if (to - from <= 1) continue;
    const markAt = rejectingMarkAt(text, from, to);
    if (markAt < 0) continue;
    // A mark after a line break opens the next line; one before it closes the line it ends.
    const opensLine = index < end && holdsNewline(text, from, markAt) ? true : index === start && index === 0;
    if (opensLine) {
      const stop = lineEnd(tokens, index, end);
      // The cue is a token just outside what is rejected, as a rejection's cue must be (rejectingCue).
      markRejected(out, index, stop, stop);
      continue;
    }
    if (index === start) continue;
    const stop = Math.min(index, end);
    markRejected(out, itemStart(tokens, text, stop, lineStart(tokens, stop - 1, start)), stop, stop);
  }
}

/** Where the characters before token `index` end: its start, or the text's end after the last token. */
function gapEnd(tokens: Tokens, text: TextReader, index: number): number {
  return index < tokens.count ? (tokens.starts[index] ?? text.length) : text.length;
}

/**
 * How an answer frames an idea as someone else's or the textbook's before setting it aside:
 * "The textbook design is X.", "The tempting move is X.", "You could argue for X.", "My
 * colleagues tend to push for X.", "On paper, X is appealing.".
 */
const FRAMINGS_LIST: readonly (readonly string[])[] = [
  ['the', 'textbook'], ['the', 'gold', 'standard'], ['the', 'tempting'], ['the', 'obvious', 'answer'], ['the', 'obvious', 'move'],
  ['the', 'classic', 'answer'], ['the', 'standard', 'answer'], ['the', 'by', 'the', 'book'], ['the', 'conventional'], ['you', 'could', 'argue'],
  ['one', 'could', 'argue'], ['some', 'would', 'argue'], ['on', 'paper'], ['in', 'theory'], ['my', 'colleagues'], ['a', 'colleague'],
  ['i', 'hear', 'a', 'lot'], ['i', 'hear', 'people'], ['a', 'lot', 'of', 'people'], ['the', 'vendor', 'will'], ['the', 'vendors'],
  ['the', 'purist'], ['the', 'ideal'], ['ideally'], ['in', 'an', 'ideal', 'world'], ['in', 'a', 'perfect', 'world'], ['the', 'fancy'],
];
const FRAMINGS = indexPhrases(FRAMINGS_LIST);
/** How the next sentence turns away from a framed idea: "But...", "I'd rather...", "Mine is simpler", "This time I'd skip it". */
const TURNS_LIST: readonly (readonly string[])[] = [
  ['but'], ['however'], ['id', 'rather'], ['wed', 'rather'], ['i', 'would', 'rather'], ['we', 'would', 'rather'], ['mine', 'is'],
  ['this', 'time'], ['in', 'practice'], ['realistically'], ['instead'], ['my', 'worry'], ['i', 'am', 'not', 'convinced'], ['im', 'not', 'convinced'],
  ['it', 'also'], ['that', 'would'], ['that', 'means'], ['for', 'us'], ['here'], ['honestly'], ['personally'], ['not', 'for', 'us'],
];
const TURNS = indexPhrases(TURNS_LIST);

/** Words that turn from a framed idea wherever they stand in the next sentence: "We're a single-region shop, though". */
const CONTRASTS: ReadonlySet<string> = new Set(['though', 'however', 'rather', 'instead']);
/** The most words a lead-in can take before the framing: "For capacity, the tempting move is X". */
const MAX_FRAMING_LEAD = 4;

/** Where a framing starts in the sentence [start, end): at its start or after a short lead-in and a comma; its length in `FRAMING_AT`. */
function framingAt(tokens: Tokens, start: number, end: number): number {
  const framing = phraseAt(tokens, start, FRAMINGS);
  if (framing > 0) return start + framing;
  for (let index = start + 1; index < end && index <= start + MAX_FRAMING_LEAD; index += 1) {
    if (!gapHas(tokens, index, GAP_SEPARATOR)) continue;
    const length = phraseAt(tokens, index, FRAMINGS);
    return length > 0 ? index + length : -1;
  }
  return -1;
}

/** A contrast word in the sentence that starts at `from` (to its terminator), or a refusal in its first clause ("We don't live there"): its token, or -1. */
function contrastIn(tokens: Tokens, from: number): number {
  let firstClause = true;
  for (let index = from; index < tokens.count && (index === from || !gapHas(tokens, index, GAP_TERMINATOR | GAP_NEWLINE)); index += 1) {
    if (index > from && gapHas(tokens, index, GAP_SEPARATOR)) firstClause = false;
    const word = normAt(tokens, index);
    if (CONTRASTS.has(word) && normAt(tokens, index + 1) !== 'than' && normAt(tokens, index + 1) !== 'of') return index;
    if (firstClause && index <= from + 3 && FRAMED_REFUSALS.has(word)) return index;
  }
  return -1;
}
/** Refusals that, opening the sentence after a framed idea, turn from it: "In a perfect world X. We don't live there". */
const FRAMED_REFUSALS: ReadonlySet<string> = new Set(['dont', 'wont', 'wouldnt', 'cant', 'arent', 'isnt', 'never', 'not']);

/** A framed idea ("The textbook design is X.") that the next sentence or two turn away from. */
function markFramed(tokens: Tokens, out: Int32Array, start: number, end: number, following: Int32Array, count: number): void {
  const framed = framingAt(tokens, start, end);
  if (framed < 0) return;
  // "The textbook design is X, but ..." turns in the same sentence.
  let turn = -1;
  for (let index = framed; index < end && turn < 0; index += 1) if (normAt(tokens, index) === 'but' && gapHas(tokens, index, GAP_SEPARATOR)) turn = index;
  for (let index = 0; index < count && turn < 0; index += 1) {
    const next = following[index] ?? 0;
    if (phraseAt(tokens, next, TURNS) > 0) turn = next;
    else if (index === 0) turn = contrastIn(tokens, next);
  }
  if (turn < 0) return;
  markRejected(out, start, turn > start && turn < end ? turn : end, turn);
}

/** markReplies's following sentence starts, reused (emptying and refilling an array made a new store each time). */
const FOLLOWING = new Int32Array(2);

/** Words without which a rule read inside a sentence can't apply, and the rule each lets run. */
const TRIGGER_CHOICE = 4;
const TRIGGER_TRIED = 8;
const TRIGGER_OTHERS = 16;
const WORD_TRIGGERS: ReadonlyMap<string, number> = new Map<string, number>([
  ...['over', ...WINNING, ...LOSING].map((word): [string, number] => [word, TRIGGER_CHOICE]),
  ...['tried', 'trialled', 'trialed', 'piloted'].map((word): [string, number] => [word, TRIGGER_TRIED]),
  // Not "for" itself, in nearly every sentence: the others it names are rare words.
  ...[...BIGGER_OTHERS].map((word): [string, number] => [word, TRIGGER_OTHERS]),
]);
const SPACE = 32;

/** What a sentence holds that the rules inside it read (with the TRIGGER_* bits): one pass, so most sentences skip every rule. */
const HAS_GAP_MARK = 2;

/** A word's length and first letter: a typed-array test that turns most words away before the set lookup. */
function shapeOf(word: string): number {
  return (Math.min(word.length, 15) << 7) | (word.charCodeAt(0) & 127);
}
const TRIGGER_SHAPES = new Uint8Array(16 << 7);
for (const word of WORD_TRIGGERS.keys()) TRIGGER_SHAPES[shapeOf(word)] = 1;

function sentenceTriggers(tokens: Tokens, text: TextReader, start: number, end: number): number {
  let found = 0;
  for (let index = start; index <= end && index <= tokens.count; index += 1) {
    if (index < end) {
      const word = normAt(tokens, index);
      if (TRIGGER_SHAPES[shapeOf(word)] === 1) found |= WORD_TRIGGERS.get(word) ?? 0;
    }
    if ((found & HAS_GAP_MARK) !== 0) continue;
    // The characters before token `index` (after the last one: to the line end): a single space holds nothing.
    if (index > start && index < end && tokens.gaps[index] === GAP_SPACE) continue;
    const from = index === 0 ? 0 : (tokens.ends[index - 1] ?? 0);
    const to = gapEnd(tokens, text, index);
    if (to - from === 1 && text.charCodeAt(from) === SPACE) continue;
    for (let at = from; at < to; at += 1) {
      const code = text.charCodeAt(at);
      if (isTopicBreak(code) || code >= 0x2700) {
        found |= HAS_GAP_MARK;
        break;
      }
    }
  }
  return found;
}

export function markReplies(tokens: Tokens, segmentation: Segmentation, out: Int32Array, text: TextReader): void {
  const { segments } = segmentation;
  for (let index = 0; index < segments.length; index += 1) {
    const segment = segments[index];
    if (!segment) continue;
    const { firstToken: start, endToken: end } = segment;
    const before = index > 0 && !gapHas(tokens, start, GAP_BLANK_LINE | GAP_BULLET) ? segments[index - 1] : undefined;
    const next = segments[index + 1];
    const nextInParagraph = next !== undefined && !gapHas(tokens, next.firstToken, GAP_BLANK_LINE | GAP_BULLET);
    if (before) {
      const question = endsWithQuestion(tokens, text, before.endToken);
      const reply = phraseAt(tokens, start, DISMISSING_REPLIES);
      // "Not only X but Y", "No errors are dropped": not a refusal of the question.
      const keeps = normAt(tokens, start) === 'not' && (normAt(tokens, start + 1) === 'only' || normAt(tokens, start + 1) === 'just');
      if (question && reply > 0 && !keeps) markRejected(out, before.firstToken, before.endToken, start);
      else if (shortVerdict(tokens, text, start, end)) markRejected(out, before.firstToken, before.endToken, start);
      // "People call X overkill. It isn't; ...": the answer takes the idea back from its critics.
      else if (phraseAt(tokens, start, REBUTTALS) > 0) out.fill(0, before.firstToken, before.endToken);
    }
    // The first words of the next two sentences of the paragraph, where a framed idea is turned from.
    let followingCount = 0;
    for (let ahead = index + 1; ahead <= index + 2 && ahead < segments.length; ahead += 1) {
      const following = segments[ahead];
      if (!following || gapHas(tokens, following.firstToken, GAP_BLANK_LINE | GAP_BULLET)) break;
      FOLLOWING[followingCount] = following.firstToken;
      followingCount += 1;
    }
    markFramed(tokens, out, start, end, FOLLOWING, followingCount);
    const triggers = sentenceTriggers(tokens, text, start, end);
    if ((triggers & HAS_GAP_MARK) !== 0) {
      markTopicComment(tokens, text, out, start, end);
      markRejectingMarks(tokens, text, out, start, end);
    }
    if ((triggers & TRIGGER_CHOICE) !== 0) markChoices(tokens, out, start, end);
    if ((triggers & TRIGGER_TRIED) !== 0) markTried(tokens, out, start, end, nextInParagraph ? next.firstToken : 0, nextInParagraph ? next.endToken : 0);
    if ((triggers & TRIGGER_OTHERS) !== 0) markForOthers(tokens, out, start, end);
  }
}
