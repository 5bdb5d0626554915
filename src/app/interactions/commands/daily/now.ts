import { formatLocal, localDateOf } from '../../../../core/schedule/next-run.ts';
import { dailyPostKey } from '../../../../core/schedule/post-decision.ts';
import { submitPlan } from '../../commit.ts';
import { requireAdmin } from '../../permissions.ts';
import { privateReply } from '../../reply.ts';
import { CHANGE_DAILY, dailyServices } from './services.ts';
import type { DailyAction } from './types.ts';

/**
 * `daily now`: admins only. Today's question at once, once: the run claims today's key like
 * a scheduled one, so the scheduled run later today posts nothing, and a second `daily now`
 * is told where today's question is. Works on unscheduled days and with daily questions off.
 */
export const dailyNowAction: DailyAction<'now'> = async (job, _command, ctx, channelKey) => {
  await requireAdmin(job, ctx, CHANGE_DAILY);
  const services = dailyServices(ctx);
  const { stores, now } = ctx.deps;
  const schedule = await stores.daily.schedules.get(channelKey);
  const timezone = schedule?.timezone ?? services.defaultTimezone;
  const at = now();
  const localDate = localDateOf(new Date(at), timezone);
  const reply = (text: string) => submitPlan(ctx, privateReply(job, [{ type: 'text', text }], 'reply'));
  const posted = await stores.daily.posts.get(channelKey, localDate);
  if (posted) return reply(`Today’s question is already up in this channel (posted ${formatLocal(new Date(posted.postedAt), timezone)} ${timezone}): answer in its thread.`);
  if (await stores.daily.posts.ownerOf(dailyPostKey(channelKey, localDate))) return reply('Today’s question is being posted right now.');
  await services.scheduling.postNow({ channelKey, localDate, requestId: ctx.eventKey, requestedBy: job.userId, requestedAt: at });
  ctx.log.info('daily question requested now', { channelKey, localDate });
  return reply('Posting today’s question now. The scheduled run later today will not post a second one.');
};
