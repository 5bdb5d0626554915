import { readRedisTarget } from '../config/redis-cluster.ts';
import { ConfigError, type ConfigProblem } from '../config/errors.ts';
import { DEFAULTS } from '../config/index.ts';

/**
 * Where the CLI finds the bot's Redis: REDIS_URL, or a cluster when REDIS_CLUSTER_NODES is set
 * (REDIS_URL then lends only its user, password and TLS), read by the same rule as the bot's
 * own configuration so `export` and the LLM cache see the Redis the bot writes to.
 *
 * `required: false` (the LLM cache, terminal self-assessments): undefined when neither
 * variable is set, because the CLI then works without Redis. A malformed value is a
 * ConfigError naming the variable either way, never a silent "not cached".
 */
export function cliRedisTarget(env: NodeJS.ProcessEnv, required: boolean): string | undefined {
  const url = env.REDIS_URL?.trim();
  const nodes = env.REDIS_CLUSTER_NODES?.trim();
  if (!required && !url && !nodes) return undefined;
  const problems: ConfigProblem[] = [];
  const target = readRedisTarget(env, url || DEFAULTS.redisUrl, problems);
  if (problems.length > 0) throw new ConfigError(problems);
  return target;
}
