import { formatDuration } from '../../../../core/schedule/duration.ts';
import { applyRevealAfter } from '../../../../core/schedule/schedule-update.ts';
import { submitPlan } from '../../commit.ts';
import { requireAdmin } from '../../permissions.ts';
import { privateReply } from '../../reply.ts';
import { CHANGE_DAILY, dailyServices, syncScheduler } from './services.ts';
import type { DailyAction } from './types.ts';

/** `daily reveal-after 6h`: admins only; applies from the next question (today's reveal is already booked). */
export const dailyRevealAfterAction: DailyAction<'reveal-after'> = async (job, command, ctx, channelKey) => {
  await requireAdmin(job, ctx, CHANGE_DAILY);
  const services = dailyServices(ctx);
  const { stores, now } = ctx.deps;
  const schedule = applyRevealAfter(await stores.daily.schedules.get(channelKey), command.minutes, new Date(now()));
  await stores.daily.schedules.put(schedule);
  await syncScheduler(ctx, services, channelKey);
  const text = `✅ Key points will be revealed ${formatDuration(command.minutes)} after each daily question, from the next one on.`;
  return submitPlan(ctx, privateReply(job, [{ type: 'text', text }], 'reply'));
};
