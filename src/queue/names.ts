/**
 * Queue names and key prefixes, in one place so producers and workers cannot drift apart.
 *
 * The default prefix is a Redis Cluster hash tag, `{obs}`: every key of every BullMQ queue
 * then lives in one slot, which BullMQ's Lua scripts need (they touch several keys of a
 * queue at once). Our own keys (sessions, outbox, history) are spread over the cluster
 * instead: they use the prefix without its braces, and carry their own, narrower tags.
 */
export const DEFAULT_QUEUE_PREFIX = '{obs}';
export const QUEUE_PREFIX = process.env.OBS_QUEUE_PREFIX?.trim() || DEFAULT_QUEUE_PREFIX;
export const INTERACTIONS_QUEUE = 'interactions';
export const DAILY_QUEUE = 'daily';
/** Weekly pairing rounds of the peer-practice pools (one job scheduler per channel). */
export const PAIR_QUEUE = 'pair';

/** True when a prefix carries a Redis Cluster hash tag: `{…}` with something inside. */
export function hasHashTag(prefix: string): boolean {
  return /\{[^{}]+\}/.test(prefix);
}

/**
 * The prefix of the stores' keys for a queue prefix: `{obs}` → `obs:store`, `t-1` → `t-1:store`.
 * Without the braces, so each store key's own hash tag (a workspace, a channel, a user) is
 * the one that counts and the keys spread over a cluster's nodes.
 */
export function storePrefixOf(queuePrefix: string): string {
  return `${queuePrefix.replace(/[{}]/g, '')}:store`;
}
