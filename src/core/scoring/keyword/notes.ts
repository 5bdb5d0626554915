import type { Reason } from './verdict.ts';

/*
 * Short notes for partial, missed and ruled-out points. They say what the keyword check
 * spotted, because that is all it can know ("mentions ...", "no mention of ..."), and never
 * give the model answer (that is what the reveal is for): they are built from the point's
 * theme or the answer's own words, never from the rubric's point text.
 */

/**
 * What a keyword verdict can and cannot say. Renderers show it beside keyword results
 * (scorecard, feedback) whenever no LLM scored the answer.
 */
export const KEYWORD_SCOPE_NOTE = 'keyword check: what you mentioned, not whether it is right';

const MAX_QUOTED_CHARS = 40;

/** "Overhead budget" -> "overhead budget", but "SLO alerting" and "W3C context" keep their case. */
export function themeInSentence(theme: string): string {
  const [firstWord = ''] = theme.split(/\s+/);
  return /^[A-Z][a-z]*$/.test(firstWord) ? theme.charAt(0).toLowerCase() + theme.slice(1) : theme;
}

function quoted(matchedText: string): string {
  return matchedText.length > 0 && matchedText.length <= MAX_QUOTED_CHARS ? `"${matchedText}"` : 'it';
}

export function noteFor(reason: Reason, theme: string, matchedText: string, stuffed: boolean): string | undefined {
  switch (reason) {
    case 'none':
      return `no mention of ${themeInSentence(theme)}`;
    case 'listed':
      return stuffed ? `mentions ${quoted(matchedText)} only in a keyword list` : `mentions ${quoted(matchedText)} only in passing; say how and why`;
    case 'bare':
      return `mentions ${quoted(matchedText)}, but not how or why`;
    case 'ruledOut':
      return `you ruled out ${themeInSentence(theme)}: the reveal says why interviewers expect it`;
    default:
      return undefined;
  }
}
