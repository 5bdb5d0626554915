import type { EventOf, Renderer } from './context.ts';
import { escapeText } from './markdown.ts';
import { COLOURS } from './message.ts';

export const renderPhase: Renderer<EventOf<'phase'>> = ({ phase }) => ({
  summary: `Phase ${phase.index + 1} of ${phase.count}: ${phase.title}`,
  embeds: [{ title: `⏱ Phase ${phase.index + 1}/${phase.count} · ${escapeText(phase.title)} (${phase.minutes} min)`.slice(0, 256), description: escapeText(phase.prompt), color: COLOURS.info }],
});
