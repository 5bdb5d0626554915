import type { DailySchedule } from '../../core/schedule/daily-schedule.ts';
import { DEFAULT_REVEAL_AFTER_MINUTES } from '../../core/schedule/duration.ts';
import { ALL_WEEKDAYS } from '../../core/schedule/weekdays.ts';

/**
 * The settings a post uses. A channel with a schedule uses it (even when it is off: `daily
 * now` still follows its zone, topics and reveal delay); a channel without one gets every
 * topic, the installer's zone, the default reveal delay, and every day counting for streaks.
 */
export type DailySettings = Pick<DailySchedule, 'timezone' | 'topics' | 'revealAfterMinutes' | 'days'>;

export function settingsFor(schedule: DailySchedule | undefined, defaultTimezone: string): DailySettings {
  if (schedule) return schedule;
  return { timezone: defaultTimezone, topics: [], revealAfterMinutes: DEFAULT_REVEAL_AFTER_MINUTES, days: [...ALL_WEEKDAYS] };
}
