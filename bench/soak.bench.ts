import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { encodeThreadId } from '../src/core/thread-id.ts';
import type { AnswerJob, CommandJob } from '../src/queue/jobs.ts';
import { SlackApiStub } from '../test/stubs/slack-api.ts';
import { entrypointNodeOptions } from './image-tree.ts';
import { loadLine } from './load.ts';
import type { MemorySample } from './soak-worker.child.ts';
import type { Bench, BenchReport } from './types.ts';
import { startBenchRedis, waitForOutput } from './worker-process.ts';

/**
 * Memory over a long run: SOAK_JOBS jobs (default 100,000) through one worker process
 * (soak-worker.child.ts) against the Slack stand-in. Jobs go in batches: BATCH/2 question
 * commands (CHANNELS channels, USERS people, so per-channel and per-person state is reused
 * as in a real workspace), then an answer in each thread they started. Every SAMPLE_EVERY
 * jobs the child reports its RSS and heapUsed after forced full GCs.
 *
 * Target: from the first sample (10k jobs: start-up done, every code path warm, caches at
 * their working size) to the last, RSS and live heap each grow by ≤ 10%, read from the
 * least-squares line through the samples: RSS after a GC still moves by ±10% from one sample
 * to the next (pages V8 and malloc keep or hand back), so two single samples could pass or
 * fail by chance; the line through all of them is the trend. A leak (a Map keyed by thread,
 * a listener per job, a metric label per id) grows with every job and shows here; a one-off
 * warm-up cost does not. The first-to-last change is printed beside it.
 */
const JOBS = Number(process.env.SOAK_JOBS ?? 100_000);
const SAMPLE_EVERY = Number(process.env.SOAK_SAMPLE_EVERY ?? Math.max(1_000, Math.round(JOBS / 10)));
const BATCH = 1_000;
const CHANNELS = 500;
const USERS = 50;
const SESSION_TTL_MS = 30_000;
const TARGET_GROWTH = 0.1;
/**
 * A folder: the child writes a heap snapshot there at every sample, to see what grows (Chrome
 * DevTools' comparison view). Writing one inflates RSS, so the RSS figures of such a run mean nothing.
 */
const SNAPSHOT_DIR = process.env.SOAK_HEAP_SNAPSHOTS;
const BOT_TOKEN = 'xoxb-0000-0000-benchmarktoken';
const TEAM = 'TSOAK';
/** About 450 characters, scored by keywords like any answer. */
const ANSWER =
  'I would start from the SLO: 99.9% of requests under 300 ms, measured at the load balancer. ' +
  'Metrics: RED per service, with duration histograms. Traces: OpenTelemetry, W3C trace context through the queue, tail sampling that keeps errors and slow traces. ' +
  'Alerting on burn rate over two windows pages the on-call; slower burns open a ticket. Dashboards start at the SLO and drill down by service.';

interface SoakWorker {
  sample(): Promise<MemorySample & { warnings: number }>;
  close(): Promise<void>;
}

/** The soak child with `nodeOptions`, --expose-gc and an IPC channel for memory samples; resolves once it prints "ready". */
async function startSoakWorker(nodeOptions: string[], env: Record<string, string>): Promise<SoakWorker> {
  const script = fileURLToPath(new URL('./soak-worker.child.ts', import.meta.url));
  const snapshots = SNAPSHOT_DIR ? ['--heapsnapshot-signal=SIGUSR2', `--diagnostic-dir=${SNAPSHOT_DIR}`] : [];
  const child: ChildProcess = spawn(process.execPath, [...nodeOptions, '--expose-gc', ...snapshots, '--import', 'tsx', script], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
  });
  await waitForOutput(child, 'ready', 'soak worker', 60_000);
  return {
    sample: () =>
      new Promise((resolve) => {
        child.once('message', (message) => {
          const { sample, warnings } = message as { sample: MemorySample; warnings: number };
          resolve({ ...sample, warnings });
        });
        child.send('sample');
        if (SNAPSHOT_DIR) child.kill('SIGUSR2');
      }),
    close: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

const mb = (bytes: number): string => (bytes / 1024 / 1024).toFixed(1);
const growth = (first: number, last: number): number => (last - first) / first;

/** Growth from the first sample's x to the last's along the least-squares line through the points. */
function trendGrowth(points: { x: number; y: number }[]): number {
  const meanX = points.reduce((sum, point) => sum + point.x, 0) / points.length;
  const meanY = points.reduce((sum, point) => sum + point.y, 0) / points.length;
  const covariance = points.reduce((sum, point) => sum + (point.x - meanX) * (point.y - meanY), 0);
  const variance = points.reduce((sum, point) => sum + (point.x - meanX) ** 2, 0);
  const slope = variance === 0 ? 0 : covariance / variance;
  const at = (x: number): number => meanY + slope * (x - meanX);
  const first = points[0]?.x ?? meanX;
  const last = points[points.length - 1]?.x ?? meanX;
  return growth(at(first), at(last));
}
const percent = (ratio: number): string => `${ratio >= 0 ? '+' : ''}${(ratio * 100).toFixed(1)}%`;

export const bench: Bench = {
  name: 'soak',
  async run(): Promise<BenchReport> {
    const redis = await startBenchRedis();
    const stub = await SlackApiStub.start({ token: BOT_TOKEN });
    const prefix = `bench-soak-${Date.now().toString(36)}`;
    const connection = new Redis(redis.url, { maxRetriesPerRequest: null });
    const queue = new Queue('interactions', { connection, prefix });
    let worker: SoakWorker | undefined;
    // The image's V8 options (its young generation's size), so the heap behaves as in production.
    const nodeOptions = await entrypointNodeOptions();
    try {
      worker = await startSoakWorker(nodeOptions, {
        BENCH_REDIS_URL: redis.url,
        BENCH_PREFIX: prefix,
        BENCH_SLACK_API_URL: stub.apiUrl,
        BENCH_BOT_TOKEN: BOT_TOKEN,
        BENCH_LIMITER_MAX: '100000',
        BENCH_SESSION_TTL_MS: String(SESSION_TTL_MS),
        OBS_CONTENT_DIR: process.env.OBS_CONTENT_DIR ?? 'content',
      });
      let sequence = 0;
      const command = (): CommandJob => {
        sequence += 1;
        const channelId = `C${sequence % CHANNELS}`;
        return { kind: 'command', platform: 'slack', workspaceId: TEAM, channelId, userId: `U${sequence % USERS}`, dedupeKey: `soak-${sequence}`, text: '', responseUrl: stub.responseUrl(`soak-${sequence}`), receivedAt: Date.now() };
      };
      const answer = (channelId: string, ts: string): AnswerJob => {
        sequence += 1;
        const messageId = `1800000000.${String(sequence).padStart(7, '0')}`;
        const threadId = encodeThreadId({ platform: 'slack', workspace: TEAM, channel: channelId, thread: ts });
        return { kind: 'answer', platform: 'slack', workspaceId: TEAM, channelId, userId: `U${sequence % USERS}`, dedupeKey: `${channelId}-${messageId}`, threadId, text: ANSWER, messageId, receivedAt: Date.now() };
      };
      /** Queues the jobs and waits until none is waiting or running; a failed job stops the soak. */
      const runJobs = async (jobs: (CommandJob | AnswerJob)[]): Promise<void> => {
        await queue.addBulk(jobs.map((job) => ({ name: job.kind, data: job, opts: { removeOnComplete: true, removeOnFail: 100 } })));
        const deadline = Date.now() + 120_000;
        for (;;) {
          const counts = await queue.getJobCounts('waiting', 'active', 'prioritized', 'failed');
          if ((counts.failed ?? 0) > 0) throw new Error(`${counts.failed} soak jobs failed (job ${sequence})`);
          if ((counts.waiting ?? 0) + (counts.active ?? 0) + (counts.prioritized ?? 0) === 0) return;
          if (Date.now() > deadline) throw new Error('soak batch not done after 120 s');
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
      };

      const samples: (MemorySample & { jobs: number })[] = [];
      const started = performance.now();
      let done = 0;
      let warnings = 0;
      while (done < JOBS) {
        const questions = Math.min(BATCH / 2, Math.ceil((JOBS - done) / 2));
        await runJobs(Array.from({ length: questions }, command));
        // Each question is a new top-level message from the bot; its thread takes the answer.
        const threads = stub.messages.filter((message) => message.thread_ts === undefined);
        if (threads.length !== questions) throw new Error(`expected ${questions} questions posted, the stand-in has ${threads.length}`);
        const answers = threads.slice(0, JOBS - done - questions).map((message) => answer(message.channel, message.ts));
        // The stand-in keeps what it is sent; only this batch's is needed.
        stub.messages.length = 0;
        await runJobs(answers);
        for (const list of [stub.calls, stub.messages, stub.responses, stub.reactions]) list.length = 0;
        const before = done;
        done += questions + answers.length;
        if (Math.floor(done / 1_000) > Math.floor(before / 1_000)) process.stderr.write(`soak: ${done} jobs, ${((performance.now() - started) / 1_000).toFixed(0)} s\n`);
        if (Math.floor(done / SAMPLE_EVERY) > Math.floor(before / SAMPLE_EVERY) || done >= JOBS) {
          const sample = await worker.sample();
          warnings = sample.warnings;
          const { warnings: _warnings, ...memory } = sample;
          samples.push({ jobs: done, ...memory });
        }
      }
      const seconds = (performance.now() - started) / 1_000;

      const first = samples[0];
      const last = samples[samples.length - 1];
      if (!first || !last || samples.length < 2) throw new Error(`too few samples (${samples.length}): raise SOAK_JOBS`);
      const rssGrowth = trendGrowth(samples.map((sample) => ({ x: sample.jobs, y: sample.rss })));
      const heapGrowth = trendGrowth(samples.map((sample) => ({ x: sample.jobs, y: sample.heapUsed })));
      const ok = rssGrowth <= TARGET_GROWTH && heapGrowth <= TARGET_GROWTH && warnings === 0;
      const mark = (good: boolean): string => (good ? '✓' : '✗');
      const lines = [
        `${done} jobs (question, then an answer in its thread; ${CHANNELS} channels, ${USERS} people) in ${seconds.toFixed(0)} s, ${(done / seconds).toFixed(0)} jobs/s; worker warnings/errors logged: ${warnings}`,
        '   jobs   RSS MB  heapUsed  heapTotal  heapPhysical  external  v8Malloced  rest of RSS (MB, after forced GCs)',
        ...samples.map(
          (sample) =>
            `${String(sample.jobs).padStart(7)}  ${mb(sample.rss).padStart(7)}  ${mb(sample.heapUsed).padStart(8)}  ${mb(sample.heapTotal).padStart(9)}  ${mb(sample.heapPhysical).padStart(12)}  ${mb(sample.external).padStart(8)}  ${mb(sample.v8Malloced).padStart(10)}  ${mb(sample.rss - sample.heapPhysical - sample.external - sample.v8Malloced).padStart(11)}`,
        ),
        `growth from ${first.jobs} to ${last.jobs} jobs along the trend line: RSS ${percent(rssGrowth)} ${mark(rssGrowth <= TARGET_GROWTH)}, heapUsed ${percent(heapGrowth)} ${mark(heapGrowth <= TARGET_GROWTH)} (target ≤ +${TARGET_GROWTH * 100}% each)`,
        `  first sample to last: RSS ${percent(growth(first.rss, last.rss))}, heapUsed ${percent(growth(first.heapUsed, last.heapUsed))}`,
        `the worker runs from the sources through tsx (a bench child, node ${nodeOptions.join(' ')} as in the image); growth, not the absolute figure, is the target here`,
        loadLine(),
      ];
      return { title: `Soak: worker memory over ${done} jobs`, lines, ok };
    } finally {
      await worker?.close();
      await queue.close();
      connection.disconnect();
      await stub.close();
      await redis.stop();
    }
  },
};
