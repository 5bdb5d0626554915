import { escapeMrkdwn, section, type SlackBlock } from './blocks.ts';
import type { EventOf, Renderer } from './context.ts';
import { selfAssessBlocks } from './self-assess.ts';

const WEIGHT = ['', 'nice to have', 'important', 'separates staff from senior'];

export const renderReveal: Renderer<EventOf<'reveal'>> = (event, context) => {
  const points = event.keyPoints.map((point, index) => `${index + 1}. *${escapeMrkdwn(point.theme)}*: ${escapeMrkdwn(point.point)} _(${WEIGHT[point.weight] ?? `weight ${point.weight}`})_`);
  const blocks: SlackBlock[] = [section(['🗝 *Key points*', ...points].join('\n'))];
  if (event.tradeOffs.length > 0) blocks.push(section(['*Trade-offs*', ...event.tradeOffs.map((t) => `• ${escapeMrkdwn(t)}`)].join('\n')));
  if (event.tip) blocks.push(section(`*Tip:* ${escapeMrkdwn(event.tip)}`));
  blocks.push(...selfAssessBlocks(event.questionId, event.keyPoints, context.sessionId));
  return { summary: 'Key points for this question', blocks };
};
