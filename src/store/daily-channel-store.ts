import type { RedisConnection } from '../infra/redis.ts';
import { RedisScript } from './scripts.ts';
import type { TopicStats } from '../core/schedule/question-pool.ts';
import type { DailyKeys } from './daily-keys.ts';
import { DAY_MS } from './keys.ts';

/**
 * What `chooseQuestion` needs to remember per channel: the current cycle of asked
 * questions, and per topic how much of the rubric the channel's answers covered and how
 * often it was asked. Every update is keyed by the local date it belongs to and applied at
 * most once (a short-lived guard key per day), so a re-run job cannot count a day twice.
 *
 * A day's choice is stored before its question is posted (first write wins): a job re-run
 * after a crash posts the same question even if the bank or the stats changed meanwhile.
 */
export interface DailyChoice {
  questionId: string;
  topic: string;
  /** The cycle to store once the question is out. */
  cycle: string[];
}

export interface ChannelPoolState {
  cycle: string[];
  stats: Record<string, TopicStats>;
}

/** Guards and choices only matter while a day's jobs may still run (a reveal is ≤ 23 h later). */
const DAY_KEY_TTL_MS = 3 * DAY_MS;

const APPLY_ASKED = new RedisScript(`
if not redis.call('SET', KEYS[3], '1', 'NX', 'PX', ARGV[3]) then return 0 end
redis.call('SET', KEYS[1], ARGV[1])
redis.call('HINCRBY', KEYS[2], ARGV[2] .. ':asked', 1)
return 1
`, 3);

const APPLY_COVERAGE = new RedisScript(`
if not redis.call('SET', KEYS[2], '1', 'NX', 'PX', ARGV[4]) then return 0 end
redis.call('HINCRBY', KEYS[1], ARGV[1] .. ':covered', ARGV[2])
redis.call('HINCRBY', KEYS[1], ARGV[1] .. ':possible', ARGV[3])
return 1
`, 2);

function readStats(fields: Record<string, string>): Record<string, TopicStats> {
  const stats: Record<string, TopicStats> = {};
  for (const [field, value] of Object.entries(fields)) {
    const split = field.lastIndexOf(':');
    const topic = field.slice(0, split);
    const part = field.slice(split + 1);
    const entry = Object.hasOwn(stats, topic) ? (stats[topic] as TopicStats) : { pointsCovered: 0, pointsPossible: 0, timesAsked: 0 };
    if (part === 'covered') entry.pointsCovered = Number(value);
    else if (part === 'possible') entry.pointsPossible = Number(value);
    else if (part === 'asked') entry.timesAsked = Number(value);
    stats[topic] = entry;
  }
  return stats;
}

export class DailyChannelStore {
  constructor(
    private readonly redis: RedisConnection,
    private readonly keys: DailyKeys,
  ) {}

  async poolState(channelKey: string): Promise<ChannelPoolState> {
    const [cycle, topics] = await Promise.all([this.redis.get(this.keys.cycle(channelKey)), this.redis.hgetall(this.keys.topics(channelKey))]);
    const parsed: unknown = cycle === null ? [] : JSON.parse(cycle);
    return { cycle: Array.isArray(parsed) ? parsed.filter((id): id is string => typeof id === 'string') : [], stats: readStats(topics) };
  }

  async choiceFor(channelKey: string, localDate: string): Promise<DailyChoice | undefined> {
    const json = await this.redis.get(this.keys.day(channelKey, localDate, 'choice'));
    return json === null ? undefined : (JSON.parse(json) as DailyChoice);
  }

  /** Stores the day's choice unless one exists; returns the one stored. */
  async keepChoice(channelKey: string, localDate: string, choice: DailyChoice): Promise<DailyChoice> {
    const set = await this.redis.set(this.keys.day(channelKey, localDate, 'choice'), JSON.stringify(choice), 'PX', DAY_KEY_TTL_MS, 'NX');
    return set === 'OK' ? choice : ((await this.choiceFor(channelKey, localDate)) ?? choice);
  }

  /** Replaces a stored choice whose question left the bank before anything was posted. */
  async replaceChoice(channelKey: string, localDate: string, choice: DailyChoice): Promise<void> {
    await this.redis.set(this.keys.day(channelKey, localDate, 'choice'), JSON.stringify(choice), 'PX', DAY_KEY_TTL_MS);
  }

  /** The question went out: store the cycle, count the topic as asked. Once per date. */
  async applyAsked(channelKey: string, localDate: string, choice: DailyChoice): Promise<boolean> {
    const applied = await APPLY_ASKED.run(this.redis, [this.keys.cycle(channelKey), this.keys.topics(channelKey), this.keys.day(channelKey, localDate, 'asked')], [JSON.stringify(choice.cycle), choice.topic, DAY_KEY_TTL_MS]);
    return applied === 1;
  }

  /** The reveal's tally: covered and possible (person, point) pairs on the topic. Once per date. */
  async applyCoverage(channelKey: string, localDate: string, topic: string, covered: number, possible: number): Promise<boolean> {
    const applied = await APPLY_COVERAGE.run(this.redis, [this.keys.topics(channelKey), this.keys.day(channelKey, localDate, 'coverage')], [topic, covered, possible, DAY_KEY_TTL_MS]);
    return applied === 1;
  }
}
