import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { syncDailySchedules } from '../../src/app/daily/boot.ts';
import type { DailyDeps } from '../../src/app/daily/deps.ts';
import type { DailyRun, DailyScheduling } from '../../src/app/daily/scheduling.ts';
import type { ChatSender } from '../../src/app/ports.ts';
import { QuestionBank } from '../../src/core/content/question-bank.ts';
import type { DailySchedule } from '../../src/core/schedule/daily-schedule.ts';
import { createLogger, setLogSink } from '../../src/infra/logger.ts';
import { createStores, type Stores } from '../../src/store/index.ts';
import { sampleQuestion, samplePacing } from '../fixtures/sample-question.ts';
import { makeSchedule } from '../schedule/fixtures.ts';
import { testRedis, uniquePrefix } from '../helpers/redis.ts';

/**
 * The boot sync on its own, with a recording DailyScheduling in place of BullMQ, so the
 * scheduler's pending run can be any instant (BullMQ computes it from the real clock).
 */
const redis = testRedis();
let restoreSink: ReturnType<typeof setLogSink> | undefined;
afterAll(() => {
  if (restoreSink) setLogSink(restoreSink);
  redis.disconnect();
});

interface Recorded {
  applied: DailySchedule[];
  runs: { run: DailyRun; localDate: string; delayMs: number }[];
}

let stores: Stores;
let logs: string[];
let recorded: Recorded;
let pending: Map<string, number>;

function depsAt(now: number): DailyDeps {
  const scheduling: DailyScheduling = {
    apply: async (schedule) => void recorded.applied.push(schedule),
    pendingRun: async (channelKey) => pending.get(channelKey),
    runOnce: async (run, localDate, delayMs) => void recorded.runs.push({ run, localDate, delayMs }),
    postNow: async () => undefined,
    revealLater: async () => undefined,
  };
  const unused = async (): Promise<never> => {
    throw new Error('boot sends nothing');
  };
  const sender: ChatSender = { postMessage: unused, postEphemeral: unused, respond: unused, sendDirect: unused, addReaction: unused };
  return {
    interaction: {
      sender,
      stores,
      bank: new QuestionBank([sampleQuestion], samplePacing),
      resolveScorer: unused,
      scheduleTick: unused,
      now: () => now,
      logger: createLogger({ test: 'daily-boot' }, 'debug'),
    },
    scheduling,
    defaultTimezone: 'UTC',
  };
}

/** The shared schedule fixture, in the test clock's era (2031) and the given channel. */
function schedule(channel: string, overrides: Partial<DailySchedule> = {}): DailySchedule {
  return makeSchedule({ channelKey: `slack:T1:${channel}`, updatedAt: '2031-12-01T00:00:00.000Z', ...overrides });
}

beforeEach(() => {
  stores = createStores(redis, { prefix: uniquePrefix('boot') });
  logs = [];
  const previous = setLogSink((line) => logs.push(line));
  restoreSink ??= previous;
  recorded = { applied: [], runs: [] };
  pending = new Map();
});

describe('syncDailySchedules (every boot)', () => {
  it('re-applies every schedule; posts today’s missed run only where today’s claim is free', async () => {
    await stores.daily.schedules.put(schedule('CMISSED'));
    await stores.daily.schedules.put(schedule('CPOSTED'));
    await stores.daily.schedules.put(schedule('COFF', { enabled: false }));
    await stores.daily.posts.claim('daily:slack:T1:CPOSTED:2032-01-05', 'repeat:earlier-job');
    // Mon 5 Jan 2032, 11:30 in Berlin: today's 09:00 has passed.
    const report = await syncDailySchedules(depsAt(Date.UTC(2032, 0, 5, 10, 30)));
    expect(report).toMatchObject({ schedules: 3, enabled: 2, recovered: 1, scheduledOnce: 0, failed: 0 });
    expect(recorded.applied.map((s) => [s.channelKey, s.enabled]).sort()).toEqual([
      ['slack:T1:CMISSED', true],
      ['slack:T1:COFF', false],
      ['slack:T1:CPOSTED', true],
    ]);
    expect(recorded.runs).toEqual([{ run: { channelKey: 'slack:T1:CMISSED', scheduledAt: Date.UTC(2032, 0, 5, 8) }, localDate: '2032-01-05', delayMs: 0 }]);
  });

  it('a pending run whose day is over (down since Friday morning) is logged as skipped, never posted', async () => {
    await stores.daily.schedules.put(schedule('C1'));
    pending.set('slack:T1:C1', Date.UTC(2032, 0, 2, 8));
    // Mon 5 Jan 2032, 08:00 in Berlin: Friday's run is gone; today's 09:00 is still ahead.
    const report = await syncDailySchedules(depsAt(Date.UTC(2032, 0, 5, 7)));
    expect(report).toMatchObject({ missed: 1, recovered: 0, scheduledOnce: 0 });
    expect(recorded.runs).toEqual([]);
    expect(logs.some((line) => line.includes('"level":"warn"') && line.includes('daily question not posted: skipped') && line.includes('2032-01-02'))).toBe(true);
  });

  it('a DST corner where the re-upserted scheduler would skip today gets a one-off run', async () => {
    // Berlin 02:30 daily; boot at 03:10 CEST on 28 Mar 2032 (the spring-forward night): cron-parser's next run is tomorrow.
    await stores.daily.schedules.put(schedule('CDST', { time: '02:30', days: [0, 1, 2, 3, 4, 5, 6] }));
    const boot = Date.UTC(2032, 2, 28, 1, 10);
    const report = await syncDailySchedules(depsAt(boot));
    expect(report).toMatchObject({ scheduledOnce: 1 });
    expect(recorded.runs).toEqual([{ run: { channelKey: 'slack:T1:CDST', scheduledAt: Date.UTC(2032, 2, 28, 1, 30) }, localDate: '2032-03-28', delayMs: 20 * 60_000 }]);
  });

  it('an unreadable stored schedule is logged and skipped; the other channels still sync', async () => {
    await stores.daily.schedules.put(schedule('COK'));
    await redis.hset(stores.daily.keys.schedules(), 'slack:T1:CBAD', '{"time":"25:00"}');
    const report = await syncDailySchedules(depsAt(Date.UTC(2032, 0, 5, 6)));
    expect(report).toMatchObject({ schedules: 1, invalid: 1 });
    expect(recorded.applied.map((s) => s.channelKey)).toEqual(['slack:T1:COK']);
    expect(logs.some((line) => line.includes('stored daily schedule is unreadable') && line.includes('CBAD'))).toBe(true);
  });
});
