import type { RedisConnection } from '../infra/redis.ts';
import { sessionStateSchema, type SessionState } from '../core/interview/session-state.ts';
import { DAY_MS, type StoreKeys } from './keys.ts';
import type { WriteBatch } from './write-batch.ts';
import { VersionedHash, type CommitResult, type OrderWrite, type SideWrite, type Versioned } from './versioned-hash.ts';

/**
 * Interview sessions, one versioned Redis hash per thread (see versioned-hash.ts for how
 * concurrent answers in one thread commit without losing an update).
 */
export type VersionedSession = Versioned<SessionState>;

export type { CommitResult, OrderWrite, SideWrite } from './versioned-hash.ts';

export const DEFAULT_SESSION_TTL_MS = 30 * DAY_MS;
/** ANSWER_RETENTION_DAYS' default: answer text is kept at most this long. */
export const DEFAULT_ANSWER_RETENTION_MS = 90 * DAY_MS;

/**
 * How long a session may live from this write: its idle lifetime, but never past the day its
 * oldest answer reaches the retention period. Answer text (excerpts, quoted misconceptions)
 * lives only in session state, so the session goes when its oldest answer is due. Measured
 * on the session's own clock (`lastActivityAt` is the time of this write).
 */
export function sessionTtlFor(state: SessionState, idleTtlMs: number, retentionMs: number): number {
  const oldest = state.answers.reduce((min, answer) => Math.min(min, answer.at), Number.POSITIVE_INFINITY);
  if (oldest === Number.POSITIVE_INFINITY) return Math.min(idleTtlMs, retentionMs);
  return Math.max(1, Math.min(idleTtlMs, oldest + retentionMs - state.lastActivityAt));
}

export class SessionStore {
  private readonly hash: VersionedHash<SessionState>;

  constructor(
    redis: RedisConnection,
    private readonly keys: StoreKeys,
    readonly ttlMs: number = DEFAULT_SESSION_TTL_MS,
    readonly answerRetentionMs: number = DEFAULT_ANSWER_RETENTION_MS,
  ) {
    this.hash = new VersionedHash(redis, (raw) => sessionStateSchema.parse(raw));
  }

  async get(threadId: string): Promise<VersionedSession | undefined> {
    return this.hash.get(this.keys.session(threadId));
  }

  /** Creates the session unless one exists; true when this call created it. */
  async createIfAbsent(threadId: string, state: SessionState): Promise<boolean> {
    return this.hash.createIfAbsent(this.keys.session(threadId), state, sessionTtlFor(state, this.ttlMs, this.answerRetentionMs));
  }

  /** `createIfAbsent` queued in a batch (see OutboxStore.recordAll). */
  queueCreateIfAbsent(batch: WriteBatch, threadId: string, state: SessionState): void {
    this.hash.queueCreateIfAbsent(batch, this.keys.session(threadId), state, sessionTtlFor(state, this.ttlMs, this.answerRetentionMs));
  }

  /**
   * Atomically: unless `plan.key` already exists, and when the session is still at
   * `expectedVersion`, store `state` (undefined: leave the session as it is) and the plan.
   */
  async commit(threadId: string, expectedVersion: number, state: SessionState | undefined, plan: SideWrite, order?: OrderWrite): Promise<CommitResult> {
    const ttlMs = state ? sessionTtlFor(state, this.ttlMs, this.answerRetentionMs) : this.ttlMs;
    return this.hash.commit(this.keys.session(threadId), expectedVersion, state, ttlMs, plan, order);
  }
}
