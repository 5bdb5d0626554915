import { KEYWORD_SCOPE_NOTE } from '../core/scoring/keyword/notes.ts';
import type { MisconceptionFinding, PointResult, ScorerName } from '../core/scoring/types.ts';

/**
 * What a verdict can honestly claim, worded once for every surface (Slack, terminal, CLI).
 * A keyword check sees which ideas were named, not whether what was said about them is
 * right, and the person should know that before trusting a ✅. The wording itself is the
 * keyword scorer's (KEYWORD_SCOPE_NOTE), so scorer and renderers cannot drift apart.
 */
export { KEYWORD_SCOPE_NOTE };

export type StatedMisconception = Pick<MisconceptionFinding, 'claim' | 'correction' | 'quote'>;

/** What honest feedback needs besides the verdict lines; every field optional so any event can pass what it has. */
export interface HonestyFacts {
  scorer?: ScorerName;
  /** ScoreResult.decidedBy, when known: a fallback to keywords is a keyword verdict. */
  decidedBy?: string;
  /** ScoreResult.misconceptions, or the engine's notes of them (claim, quote, correction). */
  misconceptions?: readonly StatedMisconception[];
  graderAddressed?: boolean;
}

/** True when no LLM decided: the scorer was keywords, or the LLM fell back to them. */
export function decidedByKeywords(facts: HonestyFacts): boolean {
  if (facts.decidedBy) return facts.decidedBy.startsWith('keyword');
  return facts.scorer === 'keyword';
}

export interface MisconceptionLine {
  /** "⚠ Misconception: <claim> → <correction>" */
  headline: string;
  /** The answer's own words that stated it. */
  quote: string;
}

export function misconceptionLine(finding: StatedMisconception): MisconceptionLine {
  return { headline: `⚠ Misconception: ${finding.claim} → ${finding.correction}`, quote: finding.quote };
}

/** "you ruled out <theme>: “<what you said>”", or undefined when the point was not ruled out. */
export function ruledOutLine(point: Pick<PointResult, 'ruledOut'>, theme: string): string | undefined {
  return point.ruledOut ? `you ruled out ${theme.toLowerCase()}: “${point.ruledOut.replace(/\s+/g, ' ').trim()}”` : undefined;
}

/** Plain-text lines for a terminal: misconceptions with their quotes, then the scope note. */
export function honestyTextLines(facts: HonestyFacts): string[] {
  const lines: string[] = [];
  for (const finding of facts.misconceptions ?? []) {
    const line = misconceptionLine(finding);
    lines.push(line.headline, `    you wrote: “${line.quote.replace(/\s+/g, ' ').trim()}”`);
  }
  if (decidedByKeywords(facts)) lines.push(KEYWORD_SCOPE_NOTE);
  return lines;
}
