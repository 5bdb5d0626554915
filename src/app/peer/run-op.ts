import { type ChatSender, type DeliveryProgress, type MessageContent } from '../ports.ts';
import type { Platform } from '../../core/thread-id.ts';
import type { PlanThread } from '../interactions/plan.ts';
import type { PeerOp } from './plan-ops.ts';
import type { PeerServices } from './services.ts';

/** What the plan runner lends a peer step: its thread resolution, ids and delivery tracking. */
export interface PeerOpContext {
  platform: Platform;
  workspaceId: string;
  sender: ChatSender;
  peer: PeerServices | undefined;
  scheduleTick: (tick: { threadId: string; at: number }) => Promise<void>;
  threadTs: (thread: PlanThread) => string;
  sessionIdOf: (channelId: string, ts: string) => string;
  progress: DeliveryProgress;
}

/** Performs one peer step; returns what the runner records for it. */
export async function runPeerOp(op: PeerOp, ctx: PeerOpContext): Promise<string> {
  const peer = ctx.peer;
  if (!peer) throw new Error('a peer plan step, but peer practice is not wired in this worker');
  switch (op.op) {
    case 'create': {
      const id = ctx.sessionIdOf(op.channelId, ctx.threadTs({ rootOf: op.rootOf }));
      await peer.sessions.createIfAbsent(id, { ...op.state, id });
      await peer.people.markSeen(ctx.platform, ctx.workspaceId, [op.state.interviewerId, op.state.candidateId], op.state.questionId);
      return id;
    }
    case 'timer': {
      await ctx.scheduleTick({ threadId: ctx.sessionIdOf(op.channelId, ctx.threadTs(op.thread)), at: op.at });
      return '1';
    }
    case 'dm': {
      const content: MessageContent = op.session ? { ...op.content, sessionId: ctx.sessionIdOf(op.session.channelId, ctx.threadTs(op.session.thread)) } : op.content;
      await ctx.sender.sendDirect(ctx.workspaceId, op.userId, content, ctx.progress);
      return '1';
    }
    case 'rate':
      await peer.people.rate(ctx.platform, ctx.workspaceId, op.ratedUserId, op.role, op.field, op.stars);
      return '1';
    case 'open-scorecard': {
      const platform = peer.platforms[ctx.platform];
      if (!platform) throw new Error(`no peer platform for ${ctx.platform}`);
      await platform.openScorecard(ctx.workspaceId, op.handle, op.form);
      return '1';
    }
  }
}


