import { performance } from 'node:perf_hooks';
import { isUserError } from '../../core/errors.ts';
import type { Logger } from '../../infra/logger.ts';
import { metrics } from '../../infra/metrics.ts';
import { inSpan, SpanKind } from '../../infra/tracing.ts';
import { isQueueUnavailable } from '../../queue/errors.ts';
import type { DiscordBotDeps } from './deps.ts';
import { GENERIC_ERROR_TEXT, QUEUE_UNAVAILABLE_TEXT } from './messages.ts';

export type DispatchOutcome = 'ok' | 'duplicate' | 'refused' | 'user_error' | 'queue_unavailable' | 'bug' | 'ack_failed';

/** What one handler decided: the first response (within 3 s), then any work after it. */
export interface Reaction {
  /** The interaction's first response: a reply, a deferral or a modal. */
  ack: () => Promise<unknown>;
  /** After the ack: enqueue the job. */
  work?: () => Promise<unknown>;
  /** For logs: refused without a job (permissions, a stale button). */
  refused?: boolean;
}

export interface DiscordDispatch {
  /** `command:obs-question/ask`, `button:hint`, `modal:answer`… */
  name: string;
  interactionId: string;
  /** Ids only (guild, channel, user): never text, never tokens. */
  fields: Record<string, unknown>;
  /** The response to send when deciding failed (before any ack): a private reply. */
  refuse: (text: string) => Promise<unknown>;
  /** A private note after the ack (a follow-up, or the deferred reply's content). */
  tellAfterAck: (text: string) => Promise<unknown>;
}

const SLOW_MS = 1_000;

/**
 * Every Discord interaction runs through here, like every Slack listener through its
 * dispatch: a replayed interaction is dropped before anything is sent; the ack goes first,
 * then the work; a UserError is a polite private reply, a queue outage "try again in a
 * minute", anything else a logged bug and a generic apology, never a stack trace in chat.
 * It never throws.
 */
export async function dispatchInteraction(target: DiscordDispatch, deps: DiscordBotDeps, decide: () => Reaction | Promise<Reaction>): Promise<DispatchOutcome> {
  // The trace's root: the enqueue, the job and its Discord calls are its descendants.
  return inSpan(`discord ${target.name}`, SpanKind.SERVER, { 'messaging.system': 'discord', 'obs.listener': target.name }, () => dispatchTraced(target, deps, decide));
}

async function dispatchTraced(target: DiscordDispatch, deps: DiscordBotDeps, decide: () => Reaction | Promise<Reaction>): Promise<DispatchOutcome> {
  const started = performance.now();
  const log: Logger = deps.logger.child({ listener: target.name, ...target.fields });
  const finish = (outcome: DispatchOutcome): DispatchOutcome => {
    const durationMs = Math.round((performance.now() - started) * 100) / 100;
    if (durationMs > SLOW_MS) log.warn('slow interaction handler', { outcome, durationMs });
    else log.debug('interaction handled', { outcome, durationMs });
    return outcome;
  };
  const tell = async (send: (text: string) => Promise<unknown>, text: string): Promise<void> => {
    try {
      await send(text);
    } catch (error) {
      log.warn('could not send the private reply', { error });
    }
  };
  if (!deps.dedupe.firstHere(target.interactionId)) {
    log.info('interaction seen before (a replayed dispatch); not answering again', { interaction: target.interactionId });
    return finish('duplicate');
  }
  let reaction: Reaction;
  try {
    reaction = await decide();
  } catch (error) {
    if (isUserError(error)) {
      log.info('user error', { code: error.code });
      await tell(target.refuse, error.message);
      return finish('user_error');
    }
    log.error('bug in interaction handler', { error });
    await tell(target.refuse, GENERIC_ERROR_TEXT);
    return finish('bug');
  }
  try {
    await reaction.ack();
    // `command`, `button`, `modal`…: the name's first part, a bounded label.
    metrics.ackSeconds.observe({ platform: 'discord', kind: target.name.split(':')[0] ?? 'other' }, (performance.now() - started) / 1_000);
  } catch (error) {
    // Discord already showed its own failure; doing the work now would surprise the person.
    log.error('ack failed', { error });
    return finish('ack_failed');
  }
  if (!reaction.work) return finish(reaction.refused ? 'refused' : 'ok');
  if (!(await deps.dedupe.claim(target.interactionId))) {
    log.info('another bot process already took this interaction; not enqueueing it again', { interaction: target.interactionId });
    return finish('duplicate');
  }
  try {
    await reaction.work();
    return finish('ok');
  } catch (error) {
    if (isUserError(error)) {
      log.info('user error', { code: error.code });
      await tell(target.tellAfterAck, error.message);
      return finish('user_error');
    }
    if (isQueueUnavailable(error)) {
      log.warn('queue unavailable; asked the user to try again', { error });
      await tell(target.tellAfterAck, QUEUE_UNAVAILABLE_TEXT);
      return finish('queue_unavailable');
    }
    log.error('bug in interaction handler', { error });
    await tell(target.tellAfterAck, GENERIC_ERROR_TEXT);
    return finish('bug');
  }
}
