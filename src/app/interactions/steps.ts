import type { EngineEvent } from '../../core/interview/events.ts';
import type { SessionMode, SessionState } from '../../core/interview/session-state.ts';
import { nextTickAt as coreNextTickAt } from '../../core/interview/idle.ts';
import type { Pacing } from '../../core/content/schema.ts';
import type { MessagePart } from '../ports.ts';
import type { DecisionDeps } from './context.ts';
import type { PlanStep, PlanThread } from './plan.ts';

/**
 * Turns engine events into plan steps: who sees each event, and how events are grouped
 * into messages. In a channel question, anything addressed to one person (their feedback,
 * their follow-up, their hint, their scorecard, a reveal they asked for) is ephemeral to
 * them in the thread: nobody sees your score unless you share it. In a 1:1 mock the thread
 * is the candidate's, so everything is public in it.
 */
export interface EventTarget {
  channelId: string;
  thread: PlanThread;
  mode: SessionMode;
  /** The person whose action produced the events (for a reveal they asked for). */
  actorId?: string;
  /** Step key prefix, unique within the plan. */
  keyPrefix: string;
  /** The actor's private-reply handle (their event's), used for messages addressed to them. */
  replyHandle?: string;
}

function audienceOf(event: EngineEvent, target: EventTarget): string | undefined {
  if (target.mode !== 'channel') return undefined;
  switch (event.type) {
    case 'feedback':
    case 'reaction':
    case 'expired':
    case 'phase':
    case 'follow-up':
    case 'hint':
    case 'notice':
    case 'nudge':
      return event.to ?? target.actorId;
    case 'scorecard':
      return event.scorecard.for ?? target.actorId;
    case 'reveal':
      return target.actorId;
    default:
      return undefined;
  }
}

/** Big events stand alone; small ones that follow each other (feedback, then "Next →") share a message. */
const STANDALONE = new Set<EngineEvent['type']>(['question', 'scorecard', 'reveal']);

export function eventSteps(events: readonly EngineEvent[], target: EventTarget): PlanStep[] {
  const groups: { audience: string | undefined; parts: MessagePart[] }[] = [];
  for (const event of events) {
    const audience = audienceOf(event, target);
    const last = groups.at(-1);
    if (last && last.audience === audience && !STANDALONE.has(event.type) && !last.parts.some((part) => STANDALONE.has(part.type as EngineEvent['type']))) {
      last.parts.push(event);
    } else {
      groups.push({ audience, parts: [event] });
    }
  }
  return groups.map(({ audience, parts }, index): PlanStep => {
    const key = `${target.keyPrefix}${index}`;
    return audience
      ? {
          kind: 'ephemeral',
          key,
          channelId: target.channelId,
          userId: audience,
          thread: target.thread,
          content: { parts },
          ...(target.replyHandle && audience === target.actorId ? { replyHandle: target.replyHandle } : {}),
        }
      : { kind: 'post', key, channelId: target.channelId, thread: target.thread, content: { parts } };
  });
}

/**
 * When a paced session next needs its timer: in a chat thread, the one nudge after a
 * silence, then the expiry (see core/interview/idle.ts). Undefined when it never does.
 */
export function nextTickAt(state: SessionState, pacing: Pacing | undefined, ctx?: { deps: Pick<DecisionDeps, 'mockIdle'> }): number | undefined {
  return coreNextTickAt(state, pacing, ctx?.deps.mockIdle);
}

const MIN_TICK_SPACING_MS = 1_000;

/** A schedule-tick step for the session's next timer, if it needs one. */
export function tickSteps(ctx: { deps: DecisionDeps }, state: SessionState, pacing: Pacing | undefined, channelId: string, thread: PlanThread): PlanStep[] {
  const at = nextTickAt(state, pacing, ctx);
  if (at === undefined) return [];
  // Never sooner than a second from now: a timer that fired a touch early (clock skew) must
  // not reschedule itself under its own job id, which the queue would ignore.
  const due = Math.max(at, ctx.deps.now() + MIN_TICK_SPACING_MS);
  return [{ kind: 'schedule-tick', key: `tick@${due}`, channelId, thread, at: due }];
}
