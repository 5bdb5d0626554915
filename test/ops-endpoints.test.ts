import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { AppConfig } from '../src/config/index.ts';
import { createLogger, setLogSink } from '../src/infra/logger.ts';
import { runBot, type RunningBot } from '../src/main/run-bot.ts';
import { createInteractionProducer } from '../src/queue/producers.ts';
import { freePort } from './helpers/redis-server.ts';
import { testRedisUrl, uniquePrefix } from './helpers/redis.ts';
import { SlackHttp } from './helpers/slack-http.ts';
import { SlackApiStub } from './stubs/slack-api.ts';

const SIGNING_SECRET = 'ops-endpoints-signing-secret-5d4c3b2a';
const BOT_TOKEN = 'xoxb-1-2-opsendpointstoken';
let bot: RunningBot | undefined;
let stub: SlackApiStub | undefined;
let restore: ReturnType<typeof setLogSink> | undefined;

afterEach(async () => {
  await bot?.close();
  await stub?.close();
  bot = undefined;
  stub = undefined;
  if (restore) setLogSink(restore);
  restore = undefined;
});

async function startBot(redisUrl: string): Promise<{ origin: string }> {
  restore = setLogSink(() => undefined);
  stub = await SlackApiStub.start();
  const config: AppConfig = {
    slack: { botToken: BOT_TOKEN, signingSecret: SIGNING_SECRET, socketMode: false, apiUrl: stub.apiUrl },
    port: 0,
    redisUrl,
    sessionTtlDays: 30,
    contentDir: 'content',
    logLevel: 'error',
  };
  const producer = createInteractionProducer(redisUrl, { prefix: uniquePrefix('ops'), logger: createLogger({}, 'error') });
  bot = await runBot(config, { producer, listen: { port: 0, host: '127.0.0.1' }, logger: createLogger({}, 'error') });
  return { origin: `http://127.0.0.1:${bot.port}` };
}

describe('the bot serves /healthz, /readyz and /metrics on its HTTP port', () => {
  it('ready with Redis and Slack up; /metrics counts a command by sub-command, and its ack, without ids', async () => {
    const { origin } = await startBot(testRedisUrl());
    expect((await fetch(`${origin}/healthz`)).status).toBe(200);
    const ready = await fetch(`${origin}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ ready: true, checks: { redis: true, slack: true } });

    const http = new SlackHttp(`${origin}/slack/events`, SIGNING_SECRET);
    const sent = await http.command({ text: 'topics', team_id: 'TOPSTEAM1', channel_id: 'COPSCHAN1', user_id: 'UOPSUSER1', trigger_id: 'trig.ops.1', response_url: stub!.responseUrl('ops') });
    expect(sent.status).toBe(200);

    const response = await fetch(`${origin}/metrics`);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
    const text = await response.text();
    expect(text).toMatch(/^obsbot_commands_total\{platform="slack",subcommand="topics"\} [1-9]/m);
    expect(text).toMatch(/^obsbot_ack_seconds_count\{platform="slack",kind="command"\} [1-9]/m);
    expect(text).toMatch(/^process_resident_memory_bytes /m);
    for (const id of ['TOPSTEAM1', 'COPSCHAN1', 'UOPSUSER1', 'trig.ops.1']) expect(text).not.toContain(id);
  });

  it('503 from /readyz, naming Redis, while Redis does not answer; /healthz still 200', async () => {
    const { origin } = await startBot(`redis://127.0.0.1:${await freePort()}`);
    expect((await fetch(`${origin}/healthz`)).status).toBe(200);
    const ready = await fetch(`${origin}/readyz`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toEqual({ ready: false, checks: { redis: false, slack: true } });
  });
});

describe('a worker with Redis lost', () => {
  it('serves /healthz 200 and /readyz 503 on METRICS_PORT, and logs the outage once, then with backoff', async () => {
    const metricsPort = await freePort();
    const child = spawn(process.execPath, [path.resolve('bin/obs-bot.mjs'), 'worker'], {
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        SLACK_BOT_TOKEN: BOT_TOKEN,
        REDIS_URL: `redis://127.0.0.1:${await freePort()}`,
        METRICS_PORT: String(metricsPort),
        OBS_QUEUE_PREFIX: uniquePrefix('lost'),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    try {
      const started = Date.now();
      let health: Response | undefined;
      // Generous: tsx compiles the sources at start, slow on a loaded 2-core machine.
      while (!health && Date.now() - started < 25_000) {
        health = await fetch(`http://127.0.0.1:${metricsPort}/healthz`).catch(() => undefined);
        if (!health) await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(health?.status).toBe(200);
      const ready = await fetch(`http://127.0.0.1:${metricsPort}/readyz`);
      expect(ready.status).toBe(503);
      expect(((await ready.json()) as { checks: Record<string, boolean> }).checks.redis).toBe(false);
      // ioredis retries every ≤2 s on each of several connections; before, each retry logged a line.
      await new Promise((resolve) => setTimeout(resolve, 6_000));
    } finally {
      child.kill('SIGKILL');
    }
    const redisLines = stderr.split('\n').filter((line) => /redis/i.test(line) && line.startsWith('{'));
    const first = redisLines.filter((line) => line.includes('redis unreachable; retrying in the background'));
    expect(first).toHaveLength(1);
    // Once at the start, then at most once per backoff interval (5 s, 10 s, …) over ~6 s.
    expect(redisLines.length).toBeGreaterThanOrEqual(1);
    expect(redisLines.length).toBeLessThanOrEqual(3);
  }, 45_000);
});
