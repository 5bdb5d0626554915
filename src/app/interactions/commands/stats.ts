import { dailyStatsFor } from '../../daily/standings.ts';
import { submitPlan } from '../commit.ts';
import { privateReply } from '../reply.ts';
import type { CommandHandler } from './types.ts';
import { reputationParts } from '../../peer/reputation.ts';

/** `/obs-question stats`: questions answered, average coverage by topic, current streak, daily questions, self-assessment. */
export const statsCommand: CommandHandler<'stats'> = async (job, _command, ctx) => {
  const { stores, now, daily: dailyServices } = ctx.deps;
  const stats = await stores.history.stats(job.workspaceId, job.userId, now());
  // Daily questions per channel, in each channel's own local days.
  const daily = await dailyStatsFor(stores.daily, job.workspaceId, job.userId, now(), dailyServices?.defaultTimezone ?? 'UTC');
  const selfAssessed = await stores.selfAssessments.summary(job.workspaceId, job.userId);
  const full = { ...stats, ...(daily.length > 0 ? { daily } : {}), ...(selfAssessed ? { selfAssessed } : {}) };
  const peer = await reputationParts(ctx, job.userId);
  return submitPlan(ctx, privateReply(job, [{ type: 'stats', stats: full }, ...peer], 'reply'));
};
