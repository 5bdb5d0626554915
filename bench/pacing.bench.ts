import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import type { CommandJob } from '../src/queue/jobs.ts';
import { DEFAULT_POST_PACES } from '../src/store/post-pacer.ts';
import { SlackApiStub } from '../test/stubs/slack-api.ts';
import { loadLine } from './load.ts';
import type { Bench, BenchReport } from './types.ts';
import { startBenchRedis, startWorkerProcess, type WorkerHandle } from './worker-process.ts';

/**
 * Pacing per workspace and per channel, at scale: WORKSPACES workspaces with CHANNELS
 * channels each post question jobs through the real interactions queue, WORKERS real
 * worker processes with the production paces (DEFAULT_POST_PACES.slack) and the Slack
 * stand-in, on loopback.
 *
 * Load: every channel gets BASE_JOBS questions at once; HOT workspaces get HOT_JOBS more
 * each, far past their pace, so the per-workspace and per-channel paces bind while the
 * other workspaces keep posting. From the stand-in's receive times:
 * - the most posts any one workspace, and any one channel, got in a sliding 1 s and 60 s
 *   window, against Slack's limits (about 1/s per channel with short bursts; several
 *   hundred a minute per workspace) and the pace's own bound (burst + rate × window);
 * - the hot workspaces' sustained rate after their burst;
 * - total posts/s while every workspace is busy (first post to the last post of a non-hot
 *   workspace). Target > 500/s.
 * The run lasts about HOT_JOBS / 4 s (the hot workspaces' tail) plus start-up.
 * PACING_BENCH_UNPACED=1 runs the same load with the booking unbounded (it still runs, never
 * waits): the limits then fail, and the total shows what pacing costs on this machine.
 */
const WORKSPACES = Number(process.env.PACING_BENCH_WORKSPACES ?? 500);
const CHANNELS = 4;
const BASE_JOBS = Number(process.env.PACING_BENCH_BASE_JOBS ?? 2);
const HOT = 5;
const HOT_JOBS = Number(process.env.PACING_BENCH_HOT_JOBS ?? 60);
const WORKERS = Number(process.env.PACING_BENCH_WORKERS ?? 2);
const UNPACED = process.env.PACING_BENCH_UNPACED === '1';
const TARGET_TOTAL_PER_SECOND = 500;
/** Slack documents "several hundred" posts a minute per workspace; 300 is the low reading of it. */
const SLACK_WORKSPACE_PER_MINUTE = 300;
const BOT_TOKEN = 'xoxb-0000-0000-benchmarktoken';

const workspaceOf = (index: number): string => `TW${index}`;
const channelOf = (workspace: number, channel: number): string => `CW${workspace}X${channel}`;
/** The stand-in sees only channels; each names its workspace. */
const workspaceOfChannel = (channel: string): string => `TW${/^CW(\d+)X/.exec(channel)?.[1] ?? '?'}`;

/** The most timestamps (sorted ascending) inside any window [t, t + windowMs). */
function maxInWindow(sorted: readonly number[], windowMs: number): number {
  let best = 0;
  let first = 0;
  for (let last = 0; last < sorted.length; last += 1) {
    while (sorted[last]! - sorted[first]! >= windowMs) first += 1;
    best = Math.max(best, last - first + 1);
  }
  return best;
}

function groupTimes(posts: readonly { key: string; at: number }[]): Map<string, number[]> {
  const groups = new Map<string, number[]>();
  for (const post of posts) {
    const times = groups.get(post.key) ?? [];
    times.push(post.at);
    groups.set(post.key, times);
  }
  for (const times of groups.values()) times.sort((a, b) => a - b);
  return groups;
}

function maxOver(groups: Map<string, number[]>, windowMs: number): number {
  let best = 0;
  for (const times of groups.values()) best = Math.max(best, maxInWindow(times, windowMs));
  return best;
}

export const bench: Bench = {
  name: 'pacing',
  async run(): Promise<BenchReport> {
    const pace = DEFAULT_POST_PACES.slack;
    const redis = await startBenchRedis();
    const stub = await SlackApiStub.start({ token: BOT_TOKEN });
    const prefix = `bench-pace-${Date.now().toString(36)}`;
    const connection = new Redis(redis.url, { maxRetriesPerRequest: null });
    const queue = new Queue('interactions', { connection, prefix });
    const workers: WorkerHandle[] = [];
    try {
      for (let index = 0; index < WORKERS; index += 1) {
        workers.push(
          await startWorkerProcess('./slack-worker.child.ts', {
            BENCH_REDIS_URL: redis.url,
            BENCH_PREFIX: prefix,
            BENCH_SLACK_API_URL: stub.apiUrl,
            BENCH_BOT_TOKEN: BOT_TOKEN,
            BENCH_LIMITER_MAX: '1000000',
            ...(UNPACED ? {} : { BENCH_PACING: 'real' }),
            OBS_CONTENT_DIR: process.env.OBS_CONTENT_DIR ?? 'content',
          }),
        );
      }
      let sequence = 0;
      const job = (workspace: number, channel: number): CommandJob => {
        sequence += 1;
        return { kind: 'command', platform: 'slack', workspaceId: workspaceOf(workspace), channelId: channelOf(workspace, channel), userId: `U${sequence % 50}`, dedupeKey: `${prefix}-${sequence}`, text: '', responseUrl: stub.responseUrl(`pace-${sequence}`), receivedAt: Date.now() };
      };
      const jobs: CommandJob[] = [];
      for (let round = 0; round < BASE_JOBS; round += 1) for (let workspace = 0; workspace < WORKSPACES; workspace += 1) for (let channel = 0; channel < CHANNELS; channel += 1) jobs.push(job(workspace, channel));
      for (let workspace = 0; workspace < HOT; workspace += 1) for (let index = 0; index < HOT_JOBS; index += 1) jobs.push(job(workspace, index % CHANNELS));
      // The hot workspaces' flood arrives among everyone else's, not after it.
      for (let index = jobs.length - 1; index > 0; index -= 1) {
        const other = (index * 7_919) % (index + 1);
        [jobs[index], jobs[other]] = [jobs[other]!, jobs[index]!];
      }
      for (let offset = 0; offset < jobs.length; offset += 500) {
        await queue.addBulk(jobs.slice(offset, offset + 500).map((data) => ({ name: data.kind, data, opts: { removeOnComplete: true, removeOnFail: false } })));
      }
      const deadline = Date.now() + 120_000;
      for (;;) {
        const counts = await queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized', 'failed');
        if ((counts.failed ?? 0) > 0) throw new Error(`${counts.failed} jobs failed`);
        const left = (counts.waiting ?? 0) + (counts.active ?? 0) + (counts.delayed ?? 0) + (counts.prioritized ?? 0);
        if (left === 0) break;
        if (Date.now() > deadline) throw new Error(`${left} jobs left after 120 s`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }

      const posts = stub.callsTo('chat.postMessage').map((call) => ({ channel: String(call.args.channel), at: call.at }));
      if (posts.length !== jobs.length) throw new Error(`expected ${jobs.length} posts, the stand-in got ${posts.length}`);
      const byWorkspace = groupTimes(posts.map((post) => ({ key: workspaceOfChannel(post.channel), at: post.at })));
      const byChannel = groupTimes(posts.map((post) => ({ key: post.channel, at: post.at })));
      const hot = new Set(Array.from({ length: HOT }, (_, index) => workspaceOf(index)));
      const all = posts.map((post) => post.at).sort((a, b) => a - b);
      const first = all[0]!;
      const busyUntil = Math.max(...posts.filter((post) => !hot.has(workspaceOfChannel(post.channel))).map((post) => post.at));
      const inBusy = all.filter((at) => at <= busyUntil).length;
      const totalPerSecond = (inBusy / Math.max(1, busyUntil - first)) * 1_000;
      const hotRates = [...hot].map((workspace) => {
        const times = byWorkspace.get(workspace) ?? [];
        // After the burst: (posts − burst) over the time they took.
        const afterBurst = times.slice(pace.workspace.burst - 1);
        return ((afterBurst.length - 1) / Math.max(1, afterBurst[afterBurst.length - 1]! - afterBurst[0]!)) * 1_000;
      });

      const ws1 = maxOver(byWorkspace, 1_000);
      const ws60 = maxOver(byWorkspace, 60_000);
      const ch1 = maxOver(byChannel, 1_000);
      const ch60 = maxOver(byChannel, 60_000);
      // GCRA's own bound in a window W: burst + rate × W. One more for delivery jitter.
      const wsBound = (windowMs: number): number => pace.workspace.burst + Math.floor((pace.workspace.perSecond * windowMs) / 1_000) + 1;
      const chBound = (windowMs: number): number => pace.channel.burst + Math.floor((pace.channel.perSecond * windowMs) / 1_000) + 1;
      const spanS = (all[all.length - 1]! - first) / 1_000;
      const mark = (ok: boolean): string => (ok ? '✓' : '✗');
      const checks = {
        ws1: ws1 <= wsBound(1_000),
        ws60: ws60 <= Math.min(wsBound(60_000), SLACK_WORKSPACE_PER_MINUTE),
        ch1: ch1 <= chBound(1_000),
        ch60: ch60 <= chBound(60_000),
        hot: hotRates.every((rate) => rate <= pace.workspace.perSecond * 1.05),
        total: totalPerSecond > TARGET_TOTAL_PER_SECOND,
      };
      const lines = [
        `${WORKSPACES} workspaces × ${CHANNELS} channels, ${BASE_JOBS} questions per channel; ${HOT} hot workspaces with ${HOT_JOBS} more each; ${jobs.length} posts in ${spanS.toFixed(1)} s; ${WORKERS} worker processes (concurrency 8 each)`,
        `${UNPACED ? 'UNPACED (PACING_BENCH_UNPACED=1): the limits below are not enforced; was ' : ''}pace (DEFAULT_POST_PACES.slack): workspace ${pace.workspace.perSecond}/s burst ${pace.workspace.burst}, channel ${pace.channel.perSecond}/s burst ${pace.channel.burst}`,
        `per workspace, max posts in any 1 s:  ${ws1} (pace bound ${wsBound(1_000)}) ${mark(checks.ws1)}`,
        `per workspace, max posts in any 60 s: ${ws60} (pace bound ${wsBound(60_000)}; Slack: several hundred a minute, read as ${SLACK_WORKSPACE_PER_MINUTE}) ${mark(checks.ws60)}`,
        `hot workspaces after their burst: ${hotRates.map((rate) => rate.toFixed(2)).join(', ')} posts/s (pace ${pace.workspace.perSecond}/s) ${mark(checks.hot)}`,
        `per channel, max posts in any 1 s:  ${ch1} (pace bound ${chBound(1_000)}; Slack: about 1/s, short bursts allowed) ${mark(checks.ch1)}`,
        `per channel, max posts in any 60 s: ${ch60} (pace bound ${chBound(60_000)}) ${mark(checks.ch60)}`,
        `total: ${totalPerSecond.toFixed(0)} posts/s while every workspace is busy (${inBusy} posts in ${((busyUntil - first) / 1_000).toFixed(1)} s; target > ${TARGET_TOTAL_PER_SECOND}) ${mark(checks.total)}; peak ${maxInWindow(all, 1_000)} in 1 s`,
        'everything shares the machine: worker processes, Redis, the stand-in and this process',
        loadLine(),
      ];
      return { title: `Pacing: ${WORKSPACES} workspaces, each within Slack's per-workspace and per-channel limits, and the total`, lines, ok: Object.values(checks).every(Boolean) };
    } finally {
      for (const worker of workers) await worker.close();
      await queue.close();
      connection.disconnect();
      await stub.close();
      await redis.stop();
    }
  },
};
