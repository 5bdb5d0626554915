import { candidateLeft, onPeerTimer } from '../../core/peer/session.ts';
import { decodeThreadId } from '../../core/thread-id.ts';
import type { TickJob } from '../../queue/jobs.ts';
import type { JobContext } from '../interactions/context.ts';
import type { Plan } from '../interactions/plan.ts';
import { eventSteps } from './action.ts';
import { commitToPeerSession } from './commit.ts';
import type { PeerServices } from './services.ts';
import { timerStep } from './timer-step.ts';

/**
 * A peer session's timer: ends the session cleanly if the candidate has left the
 * workspace, expires it after its lifetime with a note in the thread, or nudges whoever's
 * turn it is after the idle time; then sets the next timer. Stale timers do nothing.
 */
export async function handlePeerTick(job: TickJob, ctx: JobContext, peer: PeerServices): Promise<Plan | undefined> {
  const found = await peer.sessions.get(job.threadId);
  if (!found || found.state.status !== 'open') return undefined;
  const { channel, thread } = decodeThreadId(job.threadId);
  const question = ctx.deps.bank.get(found.state.questionId);
  if (!question) return undefined;
  const person = await peer.platforms[ctx.platform]?.person(ctx.workspaceId, found.state.candidateId);
  const now = ctx.deps.now();
  return commitToPeerSession(ctx, peer, job.threadId, ({ state }) => {
    const left = person && (person.gone || !person.exists) ? candidateLeft(state, now) : undefined;
    const step = left?.ok ? left : onPeerTimer(state, { now, idleMs: peer.settings.idleMs });
    if (!step) return { steps: timerStep(state, peer, channel, thread) };
    return { state: step.state, steps: [...eventSteps(step.events, step.state, question, channel, thread, peer.settings.idleMs), ...timerStep(step.state, peer, channel, thread)] };
  });
}
