import type { RedisConnection } from '../infra/redis.ts';
import { RedisScript } from './scripts.ts';
import { HOUR_MS, type StoreKeys } from './keys.ts';
import { RESERVE_SLOT_LUA, type PaceBooking } from './post-pacer.ts';

/**
 * Remembers which job first claimed a platform event, so a retried or re-delivered event
 * (Slack retries up to 3 times, Socket Mode redelivers) is recognised and dropped, while a
 * re-run of the *same* job (a BullMQ retry or stall) is allowed through to resume its work.
 * SET NX with a TTL: longer than Slack's retry window (about 5 minutes) by a wide margin.
 */
export type ClaimResult = 'first' | 'rerun' | 'duplicate';

/** Set the key if absent; either way return the owner now stored. */
const CLAIM = new RedisScript(`
local current = redis.call('GET', KEYS[1])
if current then return current end
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
return false
`, 1);

/**
 * CLAIM, then the event's stored outbox plan and its progress, in the same round trip: a
 * job needs all three before it decides anything (see claimAndLoad).
 */
const CLAIM_AND_LOAD = new RedisScript(`
local current = redis.call('GET', KEYS[1])
if not current then redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2]) end
return {current or false, redis.call('GET', KEYS[2]) or false, redis.call('HGETALL', KEYS[3])}
`, 3);

/**
 * CLAIM_AND_LOAD, and on a first claim also the event's posting slot (PostPacer's booking
 * over KEYS[4], KEYS[5]): pacing rides in the round trip the job makes anyway.
 */
const CLAIM_LOAD_AND_PACE = new RedisScript(`${RESERVE_SLOT_LUA}
local current = redis.call('GET', KEYS[1])
local wait = 0
if not current then
  redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
  wait = reserve_slot(KEYS, 4, ARGV, 3)
end
return {current or false, redis.call('GET', KEYS[2]) or false, redis.call('HGETALL', KEYS[3]), wait}
`, 5);

/** What a job finds when it starts: its claim, and the plan a previous run stored, if any. */
export interface EventStart {
  claim: ClaimResult;
  planJson?: string;
  /** The plan's progress (step key → result) as it was at the claim. */
  progress: Map<string, string>;
  /** With a pace booking and a first claim: ms until the booked posting slot (0: now). */
  paceWaitMs: number;
}

export const DEFAULT_DEDUPE_TTL_MS = 24 * HOUR_MS;

export class DedupeStore {
  constructor(
    private readonly redis: RedisConnection,
    private readonly keys: StoreKeys,
    private readonly ttlMs: number = DEFAULT_DEDUPE_TTL_MS,
  ) {
    CLAIM.prepare(redis);
    CLAIM_AND_LOAD.prepare(redis);
    CLAIM_LOAD_AND_PACE.prepare(redis);
    if (ttlMs < HOUR_MS) throw new Error('dedupe TTL must be at least one hour');
  }

  /** Claims `eventKey` for `owner` (a job id). */
  async claim(workspaceId: string, eventKey: string, owner: string): Promise<ClaimResult> {
    const current = (await CLAIM.run(this.redis, [this.keys.dedupe(workspaceId, eventKey)], [owner, this.ttlMs])) as string | null;
    if (current === null) return 'first';
    return current === owner ? 'rerun' : 'duplicate';
  }

  /**
   * `claim`, plus the event's outbox plan and progress, in one round trip. Only a job that
   * is not a duplicate uses the plan; reading it anyway costs nothing extra. With `pace`, a
   * first claim also books the event's posting slot (PostPacer) in the same script.
   */
  async claimAndLoad(workspaceId: string, eventKey: string, owner: string, pace?: PaceBooking): Promise<EventStart> {
    const keys = [this.keys.dedupe(workspaceId, eventKey), this.keys.outbox(workspaceId, eventKey), this.keys.outboxProgress(workspaceId, eventKey)];
    const reply = (
      pace ? await CLAIM_LOAD_AND_PACE.run(this.redis, [...keys, ...pace.keys], [owner, this.ttlMs, ...pace.args]) : await CLAIM_AND_LOAD.run(this.redis, keys, [owner, this.ttlMs])
    ) as [string | null, string | null, string[], number?];
    const [current, planJson, flat, wait] = reply;
    const progress = new Map<string, string>();
    for (let index = 0; index + 1 < flat.length; index += 2) progress.set(flat[index]!, flat[index + 1]!);
    const claim: ClaimResult = current === null ? 'first' : current === owner ? 'rerun' : 'duplicate';
    return { claim, ...(planJson !== null ? { planJson } : {}), progress, paceWaitMs: Number(wait ?? 0) };
  }

  async ownerOf(workspaceId: string, eventKey: string): Promise<string | undefined> {
    return (await this.redis.get(this.keys.dedupe(workspaceId, eventKey))) ?? undefined;
  }
}
