import { createHash } from 'node:crypto';

/**
 * The LLM score cache's hash of an answer (the last part of its key, src/scoring/llm/cache.ts),
 * here so a session can keep it for an answer longer than its excerpt: forget-me finds that
 * answer's cached verdicts by it.
 */
export function answerHash(answer: string): string {
  return createHash('sha256').update(answer.trim()).digest('hex');
}
