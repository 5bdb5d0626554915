import type { DailySchedule } from '../../../../core/schedule/daily-schedule.ts';
import { UserError } from '../../../../core/errors.ts';
import type { DailyServices } from '../../../daily/scheduling.ts';
import { channelKeyFor } from '../../../daily/channel-key.ts';
import type { CommandJob } from '../../../../queue/jobs.ts';
import type { JobContext } from '../../context.ts';

/** Shared by the `daily …` sub-commands. */
export function dailyServices(ctx: JobContext): DailyServices {
  const services = ctx.deps.daily;
  if (!services) throw new UserError('daily_unavailable', 'Daily questions are not set up on this bot yet. Ask whoever runs it to start the daily worker.');
  return services;
}

export function channelKeyOfJob(job: CommandJob): string {
  return channelKeyFor({ platform: job.platform, workspaceId: job.workspaceId, channelId: job.channelId });
}

/** The phrase admins-only refusals use: "Sorry, only workspace admins and owners can …". */
export const CHANGE_DAILY = 'change this channel’s daily question';

const MAX_SYNC_ROUNDS = 3;

/**
 * Makes the channel's job scheduler match the stored schedule. Two admins changing it at
 * once could otherwise leave the scheduler on the loser's version: after applying, the
 * store is read again, and a newer schedule is applied in turn. (Every boot re-syncs too.)
 */
export async function syncScheduler(ctx: JobContext, services: DailyServices, channelKey: string): Promise<DailySchedule | undefined> {
  let applied: string | undefined;
  for (let round = 0; round < MAX_SYNC_ROUNDS; round += 1) {
    const current = await ctx.deps.stores.daily.schedules.get(channelKey);
    if (!current) return undefined;
    const json = JSON.stringify(current);
    if (json === applied) return current;
    await services.scheduling.apply(current);
    applied = json;
  }
  return ctx.deps.stores.daily.schedules.get(channelKey);
}
