import type { RedisConnection } from '../infra/redis.ts';
import { RedisScript } from './scripts.ts';
import type { WriteBatch } from './write-batch.ts';

/**
 * One Redis hash per thread: `state` (JSON) and `ver` (a counter), shared by interview and
 * peer sessions.
 *
 * Two jobs for one thread can be processed at the same moment by two workers. Each reads
 * (state, ver), decides, and commits only if `ver` is unchanged; the loser sees a conflict
 * and recomputes from the winner's state, so no update is lost. The commit also writes the
 * job's outbox plan in the same Lua script, which is what makes state and the messages it
 * implies one atomic step (see the outbox store).
 */
export interface Versioned<T> {
  state: T;
  version: number;
}

export type CommitResult = 'committed' | 'conflict' | 'plan-exists';

export interface SideWrite {
  key: string;
  value: string;
  ttlMs: number;
}

/** A list the committed plan joins at the back, in commit order (see thread-order.ts). */
export interface OrderWrite {
  listKey: string;
  member: string;
}

const COMMIT_LUA = `
if redis.call('EXISTS', KEYS[2]) == 1 then return -1 end
if ARGV[2] ~= '' then
  local current = tonumber(redis.call('HGET', KEYS[1], 'ver') or '0')
  if current ~= tonumber(ARGV[1]) then return -2 end
  redis.call('HSET', KEYS[1], 'state', ARGV[2], 'ver', current + 1)
  redis.call('PEXPIRE', KEYS[1], ARGV[3])
end
redis.call('SET', KEYS[2], ARGV[4], 'PX', ARGV[5])
if KEYS[3] then
  redis.call('RPUSH', KEYS[3], ARGV[6])
  redis.call('PEXPIRE', KEYS[3], ARGV[5])
end
return 1
`;

/** The same script twice: without a thread order (2 keys) and with one (3 keys, KEYS[3] set). */
const COMMIT = new RedisScript(COMMIT_LUA, 2);
const COMMIT_ORDERED = new RedisScript(COMMIT_LUA, 3);

const CREATE = new RedisScript(`
if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
redis.call('HSET', KEYS[1], 'state', ARGV[1], 'ver', 1)
redis.call('PEXPIRE', KEYS[1], ARGV[2])
return 1
`, 1);

export class VersionedHash<T> {
  constructor(
    private readonly redis: RedisConnection,
    /**
     * Validates a stored state on the way in: one written by an older release must fail
     * loudly here, not half-work in the engine.
     */
    private readonly parse: (raw: unknown) => T,
  ) {
    // Defined up front, so every batch made on this connection can carry them.
    CREATE.prepare(redis);
    COMMIT.prepare(redis);
    COMMIT_ORDERED.prepare(redis);
  }

  async get(key: string): Promise<Versioned<T> | undefined> {
    const [state, ver] = await this.redis.hmget(key, 'state', 'ver');
    if (!state || !ver) return undefined;
    return { state: this.parse(JSON.parse(state)), version: Number(ver) };
  }

  /** Creates the hash unless one exists; true when this call created it. */
  async createIfAbsent(key: string, state: T, ttlMs: number): Promise<boolean> {
    const created = await CREATE.run(this.redis, [key], [JSON.stringify(state), ttlMs]);
    return created === 1;
  }

  /** `createIfAbsent` queued in a batch (its result is not needed by the caller). */
  queueCreateIfAbsent(batch: WriteBatch, key: string, state: T, ttlMs: number): void {
    batch.script(CREATE, [key], [JSON.stringify(state), ttlMs]);
  }

  /**
   * Atomically: unless `plan.key` already exists, and when the hash is still at
   * `expectedVersion`, store `state` (undefined: leave it as it is) and the plan.
   */
  async commit(key: string, expectedVersion: number, state: T | undefined, ttlMs: number, plan: SideWrite, order?: OrderWrite): Promise<CommitResult> {
    const args = [expectedVersion, state === undefined ? '' : JSON.stringify(state), ttlMs, plan.value, plan.ttlMs];
    const result = order
      ? await COMMIT_ORDERED.run(this.redis, [key, plan.key, order.listKey], [...args, order.member])
      : await COMMIT.run(this.redis, [key, plan.key], args);
    if (result === -1) return 'plan-exists';
    if (result === -2) return 'conflict';
    return 'committed';
  }
}
