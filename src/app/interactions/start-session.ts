import type { Question } from '../../core/content/schema.ts';
import { startSession } from '../../core/interview/engine.ts';
import type { DecisionDeps } from './context.ts';
import type { PlanStep } from './plan.ts';
import { eventSteps, tickSteps } from './steps.ts';

/**
 * Starting a session: the question goes top-level in the channel and its message id
 * becomes the thread, so the session (`slack:T:C:<ts>`) can only be created after that post
 * succeeds. The plan says so: post the root, create the session in the root's thread,
 * then anything else in the thread (a mock's first phase) and its first timer.
 */
export function startSteps(
  ctx: { deps: DecisionDeps },
  options: { question: Question; mode: 'channel' | 'mock'; channelId: string; candidateId?: string },
): PlanStep[] {
  const { deps } = ctx;
  const pacing = options.mode === 'mock' ? deps.bank.pacing : undefined;
  const maxFollowUps = deps.maxFollowUps?.[options.mode];
  const { state, events } = startSession({
    // The real id is the thread id, known once the root is posted.
    id: 'pending',
    question: options.question,
    mode: options.mode,
    now: deps.now(),
    ...(pacing ? { pacing } : {}),
    ...(options.candidateId ? { candidateId: options.candidateId } : {}),
    ...(maxFollowUps !== undefined ? { maxFollowUps } : {}),
  });
  const [questionEvent, ...rest] = events;
  if (!questionEvent) throw new Error('startSession produced no question');
  const thread = { rootOf: 'root' };
  return [
    { kind: 'post', key: 'root', channelId: options.channelId, content: { parts: [questionEvent] } },
    { kind: 'create-session', key: 'session', channelId: options.channelId, rootOf: 'root', state },
    ...eventSteps(rest, { channelId: options.channelId, thread, mode: options.mode, keyPrefix: 'start-' }),
    ...tickSteps(ctx, state, pacing, options.channelId, thread),
  ];
}
