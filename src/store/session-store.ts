import type { ChainableCommander, Redis } from 'ioredis';
import { sessionStateSchema, type SessionState } from '../core/interview/session-state.ts';
import { DAY_MS, type StoreKeys } from './keys.ts';
import { VersionedHash, type CommitResult, type SideWrite, type Versioned } from './versioned-hash.ts';

/**
 * Interview sessions, one versioned Redis hash per thread (see versioned-hash.ts for how
 * concurrent answers in one thread commit without losing an update).
 */
export type VersionedSession = Versioned<SessionState>;

export type { CommitResult, SideWrite } from './versioned-hash.ts';

export const DEFAULT_SESSION_TTL_MS = 30 * DAY_MS;

export class SessionStore {
  private readonly hash: VersionedHash<SessionState>;

  constructor(
    redis: Redis,
    private readonly keys: StoreKeys,
    readonly ttlMs: number = DEFAULT_SESSION_TTL_MS,
  ) {
    this.hash = new VersionedHash(redis, (raw) => sessionStateSchema.parse(raw));
  }

  async get(threadId: string): Promise<VersionedSession | undefined> {
    return this.hash.get(this.keys.session(threadId));
  }

  /** Creates the session unless one exists; true when this call created it. */
  async createIfAbsent(threadId: string, state: SessionState): Promise<boolean> {
    return this.hash.createIfAbsent(this.keys.session(threadId), state, this.ttlMs);
  }

  /** `createIfAbsent` queued in a batch (see OutboxStore.recordAll). */
  queueCreateIfAbsent(batch: ChainableCommander, threadId: string, state: SessionState): void {
    this.hash.queueCreateIfAbsent(batch, this.keys.session(threadId), state, this.ttlMs);
  }

  /**
   * Atomically: unless `plan.key` already exists, and when the session is still at
   * `expectedVersion`, store `state` (undefined: leave the session as it is) and the plan.
   */
  async commit(threadId: string, expectedVersion: number, state: SessionState | undefined, plan: SideWrite): Promise<CommitResult> {
    return this.hash.commit(this.keys.session(threadId), expectedVersion, state, this.ttlMs, plan);
  }
}
