import { context, escapeMrkdwn, mention, section } from './blocks.ts';
import type { EventOf, Renderer } from './context.ts';

export const renderNudge: Renderer<EventOf<'nudge'>> = (event) => ({
  summary: event.text,
  blocks: [
    section(`⏳ ${event.to ? `${mention(event.to)} ` : ''}${escapeMrkdwn(event.text)}`),
    context(`Phase ${event.phase.index + 1}/${event.phase.count} · ${escapeMrkdwn(event.phase.title)} · rough thoughts are fine`),
  ],
});
