import type { RedisConnection } from '../infra/redis.ts';
import { DailyAnswersStore } from './daily-answers-store.ts';
import { DailyChannelStore } from './daily-channel-store.ts';
import { DailyKeys } from './daily-keys.ts';
import { DailyPostStore } from './daily-post-store.ts';
import { DailyScheduleStore } from './daily-schedule-store.ts';
import { DedupeStore } from './dedupe-store.ts';
import { HistoryStore } from './history-store.ts';
import { StoreKeys } from './keys.ts';
import { OutboxStore } from './outbox-store.ts';
import { ThreadOrder } from './thread-order.ts';
import { PublicStatsStore } from './public-stats-store.ts';
import { SelfAssessmentStore } from './self-assessment-store.ts';
import { DEFAULT_SESSION_TTL_MS, SessionStore } from './session-store.ts';
import { UserDataStore } from './user-data-store.ts';

export { DedupeStore, type ClaimResult } from './dedupe-store.ts';
export { HistoryStore, streakOf, utcDay, type ScoredAnswer } from './history-store.ts';
export { StoreKeys, DAY_MS, HOUR_MS } from './keys.ts';
export { OutboxStore } from './outbox-store.ts';
export { ThreadOrder } from './thread-order.ts';
export { SelfAssessmentStore, SELF_RATINGS, RATING_VERDICT, summarise, type SelfAssessment, type SelfAssessmentSummary, type SelfRating } from './self-assessment-store.ts';
export { SessionStore, DEFAULT_SESSION_TTL_MS, type CommitResult, type VersionedSession } from './session-store.ts';
export { DailyKeys } from './daily-keys.ts';
export { DailyScheduleStore } from './daily-schedule-store.ts';
export { DailyPostStore, type DailyPostRecord } from './daily-post-store.ts';
export { DailyChannelStore, type DailyChoice, type ChannelPoolState } from './daily-channel-store.ts';
export { DailyAnswersStore, type DailyAnswer } from './daily-answers-store.ts';
export { PublicStatsStore } from './public-stats-store.ts';
export { UserDataStore, ForgottenRecords, totalOf, type CachedAnswerRefs, type ForgetCounts, type UserExport } from './user-data-store.ts';
export { WorkspacePacer, DEFAULT_WORKSPACE_PACE, type Pace } from './workspace-pacer.ts';

/** Daily questions: schedules, the once-a-day claims, pools, answers, opt-ins. */
export interface DailyStores {
  keys: DailyKeys;
  schedules: DailyScheduleStore;
  posts: DailyPostStore;
  channels: DailyChannelStore;
  answers: DailyAnswersStore;
  publicStats: PublicStatsStore;
}

export interface Stores {
  keys: StoreKeys;
  sessions: SessionStore;
  dedupe: DedupeStore;
  outbox: OutboxStore;
  /** The order a session's plans post in its thread. */
  threadOrder: ThreadOrder;
  history: HistoryStore;
  /** Got it / Partly / Missed per key point after a reveal. */
  selfAssessments: SelfAssessmentStore;
  daily: DailyStores;
  /** One person's data across the stores, for `forget-me` and `obs-bot export`. */
  users: UserDataStore;
}

export interface StoreOptions {
  /** Key prefix, e.g. "obs"; tests use a fresh one each. */
  prefix: string;
  sessionTtlMs?: number;
  /** ANSWER_RETENTION_DAYS in ms: no session outlives its oldest answer by more. */
  answerRetentionMs?: number;
}

export function createDailyStores(redis: RedisConnection, prefix: string): DailyStores {
  const keys = new DailyKeys(prefix);
  return {
    keys,
    schedules: new DailyScheduleStore(redis, keys),
    posts: new DailyPostStore(redis, keys),
    channels: new DailyChannelStore(redis, keys),
    answers: new DailyAnswersStore(redis, keys),
    publicStats: new PublicStatsStore(redis, keys),
  };
}

/** Every store the worker needs, on one connection. */
export function createStores(redis: RedisConnection, options: StoreOptions): Stores {
  const keys = new StoreKeys(options.prefix);
  return {
    keys,
    sessions: new SessionStore(redis, keys, options.sessionTtlMs ?? DEFAULT_SESSION_TTL_MS, options.answerRetentionMs),
    dedupe: new DedupeStore(redis, keys),
    outbox: new OutboxStore(redis, keys),
    threadOrder: new ThreadOrder(redis, keys),
    history: new HistoryStore(redis, keys),
    selfAssessments: new SelfAssessmentStore(redis, keys),
    daily: createDailyStores(redis, options.prefix),
    users: new UserDataStore(redis, options.prefix),
  };
}
