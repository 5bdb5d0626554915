import type { EventOf, Renderer } from './context.ts';
import { escapeText, mention } from './markdown.ts';

export const renderNudge: Renderer<EventOf<'nudge'>> = (event) => {
  const where = event.phase ? `${escapeText(event.phase.label)} · rough thoughts are fine` : 'rough thoughts are fine';
  const closes = event.expiresInDays !== undefined ? ` · this thread stays open for ${event.expiresInDays} more day${event.expiresInDays === 1 ? '' : 's'}` : '';
  return { summary: event.text, content: `⏳ ${event.to ? `${mention(event.to)} ` : ''}${escapeText(event.text)}\n-# ${where}${closes}`, embeds: [] };
};
