import { AppError } from '../../core/errors.ts';
import type { SessionState } from '../../core/interview/session-state.ts';
import type { VersionedSession } from '../../store/index.ts';
import type { JobContext } from './context.ts';
import { parsePlan, serializePlan, type Plan, type PlanStep } from './plan.ts';
import { firstPostMark } from './run-plan.ts';

/**
 * The two ways a handler stores its plan. Both are idempotent per event: when a plan for
 * the event already exists (a re-run, or a duplicate that slipped past dedupe), the
 * existing plan wins and is returned, so the event's effects are decided exactly once.
 * planOf is the one place a plan's envelope is built (planAhead uses it too), so the
 * person forget-me finds a plan by (userId) is recorded the same way everywhere.
 */
export function planOf(ctx: Pick<JobContext, 'platform' | 'workspaceId' | 'eventKey' | 'userId'>, steps: PlanStep[]): Plan {
  return { v: 1, platform: ctx.platform, workspaceId: ctx.workspaceId, eventKey: ctx.eventKey, ...(ctx.userId ? { userId: ctx.userId } : {}), steps };
}

/** A plan that changes no existing session (a new question, help, stats, a note). */
export async function submitPlan(ctx: JobContext, steps: PlanStep[]): Promise<Plan> {
  const plan = planOf(ctx, steps);
  const progress = ctx.marksFirstPost ? firstPostMark(steps, Date.now()) : [];
  const { created, planJson } = await ctx.deps.stores.outbox.create(ctx.workspaceId, ctx.eventKey, serializePlan(plan, ctx.deps.bank), progress);
  if (!created) return parsePlan(planJson, ctx.deps.bank);
  ctx.planCreated = true;
  if (progress.length > 0) ctx.storedWithPlan = new Map(progress);
  return plan;
}

export interface SessionChange {
  /** The new state; undefined leaves the session untouched (e.g. a reveal). */
  state?: SessionState;
  steps: PlanStep[];
}

const MAX_CONFLICTS = 8;

/**
 * Optimistic concurrency: read the session and its version, compute the change, commit it
 * together with the plan only if nobody committed in between; otherwise recompute from the
 * fresh state. `compute` must be pure (scoring happens before, once). Returns undefined
 * when the session does not exist (expired, or not one of ours).
 *
 * `read`: the session as the caller just read it, used for the first attempt instead of
 * reading it again (a conflict re-reads it).
 */
export async function commitToSession(ctx: JobContext, sessionId: string, compute: (session: VersionedSession) => SessionChange, read?: VersionedSession): Promise<Plan | undefined> {
  const { sessions, outbox } = ctx.deps.stores;
  let first = read;
  for (let attempt = 0; attempt < MAX_CONFLICTS; attempt += 1) {
    const session = first ?? (await sessions.get(sessionId));
    first = undefined;
    if (!session) return undefined;
    const change = compute(session);
    // Public posts in the thread keep the commit order; private replies need not wait.
    const ordered = change.steps.some((step) => step.kind === 'post' && step.thread !== undefined);
    const plan: Plan = ordered ? { ...planOf(ctx, change.steps), orderedIn: sessionId } : planOf(ctx, change.steps);
    const json = serializePlan(plan, ctx.deps.bank);
    const order = ordered ? ctx.deps.stores.threadOrder.joinWrite(sessionId, ctx.workspaceId, ctx.eventKey) : undefined;
    const result = await sessions.commit(sessionId, session.version, change.state, outbox.planWrite(ctx.workspaceId, ctx.eventKey, json), order);
    if (result === 'committed') {
      ctx.planCreated = true;
      return plan;
    }
    if (result === 'plan-exists') {
      const existing = await outbox.get(ctx.workspaceId, ctx.eventKey);
      if (existing) return parsePlan(existing, ctx.deps.bank);
    }
    ctx.log.debug('session changed underneath; recomputing', { sessionId, attempt });
    // A little jitter so two contenders do not collide again in lockstep.
    await new Promise((resolve) => setTimeout(resolve, Math.floor(Math.random() * 20 * (attempt + 1))));
  }
  // Retryable: the queue backs off and tries again.
  throw new AppError('session_busy', `session ${sessionId} kept changing; will retry`);
}
