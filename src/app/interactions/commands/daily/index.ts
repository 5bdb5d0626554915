import { parseDailyCommand, type DailyCommand } from '../../../../core/schedule/daily-command.ts';
import type { CommandJob } from '../../../../queue/jobs.ts';
import type { JobContext } from '../../context.ts';
import type { Plan } from '../../plan.ts';
import type { CommandHandler } from '../types.ts';
import { dailyHelpAction } from './help.ts';
import { dailyNowAction } from './now.ts';
import { dailyOffAction } from './off.ts';
import { dailyRevealAfterAction } from './reveal-after.ts';
import { channelKeyOfJob } from './services.ts';
import { dailySetAction } from './set.ts';
import { dailyStatusAction } from './status.ts';
import type { DailyAction } from './types.ts';

/** Every `daily …` sub-command. A new one is one file and one line here. */
export const DAILY_ACTIONS: { [K in DailyCommand['kind']]: DailyAction<K> } = {
  set: dailySetAction,
  status: dailyStatusAction,
  off: dailyOffAction,
  now: dailyNowAction,
  'reveal-after': dailyRevealAfterAction,
  help: dailyHelpAction,
};

function run<K extends DailyCommand['kind']>(job: CommandJob, command: Extract<DailyCommand, { kind: K }>, ctx: JobContext, channelKey: string): Promise<Plan | undefined> {
  return (DAILY_ACTIONS[command.kind] as DailyAction<K>)(job, command, ctx, channelKey);
}

/**
 * `/obs-question daily …`. The words are parsed here, in the worker, because the parser
 * needs the topics (the bank) and the channel's zone (Redis). A mistake is a UserError
 * naming the word, which the dispatch wrapper turns into a private reply with the usage.
 */
export const dailyCommand: CommandHandler<'daily'> = async (job, command, ctx) => {
  const channelKey = channelKeyOfJob(job);
  const existing = await ctx.deps.stores.daily.schedules.get(channelKey);
  const parsed = parseDailyCommand(command.args.join(' '), {
    defaultTimezone: existing?.timezone ?? ctx.deps.daily?.defaultTimezone ?? 'UTC',
    knownTopics: ctx.deps.bank.topics().map((topic) => topic.topic),
  });
  ctx.log.info('daily command', { sub: parsed.kind });
  return run(job, parsed, ctx, channelKey);
};
