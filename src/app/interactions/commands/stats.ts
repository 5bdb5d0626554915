import { submitPlan } from '../commit.ts';
import { privateReply } from '../reply.ts';
import type { CommandHandler } from './types.ts';

/** `/obs-question stats`: questions answered, average coverage by topic, current streak. */
export const statsCommand: CommandHandler<'stats'> = async (job, _command, ctx) => {
  const stats = await ctx.deps.stores.history.stats(job.workspaceId, job.userId, ctx.deps.now());
  return submitPlan(ctx, privateReply(job, [{ type: 'stats', stats }], 'reply'));
};
