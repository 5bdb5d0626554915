import type { RedisConnection } from '../infra/redis.ts';
import { RedisScript } from './scripts.ts';

/**
 * Writes gathered from several stores to land together, atomically, in one round trip: a
 * step's effect with the record that it happened (OutboxStore.recordAll and markDone).
 *
 * Sent as one Lua script, not as a MULTI: the batch's scripts (a session created unless it
 * exists, a history entry) and plain commands (HSET, PEXPIRE, LREM…) run one after another
 * inside it. In the worker's CPU profile a MULTI of three writes cost twice a single
 * script: ioredis copies every script the connection knows onto each `multi()`, and sends
 * and parses MULTI, a QUEUED per command and EXEC. Atomic like a MULTI; unlike one, a
 * failing command stops the writes after it (the caller throws either way, and the job's
 * retry redoes what was not recorded).
 *
 * The script's text depends only on which scripts the batch uses (each becomes a Lua
 * function taking KEYS and ARGV); what each entry writes travels in ARGV, so a few texts
 * cover every batch and run by EVALSHA like any other script.
 */
type ScriptArg = string | number;

interface Entry {
  /** A RedisScript's name, or a Redis command. */
  name: string;
  keys: readonly string[];
  args: readonly ScriptArg[];
}

/**
 * ARGV[1]: the number of entries; then per entry its name, key count, arg count and args.
 * Each entry's keys follow the previous entry's in KEYS. A command gets its keys, then its
 * args (every command batched here takes them in that order).
 */
const INTERPRETER = `
local k, a = 1, 2
for _ = 1, tonumber(ARGV[1]) do
  local name, nk, na = ARGV[a], tonumber(ARGV[a + 1]), tonumber(ARGV[a + 2])
  a = a + 3
  local keys, args = {}, {}
  for i = 1, nk do keys[i] = KEYS[k + i - 1] end
  for i = 1, na do args[i] = ARGV[a + i - 1] end
  k, a = k + nk, a + na
  local script = scripts[name]
  if script then
    script(keys, args)
  else
    for i = 1, na do keys[nk + i] = args[i] end
    redis.call(name, unpack(keys))
  end
end
return 1
`;

/** Composite scripts by the names of the scripts they carry, shared by every connection. */
const composites = new Map<string, RedisScript>();

function compositeFor(scripts: readonly RedisScript[]): RedisScript {
  const signature = scripts.map((script) => script.name).join(',');
  let composite = composites.get(signature);
  if (!composite) {
    const functions = scripts.map((script) => `scripts['${script.name}'] = function(KEYS, ARGV)\n${script.lua}\nend`).join('\n');
    // The key count is given per call: it is the batch's.
    composite = new RedisScript(`local scripts = {}\n${functions}\n${INTERPRETER}`, null);
    composites.set(signature, composite);
  }
  return composite;
}

export class WriteBatch {
  private readonly entries: Entry[] = [];
  private readonly scripts: RedisScript[] = [];

  get length(): number {
    return this.entries.length;
  }

  /** A store's script, run in the batch with these KEYS and ARGV. */
  script(script: RedisScript, keys: readonly string[], args: readonly ScriptArg[]): this {
    if (!this.scripts.includes(script)) this.scripts.push(script);
    this.entries.push({ name: script.name, keys, args });
    return this;
  }

  /** A plain write: `command key… arg…`. */
  call(command: string, keys: readonly string[], ...args: ScriptArg[]): this {
    this.entries.push({ name: command, keys, args });
    return this;
  }

  /** Runs every entry, in order, in one script; rejects with what Redis threw. */
  async run(redis: RedisConnection): Promise<void> {
    if (this.entries.length === 0) return;
    const keys: string[] = [];
    const args: ScriptArg[] = [this.entries.length];
    for (const entry of this.entries) {
      keys.push(...entry.keys);
      args.push(entry.name, entry.keys.length, entry.args.length, ...entry.args);
    }
    await compositeFor(this.scripts).run(redis, keys, args);
  }
}
