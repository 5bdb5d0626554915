import { UserError } from '../../core/errors.ts';
import { coverageOf, coverageScore } from '../../core/interview/coverage.ts';
import { canAnswer, recordAnswer, scoringTarget } from '../../core/interview/engine.ts';
import { textToScore } from '../../core/interview/judge.ts';
import { answerHash } from '../../core/scoring/answer-hash.ts';
import type { AnswerJob } from '../../queue/jobs.ts';
import { commitToSession, submitPlan } from './commit.ts';
import type { JobContext } from './context.ts';
import type { Plan, PlanStep } from './plan.ts';
import { privateReply } from './reply.ts';
import { pacingFor, questionFor, threadOf } from './session-access.ts';
import { dailyAnswerSteps } from './daily-answer.ts';
import { eventSteps, tickSteps } from './steps.ts';
import { handlePeerMessage } from '../peer/answer.ts';

/** A reply that is one `/word` and nothing else: a command typed in the thread, never an answer. */
const COMMAND_WORD = /^\/[a-z][a-z-]*$/iu;

/**
 * A reply in a session's thread is an answer: 👀 at once, scored, then for its author
 * either private feedback (a channel question) or an interviewer's reaction (a mock: no
 * score until the scorecard), then one next question or the scorecard, ✅ on the answer,
 * and the person's coverage in their history.
 */
export async function handleAnswer(job: AnswerJob, ctx: JobContext): Promise<Plan | undefined> {
  const { deps } = ctx;
  const found = await deps.stores.sessions.get(job.threadId);
  if (!found) {
    if (deps.peer) return handlePeerMessage(job, ctx, deps.peer);
    // A thread that is not (or no longer) a session: stay quiet rather than answer strangers.
    ctx.log.debug('reply in a thread without a session; ignored');
    return undefined;
  }
  if (found.state.status === 'finished') throw new UserError('session_finished', 'This interview has finished. Start a new one with `/obs-question`.');
  if (!canAnswer(found.state, job.userId)) {
    return submitPlan(ctx, privateReply(job, [{ type: 'text', text: `This is <@${found.state.candidateId}>’s 1:1 mock interview, so only their replies are scored. Start your own with \`/obs-question mock\`.` }], 'not-candidate'));
  }
  if (COMMAND_WORD.test(job.text.trim())) {
    return submitPlan(ctx, privateReply(job, [{ type: 'text', text: `\`${job.text.trim()}\` looks like a command, so it wasn’t scored. Answer in your own words, or use the buttons on the question (💡 Hint, 🏁 Finish).` }], 'not-an-answer'));
  }
  const question = questionFor(found.state, deps.bank);
  const { channelId, thread } = threadOf(job.threadId);
  const answerRef = { workspaceId: job.workspaceId, channelId, messageId: job.messageId };
  try {
    await deps.sender.addReaction(answerRef, 'received');
  } catch (error) {
    ctx.log.warn('could not react to an answer; carrying on', { error });
  }

  // Scoring is the slow part (maybe an LLM call): done once, outside the commit loop.
  // What to score against depends on the phase (a mock's requirements phase has its own
  // list); repeated text is scored once. Should two answers race across a phase change, the
  // later one's verdicts name ids of the other list and simply earn nothing.
  const scorer = await deps.resolveScorer({ workspaceId: job.workspaceId, channelId });
  const target = scoringTarget(found.state, question, pacingFor(found.state, deps.bank));
  const scoredText = textToScore(job.text);
  const result = target ? await scorer.score(target, scoredText, { workspaceId: job.workspaceId }) : undefined;
  // Only an LLM verdict is cached (under this hash); the session keeps it for a long answer, for forget-me.
  const cacheHash = result?.scorer === 'llm' ? answerHash(scoredText) : undefined;
  const now = deps.now();

  const plan = await commitToSession(ctx, job.threadId, ({ state }) => {
    const pacing = pacingFor(state, deps.bank);
    const step = recordAnswer(state, question, pacing, { by: job.userId, text: job.text, ...(result ? { result } : {}), ...(cacheHash ? { cacheHash } : {}), now });
    const feedback = step.events.find((event) => event.type === 'feedback');
    const coverage = coverageScore(question, coverageOf(question, step.state, job.userId));
    const steps: PlanStep[] = [
      ...eventSteps(step.events, { channelId, thread, mode: state.mode, actorId: job.userId, keyPrefix: 'reply-', ...(job.responseUrl ? { replyHandle: job.responseUrl } : {}) }),
      { kind: 'react', key: 'scored', channelId, messageId: job.messageId, reaction: 'scored' },
      {
        kind: 'record-history',
        key: 'history',
        userId: job.userId,
        answerId: `${channelId}:${job.messageId}`,
        sessionId: job.threadId,
        topic: question.topic,
        coverage,
        at: now,
      },
      ...tickSteps(ctx, step.state, pacing, channelId, thread),
      ...dailyAnswerSteps(state, job.userId, feedback, now),
    ];
    return { state: step.state, steps };
    // The session read above is the first attempt's: a conflict reads it again.
  }, found);
  if (!plan) ctx.log.info('session expired while scoring; answer dropped');
  return plan;
}
