import type { Message } from 'discord.js';
import { encodeThreadId } from '../../../core/thread-id.ts';
import type { AnswerJob } from '../../../queue/jobs.ts';
import type { DiscordBotDeps } from '../deps.ts';
import { encodeMessageRef } from '../message-ref.ts';
import { inSpan, SpanKind } from '../../../infra/tracing.ts';

export type AnswerDecision = { answer: AnswerJob } | { ignore: string };

/** The fields of a message this decision reads, so it can be tested without a client. */
export interface IncomingMessage {
  id: string;
  guildId: string | null;
  authorId: string;
  authorIsBot: boolean;
  content: string;
  /** Set when the message is in a thread. */
  thread?: { id: string; parentId: string | null; ownerId: string | null };
}

/**
 * With DISCORD_MESSAGE_CONTENT on, a person's message in a thread may be an answer: decided
 * from the message alone, with no Redis lookup. A thread started by someone else cannot be
 * one of our sessions; whether it really is one is the worker's question. The message id is
 * unique, so a replayed MESSAGE_CREATE is the same job (BullMQ drops the duplicate).
 */
export function answerFromMessage(message: IncomingMessage, botUserId: string | undefined, receivedAt: number): AnswerDecision {
  if (message.authorIsBot) return { ignore: 'from a bot' };
  if (!message.guildId) return { ignore: 'not in a server' };
  if (!message.thread?.parentId) return { ignore: 'not in a thread' };
  if (botUserId && message.thread.ownerId && message.thread.ownerId !== botUserId) return { ignore: 'thread not started by the bot' };
  const text = message.content.trim();
  if (!text) return { ignore: 'no text' };
  return {
    answer: {
      kind: 'answer',
      platform: 'discord',
      workspaceId: message.guildId,
      channelId: message.thread.parentId,
      userId: message.authorId,
      dedupeKey: message.id,
      receivedAt,
      threadId: encodeThreadId({ platform: 'discord', workspace: message.guildId, channel: message.thread.parentId, thread: message.thread.id }),
      text,
      messageId: encodeMessageRef(message.thread.id, message.id),
    },
  };
}

export function incomingOf(message: Message): IncomingMessage {
  // Uncached channel (no THREAD_CREATE seen): not a thread we can place, so not an answer.
  const channel = message.channel as Message['channel'] | null;
  return {
    id: message.id,
    guildId: message.guildId,
    authorId: message.author.id,
    authorIsBot: message.author.bot,
    content: message.content,
    ...(channel?.isThread() ? { thread: { id: channel.id, parentId: channel.parentId, ownerId: channel.ownerId } } : {}),
  };
}

/** No ack to send for a gateway event; a queue outage is logged (the person can press Answer). */
export async function handleThreadMessage(message: Message, botUserId: string | undefined, deps: DiscordBotDeps): Promise<void> {
  const decision = answerFromMessage(incomingOf(message), botUserId, deps.now());
  if ('ignore' in decision) return;
  const { answer } = decision;
  // The trace's root, like an interaction's (dispatch.ts): the enqueue and the job are its children.
  await inSpan('discord event:thread-message', SpanKind.SERVER, { 'messaging.system': 'discord', 'obs.listener': 'event:thread-message' }, async () => {
    try {
      await deps.producer.enqueue(answer);
    } catch (error) {
      deps.logger.warn('could not enqueue a thread answer', { error, guild: answer.workspaceId, channel: answer.channelId, user: answer.userId });
    }
  });
}
