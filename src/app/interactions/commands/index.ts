import { parseObsCommand, type ObsCommand, type ObsCommandKind } from '../../../core/commands/grammar.ts';
import type { CommandJob } from '../../../queue/jobs.ts';
import type { JobContext } from '../context.ts';
import type { Plan } from '../plan.ts';
import { dailyCommand } from './daily/index.ts';
import { forgetMeCommand } from './forget-me.ts';
import { helpCommand, helpSteps, reservedCommand, unknownCommand, unknownSteps } from './help.ts';
import { leaderboardCommand } from './leaderboard.ts';
import { mockCommand, mockSteps } from './mock.ts';
import { questionCommand, questionSteps } from './question.ts';
import { scoringCommand } from './scoring.ts';
import { statsPublicCommand } from './stats-public.ts';
import { statsCommand } from './stats.ts';
import { topicsCommand, topicsSteps } from './topics.ts';
import type { CommandHandler, StepsDecider } from './types.ts';
import { peerCommand } from '../../peer/command.ts';

/** Every sub-command, by the grammar's kind. A new sub-command is one file and one line here. */
export const COMMANDS: { [K in ObsCommandKind]: CommandHandler<K> } = {
  question: questionCommand,
  mock: mockCommand,
  topics: topicsCommand,
  help: helpCommand,
  stats: statsCommand,
  'stats-public': statsPublicCommand,
  daily: dailyCommand,
  leaderboard: leaderboardCommand,
  scoring: scoringCommand,
  'forget-me': forgetMeCommand,
  reserved: peerCommand(reservedCommand),
  unknown: unknownCommand,
};

/**
 * The sub-commands whose plan needs nothing from the stores, by the same functions their
 * handlers above submit: a worker decides these before the job's claim (plan-ahead.ts).
 */
export const DECIDED_WITHOUT_STORES: { [K in ObsCommandKind]?: StepsDecider<K> } = {
  question: questionSteps,
  mock: mockSteps,
  topics: topicsSteps,
  help: helpSteps,
  unknown: unknownSteps,
};

function run<K extends ObsCommandKind>(job: CommandJob, command: Extract<ObsCommand, { kind: K }>, ctx: JobContext): Promise<Plan | undefined> {
  return (COMMANDS[command.kind] as CommandHandler<K>)(job, command, ctx);
}

export async function handleCommand(job: CommandJob, ctx: JobContext): Promise<Plan | undefined> {
  const command = parseObsCommand(job.text);
  ctx.log.info('command', { command: command.kind });
  return run(job, command, ctx);
}
