import { giveHint } from '../../../core/interview/engine.ts';
import { actOnSession } from './act-on-session.ts';
import type { ActionHandler } from './types.ts';

/** 💡 A hint on the question on screen: a concern first, then the concept; never the answer. */
export const hintAction: ActionHandler = (job, ctx) => actOnSession(job, ctx, ({ state, question, pacing, now }) => giveHint(state, question, job.userId, now, pacing));
