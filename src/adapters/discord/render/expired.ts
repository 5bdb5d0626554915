import type { EventOf, Renderer } from './context.ts';
import { escapeText, mention } from './markdown.ts';

/** A mock closed after days of silence: a friendly note (its scorecard follows when there were answers). */
export const renderExpired: Renderer<EventOf<'expired'>> = (event) => ({
  summary: event.text,
  content: `👋 ${event.to ? `${mention(event.to)} ` : ''}${escapeText(event.text)}`,
  embeds: [],
});
