import { currentStreak, pointsCoveredThisMonth } from '../../core/schedule/streaks.ts';
import { localDateOf } from '../../core/schedule/zoned-time.ts';
import type { DailyStores } from '../../store/index.ts';
import type { DailyUserStats, LeaderboardEntry } from '../ports.ts';
import { parseChannelKey } from './channel-key.ts';
import { settingsFor } from './settings.ts';

/**
 * Streaks and monthly points, always in the channel's own local days: a streak counts
 * consecutive *scheduled* days answered (`currentStreak`: weekends on a Mon–Fri schedule
 * neither break nor extend it), points are those covered in the channel's current month.
 */
export interface Standing {
  userId: string;
  streak: number;
  pointsThisMonth: number;
  daysAnswered: number;
}

export async function standingOf(stores: DailyStores, channelKey: string, userId: string, now: number, defaultTimezone: string): Promise<Standing> {
  const [schedule, days] = await Promise.all([stores.schedules.get(channelKey), stores.answers.daysOf(channelKey, userId)]);
  const settings = settingsFor(schedule, defaultTimezone);
  const today = localDateOf(new Date(now), settings.timezone);
  const entries = [...days].map(([localDate, pointsCovered]) => ({ localDate, pointsCovered }));
  return { userId, streak: currentStreak(days.keys(), settings, today), pointsThisMonth: pointsCoveredThisMonth(entries, today), daysAnswered: days.size };
}

/** For `stats`: the person's daily questions in every channel they answered in. */
export async function dailyStatsFor(stores: DailyStores, workspaceId: string, userId: string, now: number, defaultTimezone: string): Promise<DailyUserStats[]> {
  const channels = await stores.answers.channelsOf(workspaceId, userId);
  return Promise.all(
    channels.map(async (channelKey) => {
      const standing = await standingOf(stores, channelKey, userId, now, defaultTimezone);
      return { channelId: parseChannelKey(channelKey).channelId, daysAnswered: standing.daysAnswered, streak: standing.streak, pointsThisMonth: standing.pointsThisMonth };
    }),
  );
}

export interface Leaderboard {
  streaks: LeaderboardEntry[];
  points: LeaderboardEntry[];
}

const LEADERBOARD_SIZE = 10;

function top(standings: readonly Standing[], value: (standing: Standing) => number): LeaderboardEntry[] {
  return standings
    .map((standing) => ({ userId: standing.userId, value: value(standing) }))
    .filter((entry) => entry.value > 0)
    .sort((a, b) => b.value - a.value || a.userId.localeCompare(b.userId))
    .slice(0, LEADERBOARD_SIZE);
}

/** A channel's leaderboard, among the people who answered there *and* opted in. */
export async function leaderboardFor(stores: DailyStores, channelKey: string, now: number, defaultTimezone: string): Promise<Leaderboard> {
  const { workspaceId } = parseChannelKey(channelKey);
  const optedIn = await stores.publicStats.publicAmong(workspaceId, await stores.answers.answerers(channelKey));
  const standings = await Promise.all(optedIn.map((userId) => standingOf(stores, channelKey, userId, now, defaultTimezone)));
  return { streaks: top(standings, (s) => s.streak), points: top(standings, (s) => s.pointsThisMonth) };
}
