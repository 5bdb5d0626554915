import type { ActionJob, ActionName } from '../../../queue/jobs.ts';
import type { JobContext } from '../context.ts';
import type { Plan } from '../plan.ts';
import { finishAction } from './finish.ts';
import { hintAction } from './hint.ts';
import { mockMeAction } from './mock-me.ts';
import { nextAction } from './next.ts';
import { revealAction } from './reveal.ts';
import { selfAssessAction } from './self-assess.ts';
import type { ActionHandler } from './types.ts';

/** Every button, by action name. */
export const ACTIONS: Record<ActionName, ActionHandler> = {
  hint: hintAction,
  reveal: revealAction,
  next: nextAction,
  finish: finishAction,
  'mock-me': mockMeAction,
  'self-assess': selfAssessAction,
};

export function handleAction(job: ActionJob, ctx: JobContext): Promise<Plan | undefined> {
  ctx.log.info('action', { action: job.action });
  return ACTIONS[job.action](job, ctx);
}
