import type { RedisConnection } from '../infra/redis.ts';

/**
 * What peer practice remembers about people, per workspace: the questions each person has
 * seen in a peer session (so a swap brings a fresh one), and the ratings they received as
 * an interviewer and as a candidate. A rating is one hash field per (session, rater), so a
 * re-run or a changed mind overwrites instead of counting twice.
 */
export type PeerRoleRated = 'interviewer' | 'candidate';

export interface Reputation {
  ratings: number;
  /** Mean of the 1–5 ratings, absent without ratings. */
  average?: number;
}

export class PeerPeopleStore {
  constructor(
    private readonly redis: RedisConnection,
    private readonly prefix: string,
  ) {}

  private seenKey(platform: string, workspaceId: string, userId: string): string {
    return `${this.prefix}:peer:seen:{${platform}:${workspaceId}:${userId}}`;
  }

  private ratingsKey(platform: string, workspaceId: string, userId: string, role: PeerRoleRated): string {
    return `${this.prefix}:peer:rated:{${platform}:${workspaceId}:${userId}}:${role}`;
  }

  async markSeen(platform: string, workspaceId: string, userIds: readonly string[], questionId: string): Promise<void> {
    // One command each, not a pipeline: each person's key has its own hash tag, and a
    // cluster refuses a pipeline that spans slots.
    await Promise.all(userIds.map((userId) => this.redis.sadd(this.seenKey(platform, workspaceId, userId), questionId)));
  }

  async seen(platform: string, workspaceId: string, userIds: readonly string[]): Promise<Set<string>> {
    const sets = await Promise.all(userIds.map((userId) => this.redis.smembers(this.seenKey(platform, workspaceId, userId))));
    return new Set(sets.flat());
  }

  async rate(platform: string, workspaceId: string, ratedUserId: string, role: PeerRoleRated, field: string, stars: number): Promise<void> {
    await this.redis.hset(this.ratingsKey(platform, workspaceId, ratedUserId, role), field, String(stars));
  }

  async reputation(platform: string, workspaceId: string, userId: string, role: PeerRoleRated): Promise<Reputation> {
    const values = (await this.redis.hvals(this.ratingsKey(platform, workspaceId, userId, role))).map(Number).filter((value) => value >= 1 && value <= 5);
    if (values.length === 0) return { ratings: 0 };
    return { ratings: values.length, average: Math.round((values.reduce((sum, value) => sum + value, 0) / values.length) * 10) / 10 };
  }
}
