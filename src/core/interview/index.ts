export * from './engine.ts';
export * from './events.ts';
export * from './session-state.ts';
export { coverageOf, countVerdicts, gapsByImportance, type CoveredPoint } from './coverage.ts';
export { buildScorecard, type Scorecard } from './scorecard.ts';
export { phaseView, phaseIndexAt, totalMinutes, type PhaseView } from './pacing.ts';
