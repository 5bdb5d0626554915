import type { QuestionBank } from '../../core/content/question-bank.ts';
import type { Question } from '../../core/content/schema.ts';
import { UserError } from '../../core/errors.ts';
import type { SessionState } from '../../core/interview/session-state.ts';
import type { Platform } from '../../core/thread-id.ts';
import type { ScoredAnswer } from '../../store/history-store.ts';
import type { MessageContent, ReactionKind } from '../ports.ts';
import type { PeerOp } from '../peer/plan-ops.ts';

/**
 * A plan is what one platform event implies, decided once and stored before anything is
 * sent (the outbox): the messages to post, a session to create, a timer, a history entry.
 * Each step has a key unique within the plan; the runner records each step as done, so a
 * re-run performs only what is left. Plans are plain JSON, like sessions.
 */

/** A thread given by its platform id, or "the thread started by an earlier step's post". */
export type PlanThread = { ts: string } | { rootOf: string };

export type PlanStep =
  | { kind: 'post'; key: string; channelId: string; thread?: PlanThread; content: MessageContent }
  /** `replyHandle`: the causing event's private-reply handle, for platforms that need one (see PrivateDestination). */
  | { kind: 'ephemeral'; key: string; channelId: string; userId: string; thread?: PlanThread; content: MessageContent; replyHandle?: string }
  | { kind: 'respond'; key: string; responseUrl: string; content: MessageContent; fallback: { channelId: string; userId: string; thread?: PlanThread } }
  | { kind: 'create-session'; key: string; channelId: string; rootOf: string; state: SessionState }
  | { kind: 'schedule-tick'; key: string; channelId: string; thread: PlanThread; at: number }
  | ({ kind: 'record-history'; key: string } & Omit<ScoredAnswer, 'workspaceId'>)
  | { kind: 'react'; key: string; channelId: string; messageId: string; reaction: ReactionKind }
  /** An answer to a daily question, for streaks and the monthly points (the day's best tally is kept). */
  | { kind: 'record-daily'; key: string; channelKey: string; localDate: string; userId: string; pointsCovered: number }
  /** Peer practice's own steps (sessions, timers, DMs, ratings, the scorecard form): see src/app/peer/plan-ops.ts. */
  | { kind: 'peer'; key: string; op: PeerOp };

export interface Plan {
  v: 1;
  platform: Platform;
  workspaceId: string;
  /** The platform event this plan answers; also the outbox key. */
  eventKey: string;
  /** Whose plan it is (JobContext.userId), for `forget-me`: the outbox key names the event, not the person. */
  userId?: string;
  steps: PlanStep[];
  /**
   * Set when the plan posts publicly in a session's thread: it joined the thread's order
   * when it committed, and posts only after the plans committed before it (thread-order.ts).
   */
  orderedIn?: string;
}

/**
 * A question in a stored plan is stored as a reference to the bank (`{"$questionRef": id}`):
 * the full question is about 6 KB and the worker has the bank in memory. Only a question
 * that *is* the bank's object is referenced, so reading it back gives exactly what was
 * planned; anything else is stored whole.
 */
const QUESTION_REF = '$questionRef';

export function serializePlan(plan: Plan, bank: QuestionBank): string {
  return JSON.stringify(withQuestionRefs(plan, bank));
}

/**
 * `value` with every bank question under a `question` key replaced by its reference; what
 * holds none is returned as is, and only the objects on the way to one are copied. Done
 * before JSON.stringify, not as its replacer: a replacer is called for every key and value
 * and takes JSON.stringify off its fast path (a plan serialised per job showed in the
 * worker's profile). Plans are plain JSON data (no toJSON, no cycles).
 */
function withQuestionRefs(value: unknown, bank: QuestionBank): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) {
    let copy: unknown[] | undefined;
    for (let index = 0; index < value.length; index += 1) {
      const item: unknown = value[index];
      const replaced = withQuestionRefs(item, bank);
      if (replaced !== item) (copy ??= value.slice())[index] = replaced;
    }
    return copy ?? value;
  }
  const record = value as Record<string, unknown>;
  let copy: Record<string, unknown> | undefined;
  for (const key in record) {
    if (!Object.hasOwn(record, key)) continue;
    const item = record[key];
    const replaced = key === 'question' && isQuestion(item) && bank.get(item.id) === item ? { [QUESTION_REF]: item.id } : withQuestionRefs(item, bank);
    if (replaced !== item) (copy ??= { ...record })[key] = replaced;
  }
  return copy ?? value;
}

export function parsePlan(json: string, bank: QuestionBank): Plan {
  // The reviver only runs when a reference is present; most stored plans have none.
  const plan = (json.includes(QUESTION_REF) ? JSON.parse(json, (key: string, value: unknown) => (key === 'question' ? resolveQuestion(value, bank) : value)) : JSON.parse(json)) as Plan;
  if (plan.v !== 1 || !Array.isArray(plan.steps)) throw new Error('unreadable outbox plan');
  return plan;
}

function isQuestion(value: unknown): value is Question {
  return typeof value === 'object' && value !== null && typeof (value as { id?: unknown }).id === 'string' && typeof (value as { topic?: unknown }).topic === 'string';
}

function resolveQuestion(value: unknown, bank: QuestionBank): unknown {
  if (typeof value !== 'object' || value === null || !(QUESTION_REF in value)) return value;
  const id = (value as Record<string, unknown>)[QUESTION_REF];
  const question = typeof id === 'string' ? bank.get(id) : undefined;
  // The plan was decided with a question since removed from the bank: it cannot be shown.
  if (!question) throw new UserError('question_gone', 'This question has been removed from the question bank. Start a new one with `/obs-question`.');
  return question;
}
