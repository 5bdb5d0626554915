/**
 * Line and paragraph bounds in an answer's text, shared by the detectors of text aimed at the
 * grader (grader-addressed.ts and the modules it calls), which all skip whole lines or
 * paragraphs once they find a cue.
 */

/** A flagged stretch of the answer: offsets into the original text and why it was flagged. */
export interface TextSpan {
  /** Offset of the first UTF-16 unit in the original answer. */
  start: number;
  /** Offset just past the span. */
  end: number;
  /** Why it was flagged, in a few words ("HTML comment", "addressed to the grader"...). */
  reason: string;
}

/** Start of the line containing `index`. */
export function lineStart(text: string, index: number): number {
  return text.lastIndexOf('\n', index - 1) + 1;
}

/** End of the line containing `index` (offset of its newline, or the text's length). */
export function lineEnd(text: string, index: number): number {
  const end = text.indexOf('\n', index);
  return end === -1 ? text.length : end;
}

/** End of the paragraph containing `index`: the next blank line, or the end of the text. */
export function paragraphEnd(text: string, index: number): number {
  const blank = /\n[ \t]*\n/g;
  blank.lastIndex = index;
  const found = blank.exec(text);
  return found ? found.index : text.length;
}

/**
 * Start of the indentation before `index` when only spaces and tabs stand between it and the
 * start of its line; -1 when anything else does (the mark is not first on its line).
 */
export function indentedLineStart(text: string, index: number): number {
  let start = index;
  while (start > 0 && (text.charCodeAt(start - 1) === 32 || text.charCodeAt(start - 1) === 9)) start -= 1;
  return start > 0 && text.charCodeAt(start - 1) !== 10 ? -1 : start;
}
