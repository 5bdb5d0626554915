import { buttonRows } from './buttons.ts';
import type { EventOf, Renderer } from './context.ts';
import { escapeText } from './markdown.ts';
import { COLOURS } from './message.ts';

/** A new phase and its first question, in one message: `⏱ Phase 2/4 · Architecture · ~15 min`. */
export const renderPhase: Renderer<EventOf<'phase'>> = ({ phase, prompt }, { sessionId }) => ({
  summary: `${phase.label}: ${prompt}`,
  embeds: [{ title: `⏱ ${phase.label}`, description: escapeText(prompt), footer: { text: 'Press Answer to reply (or write in the thread)' }, color: COLOURS.info }],
  ...(sessionId ? { components: buttonRows(['answer'], sessionId) } : {}),
});
