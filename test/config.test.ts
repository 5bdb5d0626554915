import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError, hasSlackCredentials, loadConfig, normaliseSlackApiUrl } from '../src/config/index.ts';
import { createLogger, setLogSink } from '../src/infra/logger.ts';
import { isUserError } from '../src/core/errors.ts';

const BOT_TOKEN = 'xoxb-1111-2222-configtestbot';
const SIGNING_SECRET = 'c0nfigtestsigningsecret9f8e7d6c';
const APP_TOKEN = 'xapp-1-A111-222-configtestapp';

const valid = { SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SIGNING_SECRET };

function configErrorOf(run: () => unknown): ConfigError {
  try {
    run();
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

let restoreSink: ReturnType<typeof setLogSink> | undefined;
afterEach(() => {
  if (restoreSink) setLogSink(restoreSink);
  restoreSink = undefined;
});

describe('loadConfig', () => {
  it('reads the idle timing of mock threads, and names a bad value', () => {
    expect(loadConfig({ ...valid, OBS_MOCK_NUDGE_AFTER_H: '0.5' }).mockIdle).toEqual({ nudgeAfterMs: 1_800_000, expireAfterMs: 7 * 86_400_000 });
    expect(loadConfig({ ...valid, OBS_MOCK_EXPIRE_AFTER_D: '2' }).mockIdle).toEqual({ nudgeAfterMs: 86_400_000, expireAfterMs: 2 * 86_400_000 });
    const error = configErrorOf(() => loadConfig({ ...valid, OBS_MOCK_NUDGE_AFTER_H: 'soon' }));
    expect(error.problems.map((problem) => problem.variable)).toEqual(['OBS_MOCK_NUDGE_AFTER_H']);
  });

  it('reads the job lock (OBS_JOB_LOCK_MS, OBS_JOB_STALLED_CHECK_MS) only when set, and names a bad value', () => {
    expect(loadConfig(valid).jobLock).toBeUndefined();
    expect(loadConfig({ ...valid, OBS_JOB_LOCK_MS: '2000' }).jobLock).toEqual({ lockDurationMs: 2_000 });
    expect(loadConfig({ ...valid, OBS_JOB_LOCK_MS: '2000', OBS_JOB_STALLED_CHECK_MS: '1000' }).jobLock).toEqual({ lockDurationMs: 2_000, stalledCheckMs: 1_000 });
    const error = configErrorOf(() => loadConfig({ ...valid, OBS_JOB_LOCK_MS: '100', OBS_JOB_STALLED_CHECK_MS: 'soon' }));
    expect(error.message).toContain('OBS_JOB_LOCK_MS: must be a whole number of milliseconds from 500 to 600000');
    expect(error.message).toContain('OBS_JOB_STALLED_CHECK_MS: must be');
  });

  it('applies the defaults around the two required variables', () => {
    const config = loadConfig(valid);
    expect(config).toEqual({
      slack: { botToken: BOT_TOKEN, signingSecret: SIGNING_SECRET, socketMode: false },
      port: 3000,
      redisUrl: 'redis://127.0.0.1:6379',
      sessionTtlDays: 30,
      contentDir: 'content',
      logLevel: 'info',
      shutdownTimeoutMs: 25_000,
      answerRetentionDays: 90,
    });
  });

  it('SHUTDOWN_TIMEOUT_MS bounds the SIGTERM drain; a bad value names the rule', () => {
    expect(loadConfig({ ...valid, SHUTDOWN_TIMEOUT_MS: '5000' }).shutdownTimeoutMs).toBe(5_000);
    expect(() => loadConfig({ ...valid, SHUTDOWN_TIMEOUT_MS: '10s' })).toThrow(/SHUTDOWN_TIMEOUT_MS.*whole number of milliseconds from 100 to 3600000/);
  });

  it('reads every variable, turns on Socket Mode with an app token, and trims pasted whitespace', () => {
    const config = loadConfig({
      ...valid,
      SLACK_BOT_TOKEN: `  ${BOT_TOKEN}\n`,
      SLACK_APP_TOKEN: APP_TOKEN,
      PORT: '8080',
      REDIS_URL: 'rediss://:pw@redis.internal:6380/2',
      SLACK_API_URL: 'http://127.0.0.1:4010',
      SESSION_TTL_DAYS: '7',
      OBS_CONTENT_DIR: '/srv/content',
      LOG_LEVEL: 'debug',
    });
    expect(config.slack).toEqual({ botToken: BOT_TOKEN, signingSecret: SIGNING_SECRET, appToken: APP_TOKEN, socketMode: true, apiUrl: 'http://127.0.0.1:4010/api/' });
    expect(config).toMatchObject({ port: 8080, redisUrl: 'rediss://:pw@redis.internal:6380/2', sessionTtlDays: 7, contentDir: '/srv/content', logLevel: 'debug' });
  });

  it('treats blank variables as unset', () => {
    expect(loadConfig({ ...valid, PORT: '', SLACK_APP_TOKEN: '  ', LOG_LEVEL: '' })).toMatchObject({ port: 3000, logLevel: 'info', slack: { socketMode: false } });
  });

  it('names every missing or bad variable in one error, one line each, with how to fix it', () => {
    const error = configErrorOf(() =>
      loadConfig({
        SLACK_APP_TOKEN: 'xoxb-not-an-app-token-1234',
        PORT: 'eighty',
        REDIS_URL: 'http://localhost:6379',
        SLACK_API_URL: 'not a url',
        SESSION_TTL_DAYS: '0',
        LOG_LEVEL: 'verbose',
      }),
    );
    expect(isUserError(error)).toBe(true);
    expect(error.code).toBe('config_invalid');
    expect(error.problems.map((problem) => problem.variable).sort()).toEqual(
      ['LOG_LEVEL', 'PORT', 'REDIS_URL', 'SESSION_TTL_DAYS', 'SLACK_API_URL', 'SLACK_APP_TOKEN', 'SLACK_BOT_TOKEN', 'SLACK_SIGNING_SECRET'].sort(),
    );
    const lines = error.message.split('\n');
    expect(lines[0]).toBe('The configuration has 8 problems:');
    expect(lines).toHaveLength(9);
    expect(error.message).toMatch(/SLACK_BOT_TOKEN: is not set\. Copy the Bot User OAuth Token/);
    expect(error.message).toMatch(/SLACK_SIGNING_SECRET: is not set\. Copy the Signing Secret/);
    expect(error.message).toMatch(/SLACK_APP_TOKEN: does not start with xapp-, so it is not an app-level token\./);
    expect(error.message).toMatch(/PORT: must be a whole number from 0 to 65535/);
  });

  it('never prints a value, not even a wrong one', () => {
    const userToken = 'xoxp-9999-8888-a-user-token';
    const error = configErrorOf(() => loadConfig({ SLACK_BOT_TOKEN: userToken, SLACK_SIGNING_SECRET: 'has spaces in it', REDIS_URL: 'ftp://user:hunter2secret@host' }));
    expect(error.problems.map((problem) => problem.variable)).toEqual(['SLACK_BOT_TOKEN', 'SLACK_SIGNING_SECRET', 'REDIS_URL']);
    for (const secret of [userToken, 'has spaces in it', 'hunter2secret', 'ftp://']) expect(error.message).not.toContain(secret);
  });

  it('rejects a user token or an app token given as the bot token', () => {
    for (const token of ['xoxp-1234-5678-abcdef', APP_TOKEN]) {
      const error = configErrorOf(() => loadConfig({ ...valid, SLACK_BOT_TOKEN: token }));
      expect(error.problems).toEqual([{ variable: 'SLACK_BOT_TOKEN', message: expect.stringMatching(/^does not start with xoxb-, so it is not a bot token/) }]);
    }
  });

  it('states the rule that failed: a short xoxb- token is refused for its length, not its prefix', () => {
    const error = configErrorOf(() => loadConfig({ ...valid, SLACK_BOT_TOKEN: 'xoxb-123' }));
    expect(error.problems).toHaveLength(1);
    const message = error.problems[0]!.message;
    expect(message).toMatch(/^starts with xoxb- but is too short to be a bot token \(fewer than 10 characters/);
    expect(message).not.toMatch(/must start with|does not start with/);
    expect(message).not.toContain('xoxb-123');
  });

  it('states the rule that failed for app tokens, signing secrets and pasted whitespace', () => {
    const cases: Array<[Record<string, string>, string, RegExp]> = [
      [{ SLACK_APP_TOKEN: 'xapp-1' }, 'SLACK_APP_TOKEN', /^starts with xapp- but is too short/],
      [{ SLACK_SIGNING_SECRET: 'abc' }, 'SLACK_SIGNING_SECRET', /^is too short to be a signing secret \(fewer than 8 characters/],
      [{ SLACK_BOT_TOKEN: 'xoxb-1111-2222 configtestbot' }, 'SLACK_BOT_TOKEN', /^contains a space or a line break/],
      [{ SLACK_SIGNING_SECRET: 'c0nfig test signing' }, 'SLACK_SIGNING_SECRET', /^contains a space or a line break/],
    ];
    for (const [override, variable, message] of cases) {
      const error = configErrorOf(() => loadConfig({ ...valid, ...override }));
      expect(error.problems, variable).toEqual([{ variable, message: expect.stringMatching(message) }]);
    }
  });

  it('lets a worker run without the signing secret, which only the bot needs', () => {
    expect(loadConfig({ SLACK_BOT_TOKEN: BOT_TOKEN }, { role: 'worker' }).slack?.signingSecret).toBe('');
    expect(() => loadConfig({ SLACK_BOT_TOKEN: BOT_TOKEN })).toThrow(/SLACK_SIGNING_SECRET/);
  });

  it('registers the secrets so any log line masks them, even ones that failed validation', () => {
    const lines: string[] = [];
    restoreSink = setLogSink((line) => lines.push(line));
    const oddSecret = 'plain-looking-signing-secret-42';
    const redisPassword = 'r3dis-pa55word';
    loadConfig({ ...valid, SLACK_SIGNING_SECRET: oddSecret, REDIS_URL: `redis://:${redisPassword}@127.0.0.1:6379` });
    configErrorOf(() => loadConfig({ SLACK_BOT_TOKEN: 'zz-not-a-token-but-secret', SLACK_SIGNING_SECRET: oddSecret }));
    createLogger().info(`values: ${oddSecret} ${redisPassword} zz-not-a-token-but-secret`);
    expect(lines).toHaveLength(1);
    for (const secret of [oddSecret, redisPassword, 'zz-not-a-token-but-secret']) expect(lines[0]).not.toContain(secret);
  });
});

describe('normaliseSlackApiUrl', () => {
  it('always ends in exactly /api/', () => {
    expect(normaliseSlackApiUrl('http://127.0.0.1:4010')).toBe('http://127.0.0.1:4010/api/');
    expect(normaliseSlackApiUrl('http://127.0.0.1:4010/')).toBe('http://127.0.0.1:4010/api/');
    expect(normaliseSlackApiUrl('https://slack.com/api')).toBe('https://slack.com/api/');
    expect(normaliseSlackApiUrl('https://slack.com/api/')).toBe('https://slack.com/api/');
    expect(normaliseSlackApiUrl('https://proxy.example/slack//')).toBe('https://proxy.example/slack/api/');
  });
});

describe('hasSlackCredentials', () => {
  it('is true when any Slack credential is set, so a half-configured deploy fails loudly', () => {
    expect(hasSlackCredentials({})).toBe(false);
    expect(hasSlackCredentials({ SLACK_BOT_TOKEN: ' ', PORT: '3000' })).toBe(false);
    expect(hasSlackCredentials({ SLACK_SIGNING_SECRET: SIGNING_SECRET })).toBe(true);
    expect(hasSlackCredentials(valid)).toBe(true);
  });
});
