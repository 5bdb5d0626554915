import { statsLines } from '../../shared/stats-lines.ts';
import { context, section } from './blocks.ts';
import type { AppPartOf, Renderer } from './context.ts';

const bold = (text: string): string => `*${text}*`;

export const renderStats: Renderer<AppPartOf<'stats'>> = ({ stats }) => {
  if (stats.answers === 0 && !stats.selfAssessed) {
    return {
      summary: 'No practice yet',
      blocks: [section('*Your practice*\nNo answers yet. Try `/obs-question` and reply in its thread.'), context('Only you can see this.')],
    };
  }
  const lines = [bold('Your practice'), ...statsLines(stats, { bold, beforeHeading: [] })];
  return { summary: `${stats.questionsAnswered} questions answered`, blocks: [section(lines.join('\n')), context('Only you can see this.')] };
};
