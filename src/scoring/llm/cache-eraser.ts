import type { ScoreCacheEraser } from '../../app/ports.ts';
import type { RedisConnection } from '../../infra/redis.ts';
import { globLiteral, scanKeys, unlinkEach } from '../../infra/redis-scan.ts';

const SCAN_COUNT = 500;

/**
 * `forget-me` on the LLM score cache. A cached verdict quotes the answer it judged, and
 * its key (scoreCacheKey) ends in a hash of that answer after the question, rubric version,
 * prompt version and model: the model or rubric may have changed since, so the keys are
 * not rebuilt but found, with one SCAN walk over every cached verdict, each kept when its
 * last segment is one of the answers' hashes (answerHash). A key whose answer is someone else's
 * stays: its hash differs. (Two people sending the very same text share one entry; it
 * goes, and the other's next identical answer is judged afresh.)
 */
export class RedisScoreCacheEraser implements ScoreCacheEraser {
  constructor(
    private readonly redis: RedisConnection,
    /** The cache's prefix (RedisScoreCache's: the queue prefix). */
    private readonly prefix: string,
  ) {}

  async eraseVerdictsFor(answerHashes: readonly string[]): Promise<string[]> {
    if (answerHashes.length === 0) return [];
    const hashes = new Set(answerHashes);
    const found = new Set<string>();
    for await (const key of scanKeys(this.redis, `${globLiteral(this.prefix)}:llm:score:*`, SCAN_COUNT)) {
      if (hashes.has(key.slice(key.lastIndexOf(':') + 1))) found.add(key);
    }
    return unlinkEach(this.redis, [...found].sort());
  }
}
