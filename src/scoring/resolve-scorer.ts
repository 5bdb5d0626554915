import type { RedisConnection } from '../infra/redis.ts';
import { KeywordScorer } from '../core/scoring/keyword/keyword-scorer.ts';
import type { Scorer, ScorerName } from '../core/scoring/types.ts';
import { logger as defaultLogger, type Logger } from '../infra/logger.ts';
import { metrics } from '../infra/metrics.ts';
import { RedisDailyBudget } from './llm/budget.ts';
import { RedisScoreCache } from './llm/cache.ts';
import { loadLlmConfig, type LlmConfig } from './llm/config.ts';
import { llmMetrics, type LlmMetrics } from './llm/metrics.ts';
import { ScorerSettingsStore, type ScorerChoice, type ScorerChoiceReader, type ScorerScope } from './scorer-settings.ts';

/**
 * Picks the scorer for a workspace or channel. Keyword scoring always works; the LLM is
 * used only when it is configured AND the place has not chosen keywords. With the LLM
 * configured, the default is the LLM: the team set a key because they want it.
 */
export function chooseScorer(llmConfigured: boolean, choice: ScorerChoice | undefined): ScorerName {
  if (!llmConfigured) return 'keyword';
  return choice ?? 'llm';
}

export class ScorerResolver {
  constructor(
    private readonly options: {
      keyword: Scorer;
      /** Undefined when LLM scoring is not configured. */
      llm: Scorer | undefined;
      choices: ScorerChoiceReader;
      logger?: Logger;
    },
  ) {}

  get llmConfigured(): boolean {
    return this.options.llm !== undefined;
  }

  async resolve(scope: ScorerScope): Promise<Scorer> {
    const scorer = await this.choose(scope);
    metrics.scorerUsed.inc({ scorer: scorer.name });
    return scorer;
  }

  private async choose(scope: ScorerScope): Promise<Scorer> {
    const { keyword, llm, choices } = this.options;
    if (!llm) return keyword;
    let choice: ScorerChoice | undefined;
    try {
      choice = await choices.get(scope);
    } catch (error) {
      // An unreadable setting must not stop scoring; the default is what an unset one means.
      (this.options.logger ?? defaultLogger).warn('scorer setting unreadable; using the default', { error });
    }
    return chooseScorer(true, choice) === 'llm' ? llm : keyword;
  }
}

export interface ScoringSetup {
  resolver: ScorerResolver;
  /** For the `/obs-question scoring llm|keyword` command. */
  settings: ScorerSettingsStore;
  /** Undefined when LLM scoring is off. */
  llmConfig: LlmConfig | undefined;
}

/**
 * Builds everything scoring needs from the environment and one Redis connection.
 * Throws LlmConfigError (naming each bad variable) when the LLM settings are malformed.
 * The OpenAI SDK (about 12 MB of a worker's idle RSS) is loaded only when the LLM is configured.
 */
export async function createScoring(options: {
  redis: RedisConnection;
  /** Key prefix shared by the bot's Redis keys, e.g. "obs". */
  prefix: string;
  env?: NodeJS.ProcessEnv;
  keyword?: Scorer;
  metrics?: LlmMetrics;
  logger?: Logger;
}): Promise<ScoringSetup> {
  const { redis, prefix, logger } = options;
  const keyword = options.keyword ?? new KeywordScorer();
  const llmConfig = loadLlmConfig(options.env ?? process.env);
  let llm: Scorer | undefined;
  if (llmConfig) {
    const [{ createLlmClient }, { LlmScorer }] = await Promise.all([import('./llm/client.ts'), import('./llm/llm-scorer.ts')]);
    llm = new LlmScorer({
      client: createLlmClient(llmConfig),
      config: llmConfig,
      fallback: keyword,
      cache: new RedisScoreCache(redis, prefix, llmConfig.cacheTtlSeconds),
      budget: new RedisDailyBudget(redis, prefix, llmConfig.dailyBudget),
      metrics: options.metrics ?? llmMetrics,
      ...(logger ? { logger } : {}),
    });
  }
  const settings = new ScorerSettingsStore(redis, prefix);
  return { resolver: new ScorerResolver({ keyword, llm, choices: settings, ...(logger ? { logger } : {}) }), settings, llmConfig };
}
