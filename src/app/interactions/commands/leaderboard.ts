import { channelKeyFor } from '../../daily/channel-key.ts';
import { leaderboardFor } from '../../daily/standings.ts';
import { localDateOf } from '../../../core/schedule/zoned-time.ts';
import { formatLocalDate } from '../../../core/schedule/local-date.ts';
import { submitPlan } from '../commit.ts';
import { privateReply } from '../reply.ts';
import type { CommandHandler } from './types.ts';

/**
 * `/obs-question leaderboard`: the channel's top current daily streaks and most rubric
 * points covered this month, in the channel's local calendar, among the people who opted in
 * (`stats public on`); nobody else appears. Shown privately to whoever asked: the reveal is
 * where the team sees streaks.
 */
export const leaderboardCommand: CommandHandler<'leaderboard'> = async (job, _command, ctx) => {
  const { stores, now, daily } = ctx.deps;
  const channelKey = channelKeyFor({ platform: job.platform, workspaceId: job.workspaceId, channelId: job.channelId });
  const defaultTimezone = daily?.defaultTimezone ?? 'UTC';
  const at = now();
  const board = await leaderboardFor(stores.daily, channelKey, at, defaultTimezone);
  const timezone = (await stores.daily.schedules.get(channelKey))?.timezone ?? defaultTimezone;
  // "Mon 5 Jan 2026" → "Jan 2026": the month the points count in, as the channel sees it.
  const month = formatLocalDate(localDateOf(new Date(at), timezone), true).split(' ').slice(2).join(' ');
  return submitPlan(ctx, privateReply(job, [{ type: 'leaderboard', channelId: job.channelId, month, streaks: board.streaks, points: board.points }], 'reply'));
};
