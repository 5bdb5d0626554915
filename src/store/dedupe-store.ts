import type { RedisConnection } from '../infra/redis.ts';
import { HOUR_MS, type StoreKeys } from './keys.ts';

/**
 * Remembers which job first claimed a platform event, so a retried or re-delivered event
 * (Slack retries up to 3 times, Socket Mode redelivers) is recognised and dropped, while a
 * re-run of the *same* job (a BullMQ retry or stall) is allowed through to resume its work.
 * SET NX with a TTL: longer than Slack's retry window (about 5 minutes) by a wide margin.
 */
export type ClaimResult = 'first' | 'rerun' | 'duplicate';

/** Set the key if absent; either way return the owner now stored. */
const CLAIM = `
local current = redis.call('GET', KEYS[1])
if current then return current end
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
return false
`;

export const DEFAULT_DEDUPE_TTL_MS = 24 * HOUR_MS;

export class DedupeStore {
  constructor(
    private readonly redis: RedisConnection,
    private readonly keys: StoreKeys,
    private readonly ttlMs: number = DEFAULT_DEDUPE_TTL_MS,
  ) {
    if (ttlMs < HOUR_MS) throw new Error('dedupe TTL must be at least one hour');
  }

  /** Claims `eventKey` for `owner` (a job id). */
  async claim(workspaceId: string, eventKey: string, owner: string): Promise<ClaimResult> {
    const current = (await this.redis.eval(CLAIM, 1, this.keys.dedupe(workspaceId, eventKey), owner, this.ttlMs)) as string | null;
    if (current === null) return 'first';
    return current === owner ? 'rerun' : 'duplicate';
  }

  async ownerOf(workspaceId: string, eventKey: string): Promise<string | undefined> {
    return (await this.redis.get(this.keys.dedupe(workspaceId, eventKey))) ?? undefined;
  }
}
