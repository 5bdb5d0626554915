import type { RedisConnection } from '../infra/redis.ts';
import { RedisScript } from './scripts.ts';
import type { ClaimResult } from './dedupe-store.ts';
import type { DailyKeys } from './daily-keys.ts';
import { DAY_MS } from './keys.ts';

/**
 * The once-per-local-day rule, in Redis.
 *
 * `claim` is the core's idempotency key (`daily:<channelKey>:<localDate>`), SET NX with the
 * owner's job id, 48 h: whoever claims first posts; a different job for the same channel and
 * day (a second worker, a boot recovery, `daily now`, a schedule change, a repeated DST hour)
 * is told `duplicate` and posts nothing; the *same* job re-run after a crash is told `rerun`
 * and resumes its stored plan, whose metadata check finds a post that already went out.
 *
 * `record` keeps what was posted (thread, session, question, reveal time) for the reveal,
 * `daily status` and `daily now`. First write wins, so a re-run cannot move the reveal.
 */
export interface DailyPostRecord {
  threadTs: string;
  sessionId: string;
  questionId: string;
  postedAt: number;
  revealAt: number;
}

const CLAIM = new RedisScript(`
local current = redis.call('GET', KEYS[1])
if current then return current end
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
return false
`, 1);

const RELEASE = new RedisScript(`
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
`, 1);

const RECORD = new RedisScript(`
for i = 1, #ARGV - 1, 2 do redis.call('HSETNX', KEYS[1], ARGV[i], ARGV[i + 1]) end
redis.call('PEXPIRE', KEYS[1], ARGV[#ARGV])
return 1
`, 1);

export const CLAIM_TTL_MS = 2 * DAY_MS;
/** Long enough for `stats` and late reveals; the sessions themselves live 30 days. */
export const POST_RECORD_TTL_MS = 40 * DAY_MS;

export class DailyPostStore {
  constructor(
    private readonly redis: RedisConnection,
    private readonly keys: DailyKeys,
  ) {}

  async claim(postKey: string, owner: string): Promise<ClaimResult> {
    const current = (await CLAIM.run(this.redis, [this.keys.claim(postKey)], [owner, CLAIM_TTL_MS])) as string | null;
    if (current === null) return 'first';
    return current === owner ? 'rerun' : 'duplicate';
  }

  /**
   * Gives up a claim this owner holds, after a failure that posted nothing for good (the
   * bot not in the channel): a later run that day, say `daily now` once the bot is invited,
   * may then post. Its plan resumes, so a part that did go out is not posted again.
   */
  async release(postKey: string, owner: string): Promise<boolean> {
    return (await RELEASE.run(this.redis, [this.keys.claim(postKey)], [owner])) === 1;
  }

  async ownerOf(postKey: string): Promise<string | undefined> {
    return (await this.redis.get(this.keys.claim(postKey))) ?? undefined;
  }

  async record(channelKey: string, localDate: string, record: DailyPostRecord): Promise<void> {
    await RECORD.run(this.redis, [this.keys.post(channelKey, localDate)], ['threadTs', record.threadTs, 'sessionId', record.sessionId, 'questionId', record.questionId, 'postedAt', String(record.postedAt), 'revealAt', String(record.revealAt), POST_RECORD_TTL_MS]);
  }

  async get(channelKey: string, localDate: string): Promise<DailyPostRecord | undefined> {
    const fields = await this.redis.hgetall(this.keys.post(channelKey, localDate));
    const { threadTs, sessionId, questionId, postedAt, revealAt } = fields;
    if (!threadTs || !sessionId || !questionId || !postedAt || !revealAt) return undefined;
    return { threadTs, sessionId, questionId, postedAt: Number(postedAt), revealAt: Number(revealAt) };
  }
}
