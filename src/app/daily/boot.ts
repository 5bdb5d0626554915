import { recoverToday } from '../../core/schedule/boot-recovery.ts';
import type { DailySchedule } from '../../core/schedule/daily-schedule.ts';
import { decideScheduledPost } from '../../core/schedule/post-decision.ts';
import { localDateOf } from '../../core/schedule/zoned-time.ts';
import type { DailyDeps } from './deps.ts';

/**
 * Run at every worker boot. Redis (the schedule store) is the source of truth; BullMQ's job
 * schedulers are derived from it, and a flushed or restored Redis may have lost them. So:
 *
 * - every enabled schedule is upserted again (a disabled one's scheduler removed). An upsert
 *   replaces the scheduler's pending job with the next run computed from now; a pending run
 *   whose local day is already over is logged as skipped first (it will never run);
 * - then `recoverToday` says whether today's run needs help: `post-now` when its time has
 *   passed and today's claim is still free (everything was down at the posting minute, or
 *   the upsert just replaced an overdue job), `schedule-once` when cron-parser would skip
 *   today's run (a DST corner). Both become a one-off run with a deterministic job id, which
 *   goes through the same decision and claim as any run: if it did post, nothing happens.
 *
 * Two workers booting together do the same thing twice, harmlessly.
 */
export interface BootReport {
  schedules: number;
  enabled: number;
  recovered: number;
  scheduledOnce: number;
  /** Runs whose day ended while nothing ran: skipped and logged. */
  missed: number;
  invalid: number;
  failed: number;
}

const PARALLEL = 16;

export async function syncDailySchedules(deps: DailyDeps): Promise<BootReport> {
  const { stores, logger } = deps.interaction;
  const log = logger.child({ task: 'daily-boot' });
  const report: BootReport = { schedules: 0, enabled: 0, recovered: 0, scheduledOnce: 0, missed: 0, invalid: 0, failed: 0 };
  const onInvalid = (channelKey: string, error: unknown): void => {
    report.invalid += 1;
    log.error('stored daily schedule is unreadable; skipping it', { channelKey, error });
  };

  /**
   * The upsert below replaces the scheduler's pending job, even an overdue one that never
   * ran (everything was down). If that run's day is already over, this is the only place it
   * can still be reported: skipped and logged, like a late job would be.
   */
  const noteMissedRun = async (schedule: DailySchedule): Promise<void> => {
    if (!schedule.enabled) return;
    const pending = await deps.scheduling.pendingRun(schedule.channelKey);
    const now = new Date(deps.interaction.now());
    if (pending === undefined || pending > now.getTime()) return;
    const decision = decideScheduledPost(schedule, new Date(pending), now);
    if (decision.action === 'skip' && decision.reason === 'day_over') {
      report.missed += 1;
      log.warn('daily question not posted: skipped', { channelKey: schedule.channelKey, reason: decision.reason, detail: decision.detail, localDate: decision.localDate });
    }
  };

  const syncOne = async (schedule: DailySchedule): Promise<void> => {
    report.schedules += 1;
    try {
      await noteMissedRun(schedule);
      await deps.scheduling.apply(schedule);
      if (!schedule.enabled) return;
      report.enabled += 1;
      const now = new Date(deps.interaction.now());
      const action = recoverToday(schedule, now);
      if (action.action === 'post-now') {
        // Already claimed means today's question is out (or going out): nothing to add.
        if (await stores.daily.posts.ownerOf(action.decision.idempotencyKey)) return;
        await deps.scheduling.runOnce({ channelKey: schedule.channelKey, scheduledAt: action.decision.scheduledAt.getTime() }, action.decision.localDate, 0);
        report.recovered += 1;
        log.info('today’s daily question may have been missed; posting it now if it was', { channelKey: schedule.channelKey, localDate: action.decision.localDate, lateByMs: action.decision.lateByMs });
      } else if (action.action === 'schedule-once') {
        await deps.scheduling.runOnce({ channelKey: schedule.channelKey, scheduledAt: action.runAt.getTime() }, localDateOf(action.runAt, schedule.timezone), action.runAt.getTime() - now.getTime());
        report.scheduledOnce += 1;
        log.info('the job scheduler would skip today’s run (DST); added a one-off run', { channelKey: schedule.channelKey, runAt: action.runAt.toISOString() });
      }
    } catch (error) {
      // One channel's failure must not stop the others; the next boot tries again.
      report.failed += 1;
      log.error('could not sync a channel’s daily schedule', { channelKey: schedule.channelKey, error });
    }
  };

  for await (const batch of stores.daily.schedules.batches(onInvalid)) {
    for (let index = 0; index < batch.length; index += PARALLEL) await Promise.all(batch.slice(index, index + PARALLEL).map(syncOne));
  }
  log.info('daily schedules synced', { ...report });
  return report;
}
