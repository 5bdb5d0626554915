import { KeywordScorer } from '../core/scoring/keyword/keyword-scorer.ts';
import type { Scorer } from '../core/scoring/types.ts';

/** The scorer CLI commands use: the embedded keyword scorer (no network, no key). */
export function createCliScorer(): Scorer {
  return new KeywordScorer();
}
