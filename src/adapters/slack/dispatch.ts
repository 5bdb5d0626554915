import { performance } from 'node:perf_hooks';
import { isUserError } from '../../core/errors.ts';
import type { Logger } from '../../infra/logger.ts';
import { metrics } from '../../infra/metrics.ts';
import { inSpan, SpanKind } from '../../infra/tracing.ts';
import { isQueueUnavailable } from '../../queue/errors.ts';
import { GENERIC_ERROR_TEXT, QUEUE_UNAVAILABLE_TEXT } from './messages.ts';

export type DispatchOutcome = 'ok' | 'user_error' | 'queue_unavailable' | 'bug' | 'ack_failed';

export interface Dispatch {
  /** For logs and timings: `command:/obs-question`, `event:thread-message`, `action:hint`. */
  name: string;
  logger: Logger;
  /** Ids only (team, channel, user): never text, never tokens. */
  fields?: Record<string, unknown>;
  /** Sends the acknowledgement, whatever the listener decided it carries. Runs first. */
  ack: () => Promise<void>;
  /** Tells the person privately after the ack (response_url or postEphemeral). */
  replyPrivately: (text: string) => Promise<void>;
}

/** Slack's budget is 3 s to ack; the handler after the ack should take a few milliseconds. */
const SLOW_MS = 1_000;

async function tell(dispatch: Dispatch, text: string, log: Logger): Promise<void> {
  try {
    await dispatch.replyPrivately(text);
  } catch (error) {
    // Nothing else to tell them through; the original problem is already logged.
    log.warn('could not send the private reply', { error });
  }
}

/**
 * Every Slack listener runs through here, so every one acks first, times itself and routes
 * errors the same way:
 * - a UserError is the person's mistake: its message goes back to them, politely and privately;
 * - QueueUnavailableError means Redis is down: "try again in a minute", logged as a warning;
 * - anything else is a bug: logged with its code and message (redacted, never a stack trace
 *   in chat) and the person gets a generic apology.
 * It never throws, so Bolt's own error path (which logs whole payloads) is never reached.
 */
export async function dispatch(target: Dispatch, handler: () => Promise<void>): Promise<DispatchOutcome> {
  // The trace's root: the enqueue below, the job and its platform calls are its descendants.
  return inSpan(`slack ${target.name}`, SpanKind.SERVER, { 'messaging.system': 'slack', 'obs.listener': target.name }, () => dispatchTraced(target, handler));
}

async function dispatchTraced(target: Dispatch, handler: () => Promise<void>): Promise<DispatchOutcome> {
  const started = performance.now();
  const log = target.logger.child({ listener: target.name, ...target.fields });
  const finish = (outcome: DispatchOutcome): DispatchOutcome => {
    const durationMs = Math.round((performance.now() - started) * 100) / 100;
    if (durationMs > SLOW_MS) log.warn('slow listener', { outcome, durationMs });
    else log.debug('listener done', { outcome, durationMs });
    return outcome;
  };
  try {
    await target.ack();
    // `command`, `action` or `event`: the name's first part, a bounded label.
    metrics.ackSeconds.observe({ platform: 'slack', kind: target.name.split(':')[0] ?? 'other' }, (performance.now() - started) / 1_000);
  } catch (error) {
    // The person already saw Slack's own failure message; doing the work now would
    // surprise them, and a retry from them would then do it twice.
    log.error('ack failed', { error });
    return finish('ack_failed');
  }
  try {
    await handler();
    return finish('ok');
  } catch (error) {
    if (isUserError(error)) {
      log.info('user error', { code: error.code });
      await tell(target, error.message, log);
      return finish('user_error');
    }
    if (isQueueUnavailable(error)) {
      log.warn('queue unavailable; asked the user to try again', { error });
      await tell(target, QUEUE_UNAVAILABLE_TEXT, log);
      return finish('queue_unavailable');
    }
    log.error('bug in listener', { error });
    await tell(target, GENERIC_ERROR_TEXT, log);
    return finish('bug');
  }
}
