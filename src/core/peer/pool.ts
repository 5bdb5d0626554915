import { checkTimeZone } from '../schedule/timezone.ts';

/**
 * The pairing pool of one channel, pure: who is in it, who is snoozed, and when its
 * weekly round runs (a weekday and a local time in an IANA zone). The round itself is
 * `pairRound` (pairing.ts), seeded by the channel and the round's local date.
 */
export interface PoolMember {
  userId: string;
  /** Epoch ms until which the member sits rounds out; 0 when active. */
  snoozedUntil: number;
}

export interface PoolSchedule {
  /** 0 = Sunday … 6 = Saturday. */
  weekday: number;
  hour: number;
  minute: number;
  timezone: string;
}

export const DEFAULT_POOL_SCHEDULE: Omit<PoolSchedule, 'timezone'> = { weekday: 1, hour: 9, minute: 0 };
/** Pairs from this many past rounds are avoided. */
export const RECENT_ROUNDS = 4;

export function activeMembers(members: readonly PoolMember[], now: number): string[] {
  return members.filter((member) => member.snoozedUntil <= now).map((member) => member.userId).sort();
}

/** BullMQ's cron pattern (minute hour day-of-month month day-of-week) for the schedule. */
export function cronPatternOf(schedule: PoolSchedule): string {
  return `${schedule.minute} ${schedule.hour} * * ${schedule.weekday}`;
}

const DAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;

export function describeSchedule(schedule: PoolSchedule): string {
  const day = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'][schedule.weekday];
  return `${day}s at ${String(schedule.hour).padStart(2, '0')}:${String(schedule.minute).padStart(2, '0')} ${schedule.timezone}`;
}

/** `pair schedule mon 09:30 [Area/City]`: the words after `schedule`. */
export function parsePoolSchedule(words: readonly string[], defaultZone: string): { ok: true; schedule: PoolSchedule } | { ok: false; message: string } {
  const [day, time, zone, ...more] = words;
  const usage = 'Usage: `/obs-question pair schedule mon 09:30 [Area/City]`.';
  if (!day || !time || more.length > 0) return { ok: false, message: usage };
  const weekday = DAYS.indexOf(day.toLowerCase().slice(0, 3) as (typeof DAYS)[number]);
  if (weekday < 0) return { ok: false, message: `"${day.slice(0, 20)}" is not a weekday such as mon or friday. ${usage}` };
  const match = /^([01]?\d|2[0-3]):([0-5]\d)$/.exec(time);
  if (!match) return { ok: false, message: `"${time.slice(0, 20)}" is not a 24-hour time such as 09:30. ${usage}` };
  let timezone = defaultZone;
  if (zone) {
    const checked = checkTimeZone(zone);
    if (checked.kind !== 'zone') return { ok: false, message: `"${zone.slice(0, 40)}" is not a time zone such as Europe/Berlin. ${usage}` };
    timezone = checked.zone;
  }
  return { ok: true, schedule: { weekday, hour: Number(match[1]), minute: Number(match[2]), timezone } };
}
