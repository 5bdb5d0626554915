import { afterEach, describe, expect, it } from 'vitest';
import { createSlackApp, type SlackApp } from '../src/adapters/slack/app.ts';
import { ConfigError } from '../src/config/errors.ts';
import { createLogger, setLogSink } from '../src/infra/logger.ts';
import { EXIT_UNAVAILABLE, PlatformUnreachableError, retryStartup } from '../src/infra/startup.ts';
import { freePort } from './helpers/redis-server.ts';
import { testRedisUrl } from './helpers/redis.ts';
import { runCli } from './helpers/run-cli.ts';
import { SlackApiStub } from './stubs/slack-api.ts';

const SIGNING_SECRET = 'startuptestsigningsecret0123456789';
const lines: string[] = [];
let restoreSink: ReturnType<typeof setLogSink> | undefined;
let stub: SlackApiStub | undefined;
let app: SlackApp | undefined;

function captureLogs(): void {
  lines.length = 0;
  restoreSink = setLogSink((line) => lines.push(line));
}

afterEach(async () => {
  await app?.stop();
  await stub?.close();
  app = undefined;
  stub = undefined;
  if (restoreSink) setLogSink(restoreSink);
  restoreSink = undefined;
});

describe('retryStartup', () => {
  const logger = createLogger({ test: 'startup' }, 'info');

  it('retries with backoff until the step succeeds, logging each failed attempt once', async () => {
    captureLogs();
    let calls = 0;
    const result = await retryStartup(
      'opening the gateway',
      async () => {
        calls += 1;
        if (calls < 3) throw new Error('ECONNREFUSED');
        return 'up';
      },
      { retries: 4, minDelayMs: 5, logger, isPermanent: () => false, giveUp: (error) => error as Error },
    );
    expect(result).toBe('up');
    expect(calls).toBe(3);
    expect(lines.filter((line) => line.includes('opening the gateway failed at start-up; retrying'))).toHaveLength(2);
  });

  it('does not retry a permanent error, and throws it as it is', async () => {
    let calls = 0;
    const refused = new Error('invalid_auth');
    const attempt = retryStartup(
      'verifying',
      async () => {
        calls += 1;
        throw refused;
      },
      { retries: 4, minDelayMs: 5, logger, isPermanent: (error) => error === refused, giveUp: () => new Error('gave up') },
    );
    await expect(attempt).rejects.toBe(refused);
    expect(calls).toBe(1);
  });

  it('gives up after the retries with the typed error, counting every attempt', async () => {
    const attempt = retryStartup(
      'verifying',
      async () => {
        throw new Error('connect ECONNREFUSED');
      },
      { retries: 2, minDelayMs: 5, logger, isPermanent: () => false, giveUp: (error, attempts) => new PlatformUnreachableError('Slack', 'http://x/api/', attempts, error) },
    );
    const error = await attempt.catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(PlatformUnreachableError);
    expect((error as PlatformUnreachableError).code).toBe('platform_unreachable');
    expect((error as PlatformUnreachableError).attempts).toBe(3);
    expect((error as PlatformUnreachableError).exitCode).toBe(EXIT_UNAVAILABLE);
    expect((error as Error).message).toMatch(/^could not reach Slack at http:\/\/x\/api\/ after 3 attempts \(connect ECONNREFUSED\)/);
  });
});

describe('Slack at start-up', () => {
  function slackApp(apiUrl: string, startupRetries: number): SlackApp {
    return createSlackApp(
      { slack: { botToken: 'xoxb-1-2-startuptoken', signingSecret: SIGNING_SECRET, socketMode: false, apiUrl }, port: 0, logLevel: 'info', startupRetries },
      { producer: { enqueue: async () => ({ queued: true }) } as never, logger: createLogger({ test: 'startup' }, 'info') },
    );
  }

  it('starts once Slack answers, after failing at first: the outage was retried, not fatal', async () => {
    captureLogs();
    stub = await SlackApiStub.start();
    // Enough 500s to fail WebClient's own retries on the first attempt.
    stub.script('auth.test', { status: 500 }, { status: 500 }, { status: 500 });
    app = slackApp(stub.apiUrl, 3);
    const started = await app.start({ port: 0, host: '127.0.0.1' });
    expect(started.port).toBeGreaterThan(0);
    expect(stub.calls.filter((call) => call.method === 'auth.test').length).toBeGreaterThanOrEqual(2);
    expect(lines.some((line) => line.includes('verifying the Slack bot token (auth.test) failed at start-up; retrying'))).toBe(true);
  });

  it('a refused token is a configuration error at once, not retried', async () => {
    stub = await SlackApiStub.start({ token: 'xoxb-some-other-token' });
    app = slackApp(stub.apiUrl, 3);
    await expect(app.start({ port: 0, host: '127.0.0.1' })).rejects.toBeInstanceOf(ConfigError);
    expect(stub.calls.filter((call) => call.method === 'auth.test')).toHaveLength(1);
  });

  it('obs-bot bot with Slack unreachable: a clear start-up error and exit 69, not "unexpected" (70)', async () => {
    const closed = await freePort();
    const run = await runCli(['bot'], {
      env: {
        SLACK_BOT_TOKEN: 'xoxb-1-2-startuptoken',
        SLACK_SIGNING_SECRET: SIGNING_SECRET,
        SLACK_API_URL: `http://127.0.0.1:${closed}/api/`,
        OBS_STARTUP_RETRIES: '1',
        REDIS_URL: testRedisUrl(),
        PORT: '0',
      },
    });
    expect(run.code).toBe(69);
    expect(run.stderr).toContain(`obs-bot bot: could not reach Slack at http://127.0.0.1:${closed}/api/ after 2 attempts`);
    expect(run.stderr).toContain('SLACK_API_URL is right');
    expect(run.stderr).not.toMatch(/unexpected error/);
    expect(run.stderr).not.toContain('xoxb-1-2-startuptoken');
  });
});
