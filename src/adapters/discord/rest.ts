import { REST } from '@discordjs/rest';

/**
 * The REST client both sides use. discord.js's queue does the rate-limit work: it keeps
 * per-route buckets, waits out a 429's Retry-After (and the global 50 requests a second),
 * then retries by itself, and retries 5xx and resets a couple of times. Only a wait longer
 * than `longWaitMs` is handed back as an error, so a worker does not hold a job (and a
 * BullMQ lock) for minutes: the queue then delays the job without spending an attempt.
 */
export interface DiscordRestOptions {
  token: string;
  /** REST base without the version, e.g. http://127.0.0.1:4010/api. Default Discord's. */
  apiUrl?: string;
  /** Rate-limit waits up to this long are waited in place; longer ones reject. Default 5 s. */
  longWaitMs?: number;
  timeoutMs?: number;
  /** The REST queue's global pace; default 50, Discord's per-bot limit. */
  globalRequestsPerSecond?: number;
}

export function createDiscordRest(options: DiscordRestOptions): REST {
  const longWaitMs = options.longWaitMs ?? 5_000;
  const rest = new REST({
    ...(options.apiUrl ? { api: options.apiUrl } : {}),
    timeout: options.timeoutMs ?? 10_000,
    retries: 2,
    globalRequestsPerSecond: options.globalRequestsPerSecond ?? 50,
    rejectOnRateLimit: (data) => Math.max(data.timeToReset, data.retryAfter) > longWaitMs,
  });
  return rest.setToken(options.token);
}
