import type { InteractionDeps } from './context.ts';
import type { Plan } from './plan.ts';

/**
 * Waits until the plans committed before this one in its session's thread are done, so the
 * thread reads in the order the session decided (see store/thread-order.ts). A plan that is
 * done, given up on or expired is cleared off the list by whoever finds it at the head.
 *
 * The wait is bounded: past it the plan posts anyway and says so in the log, because a late
 * message is better than a lost one (a predecessor whose job is stuck must never hold the
 * thread for good). Waiting in place keeps a worker slot, which is why the bound is short.
 */
const POLL_MS = 20;
export const MAX_TURN_WAIT_MS = 5_000;

export async function waitForTurn(plan: Plan, deps: InteractionDeps, maxWaitMs = MAX_TURN_WAIT_MS): Promise<void> {
  const threadId = plan.orderedIn;
  if (!threadId) return;
  const order = deps.stores.threadOrder;
  const me = deps.stores.keys.outbox(plan.workspaceId, plan.eventKey);
  const deadline = Date.now() + maxWaitMs;
  for (;;) {
    const head = await order.head(threadId);
    if (head === undefined || head === me) return;
    if (await order.isDone(head)) {
      await order.drop(threadId, head);
      continue;
    }
    if (Date.now() >= deadline) {
      deps.logger.warn('an earlier message in this thread is still pending; posting anyway', { threadId, waitedMs: maxWaitMs });
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}
