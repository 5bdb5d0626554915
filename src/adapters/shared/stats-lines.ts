import type { UserStats } from '../../app/ports.ts';
import { topicLabel } from './topic-label.ts';

/** What differs between platforms in the stats text: how a heading is made bold, and what precedes it. */
export interface StatsMarkup {
  bold: (text: string) => string;
  /** Lines before each heading (Discord's embed reads better with a blank line; Slack's section needs none). */
  beforeHeading: readonly string[];
}

function checkName(scorers: readonly string[]): string {
  if (scorers.length === 1 && scorers[0] === 'llm') return 'the LLM judge';
  if (scorers.length === 1 && scorers[0] === 'keyword') return 'the keyword check';
  return 'the automatic checks';
}

/** "Self-assessed: 5 got · 2 partly · 1 missed — the keyword check agreed on 6 of 8". */
function selfAssessedLine(self: NonNullable<UserStats['selfAssessed']>, markup: StatsMarkup): string {
  const counts = `${self.got} got · ${self.partly} partly · ${self.missed} missed`;
  const agreement = self.compared > 0 ? `${checkName(self.scorers)} agreed on ${self.agreed} of ${self.compared}` : 'nothing to compare yet (rate points of questions you answered)';
  return `${markup.bold('Self-assessed:')} ${counts} — ${agreement}`;
}

/** Daily questions per channel: days answered, streak, points this month. */
function dailyLines(daily: UserStats['daily'], markup: StatsMarkup): string[] {
  if (!daily || daily.length === 0) return [];
  return [
    ...markup.beforeHeading,
    markup.bold('Daily questions'),
    ...daily.map(
      (d) =>
        `• <#${d.channelId}>: answered on ${d.daysAnswered} day${d.daysAnswered === 1 ? '' : 's'} · ${d.streak > 0 ? `🔥 ${d.streak}-day streak` : 'no current streak'} · ${d.pointsThisMonth} point${d.pointsThisMonth === 1 ? '' : 's'} this month`,
    ),
  ];
}

/**
 * The body of "Your practice" for someone who has practised: totals and streak, coverage by
 * topic, self-assessment, daily questions. Each renderer adds its own title and frame.
 */
export function statsLines(stats: UserStats, markup: StatsMarkup): string[] {
  const streak = stats.streakDays > 0 ? `🔥 ${stats.streakDays}-day streak${stats.practisedToday ? '' : ' (practise today to keep it)'}` : 'No current streak';
  return [
    `${stats.questionsAnswered} question${stats.questionsAnswered === 1 ? '' : 's'} answered · ${stats.answers} answer${stats.answers === 1 ? '' : 's'} · ${streak}`,
    ...(stats.byTopic.length > 0 ? [...markup.beforeHeading, markup.bold('Average coverage by topic')] : []),
    ...stats.byTopic.map((t) => `• ${topicLabel(t.topic)}: ${t.averageScore}/100 over ${t.sessions} question${t.sessions === 1 ? '' : 's'}`),
    ...(stats.selfAssessed ? [...markup.beforeHeading, selfAssessedLine(stats.selfAssessed, markup)] : []),
    ...dailyLines(stats.daily, markup),
  ];
}
