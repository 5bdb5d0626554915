import type { RedisConnection } from '../infra/redis.ts';
import { globLiteral, scanKeys, unlinkEach } from '../infra/redis-scan.ts';
import { EXCERPT_CHARS } from '../core/interview/session-state.ts';
import type { Platform } from '../core/thread-id.ts';
import { DONE_PLAN } from './outbox-store.ts';
import { RedisScript } from './scripts.ts';

/**
 * Everything stored about one person, found and then exported or deleted
 * (`/obs-question forget-me`, `obs-bot export`). A person is a platform's user id: a Slack
 * id and a Discord id are different people to us, because nothing links them.
 *
 * The keys are found with SCAN … MATCH over the key layouts in keys.ts, daily-keys.ts and
 * the peer stores (never KEYS, which blocks Redis). It is a rare, person-initiated
 * operation, so a walk of the key space is cheaper than keeping a per-user index in step
 * with every write. Shared records (a channel question's session, a channel's answerer
 * set, a workspace's opt-in set) keep everyone else's data: only this person's entries go.
 *
 * Outbox plans are keyed by event, not person: each plan names its person (Plan.userId),
 * so the outbox keys are walked and the plans read. Jobs still on the queues are BullMQ's
 * and go through their own port (src/queue/user-jobs.ts).
 *
 * Not reachable this way, and documented in docs/data.md: dedupe markers (keyed by event,
 * holding a job id, gone within a day). The LLM score cache (keyed by a hash of the
 * answer, with no user id) is not walked here either: forget() hands the person's answers
 * to `beforeDeleting`, and forget-me deletes the cached verdicts on them
 * (src/scoring/llm/cache-eraser.ts).
 */
export interface ForgetCounts {
  /** Their own sessions deleted (mock, practice, peer sessions where they were the candidate). */
  sessions: number;
  /** Their answers removed from shared channel-question sessions. */
  answers: number;
  /** History keys deleted: answers counted, sessions, days, totals, self-assessments. */
  history: number;
  /** Daily-question entries deleted (per-channel answer records, the channel list, answerer sets). */
  daily: number;
  /** Peer practice entries deleted (questions seen, ratings received, pool memberships). */
  peer: number;
  /** Workspaces whose public-stats opt-in was withdrawn. */
  publicStats: number;
  /** Unfinished outbox plans of their events (replies not yet sent, which may quote their answer), replaced by the finished-plan marker. */
  plans: number;
}

export type StoredValue = string | string[] | Record<string, string>;

export interface UserExport {
  platform: Platform;
  userId: string;
  exportedAt: string;
  /** Their history, daily answers and peer records, by Redis key (prefix removed). */
  records: Record<string, StoredValue>;
  /** Sessions they answered in: their own answer records only, others' left out. */
  sessions: { id: string; questionId: string; mode: string; role: 'candidate' | 'answerer'; startedAt: number; answers: unknown[] }[];
  /** Workspaces where they opted in to public stats. */
  publicStatsIn: string[];
}

interface SessionLike {
  id?: string;
  questionId?: string;
  mode?: string;
  candidateId?: string;
  startedAt?: number;
  answers?: { by?: string; at?: number; excerpt?: string; cacheHash?: string }[];
  asked?: { to?: string; text?: string }[];
  hints?: { to?: string }[];
  reveals?: { to?: string }[];
}

const SCAN_COUNT = 500;
/**
 * An outbox plan's progress hash: its key plus this (StoreKeys.outboxProgress). Kept as a
 * suffix: the SCAN walk sees whole keys, not (workspace, event) pairs, and skips these by it.
 */
const PROGRESS_SUFFIX = ':progress';
const MAX_REWRITE_CONFLICTS = 8;
/**
 * Who a follow-up was asked of, once that person was forgotten: a follow-up may quote
 * their answer ("You mentioned …"), so its text and their id go; the entry stays, blank,
 * because others' answers point into the list by index. Matches no platform's user ids.
 */
export const FORGOTTEN_PERSON = '(forgotten)';

/** Replaces the session's state only if nobody committed since it was read; keeps its TTL. */
const REWRITE = new RedisScript(`
if tonumber(redis.call('HGET', KEYS[1], 'ver') or '-1') ~= tonumber(ARGV[1]) then return 0 end
redis.call('HSET', KEYS[1], 'state', ARGV[2], 'ver', tonumber(ARGV[1]) + 1)
return 1
`, 1);

/**
 * What `forget-me` removed, record by record (a key, a set member, a session's answer), so
 * that a second pass over the same person counts a record once: a job that was running
 * during the first pass may write the same history key back, and the second pass deletes
 * it again. The counts are the number of distinct records per kind.
 */
export class ForgottenRecords {
  private readonly byKind: Record<keyof ForgetCounts, Set<string>> = {
    sessions: new Set(),
    answers: new Set(),
    history: new Set(),
    daily: new Set(),
    peer: new Set(),
    publicStats: new Set(),
    plans: new Set(),
  };

  add(kind: keyof ForgetCounts, ...records: string[]): void {
    for (const record of records) this.byKind[kind].add(record);
  }

  counts(): ForgetCounts {
    const { sessions, answers, history, daily, peer, publicStats, plans } = this.byKind;
    return { sessions: sessions.size, answers: answers.size, history: history.size, daily: daily.size, peer: peer.size, publicStats: publicStats.size, plans: plans.size };
  }
}

export function totalOf(counts: ForgetCounts): number {
  return Object.values(counts).reduce((sum, value) => sum + value, 0);
}

/**
 * How the LLM score cache knows the person's answers, whose keys end in a hash of the whole
 * (scored) answer: the text of those a session holds whole, and the hash a session keeps
 * for an LLM-judged answer longer than its excerpt (AnswerRecord.cacheHash).
 */
export interface CachedAnswerRefs {
  texts: string[];
  hashes: string[];
}

function cacheRefsIn(sessions: readonly { state: SessionLike }[], userId: string): CachedAnswerRefs {
  const texts = new Set<string>();
  const hashes = new Set<string>();
  for (const { state } of sessions) {
    for (const answer of state.answers ?? []) {
      if (answer.by !== userId) continue;
      if (typeof answer.cacheHash === 'string') hashes.add(answer.cacheHash);
      // An excerpt of EXCERPT_CHARS may be cut: its hash would match nothing.
      else if (typeof answer.excerpt === 'string' && answer.excerpt.length < EXCERPT_CHARS) texts.add(answer.excerpt);
    }
  }
  return { texts: [...texts], hashes: [...hashes] };
}

export class UserDataStore {
  constructor(
    private readonly redis: RedisConnection,
    /** The stores' prefix (`<OBS_QUEUE_PREFIX>:store`). */
    private readonly prefix: string,
  ) {}

  /** SCAN … MATCH over every key, on every master of a cluster. */
  private scan(pattern: string): AsyncGenerator<string> {
    return scanKeys(this.redis, pattern, SCAN_COUNT);
  }

  private async collect(pattern: string): Promise<string[]> {
    const keys = new Set<string>();
    // SCAN may return a key twice; a set keeps counts honest.
    for await (const key of this.scan(pattern)) keys.add(key);
    return [...keys].sort();
  }

  /** Keys that belong to this person alone: deleted whole. */
  private async ownKeys(platform: Platform, userId: string): Promise<{ history: string[]; daily: string[]; peer: string[] }> {
    const p = globLiteral(this.prefix);
    const u = globLiteral(userId);
    const [history, dailyAnswers, dailyChannels, seen, rated] = await Promise.all([
      this.collect(`${p}:history:{*:${u}}:*`),
      this.collect(`${p}:daily:answers:{${platform}:*}:${u}`),
      this.collect(`${p}:daily:user-channels:*:${u}`),
      this.collect(`${p}:peer:seen:{${platform}:*:${u}}`),
      this.collect(`${p}:peer:rated:{${platform}:*:${u}}:*`),
    ]);
    return { history, daily: [...dailyAnswers, ...dailyChannels], peer: [...seen, ...rated] };
  }

  /** Channel keys (`slack:T1:C1`) of the daily answer records found, for the channel answerer sets. */
  private channelKeysOf(dailyAnswerKeys: readonly string[]): string[] {
    const start = `${this.prefix}:daily:answers:{`;
    return dailyAnswerKeys.filter((key) => key.startsWith(start)).map((key) => key.slice(start.length, key.lastIndexOf('}')));
  }

  /** HMGET `fields` of every key, sent together per SCAN-sized batch. */
  private async readAll(keys: readonly string[], fields: string[]): Promise<{ key: string; values: (string | null)[] }[]> {
    const out: { key: string; values: (string | null)[] }[] = [];
    for (let start = 0; start < keys.length; start += SCAN_COUNT) {
      const batch = keys.slice(start, start + SCAN_COUNT);
      // Concurrent HMGETs share the connection's pipeline; an explicit pipeline would
      // fail in a cluster when the keys sit in different slots.
      const replies = await Promise.all(batch.map((key) => this.redis.hmget(key, ...fields)));
      batch.forEach((key, index) => out.push({ key, values: replies[index] ?? [] }));
    }
    return out;
  }

  private async sessionsOf(platform: Platform, userId: string): Promise<{ key: string; version: number; state: SessionLike; own: boolean }[]> {
    const found = [];
    for (const { key, values } of await this.readAll(await this.collect(`${globLiteral(this.prefix)}:session:{*}:${platform}:*`), ['state', 'ver'])) {
      const [raw, ver] = values;
      if (!raw || !ver) continue;
      const state = JSON.parse(raw) as SessionLike;
      const own = state.candidateId === userId;
      const involved =
        own ||
        (state.answers ?? []).some((answer) => answer.by === userId) ||
        (state.asked ?? []).some((prompt) => prompt.to === userId) ||
        (state.hints ?? []).some((hint) => hint.to === userId) ||
        (state.reveals ?? []).some((reveal) => reveal.to === userId);
      if (involved) found.push({ key, version: Number(ver), state, own });
    }
    return found;
  }

  private async peerSessionsOf(platform: Platform, userId: string): Promise<string[]> {
    const keys = [];
    for (const { key, values } of await this.readAll(await this.collect(`${globLiteral(this.prefix)}:peer:session:{*}:${platform}:*`), ['state'])) {
      const [raw] = values;
      if (raw && (JSON.parse(raw) as { candidateId?: string }).candidateId === userId) keys.push(key);
    }
    return keys;
  }

  /** The person's pool memberships: `pair:{<channel>}:members` hash fields. */
  private async poolsOf(platform: Platform, userId: string): Promise<string[]> {
    const pools = [];
    for (const key of await this.collect(`${globLiteral(this.prefix)}:pair:{${platform}:*}:members`)) {
      if ((await this.redis.hexists(key, userId)) === 1) pools.push(key);
    }
    return pools;
  }

  private async optInsOf(userId: string): Promise<string[]> {
    const sets = [];
    for (const key of await this.collect(`${globLiteral(this.prefix)}:public-stats:*`)) {
      if ((await this.redis.sismember(key, userId)) === 1) sets.push(key);
    }
    return sets;
  }

  /** Of these plan keys, those whose plan is the person's on this platform. */
  private async theirPlans(keys: readonly string[], platform: Platform, userId: string): Promise<string[]> {
    // Concurrent GETs share the connection's pipeline, and route per slot in a cluster.
    const plans = await Promise.all(keys.map((key) => this.redis.get(key)));
    return keys.filter((_, index) => {
      const raw = plans[index];
      // Most plans are someone else's: a substring test spares parsing them.
      if (!raw?.includes(userId)) return false;
      const plan = JSON.parse(raw) as { platform?: string; userId?: string };
      return plan.platform === platform && plan.userId === userId;
    });
  }

  /**
   * Their unfinished outbox plans, read a SCAN batch at a time (two days of events may be
   * many keys). A finished plan is DONE_PLAN, which names nobody and holds nothing; a
   * plan stored before plans named their person is not found, and expires within two days.
   */
  private async plansOf(platform: Platform, userId: string): Promise<Set<string>> {
    const found = new Set<string>();
    let batch: string[] = [];
    const flush = async (): Promise<void> => {
      for (const key of await this.theirPlans(batch, platform, userId)) found.add(key);
      batch = [];
    };
    for await (const key of this.scan(`${globLiteral(this.prefix)}:outbox:{*}:*`)) {
      if (key.endsWith(PROGRESS_SUFFIX)) continue;
      batch.push(key);
      if (batch.length >= SCAN_COUNT) await flush();
    }
    await flush();
    return found;
  }

  /**
   * Removes their answers, hints and reveals from a shared session, and blanks the
   * follow-ups asked of them (FORGOTTEN_PERSON), retrying on a concurrent commit. Returns
   * the removed answers, each named by the session, its time and its text.
   */
  private async removeFromSharedSession(key: string, userId: string): Promise<string[]> {
    for (let attempt = 0; attempt < MAX_REWRITE_CONFLICTS; attempt += 1) {
      const [raw, ver] = await this.redis.hmget(key, 'state', 'ver');
      if (!raw || !ver) return [];
      const state = JSON.parse(raw) as SessionLike & Record<string, unknown>;
      const answers = state.answers ?? [];
      const kept = answers.filter((answer) => answer.by !== userId);
      const next = {
        ...state,
        answers: kept,
        // Blanked in place, not removed: answers and hints point into `asked` by index.
        ...(state.asked ? { asked: state.asked.map((prompt) => (prompt.to === userId ? { ...prompt, to: FORGOTTEN_PERSON, text: '' } : prompt)) } : {}),
        hints: (state.hints ?? []).filter((hint) => hint.to !== userId),
        ...(state.reveals ? { reveals: state.reveals.filter((reveal) => reveal.to !== userId) } : {}),
      };
      // Named by session, time and text: two answers may share a millisecond, never both.
      const removed = answers.filter((answer) => answer.by === userId).map((answer) => JSON.stringify([key, answer.at, answer.excerpt]));
      if ((await REWRITE.run(this.redis, [key], [ver, JSON.stringify(next)])) === 1) return removed;
    }
    throw new Error(`session ${key} kept changing while removing a person's answers`);
  }

  /**
   * Deletes everything stored about the person on this platform; counts what went. Idempotent.
   * `into` gathers what went over several passes (forget-me's second pass, after the
   * person's running jobs settled); the counts returned are its totals. `beforeDeleting`
   * gets the person's answers as the LLM score cache knows them (CachedAnswerRefs) before
   * anything is deleted: forget-me deletes the cached verdicts on them, and should it stop
   * there, its re-run finds them again. One walk of the sessions serves both.
   */
  async forget(platform: Platform, userId: string, options: { into?: ForgottenRecords; beforeDeleting?: (answers: CachedAnswerRefs) => Promise<void> } = {}): Promise<ForgetCounts> {
    const into = options.into ?? new ForgottenRecords();
    const sessions = await this.sessionsOf(platform, userId);
    await options.beforeDeleting?.(cacheRefsIn(sessions, userId));
    const own = await this.ownKeys(platform, userId);
    for (const channelKey of this.channelKeysOf(own.daily)) {
      const answerers = `${this.prefix}:daily:answers:{${channelKey}}`;
      if ((await this.redis.srem(answerers, userId)) === 1) into.add('daily', `${answerers}#${userId}`);
    }
    if (own.history.length > 0) into.add('history', ...(await unlinkEach(this.redis, own.history)));
    if (own.daily.length > 0) into.add('daily', ...(await unlinkEach(this.redis, own.daily)));
    if (own.peer.length > 0) into.add('peer', ...(await unlinkEach(this.redis, own.peer)));
    for (const pool of await this.poolsOf(platform, userId)) {
      if ((await this.redis.hdel(pool, userId)) === 1) into.add('peer', `${pool}#${userId}`);
    }
    const peerSessions = await this.peerSessionsOf(platform, userId);
    if (peerSessions.length > 0) into.add('sessions', ...(await unlinkEach(this.redis, peerSessions)));
    for (const session of sessions) {
      if (session.own) into.add('sessions', ...(await unlinkEach(this.redis, [session.key])));
      else into.add('answers', ...(await this.removeFromSharedSession(session.key, userId)));
    }
    for (const optIn of await this.optInsOf(userId)) {
      if ((await this.redis.srem(optIn, userId)) === 1) into.add('publicStats', optIn);
    }
    // Collected first, replaced after; the set drops a key SCAN returned twice. A plan becomes
    // DONE_PLAN rather than going: a job a worker is running now (the queues skip active
    // jobs) may fail and be retried, and a retry that found no plan would decide again
    // (score the answer again, write it back, post twice); DONE_PLAN tells it there is
    // nothing left to do, and holds no personal data. XX: a plan that expired meanwhile stays gone.
    const plans = [...(await this.plansOf(platform, userId))];
    for (const plan of plans) {
      if ((await this.redis.set(plan, DONE_PLAN, 'KEEPTTL', 'XX')) === 'OK') into.add('plans', plan);
    }
    if (plans.length > 0) await unlinkEach(this.redis, plans.map((plan) => `${plan}${PROGRESS_SUFFIX}`));
    return into.counts();
  }

  /** The person's answers as the LLM score cache knows them (see CachedAnswerRefs). */
  async cacheRefsOf(platform: Platform, userId: string): Promise<CachedAnswerRefs> {
    return cacheRefsIn(await this.sessionsOf(platform, userId), userId);
  }

  private async read(key: string): Promise<StoredValue | undefined> {
    switch (await this.redis.type(key)) {
      case 'string':
        return (await this.redis.get(key)) ?? undefined;
      case 'hash':
        return this.redis.hgetall(key);
      case 'set':
        return (await this.redis.smembers(key)).sort();
      case 'list':
        return this.redis.lrange(key, 0, -1);
      default:
        return undefined;
    }
  }

  /** Everything stored about the person on this platform, as plain JSON. */
  async export(platform: Platform, userId: string, now: number = Date.now()): Promise<UserExport> {
    const own = await this.ownKeys(platform, userId);
    const records: Record<string, StoredValue> = {};
    for (const key of [...own.history, ...own.daily, ...own.peer]) {
      const value = await this.read(key);
      if (value !== undefined) records[key.slice(this.prefix.length + 1)] = value;
    }
    for (const pool of await this.poolsOf(platform, userId)) {
      const since = await this.redis.hget(pool, userId);
      if (since !== null) records[pool.slice(this.prefix.length + 1)] = { [userId]: since };
    }
    const sessions = (await this.sessionsOf(platform, userId)).map(({ state, own: isOwn }) => ({
      id: state.id ?? '',
      questionId: state.questionId ?? '',
      mode: state.mode ?? '',
      role: isOwn ? ('candidate' as const) : ('answerer' as const),
      startedAt: state.startedAt ?? 0,
      answers: (state.answers ?? []).filter((answer) => answer.by === userId),
    }));
    const publicStatsIn = (await this.optInsOf(userId)).map((key) => key.slice(`${this.prefix}:public-stats:`.length));
    return { platform, userId, exportedAt: new Date(now).toISOString(), records, sessions, publicStatsIn };
  }
}
