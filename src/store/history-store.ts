import type { RedisConnection } from '../infra/redis.ts';
import { RedisScript } from './scripts.ts';
import type { UserStats } from '../app/ports.ts';
import { DAY_MS, type StoreKeys } from './keys.ts';
import type { WriteBatch } from './write-batch.ts';

/**
 * Per-user practice history for `stats`. Recorded when an answer is scored, keyed by the
 * answer's own message id, so a re-run never counts an answer twice.
 *
 * - `answers`  set of counted answer ids
 * - `sessions` hash session id → "<topic>\t<coverage score>" (the latest, which only grows)
 * - `days`     set of UTC days practised (YYYY-MM-DD)
 * - `totals`   hash: answers
 */
export interface ScoredAnswer {
  workspaceId: string;
  userId: string;
  answerId: string;
  sessionId: string;
  topic: string;
  /** The user's cumulative coverage of the question after this answer, 0–100. */
  coverage: number;
  at: number;
}

export const DEFAULT_HISTORY_TTL_MS = 400 * DAY_MS;

const RECORD = new RedisScript(`
if redis.call('SADD', KEYS[1], ARGV[1]) == 0 then return 0 end
redis.call('HSET', KEYS[2], ARGV[2], ARGV[3])
redis.call('SADD', KEYS[3], ARGV[4])
redis.call('HINCRBY', KEYS[4], 'answers', 1)
for i = 1, 4 do redis.call('PEXPIRE', KEYS[i], ARGV[5]) end
return 1
`, 4);

export function utcDay(at: number): string {
  return new Date(at).toISOString().slice(0, 10);
}

/** Consecutive days ending today, or yesterday when today has no practice yet. */
export function streakOf(days: ReadonlySet<string>, now: number): number {
  let cursor = days.has(utcDay(now)) ? now : now - DAY_MS;
  let streak = 0;
  while (days.has(utcDay(cursor))) {
    streak += 1;
    cursor -= DAY_MS;
  }
  return streak;
}

export class HistoryStore {
  constructor(
    private readonly redis: RedisConnection,
    private readonly keys: StoreKeys,
    private readonly ttlMs: number = DEFAULT_HISTORY_TTL_MS,
  ) {
    RECORD.prepare(redis);
  }

  private recordCall(answer: ScoredAnswer): [string[], (string | number)[]] {
    const { workspaceId, userId } = answer;
    const keys = (['answers', 'sessions', 'days', 'totals'] as const).map((part) => this.keys.history(workspaceId, userId, part));
    return [keys, [answer.answerId, answer.sessionId, `${answer.topic}\t${Math.round(answer.coverage)}`, utcDay(answer.at), this.ttlMs]];
  }

  /** Records a scored answer; false when this answer was already counted. */
  async record(answer: ScoredAnswer): Promise<boolean> {
    const [keys, args] = this.recordCall(answer);
    return (await RECORD.run(this.redis, keys, args)) === 1;
  }

  /** `record` queued in a batch (a step's write riding with the outbox's progress). */
  queueRecord(batch: WriteBatch, answer: ScoredAnswer): void {
    const [keys, args] = this.recordCall(answer);
    batch.script(RECORD, keys, args);
  }

  async stats(workspaceId: string, userId: string, now: number): Promise<UserStats> {
    const [sessions, days, answers] = await Promise.all([
      this.redis.hgetall(this.keys.history(workspaceId, userId, 'sessions')),
      this.redis.smembers(this.keys.history(workspaceId, userId, 'days')),
      this.redis.hget(this.keys.history(workspaceId, userId, 'totals'), 'answers'),
    ]);
    const byTopic = new Map<string, { sessions: number; total: number }>();
    for (const entry of Object.values(sessions)) {
      const [topic, score] = entry.split('\t');
      if (!topic || score === undefined) continue;
      const current = byTopic.get(topic) ?? { sessions: 0, total: 0 };
      byTopic.set(topic, { sessions: current.sessions + 1, total: current.total + Number(score) });
    }
    const daySet = new Set(days);
    return {
      userId,
      answers: Number(answers ?? 0),
      questionsAnswered: Object.keys(sessions).length,
      byTopic: [...byTopic]
        .map(([topic, { sessions: count, total }]) => ({ topic, sessions: count, averageScore: Math.round(total / count) }))
        .sort((a, b) => a.topic.localeCompare(b.topic)),
      streakDays: streakOf(daySet, now),
      practisedToday: daySet.has(utcDay(now)),
    };
  }
}
