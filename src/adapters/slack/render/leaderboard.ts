import { context, mention, section } from './blocks.ts';
import type { AppPartOf, Renderer } from './context.ts';

/** `/obs-question leaderboard`: top daily streaks and points this month, opted-in people only. */
export const renderLeaderboard: Renderer<AppPartOf<'leaderboard'>> = (part) => {
  const channel = `<#${part.channelId}>`;
  if (part.streaks.length === 0 && part.points.length === 0) {
    return {
      summary: 'No leaderboard yet',
      blocks: [
        section(`*Daily leaderboard for ${channel}*\nNobody here has shared their daily results yet. Answer the daily question, then share yours with \`/obs-question stats public on\`.`),
        context('Only people who opted in are listed. Only you can see this.'),
      ],
    };
  }
  const rank = (entries: typeof part.streaks, unit: (value: number) => string): string =>
    entries.length === 0 ? '_nobody yet_' : entries.map((entry, index) => `${index + 1}. ${mention(entry.userId)}: ${unit(entry.value)}`).join('\n');
  return {
    summary: `Daily leaderboard (${part.month})`,
    blocks: [
      section(`*Daily leaderboard for ${channel}*`),
      section(`*🔥 Current streaks*\n${rank(part.streaks, (days) => `${days} day${days === 1 ? '' : 's'}`)}`),
      section(`*🏅 Points covered in ${part.month}*\n${rank(part.points, (points) => `${points} point${points === 1 ? '' : 's'}`)}`),
      context('Only people who opted in (`/obs-question stats public on`) are listed. Only you can see this.'),
    ],
  };
};
