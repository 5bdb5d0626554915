import { z } from 'zod';
import type { LogLevel } from '../infra/logger.ts';
import { registerSecret } from '../infra/redact.ts';
import { readDailyConfig } from './daily.ts';
import { ConfigError, type ConfigProblem } from './errors.ts';
import { hasDiscordCredentials, readDiscordConfig, type DiscordConfig } from './discord.ts';
import { readRedisTarget } from './redis-cluster.ts';
import { hasSlackCredentials, readSlackConfig, type SlackConfig } from './slack.ts';
import { type Env, rawValue, readVariable } from './variables.ts';

export { ConfigError, type ConfigProblem } from './errors.ts';
export { hasSlackCredentials, normaliseSlackApiUrl, type SlackConfig } from './slack.ts';
export { hasDiscordCredentials, normaliseDiscordApiUrl, type DiscordConfig } from './discord.ts';
export { DEFAULT_TIMEZONE, readDailyConfig, type DailyConfig } from './daily.ts';

export interface AppConfig {
  /** Present when Slack is configured; at least one of `slack` and `discord` always is. */
  slack?: SlackConfig;
  discord?: DiscordConfig;
  /** HTTP port for `/slack/events` (unused in Socket Mode). 0 means any free port. */
  port: number;
  /** REDIS_URL, or with REDIS_CLUSTER_NODES set a `redis-cluster://` target (see infra/redis.ts). */
  redisUrl: string;
  sessionTtlDays: number;
  contentDir: string;
  logLevel: LogLevel;
  /** OBS_ADMIN_USERS: may change channel settings besides workspace admins. Absent: nobody else. */
  adminUserIds?: string[];
  /** OBS_DEFAULT_TIMEZONE: the installer's zone for `daily set`. Absent: UTC. */
  defaultTimezone?: string;
  /**
   * OBS_MOCK_NUDGE_AFTER_H / OBS_MOCK_EXPIRE_AFTER_D: a silent mock thread gets one nudge
   * after this long, and closes after that. Absent: 24 hours and 7 days.
   */
  mockIdle?: { nudgeAfterMs: number; expireAfterMs: number };
  /** METRICS_PORT: the worker's /healthz, /readyz and /metrics port. Absent: 9464 for `obs-bot worker`. */
  metricsPort?: number;
  /** OBS_STARTUP_RETRIES: retries (with backoff) when a platform is unreachable at start-up. Absent: 4. */
  startupRetries?: number;
  /**
   * SHUTDOWN_TIMEOUT_MS: how long SIGTERM waits for running jobs before forcing the exit
   * (code 1). Always set by loadConfig (optional for hand-built configs). Below the orchestrator's grace period (compose: 30 s), so ours fires first.
   */
  shutdownTimeoutMs?: number;
  /** ANSWER_RETENTION_DAYS: stored answer text (history, daily answers) expires after this. */
  answerRetentionDays?: number;
  /**
   * OBS_JOB_LOCK_MS / OBS_JOB_STALLED_CHECK_MS: how long a worker's claim on a job lasts without
   * renewal, and how often workers look for jobs whose claim lapsed (a worker that died mid-job).
   * Absent: BullMQ's 30 s each. Only the fields set are present.
   */
  jobLock?: JobLockSettings;
}

/** A worker's hold on a running job (BullMQ's lockDuration and stalledInterval). */
export interface JobLockSettings {
  lockDurationMs?: number;
  stalledCheckMs?: number;
}

export interface LoadConfigOptions {
  /** `worker` needs no signing secret: it never receives requests from Slack. Default `bot`. */
  role?: 'bot' | 'worker';
}

export const DEFAULTS = {
  port: 3000,
  redisUrl: 'redis://127.0.0.1:6379',
  sessionTtlDays: 30,
  contentDir: 'content',
  logLevel: 'info' as LogLevel,
  shutdownTimeoutMs: 25_000,
  answerRetentionDays: 90,
};

const port = z.coerce.number().int().min(0).max(65_535);
const redisUrl = z.url({ protocol: /^rediss?$/ });
const ttlDays = z.coerce.number().int().min(1).max(3_650);
const logLevel = z.enum(['debug', 'info', 'warn', 'error']);
const positiveHours = z.coerce.number().positive().max(24 * 365);
const positiveDays = z.coerce.number().positive().max(365);
const HOUR_MS = 3_600_000;
const startupRetries = z.coerce.number().int().min(0).max(20);
const shutdownTimeoutMs = z.coerce.number().int().min(100).max(3_600_000);
/** Below half a second the lock renewal (every half lock) would compete with the jobs themselves. */
const lockMs = z.coerce.number().int().min(500).max(600_000);

/**
 * Masks every configured secret verbatim in logs, before anything can log it. Raw values
 * are registered even when invalid: a user token pasted into SLACK_BOT_TOKEN is still secret.
 */
function registerSecrets(env: Env): void {
  for (const name of ['SLACK_BOT_TOKEN', 'SLACK_SIGNING_SECRET', 'SLACK_APP_TOKEN', 'DISCORD_TOKEN']) {
    registerSecret(env[name]);
    registerSecret(rawValue(env, name));
  }
  const redis = rawValue(env, 'REDIS_URL');
  if (redis) {
    try {
      const password = new URL(redis).password;
      registerSecret(password);
      registerSecret(decodeURIComponent(password));
    } catch {
      // An unparseable URL is reported as a problem below; it is never logged by value.
    }
  }
}

/**
 * Parses the environment once. Throws a ConfigError listing every bad or missing
 * variable, one line each, by name and never by value.
 */
export function loadConfig(env: Env = process.env, options: LoadConfigOptions = {}): AppConfig {
  registerSecrets(env);
  const problems: ConfigProblem[] = [];
  // Each platform is read when any of its variables is set; with none set, Slack's are
  // reported missing (the long-standing default), so an empty environment still says what to set.
  const wantsDiscord = hasDiscordCredentials(env);
  const wantsSlack = hasSlackCredentials(env) || !wantsDiscord;
  const slack = wantsSlack ? readSlackConfig(env, problems, { requireSigningSecret: (options.role ?? 'bot') === 'bot' }) : undefined;
  const discord = wantsDiscord ? readDiscordConfig(env, problems) : undefined;
  const parsedPort = readVariable(env, { name: 'PORT', schema: port, fallback: DEFAULTS.port, invalid: `must be a whole number from 0 to 65535 (default ${DEFAULTS.port}).` }, problems);
  const parsedRedisUrl = readVariable(
    env,
    { name: 'REDIS_URL', schema: redisUrl, fallback: DEFAULTS.redisUrl, invalid: `must be a redis:// or rediss:// URL, e.g. ${DEFAULTS.redisUrl} (the default when unset).` },
    problems,
  );
  const sessionTtlDays = readVariable(
    env,
    { name: 'SESSION_TTL_DAYS', schema: ttlDays, fallback: DEFAULTS.sessionTtlDays, invalid: `must be a whole number of days from 1 to 3650 (default ${DEFAULTS.sessionTtlDays}).` },
    problems,
  );
  const redisTarget = readRedisTarget(env, parsedRedisUrl ?? DEFAULTS.redisUrl, problems);
  const contentDir = readVariable(env, { name: 'OBS_CONTENT_DIR', schema: z.string().min(1), fallback: DEFAULTS.contentDir, invalid: 'must be a folder path.' }, problems);
  const level = readVariable(env, { name: 'LOG_LEVEL', schema: logLevel, fallback: DEFAULTS.logLevel, invalid: 'must be one of debug, info, warn, error (default info).' }, problems);
  const retries = readVariable(
    env,
    { name: 'OBS_STARTUP_RETRIES', schema: startupRetries, invalid: 'must be a whole number of retries from 0 to 20 (default 4, about 15 s of backoff).' },
    problems,
  );
  const lockDurationMs = readVariable(env, { name: 'OBS_JOB_LOCK_MS', schema: lockMs, invalid: 'must be a whole number of milliseconds from 500 to 600000 (default 30000).' }, problems);
  const stalledCheckMs = readVariable(env, { name: 'OBS_JOB_STALLED_CHECK_MS', schema: lockMs, invalid: 'must be a whole number of milliseconds from 500 to 600000 (default 30000).' }, problems);
  const metricsPort = readVariable(env, { name: 'METRICS_PORT', schema: port, invalid: 'must be a whole number from 0 to 65535 (default 9464 for the worker).' }, problems);
  const shutdown = readVariable(
    env,
    { name: 'SHUTDOWN_TIMEOUT_MS', schema: shutdownTimeoutMs, fallback: DEFAULTS.shutdownTimeoutMs, invalid: `must be a whole number of milliseconds from 100 to 3600000 (default ${DEFAULTS.shutdownTimeoutMs}).` },
    problems,
  );
  const retentionDays = readVariable(
    env,
    { name: 'ANSWER_RETENTION_DAYS', schema: ttlDays, fallback: DEFAULTS.answerRetentionDays, invalid: `must be a whole number of days from 1 to 3650 (default ${DEFAULTS.answerRetentionDays}).` },
    problems,
  );
  const daily = readDailyConfig(env, problems);
  const nudgeAfterH = readVariable(env, { name: 'OBS_MOCK_NUDGE_AFTER_H', schema: positiveHours, fallback: 24, invalid: 'must be a number of hours above 0 (default 24).' }, problems);
  const expireAfterD = readVariable(env, { name: 'OBS_MOCK_EXPIRE_AFTER_D', schema: positiveDays, fallback: 7, invalid: 'must be a number of days above 0 (default 7).' }, problems);
  const mockIdleSet = rawValue(env, 'OBS_MOCK_NUDGE_AFTER_H') !== undefined || rawValue(env, 'OBS_MOCK_EXPIRE_AFTER_D') !== undefined;
  if (problems.length > 0 || (!slack && !discord)) throw new ConfigError(problems);
  // With no problems recorded, every value parsed or fell back; `??` only narrows the types.
  return {
    ...(slack ? { slack } : {}),
    ...(discord ? { discord } : {}),
    port: parsedPort ?? DEFAULTS.port,
    redisUrl: redisTarget,
    sessionTtlDays: sessionTtlDays ?? DEFAULTS.sessionTtlDays,
    contentDir: contentDir ?? DEFAULTS.contentDir,
    logLevel: level ?? DEFAULTS.logLevel,
    shutdownTimeoutMs: shutdown ?? DEFAULTS.shutdownTimeoutMs,
    answerRetentionDays: retentionDays ?? DEFAULTS.answerRetentionDays,
    // Only when set, like the optional Slack fields: the defaults need no entry.
    ...(daily.adminUserIds.length > 0 ? { adminUserIds: daily.adminUserIds } : {}),
    ...(daily.defaultTimezone !== 'UTC' ? { defaultTimezone: daily.defaultTimezone } : {}),
    ...(mockIdleSet ? { mockIdle: { nudgeAfterMs: (nudgeAfterH ?? 24) * HOUR_MS, expireAfterMs: (expireAfterD ?? 7) * 24 * HOUR_MS } } : {}),
    ...(retries === undefined ? {} : { startupRetries: retries }),
    ...(metricsPort === undefined ? {} : { metricsPort }),
    ...(lockDurationMs === undefined && stalledCheckMs === undefined
      ? {}
      : { jobLock: { ...(lockDurationMs === undefined ? {} : { lockDurationMs }), ...(stalledCheckMs === undefined ? {} : { stalledCheckMs }) } }),
  };
}
