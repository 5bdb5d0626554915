import { parseObsCommand, type ObsCommand, type ObsCommandKind } from '../../core/commands/grammar.ts';
import type { InteractionJob } from '../../queue/jobs.ts';
import { DECIDED_WITHOUT_STORES } from './commands/index.ts';
import { planOf } from './commit.ts';
import type { StepsDecider } from './commands/types.ts';
import type { DecisionDeps } from './context.ts';
import { eventKeyOf, workspaceOf } from './event-key.ts';
import { serializePlan, type Plan, type PlanStep } from './plan.ts';
import { firstPostMark } from './run-plan.ts';

/**
 * A plan decided before the job's claim, for the jobs that can be decided from the job
 * alone (a new question, help, topics: DECIDED_WITHOUT_STORES). The worker hands it to its
 * claim script, which stores it on a first claim that may post at once, unless a plan is
 * stored already (DedupeStore.claimAndLoad): the job then costs one round trip less than
 * claiming, and then storing what it decided (OutboxStore.create). Nothing else changes:
 * a stored plan still wins over a new one, and the plan is stored with its first post's
 * attempt mark, as submitPlan stores it. Any other job (a duplicate, a re-run, one paced
 * for later) throws this plan away and decides after its claim, as before.
 */
export interface PlannedAhead {
  plan: Plan;
  planJson: string;
  /** Progress stored with the plan: its first post's attempt mark (runPlan's `storedWithPlan`). */
  progress: [string, string][];
  /** The sub-command, for the log line its handler writes. */
  command: ObsCommandKind;
}

function decide<K extends ObsCommandKind>(job: Extract<InteractionJob, { kind: 'command' }>, command: Extract<ObsCommand, { kind: K }>, deps: DecisionDeps): PlanStep[] | undefined {
  const decider = DECIDED_WITHOUT_STORES[command.kind] as StepsDecider<K> | undefined;
  return decider?.(job, command, { deps });
}

/**
 * The plan for `job` when it needs nothing from the stores; undefined otherwise. Anything
 * that fails here (an empty bank's UserError, a bug) is left to the usual path, which
 * decides again after the claim and handles the failure as it always has.
 */
export function planAhead(job: InteractionJob, deps: DecisionDeps): PlannedAhead | undefined {
  if (job.kind !== 'command') return undefined;
  try {
    const command = parseObsCommand(job.text);
    const steps = decide(job, command, deps);
    if (!steps) return undefined;
    const { platform, workspaceId } = workspaceOf(job);
    // Built as every handler's plan is, so forget-me finds this plan by its person too.
    const plan = planOf({ platform, workspaceId, eventKey: eventKeyOf(job), userId: job.userId }, steps);
    return { plan, planJson: serializePlan(plan, deps.bank), progress: firstPostMark(steps, Date.now()), command: command.kind };
  } catch {
    return undefined;
  }
}
