import { addLogContext } from '../../infra/logger.ts';
import { PermanentDeliveryError, RateLimitError } from '../../core/errors.ts';
import { encodeThreadId } from '../../core/thread-id.ts';
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
 */
const ATTEMPTED = '#attempted';

export async function runPlan(plan: Plan, deps: InteractionDeps): Promise<void> {
  const { outbox, sessions, history } = deps.stores;
  const { workspaceId, eventKey, platform } = plan;
  // Public posts in a session's thread go out in the order their plans were committed.
  await waitForTurn(plan, deps);
  const progress = await outbox.progress(workspaceId, eventKey);
  const record = async (field: string, value: string): Promise<void> => {
    progress.set(field, value);
    await outbox.record(workspaceId, eventKey, field, value);
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
      onDelivered: (part, messageId) => record(`${step.key}#${part}`, messageId),
    };
  };

  for (const step of plan.steps) {
    if (progress.has(step.key)) continue;
    switch (step.kind) {
      case 'post': {
        const thread = threadTs(step.thread);
        const attempted = progress.get(step.key + ATTEMPTED);
        const verify = attempted !== undefined;
        if (!verify) await record(step.key + ATTEMPTED, String(Date.now()));
        try {
          const result = await deps.sender.postMessage(
            { workspaceId, channelId: step.channelId, ...(thread ? { thread } : {}) },
            withSession(step.content, step.channelId, thread),
            deliveryOf(step, verify, Number(attempted) || undefined),
          );
          await record(step.key, result.messageId);
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
        await deps.sender.postEphemeral(
          { workspaceId, channelId: step.channelId, userId: step.userId, ...(thread ? { thread } : {}), ...(step.replyHandle ? { replyHandle: step.replyHandle } : {}) },
          withSession(step.content, step.channelId, thread),
          deliveryOf(step, false),
        );
        await record(step.key, '1');
        break;
      }
      case 'respond':
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
        await record(step.key, '1');
        break;
      case 'create-session': {
        const root = threadTs({ rootOf: step.rootOf }) as string;
        const id = sessionIdOf(step.channelId, root);
        await sessions.createIfAbsent(id, { ...step.state, id });
        // From here on, every log line of this job names the session it started.
        addLogContext({ sessionId: id });
        await record(step.key, id);
        break;
      }
      case 'schedule-tick': {
        const ts = threadTs(step.thread) as string;
        await deps.scheduleTick({ threadId: sessionIdOf(step.channelId, ts), at: step.at });
        await record(step.key, '1');
        break;
      }
      case 'record-history':
        {
          // The step holds exactly the scored answer, less what the plan knows already.
          const { kind: _kind, key: _key, ...answer } = step;
          await history.record({ workspaceId, ...answer });
        }
        await record(step.key, '1');
        break;
      case 'record-daily':
        {
          const { kind: _kind, key: _key, ...answer } = step;
          await deps.stores.daily.answers.record({ workspaceId, ...answer });
        }
        await record(step.key, '1');
        break;
      case 'peer':
        await record(
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
        try {
          await deps.sender.addReaction({ workspaceId, channelId: step.channelId, messageId: step.messageId }, step.reaction);
        } catch (error) {
          deps.logger.warn('reaction failed; carrying on', { error, channel: step.channelId, reaction: step.reaction });
        }
        await record(step.key, '1');
        break;
    }
  }
  if (plan.orderedIn) await deps.stores.threadOrder.finish(plan.orderedIn, workspaceId, eventKey, 'finished');
}
