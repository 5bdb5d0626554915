import { applyOff } from '../../../../core/schedule/schedule-update.ts';
import { submitPlan } from '../../commit.ts';
import { requireAdmin } from '../../permissions.ts';
import { privateReply } from '../../reply.ts';
import { CHANGE_DAILY, dailyServices, syncScheduler } from './services.ts';
import type { DailyAction } from './types.ts';

/** `daily off`: admins only. Keeps the schedule (disabled) and removes the job scheduler. */
export const dailyOffAction: DailyAction<'off'> = async (job, _command, ctx, channelKey) => {
  await requireAdmin(job, ctx, CHANGE_DAILY);
  const services = dailyServices(ctx);
  const { stores, now } = ctx.deps;
  const schedule = applyOff(await stores.daily.schedules.get(channelKey), new Date(now()));
  await stores.daily.schedules.put(schedule);
  await syncScheduler(ctx, services, channelKey);
  ctx.log.info('daily schedule turned off', { channelKey });
  const text = 'Daily questions are off in this channel. A question already out today still gets its key points. Turn them back on with `/obs-question daily set HH:MM`.';
  return submitPlan(ctx, privateReply(job, [{ type: 'text', text }], 'reply'));
};
