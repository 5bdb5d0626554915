import type { EventOf, Renderer } from './context.ts';
import { bold, escapeText } from './markdown.ts';
import { COLOURS } from './message.ts';

const WEIGHT = ['', 'nice to have', 'important', 'separates staff from senior'];

export const renderReveal: Renderer<EventOf<'reveal'>> = (event) => {
  const lines = event.keyPoints.map((point, index) => `${index + 1}. ${bold(escapeText(point.theme))}: ${escapeText(point.point)} *(${WEIGHT[point.weight] ?? `weight ${point.weight}`})*`);
  if (event.tradeOffs.length > 0) lines.push('', bold('Trade-offs'), ...event.tradeOffs.map((t) => `• ${escapeText(t)}`));
  if (event.tip) lines.push('', `${bold('Tip:')} ${escapeText(event.tip)}`);
  return { summary: 'Key points for this question', embeds: [{ title: '🗝️ Key points', description: lines.join('\n'), color: COLOURS.reveal }] };
};
