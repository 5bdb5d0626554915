import type { Pacing, Question } from '../content/schema.ts';
import type { PointResult, ScorerName, Verdict } from '../scoring/types.ts';
import { countVerdicts, coverageOf, coverageScore, gapsByImportance, rankOf, requirementsCoverageOf, type CoveredPoint } from './coverage.ts';
import type { MisconceptionNote } from './events.ts';
import { levelSignal, type LevelSignal } from './level-signal.ts';
import { phaseView, type PhaseView } from './pacing.ts';
import type { AnswerRecord, SessionState } from './session-state.ts';

/** What one phase of a mock showed: the points first credited in it, in the person's words. */
export interface PhaseSummary {
  phase: PhaseView;
  answers: number;
  shown: { theme: string; verdict: Exclude<Verdict, 'missed'>; quote?: string }[];
}

export interface Scorecard {
  questionId: string;
  title: string;
  level: Question['level'];
  /** Whose scorecard; absent for a whole-channel summary. */
  for?: string;
  score: number;
  counts: Record<Verdict, number>;
  points: CoveredPoint[];
  /** A mock's phases, in order, with what each showed. */
  phases?: PhaseSummary[];
  /** The requirements clarified (a mock whose question has a requirements list). */
  requirements?: CoveredPoint[];
  misconceptions: MisconceptionNote[];
  /** Hints taken, and on how many questions. */
  hints: { used: number; questions: number };
  /** Whether the key points were revealed before (some of) the answers. */
  revealedBeforeAnswering: boolean;
  /** The level a panel would read from the answers, with its reasons. */
  levelSignal: LevelSignal;
  /** The best-evidenced covered point of the highest weight, quoted. */
  strongest?: { theme: string; quote: string };
  /** The one thing to study next (the most important gap). */
  studyNext: { theme: string; point: string }[];
  /** The question's own summary of a strong answer: where "study next" points to. */
  summary: string;
  tip: string;
  /** One line at the question's level, e.g. "Staff signal: covered sampling strategy; thin on cost." */
  verdictLine: string;
  answers: number;
  followUps: number;
  durationMinutes: number;
  /** Set when the session closed after a long silence. */
  endedBy?: 'expired';
  /** The scorers that judged the answers counted here, so the card can say what it can claim. */
  scorers?: ScorerName[];
}

function list(themes: string[]): string {
  const lower = themes.map((theme) => theme.toLowerCase());
  if (lower.length <= 1) return lower.join('');
  return `${lower.slice(0, -1).join(', ')} and ${lower.at(-1)}`;
}

export function verdictLine(level: Question['level'], score: number, points: readonly CoveredPoint[], signal?: LevelSignal): string {
  if (signal?.signal === 'not rated') return `Not rated: ${signal.reasons[0] ?? 'nothing to judge'}`;
  const strong = points.filter((point) => point.verdict === 'covered').sort((a, b) => b.weight - a.weight).slice(0, 2).map((p) => p.theme);
  const thin = gapsByImportance(points).slice(0, 2).map((p) => p.theme);
  const lead = signal ? `${signal.signal.charAt(0).toUpperCase()}${signal.signal.slice(1)} signal on a ${level}-level question` : undefined;
  if (score >= 75) return `${lead ?? `Solid ${level}-level coverage`}${lead ? ': strong on ' : ' of '}${list(strong)}${thin.length ? `; thin on ${list(thin)}` : ''}.`;
  if (score >= 45) {
    return `${lead ?? `Partly at the ${level} bar`}: ${strong.length ? `good on ${list(strong)}` : 'some good instincts'}; ${thin.length ? `thin on ${list(thin)}` : 'needs more depth'}.`;
  }
  return `${lead ?? `Below the ${level} bar so far`}${thin.length ? `: start with ${list(thin)}` : ''}.`;
}

function misconceptionsOf(question: Question, answers: readonly AnswerRecord[]): MisconceptionNote[] {
  const seen = new Set<string>();
  const notes: MisconceptionNote[] = [];
  for (const answer of answers) {
    for (const found of answer.misconceptions ?? []) {
      const content = question.misconceptions.find((misconception) => misconception.id === found.id);
      if (!content || seen.has(found.id)) continue;
      seen.add(found.id);
      notes.push({ claim: content.claim, quote: found.quote, correction: content.correction });
    }
  }
  return notes;
}

/** Per phase, the points (or requirements) whose verdict first rose in that phase's answers. */
function phaseSummaries(question: Question, pacing: Pacing, answers: readonly AnswerRecord[]): PhaseSummary[] {
  const best = new Map<string, number>();
  return pacing.phases.map((_, index) => {
    const inPhase = answers.filter((answer) => (answer.phase ?? 0) === index);
    const shown: PhaseSummary['shown'] = [];
    for (const answer of inPhase) {
      const results: [PointResult, string][] = [
        ...(answer.requirements ?? []).map((r): [PointResult, string] => [r, question.requirements.find((q) => q.id === r.id)?.theme ?? r.id]),
        ...answer.points.map((r): [PointResult, string] => [r, question.rubric.find((q) => q.id === r.id)?.theme ?? r.id]),
      ];
      for (const [result, theme] of results) {
        if (result.verdict === 'missed') continue;
        const key = `${answer.requirements ? 'req' : 'rub'}:${result.id}`;
        if (rankOf(result.verdict) <= (best.get(key) ?? 0)) continue;
        best.set(key, rankOf(result.verdict));
        const existing = shown.findIndex((item) => item.theme === theme);
        if (existing >= 0) shown.splice(existing, 1);
        shown.push({ theme, verdict: result.verdict, ...(result.evidence ? { quote: result.evidence } : {}) });
      }
    }
    return { phase: phaseView(pacing, index), answers: inPhase.length, shown };
  });
}

export function buildScorecard(question: Question, state: SessionState, now: number, by?: string, pacing?: Pacing): Scorecard {
  const answers = state.answers.filter((answer) => by === undefined || answer.by === by);
  const points = coverageOf(question, state, by);
  const score = coverageScore(question, points);
  const requirements = requirementsCoverageOf(question, state, by);
  const hasRequirements = question.requirements.length > 0 && answers.some((answer) => answer.requirements);
  const strongestPoint = points
    .filter((point) => point.verdict === 'covered' && point.evidence)
    .sort((a, b) => b.weight - a.weight || (b.evidence?.length ?? 0) - (a.evidence?.length ?? 0))[0];
  const followUps = state.asked.filter((prompt) => prompt.kind === 'follow-up' && (by === undefined || prompt.to === by)).length;
  const hints = state.hints.filter((hint) => by === undefined || hint.to === by);
  const misconceptions = misconceptionsOf(question, answers);
  const revealedBeforeAnswering = answers.some((answer) => answer.afterReveal);
  const signal = levelSignal({
    question,
    score,
    points,
    requirements: hasRequirements ? requirements : [],
    answers: answers.filter((answer) => !answer.offTopic).map((answer) => answer.excerpt),
    misconceptions,
    hintsUsed: hints.length,
    revealedBeforeAnswering,
  });
  const paced = pacing !== undefined && state.mode !== 'channel' && state.mode !== 'practice';
  const card: Scorecard = {
    questionId: question.id,
    title: question.title,
    level: question.level,
    score,
    counts: countVerdicts(points),
    points,
    misconceptions,
    hints: { used: hints.length, questions: new Set(hints.map((hint) => hint.prompt ?? -1)).size },
    revealedBeforeAnswering,
    levelSignal: signal,
    // The one thing to study next: the heaviest design gap, else a requirement left unasked.
    studyNext: [...gapsByImportance(points), ...(hasRequirements ? gapsByImportance(requirements) : [])].slice(0, 1).map((gap) => ({ theme: gap.theme, point: gap.point })),
    summary: question.summary,
    tip: question.tip,
    verdictLine: verdictLine(question.level, score, points, signal),
    answers: answers.length,
    followUps,
    durationMinutes: Math.max(0, Math.round((now - state.startedAt) / 60_000)),
  };
  if (paced && pacing) card.phases = phaseSummaries(question, pacing, answers);
  if (hasRequirements) card.requirements = requirements;
  if (by !== undefined) card.for = by;
  const scorers = [...new Set(state.answers.filter((answer) => by === undefined || answer.by === by).map((answer) => answer.scorer))];
  if (scorers.length > 0) card.scorers = scorers;
  if (strongestPoint?.evidence) card.strongest = { theme: strongestPoint.theme, quote: strongestPoint.evidence };
  if (state.endedBy) card.endedBy = state.endedBy;
  return card;
}

