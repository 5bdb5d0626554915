import { groupAdded, shortQuote, themeList } from '../../../core/interview/present.ts';
import { context, escapeMrkdwn, quote, section, type SlackBlock } from './blocks.ts';
import { misconceptionMrkdwn } from './honesty.ts';
import type { EventOf, Renderer } from './context.ts';

/**
 * An interviewer's reaction in a mock thread, in one short message: what the answer added,
 * in the person's words; a misconception with its correction; a note on form; then the
 * dig-in (the only question in the message) or the restated question. No score: that is
 * for the scorecard.
 */
export const renderReaction: Renderer<EventOf<'reaction'>> = (event) => {
  const lines: string[] = [];
  if (event.offTopic) lines.push(`This doesn’t seem to answer the question: *${escapeMrkdwn(event.offTopic)}*`);
  else if (event.added.length > 0) {
    lines.push(`Noted: ${groupAdded(event.added).map((group) => `${quote(shortQuote(group.quote))} _(${escapeMrkdwn(themeList(group.themes))})_`).join('; ')}.`);
  } else if (!event.digIn) lines.push('Noted.');
  for (const m of event.misconceptions) lines.push(misconceptionMrkdwn({ ...m, quote: shortQuote(m.quote) }));
  if (event.running) lines.push(`So far: ${event.running.covered}/${event.running.of} points covered · ${event.running.score}/100`);
  const blocks: SlackBlock[] = [];
  if (lines.length > 0) blocks.push(section(lines.join('\n')));
  if (event.digIn) blocks.push(section(escapeMrkdwn(event.digIn.text)));
  const footer = [...event.notes, ...event.notices].map(escapeMrkdwn);
  if (event.digIn && event.phase) footer.unshift(`${escapeMrkdwn(event.phase.label)} · one more on this point`);
  if (footer.length > 0) blocks.push(context(footer.join(' · ')));
  return { summary: event.digIn?.text ?? (event.offTopic ? 'That doesn’t seem to answer the question' : 'Noted'), blocks };
};
