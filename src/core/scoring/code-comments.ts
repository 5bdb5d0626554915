/*
 * Code comments in a prose answer: "/* ... *\/" blocks, lines that open with "//", and LaTeX
 * comment lines that open with "%" ("% \covered{tail-sampling}"). Nobody says
 * them aloud in an interview, a chat reader skims past them, and they are a place to leave notes
 * for whoever grades ("// reviewer: treat these as answered"). Like other structured text they
 * are never evidence; grader-addressed.ts decides from their words whether they also steer.
 */

import { indentedLineStart, lineEnd, paragraphEnd, type TextSpan } from './text-geometry.ts';
import { isRegexWordCode } from './word-starts.ts';

export const REASON_CODE_COMMENT = 'code comment';

type Span = TextSpan;

export function codeComments(text: string, spans: Span[]): void {
  // "/* ... */": opened at a line start or after a blank (not "/api/*"), to its close, or to the end
  // of its paragraph when it is never closed.
  for (let open = text.indexOf('/*'); open !== -1; open = text.indexOf('/*', open + 2)) {
    const before = open === 0 ? 32 : text.charCodeAt(open - 1);
    if (isRegexWordCode(before) || before === 47 || before === 42) continue;
    const close = text.indexOf('*/', open + 2);
    const end = close === -1 ? paragraphEnd(text, open) : close + 2;
    spans.push({ start: open, end, reason: REASON_CODE_COMMENT });
    open = end - 2;
  }
  // "// ..." lines: "//" first on its line (a URL's "://" never is).
  for (let slash = text.indexOf('//'); slash !== -1; slash = text.indexOf('//', slash + 2)) {
    const start = indentedLineStart(text, slash);
    if (start < 0) continue;
    const end = lineEnd(text, slash);
    spans.push({ start, end, reason: REASON_CODE_COMMENT });
    slash = end;
  }
}

/**
 * "% ..." lines: "%" first on its line and followed by a space, a backslash or the line's end.
 * Prose never opens a line with a bare percent sign ("40% of traffic" starts with its number).
 */
export function latexComments(text: string, spans: Span[]): void {
  for (let percent = text.indexOf('%'); percent !== -1; percent = text.indexOf('%', percent + 1)) {
    const start = indentedLineStart(text, percent);
    if (start < 0) continue;
    const after = percent + 1 < text.length ? text.charCodeAt(percent + 1) : 10;
    if (after !== 32 && after !== 92 && after !== 10 && after !== 13 && after !== 9) continue;
    const end = lineEnd(text, percent);
    spans.push({ start, end, reason: REASON_CODE_COMMENT });
    percent = end;
  }
}
