import { spawn } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { slotOnLocalDate } from '../src/core/schedule/cron-runs.ts';
import { schedulerIdFor, type DailySchedule } from '../src/core/schedule/daily-schedule.ts';
import { localDateOf } from '../src/core/schedule/zoned-time.ts';
import { DAILY_POST_JOB, type DailyPostJob } from '../src/queue/daily-jobs.ts';
import { DAILY_JOB_OPTIONS } from '../src/queue/daily-scheduling.ts';
import { DAILY_QUEUE } from '../src/queue/names.ts';
import { createDailyStores, DEFAULT_WORKSPACE_PACE } from '../src/store/index.ts';
import { startPrivateRedis, type PrivateRedis } from '../test/helpers/redis-server.ts';
import { SlackApiStub } from '../test/stubs/slack-api.ts';
import { formatMs, summarize } from './stats.ts';
import type { Bench, BenchReport } from './types.ts';

/**
 * One morning's fan-out: 10,000 channels over 500 workspaces, every one scheduled for the
 * same minute, against the Slack Web API stand-in on loopback, with 1 and then 2 daily
 * worker processes. At the posting minute BullMQ promotes one job per channel scheduler;
 * the bench adds exactly those jobs (`repeat:<schedulerId>:<millis>`, `opts.prevMillis`)
 * at once and times them until the last question reaches the stand-in.
 *
 * Limits kept: one post per channel (Slack's ~1/s per channel is met trivially), and per
 * workspace the daily worker's pace, DEFAULT_WORKSPACE_PACE: 4 posts/s sustained (240 a
 * minute, under chat.postMessage's "several hundred per minute per workspace") after a
 * burst of 10. So 20 channels in one workspace need at least (20 − 10) / 4 = 2.5 s; the
 * bench checks that no workspace ever got more than burst + rate posts in any second.
 *
 * Each phase uses a fresh key prefix (no claims, no plans) and is bounded by DEADLINE_MS.
 * DAILY_BENCH_WORKSPACES / DAILY_BENCH_CHANNELS scale it down for a quick run.
 */
const WORKSPACES = Number(process.env.DAILY_BENCH_WORKSPACES ?? 500);
const CHANNELS_PER_WORKSPACE = Number(process.env.DAILY_BENCH_CHANNELS ?? 20);
const WORKER_COUNTS = [1, 2] as const;
const CONCURRENCY = Number(process.env.DAILY_BENCH_CONCURRENCY ?? 32);
const PACE = DEFAULT_WORKSPACE_PACE;
const DEADLINE_MS = 180_000;
const BOT_TOKEN = 'xoxb-0000-0000-dailybenchtoken';

/** REDIS_URL when set (with unique prefixes); otherwise a private redis-server for the run. */
async function startRedis(): Promise<PrivateRedis> {
  if (process.env.REDIS_URL) return { url: process.env.REDIS_URL, stop: async () => undefined };
  return startPrivateRedis('obs-daily-bench-redis');
}

interface WorkerProcess {
  /** Stops it; resolves with what it printed on the way out (its warning count). */
  stop(): Promise<string>;
}

async function startWorkerProcess(env: Record<string, string>): Promise<WorkerProcess> {
  const script = fileURLToPath(new URL('./daily-worker.child.ts', import.meta.url));
  // DAILY_BENCH_CPU_PROF=<dir>: a V8 CPU profile per worker process, for finding hot spots.
  const profile = process.env.DAILY_BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.DAILY_BENCH_CPU_PROF}`] : [];
  const child = spawn(process.execPath, [...profile, '--import', 'tsx', script], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('daily worker process did not start within 30 s')), 30_000);
    const check = setInterval(() => {
      if (output.includes('ready')) {
        clearTimeout(timer);
        clearInterval(check);
        resolve();
      }
    }, 20);
    child.once('exit', (code) => {
      clearTimeout(timer);
      clearInterval(check);
      reject(new Error(`daily worker process exited with ${code}`));
    });
  });
  return {
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      return output.split('\n').find((line) => line.startsWith('warnings')) ?? 'warnings ?';
    },
  };
}

interface PhaseResult {
  workers: number;
  channels: number;
  posted: number;
  duplicates: number;
  enqueueMs: number;
  lastPostMs: number;
  latencies: number[];
  busiestWorkspaceSecond: number;
  failedJobs: number;
  warnings: string[];
}

function schedule(channelKey: string): DailySchedule {
  return { channelKey, time: '09:00', timezone: 'UTC', days: [0, 1, 2, 3, 4, 5, 6], topics: [], revealAfterMinutes: 480, enabled: true, updatedAt: new Date(Date.now() - 7 * 86_400_000).toISOString() };
}

/** The most posts one workspace got within any one-second window. */
function busiestSecond(timesByWorkspace: Map<string, number[]>): number {
  let most = 0;
  for (const times of timesByWorkspace.values()) {
    times.sort((a, b) => a - b);
    let start = 0;
    for (let end = 0; end < times.length; end += 1) {
      while ((times[end] as number) - (times[start] as number) >= 1_000) start += 1;
      most = Math.max(most, end - start + 1);
    }
  }
  return most;
}

async function runPhase(redisUrl: string, stub: SlackApiStub, workers: number): Promise<PhaseResult> {
  const prefix = `bench-daily-${workers}w-${Date.now().toString(36)}`;
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: null });
  const queue = new Queue(DAILY_QUEUE, { connection: redis, prefix });
  const stores = createDailyStores(redis, `${prefix}:store`);
  const channels: { channelKey: string; channelId: string; workspaceId: string }[] = [];
  for (let w = 0; w < WORKSPACES; w += 1) {
    for (let c = 0; c < CHANNELS_PER_WORKSPACE; c += 1) {
      const workspaceId = `T${workers}P${w}`;
      const channelId = `C${workers}P${w}X${c}`;
      channels.push({ channelKey: `slack:${workspaceId}:${channelId}`, channelId, workspaceId });
    }
  }
  for (let index = 0; index < channels.length; index += 500) {
    await Promise.all(channels.slice(index, index + 500).map(({ channelKey }) => stores.schedules.put(schedule(channelKey))));
  }
  const first = schedule(channels[0]?.channelKey ?? 'slack:T:C');
  const slot = slotOnLocalDate(first, localDateOf(new Date(), 'UTC'));
  if (!slot) throw new Error('no slot today');

  const processes = await Promise.all(
    Array.from({ length: workers }, () =>
      startWorkerProcess({
        BENCH_REDIS_URL: redisUrl,
        BENCH_PREFIX: prefix,
        BENCH_SLACK_API_URL: stub.apiUrl,
        BENCH_BOT_TOKEN: BOT_TOKEN,
        BENCH_CONCURRENCY: String(CONCURRENCY),
        BENCH_PACE_PER_SECOND: String(PACE.perSecond),
        BENCH_PACE_BURST: String(PACE.burst),
      }),
    ),
  );
  const workspaceOf = new Map(channels.map((channel) => [channel.channelId, channel.workspaceId]));
  const seenFrom = stub.calls.length;
  const started = Date.now();
  // What BullMQ does at the posting minute: one job per channel scheduler, due now.
  for (let index = 0; index < channels.length; index += 1_000) {
    await queue.addBulk(
      channels.slice(index, index + 1_000).map(({ channelKey }) => {
        const data: DailyPostJob = { kind: DAILY_POST_JOB, channelKey };
        return { name: DAILY_POST_JOB, data, opts: { ...DAILY_JOB_OPTIONS, jobId: `repeat:${schedulerIdFor(channelKey)}:${slot.getTime()}`, prevMillis: slot.getTime() } };
      }),
    );
  }
  const enqueueMs = Date.now() - started;

  const postsByChannel = new Map<string, number>();
  const timesByWorkspace = new Map<string, number[]>();
  const latencies: number[] = [];
  let scanned = seenFrom;
  let duplicates = 0;
  let lastPostAt = started;
  const deadline = started + DEADLINE_MS;
  while (postsByChannel.size < channels.length && Date.now() < deadline) {
    for (; scanned < stub.calls.length; scanned += 1) {
      const call = stub.calls[scanned];
      const channel = typeof call?.args.channel === 'string' ? call.args.channel : '';
      const workspace = workspaceOf.get(channel);
      if (!call || call.method !== 'chat.postMessage' || call.args.thread_ts !== undefined || !workspace) continue;
      const count = (postsByChannel.get(channel) ?? 0) + 1;
      postsByChannel.set(channel, count);
      if (count > 1) duplicates += 1;
      timesByWorkspace.set(workspace, [...(timesByWorkspace.get(workspace) ?? []), call.at]);
      latencies.push(call.at - started);
      lastPostAt = Math.max(lastPostAt, call.at);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  // A moment for stragglers that would be duplicates, then stop the workers.
  await new Promise((resolve) => setTimeout(resolve, 500));
  for (; scanned < stub.calls.length; scanned += 1) {
    const call = stub.calls[scanned];
    const channel = typeof call?.args.channel === 'string' ? call.args.channel : '';
    if (call?.method === 'chat.postMessage' && call.args.thread_ts === undefined && workspaceOf.has(channel) && postsByChannel.has(channel)) duplicates += 1;
  }
  const warnings = await Promise.all(processes.map((process) => process.stop()));
  const failedJobs = (await queue.getJobCounts('failed')).failed ?? 0;
  await queue.close();
  redis.disconnect();
  return {
    workers,
    channels: channels.length,
    posted: postsByChannel.size,
    duplicates,
    enqueueMs,
    lastPostMs: lastPostAt - started,
    latencies,
    busiestWorkspaceSecond: busiestSecond(timesByWorkspace),
    failedJobs,
    warnings,
  };
}

export const bench: Bench = {
  name: 'daily-fanout',
  async run(): Promise<BenchReport> {
    const redis = await startRedis();
    const stub = await SlackApiStub.start({ token: BOT_TOKEN });
    const cap = PACE.burst + PACE.perSecond;
    try {
      const results: PhaseResult[] = [];
      for (const workers of WORKER_COUNTS) results.push(await runPhase(redis.url, stub, workers));
      let ok = true;
      const lines: string[] = [
        `${WORKSPACES * CHANNELS_PER_WORKSPACE} channels over ${WORKSPACES} workspaces, all due at the same minute; per-workspace pace ${PACE.perSecond}/s after a burst of ${PACE.burst} (floor: ${Math.max(0, (CHANNELS_PER_WORKSPACE - PACE.burst) / PACE.perSecond).toFixed(1)} s); concurrency ${CONCURRENCY} per process`,
      ];
      for (const result of results) {
        const latency = summarize(result.latencies);
        const complete = result.posted === result.channels && result.duplicates === 0 && result.failedJobs === 0;
        const paced = result.busiestWorkspaceSecond <= cap;
        if (!complete || !paced) ok = false;
        lines.push(
          `${result.workers} worker process${result.workers === 1 ? '' : 'es'}: last post ${(result.lastPostMs / 1000).toFixed(1)} s after the morning's jobs were due · ${((result.posted / Math.max(1, result.lastPostMs)) * 1000).toFixed(0)} posts/s${complete && paced ? '  ✓' : '  ✗'}`,
          `  ${result.posted}/${result.channels} channels posted, ${result.duplicates} duplicates, ${result.failedJobs} failed jobs; enqueueing ${result.channels} jobs took ${(result.enqueueMs / 1000).toFixed(1)} s`,
          `  due → posted  p50 ${formatMs(latency.median)} · p90 ${formatMs(latency.p90)} · p99 ${formatMs(latency.p99)} · max ${formatMs(latency.max)}`,
          `  busiest workspace second: ${result.busiestWorkspaceSecond} posts (cap ${cap} = burst ${PACE.burst} + ${PACE.perSecond}/s)${paced ? '' : '  ✗ over the cap'} · ${result.warnings.join(' / ')}`,
        );
      }
      lines.push(`loopback only: Redis, the Slack stand-in and the bench in one process, workers in their own; load average ${loadavg().map((load) => load.toFixed(1)).join(' ')} on ${cpus().length} CPUs`);
      return { title: 'Daily fan-out: one morning, 10,000 channels, 500 workspaces', lines, ok };
    } finally {
      await stub.close();
      await redis.stop();
    }
  },
};
