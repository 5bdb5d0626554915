import { RANKING_CHECKS, type CheckStatus } from './ranking-checks.ts';
import { disagreements, type EvalRun, type SplitReport } from './run-eval.ts';

/** Plain-text report for the terminal: one section per split, headline figures first. */
function fixed(value: number, digits: number): string {
  return Number.isNaN(value) ? 'n/a' : value.toFixed(digits);
}

function percent(value: number): string {
  return Number.isNaN(value) ? 'n/a' : `${(value * 100).toFixed(1)}%`;
}

const MARK: Record<CheckStatus, string> = { pass: 'ok', fail: 'FAIL', 'n/a': '-' };
const TARGET_MARK: Record<CheckStatus, string> = { pass: '[pass]', fail: '[FAIL]', 'n/a': '[ n/a]' };

function formatRanking(report: SplitReport): string[] {
  const lines = ['  ranking checks (questions passing; n/a = the split lacks those answers):'];
  for (const total of report.ranking.totals) {
    const applicable = total.pass + total.fail;
    const failed = total.failed.length > 0 ? `  fails: ${total.failed.join(', ')}` : '';
    lines.push(`    ${total.label.padEnd(34)} ${total.pass}/${applicable} of ${report.questions}${total.notApplicable > 0 ? ` (${total.notApplicable} n/a)` : ''}${failed}`);
  }
  lines.push('  per question:');
  const width = Math.max(...report.ranking.questions.map((question) => question.questionId.length), 8);
  lines.push(`    ${''.padEnd(width)}  ${RANKING_CHECKS.map((check) => check.short.padEnd(18)).join(' ')}`);
  for (const question of report.ranking.questions) {
    const cells = RANKING_CHECKS.map((check) => {
      const result = question.checks[check.id];
      return `${MARK[result.status]}${result.status === 'n/a' ? '' : ` ${result.detail.replace(/\b(?!vs\b)[a-z-]+ (?=\d)/g, '')}`}`.padEnd(18);
    });
    lines.push(`    ${question.questionId.padEnd(width)}  ${cells.join(' ')}`);
  }
  return lines;
}

export function formatSplitReport(report: SplitReport): string {
  const lines = [
    `== ${report.split} (${report.answers} answers over ${report.questions} questions, ${report.points} rubric points) ==`,
    `  point accuracy  ${percent(report.accuracy)}`,
    `  Cohen's kappa   ${fixed(report.kappa, 3)}`,
    `  score MAE       ${fixed(report.mae, 1)} points (0-100)`,
  ];
  if (report.fallbacks > 0) lines.push(`  fallbacks       ${report.fallbacks} answers were scored by keywords instead`);
  lines.push('  by kind (mean expected -> actual):');
  for (const kind of report.byKind) {
    lines.push(`    ${kind.kind.padEnd(17)} ${String(kind.answers).padStart(3)} answers  ${fixed(kind.meanExpected, 0).padStart(3)} -> ${fixed(kind.meanActual, 0)}`);
  }
  lines.push(...formatRanking(report));
  lines.push(`  issue 11 targets on ${report.split}:`);
  for (const target of report.targets) lines.push(`    ${TARGET_MARK[target.status]} ${target.label}: ${target.measured}`);
  if (report.split === 'holdout') {
    // The text report is what people read while working on a scorer: naming the held-out
    // answers it gets wrong would invite tuning to them. --json still has every answer.
    lines.push('  per-answer disagreements are not listed for the held-out part (they are in --json, for reporting, not tuning)');
  } else if (report.worst.length === 0) {
    lines.push('  no disagreements');
  } else {
    lines.push(`  worst ${report.worst.length} disagreements:`);
    for (const outcome of report.worst) {
      const points = disagreements(outcome).map((d) => `${d.id} ${d.expected}->${d.actual}`).join(', ');
      lines.push(`    ${outcome.questionId} / ${outcome.answerId} (${outcome.kind}): expected ${outcome.expectedScore}, got ${outcome.actualScore}${points ? `; ${points}` : ''}`);
    }
  }
  return lines.join('\n');
}

export function formatEvalReport(run: EvalRun): string {
  const answers = run.splits.reduce((sum, split) => sum + split.answers, 0);
  return [`Scorer: ${run.scorer} (${answers} answers)`, ...run.splits.map(formatSplitReport)].join('\n\n');
}
