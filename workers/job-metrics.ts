import type { Job, Worker } from 'bullmq';
import { metrics } from '../src/infra/metrics.ts';

/** BullMQ's marker for a job moved back to waiting by a rate limit (no attempt spent). */
const RATE_LIMITED = 'bullmq:rateLimitExceeded';

function seconds(fromMs: number | undefined, toMs: number | undefined): number | undefined {
  if (fromMs === undefined || toMs === undefined) return undefined;
  return Math.max(0, toMs - fromMs) / 1_000;
}

/** When a job could first run: when it was queued, or when its delay ended. */
function dueAt(job: Job): number {
  return job.timestamp + (job.delay ?? 0);
}

function isFinalFailure(job: Job, error: Error): boolean {
  return error.name === 'UnrecoverableError' || job.attemptsMade >= (job.opts.attempts ?? 1);
}

interface CommandData {
  kind?: unknown;
  platform?: unknown;
  receivedAt?: unknown;
}

function commandPlatform(job: Job): string | undefined {
  const data = job.data as CommandData;
  return data.kind === 'command' && (data.platform === 'slack' || data.platform === 'discord') ? data.platform : undefined;
}

/**
 * Job metrics from a BullMQ worker's own events, so processors stay free of them: outcome
 * counts by queue, wait and run time, and for command jobs the command SLO's events (time
 * from the command's arrival to its job finishing, or a failure for good).
 */
export function instrumentWorker(worker: Worker, queue: string): void {
  worker.on('completed', (job: Job, result: unknown) => {
    metrics.jobs.inc({ queue, outcome: 'completed' });
    const wait = seconds(dueAt(job), job.processedOn);
    if (wait !== undefined) metrics.jobWaitSeconds.observe({ queue }, wait);
    const run = seconds(job.processedOn, job.finishedOn ?? Date.now());
    if (run !== undefined) metrics.jobRunSeconds.observe({ queue }, run);
    const platform = commandPlatform(job);
    // A duplicate was answered by the job that claimed the event first; counting it again would double it.
    const duplicate = (result as { outcome?: unknown } | undefined)?.outcome === 'duplicate';
    const receivedAt = (job.data as CommandData).receivedAt;
    if (platform && !duplicate && typeof receivedAt === 'number') {
      metrics.commandReplySeconds.observe({ platform }, Math.max(0, (job.finishedOn ?? Date.now()) - receivedAt) / 1_000);
    }
  });
  worker.on('failed', (job: Job | undefined, error: Error) => {
    if (error.message === RATE_LIMITED) {
      metrics.jobs.inc({ queue, outcome: 'rate_limited' });
      return;
    }
    if (!job) return;
    const final = isFinalFailure(job, error);
    metrics.jobs.inc({ queue, outcome: final ? 'failed' : 'retried' });
    const run = seconds(job.processedOn, job.finishedOn ?? Date.now());
    if (run !== undefined) metrics.jobRunSeconds.observe({ queue }, run);
    const platform = commandPlatform(job);
    if (final && platform) metrics.commandFailures.inc({ platform });
  });
}
