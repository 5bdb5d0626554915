import type { EngineEvent } from '../../core/interview/events.ts';
import type { Verdict } from '../../core/scoring/types.ts';

const MARK: Record<Verdict, string> = { covered: '✅', partial: '🟡', missed: '❌' };

function quote(text: string): string {
  return `“${text.replace(/\s+/g, ' ').trim()}”`;
}

/** Engine events as terminal text: the console adapter's whole rendering. */
export function renderEvent(event: EngineEvent): string {
  switch (event.type) {
    case 'question':
      return [
        `📐 Observability · ${event.question.topic} · ${event.question.level} level`,
        event.question.title,
        '',
      ].join('\n');
    case 'phase':
      return `⏱  Phase ${event.phase.index + 1}/${event.phase.count}: ${event.phase.title} (${event.phase.minutes} min). ${event.phase.prompt}\n`;
    case 'feedback': {
      const covered = event.points.filter((point) => point.verdict === 'covered').length;
      const lines = [`Coverage ${covered}/${event.points.length} · ${event.score}/100${event.scorer === 'llm' ? ' · scored by LLM' : ''}`];
      for (const point of event.points) {
        const detail = point.verdict === 'covered' && point.evidence ? quote(point.evidence) : point.evidence && point.verdict === 'partial' ? `${quote(point.evidence)}, but ${point.note ?? 'go further'}` : (point.note ?? 'not covered yet');
        lines.push(`${MARK[point.verdict]} ${point.theme}: ${detail}`);
      }
      if (event.feedback) lines.push('', event.feedback);
      for (const notice of event.notices) lines.push(`ℹ️  ${notice}`);
      return `${lines.join('\n')}\n`;
    }
    case 'follow-up':
      return `\nNext → (${event.number}/${event.of}) ${event.text}\n`;
    case 'nudge':
      return `⏳ ${event.text}\n`;
    case 'hint':
      return `💡 Hint: ${event.text}\n`;
    case 'notice':
      return `ℹ️  ${event.text}\n`;
    case 'reveal':
      return [
        '🗝  Key points',
        ...event.keyPoints.map((point, index) => `${index + 1}. ${point.theme}: ${point.point}`),
        ...(event.tradeOffs.length ? ['', `Trade-offs: ${event.tradeOffs.join(' ')}`] : []),
        ...(event.tip ? [`Tip: ${event.tip}`] : []),
        '',
      ].join('\n');
    case 'scorecard': {
      const card = event.scorecard;
      return [
        '',
        `🏁 Scorecard · ${card.score}/100 · ${card.counts.covered} covered, ${card.counts.partial} partial, ${card.counts.missed} missed`,
        ...card.points.map((point) => `${MARK[point.verdict]} ${point.theme}${point.verdict !== 'missed' && point.evidence ? `: ${quote(point.evidence)}` : ''}`),
        ...(card.strongest ? [`Strongest moment (${card.strongest.theme}): ${quote(card.strongest.quote)}`] : []),
        ...(card.studyNext.length ? [`Study next: ${card.studyNext.map((item) => `${item.theme} (${item.point})`).join('; ')}`] : []),
        ...(card.tip ? [`Tip: ${card.tip}`] : []),
        `Verdict: ${card.verdictLine}`,
        '',
      ].join('\n');
    }
  }
}
