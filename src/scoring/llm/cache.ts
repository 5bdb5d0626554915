import { createHash } from 'node:crypto';
import type { RedisConnection } from '../../infra/redis.ts';
import { z } from 'zod';
import type { Question } from '../../core/content/schema.ts';
import type { PointResult } from '../../core/scoring/types.ts';
import { answerHash } from '../../core/scoring/answer-hash.ts';
import { PROMPT_VERSION } from './prompt.ts';

/**
 * Verified LLM verdicts, cached so the same answer to the same question is judged (and paid
 * for) once. The key changes whenever anything the judge saw changes: the question's text
 * and rubric, the prompt version, the model, the answer. Only successful LLM results are
 * cached; a fallback is never stored, so the next attempt asks the LLM again.
 */
export interface CachedVerdicts {
  points: PointResult[];
  feedback?: string;
  followUp?: string;
  /** Misconceptions the answer states (ids and verified quotes; claim and correction come from content). */
  misconceptions?: { id: string; quote: string }[];
  /** Parts of the answer were addressed to the grader and kept from the judge. */
  graderAddressed?: boolean;
}

export interface ScoreCache {
  get(key: string): Promise<CachedVerdicts | undefined>;
  set(key: string, value: CachedVerdicts): Promise<void>;
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** A hash of everything the prompt takes from the question (level, title, summary, rubric, misconceptions). */
export function rubricVersion(question: Question): string {
  const { level, title, summary, rubric } = question;
  const misconceptions = question.misconceptions.map(({ id, claim, contradicts }) => ({ id, claim, contradicts }));
  return sha256(JSON.stringify({ level, title, summary, rubric, misconceptions })).slice(0, 16);
}

export { answerHash };

export function scoreCacheKey(question: Question, model: string, answer: string): string {
  return ['llm', 'score', question.id, rubricVersion(question), PROMPT_VERSION, model, answerHash(answer)].join(':');
}

const cachedSchema = z.object({
  points: z.array(
    z.object({
      id: z.string(),
      verdict: z.enum(['covered', 'partial', 'missed']),
      evidence: z.string().optional(),
      note: z.string().optional(),
      ruledOut: z.string().optional(),
    }),
  ),
  feedback: z.string().optional(),
  followUp: z.string().optional(),
  misconceptions: z.array(z.object({ id: z.string(), quote: z.string() })).optional(),
  graderAddressed: z.boolean().optional(),
});

export class RedisScoreCache implements ScoreCache {
  constructor(
    private readonly redis: RedisConnection,
    /** Namespaces keys, e.g. per deployment or per test. */
    private readonly prefix: string,
    private readonly ttlSeconds: number,
  ) {}

  async get(key: string): Promise<CachedVerdicts | undefined> {
    const raw = await this.redis.get(`${this.prefix}:${key}`);
    if (raw === null) return undefined;
    // An entry from an older format is a miss, not an error.
    try {
      const parsed = cachedSchema.safeParse(JSON.parse(raw));
      return parsed.success ? parsed.data : undefined;
    } catch {
      return undefined;
    }
  }

  async set(key: string, value: CachedVerdicts): Promise<void> {
    await this.redis.set(`${this.prefix}:${key}`, JSON.stringify(value), 'EX', this.ttlSeconds);
  }
}
