import type { ReplyProblem } from './output-schema.ts';
import type { DowngradeReason } from './verdicts.ts';

/** Why an answer was scored by keywords instead of the LLM. */
export type FallbackReason =
  | ReplyProblem
  | 'budget'
  | 'budget_unavailable'
  | 'timeout'
  | 'rate_limited'
  | 'http_error'
  | 'connection'
  | 'refusal'
  | 'error';

export interface LlmMetricsSnapshot {
  /** Chat completion calls made (one per uncached answer; SDK retries not counted). */
  calls: number;
  promptTokens: number;
  completionTokens: number;
  cacheHits: number;
  fallbacks: Partial<Record<FallbackReason, number>>;
  /** Verdicts downgraded because their quote could not count. */
  downgrades: number;
  /** The same, by reason: quote_not_found, grader_addressed, misconception. */
  downgradesByReason: Partial<Record<DowngradeReason, number>>;
}

/**
 * In-process counters, cheap enough to bump on every answer. `snapshot()` returns a copy so
 * a metrics endpoint or a test can read them without holding a live reference.
 */
export class LlmMetrics {
  private calls = 0;
  private promptTokens = 0;
  private completionTokens = 0;
  private cacheHits = 0;
  private downgrades = 0;
  private readonly fallbacks = new Map<FallbackReason, number>();
  private readonly downgradeReasons = new Map<DowngradeReason, number>();

  /** Counted when the call starts, so calls that time out or fail are counted too. */
  recordCall(): void {
    this.calls += 1;
  }

  recordUsage(usage: { prompt_tokens?: number; completion_tokens?: number } | undefined): void {
    this.promptTokens += usage?.prompt_tokens ?? 0;
    this.completionTokens += usage?.completion_tokens ?? 0;
  }

  recordCacheHit(): void {
    this.cacheHits += 1;
  }

  recordFallback(reason: FallbackReason): void {
    this.fallbacks.set(reason, (this.fallbacks.get(reason) ?? 0) + 1);
  }

  recordDowngrades(count: number, byReason: Partial<Record<DowngradeReason, number>> = {}): void {
    this.downgrades += count;
    for (const [reason, n] of Object.entries(byReason) as [DowngradeReason, number][]) this.downgradeReasons.set(reason, (this.downgradeReasons.get(reason) ?? 0) + n);
  }

  snapshot(): LlmMetricsSnapshot {
    return {
      calls: this.calls,
      promptTokens: this.promptTokens,
      completionTokens: this.completionTokens,
      cacheHits: this.cacheHits,
      fallbacks: Object.fromEntries(this.fallbacks),
      downgrades: this.downgrades,
      downgradesByReason: Object.fromEntries(this.downgradeReasons),
    };
  }
}

/** The process-wide counters the running bot reports. Tests pass their own instance. */
export const llmMetrics = new LlmMetrics();
