import { followUpMenu } from '../../core/peer/follow-up-menu.ts';
import { askFollowUp, notYoursText, recordPeerAnswer, roleOf } from '../../core/peer/session.ts';
import { scoreAnswer } from '../../core/scoring/keyword/keyword-scorer.ts';
import { weightedScore } from '../../core/scoring/weighted-score.ts';
import type { Verdict } from '../../core/scoring/types.ts';
import { decodeThreadId } from '../../core/thread-id.ts';
import type { AnswerJob } from '../../queue/jobs.ts';
import { submitPlan } from '../interactions/commit.ts';
import type { JobContext } from '../interactions/context.ts';
import type { Plan, PlanStep } from '../interactions/plan.ts';
import { commitToPeerSession } from './commit.ts';
import { peerReply, text } from './reply.ts';
import type { PeerServices } from './services.ts';
import { timerStep } from './timer-step.ts';

/**
 * A message in a peer session's thread. The candidate's is an answer: scored silently by
 * the keyword scorer (only the interviewer's menu uses it, to suggest follow-ups), then the
 * interviewer gets the menu by DM. The interviewer's own message is their own follow-up,
 * already in the thread: it only hands the turn back. Anyone else is told whose session it is.
 */
export async function handlePeerMessage(job: AnswerJob, ctx: JobContext, peer: PeerServices): Promise<Plan | undefined> {
  const found = await peer.sessions.get(job.threadId);
  if (!found) return undefined;
  const { state } = found;
  const role = roleOf(state, job.userId);
  if (!role) return submitPlan(ctx, peerReply(job, [text(notYoursText(state, (id) => `<@${id}>`))], 'not-yours'));
  if (state.status !== 'open') return submitPlan(ctx, peerReply(job, [text('This session has ended, so this reply was not recorded. Start a new one with `/obs-question peer @colleague`.')], 'closed'));
  const question = ctx.deps.bank.get(state.questionId);
  if (!question) return submitPlan(ctx, peerReply(job, [text('This question was removed from the question bank; end the session and start another.')], 'gone'));
  const { channel, thread } = decodeThreadId(job.threadId);
  const now = ctx.deps.now();

  if (role === 'interviewer') {
    return commitToPeerSession(ctx, peer, job.threadId, (session) => {
      const step = askFollowUp(session.state, { userId: job.userId, now, text: job.text });
      if (!step.ok) return { steps: [] };
      return { state: step.state, steps: timerStep(step.state, peer, channel, thread) };
    });
  }

  // Scored once, outside the commit loop; the keyword scorer is pure and fast.
  const result = scoreAnswer(question, job.text);
  const verdicts: Record<string, Verdict> = Object.fromEntries(result.points.map((point) => [point.id, point.verdict]));
  const scoreOf = (merged: Record<string, Verdict>): number => weightedScore(question, question.rubric.map((point) => ({ id: point.id, verdict: merged[point.id] ?? 'missed' })));
  return commitToPeerSession(ctx, peer, job.threadId, (session) => {
    const step = recordPeerAnswer(session.state, { userId: job.userId, chars: job.text.length, now, verdicts, scoreOf });
    if (!step.ok) return { steps: [] };
    const steps: PlanStep[] = [
      { kind: 'react', key: 'received', channelId: channel, messageId: job.messageId, reaction: 'received' },
      {
        kind: 'peer',
        key: 'menu',
        op: {
          op: 'dm',
          userId: step.state.interviewerId,
          session: { channelId: channel, thread: { ts: thread } },
          content: { parts: [{ type: 'peer', view: { kind: 'menu', candidateId: step.state.candidateId, channelId: channel, menu: followUpMenu(question, step.state.usedFollowUps, step.state.autoVerdicts) } }] },
        },
      },
      ...timerStep(step.state, peer, channel, thread),
    ];
    return { state: step.state, steps };
  });
}

