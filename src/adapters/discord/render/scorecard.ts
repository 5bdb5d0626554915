import type { EventOf, Renderer } from './context.ts';
import { coverageTitle, pointLine } from './feedback.ts';
import { bold, escapeText, mention, quote } from './markdown.ts';
import { COLOURS } from './message.ts';

/** The close of a session: coverage, the strongest moment, what to study next, a verdict. */
export const renderScorecard: Renderer<EventOf<'scorecard'>> = ({ scorecard: card }) => {
  const lines = [
    ...(card.for ? [`For ${mention(card.for)}`] : []),
    bold(coverageTitle(card.points, card.score)),
    `✅ ${card.counts.covered} covered · 🟡 ${card.counts.partial} partial · ❌ ${card.counts.missed} missed`,
    '',
    ...card.points.map(pointLine),
    '',
  ];
  if (card.strongest) lines.push(`${bold('Strongest moment')} (${escapeText(card.strongest.theme)}): ${quote(card.strongest.quote)}`);
  if (card.studyNext.length > 0) lines.push(`${bold('Study next:')} ${card.studyNext.map((item) => escapeText(item.theme)).join('; ')}`);
  if (card.tip) lines.push(`${bold('Interview tip:')} ${escapeText(card.tip)}`);
  lines.push(`${bold('Verdict:')} ${escapeText(card.verdictLine)}`);
  return {
    summary: `Scorecard: ${card.score}/100`,
    embeds: [
      {
        title: `🏁 Scorecard · ${escapeText(card.title)}`.slice(0, 256),
        description: lines.join('\n'),
        footer: { text: `${card.answers} answer${card.answers === 1 ? '' : 's'} · ${card.followUps} follow-up${card.followUps === 1 ? '' : 's'} · ${card.durationMinutes} min` },
        color: COLOURS.scorecard,
      },
    ],
  };
};
