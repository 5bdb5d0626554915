import type { ObsCommand, ObsCommandKind } from '../../../core/commands/grammar.ts';
import type { CommandJob } from '../../../queue/jobs.ts';
import type { JobContext } from '../context.ts';
import type { Plan } from '../plan.ts';

/** One sub-command of `/obs-question`: decides the plan for it (nothing is sent here). */
export type CommandHandler<K extends ObsCommandKind> = (job: CommandJob, command: Extract<ObsCommand, { kind: K }>, ctx: JobContext) => Promise<Plan | undefined>;
