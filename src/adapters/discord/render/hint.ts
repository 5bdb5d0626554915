import type { EventOf, Renderer } from './context.ts';
import { escapeText } from './markdown.ts';
import { COLOURS } from './message.ts';

export const renderHint: Renderer<EventOf<'hint'>> = (event) => ({
  summary: `Hint: ${event.text}`,
  embeds: [
    {
      title: `💡 Hint ${event.level}/${event.of}`,
      description: escapeText(event.text),
      footer: { text: event.level < event.of ? 'Press 💡 Hint again for a stronger hint. Hints are counted in the scorecard.' : 'That’s the last hint for this question. Hints are counted in the scorecard.' },
      color: COLOURS.hint,
    },
  ],
});
