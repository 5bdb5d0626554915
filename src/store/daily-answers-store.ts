import type { Redis } from 'ioredis';
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

const RECORD = new RedisScript(`
local current = tonumber(redis.call('HGET', KEYS[1], ARGV[1]) or '-1')
if tonumber(ARGV[2]) > current then redis.call('HSET', KEYS[1], ARGV[1], ARGV[2]) end
redis.call('SADD', KEYS[2], ARGV[3])
redis.call('SADD', KEYS[3], ARGV[4])
for i = 1, 3 do redis.call('PEXPIRE', KEYS[i], ARGV[5]) end
return 1
`, 3);

/** A streak needs the days since it began; a year and a bit covers any that matter. */
export const DAILY_ANSWERS_TTL_MS = 400 * DAY_MS;

export class DailyAnswersStore {
  constructor(
    private readonly redis: Redis,
    private readonly keys: DailyKeys,
  ) {}

  async record(answer: DailyAnswer): Promise<void> {
    await RECORD.run(this.redis, [this.keys.answers(answer.channelKey, answer.userId), this.keys.answerers(answer.channelKey), this.keys.userChannels(answer.workspaceId, answer.userId)], [answer.localDate, Math.max(0, Math.round(answer.pointsCovered)), answer.userId, answer.channelKey, DAILY_ANSWERS_TTL_MS]);
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
