import { submitPlan } from '../commit.ts';
import { questionFor, sessionNotFound, threadOf } from '../session-access.ts';
import { startSteps } from '../start-session.ts';
import type { ActionHandler } from './types.ts';

/** 🎤 A 1:1 mock interview for the presser on the same question, in a new thread. */
export const mockMeAction: ActionHandler = async (job, ctx) => {
  const found = await ctx.deps.stores.sessions.get(job.threadId);
  if (!found) throw sessionNotFound();
  const question = questionFor(found.state, ctx.deps.bank);
  return submitPlan(ctx, startSteps(ctx, { question, mode: 'mock', channelId: threadOf(job.threadId).channelId, candidateId: job.userId }));
};
