import type { RedisConnection } from '../../infra/redis.ts';
import type { Logger } from '../../infra/logger.ts';

/**
 * "Have we answered this interaction already?" A resumed gateway session may replay
 * dispatches (to the same process, within seconds), and two bot processes may see one.
 * - Before the reply, this process's memory: no I/O in the 3-second path, and a replay is
 *   not answered twice.
 * - After the reply, before the work, SET NX in Redis, shared by every bot process, for the
 *   15 minutes an interaction lives. (A second process's reply is refused by Discord with
 *   40060, which the dispatcher treats as "not ours to do".) When Redis is down the claim
 *   is granted: the enqueue fails and says so, and the worker's own dedupe holds anyway.
 */
export interface InteractionDedupe {
  /** True the first time this process sees the id. */
  firstHere(interactionId: string): boolean;
  /** True when no bot process has claimed the id's work yet. */
  claim(interactionId: string): Promise<boolean>;
}

const INTERACTION_LIFETIME_MS = 15 * 60_000;

export function createInteractionDedupe(redis: RedisConnection | undefined, options: { prefix: string; logger: Logger; ttlMs?: number }): InteractionDedupe {
  const ttlMs = options.ttlMs ?? INTERACTION_LIFETIME_MS;
  const seen = new Map<string, number>();
  let lastSweep = Date.now();
  const sweep = (now: number): void => {
    if (now - lastSweep < 10_000) return;
    lastSweep = now;
    for (const [id, expires] of seen) if (expires <= now) seen.delete(id);
  };
  return {
    firstHere(interactionId) {
      const now = Date.now();
      sweep(now);
      if ((seen.get(interactionId) ?? 0) > now) return false;
      seen.set(interactionId, now + ttlMs);
      return true;
    },
    async claim(interactionId) {
      if (!redis) return true;
      try {
        const set = await redis.set(`${options.prefix}:discord:interaction:${interactionId}`, '1', 'PX', ttlMs, 'NX');
        return set === 'OK';
      } catch (error) {
        options.logger.warn('interaction dedupe unavailable (Redis); relying on this process’s memory', { error });
        return true;
      }
    },
  };
}
