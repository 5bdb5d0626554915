import type { Redis } from 'ioredis';
import type { Logger } from '../../infra/logger.ts';

/**
 * "Have we answered this interaction already?" A resumed gateway session may replay
 * dispatches, and two bot processes may see one; Discord refuses a second callback anyway
 * (40060), but the work must not be enqueued or answered twice. In memory first (a replay
 * usually reaches the same process within seconds), then SET NX in Redis, shared by every
 * bot process, for the 15 minutes an interaction lives. When Redis is down the memory
 * answers alone: the user still gets their reply, and the worker's own dedupe (job ids) holds.
 */
export interface InteractionDedupe {
  /** True the first time an id is seen. */
  first(interactionId: string): Promise<boolean>;
}

const INTERACTION_LIFETIME_MS = 15 * 60_000;

export function createInteractionDedupe(redis: Redis | undefined, options: { prefix: string; logger: Logger; ttlMs?: number }): InteractionDedupe {
  const ttlMs = options.ttlMs ?? INTERACTION_LIFETIME_MS;
  const seen = new Map<string, number>();
  let lastSweep = Date.now();
  const sweep = (now: number): void => {
    if (now - lastSweep < 10_000) return;
    lastSweep = now;
    for (const [id, expires] of seen) if (expires <= now) seen.delete(id);
  };
  return {
    async first(interactionId) {
      const now = Date.now();
      sweep(now);
      if ((seen.get(interactionId) ?? 0) > now) return false;
      seen.set(interactionId, now + ttlMs);
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
