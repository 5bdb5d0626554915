import { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppConfig } from '../../src/config/index.ts';
import { createLogger } from '../../src/infra/logger.ts';
import { runBot, type RunningBot } from '../../src/main/run-bot.ts';
import { INTERACTIONS_QUEUE } from '../../src/queue/names.ts';
import { createInteractionProducer } from '../../src/queue/producers.ts';
import { testRedis, testRedisUrl, uniquePrefix } from '../helpers/redis.ts';
import { SlackHttp } from '../helpers/slack-http.ts';
import { SlackApiStub } from '../stubs/slack-api.ts';
import { startWorkerProcess, type WorkerProcess } from './worker-process.ts';

/**
 * A worker killed with SIGKILL in the middle of a job: its Slack call is held open by the
 * stand-in, the process dies, and a second worker (started only then) takes the job over
 * once the dead worker's lock lapses, and finishes it from the stored plan. Slack ends up
 * with the question exactly once, whether or not the held post had gone through.
 *
 * Both workers are real `obs-bot worker` processes, configured through the environment;
 * OBS_JOB_LOCK_MS / OBS_JOB_STALLED_CHECK_MS shorten the take-over from ~60 s to ~2 s.
 */
const TOKEN = 'xoxb-1111-2222-sigkilltestvalue';
const SIGNING_SECRET = 'sigkill-signing-secret-8c1d2e3f';
const TEAM = 'T1';

let stub: SlackApiStub;
let bot: RunningBot;
let http: SlackHttp;
let queue: Queue;
const prefix = uniquePrefix('sigkill');
const workers: WorkerProcess[] = [];

function workerEnv(): Record<string, string> {
  return {
    SLACK_BOT_TOKEN: TOKEN,
    SLACK_API_URL: stub.apiUrl,
    REDIS_URL: testRedisUrl(),
    OBS_QUEUE_PREFIX: prefix,
    OBS_JOB_LOCK_MS: '1500',
    OBS_JOB_STALLED_CHECK_MS: '500',
    LOG_LEVEL: 'warn',
  };
}

async function startWorker(): Promise<WorkerProcess> {
  const worker = await startWorkerProcess(workerEnv());
  workers.push(worker);
  return worker;
}

const topLevelIn = (channel: string) => stub.messages.filter((message) => message.channel === channel && message.thread_ts === undefined);

beforeAll(async () => {
  stub = await SlackApiStub.start({ token: TOKEN });
  const config: AppConfig = {
    slack: { botToken: TOKEN, signingSecret: SIGNING_SECRET, socketMode: false, apiUrl: stub.apiUrl },
    port: 0,
    redisUrl: testRedisUrl(),
    sessionTtlDays: 30,
    contentDir: 'content',
    logLevel: 'warn',
  };
  bot = await runBot(config, { producer: createInteractionProducer(config.redisUrl, { prefix }), listen: { port: 0, host: '127.0.0.1' }, logger: createLogger({ test: 'sigkill' }, 'warn') });
  http = new SlackHttp(`http://127.0.0.1:${bot.port}/slack/events`, SIGNING_SECRET);
  queue = new Queue(INTERACTIONS_QUEUE, { connection: testRedis(), prefix });
}, 60_000);

afterAll(async () => {
  await Promise.all(workers.splice(0).map((worker) => worker.stop()));
  await bot?.close();
  await queue?.close();
  await stub?.close();
}, 60_000);

async function jobState(triggerId: string): Promise<string> {
  return queue.getJobState(`command_slack_${TEAM}_${triggerId}`);
}

async function waitFor(predicate: () => boolean | Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await predicate())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe('a worker SIGKILLed mid-job', () => {
  it.each([
    { when: 'before Slack took the post', channel: 'C-KILL-1', afterEffect: false },
    { when: 'after Slack took the post, before the worker heard back', channel: 'C-KILL-2', afterEffect: true },
  ])('$when: another worker finishes the job and Slack has the question exactly once', async ({ channel, afterEffect }) => {
    // Only the worker about to be killed may take the job.
    await Promise.all(workers.splice(0).map((worker) => worker.stop()));
    const first = await startWorker();
    stub.script('chat.postMessage', { hold: true, afterEffect });
    const heldBefore = stub.held.length;
    const triggerId = `trig.kill.${channel}`;
    const acked = await http.command({ text: '', team_id: TEAM, channel_id: channel, user_id: 'U1', trigger_id: triggerId, response_url: stub.responseUrl(`kill-${channel}`) });
    expect(acked.status).toBe(200);

    // The worker is inside chat.postMessage: the stand-in holds the call open.
    await waitFor(() => stub.held.length > heldBefore, 20_000, 'the held chat.postMessage');
    expect(await jobState(triggerId)).toBe('active');
    await first.kill();
    expect(first.child.signalCode).toBe('SIGKILL');
    // Nobody is working on it now: still "active", with a lock that will lapse.
    expect(await jobState(triggerId)).toBe('active');
    expect(topLevelIn(channel)).toHaveLength(afterEffect ? 1 : 0);

    await startWorker();
    await waitFor(async () => (await jobState(triggerId)) === 'completed', 30_000, 'the second worker to complete the job');

    // Exactly one question in the channel, and the session is keyed by it.
    expect(topLevelIn(channel)).toHaveLength(1);
    const posts = stub.callsTo('chat.postMessage').filter((call) => call.args.channel === channel);
    if (afterEffect) {
      // The take-over looked for the post (by its metadata) instead of posting it again.
      expect(posts).toHaveLength(1);
      expect(stub.callsTo('conversations.history').some((call) => call.args.channel === channel && call.args.include_all_metadata === true)).toBe(true);
    } else {
      expect(posts).toHaveLength(2);
    }
    const root = topLevelIn(channel)[0]?.ts ?? '';
    const redis = testRedis();
    try {
      const sessionKeys = await redis.keys(`${prefix}:store:*${channel}*`);
      expect(sessionKeys.some((key) => key.includes(root))).toBe(true);
    } finally {
      redis.disconnect();
    }
    const finished = await queue.getJob(`command_slack_${TEAM}_${triggerId}`);
    expect(finished?.stalledCounter).toBe(1);
  }, 120_000);
});
