import { addLogContext } from '../../infra/logger.ts';
import { PermanentDeliveryError, RateLimitError } from '../../core/errors.ts';
import { encodeThreadId } from '../../core/thread-id.ts';
import type { WriteBatch } from '../../store/write-batch.ts';
import type { DeliveryProgress, MessageContent } from '../ports.ts';
import type { InteractionDeps } from './context.ts';
import type { Plan, PlanStep, PlanThread } from './plan.ts';
import { runPeerOp } from '../peer/run-op.ts';
import { waitForTurn } from './thread-turn.ts';

/**
 * Performs a stored plan's steps that are not yet recorded as done, in order, recording
 * each. Safe to run any number of times for the same plan:
 * - posts: `<step>#attempted` is written before the call; a re-run that finds it (but no
 *   result) asks the sender to look for the post on the platform before posting again;
 * - ephemeral and response_url replies cannot be read back: they are recorded right after
 *   the call, so a crash in between re-sends one private message (the only duplicate left);
 * - sessions are created with NX, ticks have deterministic job ids, history is keyed by
 *   the answer id, reactions are idempotent.
 *
 * Records are batched: a step's record, and the Redis-only steps (a session to create, a
 * history entry) with theirs, wait in memory and are written in one atomic batch (WriteBatch) just before the
 * next call that reaches outside Redis (a post, a reaction, a timer, another store), and at
 * the end. Each effect is still recorded before anything that follows it can be seen, so a
 * re-run resumes exactly as before; only the number of round trips drops.
 */
const ATTEMPTED = '#attempted';
const NOTHING_TO_FLUSH: Promise<void> = Promise.resolve();

export interface RunPlanOptions {
  /** The plan's progress when the caller already read it (with the job's claim); read here otherwise. */
  progress?: ReadonlyMap<string, string>;
  /**
   * Once every step is done, replace the stored plan with an empty one and drop its
   * progress, in the last write: a re-run then finds nothing left to do, as before, but
   * Redis no longer holds the plan's messages for the rest of its TTL. Only for callers that
   * read nothing else from a finished plan.
   */
  compactWhenDone?: boolean;
  /**
   * Progress this job stored itself, with the plan it has just created (firstPostMark): a
   * post whose `#attempted` mark is here has not been tried yet, so it goes out without a
   * search for an earlier copy, and its mark is not written again.
   */
  storedWithPlan?: ReadonlyMap<string, string>;
}

/**
 * The attempt mark of a new plan's first step when that step is a post, to be stored with
 * the plan (OutboxStore.create). Written a moment earlier than runPlan would write it, which
 * only widens the window a later verification searches.
 */
export function firstPostMark(steps: readonly PlanStep[], now: number): [string, string][] {
  const first = steps[0];
  return first?.kind === 'post' ? [[first.key + ATTEMPTED, String(now)]] : [];
}

export async function runPlan(plan: Plan, deps: InteractionDeps, options: RunPlanOptions = {}): Promise<void> {
  const { outbox, sessions, history } = deps.stores;
  const { workspaceId, eventKey, platform } = plan;
  // Public posts in a session's thread go out in the order their plans were committed.
  if (plan.orderedIn) await waitForTurn(plan, deps);
  const progress = options.progress ? new Map(options.progress) : await outbox.progress(workspaceId, eventKey);
  const storedWithPlan = options.storedWithPlan ?? new Map<string, string>();
  for (const [field, value] of storedWithPlan) progress.set(field, value);
  const pendingFields: [string, string][] = [];
  const pendingWrites: ((batch: WriteBatch) => void)[] = [];
  const note = (field: string, value: string): void => {
    progress.set(field, value);
    pendingFields.push([field, value]);
  };
  /** Writes what waits; called before anything outside Redis and at the end. */
  const flush = (): Promise<void> => {
    // Not `async`: most calls find nothing waiting (a new plan's first mark was stored with
    // it), and then hand back one settled promise instead of making one per call.
    if (pendingFields.length === 0 && pendingWrites.length === 0) return NOTHING_TO_FLUSH;
    return outbox.recordAll(workspaceId, eventKey, pendingFields.splice(0), pendingWrites.splice(0));
  };
  const threadTs = (thread: PlanThread | undefined): string | undefined => {
    if (!thread) return undefined;
    if ('ts' in thread) return thread.ts;
    const ts = progress.get(thread.rootOf);
    if (!ts) throw new Error(`plan step refers to "${thread.rootOf}", which has not been posted`);
    return ts;
  };
  const sessionIdOf = (channelId: string, ts: string): string => encodeThreadId({ platform, workspace: workspaceId, channel: channelId, thread: ts });
  /** Messages inside a session's thread carry its id, so their buttons can name it. */
  const withSession = (content: MessageContent, channelId: string, ts: string | undefined): MessageContent =>
    content.sessionId || !ts ? content : { ...content, sessionId: sessionIdOf(channelId, ts) };
  const deliveryOf = (step: PlanStep, verify: boolean, attemptedAt?: number): DeliveryProgress => {
    const delivered = new Map<number, string>();
    for (const [field, value] of progress) {
      const match = field.startsWith(`${step.key}#`) ? /^#(\d+)$/.exec(field.slice(step.key.length)) : null;
      if (match) delivered.set(Number(match[1]), value);
    }
    return {
      idempotencyKey: `${eventKey}/${step.key}`,
      delivered,
      verify,
      ...(attemptedAt ? { attemptedAt } : {}),
      // The last part's record can wait for the step's own, which follows at once.
      onDelivered: (part, messageId, last) => {
        note(`${step.key}#${part}`, messageId);
        return last ? NOTHING_TO_FLUSH : flush();
      },
    };
  };

  try {
    await runSteps();
  } catch (error) {
    // Steps done before the failure stay recorded, so the retry does not repeat them.
    try {
      await flush();
    } catch (flushError) {
      deps.logger.warn('could not record finished steps after a failure; a retry will redo them', { error: flushError });
    }
    throw error;
  }
  // The thread's next plan may post once this one leaves the order list, which rides in
  // the plan's last write (same `{workspace}` slot as the outbox keys).
  const threadId = plan.orderedIn;
  if (options.compactWhenDone) {
    // DONE_PLAN itself says "done" to a waiter (ThreadOrder.isDone), so no `#done` field.
    if (threadId) pendingWrites.push((batch) => deps.stores.threadOrder.queueLeave(batch, threadId, workspaceId, eventKey));
    await outbox.markDone(workspaceId, eventKey, pendingWrites.splice(0));
    pendingFields.length = 0;
  } else {
    if (threadId) pendingWrites.push((batch) => deps.stores.threadOrder.queueFinish(batch, threadId, workspaceId, eventKey, 'finished'));
    await flush();
  }

  async function runSteps(): Promise<void> {
    for (const step of plan.steps) {
      if (progress.has(step.key)) continue;
      switch (step.kind) {
        case 'post': {
          const thread = threadTs(step.thread);
          const attempted = progress.get(step.key + ATTEMPTED);
          // A mark this job stored with its new plan is no sign of an earlier attempt.
          const verify = attempted !== undefined && !storedWithPlan.has(step.key + ATTEMPTED);
          if (attempted === undefined) note(step.key + ATTEMPTED, String(Date.now()));
          await flush();
          try {
            const result = await deps.sender.postMessage(
              { workspaceId, channelId: step.channelId, ...(thread ? { thread } : {}) },
              withSession(step.content, step.channelId, thread),
              deliveryOf(step, verify, Number(attempted) || undefined),
            );
            note(step.key, result.messageId);
          } catch (error) {
            // A 429 is a definite "not posted": the next run need not search for it.
            if (error instanceof RateLimitError && !verify) {
              progress.delete(step.key + ATTEMPTED);
              await outbox.forget(workspaceId, eventKey, step.key + ATTEMPTED);
            }
            throw error;
          }
          break;
        }
        case 'ephemeral': {
          const thread = threadTs(step.thread);
          await flush();
          await deps.sender.postEphemeral(
            { workspaceId, channelId: step.channelId, userId: step.userId, ...(thread ? { thread } : {}), ...(step.replyHandle ? { replyHandle: step.replyHandle } : {}) },
            withSession(step.content, step.channelId, thread),
            deliveryOf(step, false),
          );
          note(step.key, '1');
          break;
        }
        case 'respond':
          await flush();
          try {
            await deps.sender.respond(step.responseUrl, step.content, deliveryOf(step, false));
          } catch (error) {
            // An expired or refused response_url: say it in the channel instead, privately.
            if (!(error instanceof PermanentDeliveryError)) throw error;
            deps.logger.warn('response_url refused; replying ephemerally instead', { code: error.code });
            const thread = threadTs(step.fallback.thread);
            await deps.sender.postEphemeral(
              { workspaceId, channelId: step.fallback.channelId, userId: step.fallback.userId, ...(thread ? { thread } : {}) },
              step.content,
              { ...deliveryOf(step, false), delivered: new Map() },
            );
          }
          note(step.key, '1');
          break;
        case 'create-session': {
          const root = threadTs({ rootOf: step.rootOf }) as string;
          const id = sessionIdOf(step.channelId, root);
          pendingWrites.push((batch) => sessions.queueCreateIfAbsent(batch, id, { ...step.state, id }));
          // From here on, every log line of this job names the session it started.
          addLogContext({ sessionId: id });
          note(step.key, id);
          break;
        }
        case 'schedule-tick': {
          const ts = threadTs(step.thread) as string;
          // The timer's job must not find the session it acts on still waiting here.
          await flush();
          await deps.scheduleTick({ threadId: sessionIdOf(step.channelId, ts), at: step.at });
          note(step.key, '1');
          break;
        }
        case 'record-history':
          {
            // The step holds exactly the scored answer, less what the plan knows already.
            const { kind: _kind, key: _key, ...answer } = step;
            const scored = { workspaceId, ...answer };
            if (outbox.batchesAnySlot) pendingWrites.push((batch) => history.queueRecord(batch, scored));
            else {
              // A cluster: the history's `{workspace:user}` slot is not the outbox's, so its
              // own write, first (it is keyed by the answer id: a re-run counts it once).
              await flush();
              await history.record(scored);
            }
          }
          note(step.key, '1');
          break;
        case 'record-daily':
          {
            const { kind: _kind, key: _key, ...answer } = step;
            await flush();
            await deps.stores.daily.answers.record({ workspaceId, ...answer });
          }
          note(step.key, '1');
          break;
        case 'peer':
          await flush();
          note(
            step.key,
            await runPeerOp(step.op, {
              platform,
              workspaceId,
              sender: deps.sender,
              peer: deps.peer,
              scheduleTick: deps.scheduleTick,
              threadTs: (thread) => threadTs(thread) as string,
              sessionIdOf,
              progress: deliveryOf(step, false),
            }),
          );
          break;
        case 'react':
          // Best effort: a missing ✅ must never hold back feedback or cost a retry.
          await flush();
          try {
            await deps.sender.addReaction({ workspaceId, channelId: step.channelId, messageId: step.messageId }, step.reaction);
          } catch (error) {
            deps.logger.warn('reaction failed; carrying on', { error, channel: step.channelId, reaction: step.reaction });
          }
          note(step.key, '1');
          break;
      }
    }
  }
}
