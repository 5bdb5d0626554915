import { buttonRows } from './buttons.ts';
import type { EventOf, Renderer } from './context.ts';
import { escapeText } from './markdown.ts';
import { COLOURS } from './message.ts';

/** "Next →": with its own Answer button, so the reply is one press away wherever it shows. */
export const renderFollowUp: Renderer<EventOf<'follow-up'>> = (event, { sessionId }) => ({
  summary: `Next: ${event.text}`,
  embeds: [{ title: 'Next →', description: escapeText(event.text), footer: { text: `Follow-up ${event.number} of ${event.of} · press Answer to reply` }, color: COLOURS.followUp }],
  ...(sessionId ? { components: buttonRows(['answer'], sessionId) } : {}),
});
