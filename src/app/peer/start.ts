import { UserError } from '../../core/errors.ts';
import { followUpMenu } from '../../core/peer/follow-up-menu.ts';
import { parsePeerArgs } from '../../core/peer/command.ts';
import { nextPeerTimerAt, startPeerSession } from '../../core/peer/session.ts';
import { pickFreshQuestion } from '../../core/peer/swap.ts';
import type { Question } from '../../core/content/schema.ts';
import type { CommandJob } from '../../queue/jobs.ts';
import { submitPlan } from '../interactions/commit.ts';
import type { JobContext } from '../interactions/context.ts';
import type { Plan, PlanStep } from '../interactions/plan.ts';
import { briefQuestion } from './brief.ts';
import { peerReply, text } from './reply.ts';
import type { PeerServices } from './services.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export interface NewPeerSession {
  channelId: string;
  interviewerId: string;
  candidateId: string;
  question: Question;
  /** Step key prefix, unique within the plan. */
  keyPrefix: string;
}

/**
 * The steps of a new session: the public thread addressed to the candidate (the question's
 * title and how it works; never the rubric), the session itself, the interviewer's brief by
 * DM (a brief for a session that may last days must outlive a client reload, which an
 * ephemeral message does not), and the first timer.
 */
export function newSessionSteps(ctx: JobContext, peer: PeerServices, input: NewPeerSession): PlanStep[] {
  const now = ctx.deps.now();
  const { idleMs, expiryMs } = peer.settings;
  const { question, keyPrefix: p, channelId } = input;
  const state = startPeerSession({ id: '', interviewerId: input.interviewerId, candidateId: input.candidateId, questionId: question.id, now, expiryMs });
  const { id: _id, ...withoutId } = state;
  const root = `${p}root`;
  const thread = { rootOf: root };
  const at = nextPeerTimerAt(state, idleMs) as number;
  return [
    {
      kind: 'post',
      key: root,
      channelId,
      content: { parts: [{ type: 'peer', view: { kind: 'intro', interviewerId: input.interviewerId, candidateId: input.candidateId, title: question.title, expiresInDays: Math.round(expiryMs / DAY), nudgeAfterHours: Math.round(idleMs / HOUR) } }] },
    },
    { kind: 'peer', key: `${p}session`, op: { op: 'create', rootOf: root, channelId, state: withoutId } },
    {
      kind: 'peer',
      key: `${p}brief`,
      op: {
        op: 'dm',
        userId: input.interviewerId,
        session: { channelId, thread },
        content: { parts: [{ type: 'peer', view: { kind: 'brief', interviewerId: input.interviewerId, candidateId: input.candidateId, channelId, question: briefQuestion(question, ctx.deps.bank.pacing), menu: followUpMenu(question, [], {}) } }] },
      },
    },
    { kind: 'peer', key: `${p}timer`, op: { op: 'timer', channelId, thread, at } },
  ];
}

/** Picks a question neither has seen in a peer session (any, when they have seen them all). */
export async function freshQuestionFor(ctx: JobContext, peer: PeerServices, userIds: string[], topic?: string): Promise<Question> {
  const { bank, random } = ctx.deps;
  const seen = await peer.people.seen(ctx.platform, ctx.workspaceId, userIds);
  const pool = topic ? bank.requireTopic(topic) : bank.questions;
  return pickFreshQuestion(pool, seen, random ?? Math.random, topic) ?? bank.pick(topic, random);
}

/** `/obs-question peer @candidate [topic]`: the invoker interviews the candidate. */
export async function startPeerCommand(job: CommandJob, args: string[], ctx: JobContext, peer: PeerServices): Promise<Plan> {
  const parsed = parsePeerArgs(args);
  const refuse = (message: string): Promise<Plan> => submitPlan(ctx, peerReply(job, [text(message)], 'reply'));
  if (parsed.kind !== 'peer-start') return refuse(parsed.kind === 'peer-invalid' ? parsed.message : 'Not understood.');
  const { candidateId, topic } = parsed;
  if (candidateId === job.userId) return refuse('You can’t interview yourself. Name a colleague: `/obs-question peer @colleague [topic]`.');
  const platform = peer.platforms[ctx.platform];
  if (!platform) throw new UserError('peer_unavailable', 'Peer interviews are not available on this platform yet.');
  const person = await platform.person(job.workspaceId, candidateId);
  if (!person.exists || person.gone) return refuse(`I can’t find <@${candidateId}> in this workspace.`);
  if (person.bot) return refuse(`<@${candidateId}> is a bot. Peer interviews are between two people: name a colleague.`);
  const member = await platform.inChannel(job.workspaceId, job.channelId, candidateId);
  if (member === false) return refuse(`<@${candidateId}> isn’t in this channel, so they couldn’t see the thread. Invite them here first, or start the session in a channel you share.`);
  if (topic !== undefined && !ctx.deps.bank.hasTopic(topic)) {
    return submitPlan(ctx, peerReply(job, [{ type: 'help', notUnderstood: `peer … ${topic}` }], 'reply'));
  }
  const question = await freshQuestionFor(ctx, peer, [job.userId, candidateId], topic);
  const steps = newSessionSteps(ctx, peer, { channelId: job.channelId, interviewerId: job.userId, candidateId, question, keyPrefix: '' });
  // Closes the command's private reply (Discord's deferred "thinking…", Slack's response_url).
  const started = peerReply(job, [text(`Started: <@${candidateId}> has the question in a thread here, and your interviewer brief is in your DMs from me.`)], 'started');
  return submitPlan(ctx, [...steps, ...started]);
}
