import { KeywordScorer } from '../core/scoring/keyword/keyword-scorer.ts';
import type { Scorer, ScorerName } from '../core/scoring/types.ts';
import { UserError } from '../core/errors.ts';
import { describeRedisUrl } from '../infra/redis.ts';
import { QUEUE_PREFIX } from '../queue/names.ts';
import { RedisScoreCache } from '../scoring/llm/cache.ts';
import { createLlmClient } from '../scoring/llm/client.ts';
import { LlmConfigError, loadLlmConfig } from '../scoring/llm/config.ts';
import { LlmScorer } from '../scoring/llm/llm-scorer.ts';
import { LlmMetrics } from '../scoring/llm/metrics.ts';
import { closeQuietly, connectIfAnswering } from './optional-redis.ts';
import { cliRedisTarget } from './redis-target.ts';

/**
 * The scorer the CLI commands use. The LLM when it is configured (OPENAI_API_KEY or
 * OPENAI_BASE_URL), keywords otherwise; `--scorer keyword|llm` chooses explicitly. No
 * workspace budget: that protects a shared chat bot from one busy team, and a person running
 * the CLI spends their own calls. Verdicts are cached in the bot's Redis when REDIS_URL
 * answers, so the terminal and the bot share them; otherwise the CLI runs without a cache.
 */
export const SCORER_FLAG_USAGE = '--scorer keyword|llm';

/** Exit code for "cannot run as asked": --scorer llm without a usable LLM configuration. */
export const EXIT_SCORER_UNAVAILABLE = 2;

export const LLM_NOT_CONFIGURED =
  '--scorer llm needs an LLM: set OPENAI_API_KEY (and optionally OBS_LLM_MODEL), or OPENAI_BASE_URL for a local OpenAI-compatible server.';

export interface CliScoring {
  scorer: Scorer;
  /** What was chosen: "llm:MODEL" or "keyword". Each result's decidedBy says what actually decided. */
  chosen: string;
  metrics: LlmMetrics;
  close(): Promise<void>;
}

export type CliScoringResult = { ok: true; scoring: CliScoring } | { ok: false; message: string };

export interface CliScorerOptions {
  /** The raw --scorer value; undefined means "the LLM when configured". */
  flag: string | undefined;
  env?: NodeJS.ProcessEnv;
  /** One-line notes for the person (stderr): e.g. that verdicts are not cached. */
  note: (text: string) => void;
  /** False for the eval: a cached verdict would measure an earlier run. */
  cache?: boolean;
}

/** Throws UserError for a value that is neither keyword nor llm. */
export function parseScorerFlag(flag: string | undefined): ScorerName | undefined {
  if (flag === undefined) return undefined;
  const name = flag.trim();
  if (name === 'keyword' || name === 'llm') return name;
  throw new UserError('bad_arguments', `--scorer must be keyword or llm, not "${flag}"`);
}

export async function createCliScorer(options: CliScorerOptions): Promise<CliScoringResult> {
  const env = options.env ?? process.env;
  const explicit = parseScorerFlag(options.flag);
  const keyword = new KeywordScorer();
  const metrics = new LlmMetrics();
  const keywordOnly: CliScoringResult = { ok: true, scoring: { scorer: keyword, chosen: 'keyword', metrics, close: async () => undefined } };
  if (explicit === 'keyword') return keywordOnly;

  let config;
  try {
    config = loadLlmConfig(env);
  } catch (error) {
    // Misconfigured is never silently keywords: the person set the variables meaning to use them.
    if (error instanceof LlmConfigError) return { ok: false, message: error.message };
    throw error;
  }
  if (!config) return explicit === 'llm' ? { ok: false, message: LLM_NOT_CONFIGURED } : keywordOnly;

  const deps = { client: createLlmClient(config), config, fallback: keyword, metrics };
  const redisUrl = cliRedisTarget(env, false);
  if (options.cache === false) return { ok: true, scoring: { scorer: new LlmScorer(deps), chosen: `llm:${config.model}`, metrics, close: async () => undefined } };
  if (!redisUrl) {
    options.note('LLM verdicts are not cached: REDIS_URL is not set.');
    return { ok: true, scoring: { scorer: new LlmScorer(deps), chosen: `llm:${config.model}`, metrics, close: async () => undefined } };
  }
  const connected = await connectIfAnswering(redisUrl);
  if (!connected.ok) {
    options.note(`LLM verdicts are not cached: Redis at ${describeRedisUrl(redisUrl)} did not answer (${connected.reason}).`);
    return { ok: true, scoring: { scorer: new LlmScorer(deps), chosen: `llm:${config.model}`, metrics, close: async () => undefined } };
  }
  const { redis } = connected;
  const cache = new RedisScoreCache(redis, env.OBS_QUEUE_PREFIX?.trim() || QUEUE_PREFIX, config.cacheTtlSeconds);
  return { ok: true, scoring: { scorer: new LlmScorer({ ...deps, cache }), chosen: `llm:${config.model}`, metrics, close: () => closeQuietly(redis) } };
}

/** The scorer a command uses without --scorer: the LLM when its variables are set (even if malformed, so the error shows). */
export function defaultScorerName(env: NodeJS.ProcessEnv = process.env): ScorerName {
  return env.OPENAI_API_KEY?.trim() || env.OPENAI_BASE_URL?.trim() ? 'llm' : 'keyword';
}
