import type { AppPartOf, Renderer } from './context.ts';
import { bold, mention } from './markdown.ts';
import { COLOURS } from './message.ts';

export const renderLeaderboard: Renderer<AppPartOf<'leaderboard'>> = (part) => {
  const footer = { text: 'Only people who opted in (/obs-question stats public:on) are listed.' };
  if (part.streaks.length === 0 && part.points.length === 0) {
    return {
      summary: 'No leaderboard yet',
      embeds: [{ title: 'Daily leaderboard', description: `<#${part.channelId}>: nobody here has shared their daily results yet. Answer the daily question, then share yours with \`/obs-question stats public:on\`.`, footer, color: COLOURS.info }],
    };
  }
  const rank = (entries: typeof part.streaks, unit: (value: number) => string): string =>
    entries.length === 0 ? '*nobody yet*' : entries.map((entry, index) => `${index + 1}. ${mention(entry.userId)}: ${unit(entry.value)}`).join('\n');
  const description = [
    `<#${part.channelId}>`,
    '',
    bold('🔥 Current streaks'),
    rank(part.streaks, (days) => `${days} day${days === 1 ? '' : 's'}`),
    '',
    bold(`🏅 Points covered in ${part.month}`),
    rank(part.points, (points) => `${points} point${points === 1 ? '' : 's'}`),
  ].join('\n');
  return { summary: `Daily leaderboard (${part.month})`, embeds: [{ title: 'Daily leaderboard', description, footer, color: COLOURS.info }] };
};
