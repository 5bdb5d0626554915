import { context, escapeMrkdwn, mention, section } from './blocks.ts';
import type { EventOf, Renderer } from './context.ts';

export const renderNudge: Renderer<EventOf<'nudge'>> = (event) => {
  const where = event.phase ? `${escapeMrkdwn(event.phase.label)} · rough thoughts are fine` : 'rough thoughts are fine';
  const closes = event.expiresInDays !== undefined ? ` · this thread stays open for ${event.expiresInDays} more day${event.expiresInDays === 1 ? '' : 's'}` : '';
  return {
    summary: event.text,
    blocks: [section(`⏳ ${event.to ? `${mention(event.to)} ` : ''}${escapeMrkdwn(event.text)}`), context(`${where}${closes}`)],
  };
};
