import type { RedisConnection } from '../infra/redis.ts';
import type { DailyKeys } from './daily-keys.ts';

/**
 * Who opted in (`/obs-question stats public on`) to having their score and streak shown to
 * others: in daily reveals and on the leaderboard. Off unless asked for, per workspace,
 * kept until turned off: nobody sees your score unless you share it.
 */
export class PublicStatsStore {
  constructor(
    private readonly redis: RedisConnection,
    private readonly keys: DailyKeys,
  ) {}

  async set(workspaceId: string, userId: string, visible: boolean): Promise<void> {
    if (visible) await this.redis.sadd(this.keys.publicStats(workspaceId), userId);
    else await this.redis.srem(this.keys.publicStats(workspaceId), userId);
  }

  async isPublic(workspaceId: string, userId: string): Promise<boolean> {
    return (await this.redis.sismember(this.keys.publicStats(workspaceId), userId)) === 1;
  }

  /** The subset of `userIds` who opted in, in the given order. */
  async publicAmong(workspaceId: string, userIds: readonly string[]): Promise<string[]> {
    if (userIds.length === 0) return [];
    const flags = await this.redis.smismember(this.keys.publicStats(workspaceId), ...userIds);
    return userIds.filter((_, index) => flags[index] === 1);
  }
}
