import type { QuestionBank } from '../../core/content/question-bank.ts';
import type { Pacing, Question } from '../../core/content/schema.ts';
import { UserError } from '../../core/errors.ts';
import type { SessionState } from '../../core/interview/session-state.ts';
import { decodeThreadId } from '../../core/thread-id.ts';
import type { PlanThread } from './plan.ts';

/** Shared by the handlers that act on an existing session. */
export function questionFor(state: SessionState, bank: QuestionBank): Question {
  const question = bank.get(state.questionId);
  if (!question) {
    throw new UserError('question_gone', 'This question has been removed from the question bank. Start a new one with `/obs-question`.');
  }
  return question;
}

/** Only 1:1 sessions follow the pacing phases. */
export function pacingFor(state: SessionState, bank: QuestionBank): Pacing | undefined {
  return state.mode === 'channel' ? undefined : bank.pacing;
}

/** In a 1:1 session the buttons belong to the candidate; in a channel, to everyone. */
export function assertOwnsSession(state: SessionState, userId: string): void {
  if (state.mode !== 'channel' && state.candidateId !== undefined && state.candidateId !== userId) {
    throw new UserError('not_your_session', `This is <@${state.candidateId}>’s mock interview, so its buttons are theirs. Start your own with \`/obs-question mock\`.`);
  }
}

export function sessionNotFound(): UserError {
  return new UserError('session_not_found', 'This practice session has expired or was not found. Start a new one with `/obs-question`.');
}

export function threadOf(threadId: string): { channelId: string; thread: PlanThread } {
  const ref = decodeThreadId(threadId);
  return { channelId: ref.channel, thread: { ts: ref.thread } };
}
