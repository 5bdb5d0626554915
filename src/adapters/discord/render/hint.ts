import type { EventOf, Renderer } from './context.ts';
import { escapeText } from './markdown.ts';
import { COLOURS } from './message.ts';

export const renderHint: Renderer<EventOf<'hint'>> = (event) => ({
  summary: `Hint: ${event.text}`,
  embeds: [{ title: '💡 Hint', description: escapeText(event.text), color: COLOURS.hint }],
});
