import type { ActionJob } from '../../../queue/jobs.ts';
import type { JobContext } from '../context.ts';
import type { Plan } from '../plan.ts';

/** One button: decides the plan for a press (nothing is sent here). */
export type ActionHandler = (job: ActionJob, ctx: JobContext) => Promise<Plan | undefined>;
