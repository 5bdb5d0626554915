import { escapeMrkdwn, section } from './blocks.ts';
import type { AppPartOf, EventOf, Renderer } from './context.ts';

export const renderNotice: Renderer<EventOf<'notice'>> = (event) => ({
  summary: event.text,
  blocks: [section(escapeMrkdwn(event.text))],
});

/** App text is ours, not a user's: it may carry mrkdwn such as mentions. */
export const renderText: Renderer<AppPartOf<'text'>> = (part) => ({
  summary: part.text,
  blocks: [section(part.text)],
});
