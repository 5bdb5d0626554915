import type { DailyCommand } from '../../../../core/schedule/daily-command.ts';
import type { CommandJob } from '../../../../queue/jobs.ts';
import type { JobContext } from '../../context.ts';
import type { Plan } from '../../plan.ts';

/** One `daily …` sub-command: decides the plan for it, after any change it makes. */
export type DailyAction<K extends DailyCommand['kind']> = (job: CommandJob, command: Extract<DailyCommand, { kind: K }>, ctx: JobContext, channelKey: string) => Promise<Plan | undefined>;
