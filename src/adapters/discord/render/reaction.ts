import { groupAdded, shortQuote, themeList } from '../../../core/interview/present.ts';
import { buttonRows } from './buttons.ts';
import type { EventOf, Renderer } from './context.ts';
import { misconceptionMarkdown } from './honesty.ts';
import { bold, escapeText, quote } from './markdown.ts';
import { COLOURS } from './message.ts';

/**
 * An interviewer's reaction in a mock thread, in one short message: what the answer added,
 * in the person's words; a misconception with its correction; notes on form; then the
 * dig-in (the only question in the message) or the restated question. No score in a mock.
 */
export const renderReaction: Renderer<EventOf<'reaction'>> = (event, { sessionId }) => {
  const lines: string[] = [];
  if (event.offTopic) lines.push(`This doesn’t seem to answer the question: ${bold(escapeText(event.offTopic))}`);
  else if (event.added.length > 0) {
    lines.push(`Noted: ${groupAdded(event.added).map((group) => `${quote(shortQuote(group.quote))} *(${escapeText(themeList(group.themes))})*`).join('; ')}.`);
  } else if (!event.digIn) lines.push('Noted.');
  for (const m of event.misconceptions) lines.push(misconceptionMarkdown({ ...m, quote: shortQuote(m.quote) }));
  if (event.running) lines.push(`So far: ${event.running.covered}/${event.running.of} points covered · ${event.running.score}/100`);
  if (event.digIn) lines.push(...(lines.length > 0 ? [''] : []), bold(escapeText(event.digIn.text)));
  const footer = [...event.notes, ...event.notices];
  if (event.digIn && event.phase) footer.unshift(`${event.phase.label} · one more on this point`);
  // A dig-in or a restated question is asked here: one press to answer it.
  const asks = event.digIn !== undefined || event.offTopic !== undefined;
  return {
    summary: event.digIn?.text ?? (event.offTopic ? 'That doesn’t seem to answer the question' : 'Noted'),
    embeds: [{ description: lines.join('\n'), ...(footer.length > 0 ? { footer: { text: footer.join(' · ') } } : {}), color: asks ? COLOURS.followUp : COLOURS.feedback }],
    ...(asks && sessionId ? { components: buttonRows(['answer'], sessionId) } : {}),
  };
};
