import type { EngineEvent } from '../../core/interview/events.ts';
import type { SessionState } from '../../core/interview/session-state.ts';
import type { PlanStep } from './plan.ts';

/**
 * An answer to a channel's daily question also counts for the answerer's streak and
 * monthly points, with the rubric points their answers cover so far (covered only, not
 * partial). Only until the key points are revealed: after that, anyone could copy them.
 * The answer itself is still scored and gets private feedback either way.
 */
export function dailyAnswerSteps(state: SessionState, userId: string, feedback: EngineEvent | undefined, now: number): PlanStep[] {
  const { daily } = state;
  if (!daily || now >= daily.revealAt || feedback?.type !== 'feedback') return [];
  const pointsCovered = feedback.points.filter((point) => point.verdict === 'covered').length;
  return [{ kind: 'record-daily', key: 'daily', channelKey: daily.channelKey, localDate: daily.localDate, userId, pointsCovered }];
}
