import type { JobContext } from '../interactions/context.ts';
import type { MessagePart } from '../ports.ts';

/** The `stats` line for peer practice: ratings received as interviewer and as candidate; none without peer practice. */
export async function reputationParts(ctx: JobContext, userId: string): Promise<MessagePart[]> {
  const peer = ctx.deps.peer;
  if (!peer) return [];
  const [asInterviewer, asCandidate] = await Promise.all([
    peer.people.reputation(ctx.platform, ctx.workspaceId, userId, 'interviewer'),
    peer.people.reputation(ctx.platform, ctx.workspaceId, userId, 'candidate'),
  ]);
  if (asInterviewer.ratings === 0 && asCandidate.ratings === 0) return [];
  return [{ type: 'peer', view: { kind: 'reputation', asInterviewer, asCandidate } }];
}
