import { UserError } from '../../core/errors.ts';
import { followUpById } from '../../core/peer/follow-up-menu.ts';
import {
  ASSESSED_LEVELS,
  OVERALL_SIGNALS,
  askFollowUp,
  endPeerSession,
  notYoursText,
  ratePeerSession,
  roleOf,
  submitScorecard,
  type AssessedLevel,
  type OverallSignal,
  type PeerEvent,
  type PeerSession,
} from '../../core/peer/session.ts';
import type { Question } from '../../core/content/schema.ts';
import type { Verdict } from '../../core/scoring/types.ts';
import { decodeThreadId } from '../../core/thread-id.ts';
import type { PeerActionJob } from '../../queue/jobs.ts';
import { submitPlan } from '../interactions/commit.ts';
import type { JobContext } from '../interactions/context.ts';
import type { Plan, PlanStep } from '../interactions/plan.ts';
import { commitToPeerSession } from './commit.ts';
import { peerReply, text } from './reply.ts';
import { freshQuestionFor, newSessionSteps } from './start.ts';
import { timerStep } from './timer-step.ts';

const VERDICTS: readonly Verdict[] = ['covered', 'partial', 'missed'];

/** Steps that tell the thread (and the two) what a transition's events mean. */
export function eventSteps(events: readonly PeerEvent[], state: PeerSession, question: Question, channelId: string, threadTs: string, idleMs: number): PlanStep[] {
  const thread = { ts: threadTs };
  const steps: PlanStep[] = [];
  events.forEach((event, index) => {
    const key = `ev${index}`;
    switch (event.type) {
      case 'follow-up':
        steps.push({ kind: 'post', key, channelId, thread, content: { parts: [{ type: 'peer', view: { kind: 'follow-up', interviewerId: state.interviewerId, candidateId: state.candidateId, text: event.text } }] } });
        break;
      case 'nudge':
        steps.push({ kind: 'post', key, channelId, thread, content: { parts: [{ type: 'peer', view: { kind: 'nudge', to: event.to, role: event.role, idleHours: Math.round(idleMs / 3_600_000) } }] } });
        break;
      case 'ended':
        steps.push({
          kind: 'post',
          key,
          channelId,
          thread,
          content: { parts: [{ type: 'peer', view: { kind: 'ended', reason: event.reason, ...(event.by ? { by: event.by } : {}), interviewerId: state.interviewerId, candidateId: state.candidateId, canSwap: event.reason !== 'candidate-left' } }] },
        });
        break;
      case 'scorecard': {
        const view = {
          kind: 'scorecard' as const,
          interviewerId: state.interviewerId,
          candidateId: state.candidateId,
          title: question.title,
          rubric: question.rubric.map((point) => ({ id: point.id, theme: point.theme })),
          card: event.scorecard,
          autoVerdicts: state.autoVerdicts,
        };
        // Notes and verdicts go only to the two: by DM, never in the thread.
        for (const userId of [state.candidateId, state.interviewerId]) {
          steps.push({ kind: 'peer', key: `${key}-${userId}`, op: { op: 'dm', userId, session: { channelId, thread }, content: { parts: [{ type: 'peer', view }] } } });
        }
        break;
      }
      case 'answered':
      case 'rated':
        break;
    }
  });
  return steps;
}

/**
 * Discord's verdict select sends `id=verdict` pairs (several points in one multi-select);
 * they become `point:<id>` fields like Slack's modal. Two verdicts for one point: the last wins.
 */
function draftFields(form: Record<string, string> | undefined, question: Question): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const [name, value] of Object.entries(form ?? {})) {
    if (name === 'verdicts') {
      const ids = new Set(question.rubric.map((point) => point.id));
      // The select replaces its whole choice each time: clear the points first.
      for (const id of ids) fields[`point:${id}`] = '';
      for (const pair of value.split(',')) {
        const [id, verdict] = pair.split('=');
        if (id && ids.has(id) && verdict && (VERDICTS as readonly string[]).includes(verdict)) fields[`point:${id}`] = verdict;
      }
    } else if (name === 'overall' || name === 'level') {
      fields[name] = value;
    }
  }
  return fields;
}

/** `missedByDefault`: Discord's form says points left unselected count as missed. */
function parseCard(form: Record<string, string> | undefined, question: Question, missedByDefault: boolean): { points: Record<string, Verdict>; overall: OverallSignal; level: AssessedLevel; notes: string } {
  const fields = form ?? {};
  const points: Record<string, Verdict> = {};
  for (const point of question.rubric) {
    const value = fields[`point:${point.id}`];
    if (value && (VERDICTS as readonly string[]).includes(value)) points[point.id] = value as Verdict;
    else if (missedByDefault) points[point.id] = 'missed';
  }
  const overall = fields.overall;
  const level = fields.level;
  if (!overall || !(OVERALL_SIGNALS as readonly string[]).includes(overall)) throw new UserError('bad_scorecard', 'Choose an overall signal: strong no, no, yes or strong yes.');
  if (!level || !(ASSESSED_LEVELS as readonly string[]).includes(level)) throw new UserError('bad_scorecard', 'Choose the level you assessed: senior, staff or principal.');
  return { points, overall: overall as OverallSignal, level: level as AssessedLevel, notes: fields.notes ?? '' };
}

/** A press in a peer session: only its two participants may act, each in their role. */
export async function handlePeerAction(job: PeerActionJob, ctx: JobContext): Promise<Plan | undefined> {
  const peer = ctx.deps.peer;
  if (!peer) throw new UserError('peer_unavailable', 'Peer interviews are not set up on this bot.');
  const found = await peer.sessions.get(job.threadId);
  if (!found) throw new UserError('peer_gone', 'This peer session has expired or was not found. Start a new one with `/obs-question peer @colleague`.');
  const reply = (message: string, key = 'reply'): Promise<Plan> => submitPlan(ctx, peerReply(job, [text(message)], key));
  const role = roleOf(found.state, job.userId);
  if (!role) return reply(notYoursText(found.state, (id) => `<@${id}>`), 'not-yours');
  const question = ctx.deps.bank.get(found.state.questionId);
  if (!question) return reply('This question was removed from the question bank; start another session.');
  const { channel, thread } = decodeThreadId(job.threadId);
  const now = ctx.deps.now();

  if (job.action === 'scorecard') {
    const state = found.state;
    if (role !== 'interviewer') return reply('Only the interviewer writes the scorecard. You’ll get it privately when they send it.');
    if (state.scorecard) return reply('The scorecard for this session was already sent.');
    if (state.status === 'expired' || state.endReason === 'candidate-left') return reply('This session has ended.');
    if (!job.handle) return reply('Open the scorecard from the session’s button.');
    const form = { sessionId: job.threadId, title: question.title, candidateId: state.candidateId, rubric: question.rubric.map((point) => ({ id: point.id, theme: point.theme })) };
    return submitPlan(ctx, [{ kind: 'peer', key: 'form', op: { op: 'open-scorecard', handle: job.handle, form } }]);
  }

  if (job.action === 'swap') {
    const state = found.state;
    if (state.status === 'open') return reply('Finish or end this session first; then swap roles.');
    if (state.swappedTo) return reply('The swapped session has already started.');
    const swappedQuestion = await freshQuestionFor(ctx, peer, [state.interviewerId, state.candidateId], question.topic);
    const steps = newSessionSteps(ctx, peer, { channelId: channel, interviewerId: state.candidateId, candidateId: state.interviewerId, question: swappedQuestion, keyPrefix: 'swap-' });
    return commitToPeerSession(ctx, peer, job.threadId, (session) => (session.state.swappedTo ? { steps: [] } : { state: { ...session.state, swappedTo: ctx.eventKey }, steps }));
  }

  if (job.action === 'scorecard-draft') {
    if (role !== 'interviewer') return reply('Only the interviewer writes the scorecard.');
    const fields = draftFields(job.form, question);
    // Silent: the select shows the choice already; nothing to post.
    return commitToPeerSession(ctx, peer, job.threadId, ({ state }) => ({ state: { ...state, draft: { ...state.draft, ...fields } }, steps: [] }));
  }

  let card: ReturnType<typeof parseCard> | undefined;
  if (job.action === 'scorecard-submit') card = parseCard({ ...found.state.draft, ...job.form }, question, job.platform === 'discord');
  const ownText = job.action === 'follow-up' && !job.value ? (job.form?.text ?? '') : undefined;
  const rubricIds = question.rubric.map((point) => point.id);
  const stars = Number(job.value);

  return commitToPeerSession(ctx, peer, job.threadId, ({ state }) => {
    const step =
      job.action === 'follow-up'
        ? askFollowUp(state, { userId: job.userId, now, text: ownText ?? followUpById(question, job.value ?? '')?.ask ?? '', ...(job.value ? { followUpId: job.value } : {}) })
        : job.action === 'end'
          ? endPeerSession(state, { userId: job.userId, now })
          : job.action === 'rate'
            ? ratePeerSession(state, { userId: job.userId, stars })
            : submitScorecard(state, { userId: job.userId, now, ...(card as NonNullable<typeof card>) }, rubricIds);
    if (!step.ok) return { steps: peerReply(job, [text(step.refusal.message)], 'refused') };
    const steps: PlanStep[] = [...eventSteps(step.events, step.state, question, channel, thread, peer.settings.idleMs), ...timerStep(step.state, peer, channel, thread)];
    if (job.action === 'rate') {
      // The candidate's rating is the interviewer's reputation, and the other way round.
      const ratedUserId = role === 'candidate' ? state.interviewerId : state.candidateId;
      steps.push({ kind: 'peer', key: 'rate', op: { op: 'rate', ratedUserId, role: role === 'candidate' ? 'interviewer' : 'candidate', field: `${job.threadId}|${job.userId}`, stars } });
      steps.push(...peerReply(job, [text(`Thanks: you rated this session ${stars}/5. Only your partner’s reputation figures use it.`)], 'thanks'));
    }
    if (job.action === 'scorecard-submit') steps.push(...peerReply(job, [text('Scorecard sent to your candidate, privately.')], 'sent'));
    return { state: step.state, steps };
  });
}
