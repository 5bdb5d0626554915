import { Counter, Registry } from 'prom-client';
import { registry as processRegistry } from '../../infra/metrics.ts';
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
 * The LLM scorer's counters, as prom-client counters on a registry: the process-wide
 * instance registers them on the registry /metrics serves; tests and `obs-bot eval` pass
 * their own registry so their counts start at zero. `snapshot()` reads them back.
 */
export class LlmMetrics {
  private readonly calls: Counter;
  private readonly tokens: Counter<'type'>;
  private readonly cacheHits: Counter;
  private readonly fallbacks: Counter<'reason'>;
  private readonly downgrades: Counter<'reason'>;

  constructor(readonly registry: Registry = new Registry()) {
    const registers = [registry];
    this.calls = new Counter({ name: 'obsbot_llm_calls_total', help: 'LLM chat completion calls (SDK retries not counted).', registers });
    this.tokens = new Counter({ name: 'obsbot_llm_tokens_total', help: 'LLM tokens used, by type (prompt, completion).', labelNames: ['type'], registers });
    this.cacheHits = new Counter({ name: 'obsbot_llm_cache_hits_total', help: 'Answers scored from the LLM score cache.', registers });
    this.fallbacks = new Counter({ name: 'obsbot_llm_fallbacks_total', help: 'Answers scored by keywords instead of the LLM, by reason.', labelNames: ['reason'], registers });
    this.downgrades = new Counter({ name: 'obsbot_llm_downgrades_total', help: 'LLM verdicts downgraded because their quote could not count, by reason (quote_not_found, grader_addressed, misconception).', labelNames: ['reason'], registers });
  }

  /** Counted when the call starts, so calls that time out or fail are counted too. */
  recordCall(): void {
    this.calls.inc();
  }

  recordUsage(usage: { prompt_tokens?: number; completion_tokens?: number } | undefined): void {
    this.tokens.inc({ type: 'prompt' }, usage?.prompt_tokens ?? 0);
    this.tokens.inc({ type: 'completion' }, usage?.completion_tokens ?? 0);
  }

  recordCacheHit(): void {
    this.cacheHits.inc();
  }

  recordFallback(reason: FallbackReason): void {
    this.fallbacks.inc({ reason });
  }

  recordDowngrades(count: number, byReason: Partial<Record<DowngradeReason, number>> = {}): void {
    let named = 0;
    for (const [reason, n] of Object.entries(byReason) as [DowngradeReason, number][]) {
      if (n > 0) this.downgrades.inc({ reason }, n);
      named += n;
    }
    if (count > named) this.downgrades.inc({ reason: 'unspecified' }, count - named);
  }

  async snapshot(): Promise<LlmMetricsSnapshot> {
    const [calls, tokens, cacheHits, fallbacks, downgrades] = await Promise.all([this.calls.get(), this.tokens.get(), this.cacheHits.get(), this.fallbacks.get(), this.downgrades.get()]);
    const total = (metric: { values: { value: number }[] }): number => metric.values.reduce((sum, { value }) => sum + value, 0);
    const tokensOf = (type: string): number => tokens.values.find((entry) => entry.labels.type === type)?.value ?? 0;
    return {
      calls: total(calls),
      promptTokens: tokensOf('prompt'),
      completionTokens: tokensOf('completion'),
      cacheHits: total(cacheHits),
      fallbacks: Object.fromEntries(fallbacks.values.filter(({ value }) => value > 0).map(({ labels, value }) => [String(labels.reason), value])) as Partial<Record<FallbackReason, number>>,
      downgrades: total(downgrades),
      downgradesByReason: Object.fromEntries(downgrades.values.filter(({ value, labels }) => value > 0 && labels.reason !== 'unspecified').map(({ labels, value }) => [String(labels.reason), value])) as Partial<Record<DowngradeReason, number>>,
    };
  }
}

/** The process-wide counters, exported on /metrics. Tests pass their own instance. */
export const llmMetrics = new LlmMetrics(processRegistry);
