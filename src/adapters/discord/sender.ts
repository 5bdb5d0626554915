import { createHash } from 'node:crypto';
import type { REST } from '@discordjs/rest';
import { MessageFlags, Routes, type APIChannel, type APIGuild, type APIGuildMember, type APIMessage, type RESTPostAPIChannelMessageJSONBody } from 'discord-api-types/v10';
import type { ChatSender, DeliveryProgress, Destination, MessageContent, PostResult, PrivateDestination, ReactionKind } from '../../app/ports.ts';
import { AppError, PermanentDeliveryError } from '../../core/errors.ts';
import { logger as defaultLogger, type Logger } from '../../infra/logger.ts';
import { metrics, recordPlatformError } from '../../infra/metrics.ts';
import { inSpan, SpanKind } from '../../infra/tracing.ts';
import { decodeMessageRef } from './message-ref.ts';
import { parseReplyHandle } from './reply-handle.ts';
import { renderMessage, startsThread, threadNameFor, type DiscordMessage } from './render/index.ts';
import { DISCORD_CODES, discordCodeOf, mapDiscordError } from './sender-errors.ts';

/**
 * ChatSender for Discord, over @discordjs/rest only: no gateway connection, so workers
 * scale out without opening gateway sessions.
 *
 * - Public posts carry a `nonce` derived from the idempotency key with `enforce_nonce`:
 *   Discord returns the message already created with that nonce (within a few minutes)
 *   instead of creating a second one, which covers the REST client's own retries and a
 *   worker re-running a post whose result it did not record.
 * - A session's question starts a thread from its message (the thread's id is the
 *   message's id, so `discord:G:C:<message id>` names both); "already has a thread" is fine.
 * - Private messages go through the interaction that caused them (ephemeral follow-ups
 *   on its webhook, valid 15 minutes); without one (an answer typed in the thread) they
 *   go by DM, Discord having no "visible to one person" message outside interactions.
 * - Nothing here logs a URL: an interaction webhook's path holds its token.
 */
export interface DiscordSenderOptions {
  rest: REST;
  applicationId: string;
  logger?: Logger;
}

const REACTIONS: Record<ReactionKind, string> = { received: '👀', scored: '✅' };
const NO_MENTIONS = { parse: [] as never[] };
/** Administrator and Manage Server: who may change a server's daily question and scoring. */
const ADMINISTRATOR = 1n << 3n;
const MANAGE_GUILD = 1n << 5n;

/** Discord nonces are at most 25 characters. */
export function nonceFor(key: string): string {
  return createHash('sha256').update(key).digest('base64url').slice(0, 25);
}

function bodyOf(message: DiscordMessage): RESTPostAPIChannelMessageJSONBody {
  return { ...(message.content ? { content: message.content } : {}), embeds: message.embeds, components: message.components, allowed_mentions: NO_MENTIONS };
}

export class DiscordSender implements ChatSender {
  private readonly rest: REST;
  private readonly applicationId: string;
  private readonly log: Logger;
  private readonly dmChannels = new Map<string, string>();

  constructor(options: DiscordSenderOptions) {
    this.rest = options.rest;
    this.applicationId = options.applicationId;
    this.log = options.logger ?? defaultLogger.child({ component: 'discord-sender' });
  }

  /** `what` is one of a few fixed names ('send DM', 'get guild'…), so it is a bounded metric label. */
  private async call<T>(what: string, run: () => Promise<unknown>): Promise<T> {
    metrics.platformCalls.inc({ platform: 'discord', method: what });
    // A client span per call, child of the job's span: one command is one trace (see infra/tracing.ts).
    return inSpan(`discord ${what}`, SpanKind.CLIENT, { 'rpc.system': 'discord', 'rpc.method': what }, async () => {
      try {
        return (await run()) as T;
      } catch (error) {
        const mapped = mapDiscordError(error, what);
        // Each 429 response is counted by the REST client as it arrives (observeDiscordRest).
        recordPlatformError('discord', what, mapped, { countRateLimit: false });
        throw mapped;
      }
    });
  }

  async postMessage(destination: Destination, content: MessageContent, progress: DeliveryProgress): Promise<PostResult> {
    const messages = renderMessage(content);
    const opensThread = !destination.thread && (startsThread(content) || messages.length > 1);
    let first = progress.delivered.get(0);
    for (const [index, message] of messages.entries()) {
      if (progress.delivered.has(index)) continue;
      // A top-level message continues in the thread it starts.
      const channel = destination.thread ?? (index > 0 && first && opensThread ? first : destination.channelId);
      const posted = await this.call<APIMessage>('create message', () =>
        this.rest.post(Routes.channelMessages(channel), { body: { ...bodyOf(message), nonce: nonceFor(`${progress.idempotencyKey}#${index}`), enforce_nonce: true } }),
      );
      await progress.onDelivered(index, posted.id);
      if (index === 0) {
        first = posted.id;
        if (opensThread) await this.startThread(destination.channelId, posted.id, threadNameFor(content));
      }
    }
    if (!first) throw new AppError('post_without_id', 'a post produced no message id');
    // A re-run that found part 0 recorded still makes sure its thread exists.
    if (opensThread && progress.delivered.has(0)) await this.startThread(destination.channelId, first, threadNameFor(content));
    return { messageId: first };
  }

  /** Idempotent: a message that already has a thread is what we wanted. */
  private async startThread(channelId: string, messageId: string, name: string): Promise<void> {
    try {
      await this.rest.post(Routes.threads(channelId, messageId), { body: { name, auto_archive_duration: 1440 } });
    } catch (error) {
      if (discordCodeOf(error) === DISCORD_CODES.threadAlreadyCreated) return;
      throw mapDiscordError(error, 'start thread');
    }
  }

  async postEphemeral(destination: PrivateDestination, content: MessageContent, progress: DeliveryProgress): Promise<void> {
    if (destination.replyHandle) {
      try {
        await this.followUps(parseReplyHandle(destination.replyHandle).token, renderMessage(content), progress, 0);
        return;
      } catch (error) {
        // The interaction's 15 minutes are over: a DM is the remaining private route.
        if (!(error instanceof PermanentDeliveryError) || !isExpiredInteraction(error)) throw error;
        this.log.info('interaction expired; sending the private reply by DM', { channel: destination.channelId, user: destination.userId });
      }
    }
    await this.sendDirect(destination.workspaceId, destination.userId, content, progress);
  }

  /** Ephemeral follow-ups on an interaction's webhook, from part `from` on. */
  private async followUps(token: string, messages: DiscordMessage[], progress: DeliveryProgress, from: number): Promise<void> {
    for (const [index, message] of messages.entries()) {
      if (index < from || progress.delivered.has(index)) continue;
      const posted = await this.call<APIMessage>('interaction follow-up', () =>
        this.rest.post(Routes.webhook(this.applicationId, token), { body: { ...bodyOf(message), flags: MessageFlags.Ephemeral }, auth: false }),
      );
      await progress.onDelivered(index, posted.id);
    }
  }

  /**
   * The private reply to a command: the interaction was deferred (or answered with a
   * placeholder) by the adapter, so the first part replaces that original response and the
   * rest follow as ephemeral follow-ups.
   */
  async respond(responseUrl: string, content: MessageContent, progress: DeliveryProgress): Promise<void> {
    const messages = renderMessage(content);
    const { token, editsOriginal } = parseReplyHandle(responseUrl);
    // A button's original response is the message it sits on: only follow-ups for those.
    if (!editsOriginal) return this.followUps(token, messages, progress, 0);
    if (!progress.delivered.has(0)) {
      const first = messages[0] as DiscordMessage;
      await this.call('edit interaction reply', () =>
        this.rest.patch(Routes.webhookMessage(this.applicationId, token, '@original'), { body: { content: first.content ?? '', embeds: first.embeds, components: first.components, allowed_mentions: NO_MENTIONS }, auth: false }),
      );
      await progress.onDelivered(0, '@original');
    }
    await this.followUps(token, messages, progress, 1);
  }

  async sendDirect(workspaceId: string, userId: string, content: MessageContent, progress: DeliveryProgress): Promise<void> {
    let channelId = this.dmChannels.get(userId);
    if (!channelId) {
      const channel = await this.call<APIChannel>('open DM', () => this.rest.post(Routes.userChannels(), { body: { recipient_id: userId } }));
      channelId = channel.id;
      this.dmChannels.set(userId, channelId);
    }
    // A DM is its own conversation: no thread, whatever the content.
    const messages = renderMessage(content);
    for (const [index, message] of messages.entries()) {
      if (progress.delivered.has(index)) continue;
      const target = channelId;
      const posted = await this.call<APIMessage>('send DM', () => this.rest.post(Routes.channelMessages(target), { body: { ...bodyOf(message), nonce: nonceFor(`${progress.idempotencyKey}#${index}`), enforce_nonce: true } }));
      await progress.onDelivered(index, posted.id);
    }
    this.log.debug('sent a direct message', { guild: workspaceId, user: userId });
  }

  /** Reacting twice is not an error on Discord (PUT). A modal answer has no message to react to. */
  async addReaction(target: { workspaceId: string; channelId: string; messageId: string }, reaction: ReactionKind): Promise<void> {
    const ref = decodeMessageRef(target.messageId);
    if (!ref) return;
    await this.call('add reaction', () => this.rest.put(Routes.channelMessageOwnReaction(ref.channelId, ref.messageId, encodeURIComponent(REACTIONS[reaction]))));
  }

  /**
   * The server's owner, and members with Administrator or Manage Server through their roles
   * (or @everyone's), may change its settings. A refusal Discord will repeat (the member
   * left, the bot cannot see the guild) answers false and is logged; 429s and outages throw.
   */
  async isWorkspaceAdmin(workspaceId: string, userId: string): Promise<boolean> {
    try {
      const [guild, member] = await Promise.all([
        this.call<APIGuild>('get guild', () => this.rest.get(Routes.guild(workspaceId))),
        this.call<APIGuildMember>('get member', () => this.rest.get(Routes.guildMember(workspaceId, userId))),
      ]);
      if (guild.owner_id === userId) return true;
      const held = new Set([workspaceId, ...member.roles]);
      const permissions = guild.roles.filter((role) => held.has(role.id)).reduce((bits, role) => bits | BigInt(role.permissions), 0n);
      return (permissions & (ADMINISTRATOR | MANAGE_GUILD)) !== 0n;
    } catch (error) {
      if (!(error instanceof PermanentDeliveryError)) throw error;
      this.log.warn('could not check whether a member manages the server; treating them as not', { code: error.code, guild: workspaceId, user: userId });
      return false;
    }
  }
}

function isExpiredInteraction(error: PermanentDeliveryError): boolean {
  return [DISCORD_CODES.unknownWebhook, DISCORD_CODES.invalidWebhookToken, DISCORD_CODES.unknownInteraction].some((code) => error.code === `discord_${code}`) || error.code === 'discord_404' || error.code === 'discord_401';
}
