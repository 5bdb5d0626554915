import type { EventOf, Renderer } from './context.ts';
import { bold, escapeText } from './markdown.ts';
import { COLOURS } from './message.ts';
import { selfAssessMessages } from './self-assess.ts';

const WEIGHT = ['', 'nice to have', 'important', 'separates staff from senior'];

/** The key points, trade-offs and tip; then the self-assessment panel, in messages of its own (five rows each). */
export const renderReveal: Renderer<EventOf<'reveal'>> = (event, context) => {
  const lines = event.keyPoints.map((point, index) => `${index + 1}. ${bold(escapeText(point.theme))}: ${escapeText(point.point)} *(${WEIGHT[point.weight] ?? `weight ${point.weight}`})*`);
  if (event.tradeOffs.length > 0) lines.push('', bold('Trade-offs'), ...event.tradeOffs.map((t) => `• ${escapeText(t)}`));
  if (event.tip) lines.push('', `${bold('Tip:')} ${escapeText(event.tip)}`);
  return {
    summary: 'Key points for this question',
    embeds: [{ title: '🗝️ Key points', description: lines.join('\n'), color: COLOURS.reveal }],
    after: selfAssessMessages(event.questionId, event.keyPoints, context.sessionId),
  };
};
