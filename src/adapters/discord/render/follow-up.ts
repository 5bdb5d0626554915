import { buttonRows } from './buttons.ts';
import type { EventOf, Renderer } from './context.ts';
import { escapeText } from './markdown.ts';
import { COLOURS } from './message.ts';

/**
 * The next question, with its own Answer button so the reply is one press away wherever it
 * shows. In a mock it carries where it sits (`Phase 2/4 · Architecture · ~15 min · question
 * 2 of 3`); in a channel question, "Next →".
 */
export const renderFollowUp: Renderer<EventOf<'follow-up'>> = (event, { sessionId }) => ({
  summary: event.phase ? event.text : `Next: ${event.text}`,
  embeds: [
    event.phase
      ? { description: escapeText(event.text), footer: { text: `${event.phase.label} · question ${event.number} of ${event.of} · press Answer to reply` }, color: COLOURS.followUp }
      : { title: 'Next →', description: escapeText(event.text), footer: { text: `Follow-up ${event.number} of ${event.of} · press Answer to reply` }, color: COLOURS.followUp },
  ],
  ...(sessionId ? { components: buttonRows(['answer'], sessionId) } : {}),
});
