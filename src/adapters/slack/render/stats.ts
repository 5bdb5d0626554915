import type { UserStats } from '../../../app/ports.ts';
import { context, section, topicLabel } from './blocks.ts';
import type { AppPartOf, Renderer } from './context.ts';

/** Daily questions per channel: days answered, streak, points this month. */
function dailyLines(daily: UserStats['daily']): string[] {
  if (!daily || daily.length === 0) return [];
  return [
    '*Daily questions*',
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

/** "Self-assessed: 5 got · 2 partly · 1 missed — the keyword check agreed on 6 of 8". */
export function selfAssessedLine(self: NonNullable<UserStats['selfAssessed']>): string {
  const counts = `${self.got} got · ${self.partly} partly · ${self.missed} missed`;
  const agreement = self.compared > 0 ? `${checkName(self.scorers)} agreed on ${self.agreed} of ${self.compared}` : 'nothing to compare yet (rate points of questions you answered)';
  return `*Self-assessed:* ${counts} — ${agreement}`;
}

export const renderStats: Renderer<AppPartOf<'stats'>> = ({ stats }) => {
  if (stats.answers === 0 && !stats.selfAssessed) {
    return {
      summary: 'No practice yet',
      blocks: [section('*Your practice*\nNo answers yet. Try `/obs-question` and reply in its thread.'), context('Only you can see this.')],
    };
  }
  const streak = stats.streakDays > 0 ? `🔥 ${stats.streakDays}-day streak${stats.practisedToday ? '' : ' (practise today to keep it)'}` : 'No current streak';
  const lines = [
    '*Your practice*',
    `${stats.questionsAnswered} question${stats.questionsAnswered === 1 ? '' : 's'} answered · ${stats.answers} answer${stats.answers === 1 ? '' : 's'} · ${streak}`,
    ...(stats.byTopic.length > 0 ? ['*Average coverage by topic*'] : []),
    ...stats.byTopic.map((t) => `• ${topicLabel(t.topic)}: ${t.averageScore}/100 over ${t.sessions} question${t.sessions === 1 ? '' : 's'}`),
    ...(stats.selfAssessed ? [selfAssessedLine(stats.selfAssessed)] : []),
    ...dailyLines(stats.daily),
  ];
  return { summary: `${stats.questionsAnswered} questions answered`, blocks: [section(lines.join('\n')), context('Only you can see this.')] };
};
