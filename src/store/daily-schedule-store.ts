import type { RedisConnection } from '../infra/redis.ts';
import { dailyScheduleSchema, type DailySchedule } from '../core/schedule/daily-schedule.ts';
import type { DailyKeys } from './daily-keys.ts';

/**
 * Every channel's daily schedule, in one hash (channelKey → JSON). This, not BullMQ, is the
 * source of truth: a flushed or migrated Redis loses job schedulers, and every worker boot
 * upserts them again from here. Schedules never expire; `daily off` keeps the row (with
 * `enabled: false`) so the zone and topics survive for the next `daily set`.
 */
export class DailyScheduleStore {
  constructor(
    private readonly redis: RedisConnection,
    private readonly keys: DailyKeys,
  ) {}

  async get(channelKey: string): Promise<DailySchedule | undefined> {
    const json = await this.redis.hget(this.keys.schedules(), channelKey);
    return json === null ? undefined : dailyScheduleSchema.parse(JSON.parse(json));
  }

  async put(schedule: DailySchedule): Promise<void> {
    await this.redis.hset(this.keys.schedules(), schedule.channelKey, JSON.stringify(dailyScheduleSchema.parse(schedule)));
  }

  /**
   * Every stored schedule, a batch at a time (HSCAN), so a boot with many channels neither
   * blocks Redis nor holds them all in memory. A row that no longer parses is reported
   * through `onInvalid` and skipped: one bad row must not stop every other channel.
   */
  async *batches(onInvalid: (channelKey: string, error: unknown) => void, count = 500): AsyncGenerator<DailySchedule[]> {
    let cursor = '0';
    do {
      const [next, flat] = await this.redis.hscan(this.keys.schedules(), cursor, 'COUNT', count);
      cursor = next;
      const batch: DailySchedule[] = [];
      for (let index = 0; index + 1 < flat.length; index += 2) {
        const channelKey = flat[index] as string;
        try {
          batch.push(dailyScheduleSchema.parse(JSON.parse(flat[index + 1] as string)));
        } catch (error) {
          onInvalid(channelKey, error);
        }
      }
      if (batch.length > 0) yield batch;
    } while (cursor !== '0');
  }
}
