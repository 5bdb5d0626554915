import { UserError } from '../../../core/errors.ts';
import { coverageOf } from '../../../core/interview/coverage.ts';
import type { SessionState } from '../../../core/interview/session-state.ts';
import type { ScorerName } from '../../../core/scoring/types.ts';
import type { SelfAssessment } from '../../../store/self-assessment-store.ts';
import { submitPlan } from '../commit.ts';
import { privateReply } from '../reply.ts';
import { assertOwnsSession, questionFor, sessionNotFound } from '../session-access.ts';
import type { ActionHandler } from './types.ts';

const STALE = "That rating button doesn't match this question any more. Reveal the key points again to rate yourself.";
const RATING_WORDS = { got: 'Got it', partly: 'Partly', missed: 'Missed' } as const;

/** The check that judged this person's answers: the LLM only if it judged every one of them. */
function scorerOf(state: SessionState, userId: string): ScorerName | undefined {
  const scorers = new Set(state.answers.filter((answer) => answer.by === userId).map((answer) => answer.scorer));
  if (scorers.size === 0) return undefined;
  return scorers.has('keyword') ? 'keyword' : 'llm';
}

export function checkName(scorer: ScorerName): string {
  return scorer === 'llm' ? 'the LLM judge' : 'the keyword check';
}

/**
 * 🪞 Got it / Partly / Missed on one revealed key point. Stored beside the automatic verdict
 * the presser's own answers earned on that point (none when they had not answered), one
 * record per point: pressing again replaces the choice. Changes no session, so a press on a
 * finished session still counts. The reply is one private line.
 */
export const selfAssessAction: ActionHandler = async (job, ctx) => {
  const choice = job.selfAssessment;
  if (!choice) throw new UserError('stale_button', STALE);
  const found = await ctx.deps.stores.sessions.get(job.threadId);
  if (!found) throw sessionNotFound();
  const { state } = found;
  assertOwnsSession(state, job.userId);
  const question = questionFor(state, ctx.deps.bank);
  const rubricPoint = question.rubric[choice.point];
  if (question.id !== choice.questionId || !rubricPoint) throw new UserError('stale_button', STALE);

  const scorer = scorerOf(state, job.userId);
  const verdict = scorer ? coverageOf(question, state, job.userId)[choice.point]?.verdict : undefined;
  const record: SelfAssessment = {
    workspaceId: job.workspaceId,
    userId: job.userId,
    sessionId: job.threadId,
    questionId: question.id,
    pointId: rubricPoint.id,
    rating: choice.rating,
    ...(scorer && verdict ? { automatic: { verdict, scorer } } : {}),
    at: job.receivedAt,
  };
  await ctx.deps.stores.selfAssessments.record(record);

  const compared = record.automatic ? ` (${checkName(record.automatic.scorer)} said: ${record.automatic.verdict})` : '';
  const text = `🪞 Noted for *${rubricPoint.theme}*: ${RATING_WORDS[choice.rating]}${compared}.`;
  return submitPlan(ctx, privateReply(job, [{ type: 'text', text }], 'self-assess'));
};
