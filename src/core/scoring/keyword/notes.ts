import type { Reason } from './verdict.ts';

/*
 * Short notes for partial and missed points: what is missing, in a few words, without the
 * model answer (that is what the reveal is for). Built from the point's theme or the
 * answer's own words, never from the rubric's point text.
 */

const MAX_QUOTED_CHARS = 40;

/** "Overhead budget" -> "overhead budget", but "SLO alerting" and "W3C context" keep their case. */
function themeInSentence(theme: string): string {
  const [firstWord = ''] = theme.split(/\s+/);
  return /^[A-Z][a-z]*$/.test(firstWord) ? theme.charAt(0).toLowerCase() + theme.slice(1) : theme;
}

export function noteFor(reason: Reason, theme: string, matchedText: string, stuffed: boolean): string | undefined {
  switch (reason) {
    case 'none':
      return `nothing on ${themeInSentence(theme)}`;
    case 'listed':
      return stuffed ? 'only a keyword in a list, not explained' : 'only named in passing; say how and why';
    case 'bare': {
      const what = matchedText.length > 0 && matchedText.length <= MAX_QUOTED_CHARS ? `"${matchedText}"` : 'it';
      return `mentions ${what}, but not how or why`;
    }
    default:
      return undefined;
  }
}
