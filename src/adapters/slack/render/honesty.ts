import type { CoveredPoint } from '../../../core/interview/coverage.ts';
import { decidedByKeywords, KEYWORD_SCOPE_NOTE, misconceptionLine, type HonestyFacts, type StatedMisconception } from '../../../scoring/honest-wording.ts';
import { context, escapeMrkdwn, quote, section, type SlackBlock } from './blocks.ts';

/**
 * What a verdict can honestly claim, in Block Kit. Any renderer that shows verdicts (answer
 * feedback, reaction, scorecard) calls these: misconceptions named with their correction and
 * the person's own words, points the person ruled out said as such, and — whenever no LLM
 * scored the answer — the keyword check's scope.
 */

/** A misconception the answer stated: the claim, its correction, and where it was said. */
export type MisconceptionShown = StatedMisconception;

/** "⚠ Misconception: <claim> → <correction>", then the quote on its own line. */
export function misconceptionMrkdwn(finding: MisconceptionShown): string {
  const line = misconceptionLine(finding);
  return `${escapeMrkdwn(line.headline)}\n      _you wrote_ ${quote(line.quote)}`;
}

/** For a point the answer rejected: "you ruled out <theme>: “…”"; undefined otherwise. */
export function ruledOutMrkdwn(point: Pick<CoveredPoint, 'ruledOut' | 'theme' | 'verdict'>): string | undefined {
  if (!point.ruledOut || point.verdict === 'covered') return undefined;
  return `🚫 *${escapeMrkdwn(point.theme)}*: you ruled out ${escapeMrkdwn(point.theme.toLowerCase())}: ${quote(point.ruledOut)}`;
}

/** The keyword check's scope, when no LLM decided; undefined when an LLM did. */
export function scopeNote(facts: HonestyFacts): string | undefined {
  return decidedByKeywords(facts) ? KEYWORD_SCOPE_NOTE : undefined;
}

/** Misconception blocks (one section, at most a handful of lines) and the scope note as context. */
export function honestyBlocks(facts: HonestyFacts): SlackBlock[] {
  const blocks: SlackBlock[] = [];
  const found = facts.misconceptions ?? [];
  if (found.length > 0) blocks.push(section(found.map(misconceptionMrkdwn).join('\n')));
  const scope = scopeNote(facts);
  if (scope) blocks.push(context(`🔎 ${escapeMrkdwn(scope)}`));
  return blocks;
}
