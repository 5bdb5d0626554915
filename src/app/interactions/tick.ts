import { tick } from '../../core/interview/engine.ts';
import type { TickJob } from '../../queue/jobs.ts';
import { commitToSession } from './commit.ts';
import type { JobContext } from './context.ts';
import type { Plan } from './plan.ts';
import { pacingFor, questionFor, threadOf } from './session-access.ts';
import { eventSteps, tickSteps } from './steps.ts';
import { handlePeerTick } from '../peer/tick.ts';

/**
 * A mock thread's idle timer: one gentle nudge after a long silence (default 24 h), then,
 * after days of it (default 7), the session closes with a friendly note and the scorecard
 * so far. A timer that finds nothing to do (the candidate was active since) only sets the
 * next one. Delayed BullMQ jobs with deterministic ids, and the stored plan per tick, make
 * a duplicate timer post nothing twice.
 */
export async function handleTick(job: TickJob, ctx: JobContext): Promise<Plan | undefined> {
  const { deps } = ctx;
  const { channelId, thread } = threadOf(job.threadId);
  const found = await deps.stores.sessions.get(job.threadId);
  if (!found && deps.peer) return handlePeerTick(job, ctx, deps.peer);
  if (!found || found.state.status === 'finished') return undefined;
  // The timer's plan may close the mock with its scorecard: it is the candidate's, for forget-me.
  if (found.state.candidateId) ctx.userId = found.state.candidateId;
  return commitToSession(ctx, job.threadId, ({ state }) => {
    const pacing = pacingFor(state, deps.bank);
    if (!pacing || state.status === 'finished') return { steps: [] };
    const step = tick(state, questionFor(state, deps.bank), pacing, deps.now(), deps.mockIdle);
    return {
      ...(step.state === state ? {} : { state: step.state }),
      steps: [...eventSteps(step.events, { channelId, thread, mode: state.mode, keyPrefix: 'tick-' }), ...tickSteps(ctx, step.state, pacing, channelId, thread)],
    };
  }, found);
}
