import type { CoveredPoint } from '../../../core/interview/coverage.ts';
import type { Verdict } from '../../../core/scoring/types.ts';
import type { EventOf, Renderer } from './context.ts';
import { misconceptionLines, ruledOutMarkdown, scopeNote } from './honesty.ts';
import { bold, escapeText, quote } from './markdown.ts';
import { COLOURS } from './message.ts';

export const VERDICT_ICON: Record<Verdict, string> = { covered: '✅', partial: '🟡', missed: '❌' };

/** One line per rubric point: verdict, theme, the answer's own words or what is missing (or that it was ruled out). */
export function pointLine(point: CoveredPoint): string {
  const ruledOut = ruledOutMarkdown(point);
  if (ruledOut) return ruledOut;
  const theme = bold(escapeText(point.theme));
  const evidence = point.evidence ? quote(point.evidence) : undefined;
  const note = point.note ? escapeText(point.note) : undefined;
  if (point.verdict === 'covered') return `${VERDICT_ICON.covered} ${theme}: ${evidence ?? 'covered'}`;
  if (point.verdict === 'partial') {
    const detail = evidence && note ? `${evidence}, but ${note}` : evidence ? `${evidence} (partly there)` : (note ?? 'partly covered');
    return `${VERDICT_ICON.partial} ${theme}: ${detail}`;
  }
  return `${VERDICT_ICON.missed} ${theme}: ${note ?? `nothing on ${escapeText(point.theme.toLowerCase())}`}`;
}

export function coverageTitle(points: readonly CoveredPoint[], score: number): string {
  const covered = points.filter((point) => point.verdict === 'covered').length;
  return `Coverage ${covered}/${points.length} · ${score}/100`;
}

export const renderFeedback: Renderer<EventOf<'feedback'>> = (event) => {
  // An off-topic answer gets one line, not a row of "nothing on …".
  const lines = event.offTopic ? [`This doesn’t seem to answer the question: ${bold(escapeText(event.offTopic))}`] : event.points.map(pointLine);
  if (event.feedback) lines.push('', escapeText(event.feedback));
  const misconceptions = misconceptionLines(event.misconceptions);
  if (misconceptions.length > 0) lines.push('', ...misconceptions);
  const footer = [`This answer: ${event.answerScore}/100`, `scored by ${event.scorer === 'llm' ? 'the LLM rubric' : 'keywords'}`, ...(event.notes ?? []), ...event.notices].join(' · ');
  // The keyword check's scope whenever no LLM decided: under the verdicts, where a ✅ is read.
  const scope = scopeNote(event);
  return {
    summary: coverageTitle(event.points, event.score),
    embeds: [{ title: coverageTitle(event.points, event.score), description: lines.join('\n'), footer: { text: scope ? `${footer}\n${scope}` : footer }, color: COLOURS.feedback }],
  };
};
