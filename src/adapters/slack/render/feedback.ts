import type { CoveredPoint } from '../../../core/interview/coverage.ts';
import type { Verdict } from '../../../core/scoring/types.ts';
import { context, escapeMrkdwn, quote, section, type SlackBlock } from './blocks.ts';
import type { EventOf, Renderer } from './context.ts';
import { honestyBlocks, ruledOutMrkdwn } from './honesty.ts';

export const VERDICT_ICON: Record<Verdict, string> = { covered: '✅', partial: '🟡', missed: '❌' };

/**
 * One line per rubric point: the verdict, the theme, and the answer's own words as
 * evidence, or for a gap what is missing (never the model answer: that is the reveal).
 */
export function pointLine(point: CoveredPoint): string {
  const ruledOut = ruledOutMrkdwn(point);
  if (ruledOut) return ruledOut;
  const theme = `*${escapeMrkdwn(point.theme)}*`;
  const evidence = point.evidence ? quote(point.evidence) : undefined;
  const note = point.note ? escapeMrkdwn(point.note) : undefined;
  if (point.verdict === 'covered') return `${VERDICT_ICON.covered} ${theme}: ${evidence ?? 'covered'}`;
  if (point.verdict === 'partial') {
    const detail = evidence && note ? `${evidence}, but ${note}` : evidence ? `${evidence} (partly there)` : (note ?? 'partly covered');
    return `${VERDICT_ICON.partial} ${theme}: ${detail}`;
  }
  return `${VERDICT_ICON.missed} ${theme}: ${note ?? `nothing on ${escapeMrkdwn(point.theme.toLowerCase())}`}`;
}

export function coverageLine(points: readonly CoveredPoint[], score: number): string {
  const covered = points.filter((point) => point.verdict === 'covered').length;
  return `*Coverage ${covered}/${points.length} · ${score}/100*`;
}

export const renderFeedback: Renderer<EventOf<'feedback'>> = (event) => {
  // An off-topic answer gets one line, not a row of "nothing on …".
  const body = event.offTopic
    ? [coverageLine(event.points, event.score), `This doesn’t seem to answer the question: *${escapeMrkdwn(event.offTopic)}*`]
    : [coverageLine(event.points, event.score), ...event.points.map(pointLine)];
  const blocks: SlackBlock[] = [section(body.join('\n'))];
  if (event.feedback) blocks.push(section(escapeMrkdwn(event.feedback)));
  // Misconceptions named with their correction, and the keyword check's scope when no LLM decided.
  blocks.push(...honestyBlocks(event));
  const footer = [`This answer: ${event.answerScore}/100`, `scored by ${event.scorer === 'llm' ? 'the LLM rubric' : 'keywords'}`, ...(event.notes ?? []).map(escapeMrkdwn), ...event.notices.map(escapeMrkdwn)];
  return {
    summary: `Coverage ${event.points.filter((point) => point.verdict === 'covered').length}/${event.points.length} · ${event.score}/100`,
    blocks: [...blocks, context(footer.join(' · '))],
  };
};
