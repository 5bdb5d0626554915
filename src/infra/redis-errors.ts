import type { Logger } from './logger.ts';

/**
 * One voice for "Redis is down" per process. Every connection (the worker's, the stores',
 * BullMQ's own duplicates) and every queue and worker reports its errors here; the outage is
 * logged once when it starts, then again only with a doubling interval (5 s, 10 s, 20 s … up
 * to 5 min) with how many errors were folded in, and once when Redis answers again. Without
 * this, each reconnect attempt of each connection logs a line: 122 lines in 25 s were seen.
 */
export interface RedisErrorReporter {
  error(source: string, error: Error): void;
  /** A connection became ready: ends the outage, if there was one. */
  ready(source: string): void;
  isDown(): boolean;
}

export interface RedisErrorReporterOptions {
  /** Safe to log: the Redis URL with its password masked. */
  redis?: string;
  firstRepeatMs?: number;
  maxRepeatMs?: number;
  now?: () => number;
}

const CONNECTION_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH', 'EPIPE', 'EAI_AGAIN']);

/** Errors that mean "cannot talk to Redis", as opposed to a bug in a processor. */
export function isRedisConnectionError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && CONNECTION_CODES.has(code)) return true;
  return /connect|Connection is closed|Stream isn't writeable|max retries per request|READONLY|LOADING/i.test(error.message);
}

export function createRedisErrorReporter(log: Logger, options: RedisErrorReporterOptions = {}): RedisErrorReporter {
  const now = options.now ?? Date.now;
  const first = options.firstRepeatMs ?? 5_000;
  const max = options.maxRepeatMs ?? 300_000;
  let downSince: number | undefined;
  let interval = first;
  let nextLogAt = 0;
  let folded = 0;
  const where = options.redis ? { redis: options.redis } : {};

  return {
    error(source, error) {
      const at = now();
      if (downSince === undefined) {
        downSince = at;
        interval = first;
        nextLogAt = at + interval;
        folded = 0;
        log.warn('redis unreachable; retrying in the background (repeats are logged with backoff)', { source, error, ...where });
        return;
      }
      folded += 1;
      if (at < nextLogAt) return;
      log.warn('redis still unreachable', { source, error, downForMs: at - downSince, errorsSinceLastLine: folded, ...where });
      folded = 0;
      interval = Math.min(interval * 2, max);
      nextLogAt = at + interval;
    },
    ready(source) {
      if (downSince === undefined) return;
      log.info('redis reachable again', { source, downForMs: now() - downSince, ...where });
      downSince = undefined;
    },
    isDown: () => downSince !== undefined,
  };
}
