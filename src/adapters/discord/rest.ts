import { REST, RESTEvents, type APIRequest, type ResponseLike } from '@discordjs/rest';
import { metrics } from '../../infra/metrics.ts';

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
  observeDiscordRest(rest, { countCalls: false });
  return rest.setToken(options.token);
}

/** `POST /channels/:id/messages`: the REST queue's bucket route, ids and tokens already replaced, so a bounded label. */
function routeLabel(request: Pick<APIRequest, 'method' | 'route'>): string {
  return `${request.method.toUpperCase()} ${request.route}`;
}

/**
 * Counts what the REST queue sees on the wire, which the callers cannot: every 429 it
 * absorbs (it waits out the Retry-After and retries by itself, so the caller never hears
 * of it), and with `countCalls` every response and failed status (for the bot's own client,
 * whose calls, the interaction responses, go through no sender of ours). The worker's
 * DiscordSender counts its calls and final failures itself, by operation.
 */
export function observeDiscordRest(rest: REST, options: { countCalls: boolean }): void {
  rest.on(RESTEvents.Response, (request: APIRequest, response: ResponseLike) => {
    const method = routeLabel(request);
    if (options.countCalls) metrics.platformCalls.inc({ platform: 'discord', method });
    if (response.status === 429) metrics.platformRateLimited.inc({ platform: 'discord', method });
    if (options.countCalls && response.status >= 400) {
      const kind = response.status === 429 ? 'rate_limited' : response.status >= 500 ? 'transient' : 'refused';
      metrics.platformErrors.inc({ platform: 'discord', method, kind });
    }
  });
}
