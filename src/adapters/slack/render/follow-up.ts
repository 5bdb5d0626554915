import { context, escapeMrkdwn, section } from './blocks.ts';
import type { EventOf, Renderer } from './context.ts';

/** "Next → …": the follow-up ends the feedback it follows, as the product sketch shows. */
export const renderFollowUp: Renderer<EventOf<'follow-up'>> = (event) => ({
  summary: `Next: ${event.text}`,
  blocks: [section(`*Next →* ${escapeMrkdwn(event.text)}`), context(`Follow-up ${event.number} of ${event.of} · reply in this thread`)],
});
