import { isUserError } from '../../core/errors.ts';
import type { InteractionJob } from '../../queue/jobs.ts';
import { handleAction } from './actions/index.ts';
import { handleAnswer } from './answer.ts';
import { handleCommand } from './commands/index.ts';
import { submitPlan } from './commit.ts';
import type { InteractionDeps, JobContext, JobOf } from './context.ts';
import { eventKeyOf, workspaceOf } from './event-key.ts';
import { parsePlan, type Plan } from './plan.ts';
import type { EventStart } from '../../store/dedupe-store.ts';
import { privateReply } from './reply.ts';
import { runPlan } from './run-plan.ts';
import { handleTick } from './tick.ts';
import type { PlannedAhead } from './plan-ahead.ts';
import { handlePeerAction } from '../peer/action.ts';

export type { InteractionDeps, ScorerResolver, ScoringSettings, TickScheduler } from './context.ts';
export { eventKeyOf, workspaceOf } from './event-key.ts';
export { deliveryFailureText, GENERIC_FAILURE, notifyUser } from './notify.ts';
export { nextTickAt } from './steps.ts';
export { planAhead, type PlannedAhead } from './plan-ahead.ts';

type Handler<K extends InteractionJob['kind']> = (job: JobOf<K>, ctx: JobContext) => Promise<Plan | undefined>;

/** Every job kind the interactions queue carries. */
export const HANDLERS: { [K in InteractionJob['kind']]: Handler<K> } = {
  command: handleCommand,
  answer: handleAnswer,
  action: handleAction,
  tick: handleTick,
  'peer-action': handlePeerAction,
};

function route<K extends InteractionJob['kind']>(job: JobOf<K>, ctx: JobContext): Promise<Plan | undefined> {
  return (HANDLERS[job.kind] as Handler<K>)(job, ctx);
}

/** The handler's plan; a UserError becomes a stored private reply instead. */
async function decide(job: InteractionJob, ctx: JobContext): Promise<Plan | undefined> {
  try {
    return await route(job, ctx);
  } catch (error) {
    if (!isUserError(error)) throw error;
    ctx.log.info('user error; replying privately', { code: error.code });
    return submitPlan(ctx, privateReply(job, [{ type: 'text', text: error.message }], 'user-error'));
  }
}

export type Outcome = 'handled' | 'resumed' | 'nothing';

/**
 * The one dispatch wrapper for every interaction, on every platform:
 * - a job whose plan is already stored (a re-run after a crash or a retry) resumes it
 *   without deciding anything again, so an answer is never scored or recorded twice;
 * - otherwise the handler decides a plan, which is stored, then carried out;
 * - a UserError becomes a polite private reply; anything else propagates to the worker
 *   (retry, or tell the user something generic on the last attempt), never a stack trace.
 *
 * `ahead`: the plan the worker decided before the claim (planAhead); when the claim stored
 * it (`start.planStored`), it is carried out as if its handler had just submitted it.
 */
export async function handleInteraction(job: InteractionJob, deps: InteractionDeps, start?: Pick<EventStart, 'planJson' | 'progress' | 'planStored'>, ahead?: PlannedAhead): Promise<Outcome> {
  const { platform, workspaceId } = workspaceOf(job);
  const eventKey = eventKeyOf(job);
  const ctx: JobContext = { deps, platform, workspaceId, eventKey, ...(job.kind === 'tick' ? {} : { userId: job.userId }), log: deps.logger.child({ kind: job.kind, eventKey }), marksFirstPost: true };
  let plan: Plan | undefined;
  if (ahead && start?.planStored) {
    // The claim stored the plan decided ahead: carried out below as if its handler had just submitted it.
    ctx.log.info('command', { command: ahead.command });
    plan = ahead.plan;
    ctx.planCreated = true;
    if (ahead.progress.length > 0) ctx.storedWithPlan = new Map(ahead.progress);
  } else {
    const stored = start ? start.planJson : await deps.stores.outbox.get(workspaceId, eventKey);
    if (stored) {
      ctx.log.info('resuming a stored plan');
      const resumed = parsePlan(stored, deps.bank);
      // A finished plan (DONE_PLAN) has nothing left, and no more fields than that.
      if (resumed.steps.length === 0) return 'resumed';
      await runPlan(resumed, deps, { ...(start ? { progress: start.progress } : {}), compactWhenDone: true });
      return 'resumed';
    }
    plan = await decide(job, ctx);
  }
  if (!plan) return 'nothing';
  // Nothing to run (this includes a finished plan found by a racing duplicate, DONE_PLAN).
  if (plan.steps.length === 0) return 'handled';
  await runPlan(plan, deps, { ...(ctx.planCreated && start ? { progress: start.progress } : {}), ...(ctx.storedWithPlan ? { storedWithPlan: ctx.storedWithPlan } : {}), compactWhenDone: true });
  return 'handled';
}
