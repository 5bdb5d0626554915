import type { RedisConnection } from '../infra/redis.ts';
import { DEFAULT_POST_PACES, gcraOf } from './post-pacer.ts';
import { RedisScript } from './scripts.ts';
import type { DailyKeys } from './daily-keys.ts';

/**
 * A per-workspace posting pace shared by every worker process: a GCRA (generic cell rate
 * algorithm, a token bucket kept as one timestamp) in Redis, on Redis's own clock so workers
 * with skewed clocks agree.
 *
 * `reserve` books the workspace's next free slot and says how long to wait for it: 0 inside
 * the burst, then one slot every `1000 / perSecond` ms. Booking (rather than "try again
 * later") means a job that waits runs at its slot without asking again, so a morning's
 * fan-out to 20 channels of one workspace is spread evenly instead of retried in a herd.
 * `penalize` pushes the workspace's next slot past a 429's Retry-After.
 *
 * Slack: chat.postMessage allows about one message per second per channel and several
 * hundred per minute per workspace; see DEFAULT_WORKSPACE_PACE.
 */
export interface Pace {
  /** Sustained posts per second per workspace. */
  perSecond: number;
  /** Posts allowed back to back before the pace applies. */
  burst: number;
}

/**
 * 4 posts/s = 240 a minute, well under "several hundred per minute", with a burst of 10:
 * the interactions worker's Slack workspace pace, since both book on one key (paceKey).
 */
export const DEFAULT_WORKSPACE_PACE: Pace = DEFAULT_POST_PACES.slack.workspace;

const RESERVE = new RedisScript(`
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local interval = tonumber(ARGV[1])
local tolerance = tonumber(ARGV[2])
local tat = tonumber(redis.call('GET', KEYS[1]) or '0')
if tat < now then tat = now end
local wait = tat - tolerance - now
if wait < 0 then wait = 0 end
redis.call('SET', KEYS[1], tat + interval, 'PX', math.floor(tat + interval - now + 1000))
return wait
`, 1);

const PENALIZE = new RedisScript(`
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local tat = tonumber(redis.call('GET', KEYS[1]) or '0')
local until_ = now + tonumber(ARGV[1]) + tonumber(ARGV[2])
if until_ > tat then redis.call('SET', KEYS[1], until_, 'PX', math.floor(until_ - now + 1000)) end
return 1
`, 1);

export class WorkspacePacer {
  private readonly interval: number;
  private readonly tolerance: number;

  constructor(
    private readonly redis: RedisConnection,
    private readonly keys: DailyKeys,
    readonly pace: Pace = DEFAULT_WORKSPACE_PACE,
  ) {
    [this.interval, this.tolerance] = gcraOf(pace);
  }

  /** Books the next slot; resolves with the milliseconds to wait for it (0: go now). */
  async reserve(workspaceId: string): Promise<number> {
    return Number(await RESERVE.run(this.redis, [this.keys.pace(workspaceId)], [this.interval, this.tolerance]));
  }

  /** After a 429: no slot for this workspace sooner than `retryAfterMs` from now. */
  async penalize(workspaceId: string, retryAfterMs: number): Promise<void> {
    await PENALIZE.run(this.redis, [this.keys.pace(workspaceId)], [retryAfterMs, this.tolerance]);
  }
}
