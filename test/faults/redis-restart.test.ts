import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppConfig } from '../../src/config/index.ts';
import { schedulerIdFor } from '../../src/core/schedule/daily-schedule.ts';
import { encodeThreadId } from '../../src/core/thread-id.ts';
import { createLogger } from '../../src/infra/logger.ts';
import { runBot, type RunningBot } from '../../src/main/run-bot.ts';
import { runWorker, type RunningWorker } from '../../src/main/run-worker.ts';
import type { CommandJob } from '../../src/queue/jobs.ts';
import { INTERACTIONS_QUEUE } from '../../src/queue/names.ts';
import { createInteractionProducer, jobIdFor } from '../../src/queue/producers.ts';
import { uniquePrefix } from '../helpers/redis.ts';
import { startRestartableRedis, type RestartableRedis } from '../helpers/redis-server.ts';
import { messageEnvelope, SlackHttp } from '../helpers/slack-http.ts';
import { SlackApiStub } from '../stubs/slack-api.ts';

/**
 * Redis restarted with AOF on (appendfsync always): a session, a channel's daily schedule
 * (its stored settings and its BullMQ job scheduler) and a delayed job are all there after
 * Redis comes back on the same port and folder, and the bot (Bolt over HTTP) and the worker,
 * left running throughout, reconnect on their own and handle the next command, an answer in
 * the old session's thread, and the delayed job when it falls due.
 */
const TOKEN = 'xoxb-1111-2222-aofrestartvalue';
const SIGNING_SECRET = 'aof-restart-signing-secret-77ab';
const TEAM = 'T1';
const ADMIN = 'UADMIN';

let redis: RestartableRedis;
let stub: SlackApiStub;
let worker: RunningWorker;
let bot: RunningBot;
let http: SlackHttp;
const prefix = uniquePrefix('aof');
let triggers = 0;

beforeAll(async () => {
  redis = await startRestartableRedis();
  stub = await SlackApiStub.start({ token: TOKEN });
  stub.setUser(ADMIN, { is_admin: true });
  const config: AppConfig = {
    slack: { botToken: TOKEN, signingSecret: SIGNING_SECRET, socketMode: false, apiUrl: stub.apiUrl },
    port: 0,
    redisUrl: redis.url,
    sessionTtlDays: 30,
    contentDir: 'content',
    logLevel: 'warn',
  };
  const logger = createLogger({ test: 'aof-restart' }, 'warn');
  worker = await runWorker(config, { prefix, env: {}, logger, metricsPort: 0, metricsHost: '127.0.0.1' });
  bot = await runBot(config, { producer: createInteractionProducer(config.redisUrl, { prefix }), listen: { port: 0, host: '127.0.0.1' }, logger });
  http = new SlackHttp(`http://127.0.0.1:${bot.port}/slack/events`, SIGNING_SECRET);
}, 60_000);

afterAll(async () => {
  await bot?.close();
  await worker?.close();
  await stub?.close();
  await redis?.stop();
}, 60_000);

async function waitFor<T>(probe: () => T | undefined | Promise<T | undefined>, timeoutMs: number, what: string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

const topLevelIn = (channel: string) => stub.messages.filter((message) => message.channel === channel && message.thread_ts === undefined);

async function command(channel: string, text: string, userId = 'U1'): Promise<void> {
  triggers += 1;
  const response = await http.command({ text, team_id: TEAM, channel_id: channel, user_id: userId, trigger_id: `trig.aof.${triggers}`, response_url: stub.responseUrl(`aof-${triggers}`) });
  expect(response.status).toBe(200);
}

async function readyz(port: number): Promise<number> {
  try {
    return (await fetch(`http://127.0.0.1:${port}/readyz`)).status;
  } catch {
    return 0;
  }
}

/** A fresh client for looking at what Redis holds; closed after each look. */
async function inRedis<T>(look: (client: Redis) => Promise<T>): Promise<T> {
  const client = new Redis(redis.url, { maxRetriesPerRequest: 1 });
  try {
    return await look(client);
  } finally {
    client.disconnect();
  }
}

describe('Redis restarted with AOF on', () => {
  it('keeps sessions, schedules and queued jobs, and the bot and worker carry on by themselves', async () => {
    // Before: a practice session, a daily schedule, and a job delayed past the restart.
    await command('C-SESSION', '');
    const root = await waitFor(() => topLevelIn('C-SESSION')[0], 20_000, 'the question');
    const sessionId = encodeThreadId({ platform: 'slack', workspace: TEAM, channel: 'C-SESSION', thread: root.ts });
    await waitFor(async () => (await worker.worker.stores.sessions.get(sessionId)) !== undefined || undefined, 10_000, 'the session');

    await command('C-DAILY', 'daily set 09:30 Europe/Berlin daily', ADMIN);
    const channelKey = `slack:${TEAM}:C-DAILY`;
    await waitFor(async () => (await worker.daily.queue.getJobScheduler(schedulerIdFor(channelKey))) ?? undefined, 20_000, 'the daily job scheduler');

    const delayed: CommandJob = { kind: 'command', platform: 'slack', workspaceId: TEAM, channelId: 'C-DELAYED', userId: 'U3', dedupeKey: 'trig.aof.delayed', receivedAt: Date.now(), text: '', responseUrl: stub.responseUrl('aof-delayed') };
    const delayedId = jobIdFor(delayed);
    await inRedis(async (client) => {
      const queue = new Queue(INTERACTIONS_QUEUE, { connection: client, prefix });
      await queue.add('command', delayed, { jobId: delayedId, delay: 6_000 });
      expect(await queue.getJobState(delayedId)).toBe('delayed');
      await queue.close();
    });

    // Redis goes away (a clean SIGTERM shutdown) and comes back on the same port and folder.
    await redis.halt();
    expect(await readyz(bot.port ?? 0)).toBe(503);
    await redis.restart();

    // What was persisted is all there.
    await inRedis(async (client) => {
      const queue = new Queue(INTERACTIONS_QUEUE, { connection: client, prefix });
      expect(await queue.getJobState(delayedId)).toMatch(/^(delayed|waiting|active|completed)$/);
      await queue.close();
      const sessionKeys = await client.keys(`${prefix}:store:*${root.ts}*`);
      expect(sessionKeys.length).toBeGreaterThan(0);
    });
    expect((await worker.worker.stores.sessions.get(sessionId))?.state.status).toBe('active');
    expect(await worker.daily.stores.daily.schedules.get(channelKey)).toMatchObject({ time: '09:30', timezone: 'Europe/Berlin', enabled: true });
    expect(await worker.daily.queue.getJobScheduler(schedulerIdFor(channelKey))).toMatchObject({ tz: 'Europe/Berlin' });

    // Both processes find Redis again without being restarted themselves.
    await waitFor(async () => (await readyz(bot.port ?? 0)) === 200 || undefined, 15_000, 'the bot to be ready again');
    await waitFor(async () => (await readyz(worker.metricsPort ?? 0)) === 200 || undefined, 15_000, 'the worker to be ready again');

    // The next command is handled end to end…
    const triesBefore = stub.responses.length;
    await command('C-AFTER', '');
    await waitFor(() => topLevelIn('C-AFTER')[0], 20_000, 'the question asked after the restart');
    // …with no "try again" sent in its place.
    expect(stub.responses.slice(triesBefore).map((post) => JSON.stringify(post.body))).not.toContainEqual(expect.stringContaining('try again'));

    // An answer in the thread of the session from before the restart is scored.
    const ephemeralsBefore = stub.callsTo('chat.postEphemeral').length;
    await http.event(messageEnvelope(TEAM, 'Ev.aof.answer', { channel: 'C-SESSION', user: 'U2', text: 'I would add tracing with a traceparent header and sample the errors.', ts: `${Number(root.ts) + 5}`.padEnd(17, '0'), thread_ts: root.ts, parent_user_id: 'UBOT' }));
    await waitFor(() => stub.callsTo('chat.postEphemeral').slice(ephemeralsBefore).find((call) => call.args.channel === 'C-SESSION' && call.args.thread_ts === root.ts), 20_000, 'feedback on the answer');
    expect((await worker.worker.stores.sessions.get(sessionId))?.state.answers).toHaveLength(1);

    // The job delayed across the restart runs when due, once.
    await waitFor(() => topLevelIn('C-DELAYED')[0], 30_000, 'the delayed job’s question');
    await inRedis(async (client) => {
      const queue = new Queue(INTERACTIONS_QUEUE, { connection: client, prefix });
      await waitFor(async () => (await queue.getJobState(delayedId)) === 'completed' || undefined, 10_000, 'the delayed job to complete');
      await queue.close();
    });
    expect(topLevelIn('C-DELAYED')).toHaveLength(1);
  }, 120_000);
});
