import { createHash } from 'node:crypto';
import type { RedisConnection } from '../infra/redis.ts';

/**
 * A Lua script run by its SHA (EVALSHA), not by sending its whole text on every call.
 *
 * Built on ioredis's `defineCommand`: the first call on each socket is an EVAL (which also
 * loads the script), every later one an EVALSHA, and a NOSCRIPT (a restarted or flushed
 * Redis) falls back to EVAL by itself. One round trip either way. The command is defined on
 * the connection once, under a name derived from the script's hash. A script rides in a
 * batch with other writes through WriteBatch, which runs its text inside one script.
 */
type ScriptArg = string | number;
type ScriptFn = (...args: ScriptArg[]) => Promise<unknown>;

export class RedisScript {
  readonly name: string;

  constructor(
    readonly lua: string,
    /** null: given by each call, as the number of keys it passes (see WriteBatch). */
    readonly numberOfKeys: number | null,
  ) {
    // The key count is part of the name: one script text may be defined with 2 and with 3 keys.
    this.name = `obs_${createHash('sha1').update(`${numberOfKeys}\n${lua}`).digest('hex').slice(0, 16)}`;
  }

  private define(redis: RedisConnection): void {
    if (!(this.name in redis.scriptsSet)) redis.defineCommand(this.name, { lua: this.lua, ...(this.numberOfKeys === null ? {} : { numberOfKeys: this.numberOfKeys }) });
  }

  /**
   * Runs the script: `keys` then `args`, as KEYS and ARGV. Not `async`: it hands back
   * ioredis's promise itself, which spares every store call a wrapping promise and the
   * ticks it takes to adopt one.
   */
  run(redis: RedisConnection, keys: readonly string[], args: readonly ScriptArg[]): Promise<unknown> {
    this.define(redis);
    const commands = redis as unknown as Record<string, ScriptFn>;
    return this.numberOfKeys === null ? commands[this.name]!(keys.length, ...keys, ...args) : commands[this.name]!(...keys, ...args);
  }

  /** Defines the script on the connection up front. */
  prepare(redis: RedisConnection): this {
    this.define(redis);
    return this;
  }
}
