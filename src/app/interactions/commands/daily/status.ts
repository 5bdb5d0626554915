import { describeSchedule } from '../../../../core/schedule/daily-schedule.ts';
import { describeNextRun, formatLocal, localDateOf } from '../../../../core/schedule/next-run.ts';
import { submitPlan } from '../../commit.ts';
import { privateReply } from '../../reply.ts';
import type { DailyAction } from './types.ts';

/** `daily status`: anyone may look: the schedule, the next run in the channel's local time, today's state. */
export const dailyStatusAction: DailyAction<'status'> = async (job, _command, ctx, channelKey) => {
  const { stores, now } = ctx.deps;
  const schedule = await stores.daily.schedules.get(channelKey);
  if (!schedule) {
    const text = 'There is no daily question in this channel yet. An admin can start one with `/obs-question daily set 09:30 Europe/Berlin`.';
    return submitPlan(ctx, privateReply(job, [{ type: 'text', text }], 'reply'));
  }
  const at = new Date(now());
  const lines = [`*Daily question:* ${describeSchedule(schedule)}.`, describeNextRun(schedule, at)];
  const today = await stores.daily.posts.get(channelKey, localDateOf(at, schedule.timezone));
  if (today) {
    const revealed = today.revealAt <= at.getTime();
    lines.push(
      `Today’s question went out at ${formatLocal(new Date(today.postedAt), schedule.timezone)}; key points ${revealed ? 'were revealed' : 'come'} at ${formatLocal(new Date(today.revealAt), schedule.timezone)} ${schedule.timezone}.`,
    );
  }
  return submitPlan(ctx, privateReply(job, [{ type: 'text', text: lines.join('\n') }], 'reply'));
};
