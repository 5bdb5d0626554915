import type { CoveredPoint } from '../../../core/interview/coverage.ts';
import { decidedByKeywords, KEYWORD_SCOPE_NOTE, misconceptionLine, ruledOutLine, type HonestyFacts, type StatedMisconception } from '../../../scoring/honest-wording.ts';
import { bold, escapeText, quote } from './markdown.ts';

const QUOTE_MAX = 280;

/**
 * What a verdict can honestly claim, in Discord markdown, worded by honest-wording.ts like
 * every other surface: misconceptions named with their correction and the person's own
 * words, points the person ruled out said as such, and (whenever no LLM decided) the
 * keyword check's scope.
 */

/** "⚠ Misconception: <claim> → <correction>", then the quote on its own line. */
export function misconceptionMarkdown(finding: StatedMisconception): string {
  const line = misconceptionLine(finding);
  return `${escapeText(line.headline)}\n-# you wrote ${quote(line.quote)}`;
}

/** For a point the answer rejected: "🚫 **Theme**: you ruled out theme: “…”"; undefined otherwise. */
export function ruledOutMarkdown(point: Pick<CoveredPoint, 'ruledOut' | 'theme' | 'verdict'>): string | undefined {
  if (point.verdict === 'covered') return undefined;
  // The person's words as evidence are cut where every other quote is (280), before wording.
  const said = point.ruledOut?.replace(/\s+/g, ' ').trim();
  const line = said ? ruledOutLine({ ruledOut: said.length > QUOTE_MAX ? `${said.slice(0, QUOTE_MAX - 1)}…` : said }, point.theme) : undefined;
  return line ? `🚫 ${bold(escapeText(point.theme))}: ${escapeText(line)}` : undefined;
}

/** The keyword check's scope, when no LLM decided; undefined when an LLM did. */
export function scopeNote(facts: HonestyFacts): string | undefined {
  return decidedByKeywords(facts) ? `🔎 ${KEYWORD_SCOPE_NOTE}` : undefined;
}

export function misconceptionLines(found: readonly StatedMisconception[] | undefined): string[] {
  return (found ?? []).map(misconceptionMarkdown);
}
