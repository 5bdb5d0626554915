import type { RedisConnection } from '../infra/redis.ts';
import { RedisScript } from './scripts.ts';
import type { DailyKeys } from './daily-keys.ts';
import { DAY_MS } from './keys.ts';

/**
 * Who answered each channel's daily questions, by the channel's local date, and how many
 * rubric points their answers covered that day: the input of streaks (`currentStreak`) and
 * of the monthly points (`pointsCoveredThisMonth`). A person answering several times on one
 * day keeps their best tally, so re-runs and extra answers never inflate it.
 */
export interface DailyAnswer {
  channelKey: string;
  workspaceId: string;
  userId: string;
  localDate: string;
  pointsCovered: number;
}

/** The channel's two keys, one hash tag (`{channelKey}`), so one script in a cluster too. */
const RECORD = new RedisScript(`
local current = tonumber(redis.call('HGET', KEYS[1], ARGV[1]) or '-1')
if tonumber(ARGV[2]) > current then redis.call('HSET', KEYS[1], ARGV[1], ARGV[2]) end
redis.call('SADD', KEYS[2], ARGV[3])
for i = 1, 2 do redis.call('PEXPIRE', KEYS[i], ARGV[4]) end
return 1
`, 2);

/** A streak needs the days since it began; a year and a bit covers any that matter. */
export const DAILY_ANSWERS_TTL_MS = 400 * DAY_MS;

export class DailyAnswersStore {
  constructor(
    private readonly redis: RedisConnection,
    private readonly keys: DailyKeys,
  ) {}

  async record(answer: DailyAnswer): Promise<void> {
    // The person's channel list is keyed by person, not channel, so it lives in another
    // cluster slot: its own MULTI, sent alongside. Both writes are idempotent, so a re-run
    // after a failure between them repairs it.
    const channels = this.keys.userChannels(answer.workspaceId, answer.userId);
    await Promise.all([
      RECORD.run(
        this.redis,
        [this.keys.answers(answer.channelKey, answer.userId), this.keys.answerers(answer.channelKey)],
        [answer.localDate, Math.max(0, Math.round(answer.pointsCovered)), answer.userId, DAILY_ANSWERS_TTL_MS],
      ),
      this.redis.multi().sadd(channels, answer.channelKey).pexpire(channels, DAILY_ANSWERS_TTL_MS).exec(),
    ]);
  }

  /** Local date → points covered, for one person in one channel. */
  async daysOf(channelKey: string, userId: string): Promise<Map<string, number>> {
    const fields = await this.redis.hgetall(this.keys.answers(channelKey, userId));
    return new Map(Object.entries(fields).map(([date, points]) => [date, Number(points)]));
  }

  async answerers(channelKey: string): Promise<string[]> {
    return (await this.redis.smembers(this.keys.answerers(channelKey))).sort();
  }

  async channelsOf(workspaceId: string, userId: string): Promise<string[]> {
    return (await this.redis.smembers(this.keys.userChannels(workspaceId, userId))).sort();
  }
}
