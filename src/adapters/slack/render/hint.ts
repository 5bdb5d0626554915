import { escapeMrkdwn, section } from './blocks.ts';
import type { EventOf, Renderer } from './context.ts';

export const renderHint: Renderer<EventOf<'hint'>> = (event) => ({
  summary: `Hint: ${event.text}`,
  blocks: [section(`💡 *Hint:* ${escapeMrkdwn(event.text)}`)],
});
