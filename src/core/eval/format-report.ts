import type { EvalReport } from './run-eval.ts';

/** Plain-text report for the terminal: the headline figures first, then where it went wrong. */
function fixed(value: number, digits: number): string {
  return Number.isNaN(value) ? 'n/a' : value.toFixed(digits);
}

function percent(value: number): string {
  return Number.isNaN(value) ? 'n/a' : `${(value * 100).toFixed(1)}%`;
}

export function formatEvalReport(report: EvalReport): string {
  const lines = [
    `Scorer: ${report.scorer} (${report.answers} answers, ${report.points} rubric points)`,
    `  point accuracy  ${percent(report.accuracy)}`,
    `  Cohen's kappa   ${fixed(report.kappa, 3)}`,
    `  score MAE       ${fixed(report.mae, 1)} points (0-100)`,
  ];
  if (report.fallbacks > 0) lines.push(`  fallbacks       ${report.fallbacks} answers were scored by keywords instead`);
  lines.push('  by kind (mean expected -> got):');
  for (const kind of report.byKind) {
    lines.push(`    ${kind.kind.padEnd(17)} ${String(kind.answers).padStart(3)} answers  ${fixed(kind.meanExpected, 0)} -> ${fixed(kind.meanGot, 0)}`);
  }
  if (report.worst.length === 0) {
    lines.push('  no disagreements');
  } else {
    lines.push(`  worst ${report.worst.length} disagreements:`);
    for (const outcome of report.worst) {
      const points = outcome.disagreements.map((d) => `${d.id} ${d.expected}->${d.got}`).join(', ');
      lines.push(`    ${outcome.questionId} / ${outcome.answerId} (${outcome.kind}): expected ${outcome.expectedScore}, got ${outcome.gotScore}${points ? `; ${points}` : ''}`);
    }
  }
  return lines.join('\n');
}
