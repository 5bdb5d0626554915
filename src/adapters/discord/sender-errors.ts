import { DiscordAPIError, HTTPError, RateLimitError as RestRateLimitError } from '@discordjs/rest';
import { AppError, PermanentDeliveryError, RateLimitError } from '../../core/errors.ts';

/**
 * Discord failures, sorted by what the queue should do with them (as for Slack):
 * - a rate limit the REST queue would wait out too long → RateLimitError (no attempt spent);
 * - a refusal retrying cannot fix → PermanentDeliveryError, with how a person can fix it;
 * - 5xx after the REST client's own retries, network trouble → AppError: retry with backoff.
 * Messages never include the request URL: an interaction webhook's URL holds its token.
 */
export const DISCORD_CODES = {
  unknownChannel: 10003,
  unknownMessage: 10008,
  unknownWebhook: 10015,
  unknownInteraction: 10062,
  missingAccess: 50001,
  cannotDmUser: 50007,
  missingPermissions: 50013,
  invalidWebhookToken: 50027,
  alreadyAcknowledged: 40060,
  threadAlreadyCreated: 160004,
  threadLocked: 160005,
  threadArchived: 50083,
} as const;

const HINTS: Record<number, string> = {
  [DISCORD_CODES.unknownChannel]: 'I can’t see this channel any more. Check it still exists and that I’m allowed to view it.',
  [DISCORD_CODES.missingAccess]: 'I can’t see this channel. Give my role View Channel, Send Messages, Create Public Threads, Send Messages in Threads, Embed Links and Read Message History here, then try again.',
  [DISCORD_CODES.missingPermissions]: 'I’m missing a permission in this channel. Give my role Send Messages, Create Public Threads, Send Messages in Threads, Embed Links and Read Message History, then try again.',
  [DISCORD_CODES.cannotDmUser]: 'I can’t send you direct messages. Allow DMs from server members, or answer with the Answer button so I can reply privately.',
  [DISCORD_CODES.threadArchived]: 'This thread is archived. Start a new question with `/obs-question ask`.',
  [DISCORD_CODES.threadLocked]: 'This thread is locked. Start a new question with `/obs-question ask`.',
  [DISCORD_CODES.unknownInteraction]: 'That took too long for Discord. Please try again.',
  [DISCORD_CODES.unknownWebhook]: 'That reply window closed (Discord allows 15 minutes). Run the command again.',
  [DISCORD_CODES.invalidWebhookToken]: 'That reply window closed (Discord allows 15 minutes). Run the command again.',
};

export function discordCodeOf(error: unknown): number | undefined {
  return error instanceof DiscordAPIError && typeof error.code === 'number' ? error.code : undefined;
}

export function mapDiscordError(error: unknown, what: string): Error {
  if (error instanceof RestRateLimitError) {
    return new RateLimitError(Math.max(1, Math.ceil(Math.max(error.retryAfter, error.timeToReset))), `Discord ${what} rate limited (${error.global ? 'global' : error.route})`);
  }
  if (error instanceof DiscordAPIError) {
    if (error.status === 429) return new RateLimitError(1_000, `Discord ${what} rate limited`);
    if (error.status >= 500) return new AppError('discord_transient', `Discord ${what} failed: HTTP ${error.status}`);
    if (error.status === 401) return new PermanentDeliveryError('discord_unauthorized', `Discord ${what} refused the bot token (401)`, 'My Discord token was rejected. Whoever runs the bot must set DISCORD_TOKEN again.');
    const code = typeof error.code === 'number' ? error.code : 0;
    // Always a hint: the shared failure notes would otherwise name the wrong platform.
    const hint = HINTS[code] ?? `Discord refused it (code ${code || error.status}). Please try again later; an admin can find details in the bot’s logs.`;
    return new PermanentDeliveryError(`discord_${code || error.status}`, `Discord ${what} refused: ${code} ${error.message}`, hint);
  }
  if (error instanceof HTTPError) return new AppError('discord_transient', `Discord ${what} failed: HTTP ${error.status}`);
  const message = error instanceof Error ? error.message : String(error);
  return new AppError('discord_unreachable', `Discord ${what} unreachable: ${message}`, { cause: error });
}
