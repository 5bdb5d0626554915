import { escapeMrkdwn, section } from './blocks.ts';
import type { EventOf, Renderer } from './context.ts';

export const renderPhase: Renderer<EventOf<'phase'>> = ({ phase }) => ({
  summary: `Phase ${phase.index + 1} of ${phase.count}: ${phase.title}`,
  blocks: [section(`⏱ *Phase ${phase.index + 1}/${phase.count} · ${escapeMrkdwn(phase.title)}* (${phase.minutes} min)\n${escapeMrkdwn(phase.prompt)}`)],
});
