import { giveHint } from '../../../core/interview/engine.ts';
import { actOnSession } from './act-on-session.ts';
import type { ActionHandler } from './types.ts';

/** 💡 The theme of the most important point the presser has not covered, never its content. */
export const hintAction: ActionHandler = (job, ctx) => actOnSession(job, ctx, ({ state, question, now }) => giveHint(state, question, job.userId, now));
