import type { AppPartOf, Renderer } from './context.ts';
import { bold, escapeText, mention } from './markdown.ts';
import { COLOURS } from './message.ts';

function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** The daily reveal in the question's thread: key points with the team's coverage, opted-in standings. */
export const renderDailyReveal: Renderer<AppPartOf<'daily-reveal'>> = ({ reveal }) => {
  const { answerers, points } = reveal;
  const lines = points.map((point, index) => {
    const base = `${index + 1}. ${bold(escapeText(point.theme))}: ${escapeText(point.point)}`;
    if (answerers === 0) return base;
    const share = index === 0 ? `covered by ${point.coveredBy} of ${answerers}` : `${point.coveredBy} of ${answerers}`;
    if (index === reveal.blindSpot) return `${base} *(${share})*: the team’s blind spot today`;
    if (index === reveal.strongest) return `${base} *(${share})*: the team’s strongest point`;
    return `${base} *(${share})*`;
  });
  if (reveal.tradeOffs.length > 0) lines.push('', `${bold('Trade-offs:')} ${reveal.tradeOffs.map(escapeText).join(' ')}`);
  if (reveal.tip) lines.push('', `${bold('Tip:')} ${escapeText(reveal.tip)}`);
  const streaks = reveal.shared.filter((person) => person.streak > 1).sort((a, b) => b.streak - a.streak || a.userId.localeCompare(b.userId));
  const scores = [...reveal.shared].sort((a, b) => b.score - a.score || a.userId.localeCompare(b.userId));
  if (streaks.length > 0) lines.push('', `🔥 Streaks: ${streaks.map((person) => `${person.streak} days: ${mention(person.userId)}`).join(' · ')}`);
  if (scores.length > 0) lines.push(`🏅 Scores: ${scores.map((person) => `${mention(person.userId)} ${person.score}/100`).join(' · ')}`);
  const footer = reveal.shared.length > 0 ? 'Scores and streaks only for people who chose to share them (/obs-question stats public:on).' : 'Individual scores stay private; share yours with /obs-question stats public:on.';
  return {
    summary: `Key points for today’s question (${plural(answerers, 'answer')})`,
    embeds: [{ title: `🗝️ Key points for today’s question · ${answerers === 0 ? 'no answers this time' : plural(answerers, 'answer')}`, description: lines.join('\n'), footer: { text: footer }, color: COLOURS.reveal }],
  };
};
