import type { RedisConnection } from '../infra/redis.ts';
import type { Platform } from '../core/thread-id.ts';
import { RedisScript } from './scripts.ts';
import type { Pace } from './workspace-pacer.ts';

/**
 * The interactions worker's posting pace, per workspace AND per channel, shared by every
 * worker process: GCRA (as WorkspacePacer) over two keys at once, on Redis's clock.
 *
 * A job books one slot that satisfies both buckets: the earliest time t ≥ now at which the
 * workspace and the channel each have room, and both buckets are charged at t. So one busy
 * channel cannot eat its workspace's budget ahead of time, and one busy workspace never
 * delays another: their keys are unrelated.
 *
 * The booking runs inside the job's first Redis script (DedupeStore.claimAndLoad, with
 * RESERVE_SLOT_LUA), so pacing costs no extra round trip; `reserve` is the same booking on
 * its own, for callers without a claim. A job is paced once, when it first claims its
 * event: its re-runs (a delay served, a retry, a stall) hold the slot already booked.
 *
 * Defaults, and why (docs/deploy.md repeats them):
 * - Slack chat.postMessage: about 1 message per second per channel, short bursts allowed,
 *   and "several hundred per minute" per workspace. Channel: 1/s with a burst of 3.
 *   Workspace: 4/s (240 a minute) with a burst of 10, so a workspace never goes past 250
 *   in any minute. The daily worker books on the same workspace key (paceKey) at the
 *   same pace (DEFAULT_WORKSPACE_PACE is this one): daily posts and replies share one budget.
 * - Discord: 5 messages per 5 s per channel → 1/s with a burst of 5. Discord sets no
 *   per-guild message limit; its ceiling is 50 requests/s per bot across every guild, which
 *   @discordjs/rest enforces in each process. A guild gets 10/s (burst 20) here, so one
 *   guild cannot take a whole process's share.
 */
export interface PostPaces {
  workspace: Pace;
  channel: Pace;
}

export const DEFAULT_POST_PACES: Readonly<Record<Exclude<Platform, 'console'>, PostPaces>> = {
  slack: { workspace: { perSecond: 4, burst: 10 }, channel: { perSecond: 1, burst: 3 } },
  discord: { workspace: { perSecond: 10, burst: 20 }, channel: { perSecond: 1, burst: 5 } },
};

/** A pace no bench or test reaches: the booking still runs, but never asks a job to wait. */
export const UNBOUNDED_PACE: Pace = { perSecond: 1_000_000, burst: 1_000_000 };
export const UNBOUNDED_POST_PACES: PostPaces = { workspace: UNBOUNDED_PACE, channel: UNBOUNDED_PACE };

/** What a script needs to book a slot: the two keys, then interval and tolerance for each (ms). */
export interface PaceBooking {
  keys: [workspaceKey: string, channelKey: string];
  args: [workspaceInterval: number, workspaceTolerance: number, channelInterval: number, channelTolerance: number];
}

/**
 * Lua: `reserve_slot(keys, first_key, args, first_arg)` books the earliest slot every key
 * allows (keys[first_key], keys[first_key + 1], with interval/tolerance pairs from
 * args[first_arg]) and returns the wait in ms (0: go now). Each key stores its theoretical
 * arrival time (TAT) in ms and expires at that time: from then on an absent key means the
 * same (a full burst), so an idle channel holds no memory.
 */
export const RESERVE_SLOT_LUA = `
local function reserve_slot(keys, first_key, args, first_arg)
  local t = redis.call('TIME')
  local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
  local slot = now
  local tats = {}
  local stored = redis.call('MGET', keys[first_key], keys[first_key + 1])
  for i = 0, 1 do
    local tat = tonumber(stored[i + 1] or '0')
    tats[i] = tat
    local allowed = tat - tonumber(args[first_arg + 2 * i + 1])
    if allowed > slot then slot = allowed end
  end
  for i = 0, 1 do
    local tat = tats[i]
    if tat < slot then tat = slot end
    tat = tat + tonumber(args[first_arg + 2 * i])
    redis.call('SET', keys[first_key + i], tat, 'PX', tat - now)
  end
  return slot - now
end
`;

const RESERVE = new RedisScript(`${RESERVE_SLOT_LUA}
return reserve_slot(KEYS, 1, ARGV, 1)
`, 2);

/**
 * After a 429: neither key gets a slot sooner than ARGV[1] ms from now; then books the
 * job's next slot after that (ARGV[2..5] as RESERVE's), so jobs retried after the same
 * 429 are spaced out again instead of all posting the moment it lifts.
 */
const PENALIZE_AND_RESERVE = new RedisScript(`${RESERVE_SLOT_LUA}
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
for i = 1, 2 do
  local tat = tonumber(redis.call('GET', KEYS[i]) or '0')
  local until_ = now + tonumber(ARGV[1]) + tonumber(ARGV[2 * i + 1])
  if until_ > tat and until_ > now then redis.call('SET', KEYS[i], until_, 'PX', until_ - now) end
end
return reserve_slot(KEYS, 1, ARGV, 2)
`, 2);

/**
 * A workspace's pace key, under the stores' prefix (`obs:store`). The one definition for
 * both pacers: PostPacer's workspace bucket and the daily worker's WorkspacePacer
 * (DailyKeys.pace) book on this same key, so daily posts and replies share one budget.
 * It carries the workspace's hash tag (`{T1}`), like its dedupe and outbox keys.
 */
export function paceKey(prefix: string, workspaceId: string): string {
  return `${prefix}:pace:{${workspaceId}}`;
}

/** A pace as GCRA's interval and tolerance in whole ms (PostPacer and WorkspacePacer alike). */
export function gcraOf(pace: Pace): [interval: number, tolerance: number] {
  if (!(pace.perSecond > 0) || !(pace.burst >= 1)) throw new Error('a pace needs perSecond > 0 and burst ≥ 1');
  // Whole milliseconds: Redis's Lua prints numbers with 14 significant digits.
  const interval = Math.max(1, Math.round(1_000 / pace.perSecond));
  return [interval, (pace.burst - 1) * interval];
}

export class PostPacer {
  private readonly gcra: ReadonlyMap<Platform, PaceBooking['args']>;

  constructor(
    private readonly redis: RedisConnection,
    /** The stores' prefix (`obs:store`): the keys sit beside the workspace's other keys. */
    private readonly prefix: string,
    paces: Partial<Record<Platform, PostPaces>> = DEFAULT_POST_PACES,
  ) {
    const gcra = new Map<Platform, PaceBooking['args']>();
    for (const [platform, pace] of Object.entries(paces) as [Platform, PostPaces][]) gcra.set(platform, [...gcraOf(pace.workspace), ...gcraOf(pace.channel)]);
    this.gcra = gcra;
    RESERVE.prepare(redis);
    PENALIZE_AND_RESERVE.prepare(redis);
  }

  /**
   * The keys share the workspace's hash tag (`{T1}`) with its dedupe and outbox keys, so
   * the booking can ride in the claim script on a Redis Cluster too.
   */
  workspaceKey(workspaceId: string): string {
    return paceKey(this.prefix, workspaceId);
  }

  channelKey(workspaceId: string, channelId: string): string {
    return `${paceKey(this.prefix, workspaceId)}:${channelId}`;
  }

  /** The booking for a post in this channel; undefined for a platform without a pace. */
  booking(platform: Platform, workspaceId: string, channelId: string): PaceBooking | undefined {
    const args = this.gcra.get(platform);
    if (!args) return undefined;
    return { keys: [this.workspaceKey(workspaceId), this.channelKey(workspaceId, channelId)], args };
  }

  /** Books a slot on its own (one round trip); resolves with the ms to wait for it. */
  async reserve(booking: PaceBooking): Promise<number> {
    return Number(await RESERVE.run(this.redis, booking.keys, booking.args));
  }

  /** After a 429: no slot in this workspace (and channel) sooner than `retryAfterMs` from now; books the next one after it. */
  async penalizeAndReserve(booking: PaceBooking, retryAfterMs: number): Promise<number> {
    return Number(await PENALIZE_AND_RESERVE.run(this.redis, booking.keys, [Math.max(0, Math.round(retryAfterMs)), ...booking.args]));
  }
}
