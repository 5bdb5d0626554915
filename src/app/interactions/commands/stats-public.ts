import { submitPlan } from '../commit.ts';
import { privateReply } from '../reply.ts';
import type { CommandHandler } from './types.ts';

/**
 * `/obs-question stats public on|off`: whether the person's score and streak may appear in
 * daily reveals and on leaderboards. Off until they say otherwise; either way their
 * feedback stays private.
 */
export const statsPublicCommand: CommandHandler<'stats-public'> = async (job, command, ctx) => {
  await ctx.deps.stores.daily.publicStats.set(job.workspaceId, job.userId, command.public);
  ctx.log.info('public stats preference', { visible: command.public });
  const text = command.public
    ? '✅ Your daily score and streak will now appear in daily reveals and on `/obs-question leaderboard`. Your feedback stays private. Turn this off with `/obs-question stats public off`.'
    : '✅ Your scores and streaks are private again: they no longer appear in daily reveals or on the leaderboard.';
  return submitPlan(ctx, privateReply(job, [{ type: 'text', text }], 'reply'));
};
