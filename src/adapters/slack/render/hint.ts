import { context, escapeMrkdwn, section } from './blocks.ts';
import type { EventOf, Renderer } from './context.ts';

export const renderHint: Renderer<EventOf<'hint'>> = (event) => ({
  summary: `Hint: ${event.text}`,
  blocks: [
    section(`💡 *Hint ${event.level}/${event.of}:* ${escapeMrkdwn(event.text)}`),
    context(event.level < event.of ? 'Press 💡 again for a stronger hint. Hints are counted in the scorecard.' : 'That’s the last hint for this question. Hints are counted in the scorecard.'),
  ],
});
