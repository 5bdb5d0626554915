import { z } from 'zod';
import { UserError } from '../../core/errors.ts';
import { registerSecret } from '../../infra/redact.ts';

/**
 * LLM scoring settings, read once from the environment. LLM scoring is on when
 * OPENAI_API_KEY or OPENAI_BASE_URL is set (a base URL alone is enough for a local server
 * such as Ollama, vLLM or LM Studio); otherwise `loadLlmConfig` returns undefined and
 * nothing touches the network.
 */
export interface LlmConfig {
  apiKey: string | undefined;
  baseUrl: string | undefined;
  model: string;
  /** Per attempt; the SDK retries timeouts too. */
  timeoutMs: number;
  maxRetries: number;
  /** Upper bound on the reply's tokens, so a runaway reply costs little. */
  maxTokens: number;
  /** LLM calls per workspace per UTC day; cache hits are free. */
  dailyBudget: number;
  cacheTtlSeconds: number;
}

export const DEFAULT_MODEL = 'gpt-4o-mini';

/** Same shape as src/config's ConfigProblem, so start-up can report these with the rest. */
export interface LlmConfigProblem {
  variable: string;
  message: string;
}

/** Every bad variable, by name, each with how to fix it. Values are never included. */
export class LlmConfigError extends UserError {
  readonly problems: LlmConfigProblem[];

  constructor(problems: LlmConfigProblem[]) {
    super('llm_config_invalid', ['LLM scoring is misconfigured:', ...problems.map((problem) => `  - ${problem.variable}: ${problem.message}`)].join('\n'));
    this.problems = problems;
  }
}

function wholeNumber(min: number, max: number, unit: string, fallback: number) {
  const message = `must be a whole number of ${unit} from ${min} to ${max} (default ${fallback})`;
  return z.coerce.number({ error: message }).int({ error: message }).min(min, { error: message }).max(max, { error: message }).default(fallback);
}

const envSchema = z.object({
  OPENAI_API_KEY: z.string().optional(),
  OPENAI_BASE_URL: z
    .url({ protocol: /^https?$/, error: 'must be an http(s) URL such as https://api.openai.com/v1 or http://localhost:11434/v1' })
    .optional(),
  OBS_LLM_MODEL: z
    .string()
    .regex(/^[\w.:/@-]{1,200}$/, { error: 'must be a model name such as gpt-4o-mini or llama3.1:8b' })
    .default(DEFAULT_MODEL),
  OBS_LLM_TIMEOUT_MS: wholeNumber(1, 600_000, 'milliseconds', 20_000),
  OBS_LLM_MAX_RETRIES: wholeNumber(0, 5, 'retries', 2),
  OBS_LLM_MAX_TOKENS: wholeNumber(100, 16_000, 'tokens', 800),
  OBS_LLM_DAILY_BUDGET: wholeNumber(0, 1_000_000, 'calls', 200),
  OBS_LLM_CACHE_TTL_S: wholeNumber(60, 90 * 24 * 3600, 'seconds', 7 * 24 * 3600),
});
type EnvKey = keyof typeof envSchema.shape;
const ENV_KEYS = Object.keys(envSchema.shape) as EnvKey[];

/** Blank variables count as unset, so `OPENAI_API_KEY=` in a .env file turns nothing on. */
function presentValues(env: NodeJS.ProcessEnv): Partial<Record<EnvKey, string>> {
  const values: Partial<Record<EnvKey, string>> = {};
  for (const key of ENV_KEYS) {
    const value = env[key]?.trim();
    if (value) values[key] = value;
  }
  return values;
}

/** Undefined when LLM scoring is off; throws LlmConfigError listing every bad variable. */
export function loadLlmConfig(env: NodeJS.ProcessEnv = process.env): LlmConfig | undefined {
  const values = presentValues(env);
  // Masked in every log line from here on, before anything can fail and log.
  registerSecret(values.OPENAI_API_KEY);
  if (!values.OPENAI_API_KEY && !values.OPENAI_BASE_URL) return undefined;
  const parsed = envSchema.safeParse(values);
  if (!parsed.success) {
    // One line per variable: the first issue names it; the value itself is never echoed.
    const byVariable = new Map<string, string>();
    for (const issue of parsed.error.issues) {
      const variable = String(issue.path[0]);
      if (!byVariable.has(variable)) byVariable.set(variable, issue.message);
    }
    throw new LlmConfigError([...byVariable].map(([variable, message]) => ({ variable, message })));
  }
  const data = parsed.data;
  return {
    apiKey: data.OPENAI_API_KEY,
    baseUrl: data.OPENAI_BASE_URL,
    model: data.OBS_LLM_MODEL,
    timeoutMs: data.OBS_LLM_TIMEOUT_MS,
    maxRetries: data.OBS_LLM_MAX_RETRIES,
    maxTokens: data.OBS_LLM_MAX_TOKENS,
    dailyBudget: data.OBS_LLM_DAILY_BUDGET,
    cacheTtlSeconds: data.OBS_LLM_CACHE_TTL_S,
  };
}
