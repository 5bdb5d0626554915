import type { AnswerJob } from '../../src/queue/jobs.ts';

/**
 * An answer job for tests that put jobs on the queues directly (forget-me on the queues): one
 * person's reply in a thread of channel `channelId`. Only who, where and what vary; the thread
 * and the message id follow from them.
 */
export function answerJob(userId: string, text: string, where: { id: string; platform?: 'slack' | 'discord'; workspaceId?: string; channelId?: string; receivedAt?: number }): AnswerJob {
  const platform = where.platform ?? 'slack';
  const workspaceId = where.workspaceId ?? 'T1';
  const channelId = where.channelId ?? 'C1';
  return {
    kind: 'answer',
    platform,
    workspaceId,
    channelId,
    userId,
    dedupeKey: where.id,
    receivedAt: where.receivedAt ?? 1,
    threadId: `${platform}:${workspaceId}:${channelId}:1.000001`,
    text,
    messageId: where.id,
  };
}
