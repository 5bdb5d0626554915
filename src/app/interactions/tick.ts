import { tick } from '../../core/interview/engine.ts';
import type { TickJob } from '../../queue/jobs.ts';
import { commitToSession } from './commit.ts';
import type { JobContext } from './context.ts';
import type { Plan } from './plan.ts';
import { pacingFor, questionFor, threadOf } from './session-access.ts';
import { eventSteps, tickSteps } from './steps.ts';
import { handlePeerTick } from '../peer/tick.ts';

/**
 * A pacing timer: opens the next phase when its time comes, sends one gentle nudge after a
 * long silence, closes the round with the scorecard when time is up, and sets the next timer.
 * A timer that finds nothing to do (the candidate was active) only sets the next one.
 */
export async function handleTick(job: TickJob, ctx: JobContext): Promise<Plan | undefined> {
  const { deps } = ctx;
  const { channelId, thread } = threadOf(job.threadId);
  const found = await deps.stores.sessions.get(job.threadId);
  if (!found && deps.peer) return handlePeerTick(job, ctx, deps.peer);
  if (!found || found.state.status === 'finished') return undefined;
  return commitToSession(ctx, job.threadId, ({ state }) => {
    const pacing = pacingFor(state, deps.bank);
    if (!pacing || state.status === 'finished') return { steps: [] };
    const step = tick(state, questionFor(state, deps.bank), pacing, deps.now());
    return {
      ...(step.state === state ? {} : { state: step.state }),
      steps: [...eventSteps(step.events, { channelId, thread, mode: state.mode, keyPrefix: 'tick-' }), ...tickSteps(ctx, step.state, pacing, channelId, thread)],
    };
  });
}
