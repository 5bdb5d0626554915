import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { SlackSender } from '../src/adapters/slack/sender.ts';
import { loadQuestionBank } from '../src/core/content/load.ts';
import { KeywordScorer } from '../src/core/scoring/keyword/keyword-scorer.ts';
import { createLogger } from '../src/infra/logger.ts';
import type { AnswerJob, CommandJob } from '../src/queue/jobs.ts';
import { SlackApiStub } from '../test/stubs/slack-api.ts';
import { startInteractionsWorker } from '../workers/interactions.worker.ts';
import { loadLine } from './load.ts';
import type { Bench, BenchReport } from './types.ts';
import { startBenchRedis } from './worker-process.ts';
import { UNBOUNDED_POST_PACES } from '../src/store/post-pacer.ts';

/**
 * Redis round trips per job, and Redis memory per session, for the interactions worker.
 *
 * The worker runs in this process against a private Redis and the Slack stand-in, with the
 * real question bank and keyword scorer. MONITOR records every command the server runs,
 * with the client that sent it; the stores' connection is the client that touches
 * `<prefix>:store:` keys. A MULTI…EXEC block, a script and a single command are each one
 * round trip; commands a script runs inside Redis are not. BullMQ's own commands (fetching
 * and finishing the job) are reported beside, for context: the targets are the stores'.
 *
 * Then, after every session has its question and ANSWERS_PER_SESSION answers, MEMORY USAGE
 * over every store key, per session.
 *
 * Targets: ≤ 5 round trips per question job, ≤ 7 per answer job, no EVAL after warm-up
 * (scripts by EVALSHA), ≤ 8 KB of Redis per session.
 */
const SESSIONS = Number(process.env.TRIPS_BENCH_SESSIONS ?? 200);
const ANSWERS_PER_SESSION = 3;
const TARGET_QUESTION_TRIPS = 5;
const TARGET_ANSWER_TRIPS = 7;
const TARGET_BYTES_PER_SESSION = 8 * 1024;
const BOT_TOKEN = 'xoxb-0000-0000-benchmarktoken';
const TEAM = 'TBENCH';

/** About 900 characters: three of them are the ~2.8 KB of answer text per session the issue measured. */
const ANSWER =
  'I would start from the SLO: 99.9% of requests under 300 ms, measured at the load balancer. ' +
  'Metrics: RED per service (rate, errors, duration histograms with exemplars), USE for the hosts and queues. ' +
  'Traces: OpenTelemetry SDKs, W3C trace context propagated through the queue headers, tail sampling at the collector that keeps errors and slow traces. ' +
  'Logs: structured JSON with the trace id, shipped through a buffer so a spike does not drop them. ' +
  'Alerting on burn rate over two windows (1 h and 5 min at 14.4x) pages the on-call; slower burns open a ticket. ' +
  'Dashboards start at the SLO and drill down by service, then by dependency. ' +
  'Cardinality is capped per metric with a budget, and high-cardinality labels such as user ids go to traces or logs instead. ' +
  'Finally, a runbook per alert.';

interface Trips {
  store: number;
  bullmq: number;
  evals: number;
}

/** Counts round trips per client from MONITOR lines, between start() and stop(). */
class TripCounter {
  private readonly perClient = new Map<string, { trips: number; inMulti: boolean; store: boolean; evals: number }>();
  private counting = false;

  constructor(private readonly storePrefix: string) {}

  onCommand(args: string[], source: string): void {
    if (!this.counting || source === 'lua' || source.includes('lua')) return;
    const name = (args[0] ?? '').toLowerCase();
    const client = this.perClient.get(source) ?? { trips: 0, inMulti: false, store: false, evals: 0 };
    this.perClient.set(source, client);
    if (args.slice(1).some((arg) => arg.startsWith(this.storePrefix))) client.store = true;
    if (name === 'eval') client.evals += 1;
    if (process.env.TRIPS_BENCH_TRACE && client.store) console.log(source, args.map((arg) => arg.slice(0, 60)).join(' '));
    if (name === 'multi') {
      client.inMulti = true;
      client.trips += 1;
    } else if (name === 'exec') client.inMulti = false;
    else if (!client.inMulti) client.trips += 1;
  }

  start(): void {
    this.perClient.clear();
    this.counting = true;
  }

  stop(): Trips {
    this.counting = false;
    let store = 0;
    let bullmq = 0;
    let evals = 0;
    for (const client of this.perClient.values()) {
      if (client.store) store += client.trips;
      else bullmq += client.trips;
      evals += client.evals;
    }
    return { store, bullmq, evals };
  }
}

async function waitFor(condition: () => Promise<boolean>, what: string, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function scanAll(redis: Redis, match: string): Promise<string[]> {
  const keys: string[] = [];
  let cursor = '0';
  do {
    const [next, batch] = await redis.scan(cursor, 'MATCH', match, 'COUNT', 1000);
    cursor = next;
    keys.push(...batch);
  } while (cursor !== '0');
  return keys;
}

/** The kind of a store key: `<prefix>:store:<kind>:…`, with outbox plans and their progress apart. */
function kindOf(key: string, storePrefix: string): string {
  const rest = key.slice(storePrefix.length + 1);
  const kind = rest.split(':')[0] ?? 'other';
  if (kind === 'outbox') return key.endsWith(':progress') ? 'outbox progress' : 'outbox plan';
  if (kind === 'session' && key.endsWith(':order')) return 'thread order';
  return kind;
}

export const bench: Bench = {
  name: 'redis-trips',
  async run(): Promise<BenchReport> {
    const redisServer = await startBenchRedis();
    const stub = await SlackApiStub.start({ token: BOT_TOKEN });
    const prefix = `bench-${Date.now().toString(36)}`;
    const storePrefix = `${prefix}:store`;
    const logger = createLogger({ bench: 'redis-trips' }, 'warn');
    const bank = await loadQuestionBank(process.env.OBS_CONTENT_DIR ?? 'content');
    const scorer = new KeywordScorer();
    const admin = new Redis(redisServer.url);
    const monitorClient = new Redis(redisServer.url);
    const counter = new TripCounter(storePrefix);
    const monitor = await monitorClient.monitor();
    monitor.on('monitor', (_time: string, args: string[], source: string) => counter.onCommand(args, source));
    const queueConnection = new Redis(redisServer.url, { maxRetriesPerRequest: null });
    const queue = new Queue('interactions', { connection: queueConnection, prefix });
    const worker = startInteractionsWorker({
      redisUrl: redisServer.url,
      prefix,
      sender: new SlackSender({ token: BOT_TOKEN, slackApiUrl: stub.apiUrl, responseUrlOrigins: [stub.origin], logger }),
      bank,
      resolveScorer: async () => scorer,
      logger,
      limiter: { max: 100_000, duration: 1_000 },
      // The booking still runs in each job's claim script (and is counted); it never makes a job wait.
      pacing: { slack: UNBOUNDED_POST_PACES },
    });
    let sequence = 0;
    const command = (channelId: string): CommandJob => {
      sequence += 1;
      return { kind: 'command', platform: 'slack', workspaceId: TEAM, channelId, userId: 'U1', dedupeKey: `trigger-${sequence}`, text: '', responseUrl: stub.responseUrl(`cmd-${sequence}`), receivedAt: Date.now() };
    };
    const answer = (threadId: string, userId: string): AnswerJob => {
      sequence += 1;
      const messageId = `1800000000.${String(sequence).padStart(6, '0')}`;
      const channelId = threadId.split(':')[2] ?? 'C0';
      return { kind: 'answer', platform: 'slack', workspaceId: TEAM, channelId, userId, dedupeKey: `${channelId}-${messageId}`, threadId, text: ANSWER, messageId, receivedAt: Date.now() };
    };
    const completed = async (count: number): Promise<boolean> => {
      const counts = await queue.getJobCounts('completed', 'failed');
      if ((counts.failed ?? 0) > 0) throw new Error(`${counts.failed} jobs failed`);
      return (counts.completed ?? 0) >= count;
    };
    let done = 0;
    const runJobs = async (jobs: (CommandJob | AnswerJob)[]): Promise<void> => {
      await queue.addBulk(jobs.map((job) => ({ name: job.kind, data: job, opts: { removeOnComplete: false, removeOnFail: false } })));
      done += jobs.length;
      await waitFor(() => completed(done), `${done} jobs`);
    };
    // A session key is `session:{<workspace>}:<thread id>` (the cluster hash tag); a thread's
    // post order lives beside it as `…:order`.
    const sessionIds = async (): Promise<string[]> =>
      (await scanAll(admin, `${storePrefix}:session:*`))
        .filter((key) => !key.endsWith(':order'))
        .map((key) => key.slice(`${storePrefix}:session:`.length).replace(/^\{[^}]*\}:/, ''));

    try {
      await worker.worker.waitUntilReady();
      // Warm-up: a question and an answer in a channel of their own, so scripts are loaded.
      await runJobs([command('CWARM')]);
      await runJobs((await sessionIds()).map((id) => answer(id, 'U2')));
      await admin.del(...(await scanAll(admin, `${storePrefix}:*`)));

      counter.start();
      await runJobs(Array.from({ length: SESSIONS }, (_, index) => command(`C${index}`)));
      const questionTrips = counter.stop();
      const sessions = await sessionIds();
      if (sessions.length !== SESSIONS) throw new Error(`expected ${SESSIONS} sessions, found ${sessions.length}`);

      counter.start();
      await runJobs(sessions.map((id) => answer(id, 'U2')));
      const answerTrips = counter.stop();
      for (let extra = 1; extra < ANSWERS_PER_SESSION; extra += 1) await runJobs(sessions.map((id) => answer(id, `U${2 + extra}`)));

      if (process.env.TRIPS_BENCH_TRACE) {
        for (const key of (await scanAll(admin, `${storePrefix}:*`)).filter((key) => key.includes(":session:")).slice(0, 1)) {
          const type = await admin.type(key);
          if (type === 'string' || type === 'hash') console.log(key, type, type === 'string' ? (await admin.get(key))?.slice(0, 4000) : JSON.stringify(await admin.hgetall(key)).slice(0, 4000));
        }
      }
      const byKind = new Map<string, { keys: number; bytes: number }>();
      for (const key of await scanAll(admin, `${storePrefix}:*`)) {
        const bytes = Number(await admin.memory('USAGE', key, 'SAMPLES', '0'));
        const kind = kindOf(key, storePrefix);
        const current = byKind.get(kind) ?? { keys: 0, bytes: 0 };
        byKind.set(kind, { keys: current.keys + 1, bytes: current.bytes + bytes });
      }
      const totalBytes = [...byKind.values()].reduce((sum, entry) => sum + entry.bytes, 0);
      const perSession = totalBytes / SESSIONS;

      const questionPerJob = questionTrips.store / SESSIONS;
      const answerPerJob = answerTrips.store / SESSIONS;
      const tripsOk = questionPerJob <= TARGET_QUESTION_TRIPS && answerPerJob <= TARGET_ANSWER_TRIPS && questionTrips.evals + answerTrips.evals === 0;
      const memoryOk = perSession <= TARGET_BYTES_PER_SESSION;
      const mark = (ok: boolean): string => (ok ? '✓' : '✗');
      const lines = [
        `question job: ${questionPerJob.toFixed(2)} store round trips/job (target ≤ ${TARGET_QUESTION_TRIPS}) ${mark(questionPerJob <= TARGET_QUESTION_TRIPS)} · BullMQ ${(questionTrips.bullmq / SESSIONS).toFixed(2)}/job (not targeted)`,
        `answer job:   ${answerPerJob.toFixed(2)} store round trips/job (target ≤ ${TARGET_ANSWER_TRIPS}) ${mark(answerPerJob <= TARGET_ANSWER_TRIPS)} · BullMQ ${(answerTrips.bullmq / SESSIONS).toFixed(2)}/job (not targeted)`,
        `EVAL (full script text) after warm-up: ${questionTrips.evals + answerTrips.evals} (target 0: scripts by EVALSHA) ${mark(questionTrips.evals + answerTrips.evals === 0)}`,
        `Redis per session: ${(perSession / 1024).toFixed(2)} KB (target ≤ ${TARGET_BYTES_PER_SESSION / 1024} KB) ${mark(memoryOk)} — ${SESSIONS} sessions, each a question and ${ANSWERS_PER_SESSION} answers of ${ANSWER.length} chars`,
        ...[...byKind].sort((a, b) => b[1].bytes - a[1].bytes).map(([kind, entry]) => `  ${kind.padEnd(16)} ${(entry.bytes / SESSIONS / 1024).toFixed(2)} KB/session (${entry.keys} keys)`),
        loadLine(),
      ];
      return { title: 'Interactions worker: Redis round trips per job and memory per session', lines, ok: tripsOk && memoryOk };
    } finally {
      await worker.close();
      await queue.close();
      queueConnection.disconnect();
      // MONITOR runs on a connection of its own (ioredis duplicates the client for it): left open, it
      // reconnects forever once the server stops and the bench never exits.
      monitor.disconnect();
      monitorClient.disconnect();
      admin.disconnect();
      await stub.close();
      await redisServer.stop();
    }
  },
};
