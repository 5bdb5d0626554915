import type { AppPartOf, Renderer } from './context.ts';
import { escapeText } from './markdown.ts';
import { COLOURS } from './message.ts';

/** Discord's own usage: sub-commands and options instead of Slack's words after the command. */
export const DISCORD_USAGE = [
  '`/obs-question ask [topic]`: a question in this channel; answer with its **Answer** button',
  '`/obs-question mock [topic]`: a paced 1:1 mock interview for you, in its own thread',
  '`/obs-question topics`: the topics and how many questions each has',
  '`/obs-question stats [public]`: your practice so far; `public:on` shares your daily score and streak',
  '`/obs-question leaderboard`: this channel’s daily streaks and points (people who opted in)',
  '`/obs-question scoring [choice] [scope]`: how answers are scored here (changing it needs Manage Server)',
  '`/obs-question daily set|status|off|now|reveal-after`: a daily question in this channel (changes need Manage Server)',
  '`/obs-question help`: this help',
];

export const renderHelp: Renderer<AppPartOf<'help'>> = (part) => {
  const lines = [...(part.note ? [part.note, ''] : []), ...(part.notUnderstood === undefined ? [] : [`I didn’t understand “${escapeText(part.notUnderstood)}”.`, '']), ...DISCORD_USAGE];
  return {
    summary: part.notUnderstood === undefined ? 'How to use /obs-question' : 'I didn’t understand that',
    embeds: [{ title: 'obs-bot: practise observability system design', description: lines.join('\n'), color: COLOURS.info }],
  };
};
