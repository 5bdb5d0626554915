import type { JobsOptions, Queue } from 'bullmq';
import type { DailyNowRequest, DailyRun, DailyScheduling } from '../app/daily/scheduling.ts';
import { oneOffJobIdFor } from '../core/schedule/boot-recovery.ts';
import { cronPatternFor, schedulerIdFor, type DailySchedule } from '../core/schedule/daily-schedule.ts';
import { DAILY_POST_JOB, DAILY_REVEAL_JOB, nowJobIdFor, revealJobIdFor, type DailyPostJob, type DailyRevealJob } from './daily-jobs.ts';

/**
 * DailyScheduling over BullMQ job schedulers: one per channel (`schedulerIdFor`), with the
 * cron pattern in the channel's own zone (`tz`), never the server's. BullMQ computes each
 * next run with cron-parser in that zone; the wall time stays put across DST changes.
 *
 * Finished jobs are kept two days: their ids keep deduplicating one-off runs and reveals
 * for as long as a day's jobs can come round again. The once-a-day claim is the real guard.
 */
export const DAILY_JOB_OPTIONS: JobsOptions = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 2_000 },
  removeOnComplete: { age: 2 * 86_400 },
  removeOnFail: { age: 7 * 86_400 },
};

export function createDailyScheduling(queue: Queue, jobOptions: JobsOptions = DAILY_JOB_OPTIONS): DailyScheduling {
  return {
    async apply(schedule: DailySchedule) {
      const id = schedulerIdFor(schedule.channelKey);
      if (!schedule.enabled) {
        await queue.removeJobScheduler(id);
        return;
      }
      const data: DailyPostJob = { kind: DAILY_POST_JOB, channelKey: schedule.channelKey };
      await queue.upsertJobScheduler(id, { pattern: cronPatternFor(schedule), tz: schedule.timezone }, { name: DAILY_POST_JOB, data, opts: jobOptions });
    },
    async pendingRun(channelKey: string) {
      return (await queue.getJobScheduler(schedulerIdFor(channelKey)))?.next ?? undefined;
    },
    async runOnce(run: DailyRun, localDate: string, delayMs: number) {
      const jobId = oneOffJobIdFor(run.channelKey, localDate);
      // The id dedupes two workers booting together; a run that already failed for good is
      // replaced, so the next boot may try again (its claim was released).
      const existing = await queue.getJob(jobId);
      if (existing && (await existing.getState()) === 'failed') await existing.remove();
      const data: DailyPostJob = { kind: DAILY_POST_JOB, channelKey: run.channelKey, scheduledAt: run.scheduledAt };
      await queue.add(DAILY_POST_JOB, data, { ...jobOptions, jobId, delay: Math.max(0, delayMs) });
    },
    async postNow(request: DailyNowRequest) {
      const data: DailyPostJob = {
        kind: DAILY_POST_JOB,
        channelKey: request.channelKey,
        manual: { localDate: request.localDate, requestedBy: request.requestedBy, requestedAt: request.requestedAt },
      };
      await queue.add(DAILY_POST_JOB, data, { ...jobOptions, jobId: nowJobIdFor(request.channelKey, request.localDate, request.requestId) });
    },
    async revealLater(reveal, delayMs) {
      const data: DailyRevealJob = { kind: DAILY_REVEAL_JOB, channelKey: reveal.channelKey, localDate: reveal.localDate };
      await queue.add(DAILY_REVEAL_JOB, data, { ...jobOptions, jobId: revealJobIdFor(reveal.channelKey, reveal.localDate), delay: Math.max(0, delayMs) });
    },
  };
}
