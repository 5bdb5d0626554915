import { nextFollowUp } from '../../../core/interview/engine.ts';
import { actOnSession } from './act-on-session.ts';
import type { ActionHandler } from './types.ts';

/** ➡️ The next follow-up without answering; counts towards the limit like any other. */
export const nextAction: ActionHandler = (job, ctx) =>
  actOnSession(job, ctx, ({ state, question, pacing, now }) => nextFollowUp(state, question, pacing, job.userId, now));
