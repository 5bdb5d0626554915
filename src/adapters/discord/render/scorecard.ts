import { shortQuote } from '../../../core/interview/present.ts';
import type { EventOf, Renderer } from './context.ts';
import { coverageTitle, pointLine, VERDICT_ICON } from './feedback.ts';
import { misconceptionLines, scopeNote } from './honesty.ts';
import { bold, escapeText, mention, quote } from './markdown.ts';
import { COLOURS } from './message.ts';

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * The debrief, as a hiring panel reads it (the Slack scorecard's content in Discord
 * markdown): the level signal and its reasons, what each phase showed, requirements
 * clarified, the rubric with the person's words, misconceptions with corrections, hints and
 * reveals, what to study next with the question's own summary, the tip and a verdict.
 */
export const renderScorecard: Renderer<EventOf<'scorecard'>> = ({ scorecard: card }) => {
  const lines: string[] = [];
  if (card.for) lines.push(`For ${mention(card.for)}`);
  if (card.endedBy === 'expired') lines.push('*Closed after a long silence.*');
  lines.push(`${bold(`Level signal: ${escapeText(capitalise(card.levelSignal.signal))}`)} *(a ${card.level}-level question)*`, ...card.levelSignal.reasons.map((reason) => `• ${escapeText(reason)}`));
  if (card.phases) {
    lines.push('', bold('By phase'));
    for (const summary of card.phases) {
      const shown = summary.shown.length
        ? summary.shown.map((item) => `${VERDICT_ICON[item.verdict]} ${escapeText(item.theme)}${item.quote ? ` ${quote(shortQuote(item.quote, 100))}` : ''}`).join('; ')
        : summary.answers > 0
          ? '*nothing new credited*'
          : '*not reached*';
      lines.push(`${bold(escapeText(summary.phase.label))} (${summary.answers} answer${summary.answers === 1 ? '' : 's'}): ${shown}`);
    }
  }
  if (card.requirements) {
    const clarified = card.requirements.filter((r) => r.verdict !== 'missed').length;
    lines.push('', bold(`Requirements clarified ${clarified}/${card.requirements.length}`), ...card.requirements.map(pointLine));
  }
  lines.push(
    '',
    bold(coverageTitle(card.points, card.score)),
    `✅ ${card.counts.covered} covered · 🟡 ${card.counts.partial} partial · ❌ ${card.counts.missed} missed`,
    ...card.points.map(pointLine),
  );
  const misconceptions = misconceptionLines(card.misconceptions.map((m) => ({ ...m, quote: shortQuote(m.quote) })));
  if (misconceptions.length > 0) lines.push('', ...misconceptions);
  // What the scorers that judged can claim (in the footer, as on answer feedback). No scorer recorded means nothing was scored: no verdict to qualify.
  const scorer = !card.scorers?.length ? undefined : card.scorers.includes('llm') && !card.scorers.includes('keyword') ? 'llm' : 'keyword';
  const scope = scorer ? scopeNote({ scorer }) : undefined;
  lines.push('', `${bold('Hints used:')} ${card.hints.used}${card.hints.used ? ` (on ${card.hints.questions} question${card.hints.questions === 1 ? '' : 's'})` : ''} · ${bold('key points revealed before answering:')} ${card.revealedBeforeAnswering ? 'yes' : 'no'}`);
  if (card.strongest) lines.push(`${bold('Strongest moment')} (${escapeText(card.strongest.theme)}): ${quote(card.strongest.quote)}`);
  const study = card.studyNext[0];
  if (study) lines.push(`${bold('Study next:')} ${escapeText(study.theme)}: ${escapeText(study.point)}`);
  if (card.summary) lines.push(`${bold('What a strong answer covers:')} ${escapeText(card.summary)}`);
  if (card.tip) lines.push(`${bold('Interview tip:')} ${escapeText(card.tip)}`);
  lines.push(`${bold('Verdict:')} ${escapeText(card.verdictLine)}`);
  const footer = `${card.answers} answer${card.answers === 1 ? '' : 's'} · ${card.followUps} question${card.followUps === 1 ? '' : 's'} after the first · ${card.durationMinutes} min`;
  return {
    summary: `Scorecard: ${card.levelSignal.signal} signal · ${card.score}/100`,
    embeds: [{ title: `🏁 Scorecard · ${escapeText(card.title)}`.slice(0, 256), description: lines.join('\n'), footer: { text: scope ? `${footer}\n${scope}` : footer }, color: COLOURS.scorecard }],
  };
};
