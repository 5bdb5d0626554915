import type { RedisConnection } from '../infra/redis.ts';
import { RedisScript } from './scripts.ts';
import { HOUR_MS, type StoreKeys } from './keys.ts';
import { RESERVE_SLOT_LUA, type PaceBooking } from './post-pacer.ts';

/**
 * Remembers which job first claimed a platform event, so a retried or re-delivered event
 * (Slack retries up to 3 times, Socket Mode redelivers) is recognised and dropped, while a
 * re-run of the *same* job (a BullMQ retry or stall) is allowed through to resume its work.
 * SET NX with a TTL: longer than Slack's retry window (about 5 minutes) by a wide margin.
 */
export type ClaimResult = 'first' | 'rerun' | 'duplicate';

/** Set the key if absent; either way return the owner now stored. */
const CLAIM = new RedisScript(`
local current = redis.call('GET', KEYS[1])
if current then return current end
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
return false
`, 1);

/**
 * Lua for a job's first round trip: CLAIM, then the event's stored outbox plan and its
 * progress, which a job needs before it decides anything (see claimAndLoad). Options:
 * - `pace`: on a first claim, also book the event's posting slot (PostPacer's booking over
 *   KEYS[4], KEYS[5], with ARGV[3..6]): pacing rides in the round trip the job makes anyway;
 * - `plan`: a plan decided before the claim (from ARGV[3], or ARGV[7] with `pace`: its JSON,
 *   its TTL, the longest wait, then progress fields) is stored on a first claim whose slot
 *   is no further off than that wait, when no plan is stored yet, as OutboxStore.create
 *   would store it (SET NX, then the fields): the event's plan is still decided once, and
 *   an earlier plan wins. The progress is read before the fields are written.
 * Returns {owner before, stored plan, progress, wait, 1 when the given plan was stored}.
 */
function claimLua(options: { pace: boolean; plan: boolean }): string {
  const planArg = options.pace ? 7 : 3;
  return `${options.pace ? RESERVE_SLOT_LUA : ''}
local current = redis.call('GET', KEYS[1])
local wait = 0
if not current then
  redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
  ${options.pace ? 'wait = reserve_slot(KEYS, 4, ARGV, 3)' : ''}
end
local plan = redis.call('GET', KEYS[2])
local progress = redis.call('HGETALL', KEYS[3])
local stored = 0
${
  options.plan
    ? `if not current and not plan and wait <= tonumber(ARGV[${planArg + 2}]) then
  redis.call('SET', KEYS[2], ARGV[${planArg}], 'PX', ARGV[${planArg + 1}])
  if #ARGV > ${planArg + 2} then
    redis.call('HSET', KEYS[3], unpack(ARGV, ${planArg + 3}))
    redis.call('PEXPIRE', KEYS[3], ARGV[${planArg + 1}])
  end
  stored = 1
end`
    : ''
}
return {current or false, plan or false, progress, wait, stored}
`;
}

const CLAIM_AND_LOAD = new RedisScript(claimLua({ pace: false, plan: false }), 3);
const CLAIM_LOAD_AND_PACE = new RedisScript(claimLua({ pace: true, plan: false }), 5);
const CLAIM_LOAD_AND_PLAN = new RedisScript(claimLua({ pace: false, plan: true }), 3);
const CLAIM_LOAD_PACE_AND_PLAN = new RedisScript(claimLua({ pace: true, plan: true }), 5);

/**
 * A plan decided before the job's claim, to be stored with it (see claimAndLoad): its JSON,
 * the outbox's TTL, and the progress fields stored with it (runPlan's `storedWithPlan`).
 * `maxWaitMs`: stored only when the booked slot is no further off than this. A job that
 * waits longer leaves the worker until its slot (InteractionPacing) and decides its plan
 * when it comes back, just before it posts, as it would without a plan decided ahead.
 */
export interface PlanToStore {
  json: string;
  ttlMs: number;
  maxWaitMs: number;
  progress: readonly (readonly [string, string])[];
}

/** What a job finds when it starts: its claim, and the plan a previous run stored, if any. */
export interface EventStart {
  claim: ClaimResult;
  planJson?: string;
  /** The plan's progress (step key → result) as it was at the claim. */
  progress: Map<string, string>;
  /** With a pace booking and a first claim: ms until the booked posting slot (0: now). */
  paceWaitMs: number;
  /** True when the plan given to claimAndLoad was stored with the claim (`planJson` is then unset). */
  planStored: boolean;
}

export const DEFAULT_DEDUPE_TTL_MS = 24 * HOUR_MS;

export class DedupeStore {
  constructor(
    private readonly redis: RedisConnection,
    private readonly keys: StoreKeys,
    private readonly ttlMs: number = DEFAULT_DEDUPE_TTL_MS,
  ) {
    CLAIM.prepare(redis);
    CLAIM_AND_LOAD.prepare(redis);
    CLAIM_LOAD_AND_PACE.prepare(redis);
    CLAIM_LOAD_AND_PLAN.prepare(redis);
    CLAIM_LOAD_PACE_AND_PLAN.prepare(redis);
    if (ttlMs < HOUR_MS) throw new Error('dedupe TTL must be at least one hour');
  }

  /** Claims `eventKey` for `owner` (a job id). */
  async claim(workspaceId: string, eventKey: string, owner: string): Promise<ClaimResult> {
    const current = (await CLAIM.run(this.redis, [this.keys.dedupe(workspaceId, eventKey)], [owner, this.ttlMs])) as string | null;
    if (current === null) return 'first';
    return current === owner ? 'rerun' : 'duplicate';
  }

  /**
   * `claim`, plus the event's outbox plan and progress, in one round trip. Only a job that
   * is not a duplicate uses the plan; reading it anyway costs nothing extra. With `pace`, a
   * first claim also books the event's posting slot (PostPacer) in the same script. With
   * `plan` (a plan the job could decide without reading anything), a first claim that finds
   * no stored plan and need not wait stores that one (`planStored`), so deciding costs no
   * round trip of its own; any other job decides after its claim, as without it.
   */
  async claimAndLoad(workspaceId: string, eventKey: string, owner: string, pace?: PaceBooking, plan?: PlanToStore): Promise<EventStart> {
    const keys = [this.keys.dedupe(workspaceId, eventKey), this.keys.outbox(workspaceId, eventKey), this.keys.outboxProgress(workspaceId, eventKey)];
    const args: (string | number)[] = [owner, this.ttlMs];
    if (pace) {
      keys.push(...pace.keys);
      args.push(...pace.args);
    }
    if (plan) {
      args.push(plan.json, plan.ttlMs, plan.maxWaitMs);
      for (const [field, value] of plan.progress) args.push(field, value);
    }
    const script = pace ? (plan ? CLAIM_LOAD_PACE_AND_PLAN : CLAIM_LOAD_AND_PACE) : plan ? CLAIM_LOAD_AND_PLAN : CLAIM_AND_LOAD;
    const [current, planJson, flat, wait, stored] = (await script.run(this.redis, keys, args)) as [string | null, string | null, string[], number, number];
    const progress = new Map<string, string>();
    for (let index = 0; index + 1 < flat.length; index += 2) progress.set(flat[index]!, flat[index + 1]!);
    const claim: ClaimResult = current === null ? 'first' : current === owner ? 'rerun' : 'duplicate';
    return { claim, ...(planJson !== null ? { planJson } : {}), progress, paceWaitMs: Number(wait), planStored: stored === 1 };
  }

  async ownerOf(workspaceId: string, eventKey: string): Promise<string | undefined> {
    return (await this.redis.get(this.keys.dedupe(workspaceId, eventKey))) ?? undefined;
  }
}
