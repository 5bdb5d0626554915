import { LogLevel, WebClient, type ChatPostEphemeralArguments, type ChatPostEphemeralResponse, type ChatPostMessageArguments, type ChatPostMessageResponse, type ConversationsHistoryArguments, type ConversationsHistoryResponse, type ConversationsRepliesArguments, type ConversationsRepliesResponse, type Logger as SlackLogger, type ReactionsAddArguments, type ReactionsAddResponse, type UsersInfoArguments, type UsersInfoResponse } from '@slack/web-api';
import { createKeepAliveFetch } from './keep-alive-fetch.ts';
import { WebApiCaller } from './web-api-call.ts';
import type { ChatSender, DeliveryProgress, Destination, MessageContent, PostResult, ReactionKind } from '../../app/ports.ts';
import { AppError, PermanentDeliveryError } from '../../core/errors.ts';
import { logger as defaultLogger, type Logger } from '../../infra/logger.ts';
import { metrics, recordPlatformError } from '../../infra/metrics.ts';
import { inSpan, SpanKind } from '../../infra/tracing.ts';
import type { SlackMessage } from './render/blocks.ts';
import { renderMessage } from './render/index.ts';
import { mapResponseUrlFailure, mapSlackError } from './sender-errors.ts';

/**
 * ChatSender for Slack, over the real WebClient. Retrying is the queue's job, not the
 * SDK's: `retries: 0` and `rejectRateLimitedCalls` make 429s and outages surface at once
 * as typed errors, so BullMQ can wait out Retry-After (without spending an attempt) or
 * back off, and a stalled worker never holds a half-finished retry loop.
 *
 * Every public post carries metadata `{event_type: 'obs_bot_post', event_payload: {key}}`.
 * When an earlier run may have posted without recording it, the sender reads the thread
 * (or channel) back with `include_all_metadata` and skips a part it finds there.
 */
export const POST_EVENT_TYPE = 'obs_bot_post';

/** How far before a recorded attempt the verification search starts. */
const VERIFY_SKEW_MS = 60_000;

const REACTIONS: Record<ReactionKind, string> = { received: 'eyes', scored: 'white_check_mark' };

export interface SlackSenderOptions {
  token: string;
  /** Web API base URL; must end with `/api/` (added when missing). Default: Slack's. */
  slackApiUrl?: string;
  /** Origins a response_url may point at; anything else is refused (no request forgery). */
  responseUrlOrigins?: string[];
  timeoutMs?: number;
  /** How many recent messages to search when verifying an unconfirmed post. */
  verifyLookback?: number;
  logger?: Logger;
}

interface PostedMessage {
  ts?: string;
  metadata?: { event_type?: string; event_payload?: Record<string, unknown> };
}

function normaliseApiUrl(url: string): string {
  const withSlash = url.endsWith('/') ? url : `${url}/`;
  return withSlash.endsWith('/api/') ? withSlash : `${withSlash}api/`;
}

/** Routes the SDK's own logging into ours (which redacts), warnings and up only. */
function slackLogger(log: Logger): SlackLogger {
  let level = LogLevel.WARN;
  const text = (parts: unknown[]): string => parts.map((part) => (typeof part === 'string' ? part : JSON.stringify(part))).join(' ');
  return {
    debug: () => undefined,
    info: () => undefined,
    warn: (...parts: unknown[]) => log.warn(`slack web api: ${text(parts)}`),
    error: (...parts: unknown[]) => log.error(`slack web api: ${text(parts)}`),
    setLevel: (next: LogLevel) => {
      level = next;
    },
    getLevel: () => level,
    setName: () => undefined,
  };
}

export class SlackSender implements ChatSender {
  /** The SDK client, for other callers on the same token (peer forms, pagination). */
  readonly client: WebClient;
  /** This sender's own calls: the WebClient's request and errors, less its per-call overhead (see web-api-call.ts). */
  private readonly api: WebApiCaller;
  private readonly log: Logger;
  private readonly responseOrigins: Set<string>;
  private readonly verifyLookback: number;
  private readonly timeoutMs: number;

  constructor(options: SlackSenderOptions) {
    this.log = options.logger ?? defaultLogger.child({ component: 'slack-sender' });
    this.timeoutMs = options.timeoutMs ?? 10_000;
    this.verifyLookback = options.verifyLookback ?? 100;
    this.responseOrigins = new Set(options.responseUrlOrigins ?? ['https://hooks.slack.com']);
    const apiUrl = options.slackApiUrl ? normaliseApiUrl(options.slackApiUrl) : 'https://slack.com/api/';
    const transport = createKeepAliveFetch({ timeoutMs: this.timeoutMs });
    const sdkLogger = slackLogger(this.log);
    this.api = new WebApiCaller(transport, apiUrl, options.token, sdkLogger);
    this.client = new WebClient(options.token, {
      slackApiUrl: apiUrl,
      retryConfig: { retries: 0 },
      rejectRateLimitedCalls: true,
      allowAbsoluteUrls: false,
      // The keep-alive client times requests out itself, without a signal per request.
      fetch: transport.fetch,
      timeout: 0,
      logger: sdkLogger,
      logLevel: LogLevel.WARN,
    });
  }

  /** Every platform call goes through here: counted, and its failure mapped and counted. */
  private call<T>(method: string, run: () => Promise<T>): Promise<T> {
    metrics.platformCalls.inc({ platform: 'slack', method });
    return inSpan(`slack ${method}`, SpanKind.CLIENT, { 'rpc.system': 'slack', 'rpc.method': method }, async () => {
      try {
        return await run();
      } catch (error) {
        const mapped = mapSlackError(error, method);
        recordPlatformError('slack', method, mapped);
        throw mapped;
      }
    });
  }

  async postMessage(destination: Destination, content: MessageContent, progress: DeliveryProgress): Promise<PostResult> {
    const messages = renderMessage(content);
    let first = progress.delivered.get(0);
    for (const [index, message] of messages.entries()) {
      if (progress.delivered.has(index)) continue;
      // A top-level message that had to be split continues in its own thread.
      const thread = destination.thread ?? (index > 0 ? first : undefined);
      const key = `${progress.idempotencyKey}#${index}`;
      const found = progress.verify ? await this.findPosted(destination.channelId, thread, key, progress.attemptedAt) : undefined;
      const ts = found ?? (await this.post(destination.channelId, thread, message, key));
      if (found) this.log.info('post already delivered by an earlier run; not posting again', { key, channel: destination.channelId });
      await progress.onDelivered(index, ts, index === messages.length - 1);
      if (index === 0) first = ts;
    }
    if (!first) throw new AppError('post_without_id', 'a post produced no message id');
    return { messageId: first };
  }

  private async post(channel: string, thread: string | undefined, message: SlackMessage, key: string): Promise<string> {
    const result = await this.call('chat.postMessage', () =>
      this.api.call<ChatPostMessageResponse>(
        'chat.postMessage',
        {
          channel,
          ...(thread ? { thread_ts: thread } : {}),
          text: message.text,
          blocks: message.blocks,
          unfurl_links: false,
          unfurl_media: false,
          metadata: { event_type: POST_EVENT_TYPE, event_payload: { key } },
        } satisfies ChatPostMessageArguments,
        // Only the ts is read: the echoed message (KBs of blocks) is left unparsed.
        'message',
      ),
    );
    if (!result.ts) throw new AppError('post_without_id', 'chat.postMessage returned no ts');
    return result.ts;
  }

  /**
   * The ts of a message we posted with this key, if Slack has it. The search starts a
   * minute before the first attempt (clock skew), so a busy channel or a long thread does
   * not push our post out of the page.
   */
  private async findPosted(channel: string, thread: string | undefined, key: string, attemptedAt: number | undefined): Promise<string | undefined> {
    let messages: PostedMessage[] | undefined;
    const window = attemptedAt ? { oldest: ((attemptedAt - VERIFY_SKEW_MS) / 1000).toFixed(6), inclusive: true } : {};
    try {
      if (thread) {
        const result = await this.call('conversations.replies', () =>
          this.api.call<ConversationsRepliesResponse>('conversations.replies', { channel, ts: thread, limit: this.verifyLookback, include_all_metadata: true, ...window } satisfies ConversationsRepliesArguments),
        );
        messages = result.messages as PostedMessage[] | undefined;
      } else {
        const result = await this.call('conversations.history', () =>
          this.api.call<ConversationsHistoryResponse>('conversations.history', { channel, limit: this.verifyLookback, include_all_metadata: true, ...window } satisfies ConversationsHistoryArguments),
        );
        messages = result.messages as PostedMessage[] | undefined;
      }
    } catch (error) {
      // Without read access we cannot check; posting risks a duplicate, not a loss.
      if (error instanceof PermanentDeliveryError && error.code === 'missing_scope') {
        this.log.warn('cannot read history to verify a post (missing scope); posting again', { key, channel });
        return undefined;
      }
      throw error;
    }
    const match = (messages ?? []).find((message) => message.metadata?.event_type === POST_EVENT_TYPE && message.metadata.event_payload?.key === key);
    return match?.ts;
  }

  async postEphemeral(destination: Destination & { userId: string }, content: MessageContent, progress: DeliveryProgress): Promise<void> {
    const messages = renderMessage(content);
    for (const [index, message] of messages.entries()) {
      if (progress.delivered.has(index)) continue;
      const result = await this.call('chat.postEphemeral', () =>
        this.api.call<ChatPostEphemeralResponse>('chat.postEphemeral', {
          channel: destination.channelId,
          user: destination.userId,
          ...(destination.thread ? { thread_ts: destination.thread } : {}),
          text: message.text,
          blocks: message.blocks,
        } satisfies ChatPostEphemeralArguments),
      );
      await progress.onDelivered(index, result.message_ts ?? 'ephemeral', index === messages.length - 1);
    }
  }

  async respond(responseUrl: string, content: MessageContent, progress: DeliveryProgress): Promise<void> {
    let url: URL;
    try {
      url = new URL(responseUrl);
    } catch {
      throw new PermanentDeliveryError('bad_response_url', 'response_url is not a URL');
    }
    if (!this.responseOrigins.has(url.origin)) throw new PermanentDeliveryError('bad_response_url', `response_url origin ${url.origin} is not allowed`);
    const messages = renderMessage(content);
    for (const [index, message] of messages.entries()) {
      if (progress.delivered.has(index)) continue;
      await this.call('response_url', async () => {
        let response: Response;
        try {
          response = await fetch(url, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ response_type: 'ephemeral', replace_original: false, text: message.text, blocks: message.blocks }),
            signal: AbortSignal.timeout(this.timeoutMs),
            redirect: 'error',
          });
        } catch (error) {
          throw new AppError('slack_unreachable', `response_url unreachable: ${(error as Error).message}`);
        }
        if (!response.ok) throw await mapResponseUrlFailure(response);
        await response.body?.cancel();
      });
      await progress.onDelivered(index, 'response', index === messages.length - 1);
    }
  }

  async sendDirect(workspaceId: string, userId: string, content: MessageContent, progress: DeliveryProgress): Promise<void> {
    // Posting to a user id delivers to the app's DM with them (the app's Messages tab).
    await this.postMessage({ workspaceId, channelId: userId }, content, progress);
  }

  /**
   * users.info (scope `users:read`): admins, owners and the primary owner administer the
   * workspace; a deactivated account does not. A permanent refusal (missing_scope,
   * user_not_found, …) answers "not an admin" and is logged, so a missing scope locks
   * settings rather than opening them; 429s and outages throw for the queue to retry.
   */
  async isWorkspaceAdmin(workspaceId: string, userId: string): Promise<boolean> {
    try {
      const result = await this.call('users.info', () => this.api.call<UsersInfoResponse>('users.info', { user: userId } satisfies UsersInfoArguments));
      const user = result.user;
      if (!user || user.deleted) return false;
      return user.is_admin === true || user.is_owner === true || user.is_primary_owner === true;
    } catch (error) {
      if (!(error instanceof PermanentDeliveryError)) throw error;
      this.log.warn('could not check whether a user is a workspace admin; treating them as not one', { code: error.code, team: workspaceId, user: userId });
      return false;
    }
  }

  async addReaction(target: { workspaceId: string; channelId: string; messageId: string }, reaction: ReactionKind): Promise<void> {
    try {
      await this.call('reactions.add', () => this.api.call<ReactionsAddResponse>('reactions.add', { channel: target.channelId, timestamp: target.messageId, name: REACTIONS[reaction] } satisfies ReactionsAddArguments));
    } catch (error) {
      if (error instanceof PermanentDeliveryError && error.code === 'already_reacted') return;
      throw error;
    }
  }
}
