import type { AppPartOf, EventOf, Renderer } from './context.ts';
import { escapeText, fromAppMarkup } from './markdown.ts';

export const renderNotice: Renderer<EventOf<'notice'>> = (event) => ({ summary: event.text, content: escapeText(event.text), embeds: [] });

/** App text is ours, not a user's: its markup (mentions, bold) is kept, in Discord's dialect. */
export const renderText: Renderer<AppPartOf<'text'>> = (part) => ({ summary: part.text, content: fromAppMarkup(part.text), embeds: [] });
