import { decodeThreadId } from '../../core/thread-id.ts';
import type { InteractionJob } from '../../queue/jobs.ts';
import type { MessagePart } from '../ports.ts';
import type { PlanStep } from './plan.ts';

/**
 * A private reply to whoever caused a job: through the response_url for a slash command
 * (it works even where the bot is not a member), ephemeral in the thread for an answer or
 * a button. A tick has nobody to reply to.
 */
export function privateReply(job: InteractionJob, parts: MessagePart[], key: string): PlanStep[] {
  if (job.kind === 'tick') return [];
  const thread = job.kind === 'command' ? undefined : { ts: decodeThreadId(job.threadId).thread };
  const content = { parts };
  if (job.kind === 'command' && job.responseUrl) {
    return [{ kind: 'respond', key, responseUrl: job.responseUrl, content, fallback: { channelId: job.channelId, userId: job.userId } }];
  }
  return [{ kind: 'ephemeral', key, channelId: job.channelId, userId: job.userId, ...(thread ? { thread } : {}), content, ...(job.responseUrl ? { replyHandle: job.responseUrl } : {}) }];
}
