import type { APIEmbed } from 'discord-api-types/v10';
import type { ButtonRow, DiscordMessage } from './message.ts';
import { splitText, trimText } from '../../shared/split-text.ts';

/**
 * Discord refuses a message whose content is over 2,000 characters, an embed description
 * over 4,096, more than 10 embeds, or embeds totalling over 6,000 characters (title,
 * description, footer, author, fields). Long feedback is split, not cut: text and
 * descriptions break at line ends (then at spaces), continuation embeds keep the colour,
 * and the pieces spread over as many messages as needed. Only beyond `maxMessages` is
 * anything dropped, with a visible note.
 */
export const DISCORD_LIMITS = {
  content: 2_000,
  embedDescription: 4_096,
  embedTitle: 256,
  embedFooter: 2_048,
  embedAuthor: 256,
  embedsPerMessage: 10,
  embedTotal: 6_000,
  /** One logical message never floods a thread. */
  maxMessages: 5,
} as const;

export { splitText, trimText };

export function embedLength(embed: APIEmbed): number {
  return (embed.title?.length ?? 0) + (embed.description?.length ?? 0) + (embed.footer?.text.length ?? 0) + (embed.author?.name.length ?? 0) + (embed.fields ?? []).reduce((sum, field) => sum + field.name.length + field.value.length, 0);
}

/**
 * One embed → one or more within the per-embed limits. The description is split so each
 * piece also leaves room under the 6,000 total for the title and footer it carries.
 */
function fitEmbed(embed: APIEmbed): APIEmbed[] {
  const title = embed.title === undefined ? undefined : trimText(embed.title, DISCORD_LIMITS.embedTitle);
  const footer = embed.footer === undefined ? undefined : { ...embed.footer, text: trimText(embed.footer.text, DISCORD_LIMITS.embedFooter) };
  const author = embed.author === undefined ? undefined : { ...embed.author, name: trimText(embed.author.name, DISCORD_LIMITS.embedAuthor) };
  const overhead = (title?.length ?? 0) + (footer?.text.length ?? 0) + (author?.name.length ?? 0);
  // Half a message's 6,000 each, so two pieces share a message instead of one 4,096 piece
  // leaving a third of every message empty: a long scorecard then takes four messages, not six.
  const room = Math.min(DISCORD_LIMITS.embedDescription, Math.floor((DISCORD_LIMITS.embedTotal - overhead) / 2));
  const pieces = embed.description ? splitText(embed.description, room) : [undefined];
  return pieces.map((description, index) => ({
    ...embed,
    ...(index === 0 && title !== undefined ? { title } : { title: undefined }),
    ...(index === 0 && author !== undefined ? { author } : { author: undefined }),
    ...(index === pieces.length - 1 && footer !== undefined ? { footer } : { footer: undefined }),
    ...(description === undefined ? {} : { description }),
  })).map(dropUndefined);
}

function dropUndefined(embed: APIEmbed): APIEmbed {
  return Object.fromEntries(Object.entries(embed).filter(([, value]) => value !== undefined)) as APIEmbed;
}

const TRIMMED_NOTE = '… trimmed: this was too long for Discord.';

/**
 * Lays out text and embeds over messages: the text first (2,000 a message), then each embed
 * in the latest message with room for it (10 embeds, 6,000 characters). Buttons go on the
 * first message, which is the one that starts a thread.
 */
export function fitToLimits(input: { content: string; embeds: APIEmbed[]; components: ButtonRow[] }): DiscordMessage[] {
  const messages: DiscordMessage[] = [];
  for (const chunk of input.content ? splitText(input.content, DISCORD_LIMITS.content) : []) messages.push({ content: chunk, embeds: [], components: [] });
  const totals = new Map<DiscordMessage, number>();
  for (const embed of input.embeds.flatMap(fitEmbed)) {
    const size = embedLength(embed);
    const last = messages.at(-1);
    const used = last ? (totals.get(last) ?? 0) : 0;
    if (last && last.embeds.length < DISCORD_LIMITS.embedsPerMessage && used + size <= DISCORD_LIMITS.embedTotal) {
      last.embeds.push(embed);
      totals.set(last, used + size);
    } else {
      const message: DiscordMessage = { embeds: [embed], components: [] };
      messages.push(message);
      totals.set(message, size);
    }
  }
  if (messages.length === 0) messages.push({ content: 'obs-bot', embeds: [], components: [] });
  if (messages.length > DISCORD_LIMITS.maxMessages) {
    messages.length = DISCORD_LIMITS.maxMessages;
    const last = messages.at(-1) as DiscordMessage;
    last.content = trimText(`${last.content ?? ''}${last.content ? '\n' : ''}${TRIMMED_NOTE}`, DISCORD_LIMITS.content);
  }
  (messages[0] as DiscordMessage).components = input.components.slice(0, 5);
  return messages;
}
