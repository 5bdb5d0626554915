import { z } from 'zod';
import { hasHashTag } from '../queue/names.ts';
import type { ConfigProblem } from './errors.ts';
import { type Env, rawValue, readVariable, type VariableRule } from './variables.ts';

/**
 * The target for REDIS_CLUSTER_NODES (`host:port,host:port`): `redis-cluster://h1:p1,h2:p2`,
 * with the user, password and TLS (`rediss://`) of REDIS_URL, so one string still names
 * where Redis is everywhere a URL is passed around.
 */
export function clusterTarget(nodes: readonly string[], redisUrl: string): string {
  const base = new URL(redisUrl);
  const scheme = base.protocol === 'rediss:' ? 'rediss-cluster:' : 'redis-cluster:';
  const auth = base.username || base.password ? `${base.username}${base.password ? `:${base.password}` : ''}@` : '';
  return `${scheme}//${auth}${nodes.join(',')}`;
}

const NODE = /^[A-Za-z0-9._-]+:\d{1,5}$/;
const nodeList = z
  .string()
  .transform((value) => value.split(',').map((node) => node.trim()).filter(Boolean))
  .pipe(z.array(z.string().regex(NODE)).min(1));

const rules: VariableRule[] = [
  {
    holds: (value) => value.split(',').every((node) => node.trim() === '' || NODE.test(node.trim())),
    message: 'must be a comma-separated list of host:port, e.g. redis-1:6379,redis-2:6379,redis-3:6379 (a few of the cluster\'s nodes; the rest are discovered).',
  },
];

/**
 * REDIS_CLUSTER_NODES: when set, Redis is a cluster and REDIS_URL only lends its user,
 * password and TLS (`rediss://`). The result is the `redis-cluster://` target every
 * connection is made from. A queue prefix without a hash tag would scatter a queue's keys
 * over the cluster and BullMQ's scripts would fail (CROSSSLOT), so that is refused here.
 */
export function readRedisTarget(env: Env, redisUrl: string, problems: ConfigProblem[]): string {
  const nodes = readVariable(env, { name: 'REDIS_CLUSTER_NODES', schema: nodeList, rules, invalid: rules[0]!.message }, problems);
  if (!nodes) return redisUrl;
  const prefix = rawValue(env, 'OBS_QUEUE_PREFIX');
  if (prefix !== undefined && !hasHashTag(prefix)) {
    problems.push({ variable: 'OBS_QUEUE_PREFIX', message: 'must contain a hash tag in braces, e.g. {obs}, when REDIS_CLUSTER_NODES is set: it keeps each queue\'s keys in one cluster slot.' });
  }
  return clusterTarget(nodes, redisUrl);
}
