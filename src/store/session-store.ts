import type { Redis } from 'ioredis';
import { sessionStateSchema, type SessionState } from '../core/interview/session-state.ts';
import { DAY_MS, type StoreKeys } from './keys.ts';

/**
 * Interview sessions, one Redis hash per thread: `state` (JSON) and `ver` (a counter).
 *
 * Two answers in one thread can be processed at the same moment by two workers. Each
 * reads (state, ver), runs the engine, and commits only if `ver` is unchanged; the loser
 * sees a conflict and recomputes from the winner's state, so no update is lost. The commit
 * also writes the job's outbox plan in the same Lua script, which is what makes state and
 * the messages it implies one atomic step (see the outbox store).
 */
export interface VersionedSession {
  state: SessionState;
  version: number;
}

export type CommitResult = 'committed' | 'conflict' | 'plan-exists';

export interface SideWrite {
  key: string;
  value: string;
  ttlMs: number;
}

export const DEFAULT_SESSION_TTL_MS = 30 * DAY_MS;

const COMMIT = `
if redis.call('EXISTS', KEYS[2]) == 1 then return -1 end
if ARGV[2] ~= '' then
  local current = tonumber(redis.call('HGET', KEYS[1], 'ver') or '0')
  if current ~= tonumber(ARGV[1]) then return -2 end
  redis.call('HSET', KEYS[1], 'state', ARGV[2], 'ver', current + 1)
  redis.call('PEXPIRE', KEYS[1], ARGV[3])
end
redis.call('SET', KEYS[2], ARGV[4], 'PX', ARGV[5])
return 1
`;

const CREATE = `
if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
redis.call('HSET', KEYS[1], 'state', ARGV[1], 'ver', 1)
redis.call('PEXPIRE', KEYS[1], ARGV[2])
return 1
`;

export class SessionStore {
  constructor(
    private readonly redis: Redis,
    private readonly keys: StoreKeys,
    readonly ttlMs: number = DEFAULT_SESSION_TTL_MS,
  ) {}

  async get(threadId: string): Promise<VersionedSession | undefined> {
    const [state, ver] = await this.redis.hmget(this.keys.session(threadId), 'state', 'ver');
    if (!state || !ver) return undefined;
    // Validated on the way in: a session written by an older release must fail loudly here,
    // not half-work in the engine.
    return { state: sessionStateSchema.parse(JSON.parse(state)), version: Number(ver) };
  }

  /** Creates the session unless one exists; true when this call created it. */
  async createIfAbsent(threadId: string, state: SessionState): Promise<boolean> {
    const created = await this.redis.eval(CREATE, 1, this.keys.session(threadId), JSON.stringify(state), this.ttlMs);
    return created === 1;
  }

  /**
   * Atomically: unless `plan.key` already exists, and when the session is still at
   * `expectedVersion`, store `state` (undefined: leave the session as it is) and the plan.
   */
  async commit(threadId: string, expectedVersion: number, state: SessionState | undefined, plan: SideWrite): Promise<CommitResult> {
    const result = await this.redis.eval(
      COMMIT,
      2,
      this.keys.session(threadId),
      plan.key,
      expectedVersion,
      state === undefined ? '' : JSON.stringify(state),
      this.ttlMs,
      plan.value,
      plan.ttlMs,
    );
    if (result === -1) return 'plan-exists';
    if (result === -2) return 'conflict';
    return 'committed';
  }
}
