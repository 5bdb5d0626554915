import { decodeThreadId, type Platform } from '../../core/thread-id.ts';
import type { InteractionJob } from '../../queue/jobs.ts';

/**
 * The key that identifies a job's platform event, for dedupe and the outbox. An answer is
 * keyed by its own message id rather than the delivery's event id, so the same message
 * arriving twice (a retry, a redelivery, or as two event types) is scored once.
 */
export function eventKeyOf(job: InteractionJob): string {
  if (job.kind === 'answer') return `answer:${job.channelId}:${job.messageId}`;
  return `${job.kind}:${job.dedupeKey}`;
}

export function workspaceOf(job: InteractionJob): { platform: Platform; workspaceId: string } {
  if (job.kind === 'tick') {
    const ref = decodeThreadId(job.threadId);
    return { platform: ref.platform, workspaceId: ref.workspace };
  }
  return { platform: job.platform, workspaceId: job.workspaceId };
}
