import type { Pacing, Question } from '../../../core/content/schema.ts';
import type { Step } from '../../../core/interview/engine.ts';
import type { SessionState } from '../../../core/interview/session-state.ts';
import type { ActionJob } from '../../../queue/jobs.ts';
import { commitToSession } from '../commit.ts';
import type { JobContext } from '../context.ts';
import type { Plan } from '../plan.ts';
import { assertOwnsSession, pacingFor, questionFor, sessionNotFound, threadOf } from '../session-access.ts';
import { eventSteps, tickSteps } from '../steps.ts';

export interface SessionInput {
  state: SessionState;
  question: Question;
  pacing: Pacing | undefined;
  now: number;
}

/**
 * The common shape of a button on a session: check the presser may use it, run one engine
 * transition, and commit the new state with the messages it implies (ephemeral to the
 * presser in a channel question, public in a mock thread).
 */
export async function actOnSession(job: ActionJob, ctx: JobContext, transition: (input: SessionInput) => Step): Promise<Plan> {
  const { deps } = ctx;
  const { channelId, thread } = threadOf(job.threadId);
  const now = deps.now();
  const plan = await commitToSession(ctx, job.threadId, ({ state }) => {
    assertOwnsSession(state, job.userId);
    const pacing = pacingFor(state, deps.bank);
    const step = transition({ state, question: questionFor(state, deps.bank), pacing, now });
    return {
      ...(step.state === state ? {} : { state: step.state }),
      steps: [
        ...eventSteps(step.events, { channelId, thread, mode: state.mode, actorId: job.userId, keyPrefix: `${job.action}-`, ...(job.responseUrl ? { replyHandle: job.responseUrl } : {}) }),
        ...(step.state === state ? [] : tickSteps(ctx, step.state, pacing, channelId, thread)),
      ],
    };
  });
  if (!plan) throw sessionNotFound();
  return plan;
}
