import type { EngineEvent } from '../../core/interview/events.ts';
import type { Scorecard } from '../../core/interview/scorecard.ts';
import { groupAdded, shortQuote, themeList } from '../../core/interview/present.ts';
import type { Verdict } from '../../core/scoring/types.ts';
import { honestyTextLines } from '../../scoring/honest-wording.ts';

const MARK: Record<Verdict, string> = { covered: '✅', partial: '🟡', missed: '❌' };

function quote(text: string): string {
  return `“${text.replace(/\s+/g, ' ').trim()}”`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function renderScorecard(card: Scorecard): string {
  const lines = ['', `🏁 Scorecard · ${card.title}`];
  if (card.endedBy === 'expired') lines.push('(closed after a long silence)');
  lines.push(`Level signal: ${capitalise(card.levelSignal.signal)} (question set at ${card.level} level)`);
  for (const reason of card.levelSignal.reasons) lines.push(`  • ${reason}`);
  if (card.phases) {
    lines.push('', 'By phase');
    for (const summary of card.phases) {
      const shown = summary.shown.length ? summary.shown.map((item) => `${MARK[item.verdict]} ${item.theme}${item.quote ? ` ${quote(item.quote)}` : ''}`).join('; ') : summary.answers ? 'nothing new credited' : 'not reached';
      lines.push(`  ${summary.phase.label} · ${summary.answers} answer${summary.answers === 1 ? '' : 's'}: ${shown}`);
    }
  }
  if (card.requirements) {
    lines.push('', `Requirements clarified: ${card.requirements.filter((r) => r.verdict !== 'missed').length}/${card.requirements.length}`);
    for (const requirement of card.requirements) lines.push(`  ${MARK[requirement.verdict]} ${requirement.theme}${requirement.verdict !== 'missed' && requirement.evidence ? `: ${quote(requirement.evidence)}` : ''}`);
  }
  lines.push('', `Design rubric: ${card.counts.covered} covered, ${card.counts.partial} partial, ${card.counts.missed} missed · ${card.score}/100`);
  for (const point of card.points) {
    const detail = point.verdict !== 'missed' && point.evidence ? `: ${quote(point.evidence)}` : point.verdict === 'missed' ? ': not shown' : '';
    lines.push(`  ${MARK[point.verdict]} ${point.theme}${detail}`);
  }
  const scorer = !card.scorers?.length ? undefined : card.scorers.includes('llm') && !card.scorers.includes('keyword') ? 'llm' : 'keyword';
  const honesty = honestyTextLines({ ...(scorer ? { scorer } : {}), misconceptions: card.misconceptions });
  if (honesty.length) lines.push('', ...honesty.map((line) => `  ${line}`));
  lines.push('', `Hints used: ${card.hints.used}${card.hints.used ? ` (on ${card.hints.questions} question${card.hints.questions === 1 ? '' : 's'})` : ''} · key points revealed before answering: ${card.revealedBeforeAnswering ? 'yes' : 'no'}`);
  if (card.strongest) lines.push(`Strongest moment (${card.strongest.theme}): ${quote(card.strongest.quote)}`);
  const study = card.studyNext[0];
  if (study) lines.push(`Study next: ${study.theme}: ${study.point}`);
  lines.push(`The question's own summary: npx obs-bot content show ${card.questionId}`);
  if (card.tip) lines.push(`Interview tip: ${card.tip}`);
  lines.push(`Verdict: ${card.verdictLine}`);
  lines.push(`${card.answers} answer${card.answers === 1 ? '' : 's'} · ${card.followUps} question${card.followUps === 1 ? '' : 's'} after the first · ${card.durationMinutes} min`, '');
  return lines.join('\n');
}

/** Engine events as terminal text: the console adapter's whole rendering. */
export function renderEvent(event: EngineEvent): string {
  switch (event.type) {
    case 'question': {
      const round = event.round ? `Mock interview · ${event.round.phases} phases · ~${event.round.minutes} min\n` : '';
      return [`📐 Observability · ${event.question.topic} · ${event.question.level} level`, `${round}${event.question.title}`, ''].join('\n');
    }
    case 'phase':
      return `\n⏱  ${event.phase.label}\n${event.prompt}\n`;
    case 'reaction': {
      const lines: string[] = [];
      if (event.offTopic) {
        lines.push(`This doesn't seem to answer the question: ${event.offTopic}`);
      } else if (event.added.length) {
        lines.push(`Noted: ${groupAdded(event.added).map((group) => `${quote(shortQuote(group.quote))} (${themeList(group.themes)})`).join('; ')}.`);
      } else if (!event.digIn) {
        lines.push('Noted.');
      }
      lines.push(...honestyTextLines({ misconceptions: event.misconceptions }));
      for (const note of event.notes) lines.push(`ℹ️  ${note}`);
      for (const notice of event.notices) lines.push(`ℹ️  ${notice}`);
      if (event.running) lines.push(`So far: ${event.running.covered}/${event.running.of} points covered · ${event.running.score}/100`);
      if (event.digIn) lines.push('', `${event.phase ? `(${event.phase.label}) ` : ''}${event.digIn.text}`);
      return `${lines.join('\n')}\n`;
    }
    case 'feedback': {
      const covered = event.points.filter((point) => point.verdict === 'covered').length;
      const lines = [`Coverage ${covered}/${event.points.length} · ${event.score}/100${event.scorer === 'llm' ? ' · scored by LLM' : ''}`];
      if (event.offTopic) lines.push(`This doesn't seem to answer the question: ${event.offTopic}`);
      else {
        for (const point of event.points) {
          const detail = point.verdict === 'covered' && point.evidence ? quote(point.evidence) : point.evidence && point.verdict === 'partial' ? `${quote(point.evidence)}, but ${point.note ?? 'go further'}` : (point.note ?? 'not covered yet');
          lines.push(`${MARK[point.verdict]} ${point.theme}: ${detail}`);
        }
      }
      lines.push(...honestyTextLines(event));
      if (event.feedback) lines.push('', event.feedback);
      for (const note of [...(event.notes ?? []), ...event.notices]) lines.push(`ℹ️  ${note}`);
      return `${lines.join('\n')}\n`;
    }
    case 'follow-up':
      return event.phase ? `\n(${event.phase.label} · question ${event.number} of ${event.of})\n${event.text}\n` : `\nNext → (${event.number}/${event.of}) ${event.text}\n`;
    case 'nudge':
      return `⏳ ${event.text}\n`;
    case 'hint':
      return `💡 Hint ${event.level}/${event.of}: ${event.text}\n`;
    case 'notice':
      return `ℹ️  ${event.text}\n`;
    case 'expired':
      return `👋 ${event.text}\n`;
    case 'reveal':
      return [
        '🗝  Key points',
        ...event.keyPoints.map((point, index) => `${index + 1}. ${point.theme}: ${point.point}`),
        ...(event.tradeOffs.length ? ['', `Trade-offs: ${event.tradeOffs.join(' ')}`] : []),
        ...(event.tip ? [`Tip: ${event.tip}`] : []),
        '',
      ].join('\n');
    case 'scorecard':
      return renderScorecard(event.scorecard);
  }
}
