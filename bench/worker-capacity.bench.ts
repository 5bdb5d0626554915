import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import type { CommandJob } from '../src/queue/jobs.ts';
import { SlackApiStub } from '../test/stubs/slack-api.ts';
import { loadLine } from './load.ts';
import { summarize } from './stats.ts';
import { buildImageTree } from './image-tree.ts';
import type { Bench, BenchReport } from './types.ts';
import { startBenchRedis, startWorkerProcess, waitForOutput, type WorkerHandle } from './worker-process.ts';

/**
 * The worker as a process: its idle memory, and question jobs per second with 1, 2 and 4
 * worker processes against one Redis and the Slack stand-in (which answers at once), beside
 * a reference worker doing only the irreducible work (reference-worker.child.ts) in the
 * same run.
 *
 * - idle RSS: `obs-bot worker` (the real entry point, Slack only), read from /proc after it
 *   says it is running and has sat idle for IDLE_MS. Target ≤ 120 MB, for the process the
 *   Docker image runs: the sources compiled by `npm run build` (image-tree.ts). From a clone
 *   the same command runs the sources through tsx; that figure is shown beside it.
 * - throughput: JOBS question jobs queued at once, timed until the last completes, then
 *   STEADY_JOBS more on the same processes. Target: one of our processes ≥ 0.7× the reference process in
 *   the second batch (steady state: both warmed by the same work, as a worker that has run for
 *   more than a few seconds is). The first batch, cold, is reported beside it: with ~1 s of
 *   work it mostly measures how fast V8 compiles each worker's code, and ours has more code.
 * Both workers run as production does: concurrency 8, BullMQ's default lock and stalled
 * check, and no global limiter (production sets none; the bench used to give ours one).
 * Each figure is the median of RUNS runs; the machine's load is printed at the end.
 */
const RUNS = Number(process.env.CAPACITY_BENCH_RUNS ?? 3);
const JOBS = Number(process.env.CAPACITY_BENCH_JOBS ?? 1500);
/** The steady-state batch is longer than the cold one: at ~2,000 jobs/s, 1,500 jobs is under a second of work, too short to time well. */
const STEADY_JOBS = Number(process.env.CAPACITY_BENCH_STEADY_JOBS ?? 4000);
const IDLE_MS = 5_000;
const TARGET_RSS_MB = 120;
const TARGET_RATIO = 0.7;
const BOT_TOKEN = 'xoxb-0000-0000-benchmarktoken';

function rssMbOf(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = /VmRSS:\s+(\d+) kB/.exec(status);
  if (!match) throw new Error('no VmRSS in /proc status');
  return Number(match[1]) / 1024;
}

/** Starts `node [nodeOptions] bin worker`, waits until it runs and has been idle, reads its RSS, stops it. */
async function idleWorkerRss(nodeOptions: string[], bin: string, env: Record<string, string>): Promise<number> {
  const child = spawn(process.execPath, [...nodeOptions, bin, 'worker'], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let errors = '';
  child.stderr?.on('data', (chunk: Buffer) => (errors += chunk.toString()));
  try {
    await waitForOutput(child, 'worker running', 'obs-bot worker', 60_000, () => errors.slice(0, 500));
    await new Promise((resolve) => setTimeout(resolve, IDLE_MS));
    return rssMbOf(child.pid ?? 0);
  } finally {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
  }
}

interface Variant {
  label: string;
  script: string;
  processes: number;
  env?: Record<string, string>;
}

const VARIANTS: Variant[] = [
  { label: 'ours ×1', script: './slack-worker.child.ts', processes: 1 },
  { label: 'ours ×2', script: './slack-worker.child.ts', processes: 2 },
  { label: 'ours ×4', script: './slack-worker.child.ts', processes: 4 },
  { label: 'reference ×1', script: './reference-worker.child.ts', processes: 1 },
  // The reference's first form posted `text=question`, not the question: shown for comparison with earlier figures.
  { label: 'ref. 30 B ×1', script: './reference-worker.child.ts', processes: 1, env: { BENCH_REFERENCE_BODY: 'minimal' } },
];

interface Rates {
  /** The first JOBS jobs after the processes start: JIT warm-up included. */
  cold: number;
  /** The next STEADY_JOBS jobs, on processes warmed by the first JOBS: what a worker running for days does. */
  warm: number;
}

/** Queues `count` question jobs numbered from `first`, and returns jobs per second until the last completes. */
async function timedBatch(queue: Queue, stub: SlackApiStub, prefix: string, run: number, first: number, count: number, label: string): Promise<number> {
  const jobs: CommandJob[] = Array.from({ length: count }, (_, offset) => {
    const index = first + offset;
    return {
      kind: 'command',
      platform: 'slack',
      workspaceId: 'TBENCH',
      channelId: `C${run}x${index}`,
      userId: `U${index % 50}`,
      dedupeKey: `${prefix}-${index}`,
      text: '',
      responseUrl: stub.responseUrl(`cap-${index}`),
      receivedAt: Date.now(),
    };
  });
  const started = performance.now();
  for (let offset = 0; offset < jobs.length; offset += 500) {
    await queue.addBulk(jobs.slice(offset, offset + 500).map((job) => ({ name: job.kind, data: job, opts: { removeOnComplete: true, removeOnFail: false } })));
  }
  const deadline = Date.now() + 300_000;
  for (;;) {
    const counts = await queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized', 'failed');
    if ((counts.failed ?? 0) > 0) throw new Error(`${label}: ${counts.failed} jobs failed`);
    const left = (counts.waiting ?? 0) + (counts.active ?? 0) + (counts.delayed ?? 0) + (counts.prioritized ?? 0);
    if (left === 0) break;
    if (Date.now() > deadline) throw new Error(`${label}: ${left} jobs left after 300 s`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return (count / (performance.now() - started)) * 1_000;
}

/**
 * Jobs per second for one variant in one run: fresh prefix, processes started, then a
 * batch of JOBS and one of STEADY_JOBS, each timed to its last completion. The first batch runs on cold
 * processes (V8 still compiling), the second on the same processes warmed by the first.
 */
async function throughput(redisUrl: string, stub: SlackApiStub, variant: Variant, run: number): Promise<Rates> {
  const prefix = `bench-cap-${Date.now().toString(36)}-${run}`;
  const workers: WorkerHandle[] = [];
  const connection = new Redis(redisUrl, { maxRetriesPerRequest: null });
  const queue = new Queue('interactions', { connection, prefix });
  try {
    for (let index = 0; index < variant.processes; index += 1) {
      workers.push(
        await startWorkerProcess(variant.script, {
          BENCH_REDIS_URL: redisUrl,
          BENCH_PREFIX: prefix,
          BENCH_SLACK_API_URL: stub.apiUrl,
          BENCH_BOT_TOKEN: BOT_TOKEN,
          OBS_CONTENT_DIR: process.env.OBS_CONTENT_DIR ?? 'content',
          ...variant.env,
        }),
      );
    }
    const cold = await timedBatch(queue, stub, prefix, run, 0, JOBS, variant.label);
    const warm = await timedBatch(queue, stub, prefix, run, JOBS, STEADY_JOBS, variant.label);
    return { cold, warm };
  } finally {
    for (const worker of workers) await worker.close();
    await queue.close();
    connection.disconnect();
  }
}

export const bench: Bench = {
  name: 'worker-capacity',
  async run(): Promise<BenchReport> {
    const redis = await startBenchRedis();
    const stub = await SlackApiStub.start({ token: BOT_TOKEN });
    const image = await buildImageTree();
    try {
      const workerEnv = {
        SLACK_BOT_TOKEN: BOT_TOKEN,
        SLACK_SIGNING_SECRET: 'bench-signing-secret-7a7a7a7a',
        SLACK_API_URL: stub.apiUrl,
        REDIS_URL: redis.url,
        METRICS_PORT: '0',
        LOG_LEVEL: 'warn',
        OBS_STARTUP_RETRIES: '0',
      };
      const cloneBin = fileURLToPath(new URL('../bin/obs-bot.mjs', import.meta.url));
      const rss: number[] = [];
      const cloneRss: number[] = [];
      for (let run = 0; run < RUNS; run += 1) {
        rss.push(await idleWorkerRss(image.nodeOptions, image.bin, workerEnv));
        cloneRss.push(await idleWorkerRss([], cloneBin, workerEnv));
      }
      const rssMedian = summarize(rss).median;

      const rates = new Map<string, Rates[]>();
      // Interleaved, so a change in the machine's load hits every variant alike.
      for (let run = 0; run < RUNS; run += 1) {
        for (const variant of VARIANTS) rates.set(variant.label, [...(rates.get(variant.label) ?? []), await throughput(redis.url, stub, variant, run)]);
      }
      const runsOf = (label: string, phase: keyof Rates): number[] => (rates.get(label) ?? []).map((rate) => rate[phase]);
      const median = (label: string, phase: keyof Rates): number => summarize(runsOf(label, phase)).median;
      const ratio = median('ours ×1', 'warm') / median('reference ×1', 'warm');
      const coldRatio = median('ours ×1', 'cold') / median('reference ×1', 'cold');
      const rssOk = rssMedian <= TARGET_RSS_MB;
      const ratioOk = ratio >= TARGET_RATIO;
      const phaseLines = (phase: keyof Rates): string[] =>
        VARIANTS.map((variant) => `  ${variant.label.padEnd(13)} ${median(variant.label, phase).toFixed(0).padStart(6)}/s  (runs: ${runsOf(variant.label, phase).map((rate) => rate.toFixed(0)).join(', ')})`);
      const lines = [
        `idle RSS of \`obs-bot worker\` (Slack only), as the image runs it (compiled; node ${image.nodeOptions.join(' ')}): median ${rssMedian.toFixed(1)} MB of ${rss.map((mb) => mb.toFixed(1)).join(', ')} (target ≤ ${TARGET_RSS_MB} MB) ${rssOk ? '✓' : '✗'}`,
        `  from a clone (\`node bin/obs-bot.mjs worker\`: sources through tsx, default flags; not targeted): median ${summarize(cloneRss).median.toFixed(1)} MB of ${cloneRss.map((mb) => mb.toFixed(1)).join(', ')}`,
        `question jobs/s, median of ${RUNS} runs (concurrency 8 per process), each run ${JOBS} jobs queued at once on fresh processes, then ${STEADY_JOBS} more on the same processes:`,
        ` steady state (the ${STEADY_JOBS}, processes warmed by the first):`,
        ...phaseLines('warm'),
        `ours ×1 / reference ×1, steady state = ${ratio.toFixed(2)} (target ≥ ${TARGET_RATIO}) ${ratioOk ? '✓' : '✗'}; against the 30-byte-body reference ${(median('ours ×1', 'warm') / median('ref. 30 B ×1', 'warm')).toFixed(2)}`,
        ` cold (the first ${JOBS} after start-up, V8 still compiling; not targeted, shown because it is what a freshly scaled-out worker does for its first seconds):`,
        ...phaseLines('cold'),
        `ours ×1 / reference ×1, cold = ${coldRatio.toFixed(2)}`,
        'everything shares the machine: workers, Redis, the stand-in and this process; with 2 cores, more than 2 worker processes contend for the CPU',
        loadLine(),
      ];
      return { title: 'Worker process: idle RSS, throughput with 1/2/4 processes, and the reference ratio', lines, ok: rssOk && ratioOk };
    } finally {
      await image.remove();
      await stub.close();
      await redis.stop();
    }
  },
};
