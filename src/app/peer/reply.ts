import { decodeThreadId } from '../../core/thread-id.ts';
import type { AnswerJob, CommandJob, PeerActionJob } from '../../queue/jobs.ts';
import type { PlanStep } from '../interactions/plan.ts';
import type { MessagePart } from '../ports.ts';

/**
 * A private note to whoever caused a peer job. A press may come from a DM (the brief's
 * menu), where "ephemeral in the session's thread" means nothing: Slack answers through the
 * press's response_url, Discord through the interaction token (an ephemeral follow-up).
 */
export function peerReply(job: CommandJob | AnswerJob | PeerActionJob, parts: MessagePart[], key: string): PlanStep[] {
  const content = { parts };
  if (job.platform === 'slack' && job.responseUrl) {
    return [{ kind: 'respond', key, responseUrl: job.responseUrl, content, fallback: { channelId: job.channelId, userId: job.userId } }];
  }
  const thread = job.kind === 'command' ? undefined : { ts: decodeThreadId(job.threadId).thread };
  const inThread = thread && job.kind !== 'command' && decodeThreadId(job.threadId).channel === job.channelId;
  return [
    {
      kind: 'ephemeral',
      key,
      channelId: job.channelId,
      userId: job.userId,
      ...(inThread ? { thread } : {}),
      content,
      ...(job.responseUrl ? { replyHandle: job.responseUrl } : {}),
    },
  ];
}

export const text = (value: string): MessagePart => ({ type: 'text', text: value });
