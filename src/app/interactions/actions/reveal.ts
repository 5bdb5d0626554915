import { revealKeyPoints } from '../../../core/interview/engine.ts';
import { actOnSession } from './act-on-session.ts';
import type { ActionHandler } from './types.ts';

/** 🗝 The key points, trade-offs and tip: to the presser alone in a channel question. */
export const revealAction: ActionHandler = (job, ctx) => actOnSession(job, ctx, ({ state, question }) => ({ state, events: [revealKeyPoints(question)] }));
