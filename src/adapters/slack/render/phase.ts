import { escapeMrkdwn, section } from './blocks.ts';
import type { EventOf, Renderer } from './context.ts';

/** A new phase and its first question, in one message: `⏱ Phase 2/4 · Architecture · ~15 min`. */
export const renderPhase: Renderer<EventOf<'phase'>> = ({ phase, prompt }) => ({
  summary: `${phase.label}: ${prompt}`,
  blocks: [section(`⏱ *${escapeMrkdwn(phase.label)}*\n${escapeMrkdwn(prompt)}`)],
});
