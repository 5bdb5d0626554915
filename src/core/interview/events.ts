import type { Question } from '../content/schema.ts';
import type { ScorerName } from '../scoring/types.ts';
import type { CoveredPoint } from './coverage.ts';
import type { PhaseView } from './pacing.ts';
import type { Scorecard } from './scorecard.ts';
import type { SessionMode } from './session-state.ts';

/**
 * What the engine asks an adapter to show. Platform-neutral: the Slack adapter renders
 * Block Kit, the console adapter plain text. `to` is the person a reply is for, when it
 * is for one person (an adapter may deliver it privately).
 */
export type EngineEvent =
  | { type: 'question'; question: Question; mode: SessionMode; candidateId?: string; maxFollowUps: number }
  | { type: 'phase'; phase: PhaseView }
  | {
      type: 'feedback';
      to: string;
      scorer: ScorerName;
      /** This answer's own score, and the person's cumulative coverage after it. */
      answerScore: number;
      score: number;
      points: CoveredPoint[];
      /** Rubric ids this answer moved up (missed→partial, partial→covered, …). */
      improved: string[];
      feedback?: string;
      notices: string[];
    }
  | { type: 'follow-up'; to?: string; text: string; number: number; of: number; targetTheme?: string }
  | { type: 'nudge'; to?: string; text: string; phase: PhaseView }
  | { type: 'hint'; to?: string; theme: string; text: string }
  | { type: 'reveal'; questionId: string; keyPoints: { theme: string; point: string; weight: number }[]; tradeOffs: string[]; tip: string }
  | { type: 'scorecard'; scorecard: Scorecard }
  | { type: 'notice'; to?: string; text: string };

export type EngineEventType = EngineEvent['type'];
