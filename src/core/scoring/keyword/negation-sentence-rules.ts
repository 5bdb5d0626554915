import type { TextReader } from './answer-text.ts';
import { WORD_SENTENCE_RULE } from './lexicon.ts';
import { markIronicWays } from './negation-ironic-ways.ts';
import { DEFERRAL_TRIGGER_WORDS, markDeferrals } from './negation-deferrals.ts';
import { DISPOSITION_TRIGGER_WORDS, markDispositions } from './negation-dispositions.ts';
import { FOLLOW_UP_TRIGGER_WORDS, markFollowUps } from './negation-followups.ts';
import { markJudgedThenReplaced } from './negation-judged.ts';
import { gapHas, wordTriggerBits, type Span } from './negation-marks.ts';
import { markReservations, RESERVATION_TRIGGER_WORDS } from './negation-reservations.ts';
import { markRhetoric, RHETORIC_TRIGGER_WORDS } from './negation-rhetoric.ts';
import type { Segmentation } from './sentences.ts';
import { GAP_BLANK_LINE, GAP_BULLET, GAP_NEWLINE, type Tokens } from './tokenize.ts';

/*
 * Runs the sentence-level rejection rules of negation-followups.ts, negation-judged.ts,
 * negation-reservations.ts, negation-dispositions.ts, negation-deferrals.ts, negation-ironic-ways.ts and negation-rhetoric.ts in one pass: each
 * sentence's words are tested for one lexicon bit (WORD_SENTENCE_RULE), those with it looked up
 * once for which families' trigger words the sentence holds, and a family reads the sentence word by word only when it holds one (four passes over every
 * word cost more than the rules themselves). The sentences before, for rules that reach back,
 * count only on the same line of the same paragraph.
 */

const FOLLOW_UPS = 1;
const RESERVATIONS = 2;
const DISPOSITIONS = 4;
const RHETORIC = 8;
const DEFERRALS = 16;
const WAYS = 32;

const FAMILIES = wordTriggerBits([
  [FOLLOW_UPS, FOLLOW_UP_TRIGGER_WORDS],
  [RESERVATIONS, RESERVATION_TRIGGER_WORDS],
  [DISPOSITIONS, DISPOSITION_TRIGGER_WORDS],
  [RHETORIC, RHETORIC_TRIGGER_WORDS],
  [DEFERRALS, DEFERRAL_TRIGGER_WORDS],
  [WAYS, ['how', 'way', 'reason', 'why']],
]);

/** The sentence records, reused across calls (one each, not one per sentence). */
const CURRENT: Span = { start: 0, end: 0 };
const PREVIOUS: Span = { start: 0, end: 0 };
const BEFORE_PREVIOUS: Span = { start: 0, end: 0 };

/** The segment starting at `start` continues the one before it: same paragraph, same line. */
function continues(tokens: Tokens, start: number): boolean {
  return !gapHas(tokens, start, GAP_BLANK_LINE | GAP_BULLET | GAP_NEWLINE);
}

export function markSentenceRules(tokens: Tokens, segmentation: Segmentation, out: Int32Array, text: TextReader): void {
  const { segments } = segmentation;
  for (let index = 0; index < segments.length; index += 1) {
    const segment = segments[index];
    if (!segment) continue;
    CURRENT.start = segment.firstToken;
    CURRENT.end = segment.endToken;
    const before = segments[index - 1];
    const twoBefore = segments[index - 2];
    let previous: Span | undefined;
    let beforePrevious: Span | undefined;
    if (before && continues(tokens, CURRENT.start)) {
      PREVIOUS.start = before.firstToken;
      PREVIOUS.end = before.endToken;
      previous = PREVIOUS;
      if (twoBefore && continues(tokens, PREVIOUS.start)) {
        BEFORE_PREVIOUS.start = twoBefore.firstToken;
        BEFORE_PREVIOUS.end = twoBefore.endToken;
        beforePrevious = BEFORE_PREVIOUS;
      }
    }
    let families = 0;
    for (let at = CURRENT.start; at < CURRENT.end; at += 1) {
      const word = tokens.words[at];
      if (word !== undefined && (word.classes & WORD_SENTENCE_RULE) !== 0) families |= FAMILIES.of(word.norm);
    }
    markFollowUps(tokens, text, out, CURRENT, previous, beforePrevious, (families & FOLLOW_UPS) !== 0);
    if ((families & RESERVATIONS) !== 0) markReservations(tokens, out, CURRENT.start, CURRENT.end);
    markJudgedThenReplaced(tokens, out, CURRENT, previous);
    markDispositions(tokens, text, out, CURRENT, previous, (families & DISPOSITIONS) !== 0);
    if ((families & DEFERRALS) !== 0) markDeferrals(tokens, text, out, CURRENT);
    markIronicWays(tokens, out, CURRENT, (families & WAYS) !== 0);
    const next = segments[index + 1];
    markRhetoric(tokens, text, out, CURRENT, previous, next ? next.firstToken : -1, (families & RHETORIC) !== 0);
  }
}
