import { blankedRun, blankSpans } from '../grader-addressed.ts';
import { ReusedCodeUnits } from '../reused-arrays.ts';
import type { TextSpan } from '../text-geometry.ts';

/**
 * What the scorer's stages read of an answer's text: its length, single UTF-16 units and
 * slices. A string is one; so is AnswerText, the answer with its flagged parts blanked.
 */
export interface TextReader {
  readonly length: number;
  charCodeAt(index: number): number;
  slice(start: number, end: number): string;
}

const NEWLINE = 10;
const SPACE = 32;
/** The units of the AnswerText last made (scoring is synchronous, and they never leave a score). */
const CODE_UNITS = new ReusedCodeUnits();

/** Spans sorted, apart and inside the text: then blanking them in place keeps every offset. */
function inOrder(text: string, spans: readonly TextSpan[]): boolean {
  let from = 0;
  for (const span of spans) {
    if (!(span.start >= from && span.end >= span.start && span.end <= text.length)) return false;
    from = span.end;
  }
  return true;
}

/**
 * The answer as the keyword scorer reads it: the original text with the spans flagged as aimed
 * at the grader read as blanked (spaces, line breaks kept; see blankSpans), without making a
 * blanked copy of it. On a long flagged answer that copy, two bytes a character, was half of a
 * score's garbage, and garbage collections are what land a score in the slow tail.
 *
 * `units` are the blanked UTF-16 units, for the tokenizer to scan. An AnswerText is valid until
 * the next one is made: its units live in a buffer every AnswerText reuses.
 */
export class AnswerText implements TextReader {
  readonly length: number;

  private constructor(
    /** The text, with the spans not yet blanked. */
    readonly original: string,
    /** Flagged spans, sorted and apart, all inside the text. */
    private readonly spans: readonly TextSpan[],
    readonly units: Uint16Array,
  ) {
    this.length = original.length;
  }

  static read(original: string, spans: readonly TextSpan[]): AnswerText {
    // Spans out of order or past the end (never made by findGraderAddressed) change the text's
    // length as blankSpans handles them: read its blanked copy then.
    if (!inOrder(original, spans)) {
      const blanked = blankSpans(original, spans);
      return new AnswerText(blanked, [], CODE_UNITS.read(blanked));
    }
    const units = CODE_UNITS.read(original);
    for (const span of spans) {
      for (let index = span.start; index < span.end; index += 1) if (units[index] !== NEWLINE) units[index] = SPACE;
    }
    return new AnswerText(original, spans, units);
  }

  /** The blanked text's UTF-16 unit at `index` (NaN outside the text, as String#charCodeAt). */
  charCodeAt(index: number): number {
    return this.units[index] ?? NaN;
  }

  /** The blanked text's [start, end), with String#slice's reading of its arguments. */
  slice(start: number, end: number): string {
    const from = start < 0 ? Math.max(this.length + start, 0) : Math.min(start, this.length);
    const to = end < 0 ? Math.max(this.length + end, 0) : Math.min(end, this.length);
    if (from >= to) return '';
    let span = this.firstSpanEndingAfter(from);
    // The usual case, whatever the answer: no flagged span in the range, a slice of the original.
    if (span >= this.spans.length || (this.spans[span]?.start ?? to) >= to) return this.original.slice(from, to);
    let out = '';
    let at = from;
    for (; span < this.spans.length; span += 1) {
      const { start: spanStart, end: spanEnd } = this.spans[span] as TextSpan;
      if (spanStart >= to) break;
      if (spanStart > at) out += this.original.slice(at, spanStart);
      const blankEnd = Math.min(spanEnd, to);
      out += blankedRun(this.original, Math.max(spanStart, at), blankEnd);
      at = blankEnd;
    }
    return at < to ? out + this.original.slice(at, to) : out;
  }

  /** Index of the first span that ends after `index` (spans.length if none): a binary search. */
  private firstSpanEndingAfter(index: number): number {
    let low = 0;
    let high = this.spans.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((this.spans[middle]?.end ?? 0) > index) high = middle;
      else low = middle + 1;
    }
    return low;
  }
}
