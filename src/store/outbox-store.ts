import { Cluster } from 'ioredis';
import type { RedisConnection } from '../infra/redis.ts';
import { DAY_MS, type StoreKeys } from './keys.ts';
import { RedisScript } from './scripts.ts';
import type { SideWrite } from './session-store.ts';
import { WriteBatch } from './write-batch.ts';

/**
 * A transactional outbox, one record per platform event.
 *
 * A handler computes the new session state and the list of steps it implies (messages to
 * post, a session to create, a timer to set) and stores both at once; then a runner
 * performs each step not yet done and records it here. A re-run of the job after a crash
 * finds the plan, skips what is recorded, and finishes the rest: a message is posted at
 * most once per step key, except in the window between the platform accepting a post and
 * the record below, which the runner closes by looking for the post on the platform.
 *
 * Layout: `outbox:{<ws>}:<event>` holds the plan (JSON); `…:progress` is a hash
 * step key → result (message id, or "1"), plus `<step>#attempted` and `<step>#<part>`.
 */
export const DEFAULT_OUTBOX_TTL_MS = 2 * DAY_MS;

/**
 * What a finished plan is replaced with: a plan with no steps, and no more than that (the
 * key already names the event). It stays for the rest of the TTL so that a re-run, or a
 * duplicate that slipped past dedupe, finds the event decided and does nothing.
 */
export const DONE_PLAN = '{"v":1,"done":true,"steps":[]}';

/**
 * SET the plan NX; when it was set, write the progress fields given with it (ARGV[3..]) and
 * return false; otherwise return the plan already stored. One round trip either way.
 */
const CREATE = new RedisScript(`
if redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2], 'NX') then
  if #ARGV > 2 then
    redis.call('HSET', KEYS[2], unpack(ARGV, 3))
    redis.call('PEXPIRE', KEYS[2], ARGV[2])
  end
  return false
end
return redis.call('GET', KEYS[1])
`, 2);

export class OutboxStore {
  /**
   * Whether recordAll/markDone may carry writes to keys outside the event's `{workspace}`
   * slot (a user's history). A single Redis runs any MULTI; a cluster refuses one whose keys
   * span slots (CROSSSLOT), so there such a write goes on its own.
   */
  readonly batchesAnySlot: boolean;

  constructor(
    private readonly redis: RedisConnection,
    private readonly keys: StoreKeys,
    readonly ttlMs: number = DEFAULT_OUTBOX_TTL_MS,
  ) {
    this.batchesAnySlot = !(redis instanceof Cluster);
    CREATE.prepare(redis);
  }

  /** The write a session commit carries along, so the plan lands with the state. */
  planWrite(workspaceId: string, eventKey: string, planJson: string): SideWrite {
    return { key: this.keys.outbox(workspaceId, eventKey), value: planJson, ttlMs: this.ttlMs };
  }

  /**
   * Stores a plan unless one exists; returns the plan now stored (this one or the earlier).
   * `progress`: fields recorded with the plan, only when it is this one (see runPlan's
   * `storedWithPlan`); an earlier plan keeps its own progress untouched.
   */
  async create(workspaceId: string, eventKey: string, planJson: string, progress: readonly (readonly [string, string])[] = []): Promise<{ created: boolean; planJson: string }> {
    const keys = [this.keys.outbox(workspaceId, eventKey), this.keys.outboxProgress(workspaceId, eventKey)];
    const existing = (await CREATE.run(this.redis, keys, [planJson, this.ttlMs, ...progress.flat()])) as string | null;
    return existing === null ? { created: true, planJson } : { created: false, planJson: existing };
  }

  async get(workspaceId: string, eventKey: string): Promise<string | undefined> {
    return (await this.redis.get(this.keys.outbox(workspaceId, eventKey))) ?? undefined;
  }

  async progress(workspaceId: string, eventKey: string): Promise<Map<string, string>> {
    const fields = await this.redis.hgetall(this.keys.outboxProgress(workspaceId, eventKey));
    return new Map(Object.entries(fields));
  }

  async record(workspaceId: string, eventKey: string, field: string, value: string): Promise<void> {
    const key = this.keys.outboxProgress(workspaceId, eventKey);
    await this.redis.multi().hset(key, field, value).pexpire(key, this.ttlMs).exec();
  }

  /**
   * Records several progress fields at once, in one atomic batch with `writes` (other
   * stores' writes whose completion these fields record, queued by them on the batch), so a
   * step's effect and its record land together and a plan's Redis-only steps cost one
   * round trip. `writes` touch keys of the event's `{workspace}` slot only, unless
   * `batchesAnySlot`.
   */
  async recordAll(workspaceId: string, eventKey: string, fields: readonly (readonly [string, string])[], writes: readonly ((batch: WriteBatch) => void)[] = []): Promise<void> {
    if (fields.length === 0 && writes.length === 0) return;
    const key = this.keys.outboxProgress(workspaceId, eventKey);
    const batch = new WriteBatch();
    for (const write of writes) write(batch);
    if (fields.length > 0) batch.call('HSET', [key], ...fields.flat()).call('PEXPIRE', [key], this.ttlMs);
    await batch.run(this.redis);
  }

  /**
   * A finished plan: `writes` (as for recordAll), then the plan replaced by DONE_PLAN (its
   * TTL kept) and its progress dropped, in one atomic batch. Whoever finds it later has
   * nothing to do, which is the truth. Not `async`: it hands back the batch's own promise
   * (every job ends here; a wrapping promise and its await showed in the worker's profile).
   */
  markDone(workspaceId: string, eventKey: string, writes: readonly ((batch: WriteBatch) => void)[] = []): Promise<void> {
    const batch = new WriteBatch();
    for (const write of writes) write(batch);
    batch.call('SET', [this.keys.outbox(workspaceId, eventKey)], DONE_PLAN, 'KEEPTTL', 'XX').call('DEL', [this.keys.outboxProgress(workspaceId, eventKey)]);
    return batch.run(this.redis);
  }

  async forget(workspaceId: string, eventKey: string, field: string): Promise<void> {
    await this.redis.hdel(this.keys.outboxProgress(workspaceId, eventKey), field);
  }
}
