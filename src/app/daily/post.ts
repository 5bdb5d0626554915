import { isUserError, PermanentDeliveryError } from '../../core/errors.ts';
import { revealAt } from '../../core/schedule/post-decision.ts';
import { recordDailyPost } from '../../infra/metrics.ts';
import type { DailyPostJob } from '../../queue/daily-jobs.ts';
import { submitPlan } from '../interactions/commit.ts';
import type { JobContext } from '../interactions/context.ts';
import { parsePlan, type Plan } from '../interactions/plan.ts';
import { runPlan } from '../interactions/run-plan.ts';
import { parseChannelKey } from './channel-key.ts';
import { dailyChoiceFor } from './choose.ts';
import { decideRun } from './decide.ts';
import type { DailyDeps } from './deps.ts';
import { dailyPostSteps } from './post-steps.ts';
import { settingsFor } from './settings.ts';

/**
 * Posting a channel's daily question: at most once per channel and local date, whatever
 * happens around it.
 *
 * 1. Decide (core): the run's local date, or a logged skip (off, not a scheduled day or
 *    time, the day already over).
 * 2. Claim `daily:<channelKey>:<date>` for this job (SET NX). Another job for the same day
 *    (a second worker's, a boot recovery, `daily now`, a stale run after a schedule change,
 *    the second 01:30 of a fall-back night) finds it taken and posts nothing. The same job
 *    re-run after a crash finds its own claim and carries on.
 * 3. The post goes through the outbox like any question: the plan (keyed by the claim key)
 *    is stored before anything is sent, and a re-run that finds an unconfirmed post looks
 *    for it on the platform (message metadata) before posting again. So a worker killed
 *    after Slack accepted the post but before the job completed does not post twice.
 * 4. Then, idempotently: the day's record (thread, question, reveal time), the cycle and
 *    topic counts, and the reveal job (deterministic id).
 */
export interface DailyPostRun {
  /** The BullMQ job id: the claim's owner, the same on every re-run of this job. */
  jobId: string;
  job: DailyPostJob;
  /** `job.opts.prevMillis`: the scheduled instant of a job made by the channel's job scheduler. */
  prevMillis?: number;
}

export type DailyPostOutcome =
  | { outcome: 'posted'; localDate: string; threadTs: string; resumed: boolean }
  | { outcome: 'duplicate'; localDate: string; owner?: string }
  | { outcome: 'skipped'; reason: string; detail: string; localDate?: string };

function sessionOf(plan: Plan): { questionId: string; revealAt: number } {
  for (const step of plan.steps) {
    if (step.kind === 'create-session' && step.state.daily) return { questionId: step.state.questionId, revealAt: step.state.daily.revealAt };
  }
  throw new Error(`daily plan ${plan.eventKey} has no daily session step`);
}

export async function runDailyPost(run: DailyPostRun, deps: DailyDeps): Promise<DailyPostOutcome> {
  const { interaction } = deps;
  const { stores } = interaction;
  const { channelKey } = run.job;
  const log = interaction.logger.child({ channelKey, jobId: run.jobId });
  const now = new Date(interaction.now());
  const schedule = await stores.daily.schedules.get(channelKey);
  const decision = decideRun(run.job, run.prevMillis, schedule, now, deps.defaultTimezone);
  if (decision.action === 'skip') {
    const fields = { reason: decision.reason, detail: decision.detail, localDate: decision.localDate };
    // A missed day is what an operator wants to hear about; the rest are expected.
    if (decision.reason === 'day_over' || decision.reason === 'no_instant') {
      log.warn('daily question not posted: skipped', fields);
      // The daily-post SLO's bad event; `daily now` requests are not scheduled posts.
      if (!run.job.manual) recordDailyPost(undefined);
    } else log.info('daily run skipped', fields);
    return { outcome: 'skipped', reason: decision.reason, detail: decision.detail, ...(decision.localDate ? { localDate: decision.localDate } : {}) };
  }
  const { localDate, idempotencyKey } = decision;
  const claim = await stores.daily.posts.claim(idempotencyKey, run.jobId);
  if (claim === 'duplicate') {
    const owner = await stores.daily.posts.ownerOf(idempotencyKey);
    log.info('daily question already posted (or being posted) for this day; not posting again', { localDate, owner });
    return { outcome: 'duplicate', localDate, ...(owner ? { owner } : {}) };
  }

  const ref = parseChannelKey(channelKey);
  const ctx: JobContext = { deps: interaction, platform: ref.platform, workspaceId: ref.workspaceId, eventKey: idempotencyKey, log };
  const stored = await stores.outbox.get(ref.workspaceId, idempotencyKey);
  let plan: Plan;
  try {
    if (stored) {
      plan = parsePlan(stored, interaction.bank);
    } else {
      const settings = settingsFor(schedule, deps.defaultTimezone);
      const { question } = await dailyChoiceFor(stores.daily, interaction.bank, { channelKey, localDate, topics: settings.topics });
      const steps = dailyPostSteps(ctx, {
        question,
        channelId: ref.channelId,
        channelKey,
        localDate,
        timezone: settings.timezone,
        revealAt: revealAt(now, settings).getTime(),
      });
      plan = await submitPlan(ctx, steps);
    }
    await runPlan(plan, interaction);
  } catch (error) {
    // Nothing went out for good (no questions on the topics, the bot not in the channel):
    // free the day, so `daily now` can post once the cause is fixed.
    if ((error instanceof PermanentDeliveryError || isUserError(error)) && (await stores.daily.posts.release(idempotencyKey, run.jobId))) {
      log.info('released the day’s claim after a failure that retrying will not fix', { localDate, code: error.code });
    }
    throw error;
  }

  const progress = await stores.outbox.progress(ref.workspaceId, idempotencyKey);
  const threadTs = progress.get('root');
  const sessionId = progress.get('session');
  if (!threadTs || !sessionId) throw new Error(`daily plan ${idempotencyKey} ran without recording its root and session`);
  const session = sessionOf(plan);
  await stores.daily.posts.record(channelKey, localDate, { threadTs, sessionId, questionId: session.questionId, postedAt: now.getTime(), revealAt: session.revealAt });
  const choice = await stores.daily.channels.choiceFor(channelKey, localDate);
  if (choice) await stores.daily.channels.applyAsked(channelKey, localDate, choice);
  await deps.scheduling.revealLater({ channelKey, localDate }, session.revealAt - now.getTime());
  log.info('daily question posted', { localDate, questionId: session.questionId, lateByMs: decision.lateByMs, resumed: stored !== undefined });
  // Lateness when the post went out (the decision's, plus the time posting took).
  if (!run.job.manual) recordDailyPost(decision.lateByMs + Math.max(0, interaction.now() - now.getTime()));
  return { outcome: 'posted', localDate, threadTs, resumed: stored !== undefined };
}

/**
 * After a run's last attempt failed: gives up the day's claim if this job holds it, so the
 * channel is not told "being posted" all day and `daily now` can try again. A part that did
 * go out is found by the next run's plan, so releasing never causes a second post.
 */
export async function releaseFailedRun(run: DailyPostRun, deps: DailyDeps): Promise<boolean> {
  const { stores, now } = deps.interaction;
  const schedule = await stores.daily.schedules.get(run.job.channelKey);
  const decision = decideRun(run.job, run.prevMillis, schedule, new Date(now()), deps.defaultTimezone);
  // Its last attempt failed: the scheduled question missed its time (the SLO's bad event).
  if (decision.action === 'post' && !run.job.manual) recordDailyPost(undefined);
  return decision.action === 'post' && stores.daily.posts.release(decision.idempotencyKey, run.jobId);
}
