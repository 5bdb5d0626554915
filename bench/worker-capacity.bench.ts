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
 * - throughput: JOBS question jobs queued at once, timed until the last completes. Target:
 *   one of our processes ≥ 0.7× the reference process.
 * Both workers run as production does: concurrency 8, BullMQ's default lock and stalled
 * check, and no global limiter (production sets none; the bench used to give ours one).
 * Each figure is the median of RUNS runs; the machine's load is printed at the end.
 */
const RUNS = Number(process.env.CAPACITY_BENCH_RUNS ?? 3);
const JOBS = Number(process.env.CAPACITY_BENCH_JOBS ?? 1500);
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

/** Jobs per second for one variant in one run: fresh prefix, processes started, JOBS queued, timed to the last completion. */
async function throughput(redisUrl: string, stub: SlackApiStub, variant: Variant, run: number): Promise<number> {
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
    const jobs: CommandJob[] = Array.from({ length: JOBS }, (_, index) => ({
      kind: 'command',
      platform: 'slack',
      workspaceId: 'TBENCH',
      channelId: `C${run}x${index}`,
      userId: `U${index % 50}`,
      dedupeKey: `${prefix}-${index}`,
      text: '',
      responseUrl: stub.responseUrl(`cap-${index}`),
      receivedAt: Date.now(),
    }));
    const started = performance.now();
    for (let offset = 0; offset < jobs.length; offset += 500) {
      await queue.addBulk(jobs.slice(offset, offset + 500).map((job) => ({ name: job.kind, data: job, opts: { removeOnComplete: true, removeOnFail: false } })));
    }
    const deadline = Date.now() + 300_000;
    for (;;) {
      const counts = await queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized', 'failed');
      if ((counts.failed ?? 0) > 0) throw new Error(`${variant.label}: ${counts.failed} jobs failed`);
      const left = (counts.waiting ?? 0) + (counts.active ?? 0) + (counts.delayed ?? 0) + (counts.prioritized ?? 0);
      if (left === 0) break;
      if (Date.now() > deadline) throw new Error(`${variant.label}: ${left} jobs left after 300 s`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    return (JOBS / (performance.now() - started)) * 1_000;
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

      const rates = new Map<string, number[]>();
      // Interleaved, so a change in the machine's load hits every variant alike.
      for (let run = 0; run < RUNS; run += 1) {
        for (const variant of VARIANTS) rates.set(variant.label, [...(rates.get(variant.label) ?? []), await throughput(redis.url, stub, variant, run)]);
      }
      const median = (label: string): number => summarize(rates.get(label) ?? []).median;
      const ratio = median('ours ×1') / median('reference ×1');
      const rssOk = rssMedian <= TARGET_RSS_MB;
      const ratioOk = ratio >= TARGET_RATIO;
      const lines = [
        `idle RSS of \`obs-bot worker\` (Slack only), as the image runs it (compiled; node ${image.nodeOptions.join(' ')}): median ${rssMedian.toFixed(1)} MB of ${rss.map((mb) => mb.toFixed(1)).join(', ')} (target ≤ ${TARGET_RSS_MB} MB) ${rssOk ? '✓' : '✗'}`,
        `  from a clone (\`node bin/obs-bot.mjs worker\`: sources through tsx, default flags; not targeted): median ${summarize(cloneRss).median.toFixed(1)} MB of ${cloneRss.map((mb) => mb.toFixed(1)).join(', ')}`,
        `question jobs/s, ${JOBS} jobs queued at once, median of ${RUNS} runs (concurrency 8 per process):`,
        ...VARIANTS.map((variant) => `  ${variant.label.padEnd(13)} ${median(variant.label).toFixed(0).padStart(6)}/s  (runs: ${(rates.get(variant.label) ?? []).map((rate) => rate.toFixed(0)).join(', ')})`),
        `ours ×1 / reference ×1 = ${ratio.toFixed(2)} (target ≥ ${TARGET_RATIO}) ${ratioOk ? '✓' : '✗'}; against the 30-byte-body reference ${(median('ours ×1') / median('ref. 30 B ×1')).toFixed(2)}`,
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
