import { escapeMrkdwn, mention, section } from './blocks.ts';
import type { EventOf, Renderer } from './context.ts';

/** A mock closed after days of silence: a friendly note (its scorecard follows when there were answers). */
export const renderExpired: Renderer<EventOf<'expired'>> = (event) => ({
  summary: event.text,
  blocks: [section(`👋 ${event.to ? `${mention(event.to)} ` : ''}${escapeMrkdwn(event.text)}`)],
});
