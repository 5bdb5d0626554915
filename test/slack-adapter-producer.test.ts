import type { ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { createLogger, setLogSink } from '../src/infra/logger.ts';
import type { CommandJob, InteractionJob } from '../src/queue/jobs.ts';
import { INTERACTIONS_QUEUE } from '../src/queue/names.ts';
import { createInteractionProducer, jobIdFor, QueueUnavailableError, type InteractionProducer } from '../src/queue/producers.ts';
import { testRedis, testRedisUrl, uniquePrefix } from './helpers/redis.ts';
import { freePort, spawnRedisServer } from './helpers/redis-server.ts';

function commandJob(overrides: Partial<CommandJob> = {}): CommandJob {
  return { kind: 'command', platform: 'slack', workspaceId: 'T1', channelId: 'C1', userId: 'U1', dedupeKey: '1234.5678.abcdef', receivedAt: Date.now(), text: '', ...overrides };
}

async function rejectionOf(promise: Promise<unknown>): Promise<{ error: unknown; ms: number }> {
  const started = performance.now();
  try {
    await promise;
  } catch (error) {
    return { error, ms: performance.now() - started };
  }
  throw new Error('expected a rejection');
}

// Connection warnings are expected here; keep them out of the test output.
const quiet = createLogger({}, 'error');
let restoreSink: ReturnType<typeof setLogSink>;
beforeAll(() => {
  restoreSink = setLogSink(() => undefined);
});
afterAll(() => {
  setLogSink(restoreSink);
});

describe('jobIdFor', () => {
  it('joins kind, platform, workspace and dedupe key without the colons BullMQ refuses', () => {
    expect(jobIdFor(commandJob({ dedupeKey: '13345224609.738474920.8088930838d88f008e0' }))).toBe('command_slack_T1_13345224609.738474920.8088930838d88f008e0');
    const tick = jobIdFor({ kind: 'tick', threadId: 'slack:T1:C1:1712.0001', dedupeKey: 'slack:T1:C1:1712.0001:nudge:2' });
    expect(tick).toBe('tick_slack~T1~C1~1712.0001~nudge~2');
    expect(tick).not.toContain(':');
  });
});

describe('createInteractionProducer on a live Redis', () => {
  let producer: InteractionProducer;
  let reader: Queue;
  let readerConnection: Redis;

  beforeAll(() => {
    const prefix = uniquePrefix('producer');
    producer = createInteractionProducer(testRedisUrl(), { prefix });
    readerConnection = testRedis();
    reader = new Queue(INTERACTIONS_QUEUE, { connection: readerConnection, prefix });
  });

  afterAll(async () => {
    await producer.close();
    await reader.close();
    readerConnection.disconnect();
  });

  it('waits for Redis at start-up, then enqueues with the dedupe job id and retention options', async () => {
    expect(await producer.waitUntilReady(5_000)).toBe(true);
    const job = commandJob({ dedupeKey: 'trig.first' });
    await producer.enqueue(job);
    const stored = await reader.getJob('command_slack_T1_trig.first');
    expect(stored?.name).toBe('command');
    expect(stored?.data).toEqual(job);
    expect(stored?.opts).toMatchObject({ attempts: 5, backoff: { type: 'exponential', delay: 1_000 }, removeOnComplete: { age: 3_600 }, removeOnFail: { age: 86_400 } });
  });

  it('drops a second job with the same dedupe key: a retried Slack event is not new work', async () => {
    await producer.enqueue(commandJob({ dedupeKey: 'trig.twice', text: 'first' }));
    await producer.enqueue(commandJob({ dedupeKey: 'trig.twice', text: 'second' }));
    const jobs = (await reader.getJobs(['waiting'])).filter((job) => job.id === 'command_slack_T1_trig.twice');
    expect(jobs.map((job) => (job.data as CommandJob).text)).toEqual(['first']);
  });

  it('delays a tick job', async () => {
    await producer.enqueue({ kind: 'tick', threadId: 'slack:T1:C1:1.2', dedupeKey: 'slack:T1:C1:1.2:nudge' }, { delayMs: 60_000 });
    expect(await reader.getJobState('tick_slack~T1~C1~1.2~nudge')).toBe('delayed');
  });

  it('refuses a malformed job as the bug it is, not as an outage', async () => {
    const { error } = await rejectionOf(producer.enqueue({ ...commandJob(), userId: '' } as InteractionJob));
    expect(error).toBeInstanceOf(ZodError);
  });
});

describe('createInteractionProducer without Redis', () => {
  it('fails at once with QueueUnavailableError when nothing listens on the port', async () => {
    const producer = createInteractionProducer(`redis://127.0.0.1:${await freePort()}`, { prefix: uniquePrefix('down'), logger: quiet });
    try {
      for (let attempt = 0; attempt < 3; attempt += 1) {
        const { error, ms } = await rejectionOf(producer.enqueue(commandJob()));
        expect(error).toBeInstanceOf(QueueUnavailableError);
        expect((error as QueueUnavailableError).code).toBe('queue_unavailable');
        expect(ms).toBeLessThan(250);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(await producer.waitUntilReady(200)).toBe(false);
    } finally {
      await producer.close();
    }
  });

  describe('against a Redis that stops, hangs and comes back', () => {
    let port: number;
    let dir: string;
    let child: ChildProcess | undefined;

    const startRedis = async (): Promise<void> => {
      child = spawnRedisServer(port, dir);
    };
    const stopRedis = async (): Promise<void> => {
      const running = child;
      child = undefined;
      if (!running || running.exitCode !== null) return;
      running.kill('SIGCONT');
      running.kill('SIGTERM');
      await new Promise((resolve) => running.once('exit', resolve));
    };

    beforeAll(async () => {
      port = await freePort();
      dir = await mkdtemp(path.join(tmpdir(), 'obs-producer-redis-'));
    });

    afterAll(async () => {
      await stopRedis();
      await rm(dir, { recursive: true, force: true });
    });

    it('fails fast while Redis is away and recovers by itself when it returns', async () => {
      const producer = createInteractionProducer(`redis://127.0.0.1:${port}`, { prefix: uniquePrefix('flaky'), timeoutMs: 500, logger: quiet });
      try {
        expect((await rejectionOf(producer.enqueue(commandJob({ dedupeKey: 'before' })))).error).toBeInstanceOf(QueueUnavailableError);

        await startRedis();
        expect(await producer.waitUntilReady(5_000)).toBe(true);
        await producer.enqueue(commandJob({ dedupeKey: 'up' }));

        // A server that accepts the socket but never answers: bounded by the timeout.
        child?.kill('SIGSTOP');
        const hung = await rejectionOf(producer.enqueue(commandJob({ dedupeKey: 'hung' })));
        expect(hung.error).toBeInstanceOf(QueueUnavailableError);
        expect(hung.ms).toBeLessThan(1_200);

        await stopRedis();
        const down = await rejectionOf(producer.enqueue(commandJob({ dedupeKey: 'down' })));
        expect(down.error).toBeInstanceOf(QueueUnavailableError);
        expect(down.ms).toBeLessThan(600);

        await startRedis();
        expect(await producer.waitUntilReady(8_000)).toBe(true);
        await producer.enqueue(commandJob({ dedupeKey: 'back' }));
      } finally {
        await producer.close();
      }
    });
  });
});
