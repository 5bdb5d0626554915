import { context, divider, escapeMrkdwn, mention, quote, section } from './blocks.ts';
import type { EventOf, Renderer } from './context.ts';
import { coverageLine, pointLine } from './feedback.ts';
import { honestyBlocks, type MisconceptionShown } from './honesty.ts';

/** The close of a session: coverage, the strongest moment, what to study next, a verdict. */
export const renderScorecard: Renderer<EventOf<'scorecard'>> = ({ scorecard: card }) => {
  const title = `🏁 *Scorecard${card.for ? ` for ${mention(card.for)}` : ''}* · ${escapeMrkdwn(card.title)}`;
  const counts = `✅ ${card.counts.covered} covered · 🟡 ${card.counts.partial} partial · ❌ ${card.counts.missed} missed`;
  const blocks = [section([title, coverageLine(card.points, card.score), counts].join('\n')), section(card.points.map(pointLine).join('\n'))];
  const closing: string[] = [];
  if (card.strongest) closing.push(`*Strongest moment* (${escapeMrkdwn(card.strongest.theme)}): ${quote(card.strongest.quote)}`);
  if (card.studyNext.length > 0) closing.push(`*Study next:* ${card.studyNext.map((item) => escapeMrkdwn(item.theme)).join('; ')}`);
  if (card.tip) closing.push(`*Interview tip:* ${escapeMrkdwn(card.tip)}`);
  closing.push(`*Verdict:* ${escapeMrkdwn(card.verdictLine)}`);
  return {
    summary: `Scorecard: ${card.score}/100`,
    blocks: [
      ...blocks,
      divider(),
      section(closing.join('\n')),
      // No scorer recorded means nothing was scored: there is no verdict to qualify.
      ...(card.scorers?.length ? honestyBlocks({ scorer: card.scorers.includes('llm') && !card.scorers.includes('keyword') ? 'llm' : 'keyword', ...(card as { misconceptions?: MisconceptionShown[] }) }) : []),
      context(`${card.answers} answer${card.answers === 1 ? '' : 's'} · ${card.followUps} follow-up${card.followUps === 1 ? '' : 's'} · ${card.durationMinutes} min`),
    ],
  };
};
