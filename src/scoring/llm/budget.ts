import type { RedisConnection } from '../../infra/redis.ts';
import { AppError } from '../../core/errors.ts';

/**
 * A per-workspace daily cap on LLM calls, so one busy (or abusive) workspace cannot run up
 * the bill. Counted in Redis per workspace and UTC date, so every bot instance shares it
 * and it resets at 00:00 UTC. Keys live two days: long enough to outlast the day they count.
 */
export interface BudgetDecision {
  allowed: boolean;
  /** True for the first refused call of the day, so the user is told once, not every time. */
  firstRefusal: boolean;
}

export interface CallBudget {
  take(workspaceId: string, now?: Date): Promise<BudgetDecision>;
}

const KEY_TTL_SECONDS = 2 * 24 * 3600;

export function utcDate(now: Date): string {
  return now.toISOString().slice(0, 10);
}

export class RedisDailyBudget implements CallBudget {
  constructor(
    private readonly redis: RedisConnection,
    private readonly prefix: string,
    private readonly limit: number,
  ) {}

  /** Counts the call (INCR) and says whether it fits the day's limit. */
  async take(workspaceId: string, now: Date = new Date()): Promise<BudgetDecision> {
    const key = `${this.prefix}:llm:budget:${workspaceId}:${utcDate(now)}`;
    const replies = await this.redis.multi().incr(key).expire(key, KEY_TTL_SECONDS).exec();
    const count = Number(replies?.[0]?.[1]);
    if (!Number.isFinite(count)) throw new AppError('budget_unavailable', 'the budget counter returned no number');
    if (count <= this.limit) return { allowed: true, firstRefusal: false };
    const told = await this.redis.set(`${key}:notified`, '1', 'EX', KEY_TTL_SECONDS, 'NX');
    return { allowed: false, firstRefusal: told === 'OK' };
  }
}
