import { context, escapeMrkdwn, section } from './blocks.ts';
import type { EventOf, Renderer } from './context.ts';

/**
 * The next question. In a mock it carries where it sits (`Phase 2/4 · Architecture · ~15 min ·
 * question 2 of 3`); in a channel question, "Next →", as the product sketch shows.
 */
export const renderFollowUp: Renderer<EventOf<'follow-up'>> = (event) =>
  event.phase
    ? {
        summary: event.text,
        blocks: [section(escapeMrkdwn(event.text)), context(`${escapeMrkdwn(event.phase.label)} · question ${event.number} of ${event.of} · reply in this thread`)],
      }
    : {
        summary: `Next: ${event.text}`,
        blocks: [section(`*Next →* ${escapeMrkdwn(event.text)}`), context(`Follow-up ${event.number} of ${event.of} · reply in this thread`)],
      };
