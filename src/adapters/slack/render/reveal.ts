import { escapeMrkdwn, section } from './blocks.ts';
import type { EventOf, Renderer } from './context.ts';

const WEIGHT = ['', 'nice to have', 'important', 'separates staff from senior'];

export const renderReveal: Renderer<EventOf<'reveal'>> = (event) => {
  const points = event.keyPoints.map((point, index) => `${index + 1}. *${escapeMrkdwn(point.theme)}*: ${escapeMrkdwn(point.point)} _(${WEIGHT[point.weight] ?? `weight ${point.weight}`})_`);
  const blocks = [section(['🗝 *Key points*', ...points].join('\n'))];
  if (event.tradeOffs.length > 0) blocks.push(section(['*Trade-offs*', ...event.tradeOffs.map((t) => `• ${escapeMrkdwn(t)}`)].join('\n')));
  if (event.tip) blocks.push(section(`*Tip:* ${escapeMrkdwn(event.tip)}`));
  return { summary: 'Key points for this question', blocks };
};
