import { AppError } from '../../core/errors.ts';
import type { PeerSession } from '../../core/peer/session.ts';
import type { VersionedPeerSession } from '../../store/peer-session-store.ts';
import type { JobContext } from '../interactions/context.ts';
import { planOf } from '../interactions/commit.ts';
import { parsePlan, serializePlan, type Plan, type PlanStep } from '../interactions/plan.ts';
import type { PeerServices } from './services.ts';

export interface PeerChange {
  state?: PeerSession;
  steps: PlanStep[];
}

const MAX_CONFLICTS = 8;

/**
 * Optimistic concurrency for peer sessions, as commitToSession does for interviews: the
 * new state and the plan are written together only if nobody committed in between; a
 * re-run whose plan already exists gets that plan back. `compute` must be pure.
 */
export async function commitToPeerSession(ctx: JobContext, peer: PeerServices, sessionId: string, compute: (session: VersionedPeerSession) => PeerChange): Promise<Plan | undefined> {
  const { outbox } = ctx.deps.stores;
  for (let attempt = 0; attempt < MAX_CONFLICTS; attempt += 1) {
    const session = await peer.sessions.get(sessionId);
    if (!session) return undefined;
    const change = compute(session);
    const plan: Plan = planOf(ctx, change.steps);
    const result = await peer.sessions.commit(sessionId, session.version, change.state, outbox.planWrite(ctx.workspaceId, ctx.eventKey, serializePlan(plan, ctx.deps.bank)));
    if (result === 'committed') return plan;
    if (result === 'plan-exists') {
      const existing = await outbox.get(ctx.workspaceId, ctx.eventKey);
      if (existing) return parsePlan(existing, ctx.deps.bank);
    }
    await new Promise((resolve) => setTimeout(resolve, Math.floor(Math.random() * 20 * (attempt + 1))));
  }
  throw new AppError('session_busy', `peer session ${sessionId} kept changing; will retry`);
}
