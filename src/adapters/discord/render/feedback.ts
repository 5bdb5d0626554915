import type { CoveredPoint } from '../../../core/interview/coverage.ts';
import type { Verdict } from '../../../core/scoring/types.ts';
import type { EventOf, Renderer } from './context.ts';
import { bold, escapeText, quote } from './markdown.ts';
import { COLOURS } from './message.ts';

export const VERDICT_ICON: Record<Verdict, string> = { covered: '✅', partial: '🟡', missed: '❌' };

/** One line per rubric point: verdict, theme, the answer's own words or what is missing. */
export function pointLine(point: CoveredPoint): string {
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
  const lines = event.points.map(pointLine);
  if (event.feedback) lines.push('', escapeText(event.feedback));
  const footer = [`This answer: ${event.answerScore}/100`, `scored by ${event.scorer === 'llm' ? 'the LLM rubric' : 'keywords'}`, ...event.notices].join(' · ');
  return {
    summary: coverageTitle(event.points, event.score),
    embeds: [{ title: coverageTitle(event.points, event.score), description: lines.join('\n'), footer: { text: footer.slice(0, 2048) }, color: COLOURS.feedback }],
  };
};
