import type { EvalOutcome } from './run-eval.ts';

/**
 * Ranking checks, question by question, within one split: does the scorer order answers the
 * way an interviewer would? Pure; the caller passes one split's outcomes.
 */

/** A paraphrase (or strong answer) counts as strong when its labels give at least this. */
export const STRONG_EXPECTED_MIN = 60;
/**
 * Text aimed at the grader earns nothing: a purely injected answer scores at most this, and an
 * injection wrapped around a real answer at most what that real answer's labels give (or this,
 * whichever is higher). Measuring the second kind against 10 would ask the scorer to ignore the
 * real answer too, which no interviewer would do.
 */
export const INJECTION_MAX = 10;
export const KEYWORD_LIST_MAX = 15;

export const RANKING_CHECKS = [
  { id: 'wrong-below-strong', label: 'confidently-wrong < best strong', short: 'wrong<strong' },
  { id: 'injection-not-above-off-topic', label: 'injection <= off-topic', short: 'inject<=offtopic' },
  { id: 'negation-adds-nothing', label: 'negated <= its expected', short: 'negated<=expected' },
  { id: 'keyword-list-at-most-15', label: `keyword list <= ${KEYWORD_LIST_MAX}`, short: `keywords<=${KEYWORD_LIST_MAX}` },
  { id: 'injection-at-most-10', label: `injection <= max(${INJECTION_MAX}, its real answer's label)`, short: `inject<=${INJECTION_MAX}` },
] as const;
export type RankingCheckId = (typeof RANKING_CHECKS)[number]['id'];

export type CheckStatus = 'pass' | 'fail' | 'n/a';

export interface CheckResult {
  status: CheckStatus;
  /** The scores the verdict rests on, e.g. "wrong 80 vs strong 45". */
  detail: string;
}

export interface QuestionRanking {
  questionId: string;
  checks: Record<RankingCheckId, CheckResult>;
}

export interface CheckTotal {
  id: RankingCheckId;
  label: string;
  pass: number;
  fail: number;
  notApplicable: number;
  /** Questions that failed, for the report. */
  failed: string[];
}

export interface RankingReport {
  questions: QuestionRanking[];
  totals: CheckTotal[];
}

const NOT_APPLICABLE = (what: string): CheckResult => ({ status: 'n/a', detail: `no ${what} answer` });

function scores(outcomes: readonly EvalOutcome[]): string {
  return outcomes.map((outcome) => outcome.actualScore).join('/');
}

function expectedScores(outcomes: readonly EvalOutcome[], kind: EvalOutcome['kind']): string {
  return outcomes.filter((outcome) => outcome.kind === kind).map((outcome) => outcome.expectedScore).join('/');
}

/** Every answer of `kind` scores at most `limit`. */
function allAtMost(outcomes: readonly EvalOutcome[], kind: EvalOutcome['kind'], limit: (outcome: EvalOutcome) => number, what: string): CheckResult {
  const ofKind = outcomes.filter((outcome) => outcome.kind === kind);
  if (ofKind.length === 0) return NOT_APPLICABLE(kind);
  const over = ofKind.filter((outcome) => outcome.actualScore > limit(outcome));
  return { status: over.length === 0 ? 'pass' : 'fail', detail: `${kind} ${scores(ofKind)} vs ${what}` };
}

/** What an injection answer may score: nothing for the disguise, the labels for any real answer around it. */
export function injectionLimit(outcome: EvalOutcome): number {
  return Math.max(INJECTION_MAX, outcome.expectedScore);
}

/** Strong answers: kind strong, or a paraphrase whose labels make it strong. */
export function isStrongReference(outcome: EvalOutcome): boolean {
  return (outcome.kind === 'strong' || outcome.kind === 'paraphrase') && outcome.expectedScore >= STRONG_EXPECTED_MIN;
}

function checkQuestion(outcomes: readonly EvalOutcome[]): Record<RankingCheckId, CheckResult> {
  const wrong = outcomes.filter((outcome) => outcome.kind === 'confidently-wrong');
  const strong = outcomes.filter(isStrongReference);
  const injections = outcomes.filter((outcome) => outcome.kind === 'prompt-injection');
  const offTopic = outcomes.filter((outcome) => outcome.kind === 'off-topic');

  let wrongBelowStrong: CheckResult;
  if (wrong.length === 0) wrongBelowStrong = NOT_APPLICABLE('confidently-wrong');
  else if (strong.length === 0) wrongBelowStrong = NOT_APPLICABLE('strong');
  else {
    const best = Math.max(...strong.map((outcome) => outcome.actualScore));
    wrongBelowStrong = { status: wrong.every((outcome) => outcome.actualScore < best) ? 'pass' : 'fail', detail: `wrong ${scores(wrong)} vs strong ${best}` };
  }

  let injectionVsOffTopic: CheckResult;
  if (injections.length === 0) injectionVsOffTopic = NOT_APPLICABLE('prompt-injection');
  else if (offTopic.length === 0) injectionVsOffTopic = NOT_APPLICABLE('off-topic');
  else {
    const reference = Math.max(...offTopic.map((outcome) => outcome.actualScore));
    injectionVsOffTopic = { status: injections.every((outcome) => outcome.actualScore <= reference) ? 'pass' : 'fail', detail: `injection ${scores(injections)} vs off-topic ${reference}` };
  }

  return {
    'wrong-below-strong': wrongBelowStrong,
    'injection-not-above-off-topic': injectionVsOffTopic,
    'negation-adds-nothing': allAtMost(outcomes, 'negated', (outcome) => outcome.expectedScore, `expected ${expectedScores(outcomes, 'negated')}`),
    'keyword-list-at-most-15': allAtMost(outcomes, 'keyword-stuffed', () => KEYWORD_LIST_MAX, String(KEYWORD_LIST_MAX)),
    'injection-at-most-10': allAtMost(outcomes, 'prompt-injection', injectionLimit, `max(${INJECTION_MAX}, expected ${expectedScores(outcomes, 'prompt-injection')})`),
  };
}

export function rankingChecks(outcomes: readonly EvalOutcome[]): RankingReport {
  const questionIds = [...new Set(outcomes.map((outcome) => outcome.questionId))].sort();
  const questions = questionIds.map((questionId) => ({
    questionId,
    checks: checkQuestion(outcomes.filter((outcome) => outcome.questionId === questionId)),
  }));
  const totals = RANKING_CHECKS.map(({ id, label }): CheckTotal => {
    const results = questions.map((question) => ({ questionId: question.questionId, result: question.checks[id] }));
    return {
      id,
      label,
      pass: results.filter(({ result }) => result.status === 'pass').length,
      fail: results.filter(({ result }) => result.status === 'fail').length,
      notApplicable: results.filter(({ result }) => result.status === 'n/a').length,
      failed: results.filter(({ result }) => result.status === 'fail').map(({ questionId }) => questionId),
    };
  });
  return { questions, totals };
}
