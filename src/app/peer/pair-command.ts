import { parsePairArgs } from '../../core/peer/command.ts';
import { DEFAULT_POOL_SCHEDULE, activeMembers, describeSchedule, parsePoolSchedule, type PoolSchedule } from '../../core/peer/pool.ts';
import type { CommandJob } from '../../queue/jobs.ts';
import { channelKeyFor } from '../daily/channel-key.ts';
import { submitPlan } from '../interactions/commit.ts';
import type { JobContext } from '../interactions/context.ts';
import type { Plan } from '../interactions/plan.ts';
import { requireAdmin } from '../interactions/permissions.ts';
import type { PoolServices } from './pool-services.ts';
import { peerReply, text } from './reply.ts';

/**
 * `/obs-question pair join|leave|status|snooze 2w|schedule mon 09:30 [Area/City]` in a
 * channel. Joining a channel's first pool sets its weekly round (Mondays 09:00 in the
 * default zone); changing the schedule is for admins, like daily questions.
 */
export async function pairCommand(job: CommandJob, args: string[], ctx: JobContext, pool: PoolServices): Promise<Plan> {
  const parsed = parsePairArgs(args);
  const channelKey = channelKeyFor({ platform: ctx.platform, workspaceId: job.workspaceId, channelId: job.channelId });
  const reply = (message: string): Promise<Plan> => submitPlan(ctx, peerReply(job, [text(message)], 'reply'));
  const now = ctx.deps.now();
  const ensureSchedule = async (): Promise<PoolSchedule> => {
    const existing = await pool.store.schedule(channelKey);
    if (existing) return existing;
    const schedule = { ...DEFAULT_POOL_SCHEDULE, timezone: pool.defaultTimezone };
    await pool.store.setSchedule(channelKey, schedule);
    await pool.schedule(channelKey, schedule);
    return schedule;
  };
  switch (parsed.kind) {
    case 'pair-join': {
      const added = await pool.store.join(channelKey, job.userId);
      const schedule = await ensureSchedule();
      const count = (await pool.store.members(channelKey)).length;
      return reply(`${added ? 'You joined' : 'You are already in'} this channel's practice pool (${count} ${count === 1 ? 'person' : 'people'}). Pairs are made ${describeSchedule(schedule)}; I'll DM you your partner and who interviews first.`);
    }
    case 'pair-leave':
      return reply((await pool.store.leave(channelKey, job.userId)) ? 'You left this channel’s practice pool.' : 'You weren’t in this channel’s practice pool.');
    case 'pair-snooze': {
      const until = now + parsed.ms;
      if (!(await pool.store.snooze(channelKey, job.userId, until))) return reply('Join the pool first: `/obs-question pair join`.');
      return reply(`Snoozed for ${parsed.label}: you sit out rounds until ${new Date(until).toISOString().slice(0, 10)}, then you’re back in.`);
    }
    case 'pair-status': {
      const [members, schedule, next] = await Promise.all([pool.store.members(channelKey), pool.store.schedule(channelKey), pool.nextRun(channelKey)]);
      const active = activeMembers(members, now);
      const mine = members.find((member) => member.userId === job.userId);
      const you = !mine ? 'You’re not in it (`/obs-question pair join`).' : mine.snoozedUntil > now ? `You’re snoozed until ${new Date(mine.snoozedUntil).toISOString().slice(0, 10)}.` : 'You’re in it.';
      const when = schedule ? `Rounds: ${describeSchedule(schedule)}${next ? ` (next ${new Date(next).toISOString().slice(0, 16).replace('T', ' ')} UTC)` : ''}.` : 'No rounds scheduled yet: the first `pair join` sets them.';
      return reply(`Practice pool: ${members.length} member${members.length === 1 ? '' : 's'}, ${active.length} active this round. ${you} ${when}`);
    }
    case 'pair-schedule': {
      const schedule = parsePoolSchedule(parsed.words, pool.defaultTimezone);
      if (!schedule.ok) return reply(schedule.message);
      await requireAdmin(job, ctx, 'change this channel’s pairing schedule');
      await pool.store.setSchedule(channelKey, schedule.schedule);
      await pool.schedule(channelKey, schedule.schedule);
      return reply(`Pairing rounds here are now ${describeSchedule(schedule.schedule)}.`);
    }
    case 'peer-invalid':
      return reply(parsed.message);
    default:
      return reply('Not understood.');
  }
}
