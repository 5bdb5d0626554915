import { describeSchedule } from '../../../../core/schedule/daily-schedule.ts';
import { describeNextRun, localDateOf } from '../../../../core/schedule/next-run.ts';
import { applySet } from '../../../../core/schedule/schedule-update.ts';
import { submitPlan } from '../../commit.ts';
import { requireAdmin } from '../../permissions.ts';
import { privateReply } from '../../reply.ts';
import { CHANGE_DAILY, dailyServices, syncScheduler } from './services.ts';
import type { DailyAction } from './types.ts';

/**
 * `daily set HH:MM [Area/City] [days] [topics]`: admins only. Stores the schedule, upserts
 * the channel's job scheduler, says so in the channel (which also proves the bot is a
 * member: if not, the person is told to invite it) and confirms privately with the next run.
 * Nothing is posted for a time already past today; `daily now` is for that.
 */
export const dailySetAction: DailyAction<'set'> = async (job, command, ctx, channelKey) => {
  await requireAdmin(job, ctx, CHANGE_DAILY);
  const services = dailyServices(ctx);
  const { stores, now } = ctx.deps;
  const previous = await stores.daily.schedules.get(channelKey);
  const at = new Date(now());
  const schedule = applySet(previous, command, { channelKey, now: at });
  await stores.daily.schedules.put(schedule);
  await syncScheduler(ctx, services, channelKey);
  ctx.log.info('daily schedule set', { channelKey, time: schedule.time, timezone: schedule.timezone, days: schedule.days, topics: schedule.topics });

  const description = describeSchedule(schedule);
  const today = localDateOf(at, schedule.timezone);
  const postedToday = await stores.daily.posts.get(channelKey, today);
  const lines = [`✅ Daily questions are on: ${description}.`, describeNextRun(schedule, at) + '.'];
  if (command.timezoneSource === 'default') lines.push(`The zone is ${previous ? 'this channel’s current one' : 'this workspace’s default'}; add one such as \`Europe/Berlin\` to change it.`);
  if (!postedToday) lines.push('Want one today as well? `/obs-question daily now` posts it at once (once only).');
  return submitPlan(ctx, [
    {
      kind: 'post',
      key: 'announce',
      channelId: job.channelId,
      content: { parts: [{ type: 'text', text: `📅 <@${job.userId}> set up a daily question here: ${description}. Reply in each question’s thread; your feedback is private.` }] },
    },
    ...privateReply(job, [{ type: 'text', text: lines.join('\n') }], 'reply'),
  ]);
};
