import { revealInSession } from '../../../core/interview/engine.ts';
import { actOnSession } from './act-on-session.ts';
import type { ActionHandler } from './types.ts';

/**
 * 🗝 The key points, trade-offs and tip: to the presser alone in a channel question. The
 * session remembers it, so answers after it carry no level signal in the scorecard.
 */
export const revealAction: ActionHandler = (job, ctx) => actOnSession(job, ctx, ({ state, question, now }) => revealInSession(state, question, job.userId, now));
