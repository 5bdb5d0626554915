import type { RedisConnection } from '../infra/redis.ts';
import type { PairGroup } from '../core/peer/pairing.ts';
import type { PoolMember, PoolSchedule } from '../core/peer/pool.ts';

/**
 * A channel's pairing pool: members (hash userId → snoozed-until ms), its weekly schedule,
 * the pairs of its last rounds, and each round's decided groups and delivered DMs. A round
 * is decided once (SET NX) and re-runs read the decision back, so a retried job never
 * re-pairs a channel or DMs anyone twice.
 */
export class PeerPoolStore {
  constructor(
    private readonly redis: RedisConnection,
    private readonly prefix: string,
  ) {}

  private key(channelKey: string, part: string): string {
    return `${this.prefix}:pair:{${channelKey}}:${part}`;
  }

  async join(channelKey: string, userId: string): Promise<boolean> {
    return (await this.redis.hset(this.key(channelKey, 'members'), userId, '0')) === 1;
  }

  async leave(channelKey: string, userId: string): Promise<boolean> {
    return (await this.redis.hdel(this.key(channelKey, 'members'), userId)) === 1;
  }

  async snooze(channelKey: string, userId: string, until: number): Promise<boolean> {
    if (!(await this.redis.hexists(this.key(channelKey, 'members'), userId))) return false;
    await this.redis.hset(this.key(channelKey, 'members'), userId, String(until));
    return true;
  }

  async members(channelKey: string): Promise<PoolMember[]> {
    const all = await this.redis.hgetall(this.key(channelKey, 'members'));
    return Object.entries(all).map(([userId, until]) => ({ userId, snoozedUntil: Number(until) || 0 }));
  }

  async schedule(channelKey: string): Promise<PoolSchedule | undefined> {
    const raw = await this.redis.get(this.key(channelKey, 'schedule'));
    return raw ? (JSON.parse(raw) as PoolSchedule) : undefined;
  }

  async setSchedule(channelKey: string, schedule: PoolSchedule): Promise<void> {
    await this.redis.set(this.key(channelKey, 'schedule'), JSON.stringify(schedule));
  }

  /** Pair keys of the last `rounds` rounds. */
  async recentPairs(channelKey: string, rounds: number): Promise<Set<string>> {
    const lists = await this.redis.lrange(this.key(channelKey, 'recent'), 0, rounds - 1);
    return new Set(lists.flatMap((list) => JSON.parse(list) as string[]));
  }

  /**
   * Stores the round's groups unless already decided; returns the stored decision. The
   * recent-pairs list is pushed in the same transaction, only by the call that decides.
   */
  async decideRound(channelKey: string, roundId: string, groups: PairGroup[], pairKeys: string[], keepRounds: number): Promise<PairGroup[]> {
    const roundKey = this.key(channelKey, `round:${roundId}`);
    const set = await this.redis.set(roundKey, JSON.stringify(groups), 'PX', 60 * 86_400_000, 'NX');
    if (set === 'OK') {
      await this.redis.multi().lpush(this.key(channelKey, 'recent'), JSON.stringify(pairKeys)).ltrim(this.key(channelKey, 'recent'), 0, keepRounds - 1).exec();
      return groups;
    }
    return JSON.parse((await this.redis.get(roundKey)) ?? '[]') as PairGroup[];
  }

  async delivered(channelKey: string, roundId: string): Promise<Set<string>> {
    return new Set(await this.redis.smembers(this.key(channelKey, `round:${roundId}:sent`)));
  }

  async markDelivered(channelKey: string, roundId: string, userId: string): Promise<void> {
    await this.redis.multi().sadd(this.key(channelKey, `round:${roundId}:sent`), userId).pexpire(this.key(channelKey, `round:${roundId}:sent`), 60 * 86_400_000).exec();
  }
}
