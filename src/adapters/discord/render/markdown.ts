import { escapeMarkdown } from '@discordjs/formatters';

/**
 * Text a person wrote (quoted back as evidence) is escaped, so it can never format the
 * message or hide a link; mentions inside it do not ping (the sender sends every message
 * with `allowed_mentions: { parse: [] }`).
 */
export function escapeText(text: string): string {
  return escapeMarkdown(text);
}

/** A quoted phrase from an answer: escaped, on one line, curly quotes. */
export function quote(text: string, max = 280): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  const short = oneLine.length > max ? `${oneLine.slice(0, max - 1)}…` : oneLine;
  return `“${escapeText(short)}”`;
}

/**
 * The app's own sentences are written once for every platform in Slack's mrkdwn (`*bold*`,
 * `<url|label>`); Discord's markdown says `**bold**` and `[label](url)`. Mentions (`<@U>`,
 * `<#C>`) and code spans are the same on both.
 */
export function fromAppMarkup(text: string): string {
  return text
    .split(/(```[\s\S]*?```|`[^`\n]*`)/)
    .map((piece, index) => (index % 2 === 1 ? piece : piece.replace(/(^|[\s(“"])\*([^*\n]+)\*(?=[\s).,:;!?”"]|$)/g, '$1**$2**').replace(/<(https?:[^<>|]+)\|([^<>]+)>/g, '[$2]($1)')))
    .join('');
}

export function bold(text: string): string {
  return `**${text}**`;
}

export function mention(userId: string): string {
  return `<@${userId}>`;
}

export { topicLabel } from '../../shared/topic-label.ts';
