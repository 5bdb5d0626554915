import { createHash } from 'node:crypto';
import type { ChainableCommander } from 'ioredis';
import type { RedisConnection } from '../infra/redis.ts';

/**
 * A Lua script run by its SHA (EVALSHA), not by sending its whole text on every call.
 *
 * Built on ioredis's `defineCommand`: the first call on each socket is an EVAL (which also
 * loads the script), every later one an EVALSHA, and a NOSCRIPT (a restarted or flushed
 * Redis) falls back to EVAL by itself. One round trip either way. The command is defined on
 * the connection once, under a name derived from the script's hash, and is also available
 * inside `multi()`/`pipeline()` so a script can ride in a batch with other writes.
 */
type ScriptArg = string | number;
type ScriptFn = (...args: ScriptArg[]) => Promise<unknown>;

export class RedisScript {
  readonly name: string;

  constructor(
    readonly lua: string,
    readonly numberOfKeys: number,
  ) {
    // The key count is part of the name: one script text may be defined with 2 and with 3 keys.
    this.name = `obs_${createHash('sha1').update(`${numberOfKeys}\n${lua}`).digest('hex').slice(0, 16)}`;
  }

  private define(redis: RedisConnection): void {
    if (!(this.name in redis.scriptsSet)) redis.defineCommand(this.name, { lua: this.lua, numberOfKeys: this.numberOfKeys });
  }

  /** Runs the script: `keys` then `args`, as KEYS and ARGV. */
  async run(redis: RedisConnection, keys: readonly string[], args: readonly ScriptArg[]): Promise<unknown> {
    this.define(redis);
    return (redis as unknown as Record<string, ScriptFn>)[this.name]!(...keys, ...args);
  }

  /** Queues the script in a batch made by `redis.multi()` or `redis.pipeline()`. */
  queue(redis: RedisConnection, batch: ChainableCommander, keys: readonly string[], args: readonly ScriptArg[]): void {
    this.define(redis);
    // A batch copies the connection's scripts when it is made; one defined later is added here.
    const commands = batch as unknown as Record<string, ScriptFn | undefined>;
    if (typeof commands[this.name] !== 'function') throw new Error(`script ${this.name} was defined after this batch was made; define it first`);
    void commands[this.name]!(...keys, ...args);
  }

  /** Makes sure the connection knows the script, so batches made afterwards carry it. */
  prepare(redis: RedisConnection): this {
    this.define(redis);
    return this;
  }
}
