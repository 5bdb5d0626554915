import type { ObsCommand, ObsCommandKind } from '../../../core/commands/grammar.ts';
import type { CommandJob } from '../../../queue/jobs.ts';
import type { DecisionDeps, JobContext } from '../context.ts';
import type { Plan, PlanStep } from '../plan.ts';

/** One sub-command of `/obs-question`: decides the plan for it (nothing is sent here). */
export type CommandHandler<K extends ObsCommandKind> = (job: CommandJob, command: Extract<ObsCommand, { kind: K }>, ctx: JobContext) => Promise<Plan | undefined>;

/**
 * A sub-command whose plan needs nothing from the stores (no session, no setting): its
 * steps from the job alone. Such a plan can be decided before the job's claim and stored
 * with it (see plan-ahead.ts).
 */
export type StepsDecider<K extends ObsCommandKind> = (job: CommandJob, command: Extract<ObsCommand, { kind: K }>, ctx: { deps: DecisionDeps }) => PlanStep[];
