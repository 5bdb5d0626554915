import { statsLines } from '../../shared/stats-lines.ts';
import type { AppPartOf, Renderer } from './context.ts';
import { bold } from './markdown.ts';
import { COLOURS } from './message.ts';

export const renderStats: Renderer<AppPartOf<'stats'>> = ({ stats }) => {
  if (stats.answers === 0 && !stats.selfAssessed) {
    return { summary: 'No practice yet', embeds: [{ title: 'Your practice', description: 'No answers yet. Try `/obs-question ask` and press **Answer**.', color: COLOURS.info }] };
  }
  const lines = statsLines(stats, { bold, beforeHeading: [''] });
  return { summary: `${stats.questionsAnswered} questions answered`, embeds: [{ title: 'Your practice', description: lines.join('\n'), color: COLOURS.info }] };
};
