import { finishSession } from '../../../core/interview/engine.ts';
import { actOnSession } from './act-on-session.ts';
import type { ActionHandler } from './types.ts';

/** 🏁 The scorecard now: the presser's own in a channel question; the end of a mock. */
export const finishAction: ActionHandler = (job, ctx) => actOnSession(job, ctx, ({ state, question, pacing, now }) => finishSession(state, question, job.userId, now, pacing));
