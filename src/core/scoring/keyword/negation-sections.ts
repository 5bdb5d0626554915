import type { TextReader } from './answer-text.ts';
import { colonInGap, markRejected } from './negation-marks.ts';
import type { Segmentation } from './sentences.ts';
import { GAP_BLANK_LINE, GAP_BULLET, normAt, type Tokens } from './tokenize.ts';

/*
 * Sections of an answer that list what it will not do: a heading such as "Non-goals:", "Out of
 * scope:", "Won't do:" or "Rejected options:", then the lines or bullets under it, or the list
 * after the heading's colon on the same line ("Out of scope: redaction in the collector."). A
 * structured answer says no this way far more often than in a sentence, and every idea in such
 * a section is rejected, whatever words the items use. A section ends at a blank line that
 * opens prose, or at the next heading.
 *
 * Deliberately not headings that reject: "Later:", "Phase 2:" and "Nice to have:", which in a
 * plan schedule work rather than refuse it.
 */

/** Heading phrases, in normalised words (no apostrophes). */
const REJECTING_HEADINGS: readonly (readonly string[])[] = [
  ['non', 'goals'], ['nongoals'], ['non', 'goal'], ['anti', 'goals'], ['out', 'of', 'scope'], ['not', 'in', 'scope'],
  ['not', 'doing'], ['wont', 'do'], ['will', 'not', 'do'], ['wont', 'build'], ['not', 'building'], ['rejected'], ['dropped'],
  ['skip'], ['skipped'], ['skipping'], ['excluded'], ['exclusions'], ['avoid'], ['not', 'now'], ['not', 'yet'], ['deferred'],
  ['parked'], ['someday'], ['if', 'ever'], ['not', 'planned'], ['wontfix'], ['nope'], ['cut'], ['not', 'for', 'v1'],
  ['not', 'for', 'now'], ['left', 'out'], ['leaving', 'out'], ['ruled', 'out'], ['descoped'],
  // "Now the stuff I wouldn't do.", "Stuff I'd drop:", "Things I'd leave out:".
  ['wouldnt', 'do'], ['would', 'not', 'do'], ['wouldnt', 'build'], ['wouldnt', 'bother', 'with'], ['id', 'drop'], ['wed', 'drop'],
  ['id', 'skip'], ['wed', 'skip'], ['id', 'leave', 'out'], ['wed', 'leave', 'out'], ['id', 'cut'], ['wed', 'cut'], ['id', 'push', 'back', 'on'],
];

/** How a heading written as a short sentence opens ("Now the stuff I wouldn't do."): without one, "We'd drop it." is a verdict, not a heading. */
const SENTENCE_HEADING_LEADS: ReadonlySet<string> = new Set(['stuff', 'things', 'what', 'now', 'here', 'and', 'so']);

/** Words a heading may hold besides its phrase: "What we won't do:", "Explicitly out of scope for v1:". */
const HEADING_FILLERS: ReadonlySet<string> = new Set([
  'what', 'i', 'we', 'id', 'wed', 'would', 'will', 'do', 'for', 'the', 'things', 'list', 'v1', 'mvp', 'this', 'quarter', 'year',
  'explicitly', 'deliberately', 'and', 'options', 'alternatives', 'ideas', 'considered', 'items', 'goals', 'scope', 'on', 'purpose', 'now', 'here',
  'phase', 'release', 'version', 'iteration', 'first', 'stuff', 'so', 'is', 'are', 'a', 'few',
]);

/** A heading is short: a few words before its colon. */
const MAX_HEADING_WORDS = 6;


/** Words [start, end) are a rejecting heading: one of the phrases, with only fillers around it. */
function isRejectingHeading(tokens: Tokens, start: number, end: number): boolean {
  if (end - start > MAX_HEADING_WORDS || end <= start) return false;
  for (let which = 0; which < REJECTING_HEADINGS.length; which += 1) {
    const phrase = REJECTING_HEADINGS[which] ?? [];
    for (let at = start; at + phrase.length <= end; at += 1) {
      let spelled = true;
      for (let offset = 0; offset < phrase.length && spelled; offset += 1) spelled = normAt(tokens, at + offset) === phrase[offset];
      if (!spelled) continue;
      let onlyFillers = true;
      for (let index = start; index < end && onlyFillers; index += 1) if (index < at || index >= at + phrase.length) onlyFillers = HEADING_FILLERS.has(normAt(tokens, index));
      if (onlyFillers) return true;
    }
  }
  return false;
}

/** The last word before a colon within the segment's first `words` words, or -1. */
function headingColon(tokens: Tokens, text: TextReader, start: number, end: number, words = MAX_HEADING_WORDS): number {
  for (let token = start; token < end && token < start + words; token += 1) if (colonInGap(tokens, text, token + 1)) return token;
  return -1;
}

/** A "Topic: comment" paragraph names its topic in a clause of at most this many words. */
const MAX_TOPIC_WORDS = 16;

export function markRejectedSections(tokens: Tokens, segmentation: Segmentation, out: Int32Array, text: TextReader): void {
  let sectionCue = -1;
  // A section opened by a heading sentence ("Now the stuff I wouldn't do.") goes on through
  // "Topic: comment" paragraphs; one opened by "Heading:" through the lines and bullets under it.
  let bySentence = false;
  const { segments } = segmentation;
  // An indexed loop: for...of made an iterator object per score.
  for (let index = 0; index < segments.length; index += 1) {
    const segment = segments[index];
    if (!segment) continue;
    const start = segment.firstToken;
    const end = segment.endToken;
    const colon = headingColon(tokens, text, start, end);
    const heading = colon >= 0 && isRejectingHeading(tokens, start, colon + 1);
    if (colon >= 0 && colon + 1 >= end) {
      // A heading on a line of its own: a rejecting one opens a section, any other closes it.
      sectionCue = heading ? start : -1;
      bySentence = false;
      continue;
    }
    if (heading) {
      // "Out of scope: redaction in the collector, tiered storage."
      markRejected(out, colon + 1, end, start);
      continue;
    }
    // "Now the stuff I wouldn't do.": a short sentence that is a rejecting heading opens a section too.
    if (colon < 0 && SENTENCE_HEADING_LEADS.has(normAt(tokens, start)) && isRejectingHeading(tokens, start, end)) {
      sectionCue = start;
      bySentence = true;
      continue;
    }
    // Prose after a blank line ends the section; bullets, plain lines and "Topic: comment"
    // paragraphs under it stay in it.
    const gap = tokens.gaps[start] ?? 0;
    const topicLine = bySentence && headingColon(tokens, text, start, end, MAX_TOPIC_WORDS) > start;
    if ((gap & GAP_BLANK_LINE) !== 0 && (gap & GAP_BULLET) === 0 && !topicLine) sectionCue = -1;
    if (colon >= 0 && colon - start < 3 && !heading && (gap & GAP_BULLET) === 0 && !(sectionCue >= 0 && topicLine && colon > start)) sectionCue = -1;
    if (sectionCue >= 0) markRejected(out, start, end, sectionCue);
  }
}
