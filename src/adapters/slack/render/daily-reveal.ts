import { context, escapeMrkdwn, mention, section, type SlackBlock } from './blocks.ts';
import type { AppPartOf, Renderer } from './context.ts';

/**
 * The daily reveal, in the question's thread: the key points with how many of the day's
 * answerers covered each (the team's strongest point and its blind spot called out), the
 * trade-offs, the tip, then streaks and scores of the people who opted in, and nobody else.
 */
function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

export const renderDailyReveal: Renderer<AppPartOf<'daily-reveal'>> = ({ reveal }) => {
  const { answerers, points } = reveal;
  const heading = answerers === 0 ? '🗝 *Key points for today’s question* · no answers this time' : `🗝 *Key points for today’s question* · ${plural(answerers, 'answer')}`;
  const lines = points.map((point, index) => {
    const base = `${index + 1}. *${escapeMrkdwn(point.theme)}*: ${escapeMrkdwn(point.point)}`;
    if (answerers === 0) return base;
    // "covered by 8 of 9" once, then "6 of 9": the pattern reads by the second line.
    const share = index === 0 ? `covered by ${point.coveredBy} of ${answerers}` : `${point.coveredBy} of ${answerers}`;
    if (index === reveal.blindSpot) return `${base} _(${share})_: the team’s blind spot today`;
    if (index === reveal.strongest) return `${base} _(${share})_: the team’s strongest point`;
    return `${base} _(${share})_`;
  });
  const blocks: SlackBlock[] = [section([heading, ...lines].join('\n'))];
  if (reveal.tradeOffs.length > 0) blocks.push(section(`*Trade-offs:* ${reveal.tradeOffs.map(escapeMrkdwn).join(' ')}`));
  if (reveal.tip) blocks.push(section(`*Tip:* ${escapeMrkdwn(reveal.tip)}`));
  const streaks = reveal.shared.filter((person) => person.streak > 1).sort((a, b) => b.streak - a.streak || a.userId.localeCompare(b.userId));
  const scores = [...reveal.shared].sort((a, b) => b.score - a.score || a.userId.localeCompare(b.userId));
  const shared: string[] = [];
  if (streaks.length > 0) shared.push(`🔥 Streaks: ${streaks.map((person) => `${person.streak} days: ${mention(person.userId)}`).join(' · ')}`);
  if (scores.length > 0) shared.push(`🏅 Scores: ${scores.map((person) => `${mention(person.userId)} ${person.score}/100`).join(' · ')}`);
  if (shared.length > 0) blocks.push(section(shared.join('\n')));
  blocks.push(
    context(
      shared.length > 0
        ? 'Scores and streaks only for people who chose to share them (`/obs-question stats public on`).'
        : 'Individual scores stay private; share yours in reveals with `/obs-question stats public on`.',
    ),
  );
  return { summary: `Key points for today’s question (${plural(answerers, 'answer')})`, blocks };
};
