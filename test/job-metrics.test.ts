import { Queue, UnrecoverableError, Worker } from 'bullmq';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { COMMAND_REPLY_BUCKETS, DAILY_DELAY_BUCKETS, JOB_BUCKETS, metrics, recordDailyPost, registry } from '../src/infra/metrics.ts';
import { instrumentWorker } from '../workers/job-metrics.ts';
import { testRedis, uniquePrefix } from './helpers/redis.ts';

const connection = testRedis();
const prefix = uniquePrefix('jobmetrics');
const QUEUE = 'interactions';
const queue = new Queue(QUEUE, { connection, prefix });
const worker = new Worker(
  QUEUE,
  async (job) => {
    if (job.name === 'broken') throw new UnrecoverableError('cannot be done');
    if (job.name === 'flaky') throw new Error('try again');
    return { outcome: 'replied' };
  },
  { connection: testRedis(), prefix },
);
instrumentWorker(worker, QUEUE);

afterAll(async () => {
  await worker.close();
  await queue.close();
  connection.disconnect();
});

async function value(metric: { get(): Promise<{ values: { value: number; labels: Partial<Record<string, string | number>>; metricName?: string }[] }> }, labels: Record<string, string>, metricName?: string): Promise<number> {
  const { values } = await metric.get();
  const found = values.find((entry) => (!metricName || entry.metricName === metricName) && Object.entries(labels).every(([key, wanted]) => String(entry.labels[key]) === wanted));
  return found?.value ?? 0;
}

describe('job metrics from a real BullMQ worker', () => {
  it('counts outcomes by queue, times wait and run, and records the command SLO events', async () => {
    const command = { kind: 'command', platform: 'slack', workspaceId: 'T1', channelId: 'C1', userId: 'U1', dedupeKey: 'trig.1', receivedAt: Date.now() - 1_000, text: 'topics' };
    await queue.add('command', command);
    await queue.add('broken', { ...command, dedupeKey: 'trig.2' }, { attempts: 3 });
    await queue.add('flaky', { kind: 'tick' }, { attempts: 2, backoff: { type: 'fixed', delay: 10 } });

    await vi.waitFor(
      async () => {
        expect(await value(metrics.jobs, { queue: QUEUE, outcome: 'completed' })).toBe(1);
        expect(await value(metrics.jobs, { queue: QUEUE, outcome: 'failed' })).toBe(2);
        expect(await value(metrics.jobs, { queue: QUEUE, outcome: 'retried' })).toBe(1);
      },
      { timeout: 10_000, interval: 50 },
    );
    // The command took about a second from its arrival: inside the 5 s bucket, above 0.5 s.
    expect(await value(metrics.commandReplySeconds, { platform: 'slack', le: '5' }, 'obsbot_command_reply_seconds_bucket')).toBe(1);
    expect(await value(metrics.commandReplySeconds, { platform: 'slack', le: '0.5' }, 'obsbot_command_reply_seconds_bucket')).toBe(0);
    // The unrecoverable command is a failure for good on its first attempt; the tick is no command.
    expect(await value(metrics.commandFailures, { platform: 'slack' })).toBe(1);
    expect(await value(metrics.jobWaitSeconds, { queue: QUEUE }, 'obsbot_job_wait_seconds_count')).toBe(1);
    expect(await value(metrics.jobRunSeconds, { queue: QUEUE }, 'obsbot_job_run_seconds_count')).toBe(4);
  });

  it('never labels a series with a user, channel or team id', async () => {
    const text = await registry.metrics();
    for (const id of ['"T1"', '"C1"', '"U1"', 'trig.1']) expect(text).not.toContain(id);
  });
});

describe('daily posts and SLO buckets', () => {
  it('counts daily posts on time (≤120 s), late and missed, and times the posted ones', async () => {
    recordDailyPost(30_000);
    recordDailyPost(120_000);
    recordDailyPost(121_000);
    recordDailyPost(undefined);
    expect(await value(metrics.dailyPosts, { outcome: 'on_time' })).toBe(2);
    expect(await value(metrics.dailyPosts, { outcome: 'late' })).toBe(1);
    expect(await value(metrics.dailyPosts, { outcome: 'missed' })).toBe(1);
    expect(await value(metrics.dailyPostDelaySeconds, { le: '120' }, 'obsbot_daily_post_delay_seconds_bucket')).toBe(2);
    expect(await value(metrics.dailyPostDelaySeconds, {}, 'obsbot_daily_post_delay_seconds_count')).toBe(3);
  });

  it('has buckets exactly at the SLO thresholds, so the SLIs are bucket reads', () => {
    expect(COMMAND_REPLY_BUCKETS).toContain(5);
    expect(DAILY_DELAY_BUCKETS).toContain(120);
    expect(JOB_BUCKETS).toEqual(expect.arrayContaining([5, 120]));
  });
});
