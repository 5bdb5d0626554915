import type { EventOf, Renderer } from './context.ts';
import { escapeText, mention } from './markdown.ts';

export const renderNudge: Renderer<EventOf<'nudge'>> = (event) => ({
  summary: event.text,
  content: `⏳ ${event.to ? `${mention(event.to)} ` : ''}${escapeText(event.text)}\n-# Phase ${event.phase.index + 1}/${event.phase.count} · ${escapeText(event.phase.title)} · rough thoughts are fine`,
  embeds: [],
});
