import { shortQuote } from '../../../core/interview/present.ts';
import { context, divider, escapeMrkdwn, mention, quote, section, type SlackBlock } from './blocks.ts';
import type { EventOf, Renderer } from './context.ts';
import { coverageLine, pointLine, VERDICT_ICON } from './feedback.ts';
import { honestyBlocks } from './honesty.ts';

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * The debrief, as a hiring panel reads it: the level signal and its reasons, what each phase
 * showed, requirements clarified, the rubric covered/partial/missed with the person's words,
 * misconceptions with corrections, hints and reveals, the one thing to study next with the
 * question's own summary, the tip and a one-line verdict.
 */
export const renderScorecard: Renderer<EventOf<'scorecard'>> = ({ scorecard: card }) => {
  const blocks: SlackBlock[] = [];
  const title = `🏁 *Scorecard${card.for ? ` for ${mention(card.for)}` : ''}* · ${escapeMrkdwn(card.title)}`;
  const signal = `*Level signal: ${escapeMrkdwn(capitalise(card.levelSignal.signal))}* _(a ${card.level}-level question)_`;
  blocks.push(section([title, ...(card.endedBy === 'expired' ? ['_Closed after a long silence._'] : []), signal, ...card.levelSignal.reasons.map((reason) => `• ${escapeMrkdwn(reason)}`)].join('\n')));
  if (card.phases) {
    const lines = card.phases.map((summary) => {
      const shown = summary.shown.length
        ? summary.shown.map((item) => `${VERDICT_ICON[item.verdict]} ${escapeMrkdwn(item.theme)}${item.quote ? ` ${quote(shortQuote(item.quote, 100))}` : ''}`).join('; ')
        : summary.answers > 0
          ? '_nothing new credited_'
          : '_not reached_';
      return `*${escapeMrkdwn(summary.phase.label)}* (${summary.answers} answer${summary.answers === 1 ? '' : 's'}): ${shown}`;
    });
    blocks.push(section(['*By phase*', ...lines].join('\n')));
  }
  if (card.requirements) {
    const clarified = card.requirements.filter((r) => r.verdict !== 'missed').length;
    blocks.push(section([`*Requirements clarified ${clarified}/${card.requirements.length}*`, ...card.requirements.map(pointLine)].join('\n')));
  }
  const counts = `✅ ${card.counts.covered} covered · 🟡 ${card.counts.partial} partial · ❌ ${card.counts.missed} missed`;
  blocks.push(section([coverageLine(card.points, card.score), counts, ...card.points.map(pointLine)].join('\n')));
  // Misconceptions with their corrections, and what the scorers that judged can claim.
  // No scorer recorded means nothing was scored: there is no verdict to qualify.
  const scorer = !card.scorers?.length ? undefined : card.scorers.includes('llm') && !card.scorers.includes('keyword') ? 'llm' : 'keyword';
  blocks.push(...honestyBlocks({ ...(scorer ? { scorer } : {}), misconceptions: card.misconceptions.map((m) => ({ ...m, quote: shortQuote(m.quote) })) }));
  const closing: string[] = [];
  closing.push(`*Hints used:* ${card.hints.used}${card.hints.used ? ` (on ${card.hints.questions} question${card.hints.questions === 1 ? '' : 's'})` : ''} · *key points revealed before answering:* ${card.revealedBeforeAnswering ? 'yes' : 'no'}`);
  if (card.strongest) closing.push(`*Strongest moment* (${escapeMrkdwn(card.strongest.theme)}): ${quote(card.strongest.quote)}`);
  const study = card.studyNext[0];
  if (study) closing.push(`*Study next:* ${escapeMrkdwn(study.theme)}: ${escapeMrkdwn(study.point)}`);
  if (card.summary) closing.push(`*What a strong answer covers:* ${escapeMrkdwn(card.summary)}`);
  if (card.tip) closing.push(`*Interview tip:* ${escapeMrkdwn(card.tip)}`);
  closing.push(`*Verdict:* ${escapeMrkdwn(card.verdictLine)}`);
  return {
    summary: `Scorecard: ${card.levelSignal.signal} signal · ${card.score}/100`,
    blocks: [
      ...blocks,
      divider(),
      section(closing.join('\n')),
      context(`${card.answers} answer${card.answers === 1 ? '' : 's'} · ${card.followUps} question${card.followUps === 1 ? '' : 's'} after the first · ${card.durationMinutes} min`),
    ],
  };
};
