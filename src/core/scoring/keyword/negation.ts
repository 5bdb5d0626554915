import type { ReusedInt32 } from '../reused-arrays.ts';
import type { TextReader } from './answer-text.ts';
import { NEGATIONS } from './function-words.ts';
import { WORD_CLAUSE_MAKER, WORD_FUNCTION, WORD_NEGATION_CUE } from './lexicon.ts';
import {
  ADD_VERBS,
  ADDED_COSTS,
  DEFERRED_ADOPTION_VERBS,
  NOTHING_VERBS,
  REACHERS,
  RELATIVE_WORDS,
  AFTER_MODAL_REJECTORS,
  BACKWARD_BREAKERS,
  BACKWARD_REJECTORS,
  CLAUSE_BREAKERS,
  COMPARATIVES,
  CONCESSIONS,
  DEFERRING,
  DISMISSING_VERBS,
  IMPERATIVE_DROPS,
  NEED_WORDS,
  PRONOUN_OBJECTS,
  SENTENCE_ANSWERS,
  DISMISSAL_LEAD_WORDS,
  EMPTY_SCOPE_WORDS,
  FORGET_OPENERS,
  PASS_ON_OPENERS,
  PASSIVE_LOSSES,
  SUBJECT_NEGATORS,
  PHRASE_NEGATORS,
  VERB_THEN_REJECTOR,
  FILLER_AFTER_NEGATOR,
  FORWARD_NEGATORS,
  NEGATIVE_VERBS,
  NOT_BEFORE_OBJECT,
  NOT_DESCRIBING,
  NOT_BACKWARD,
  NOT_REJECTING_NEXT,
  REPLACERS,
  SPEECH_VERBS,
  TOO_COSTLY,
} from './negation-words.ts';
import { markDiscourseRejections } from './negation-discourse.ts';
import { colonInGap, explanationBreakBefore } from './negation-marks.ts';
import { markReplies } from './negation-replies.ts';
import { markRejectedSections } from './negation-sections.ts';
import { markSentenceRules } from './negation-sentence-rules.ts';
import type { Segmentation } from './sentences.ts';
import { GAP_BLANK_LINE, GAP_BULLET, GAP_NEWLINE, GAP_SEMICOLON, GAP_TERMINATOR, clauseBoundaryBefore, normAt, type Tokens } from './tokenize.ts';

/**
 * Finds the words an answer rejects, so that "we would not use tail sampling" never counts as
 * evidence for tail sampling. For each token the result holds 1 + the index of the token that
 * rejects it (0: not rejected). A rejection reaches:
 * - forward from a negator to the end of its clause: "not X", "no X", "never X", "without X",
 *   "avoid X", "skip X", "instead of X", "rather than X", "replace X (with Y)";
 * - backward from a verdict to the start of its clause: "X is overkill", "X is wrong",
 *   "X is not needed", "X isn't worth it", "X doesn't scale", "X is too expensive", "X is a bad
 *   idea", "X is an anti-pattern";
 * - to the previous short sentence when a negator stands alone: "Tail sampling? We wouldn't."
 * A clause ends at punctuation or at a word that starts a new one ("but", "because", "we"...),
 * so "instead of head sampling we use tail sampling" rejects head sampling only. "not just X"
 * and double negatives ("without losing errors", "never drop error traces") reject nothing.
 */

/** How far a rejection reaches, in words: a clause rarely names more than one idea in that span. */
const MAX_REACH = 10;

/**
 * The answer findRejections is reading, for the few checks that need the punctuation between two
 * tokens (a colon is not a gap bit). Set for the duration of one synchronous call.
 */
let answerText: TextReader = '';

/** A colon sits between token `index - 1` and token `index` ("likewise not: teams would..."). */
function colonBefore(tokens: Tokens, index: number): boolean {
  return index < tokens.count && colonInGap(tokens, answerText, index);
}

/** A clause ends before token `index`: a boundary or a colon. */
function clauseEndsBefore(tokens: Tokens, index: number): boolean {
  return clauseBoundaryBefore(tokens, index) || colonBefore(tokens, index);
}

/** A clause boundary sits before token `index`. */
/** The first word after `index` that is not filler ("don't ever drop", "not to lose"), or -1. */
function firstMeaningfulAfter(tokens: Tokens, index: number, end: number): number {
  for (let next = index + 1; next < end && next <= index + 4; next += 1) {
    if (clauseBoundaryBefore(tokens, next)) return -1;
    if (!FILLER_AFTER_NEGATOR.has(normAt(tokens, next))) return next;
  }
  return -1;
}

function markForward(tokens: Tokens, out: Int32Array, cue: number, from: number, end: number, stopAt?: ReadonlySet<string>, listReach = true): number {
  let marked = 0;
  let reach = from + MAX_REACH;
  for (let index = from; index < end && index < reach; index += 1) {
    // "Never group by the raw message: strip ids, then fingerprint...": what follows a colon (or a
    // spaced dash) says what is done instead, or how; the negation ends with its clause.
    if (index > from && explanationBreakBefore(tokens, answerText, index)) break;
    if (index > from && clauseBoundaryBefore(tokens, index)) {
      // "no spike protection, rate limits or sampling": the items of a list the negator opens.
      // A semicolon ends the negated clause ("Don't scale on CPU; scale on request rate or queue
      // depth" adopts the second list).
      const listEnd = listReach && ((tokens.gaps[index] ?? 0) & GAP_SEMICOLON) === 0 ? listContinues(tokens, index, end) : -1;
      if (listEnd < 0) break;
      reach = listEnd;
    }
    if (index === from && clauseBoundaryBefore(tokens, index) && index !== cue + 1) break;
    const word = normAt(tokens, index);
    // "Recording rules, no: they go stale": a new clause starts right after the negator.
    if (CLAUSE_BREAKERS.has(word) && (index > from || PRONOUNS.has(word))) break;
    if (stopAt?.has(word)) break;
    if (out[index] === 0) out[index] = cue + 1;
    marked += 1;
  }
  return marked;
}

const PRONOUNS: ReadonlySet<string> = new Set(['we', 'i', 'you', 'they', 'it', 'wed', 'id', 'youd', 'theyd', 'well', 'ill']);
/** Joiners that close a negated list: "no X, Y or Z", "neither X, Y nor Z". */
const NEGATED_LIST_JOINERS: ReadonlySet<string> = new Set(['or', 'nor']);
const MAX_LIST_ITEM = 5;

/**
 * Whether the comma-separated item starting at `index` continues a list that an "or"/"nor"
 * closes ("no showback, team budgets or ingest quotas"): every item up to the closing one is a
 * few words with nothing that makes a clause. Returns the token after the closing item, or -1.
 * A sentence or line end, or a clause word ("we", "is", "because"), ends the list.
 */
function listContinues(tokens: Tokens, index: number, end: number): number {
  if (((tokens.gaps[index] ?? 0) & (GAP_TERMINATOR | GAP_NEWLINE)) !== 0) return -1;
  let itemWords = 0;
  let closed = false;
  for (let next = index; next < end; next += 1) {
    if (next > index && clauseBoundaryBefore(tokens, next)) {
      if (closed || ((tokens.gaps[next] ?? 0) & (GAP_TERMINATOR | GAP_NEWLINE)) !== 0) return closed ? next : -1;
      itemWords = 0;
    }
    const word = tokens.words[next];
    if (!word) return -1;
    if ((word.classes & WORD_CLAUSE_MAKER) !== 0 || (CLAUSE_BREAKERS.has(word.norm) && word.norm !== 'and')) return closed ? next : -1;
    if (NEGATED_LIST_JOINERS.has(word.norm) && !closed) {
      closed = true;
      itemWords = 0;
      continue;
    }
    itemWords += 1;
    if (itemWords > MAX_LIST_ITEM) return closed ? next : -1;
  }
  return closed ? end : -1;
}

/**
 * Marks the clause before `cue` as rejected. Returns true when the marking reached the start of
 * the sentence through a pronoun that points further back ("Span links? I've seen them confuse
 * people; I wouldn't.", "That misses too much, so no."): the idea is named before the sentence.
 */
function markBackward(tokens: Tokens, out: Int32Array, cue: number, start: number, acrossBoundary = false): boolean {
  if (clauseBoundaryBefore(tokens, cue) && !acrossBoundary) return false;
  let named = false;
  let reach = cue - MAX_REACH;
  let referring = false;
  let extended = false;
  // After a list item that isn't one ("I've seen teams assign X, Y and Z; I wouldn't"), the
  // clause's own words up to its subject.
  let untilClause = false;
  for (let index = cue - 1; index >= start && index >= reach; index -= 1) {
    // "Deploy correlation, suspect commits and so on can come later": a list's closing filler
    // names nothing and breaks nothing ("so" and "that" would otherwise end the reach).
    const closer = listCloserStart(tokens, index, start);
    if (closer >= 0) {
      for (let at = closer + 1; at <= index; at += 1) if (out[at] === 0) out[at] = cue + 1;
      index = closer;
    }
    const word = tokens.words[index];
    const text = word?.norm ?? '';
    // "We considered X but decided against it": nothing named between the verdict and "but",
    // so the verdict is about the clause before it.
    if (BACKWARD_BREAKERS.has(text) && (named || text !== 'but') && !(named && nounPhraseCondition(tokens, index, start))) break;
    if (untilClause && ((word?.classes ?? 0) & WORD_CLAUSE_MAKER) !== 0) break;
    if (out[index] === 0) out[index] = cue + 1;
    if (word && (word.classes & WORD_FUNCTION) === 0 && !DISMISSAL_LEAD_WORDS.has(text) && !EMPTY_SCOPE_WORDS.has(text)) named = true;
    // "Showback and team budgets: I've seen them turn into theatre": "them" names what lies further back.
    if (!extended && (OBJECT_REFERENTS.has(text) || (index === start && OPENING_REFERENTS.has(text)))) {
      referring = true;
      extended = true;
      reach -= MAX_REACH;
    }
    if (index === start) return referring;
    if (clauseBoundaryBefore(tokens, index)) {
      // "Tail sampling keeps every error; span links can come later": a verdict whose own clause
      // names what it is about stops at a semicolon, which joins clauses, not list items. A reply
      // ("X means Y; the mobile team said absolutely not") is about the clause before.
      if (!acrossBoundary && ((tokens.gaps[index] ?? 0) & GAP_SEMICOLON) !== 0 && !repliesInClause(tokens, index, cue)) break;
      // "Tail sampling, span links, the collector tier: none of that": the items of a list before.
      const itemStart = listItemBefore(tokens, index, start);
      if (itemStart < 0) {
        if (!acrossBoundary || untilClause) break;
        untilClause = true;
        reach = Math.min(reach, index - MAX_REACH);
        continue;
      }
      reach = Math.min(reach, itemStart);
    }
  }
  return false;
}

/** How a list trails off, word by word: "and so on", "and so forth", "and all that", "and the like". */
const LIST_CLOSERS: readonly (readonly string[])[] = [['and', 'so', 'on'], ['and', 'so', 'forth'], ['and', 'all', 'that'], ['and', 'the', 'like']];

/** Where a list closer that ends at `index` starts (its "and"), or -1; it must lie in one clause. */
function listCloserStart(tokens: Tokens, index: number, start: number): number {
  const last = normAt(tokens, index);
  if (last !== 'on' && last !== 'forth' && last !== 'that' && last !== 'like') return -1;
  for (const closer of LIST_CLOSERS) {
    const first = index - closer.length + 1;
    if (first < start || closer[closer.length - 1] !== last) continue;
    let matches = true;
    for (let offset = 0; offset < closer.length && matches; offset += 1) {
      matches = normAt(tokens, first + offset) === closer[offset] && (offset === 0 || !clauseBoundaryBefore(tokens, first + offset));
    }
    if (matches) return first;
  }
  return -1;
}

/** Verbs of a reply to what came before: "the team said no", "finance replied absolutely not". */
const REPLY_VERBS: ReadonlySet<string> = new Set([...SPEECH_VERBS, 'said', 'replied', 'answered', 'told', 'voted']);

/** Whether [from, to) reports someone's reply, whose verdict is about the clause before. */
function repliesInClause(tokens: Tokens, from: number, to: number): boolean {
  for (let index = from; index < to; index += 1) if (REPLY_VERBS.has(normAt(tokens, index))) return true;
  return false;
}

/** Pronouns that stand for an idea named earlier, wherever they are in the clause. */
const OBJECT_REFERENTS: ReadonlySet<string> = new Set(['it', 'them']);
/** ...and these only when they open the sentence ("That misses too much"; "tail sampling that keeps errors" describes). */
const OPENING_REFERENTS: ReadonlySet<string> = new Set(['that', 'this', 'those', 'these', 'they', 'it', 'thats', 'its', 'theyre']);

/**
 * The sentence before, when a rejection reached back to a pronoun that stands for it: only a
 * short one (a question or a noun phrase: "Span links?", "Building it from traces.") in the same
 * paragraph, and not for "it would be overkill to ..." (an "it" that stands for what follows).
 */
function rejectReferent(tokens: Tokens, out: Int32Array, cue: number, start: number, end: number, previous: Span | undefined): void {
  if (!previous || previous.end - previous.start > MAX_REACH) return;
  if (((tokens.gaps[start] ?? 0) & (GAP_BLANK_LINE | GAP_BULLET)) !== 0) return;
  for (let index = cue + 1; index < end && index <= cue + 3; index += 1) {
    if (clauseBoundaryBefore(tokens, index)) break;
    if (normAt(tokens, index) === 'to') return;
  }
  for (let before = previous.start; before < previous.end; before += 1) if (out[before] === 0) out[before] = cue + 1;
}

/**
 * "A release freeze when the budget runs out buys us nothing": the "when" clause qualifies the
 * subject before it, a short noun phrase with no pronoun ("we page when..." is a clause of its own).
 */
function nounPhraseCondition(tokens: Tokens, index: number, start: number): boolean {
  const text = normAt(tokens, index);
  if (text !== 'when' && text !== 'if') return false;
  let words = 0;
  for (let at = index - 1; at >= start; at -= 1) {
    const word = tokens.words[at];
    if (!word || PRONOUNS.has(word.norm) || (word.classes & WORD_CLAUSE_MAKER) !== 0 || CLAUSE_BREAKERS.has(word.norm)) return false;
    words += 1;
    if (words > 5) return false;
    if (at === start || clauseBoundaryBefore(tokens, at)) return words >= 2 || (word.classes & WORD_FUNCTION) === 0;
  }
  return false;
}

/** Tokens (start, at) hold no boundary: the item that ends at `at` began the sentence. */
function reachesStart(tokens: Tokens, at: number, start: number): boolean {
  for (let index = at; index > start; index -= 1) if (clauseBoundaryBefore(tokens, index)) return false;
  return at - start <= MAX_REACH;
}

/** The first token of the short, clause-less list item that ends just before `index`, or -1. */
function listItemBefore(tokens: Tokens, index: number, start: number): number {
  if (((tokens.gaps[index] ?? 0) & (GAP_TERMINATOR | GAP_NEWLINE)) !== 0) return -1;
  let words = 0;
  for (let at = index - 1; at >= start; at -= 1) {
    // "..., suspect commits and all that, could come later": the closer is part of the last item.
    const closer = listCloserStart(tokens, at, start);
    if (closer >= 0) {
      at = closer;
      if (at === start || clauseBoundaryBefore(tokens, at)) return at;
      continue;
    }
    const word = tokens.words[at];
    if (!word || (word.classes & WORD_CLAUSE_MAKER) !== 0 || CLAUSE_BREAKERS.has(word.norm)) return -1;
    words += 1;
    // The first item may carry the sentence's lead-in: "Annotating every edge with request rate, error rate and latency".
    if (words > (at === start ? MAX_REACH : MAX_LIST_ITEM) && (at === start || words > MAX_REACH || !reachesStart(tokens, at, start))) return -1;
    if (at === start || clauseBoundaryBefore(tokens, at)) return at;
  }
  return -1;
}

const REPLACE_STOPS: ReadonlySet<string> = new Set(['with', 'by', 'for']);

type Span = { start: number; end: number };

/** Whether [from, to) names something: a word that is neither a function word nor a lead-in ("honestly", "we'd"). */
function namesSomething(tokens: Tokens, from: number, to: number): boolean {
  for (let index = from; index < to; index += 1) {
    const word = tokens.words[index];
    if (!word || (word.classes & WORD_FUNCTION) !== 0) continue;
    if (EMPTY_SCOPE_WORDS.has(word.norm) || DISMISSAL_LEAD_WORDS.has(word.norm)) continue;
    return true;
  }
  return false;
}

/** What can follow a dismissal without naming a new idea: "overkill for a system this size". */
const VERDICT_QUALIFIERS: ReadonlySet<string> = new Set(['for', 'at', 'in', 'given', 'here', 'on']);

/** The clause from `cue` to the next boundary says nothing more ("overkill.", "overkill for us", "overkill at this size"). */
function standsAlone(tokens: Tokens, cue: number, end: number): boolean {
  let next = cue + 1;
  // "I'd not do it: we'd lose the rare errors": a colon or a new subject ends the verdict's clause.
  while (next < end && !clauseEndsBefore(tokens, next) && !(next > cue + 1 && PRONOUNS.has(normAt(tokens, next)))) next += 1;
  // "Recording rules, no: they go stale": a new clause right after the verdict says nothing more about it.
  if (next === cue + 1 || VERDICT_QUALIFIERS.has(normAt(tokens, cue + 1)) || PRONOUNS.has(normAt(tokens, cue + 1))) return true;
  return next - cue <= 4 && !namesSomethingBesidesVerdict(tokens, cue + 1, next);
}

/** namesSomething, where the verdict's own word does not count: "isn't my style", "not needed either". */
function namesSomethingBesidesVerdict(tokens: Tokens, from: number, to: number): boolean {
  for (let index = from; index < to; index += 1) if (!NOT_BACKWARD.has(normAt(tokens, index)) && namesSomething(tokens, index, index + 1)) return true;
  return false;
}

/**
 * A dismissal rejects what came before it: in its own clause ("tail sampling is overkill"), in
 * the clause just before it when it stands alone ("tail sampling: overkill"), or in the short
 * sentence before when nothing before it in its own sentence names anything ("Tail sampling?
 * Honestly overkill for us.", "Thanos and Mimir? We'd ditch both.").
 */
function rejectBefore(tokens: Tokens, out: Int32Array, cue: number, start: number, end: number, previous: Span | undefined): void {
  let clauseStart = cue;
  while (clauseStart > start && !clauseBoundaryBefore(tokens, clauseStart)) clauseStart -= 1;
  if (namesSomething(tokens, clauseStart, cue)) {
    if (markBackward(tokens, out, cue, start)) rejectReferent(tokens, out, cue, start, end, previous);
    return;
  }
  // "Tail sampling, honestly, for our size, overkill.", "X sounds great, but it isn't worth the
  // memory": a dismissal whose own clause names nothing (or only its pronoun subject) is about
  // what came before it in the sentence, across asides that name nothing new.
  if (clauseStart > start && (standsAlone(tokens, cue, end) || pronounSubject(tokens, clauseStart, cue))) {
    let from = clauseStart;
    while (from > start) {
      let previousStart = from - 1;
      while (previousStart > start && !clauseBoundaryBefore(tokens, previousStart)) previousStart -= 1;
      if (!isAside(tokens, previousStart, from)) break;
      for (let index = previousStart; index < from; index += 1) if (out[index] === 0) out[index] = cue + 1;
      from = previousStart;
    }
    const referring = markBackward(tokens, out, from, start, true);
    if (out[clauseStart] === 0) out[clauseStart] = cue + 1;
    if (referring) rejectReferent(tokens, out, cue, start, end, previous);
    return;
  }
  if (clauseStart === start && previous && previous.end - previous.start <= MAX_REACH) {
    for (let before = previous.start; before < previous.end; before += 1) if (out[before] === 0) out[before] = cue + 1;
  }
}

/** "honestly", "for a system our size", "at our scale": a clause that qualifies a verdict without naming an idea. */
function isAside(tokens: Tokens, from: number, to: number): boolean {
  return VERDICT_QUALIFIERS.has(normAt(tokens, from)) || !namesSomething(tokens, from, to);
}

/** The clause before the verdict has a pronoun subject ("but it isn't worth it", "that is overkill"). */
function pronounSubject(tokens: Tokens, from: number, to: number): boolean {
  // "..., so it's not a problem to drop healthy traces" states a consequence, not a verdict on X.
  const opener = normAt(tokens, from);
  if (BACKWARD_BREAKERS.has(opener) && !CONCESSIVE_OPENERS.has(opener)) return false;
  for (let index = from; index < to; index += 1) if (SUBJECT_PRONOUNS.has(normAt(tokens, index))) return true;
  return false;
}

/** Words that may open a sentence before a negator that answers the sentence before ("Also no."). */
const ANSWER_LEADS: ReadonlySet<string> = new Set(['also', 'again', 'and', 'so', 'likewise', 'similarly', 'still', 'honestly']);

const CONCESSIVE_OPENERS: ReadonlySet<string> = new Set(['but', 'though', 'although', 'yet', 'however']);

const SUBJECT_PRONOUNS: ReadonlySet<string> = new Set(['it', 'that', 'this', 'they', 'its', 'thats', 'theyre']);

/** Marks rejections inside tokens [start, end); `previous` is the segment before, for "We wouldn't." */
function markSegment(tokens: Tokens, out: Int32Array, start: number, end: number, previous: Span | undefined): void {
  for (let index = start; index < end; index += 1) {
    const word = tokens.words[index];
    if (!word || (word.classes & WORD_NEGATION_CUE) === 0) continue;
    const text = word.norm;
    const next = normAt(tokens, index + 1);

    const previousWord = normAt(tokens, index - 1);
    const phrase = phraseNegatorAt(tokens, index, end);
    // "we'd pass on X" rejects X; "each hop passes on the context" does not.
    const passOn = text === 'pass' && next === 'on' && PASS_ON_OPENERS.has(previousWord) ? 2 : 0;
    // "Forget X", "just forget about X"; "don't forget X" is a double negative and keeps X.
    const forget = text === 'forget' && (index === start || FORGET_OPENERS.has(previousWord)) ? (next === 'about' ? 2 : 1) : 0;
    const span = phrase || passOn || forget;
    if (span > 0) {
      const marked = markForward(tokens, out, index, index + span, end);
      if (marked === 0 || onlyEmptyWords(tokens, index + span, index + span + marked)) rejectBefore(tokens, out, index, start, end, previous);
      continue;
    }
    if (text === 'pass' || text === 'forget') continue;
    // "Things I'd leave out: a semantic layer, a metrics catalogue and A/B tests": a colon after
    // the refusal introduces the list it refuses, to the end of the sentence. ("I'd leave out
    // declined cards" with no colon is an exclusion that is the design, and stays.)
    if (text === 'leave' && next === 'out' && colonBefore(tokens, index + 2) && nounPhrasesToEnd(tokens, index + 2, end)) {
      markToEnd(tokens, out, index, index + 2, end);
      continue;
    }
    if (FORWARD_NEGATORS.has(text) && refusedListAfterColon(tokens, out, index, end)) continue;
    // "Tail sampling of traces I'd rule out": backward only; "rule out a bad deploy first" is triage.
    if (text === 'rule') {
      if (next === 'out' && boundaryOrEnd(tokens, index + 2, end)) rejectBefore(tokens, out, index, start, end, previous);
      continue;
    }
    if (text === 'over' && /^(?:engineer|kill|complicat|built|design)/.test(next)) {
      rejectBefore(tokens, out, index, start, end, previous);
      continue;
    }
    // "X would be my last resort" rejects X; "as a last resort, we freeze releases" keeps the freeze.
    if (text === 'resort') {
      const beforeLast = normAt(tokens, index - 2);
      if (previousWord === 'last' && beforeLast !== 'as' && !(beforeLast === 'a' && normAt(tokens, index - 3) === 'as')) rejectBefore(tokens, out, index - 1, start, end, previous);
      continue;
    }
    // "X would be nice, but we won't": a concession that turns into a refusal.
    if (CONCESSIONS.has(text) && concededThenRefused(tokens, index, end)) {
      rejectBefore(tokens, out, index, start, end, previous);
      continue;
    }
    // "Same for per-issue rate limits.": the sentence before rejected something, and this one
    // adds to what it rejected.
    if (text === 'same' || text === 'ditto') {
      if (index === start && previous && rejectsSomething(out, previous)) {
        const lead = next === 'goes' && normAt(tokens, index + 2) === 'for' ? 3 : next === 'for' || next === 'with' ? 2 : text === 'ditto' ? 1 : 0;
        if (lead > 0) markForward(tokens, out, index, index + lead, end);
      }
      continue;
    }
    // "X is more ceremony than we need": the "more" dismisses what came before it.
    if (text === 'than') {
      // "..., which is simpler than throttling or spike protection": what it is preferred to is set aside.
      if (PREFERRED_TO.has(previousWord)) {
        markForward(tokens, out, index, index + 1, end);
        continue;
      }
      const more = moreBefore(tokens, index, start);
      if (more >= 0 && beyondNeed(tokens, index + 1)) rejectBefore(tokens, out, more, start, end, previous);
      continue;
    }
    // "Escalation chains? Drop them.": an imperative on a pronoun rejects the sentence before.
    if (IMPERATIVE_DROPS.has(text)) {
      if (index === start && PRONOUN_OBJECTS.has(next) && boundaryOrEnd(tokens, index + 2, end)) rejectBefore(tokens, out, index, start, end, previous);
      continue;
    }
    // "X is a nice-to-have (we'd drop)"; "it's nice to have exemplars so..." names what follows.
    if (text === 'nice') {
      if (next === 'to' && normAt(tokens, index + 2) === 'have') {
        const after = index + 3;
        const namesNext = after < end && !clauseBoundaryBefore(tokens, after) && !CLAUSE_BREAKERS.has(normAt(tokens, after)) && namesSomething(tokens, after, Math.min(end, after + 2));
        if (!namesNext) rejectBefore(tokens, out, index, start, end, previous);
      }
      continue;
    }
    // "X is a waste (of money)"; "cutting waste" is a goal, not a verdict.
    if (text === 'waste') {
      if (previousWord === 'a') rejectBefore(tokens, out, index - 1, start, end, previous);
      continue;
    }
    const verbThen = VERB_THEN_REJECTOR.get(text);
    if (verbThen) {
      if (index > start && verbThen.has(previousWord)) markBackward(tokens, out, index - 1, start);
      continue;
    }
    if (AFTER_MODAL_REJECTORS.has(text)) {
      if (previousWord === 'would' || previousWord === 'will') markBackward(tokens, out, index - 1, start);
      continue;
    }
    if (text === 'instead' || text === 'rather') {
      // "instead of X" / "rather than X"; a bare "instead" ends a clause and rejects nothing.
      // "Instead of guessing why queries time out, read the stats": what is set aside is the guessing;
      // the question it was about is the candidate's topic, not a rejected idea.
      if (GUESSING.has(normAt(tokens, index + 2))) continue;
      if ((text === 'instead' && next === 'of') || (text === 'rather' && next === 'than')) markForward(tokens, out, index, index + 2, end);
      continue;
    }
    if (REPLACERS.has(text)) {
      markForward(tokens, out, index, index + 1, end, REPLACE_STOPS);
      continue;
    }
    if (BACKWARD_REJECTORS.has(text) || (text === 'anti' && next === 'pattern') || (text === 'bad' && (next === 'idea' || next === 'practice'))) {
      // "we freeze risky releases": an adjective inside the object describes it, dismisses nothing.
      if (attributive(tokens, index, start, end) || deniedVerdict(tokens, index, start)) continue;
      // "we ask what made the mistake easy", "cut the noise": a definite object, not a verdict
      // ("X is the antipattern" still is one).
      if (previousWord === 'the' && !COPULAS_BEFORE_VERDICT.has(normAt(tokens, index - 2))) continue;
      rejectBefore(tokens, out, index, start, end, previous);
      continue;
    }
    if (text === 'too') {
      if (TOO_COSTLY.has(next)) rejectBefore(tokens, out, index, start, end, previous);
      continue;
    }
    // "X is a trap"; "SNMP traps" and "trap the signal" are not verdicts.
    if (text === 'trap') {
      if (previousWord === 'a') rejectBefore(tokens, out, index - 1, start, end, previous);
      continue;
    }
    // "X buys us nothing", "X adds nothing".
    if (text === 'nothing') {
      const verb = previousWord === 'us' || previousWord === 'you' ? index - 2 : index - 1;
      if (verb > start && NOTHING_VERBS.has(normAt(tokens, verb)) && !clauseBoundaryBefore(tokens, verb)) rejectBefore(tokens, out, verb, start, end, previous);
      continue;
    }
    // "X is what people reach for, but here we...": the conventional choice, set aside.
    if (text === 'reach' || text === 'reaches') {
      if (REACHERS.has(previousWord) && normAt(tokens, index - 2) === 'what' && contrastFollows(tokens, index + 1, end)) rejectBefore(tokens, out, index - 2, start, end, previous);
      continue;
    }
    if (text === 'only') {
      // "X only adds cost", "X only adds complexity".
      if (ADD_VERBS.has(next) && ADDED_COSTS.has(normAt(tokens, index + 2)) && boundaryOrEnd(tokens, index + 3, end)) {
        rejectBefore(tokens, out, index, start, end, previous);
        continue;
      }
      // "Only if we ever outgrow one Prometheus would we add Thanos": deferred, not adopted.
      if (next === 'if') {
        const verb = deferredAdoption(tokens, index + 2, end);
        if (verb >= 0) {
          // The condition is hypothetical too: "if we ever get query timeouts" states no problem solved.
          for (let at = index + 2; at < verb; at += 1) if (out[at] === 0) out[at] = index + 1;
          markForward(tokens, out, index, verb + 1, end);
        }
      }
      continue;
    }
    // "X is off the table", "X is a non-starter".
    if (text === 'table' || text === 'starter') {
      if (text === 'table' && previousWord === 'the' && normAt(tokens, index - 2) === 'off') rejectBefore(tokens, out, index - 2, start, end, previous);
      if (text === 'starter' && previousWord === 'non') rejectBefore(tokens, out, index - 1, start, end, previous);
      continue;
    }
    // "X can come later", "X is for later": deferred, not adopted; so are "X could come in a later
    // phase" and "X is something we may look at later".
    if (text === 'later') {
      const inLaterPhase = previousWord === 'a' && normAt(tokens, index - 2) === 'in' && COMING.has(normAt(tokens, index - 3)) && LATER_STAGES.has(next) && boundaryOrEnd(tokens, index + 2, end);
      const lookedAtLater = previousWord === 'at' && normAt(tokens, index - 2) === 'look' && boundaryOrEnd(tokens, index + 1, end);
      if ((DEFERRING.has(previousWord) && boundaryOrEnd(tokens, index + 1, end)) || inLaterPhase || lookedAtLater) rejectBefore(tokens, out, index, start, end, previous);
      continue;
    }
    if (!FORWARD_NEGATORS.has(text)) continue;
    // "I'd never ship without X", "No page goes out without X", "don't skip X": a refusal of
    // going without the idea, or of skipping it, keeps it (a double negative).
    if (REFUSABLE_ABSENCES.has(text) && refusedEarlierInClause(tokens, index, start)) continue;
    // "Tail sampling I'd rather not", "none of that is needed": the rejection points back.
    if ((text === 'not' && previousWord === 'rather' && boundaryOrEnd(tokens, index + 1, end)) || (text === 'none' && next === 'of' && PRONOUN_OBJECTS.has(normAt(tokens, index + 2)) && pointsBack(tokens, index + 3, end))) {
      rejectBefore(tokens, out, text === 'not' ? index - 1 : index, start, end, previous);
      continue;
    }
    // "Its own monitoring stack? No, it can watch itself.": "No," alone answers the sentence before;
    // so does "Also no: every line might matter".
    const opensAnswer = index === start || (index === start + 1 && ANSWER_LEADS.has(normAt(tokens, start)));
    if (opensAnswer && previous && SENTENCE_ANSWERS.has(text) && (boundaryOrEnd(tokens, index + 1, end) || colonBefore(tokens, index + 1))) {
      rejectBefore(tokens, out, index, start, end, previous);
      continue;
    }
    // "Game days? Not for a team our size.": a sentence that opens with the negator and a
    // qualifier answers the one before.
    if (index === start && previous && SENTENCE_ANSWERS.has(text) && VERDICT_QUALIFIERS.has(next)) {
      rejectBefore(tokens, out, index, start, end, previous);
      continue;
    }
    if (NOT_REJECTING_NEXT.has(next)) continue;
    // "Not every log deserves the hot tier": some do, so the tier stays.
    if (text === 'not' && QUANTIFIERS_AFTER_NOT.has(next)) continue;
    // "A human can't ack within four minutes": what a thing or person cannot do is a fact the
    // design answers, not a refusal of it ("we can't justify X" still refuses X).
    if (ABILITY_NEGATORS.has(text) && index > start && !clauseBoundaryBefore(tokens, index) && namedSubject(tokens, index - 1)) continue;
    // "I've seen X; I wouldn't, a straight line is enough", "Per-tenant limits, likewise not: teams
    // would hate it": a "not" or "no" that ends its clause refuses what came before, not what follows
    // ("whether or not, ..." refuses nothing).
    if ((NEGATIONS.has(text) || text === 'no') && previousWord !== 'or' && index + 1 < end && clauseEndsBefore(tokens, index + 1)) {
      rejectBefore(tokens, out, index, start, end, previous);
      continue;
    }
    const meaningful = firstMeaningfulAfter(tokens, index, end);
    const meaningfulWord = meaningful >= 0 ? normAt(tokens, meaningful) : '';
    if (meaningful >= 0 && NEGATIVE_VERBS.has(meaningfulWord)) continue;
    // "Don't skip X", "never ship a service without X", "No page goes out without X": the double
    // negative keeps X (see REFUSABLE_ABSENCES).
    if (REFUSING.has(text) && absenceAhead(tokens, index + 1, end)) continue;
    // "edges not seen for seven days expire", "metrics never queried": a description, not a refusal.
    if (meaningful >= 0 && (text === 'not' || text === 'never') && NOT_DESCRIBING.has(meaningfulWord)) continue;
    // "Kafka isn't used here" rejects Kafka; "metrics that aren't used" describes them.
    const passiveUnused = meaningfulWord === 'used' && text !== 'without' && text !== 'no' && !RELATIVE_WORDS.has(previousWord) && !RELATIVE_WORDS.has(normAt(tokens, index - 2));
    // "X doesn't scale" rejects X; "don't scale on CPU" refuses scaling on CPU (the verb with its object).
    const scaling = meaningfulWord === 'scale' || meaningfulWord === 'scales';
    // "The database won't scale in minutes": how fast something scales is a fact the plan answers
    // (pre-warm it), neither a verdict on it nor a refusal.
    if (scaling && SCALING_SPEEDS.has(normAt(tokens, meaningful + 1))) continue;
    const scalesOnSomething = scaling && SCALE_OBJECT_LINKS.has(normAt(tokens, meaningful + 1));
    if (meaningful >= 0 && !scalesOnSomething && (NOT_BACKWARD.has(meaningfulWord) || passiveUnused) && text !== 'without' && text !== 'no') {
      rejectBefore(tokens, out, index, start, end, previous);
      continue;
    }
    if (SUBJECT_NEGATORS.has(text) && lossInClause(tokens, index + 1, end)) continue;
    // "Without X we'd lose the one trace that matters": X argued for by what its absence costs.
    if (text === 'without' && index === start && absenceCosts(tokens, index + 2, end)) continue;
    // "An error without release, env and trace id isn't debuggable": what goes wrong without X
    // argues for X (a double negative).
    if (text === 'without' && negatedLaterInSentence(tokens, index + 1, end)) continue;
    // "Cardinality isn't free": a cost, not a refusal.
    if (text === 'not' && (next === 'free' || next === 'cheap')) continue;
    // "no X, Y or Z", "wouldn't bother with X, Y or Z": a negator before a noun phrase reaches
    // the whole list; "isn't declared, or a tier-1 service..." is a new clause.
    const listReach = text !== 'not' || (meaningful >= 0 && NOT_BEFORE_OBJECT.has(meaningfulWord));
    // "No blame in the postmortem", "no user ids in labels": "no" denies its noun, not the place.
    const marked = markForward(tokens, out, index, index + 1, end, text === 'no' ? PLACES_AFTER_NO : undefined, listReach);
    const emptyScope = marked === 0 || onlyFunctionWords(tokens, index + 1, index + 1 + marked) || onlyEmptyWords(tokens, index + 1, index + 1 + marked);
    if (!emptyScope) continue;
    // "Recording rules I'd avoid too", "no need for it": what is rejected came before;
    // "Tail sampling? We wouldn't.": the negator stands alone and rejects the short sentence before.
    rejectBefore(tokens, out, index, start, end, previous);
  }
}

/** "is the antipattern", "was the mistake": a copula before "the" keeps a noun verdict a verdict. */
const COPULAS_BEFORE_VERDICT: ReadonlySet<string> = new Set(['is', 'was', 'are', 'were', 'be', 'been', 'thats', 'its', 'seems', 'sounds']);
/** "not every", "not all": a partial negation. */
const QUANTIFIERS_AFTER_NOT: ReadonlySet<string> = new Set(['every', 'all', 'each', 'everything']);
/** Words that end the claim a "without" belongs to: a reason or a consequence starts. */
const CLAIM_ENDERS: ReadonlySet<string> = new Set(['so', 'because', 'but', 'since', 'which', 'while', 'whereas']);

/** A negator ("isn't", "can't", "won't") follows in the same sentence, before a semicolon, colon or CLAIM_ENDERS word. */
function negatedLaterInSentence(tokens: Tokens, from: number, end: number): boolean {
  for (let at = from; at < end; at += 1) {
    if (at > from && (((tokens.gaps[at] ?? 0) & (GAP_TERMINATOR | GAP_NEWLINE | GAP_SEMICOLON)) !== 0 || colonBefore(tokens, at))) return false;
    const word = normAt(tokens, at);
    if (CLAIM_ENDERS.has(word)) return false;
    if (NEGATIONS.has(word)) return true;
  }
  return false;
}

/** "can't", "cannot", "couldn't": negators of ability. */
const ABILITY_NEGATORS: ReadonlySet<string> = new Set(['cant', 'cannot', 'couldnt']);
/** "scale on CPU", "scale by queue depth": what scaling is driven by. */
const SCALE_OBJECT_LINKS: ReadonlySet<string> = new Set(['on', 'by', 'with', 'using', 'off']);
/** "scale in minutes", "scale fast enough": how quickly, not whether. */
const SCALING_SPEEDS: ReadonlySet<string> = new Set(['in', 'quickly', 'fast', 'instantly', 'automatically', 'elastically', 'overnight']);
/** Prepositions of place that end what a "no" denies ("on" is left out: "hard no on X" is a verdict on X). */
const PLACES_AFTER_NO: ReadonlySet<string> = new Set(['in', 'at', 'inside', 'within', 'during']);

/** The word at `index` is a noun-like subject ("a human", "the database"), not a pronoun or a lead-in ("we", "honestly"). */
export function namedSubject(tokens: Tokens, index: number): boolean {
  const word = tokens.words[index];
  if (!word || (word.classes & WORD_FUNCTION) !== 0) return false;
  return !DISMISSAL_LEAD_WORDS.has(word.norm) && !PRONOUNS.has(word.norm);
}

/** Negators whose own refusal keeps the idea: "never ... without X", "don't skip X", "wouldn't avoid X". */
const REFUSABLE_ABSENCES: ReadonlySet<string> = new Set(['without', 'skip', 'skipping', 'avoid', 'avoiding', 'ditch', 'drop', 'forgo', 'abandon']);
/** What refuses a refusal: "never", "no (page)", "not (a single)", "nobody can", "don't", "may not". */
const REFUSING: ReadonlySet<string> = new Set([...NEGATIONS, 'no', 'nobody', 'nothing', 'none', 'nor']);

/** A negator stands earlier in the clause of `cue` (back to a clause boundary, at most eight words). */
function refusedEarlierInClause(tokens: Tokens, cue: number, start: number): boolean {
  for (let index = cue - 1; index >= start && index >= cue - 8; index -= 1) {
    if (REFUSING.has(normAt(tokens, index))) return true;
    if (clauseBoundaryBefore(tokens, index)) return false;
  }
  return false;
}

/** A "without" or "skip" follows in the same clause, within a few words. */
function absenceAhead(tokens: Tokens, from: number, end: number): boolean {
  for (let index = from; index < end && index < from + 6; index += 1) {
    if (index > from && clauseBoundaryBefore(tokens, index)) return false;
    if (REFUSABLE_ABSENCES.has(normAt(tokens, index))) return true;
  }
  return false;
}

/** Who pays what going without something costs: "we lose", "you'd be blind". */
const ABSENCE_SUBJECTS: ReadonlySet<string> = new Set(['we', 'you', 'they', 'i', 'wed', 'youd', 'theyd', 'id', 'would', 'will', 'oncall', 'be', 'are', 'is', 'were']);

/** Costs that need no "we" before them: "Without X the HPA flaps", "..., one bug becomes ten thousand issues". */
const ABSENCE_WITHOUT_SUBJECT: ReadonlySet<string> = new Set(['flaps', 'eats', 'floods', 'breaks', 'explodes', 'becomes', 'looks', 'reads']);
/** ...and the ones said after "we"/"you"/"would": "we lose", "you'd be blind", "we can't tell". */
const ABSENCE_COSTS: ReadonlySet<string> = new Set([
  ...ABSENCE_WITHOUT_SUBJECT, 'lose', 'loses', 'miss', 'blind', 'cant', 'cannot', 'couldnt', 'wouldnt', 'dont', 'guess', 'guessing',
  'never', 'drown', 'drowning', 'flap', 'silent',
]);

function absenceCosts(tokens: Tokens, from: number, end: number): boolean {
  for (let index = from; index < end; index += 1) {
    if (!ABSENCE_COSTS.has(normAt(tokens, index))) continue;
    if (ABSENCE_SUBJECTS.has(normAt(tokens, index - 1)) || ABSENCE_SUBJECTS.has(normAt(tokens, index - 2)) || ABSENCE_WITHOUT_SUBJECT.has(normAt(tokens, index))) return true;
  }
  return false;
}

/** A "but" (after "for" and a comma at most) follows: "what people reach for, but here...". */
function contrastFollows(tokens: Tokens, from: number, end: number): boolean {
  for (let index = from; index < end && index < from + 3; index += 1) {
    const word = normAt(tokens, index);
    if (word === 'but' || word === 'however' || word === 'yet') return true;
    if (word !== 'for' && word !== 'here') return false;
  }
  return false;
}

/** In "only if ..., would we add X", the token of the adopting verb after "would we", or -1. */
function deferredAdoption(tokens: Tokens, from: number, end: number): number {
  for (let index = from; index + 2 < end && index < from + 16; index += 1) {
    const word = normAt(tokens, index);
    if ((word === 'would' || word === 'will' || word === 'should' || word === 'do' || word === 'could') && (normAt(tokens, index + 1) === 'we' || normAt(tokens, index + 1) === 'i')) {
      return DEFERRED_ADOPTION_VERBS.has(normAt(tokens, index + 2)) ? index + 2 : -1;
    }
  }
  return -1;
}

/** "would be nice, but we won't": the concession word is followed (after a comma at most) by "but". */
function concededThenRefused(tokens: Tokens, index: number, end: number): boolean {
  const before = normAt(tokens, index - 1);
  if (before !== 'be' && before !== 'is' && before !== 'sounds' && before !== 'its') return false;
  return index + 1 < end && normAt(tokens, index + 1) === 'but';
}

/**
 * "simpler than X", "cheaper than X": comparatives of preference, whose "than" sets X aside.
 * Not "faster" or "quicker": "burning 14 times faster than the budget allows" is a measurement.
 */
const PREFERRED_TO: ReadonlySet<string> = new Set(['simpler', 'easier', 'cheaper', 'safer', 'saner', 'lighter', 'leaner', 'preferable']);

/** Marks [from, end) as rejected by `cue`, up to the sentence's end. */
function markToEnd(tokens: Tokens, out: Int32Array, cue: number, from: number, end: number): void {
  for (let index = from; index < end; index += 1) {
    if (index > from && ((tokens.gaps[index] ?? 0) & (GAP_TERMINATOR | GAP_NEWLINE)) !== 0) break;
    if (out[index] === 0) out[index] = cue + 1;
  }
}

/**
 * "What we'd skip: X, Y and Z", "we wouldn't do any of this: X, Y": a negator whose clause ends
 * in a colon after nothing but filler refuses the list the colon introduces. Returns whether it did.
 */
function refusedListAfterColon(tokens: Tokens, out: Int32Array, cue: number, end: number): boolean {
  for (let index = cue + 1; index < end && index <= cue + 4; index += 1) {
    if (colonBefore(tokens, index)) {
      // Only a list of noun phrases: "likewise not: teams would hate it" gives a reason instead,
      // and so does "No: the agents retry on their own" (a bare "no" answers what came before).
      if (!nounPhrasesToEnd(tokens, index, end) || (index === cue + 1 && SENTENCE_ANSWERS.has(normAt(tokens, cue)))) return false;
      markToEnd(tokens, out, cue, index, end);
      return true;
    }
    if (clauseBoundaryBefore(tokens, index)) return false;
    const word = normAt(tokens, index);
    if (!EMPTY_SCOPE_WORDS.has(word) && !FILLER_AFTER_NEGATOR.has(word) && !NOT_BEFORE_OBJECT.has(word)) return false;
  }
  return false;
}

/** No word from `from` to the sentence's end makes a clause (a pronoun, an auxiliary, "because"...). */
function nounPhrasesToEnd(tokens: Tokens, from: number, end: number): boolean {
  for (let index = from; index < end; index += 1) {
    if (index > from && ((tokens.gaps[index] ?? 0) & (GAP_TERMINATOR | GAP_NEWLINE)) !== 0) return true;
    // A relative clause inside an item ("a graph that expires stale edges") still describes a noun.
    if (((tokens.words[index]?.classes ?? 0) & WORD_CLAUSE_MAKER) !== 0 && !RELATIVE_PRONOUNS.has(normAt(tokens, index))) return false;
  }
  return true;
}

const RELATIVE_PRONOUNS: ReadonlySet<string> = new Set(['that', 'which', 'who', 'whose']);

/** Some token of `span` is rejected. */
function rejectsSomething(out: Int32Array, span: Span): boolean {
  for (let index = span.start; index < span.end; index += 1) if ((out[index] ?? 0) !== 0) return true;
  return false;
}

/** The "more" (or "bigger", "heavier"...) a few words before "than", in the same clause, or -1. */
function moreBefore(tokens: Tokens, than: number, start: number): number {
  for (let index = than - 1; index >= start && index >= than - 5; index -= 1) {
    if (COMPARATIVES.has(normAt(tokens, index))) return index;
    if (clauseBoundaryBefore(tokens, index)) return -1;
  }
  return -1;
}

/** "than we need", "than needed", "than necessary", "than it's worth". */
function beyondNeed(tokens: Tokens, from: number): boolean {
  for (let index = from; index < from + 3; index += 1) {
    if (index > from && clauseBoundaryBefore(tokens, index)) return false;
    const word = normAt(tokens, index);
    if (NEED_WORDS.has(word)) return true;
    if (!PRONOUNS.has(word) && word !== 'its' && word !== 'really' && word !== 'actually' && word !== 'is') return false;
  }
  return false;
}

/** The word at `index` sits between two content words of one clause ("freeze risky releases"). */
function attributive(tokens: Tokens, index: number, start: number, end: number): boolean {
  if (index === start || index + 1 >= end || clauseBoundaryBefore(tokens, index) || clauseBoundaryBefore(tokens, index + 1)) return false;
  const before = tokens.words[index - 1];
  const after = tokens.words[index + 1];
  if (!before || !after || (before.classes & WORD_FUNCTION) !== 0 || (after.classes & WORD_FUNCTION) !== 0) return false;
  if (DISMISSING_VERBS.has(before.norm) || DISMISSAL_LEAD_WORDS.has(before.norm) || EMPTY_SCOPE_WORDS.has(after.norm)) return false;
  return !BACKWARD_REJECTORS.has(after.norm) && !VERDICT_QUALIFIERS.has(after.norm);
}

/** Ways of not knowing that "instead of" sets aside: "instead of guessing at X", "rather than assuming X". */
const GUESSING: ReadonlySet<string> = new Set([
  'guessing', 'guess', 'assuming', 'assume', 'speculating', 'speculate', 'hoping', 'hope', 'wondering', 'eyeballing', 'eyeball',
  'arguing', 'argue', 'debating', 'debate', 'trusting', 'trust',
]);
/** "X can come in a later phase": the verbs a deferred idea arrives by. */
const COMING: ReadonlySet<string> = new Set(['come', 'comes', 'coming', 'land', 'lands', 'happen', 'wait', 'go', 'goes']);
/** "...in a later phase / stage / release": the stages of a plan an idea is put off to. */
const LATER_STAGES: ReadonlySet<string> = new Set(['phase', 'stage', 'release', 'version', 'iteration', 'milestone', 'quarter']);

/** Words between a denial and its verdict: "is not really overkill", "is not a luxury". */
const DENIAL_FILLERS: ReadonlySet<string> = new Set(['a', 'an', 'really', 'remotely', 'at', 'all', 'even', 'just', 'that']);
/** What denies a verdict word: "X is not overkill", "X is never theatre", "X is no luxury". */
const VERDICT_DENIALS: ReadonlySet<string> = new Set(['not', 'never', 'isnt', 'arent', 'wasnt', 'hardly', 'no', 'nor']);

/**
 * "Tail sampling is not overkill", "I'm not lukewarm on X": a verdict denied by the word before it
 * (fillers aside) keeps its subject; the double negative adopts it. Only within the clause.
 */
function deniedVerdict(tokens: Tokens, index: number, start: number): boolean {
  let at = index - 1;
  while (at > start && at >= index - 3 && DENIAL_FILLERS.has(normAt(tokens, at)) && !clauseBoundaryBefore(tokens, at + 1)) at -= 1;
  return at >= start && !clauseBoundaryBefore(tokens, at + 1) && VERDICT_DENIALS.has(normAt(tokens, at));
}

/** "none of that is needed", "none of that.": what follows the pronoun names nothing ("none of that PII" names what it rejects). */
function pointsBack(tokens: Tokens, index: number, end: number): boolean {
  if (boundaryOrEnd(tokens, index, end)) return true;
  const word = tokens.words[index];
  return word !== undefined && ((word.classes & WORD_FUNCTION) !== 0 || NOT_BACKWARD.has(word.norm));
}

function boundaryOrEnd(tokens: Tokens, index: number, end: number): boolean {
  return index >= end || clauseBoundaryBefore(tokens, index);
}

/** "no error trace is ever dropped": the clause after a subject negator ends in a loss. */
function lossInClause(tokens: Tokens, from: number, end: number): boolean {
  for (let index = from; index < end && index < from + MAX_REACH; index += 1) {
    if (index > from && clauseBoundaryBefore(tokens, index)) return false;
    if (PASSIVE_LOSSES.has(normAt(tokens, index))) return true;
  }
  return false;
}

function onlyEmptyWords(tokens: Tokens, from: number, to: number): boolean {
  for (let index = from; index < to; index += 1) if (!EMPTY_SCOPE_WORDS.has(normAt(tokens, index))) return false;
  return true;
}

/** How many words a multi-word negator at `index` spans ("steer away from" = 3), or 0. */
/** PHRASE_NEGATORS by their first word, in their order: a cue word is compared with the phrases it can start only. */
const PHRASE_NEGATORS_BY_FIRST: ReadonlyMap<string, readonly (readonly string[])[]> = (() => {
  const byFirst = new Map<string, (readonly string[])[]>();
  for (const phrase of PHRASE_NEGATORS) {
    const first = phrase[0] ?? '';
    byFirst.set(first, [...(byFirst.get(first) ?? []), phrase]);
  }
  return byFirst;
})();

function phraseNegatorAt(tokens: Tokens, index: number, end: number): number {
  const phrases = PHRASE_NEGATORS_BY_FIRST.get(normAt(tokens, index));
  if (phrases === undefined) return 0;
  for (const phrase of phrases) {
    if (index + phrase.length > end) continue;
    let matches = true;
    for (let offset = 0; offset < phrase.length && matches; offset += 1) matches = normAt(tokens, index + offset) === phrase[offset];
    if (matches) return phrase.length;
  }
  return 0;
}

function onlyFunctionWords(tokens: Tokens, from: number, to: number): boolean {
  for (let index = from; index < to; index += 1) if (((tokens.words[index]?.classes ?? 0) & WORD_FUNCTION) === 0) return false;
  return true;
}

/** `reuse`: an array to hold the result instead of a fresh one (see reused-arrays.ts). */
/** `text`: the answer the tokens were read from; without it a colon does not end a clause. */
export function findRejections(tokens: Tokens, segmentation: Segmentation, reuse?: ReusedInt32, text: TextReader = ''): Int32Array {
  const out = reuse ? reuse.take(tokens.count) : new Int32Array(tokens.count);
  answerText = text;
  const { segments } = segmentation;
  for (let index = 0; index < segments.length; index += 1) {
    const segment = segments[index];
    if (!segment) continue;
    let hasCue = false;
    for (let token = segment.firstToken; token < segment.endToken; token += 1) {
      if (((tokens.words[token]?.classes ?? 0) & WORD_NEGATION_CUE) !== 0) {
        hasCue = true;
        break;
      }
    }
    if (!hasCue) continue;
    const before = segments[index - 1];
    let previous: Span | undefined;
    if (before) {
      previous = PREVIOUS_SEGMENT;
      previous.start = before.firstToken;
      previous.end = before.endToken;
    }
    markSegment(tokens, out, segment.firstToken, segment.endToken, previous);
  }
  // Rejections spelled over a sentence or two (sarcasm, rhetorical questions, deferrals...).
  markDiscourseRejections(tokens, segmentation, out, text);
  // "Non-goals:", "Out of scope:": every item of such a section.
  markRejectedSections(tokens, segmentation, out, text);
  // Replies and shapes: "X? Phase 3, maybe.", "Hard pass.", "go with Y over X", "tried X and went back".
  markReplies(tokens, segmentation, out, text);
  // Verdicts that point back from a later clause or sentence ("I'd never impose them."), an idea judged then
  // replaced, reservations ("X would be lovely, but..."), what became of it ("X was shelved"), rhetoric ("Why would I X?").
  markSentenceRules(tokens, segmentation, out, text);
  // Hold no answer past the call (the last one would otherwise stay alive until the next score).
  answerText = '';
  return out;
}

/** The segment before, as markSegment reads it (and keeps nothing of): one record for every segment, not one each. */
const PREVIOUS_SEGMENT: Span = { start: 0, end: 0 };

/** The token that rejects a word of [first, last] from outside that range, or -1 ("not averages" as a whole is not rejected). */
export function rejectingCue(rejections: Int32Array, first: number, last: number): number {
  for (let index = first; index <= last; index += 1) {
    const cue = (rejections[index] ?? 0) - 1;
    if (cue >= 0 && (cue < first || cue > last)) return cue;
  }
  return -1;
}

/**
 * A word of [first, last] is rejected by a cue that comes after it: a backward dismissal
 * ("percentiles aren't needed"), which rejects the idea even when a concept rule lists the
 * negator among its own words ("percentiles can't be averaged").
 */
export function dismissedBefore(rejections: Int32Array, first: number, last: number): boolean {
  for (let index = first; index <= last; index += 1) if ((rejections[index] ?? 0) - 1 > last) return true;
  return false;
}
