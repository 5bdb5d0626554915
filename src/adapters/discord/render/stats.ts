import type { UserStats } from '../../../app/ports.ts';
import type { AppPartOf, Renderer } from './context.ts';
import { bold, topicLabel } from './markdown.ts';
import { COLOURS } from './message.ts';

function dailyLines(daily: UserStats['daily']): string[] {
  if (!daily || daily.length === 0) return [];
  return [
    '',
    bold('Daily questions'),
    ...daily.map(
      (d) =>
        `• <#${d.channelId}>: answered on ${d.daysAnswered} day${d.daysAnswered === 1 ? '' : 's'} · ${d.streak > 0 ? `🔥 ${d.streak}-day streak` : 'no current streak'} · ${d.pointsThisMonth} point${d.pointsThisMonth === 1 ? '' : 's'} this month`,
    ),
  ];
}

function checkName(scorers: readonly string[]): string {
  if (scorers.length === 1 && scorers[0] === 'llm') return 'the LLM judge';
  if (scorers.length === 1 && scorers[0] === 'keyword') return 'the keyword check';
  return 'the automatic checks';
}

/** "Self-assessed: 5 got · 2 partly · 1 missed — the keyword check agreed on 6 of 8" (as on Slack). */
export function selfAssessedLine(self: NonNullable<UserStats['selfAssessed']>): string {
  const counts = `${self.got} got · ${self.partly} partly · ${self.missed} missed`;
  const agreement = self.compared > 0 ? `${checkName(self.scorers)} agreed on ${self.agreed} of ${self.compared}` : 'nothing to compare yet (rate points of questions you answered)';
  return `${bold('Self-assessed:')} ${counts} — ${agreement}`;
}

export const renderStats: Renderer<AppPartOf<'stats'>> = ({ stats }) => {
  if (stats.answers === 0 && !stats.selfAssessed) {
    return { summary: 'No practice yet', embeds: [{ title: 'Your practice', description: 'No answers yet. Try `/obs-question ask` and press **Answer**.', color: COLOURS.info }] };
  }
  const streak = stats.streakDays > 0 ? `🔥 ${stats.streakDays}-day streak${stats.practisedToday ? '' : ' (practise today to keep it)'}` : 'No current streak';
  const lines = [
    `${stats.questionsAnswered} question${stats.questionsAnswered === 1 ? '' : 's'} answered · ${stats.answers} answer${stats.answers === 1 ? '' : 's'} · ${streak}`,
    ...(stats.byTopic.length > 0 ? ['', bold('Average coverage by topic')] : []),
    ...stats.byTopic.map((t) => `• ${topicLabel(t.topic)}: ${t.averageScore}/100 over ${t.sessions} question${t.sessions === 1 ? '' : 's'}`),
    ...(stats.selfAssessed ? ['', selfAssessedLine(stats.selfAssessed)] : []),
    ...dailyLines(stats.daily),
  ];
  return { summary: `${stats.questionsAnswered} questions answered`, embeds: [{ title: 'Your practice', description: lines.join('\n'), color: COLOURS.info }] };
};
