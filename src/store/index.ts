import type { Redis } from 'ioredis';
import { DedupeStore } from './dedupe-store.ts';
import { HistoryStore } from './history-store.ts';
import { StoreKeys } from './keys.ts';
import { OutboxStore } from './outbox-store.ts';
import { DEFAULT_SESSION_TTL_MS, SessionStore } from './session-store.ts';

export { DedupeStore, type ClaimResult } from './dedupe-store.ts';
export { HistoryStore, streakOf, utcDay, type ScoredAnswer } from './history-store.ts';
export { StoreKeys, DAY_MS, HOUR_MS } from './keys.ts';
export { OutboxStore } from './outbox-store.ts';
export { SessionStore, DEFAULT_SESSION_TTL_MS, type CommitResult, type VersionedSession } from './session-store.ts';

export interface Stores {
  keys: StoreKeys;
  sessions: SessionStore;
  dedupe: DedupeStore;
  outbox: OutboxStore;
  history: HistoryStore;
}

export interface StoreOptions {
  /** Key prefix, e.g. "obs"; tests use a fresh one each. */
  prefix: string;
  sessionTtlMs?: number;
}

/** Every store the worker needs, on one connection. */
export function createStores(redis: Redis, options: StoreOptions): Stores {
  const keys = new StoreKeys(options.prefix);
  return {
    keys,
    sessions: new SessionStore(redis, keys, options.sessionTtlMs ?? DEFAULT_SESSION_TTL_MS),
    dedupe: new DedupeStore(redis, keys),
    outbox: new OutboxStore(redis, keys),
    history: new HistoryStore(redis, keys),
  };
}
