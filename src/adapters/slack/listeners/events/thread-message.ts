import type { App } from '@slack/bolt';
import { encodeThreadId } from '../../../../core/thread-id.ts';
import type { AnswerJob } from '../../../../queue/jobs.ts';
import type { SlackAppDeps } from '../../deps.ts';
import { dispatch } from '../../dispatch.ts';
import { plainTextFromSlack } from '../../text.ts';

/** The fields of a `message` event this listener reads; every message subtype fits it. */
export interface IncomingMessage {
  subtype?: string;
  channel: string;
  user?: string;
  bot_id?: string;
  text?: string;
  ts: string;
  thread_ts?: string;
  parent_user_id?: string;
}

/** A plain message, a reply with a file, and a reply also sent to the channel are all answers. */
const ANSWER_SUBTYPES = new Set<string | undefined>([undefined, 'file_share', 'thread_broadcast']);

export type AnswerDecision = { answer: AnswerJob } | { ignore: string };

/**
 * Decides from the event alone, with no Redis lookup, whether a message may be an answer:
 * a person's reply (not a bot's, not an edit or deletion) inside a thread, with text. When
 * Slack says who started the thread and it was not us, it cannot be one of our sessions.
 * Whether the thread really is a session is the worker's question.
 */
export function answerFromMessage(message: IncomingMessage, teamId: string, botUserId: string | undefined, receivedAt: number): AnswerDecision {
  if (!ANSWER_SUBTYPES.has(message.subtype)) return { ignore: `subtype ${message.subtype}` };
  if (message.bot_id) return { ignore: 'from a bot' };
  if (!message.user) return { ignore: 'no user' };
  if (!message.thread_ts || message.thread_ts === message.ts) return { ignore: 'not a thread reply' };
  if (botUserId && message.parent_user_id && message.parent_user_id !== botUserId) return { ignore: 'thread not started by the bot' };
  const text = plainTextFromSlack(message.text ?? '').trim();
  if (!text) return { ignore: 'no text' };
  return {
    answer: {
      kind: 'answer',
      platform: 'slack',
      workspaceId: teamId,
      channelId: message.channel,
      userId: message.user,
      // A ts is unique within a channel, and a retried or re-delivered event repeats it.
      dedupeKey: `${message.channel}-${message.ts}`,
      receivedAt,
      threadId: encodeThreadId({ platform: 'slack', workspace: teamId, channel: message.channel, thread: message.thread_ts }),
      text,
      messageId: message.ts,
    },
  };
}

export function register(app: App, deps: SlackAppDeps): void {
  app.event('message', async ({ event, body, context, client }) => {
    const receivedAt = deps.now();
    const decision = answerFromMessage(event as IncomingMessage, body.team_id, context.botUserId, receivedAt);
    if ('ignore' in decision) return;
    const { answer } = decision;
    const threadTs = (event as IncomingMessage).thread_ts;
    await dispatch(
      {
        name: 'event:thread-message',
        logger: deps.logger,
        fields: { team: answer.workspaceId, channel: answer.channelId, user: answer.userId, eventId: body.event_id, retryNum: context.retryNum },
        // Bolt acks Events API requests itself, before any listener runs.
        ack: async () => undefined,
        replyPrivately: async (text) => {
          await client.chat.postEphemeral({ channel: answer.channelId, user: answer.userId, text, ...(threadTs ? { thread_ts: threadTs } : {}) });
        },
      },
      () => deps.producer.enqueue(answer),
    );
  });
}
