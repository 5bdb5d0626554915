import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { PermanentDeliveryError, RateLimitError } from '../core/errors.ts';

/**
 * The process's Prometheus metrics (prom-client), served on /metrics by the bot and by each
 * worker. Labels are bounded on purpose: platform, sub-command, queue, outcome, method,
 * reason. Never a user, channel or team id: each distinct label value is a new series held
 * in memory here and in Prometheus, and ids grow without bound.
 *
 * Histogram buckets include the SLO thresholds exactly (5 s for a command answered in its
 * thread, 120 s for a daily question posted after its local time), so the SLIs in
 * ops/prometheus/ are exact bucket reads, not interpolations.
 */
export const registry = new Registry();
collectDefaultMetrics({ register: registry });

export const PLATFORMS = ['slack', 'discord'] as const;
export type Platform = (typeof PLATFORMS)[number];

/** Seconds; 5 is the command SLO's threshold. */
export const COMMAND_REPLY_BUCKETS = [0.1, 0.25, 0.5, 1, 2, 3, 5, 10, 30, 60];
/** Seconds; 120 is the daily-post SLO's threshold. */
export const DAILY_DELAY_BUCKETS = [1, 5, 15, 30, 60, 120, 300, 900, 3600];
/** Job wait (queued → started) and run time, seconds; includes both SLO thresholds. */
export const JOB_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300];
/** Acks must be well inside Slack's 3 s. */
export const ACK_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 3];

export const metrics = {
  commands: new Counter({
    name: 'obsbot_commands_total',
    help: 'Commands received, by platform and sub-command (question, mock, topics, help, unknown, …).',
    labelNames: ['platform', 'subcommand'] as const,
    registers: [registry],
  }),
  ackSeconds: new Histogram({
    name: 'obsbot_ack_seconds',
    help: 'Time from receiving a request to acknowledging it, by platform and kind (command, action, event).',
    labelNames: ['platform', 'kind'] as const,
    buckets: ACK_BUCKETS,
    registers: [registry],
  }),
  commandReplySeconds: new Histogram({
    name: 'obsbot_command_reply_seconds',
    help: 'Time from receiving a command to its job finishing with the answer posted (SLO: 99.9% within 5 s).',
    labelNames: ['platform'] as const,
    buckets: COMMAND_REPLY_BUCKETS,
    registers: [registry],
  }),
  commandFailures: new Counter({
    name: 'obsbot_command_failures_total',
    help: 'Command jobs that failed for good (last attempt, or not retryable): bad events for the command SLO.',
    labelNames: ['platform'] as const,
    registers: [registry],
  }),
  jobs: new Counter({
    name: 'obsbot_jobs_total',
    help: 'Jobs finished, by queue and outcome (completed, failed, retried, rate_limited), and interactions jobs sent back to wait for their posting slot (paced).',
    labelNames: ['queue', 'outcome'] as const,
    registers: [registry],
  }),
  jobWaitSeconds: new Histogram({
    name: 'obsbot_job_wait_seconds',
    help: 'Time a job waited from being queued (or due, when delayed) to being started.',
    labelNames: ['queue'] as const,
    buckets: JOB_BUCKETS,
    registers: [registry],
  }),
  jobRunSeconds: new Histogram({
    name: 'obsbot_job_run_seconds',
    help: 'Time a job ran, from start to finish.',
    labelNames: ['queue'] as const,
    buckets: JOB_BUCKETS,
    registers: [registry],
  }),
  platformCalls: new Counter({
    name: 'obsbot_platform_api_calls_total',
    help: 'Platform API calls made, by platform and method (chat.postMessage, …).',
    labelNames: ['platform', 'method'] as const,
    registers: [registry],
  }),
  platformErrors: new Counter({
    name: 'obsbot_platform_api_errors_total',
    help: 'Platform API calls that failed, by platform, method and kind (rate_limited, refused, transient, connection).',
    labelNames: ['platform', 'method', 'kind'] as const,
    registers: [registry],
  }),
  platformRateLimited: new Counter({
    name: 'obsbot_platform_api_rate_limited_total',
    help: 'Platform API calls answered 429 (rate limited), by platform and method.',
    labelNames: ['platform', 'method'] as const,
    registers: [registry],
  }),
  scorerUsed: new Counter({
    name: 'obsbot_scorer_used_total',
    help: 'Answers scored, by the scorer chosen (keyword, llm).',
    labelNames: ['scorer'] as const,
    registers: [registry],
  }),
  activeSessions: new Gauge({
    name: 'obsbot_active_sessions',
    help: 'Interview sessions open in Redis (answerable threads), counted by the worker at most once a minute.',
    registers: [registry],
    async collect() {
      const value = await activeSessionCount();
      if (value !== undefined) this.set(value);
    },
  }),
  dailyPosts: new Counter({
    name: 'obsbot_daily_posts_total',
    help: 'Daily questions by outcome: on_time (within 120 s of local time), late, missed (not posted that day).',
    labelNames: ['outcome'] as const,
    registers: [registry],
  }),
  dailyPostDelaySeconds: new Histogram({
    name: 'obsbot_daily_post_delay_seconds',
    help: 'Delay from a daily question’s local time to its post (SLO: 99.5% within 120 s; missed ones count as bad).',
    buckets: DAILY_DELAY_BUCKETS,
    registers: [registry],
  }),
} as const;

/** Counting sessions scans Redis keys, so a scrape reuses a count up to a minute old. */
const SESSION_COUNT_MAX_AGE_MS = 60_000;
let sessionCounter: (() => Promise<number>) | undefined;
let lastCount: { at: number; value: number } | undefined;

/** The worker registers how to count sessions; a process without one exports no value. */
export function countActiveSessionsWith(counter: (() => Promise<number>) | undefined): void {
  sessionCounter = counter;
  lastCount = undefined;
}

async function activeSessionCount(): Promise<number | undefined> {
  if (!sessionCounter) return undefined;
  if (lastCount && Date.now() - lastCount.at < SESSION_COUNT_MAX_AGE_MS) return lastCount.value;
  try {
    lastCount = { at: Date.now(), value: await sessionCounter() };
  } catch {
    // Redis away: the last known count (if any) stays; /readyz reports the outage.
  }
  return lastCount?.value;
}

/** Sub-command labels are the grammar's own kinds; anything else is folded, so labels stay bounded. */
const SUBCOMMANDS = new Set(['question', 'mock', 'topics', 'help', 'stats', 'stats-public', 'daily', 'leaderboard', 'scoring', 'forget-me', 'reserved', 'unknown']);
export function subcommandLabel(kind: string): string {
  return SUBCOMMANDS.has(kind) ? kind : 'other';
}

/** Counts a daily question's outcome and, when posted, its delay. */
export function recordDailyPost(delayMs: number | undefined): void {
  if (delayMs === undefined) {
    metrics.dailyPosts.inc({ outcome: 'missed' });
    return;
  }
  const seconds = Math.max(0, delayMs) / 1_000;
  metrics.dailyPostDelaySeconds.observe(seconds);
  metrics.dailyPosts.inc({ outcome: seconds <= 120 ? 'on_time' : 'late' });
}

/**
 * Counts a failed platform call by kind; 429s are also counted on their own, unless the
 * client counts each 429 response where it arrives (Discord's REST queue: see
 * observeDiscordRest), which would count this one twice.
 */
export function recordPlatformError(platform: Platform, method: string, error: unknown, options: { countRateLimit?: boolean } = {}): void {
  const kind = platformErrorKind(error);
  metrics.platformErrors.inc({ platform, method, kind });
  if (kind === 'rate_limited' && options.countRateLimit !== false) metrics.platformRateLimited.inc({ platform, method });
}

function platformErrorKind(error: unknown): string {
  if (error instanceof RateLimitError) return 'rate_limited';
  if (error instanceof PermanentDeliveryError) return 'refused';
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && code.endsWith('unreachable')) return 'connection';
  return 'transient';
}
