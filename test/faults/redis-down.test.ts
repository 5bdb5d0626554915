import { createServer, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppConfig } from '../../src/config/index.ts';
import { createLogger, setLogSink } from '../../src/infra/logger.ts';
import { runBot, type RunningBot } from '../../src/main/run-bot.ts';
import { uniquePrefix } from '../helpers/redis.ts';
import { freePort } from '../helpers/redis-server.ts';
import { messageEnvelope, SlackHttp } from '../helpers/slack-http.ts';
import { SlackApiStub } from '../stubs/slack-api.ts';
import { DiscordStub } from '../stubs/discord-api.ts';
import { CHANNEL, DISCORD_TOKEN, GUILD, STUB_GUILD } from '../stubs/discord-harness.ts';
import { chatInput, type Actor } from '../stubs/discord-payloads.ts';

/**
 * Redis down when a command arrives, through the whole bot as `obs-bot bot` composes it
 * (runBot: its own producer, dedupe connection and receivers), on both platforms:
 * - Slack, with a Redis that accepts connections and never answers (the worst kind of
 *   down: nothing is refused, everything would wait);
 * - Discord, with nothing listening on the Redis port.
 * The person is told privately to try again within Slack's and Discord's 3-second window,
 * and the bot still shuts down promptly: nothing hangs. (test/slack-adapter-redis-down.test.ts
 * covers the Slack adapter alone with a refused port, buttons included.)
 */
const DEADLINE_MS = 3_000;
const TRY_AGAIN = "I can't reach my queue right now: try again in a minute.";
const lines: string[] = [];
let restoreSink: ReturnType<typeof setLogSink>;

/** A TCP server that takes every connection and never says a word. */
async function startBlackhole(): Promise<{ url: string; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `redis://127.0.0.1:${port}`,
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

async function timed<T>(work: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  const value = await work();
  return { value, ms: performance.now() - started };
}

beforeAll(() => {
  restoreSink = setLogSink((line) => lines.push(line));
});

afterAll(() => {
  setLogSink(restoreSink);
});

describe('Redis down when a Slack command arrives (Redis accepts the socket but never answers)', () => {
  const TOKEN = 'xoxb-1111-2222-redisdownfault';
  const SECRET = 'redis-down-fault-signing-secret-1';
  let stub: SlackApiStub;
  let blackhole: Awaited<ReturnType<typeof startBlackhole>>;
  let bot: RunningBot;
  let http: SlackHttp;

  beforeAll(async () => {
    stub = await SlackApiStub.start({ token: TOKEN });
    blackhole = await startBlackhole();
    const config: AppConfig = { slack: { botToken: TOKEN, signingSecret: SECRET, socketMode: false, apiUrl: stub.apiUrl }, port: 0, redisUrl: blackhole.url, sessionTtlDays: 30, contentDir: 'content', logLevel: 'info' };
    bot = await runBot(config, { listen: { port: 0, host: '127.0.0.1' }, logger: createLogger({ test: 'redis-down-slack' }, 'info') });
    http = new SlackHttp(`http://127.0.0.1:${bot.port}/slack/events`, SECRET);
  }, 30_000);

  afterAll(async () => {
    await blackhole?.close();
    await stub?.close();
  });

  it('a slash command is acked and answered "try again" through response_url within 3 s', async () => {
    const sent = Date.now();
    const response = await http.command({ text: 'tracing', team_id: 'T1', channel_id: 'C1', user_id: 'U1', trigger_id: 'trig.blackhole.1', response_url: stub.responseUrl('bh-cmd') });
    expect(response.status).toBe(200);
    await stub.waitFor(() => stub.responses.some((post) => post.id === 'bh-cmd'), DEADLINE_MS, 'the try-again reply');
    const reply = stub.responses.find((post) => post.id === 'bh-cmd');
    expect(reply?.body).toEqual({ response_type: 'ephemeral', text: TRY_AGAIN });
    expect((reply?.at ?? Infinity) - sent).toBeLessThan(DEADLINE_MS);
  });

  it('an answer in a thread is told "try again" ephemerally in its thread within 3 s', async () => {
    const sent = Date.now();
    await http.event(messageEnvelope('T1', 'Ev.blackhole.2', { channel: 'C2', user: 'U2', text: 'my answer', ts: '1712345800.000002', thread_ts: '1712345678.000200', parent_user_id: 'UBOT' }));
    await stub.waitFor(() => stub.callsTo('chat.postEphemeral').length > 0, DEADLINE_MS, 'the try-again ephemeral');
    const [call] = stub.callsTo('chat.postEphemeral');
    expect(call?.args).toMatchObject({ channel: 'C2', user: 'U2', thread_ts: '1712345678.000200', text: TRY_AGAIN });
    expect((call?.at ?? Infinity) - sent).toBeLessThan(DEADLINE_MS);
  });

  it('logged as an outage, never as a bug, and the bot stops promptly', async () => {
    expect(lines.some((line) => line.includes('queue unavailable'))).toBe(true);
    expect(lines.filter((line) => line.includes('bug in listener'))).toEqual([]);
    const { ms } = await timed(() => bot.close());
    expect(ms).toBeLessThan(5_000);
  });
});

describe('Redis down when a Discord command arrives (nothing listening)', () => {
  let stub: DiscordStub;
  let bot: RunningBot;
  const cleo: Actor = { guildId: GUILD, channelId: CHANNEL, userId: '950000000000000003' };

  beforeAll(async () => {
    stub = await DiscordStub.start({ token: DISCORD_TOKEN, guilds: [structuredClone(STUB_GUILD)] });
    const config: AppConfig = {
      discord: { token: DISCORD_TOKEN, applicationId: '900000000000000001', apiUrl: stub.apiUrl, messageContent: false },
      port: 0,
      redisUrl: `redis://127.0.0.1:${await freePort()}`,
      sessionTtlDays: 30,
      contentDir: 'content',
      logLevel: 'info',
    };
    bot = await runBot(config, { prefix: uniquePrefix('dc-down'), topics: ['tracing'], listen: { port: 0, host: '127.0.0.1' }, logger: createLogger({ test: 'redis-down-discord' }, 'info') });
  }, 30_000);

  afterAll(async () => {
    await stub?.close();
  });

  it.each([
    { name: 'ask', path: ['ask'] as [string], options: { topic: 'tracing' } as Record<string, string> },
    { name: 'mock', path: ['mock'] as [string], options: {} as Record<string, string> },
    { name: 'stats', path: ['stats'] as [string], options: {} as Record<string, string> },
  ])('/obs-question $name: acked in time, then "try again", privately, within 3 s', async ({ path, options }) => {
    const interaction = chatInput(cleo, path, options);
    const sent = Date.now();
    stub.dispatch('INTERACTION_CREATE', interaction);
    await stub.waitFor(() => stub.callbacksFor(interaction.id).length > 0, DEADLINE_MS, 'the callback');
    const callback = stub.callbacksFor(interaction.id)[0];
    // A private first answer (64 = ephemeral): "starting…" (4) or "thinking…" (5), only to them.
    expect(callback?.body).toMatchObject({ type: expect.toBeOneOf([4, 5]), data: { flags: 64 } });
    const told = () => stub.calls.filter((call) => call.path.includes(`/${interaction.token}`) && call.method !== 'GET' && JSON.stringify(call.body ?? {}).includes('try again'));
    await stub.waitFor(() => told().length > 0, DEADLINE_MS, 'the try-again reply');
    expect((told()[0]?.at ?? Infinity) - sent).toBeLessThan(DEADLINE_MS);
    expect(told()).toHaveLength(1);
    expect(JSON.stringify(told()[0]?.body)).toContain(TRY_AGAIN);
  });

  it('logged as an outage, never as a bug, and the bot stops promptly', async () => {
    expect(lines.filter((line) => line.includes('bug in interaction handler'))).toEqual([]);
    expect(lines.some((line) => line.includes('redis-down-discord') && line.includes('queue unavailable'))).toBe(true);
    const { ms } = await timed(() => bot.close());
    expect(ms).toBeLessThan(5_000);
  });
});
