import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CommandJob } from '../src/queue/jobs.ts';
import { INTERACTIONS_QUEUE } from '../src/queue/names.ts';
import { testRedis, testRedisUrl, uniquePrefix } from './helpers/redis.ts';
import { SlackApiStub } from './stubs/slack-api.ts';

/**
 * `obs-bot worker` as an operator runs it, stopped with SIGTERM in the middle of a job whose
 * Slack call is slow: the running job finishes (its message posted once), a job queued after
 * the signal stays in the queue for another worker, and the process exits 0. When the job
 * outlasts SHUTDOWN_TIMEOUT_MS, the exit is forced with code 1 and a line that says so.
 */
const TOKEN = 'xoxb-4444-5555-drainingtesttoken';
let stub: SlackApiStub;
let redis: Redis;
const children: ChildProcess[] = [];
const queues: Queue[] = [];

beforeAll(async () => {
  stub = await SlackApiStub.start({ token: TOKEN });
  redis = testRedis();
});

afterEach(async () => {
  for (const child of children.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await Promise.all(queues.splice(0).map((queue) => queue.close()));
});

afterAll(async () => {
  await stub?.close();
  await redis?.quit();
});

interface WorkerProcess {
  prefix: string;
  queue: Queue;
  child: ChildProcess;
  exited: Promise<number | null>;
  output(): { stdout: string; stderr: string };
}

async function startWorkerProcess(env: Record<string, string>): Promise<WorkerProcess> {
  const prefix = uniquePrefix('drain');
  const child = spawn(process.execPath, [path.resolve('bin/obs-bot.mjs'), 'worker'], {
    env: { PATH: process.env.PATH, HOME: process.env.HOME, SLACK_BOT_TOKEN: TOKEN, SLACK_API_URL: stub.apiUrl, REDIS_URL: testRedisUrl(), OBS_QUEUE_PREFIX: prefix, METRICS_PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
  // Generous: tsx compiles the sources at start, slow on a loaded 2-core machine.
  await stub.waitFor(() => stdout.includes('obs-bot worker running') || child.exitCode !== null, 30_000, 'the worker to start');
  expect(child.exitCode, stderr).toBeNull();
  const queue = new Queue(INTERACTIONS_QUEUE, { connection: redis, prefix });
  queues.push(queue);
  return { prefix, queue, child, exited, output: () => ({ stdout, stderr }) };
}

let counter = 0;
function questionCommand(channelId: string): CommandJob {
  counter += 1;
  return { kind: 'command', platform: 'slack', workspaceId: 'TDRAIN', channelId, userId: 'UDRAIN', dedupeKey: `drain-trigger-${counter}-${Date.now()}`, text: '', receivedAt: Date.now() };
}

describe('obs-bot worker on SIGTERM', () => {
  it('finishes the running job (posted once), leaves a job queued after the signal, and exits 0', async () => {
    const worker = await startWorkerProcess({ SHUTDOWN_TIMEOUT_MS: '30000' });
    // The question's post takes 2.5 s: long enough to send SIGTERM while it is in flight.
    stub.script('chat.postMessage', { pass: true, delayMs: 2_500 });
    const running = await worker.queue.add('command', questionCommand('CDRAIN1'), { attempts: 3 });
    await stub.waitFor(() => stub.callsTo('chat.postMessage').some((call) => call.args.channel === 'CDRAIN1'), 20_000, 'the slow post to start');
    worker.child.kill('SIGTERM');
    await stub.waitFor(() => worker.output().stderr.includes('draining'), 10_000, 'the drain to begin');
    const late = await worker.queue.add('command', questionCommand('CDRAIN2'), { attempts: 3 });

    const code = await worker.exited;
    const { stderr } = worker.output();
    expect(code, stderr).toBe(0);
    expect(stderr).toContain('worker stopped');
    expect(stub.messages.filter((message) => message.channel === 'CDRAIN1' && !message.thread_ts)).toHaveLength(1);
    expect(await running.getState()).toBe('completed');
    // Not taken: it waits for the next worker, and nothing was posted for it.
    expect(await worker.queue.getJobState(late.id!)).toBe('waiting');
    expect(stub.callsTo('chat.postMessage').filter((call) => call.args.channel === 'CDRAIN2')).toHaveLength(0);
    expect(stderr).not.toContain(TOKEN);
  }, 90_000);

  it('forces the exit with code 1, and says so, when the job outlasts SHUTDOWN_TIMEOUT_MS', async () => {
    const worker = await startWorkerProcess({ SHUTDOWN_TIMEOUT_MS: '500' });
    stub.script('chat.postMessage', { pass: true, delayMs: 8_000 });
    await worker.queue.add('command', questionCommand('CDRAIN3'), { attempts: 3 });
    await stub.waitFor(() => stub.callsTo('chat.postMessage').some((call) => call.args.channel === 'CDRAIN3'), 20_000, 'the slow post to start');
    const signalled = Date.now();
    worker.child.kill('SIGTERM');
    const code = await worker.exited;
    const { stderr } = worker.output();
    expect(code, stderr).toBe(1);
    expect(Date.now() - signalled).toBeLessThan(7_000);
    const forced = stderr.split('\n').filter((line) => line.includes('shutdown timed out after 500 ms'));
    expect(forced).toHaveLength(1);
    expect(JSON.parse(forced[0]!)).toMatchObject({ level: 'error', timeoutMs: 500 });
  }, 90_000);
});
