import type { RedisConnection } from '../infra/redis.ts';
import { RedisScript } from './scripts.ts';
import type { ScorerName, Verdict } from '../core/scoring/types.ts';
import type { StoreKeys } from './keys.ts';

/**
 * A person's own verdict on each key point after the reveal (Got it / Partly / Missed),
 * stored beside what the automatic check said about the same point, so `stats` can show
 * both and how often they agreed.
 *
 * One hash per person (`selfassess:{workspace:user}`), one field per session and point: a
 * second press on the same point replaces the first, so there is one record per point
 * whatever Slack re-delivers. A press carries the time it was received; a re-run of an
 * older press (at-least-once delivery) never overwrites a newer choice.
 */
export type SelfRating = 'got' | 'partly' | 'missed';

export const SELF_RATINGS: readonly SelfRating[] = ['got', 'partly', 'missed'];

/** The automatic verdict a self-rating agrees with. */
export const RATING_VERDICT: Record<SelfRating, Verdict> = { got: 'covered', partly: 'partial', missed: 'missed' };

export interface SelfAssessment {
  workspaceId: string;
  userId: string;
  /** The session (encoded thread id, or a terminal session id). */
  sessionId: string;
  questionId: string;
  pointId: string;
  rating: SelfRating;
  /** What the automatic check said for this person and point; absent when they had not answered. */
  automatic?: { verdict: Verdict; scorer: ScorerName };
  /** When the press was received (epoch ms): the newest press wins. */
  at: number;
}

export interface SelfAssessmentSummary {
  got: number;
  partly: number;
  missed: number;
  /** Self-assessed points that have an automatic verdict to compare with. */
  compared: number;
  /** Of those, how many the automatic verdict matched. */
  agreed: number;
  /** Which automatic checks those verdicts came from. */
  scorers: ScorerName[];
}

export const DEFAULT_SELF_ASSESSMENT_TTL_MS = 400 * 24 * 3_600_000;

const RECORD = new RedisScript(`
local old = redis.call('HGET', KEYS[1], ARGV[1])
if old then
  local at = tonumber(string.match(old, '^(%d+)'))
  if at and at > tonumber(ARGV[2]) then return 0 end
end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[3])
redis.call('PEXPIRE', KEYS[1], ARGV[4])
return 1
`, 1);

const FIELD_SEPARATOR = '\t';

function isRating(value: string | undefined): value is SelfRating {
  return value === 'got' || value === 'partly' || value === 'missed';
}

function isVerdict(value: string | undefined): value is Verdict {
  return value === 'covered' || value === 'partial' || value === 'missed';
}

function isScorer(value: string | undefined): value is ScorerName {
  return value === 'keyword' || value === 'llm';
}

/** `<at>\t<rating>\t<verdict|->\t<scorer|->\t<questionId>`: the time first, so the script can compare it. */
function encode(record: SelfAssessment): string {
  return [record.at, record.rating, record.automatic?.verdict ?? '-', record.automatic?.scorer ?? '-', record.questionId].join(FIELD_SEPARATOR);
}

export class SelfAssessmentStore {
  constructor(
    private readonly redis: RedisConnection,
    private readonly keys: StoreKeys,
    private readonly ttlMs: number = DEFAULT_SELF_ASSESSMENT_TTL_MS,
  ) {}

  /** Stores the choice; false when a newer press for the same point is already stored. */
  async record(record: SelfAssessment): Promise<boolean> {
    const field = [record.sessionId, record.pointId].join(FIELD_SEPARATOR);
    const result = await RECORD.run(this.redis, [this.keys.selfAssessment(record.workspaceId, record.userId)], [field, String(Math.floor(record.at)), encode(record), this.ttlMs]);
    return result === 1;
  }

  /** Every stored choice of one person, for one session when `sessionId` is given. */
  async list(workspaceId: string, userId: string, sessionId?: string): Promise<SelfAssessment[]> {
    const all = await this.redis.hgetall(this.keys.selfAssessment(workspaceId, userId));
    const records: SelfAssessment[] = [];
    for (const [field, value] of Object.entries(all)) {
      const [session = '', pointId = ''] = field.split(FIELD_SEPARATOR);
      if (sessionId !== undefined && session !== sessionId) continue;
      const [at, rating, verdict, scorer, questionId = ''] = value.split(FIELD_SEPARATOR);
      if (!isRating(rating)) continue;
      records.push({
        workspaceId,
        userId,
        sessionId: session,
        questionId,
        pointId,
        rating,
        ...(isVerdict(verdict) && isScorer(scorer) ? { automatic: { verdict, scorer } } : {}),
        at: Number(at),
      });
    }
    return records;
  }

  async summary(workspaceId: string, userId: string): Promise<SelfAssessmentSummary | undefined> {
    return summarise(await this.list(workspaceId, userId));
  }
}

/** Counts by rating and the agreement with the automatic verdicts; undefined for none. */
export function summarise(records: readonly SelfAssessment[]): SelfAssessmentSummary | undefined {
  if (records.length === 0) return undefined;
  const summary: SelfAssessmentSummary = { got: 0, partly: 0, missed: 0, compared: 0, agreed: 0, scorers: [] };
  const scorers = new Set<ScorerName>();
  for (const record of records) {
    summary[record.rating] += 1;
    if (!record.automatic) continue;
    summary.compared += 1;
    scorers.add(record.automatic.scorer);
    if (RATING_VERDICT[record.rating] === record.automatic.verdict) summary.agreed += 1;
  }
  summary.scorers = [...scorers].sort();
  return summary;
}
