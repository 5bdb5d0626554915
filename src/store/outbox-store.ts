import type { RedisConnection } from '../infra/redis.ts';
import { DAY_MS, type StoreKeys } from './keys.ts';
import type { SideWrite } from './session-store.ts';

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

export class OutboxStore {
  constructor(
    private readonly redis: RedisConnection,
    private readonly keys: StoreKeys,
    readonly ttlMs: number = DEFAULT_OUTBOX_TTL_MS,
  ) {}

  /** The write a session commit carries along, so the plan lands with the state. */
  planWrite(workspaceId: string, eventKey: string, planJson: string): SideWrite {
    return { key: this.keys.outbox(workspaceId, eventKey), value: planJson, ttlMs: this.ttlMs };
  }

  /** Stores a plan unless one exists; returns the plan now stored (this one or the earlier). */
  async create(workspaceId: string, eventKey: string, planJson: string): Promise<{ created: boolean; planJson: string }> {
    const key = this.keys.outbox(workspaceId, eventKey);
    const set = await this.redis.set(key, planJson, 'PX', this.ttlMs, 'NX');
    if (set === 'OK') return { created: true, planJson };
    const existing = await this.redis.get(key);
    // Expired between the two calls: ours is as good as any.
    if (existing === null) return this.create(workspaceId, eventKey, planJson);
    return { created: false, planJson: existing };
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

  async forget(workspaceId: string, eventKey: string, field: string): Promise<void> {
    await this.redis.hdel(this.keys.outboxProgress(workspaceId, eventKey), field);
  }
}
