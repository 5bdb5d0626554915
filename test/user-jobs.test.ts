import { Queue, UnrecoverableError, Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DailyPostJob } from '../src/queue/daily-jobs.ts';
import type { CommandJob, TickJob } from '../src/queue/jobs.ts';
import { createQueuedJobsEraser, dailyJobOf, interactionJobOf } from '../src/queue/user-jobs.ts';
import { answerJob } from './helpers/answer-job.ts';
import { keysHolding } from './helpers/redis-dump.ts';
import { testRedis, uniquePrefix } from './helpers/redis.ts';

/**
 * forget-me on the queues, with real BullMQ queues and workers in a real Redis: the
 * person's failed, completed, waiting, delayed and prioritized jobs go, on the interactions
 * and the daily queue, in every workspace of their platform; other people's jobs, their own
 * id on another platform, ticks, channel runs and a job a worker is running stay.
 */
const redis: Redis = testRedis();
const ME = 'UJOBS1';
const OTHER = 'UJOBS2';
const MY_TEXT = 'my secret answer about exemplars and tail sampling 7f3a';
const THEIR_TEXT = 'their answer about RED metrics 91bc';

let prefix: string;
let interactions: Queue;
let daily: Queue;
/** Closed after each test, in order: workers before the connections they use. */
const closers: (() => Promise<unknown>)[] = [];

/** A BullMQ-style connection of the test's own, closed after the test. */
function connection(): Redis {
  const duplicate = redis.duplicate({ maxRetriesPerRequest: null });
  closers.push(() => duplicate.quit());
  return duplicate;
}

afterAll(() => redis.quit());

function command(userId: string, text: string, id: string): CommandJob {
  return { kind: 'command', platform: 'slack', workspaceId: 'T1', channelId: 'C1', userId, dedupeKey: id, receivedAt: 1, text };
}

function dailyNow(channelKey: string, requestedBy: string): DailyPostJob {
  return { kind: 'daily-post', channelKey, manual: { localDate: '2026-12-02', requestedBy, requestedAt: 1 } };
}

async function idsOf(queue: Queue): Promise<string[]> {
  const jobs = await queue.getJobs(['active', 'completed', 'delayed', 'failed', 'prioritized', 'waiting']);
  return jobs.map((job) => job.id ?? '').sort();
}

/** Runs the jobs named `fail` to failure and the others to completion, then stops. */
async function finish(queue: Queue, jobs: { id: string; name: 'fail' | 'done'; data: object }[]): Promise<void> {
  const worker = new Worker(
    queue.name,
    async (job: Job) => {
      if (job.name === 'fail') throw new UnrecoverableError('delivery failed for good');
      return { outcome: 'handled' };
    },
    { connection: connection(), prefix },
  );
  for (const job of jobs) await queue.add(job.name, job.data, { jobId: job.id, attempts: 1 });
  const expected = jobs.length;
  await expect.poll(async () => (await queue.getJobCountByTypes('completed', 'failed')), { timeout: 10_000 }).toBe(expected);
  await worker.close();
}

beforeEach(async () => {
  prefix = uniquePrefix('userjobs');
  interactions = new Queue('interactions', { connection: connection(), prefix });
  daily = new Queue('daily', { connection: connection(), prefix });
});

afterEach(async () => {
  await interactions.close();
  await daily.close();
  for (const close of closers.splice(0).reverse()) await close();
});

describe('QueuedJobsEraser', () => {
  it('removes the person’s jobs in every state no worker holds, in every workspace of the platform, and nobody else’s', async () => {
    await finish(interactions, [
      { id: 'me-failed', name: 'fail', data: answerJob(ME, MY_TEXT, { id: 'me-failed' }) },
      { id: 'me-failed-t2', name: 'fail', data: answerJob(ME, MY_TEXT, { workspaceId: 'T2', id: 'me-failed-t2' }) },
      { id: 'me-discord-failed', name: 'fail', data: answerJob(ME, MY_TEXT, { platform: 'discord', workspaceId: '900', id: 'me-discord-failed' }) },
      { id: 'other-failed', name: 'fail', data: answerJob(OTHER, THEIR_TEXT, { id: 'other-failed' }) },
      { id: 'me-completed', name: 'done', data: answerJob(ME, MY_TEXT, { id: 'me-completed' }) },
      { id: 'me-stats', name: 'done', data: command(ME, 'stats', 'me-stats') },
      { id: 'me-forget-me', name: 'done', data: command(ME, 'forget-me confirm', 'me-forget-me') },
      { id: 'other-completed', name: 'done', data: answerJob(OTHER, THEIR_TEXT, { id: 'other-completed' }) },
    ]);
    // No worker now: these stay waiting, delayed and prioritized.
    await interactions.add('answer', answerJob(ME, MY_TEXT, { id: 'me-waiting' }), { jobId: 'me-waiting' });
    await interactions.add('answer', answerJob(ME, MY_TEXT, { id: 'me-delayed' }), { jobId: 'me-delayed', delay: 3_600_000 });
    await interactions.add('answer', answerJob(ME, MY_TEXT, { id: 'me-prioritized' }), { jobId: 'me-prioritized', priority: 5 });
    await interactions.add('answer', answerJob(OTHER, THEIR_TEXT, { id: 'other-delayed' }), { jobId: 'other-delayed', delay: 3_600_000 });
    const tick: TickJob = { kind: 'tick', threadId: `slack:T1:C1:1.000001`, dedupeKey: 'tick-1' };
    await interactions.add('tick', tick, { jobId: 'tick-1', delay: 3_600_000 });
    await daily.add('daily-post', dailyNow('slack:T1:C1', ME), { jobId: 'daily-me' });
    await daily.add('daily-post', dailyNow('discord:900:C9', ME), { jobId: 'daily-me-discord' });
    await daily.add('daily-post', dailyNow('slack:T1:C1', OTHER), { jobId: 'daily-other' });
    await daily.add('daily-post', { kind: 'daily-post', channelKey: 'slack:T1:C1', scheduledAt: 1 } satisfies DailyPostJob, { jobId: 'daily-scheduled', delay: 3_600_000 });
    expect((await keysHolding(redis, `${prefix}:*`, MY_TEXT)).length).toBeGreaterThan(0);

    // Pages of two, so every state takes several pages.
    const eraser = createQueuedJobsEraser([{ queue: interactions, belongsTo: interactionJobOf }, { queue: daily, belongsTo: dailyJobOf }], 2);
    const erased = await eraser.eraseJobsOf('slack', ME);
    expect(erased.ids.sort()).toEqual(['daily:daily-me', 'interactions:me-completed', 'interactions:me-delayed', 'interactions:me-failed', 'interactions:me-failed-t2', 'interactions:me-prioritized', 'interactions:me-stats', 'interactions:me-waiting']);
    // The answers' texts, for the LLM score cache: the six answer jobs (not the command, not the daily run).
    expect(erased.answers).toEqual(Array.from({ length: 6 }, () => MY_TEXT));

    expect(await idsOf(interactions)).toEqual(['me-discord-failed', 'me-forget-me', 'other-completed', 'other-delayed', 'other-failed', 'tick-1']);
    expect(await idsOf(daily)).toEqual(['daily-me-discord', 'daily-other', 'daily-scheduled']);
    // Their answer is held only by their job on the other platform, which is another person to us.
    expect(await keysHolding(redis, `${prefix}:*`, MY_TEXT)).toEqual([`${prefix}:interactions:me-discord-failed`]);
    expect((await keysHolding(redis, `${prefix}:*`, THEIR_TEXT)).length).toBeGreaterThan(0);
    // Idempotent.
    expect(await eraser.eraseJobsOf('slack', ME)).toEqual({ ids: [], answers: [] });
  });

  it('leaves a job a worker is running alone, and counts it as running (but not the forget-me request itself)', async () => {
    let release: () => void = () => undefined;
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    const worker = new Worker('interactions', () => released.then(() => ({ outcome: 'handled' })), { connection: connection(), prefix, concurrency: 3 });
    closers.push(() => worker.close());
    await interactions.add('answer', answerJob(ME, MY_TEXT, { id: 'me-active' }), { jobId: 'me-active' });
    await interactions.add('command', command(ME, 'forget-me confirm', 'me-forget-me'), { jobId: 'me-forget-me' });
    await interactions.add('answer', answerJob(OTHER, THEIR_TEXT, { id: 'other-active' }), { jobId: 'other-active' });
    await expect.poll(async () => (await interactions.getJobCountByTypes('active')), { timeout: 10_000 }).toBe(3);

    const eraser = createQueuedJobsEraser([{ queue: interactions, belongsTo: interactionJobOf }]);
    expect(await eraser.runningJobsOf('slack', ME)).toBe(1);
    expect(await eraser.runningJobsOf('discord', ME)).toBe(0);
    expect(await eraser.eraseJobsOf('slack', ME)).toEqual({ ids: [], answers: [] });
    expect(await (await interactions.getJob('me-active'))?.getState()).toBe('active');
    release();
    await expect.poll(async () => (await interactions.getJob('me-active'))?.getState(), { timeout: 10_000 }).toBe('completed');
    expect(await eraser.runningJobsOf('slack', ME)).toBe(0);
    // Finished, it is found by forget-me's second pass.
    expect(await eraser.eraseJobsOf('slack', ME)).toEqual({ ids: ['interactions:me-active'], answers: [MY_TEXT] });
  });
});
