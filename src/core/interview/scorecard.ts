import type { Question } from '../content/schema.ts';
import type { ScorerName, Verdict } from '../scoring/types.ts';
import { countVerdicts, coverageOf, coverageScore, gapsByImportance, type CoveredPoint } from './coverage.ts';
import type { SessionState } from './session-state.ts';

export interface Scorecard {
  questionId: string;
  title: string;
  level: Question['level'];
  /** Whose scorecard; absent for a whole-channel summary. */
  for?: string;
  score: number;
  counts: Record<Verdict, number>;
  points: CoveredPoint[];
  /** The best-evidenced covered point of the highest weight, quoted. */
  strongest?: { theme: string; quote: string };
  /** The two most important gaps, to study next. */
  studyNext: { theme: string; point: string }[];
  tip: string;
  /** One line at the question's level, e.g. "Solid staff-level coverage of sampling; thin on cost." */
  verdictLine: string;
  answers: number;
  followUps: number;
  durationMinutes: number;
  /** The scorers that judged the answers counted here, so the card can say what it can claim. */
  scorers?: ScorerName[];
}

function list(themes: string[]): string {
  const lower = themes.map((theme) => theme.toLowerCase());
  if (lower.length <= 1) return lower.join('');
  return `${lower.slice(0, -1).join(', ')} and ${lower.at(-1)}`;
}

export function verdictLine(level: Question['level'], score: number, points: readonly CoveredPoint[]): string {
  const strong = points.filter((point) => point.verdict === 'covered').sort((a, b) => b.weight - a.weight).slice(0, 2).map((p) => p.theme);
  const thin = gapsByImportance(points).slice(0, 2).map((p) => p.theme);
  if (score >= 75) {
    return `Solid ${level}-level coverage of ${list(strong)}${thin.length ? `; thin on ${list(thin)}` : ''}.`;
  }
  if (score >= 45) {
    return `Partly at the ${level} bar: ${strong.length ? `good on ${list(strong)}` : 'some good instincts'}; ${thin.length ? `thin on ${list(thin)}` : 'needs more depth'}.`;
  }
  return `Below the ${level} bar so far${thin.length ? `: start with ${list(thin)}` : ''}.`;
}

export function buildScorecard(question: Question, state: SessionState, now: number, by?: string): Scorecard {
  const points = coverageOf(question, state, by);
  const score = coverageScore(question, points);
  const strongestPoint = points
    .filter((point) => point.verdict === 'covered' && point.evidence)
    .sort((a, b) => b.weight - a.weight || (b.evidence?.length ?? 0) - (a.evidence?.length ?? 0))[0];
  const answers = state.answers.filter((answer) => by === undefined || answer.by === by).length;
  const followUps = state.asked.filter((prompt) => prompt.kind === 'follow-up' && (by === undefined || prompt.to === by)).length;
  const card: Scorecard = {
    questionId: question.id,
    title: question.title,
    level: question.level,
    score,
    counts: countVerdicts(points),
    points,
    studyNext: gapsByImportance(points).slice(0, 2).map((gap) => ({ theme: gap.theme, point: gap.point })),
    tip: question.tip,
    verdictLine: verdictLine(question.level, score, points),
    answers,
    followUps,
    durationMinutes: Math.max(0, Math.round((now - state.startedAt) / 60_000)),
  };
  if (by !== undefined) card.for = by;
  const scorers = [...new Set(state.answers.filter((answer) => by === undefined || answer.by === by).map((answer) => answer.scorer))];
  if (scorers.length > 0) card.scorers = scorers;
  if (strongestPoint?.evidence) card.strongest = { theme: strongestPoint.theme, quote: strongestPoint.evidence };
  return card;
}
