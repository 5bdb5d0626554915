import type { Question } from '../content/schema.ts';
import type { ScorerName } from '../scoring/types.ts';
import type { CoveredPoint } from './coverage.ts';
import type { PhaseView } from './pacing.ts';
import type { Scorecard } from './scorecard.ts';
import type { SessionMode } from './session-state.ts';

/** A wrong claim the answer made, in its own words, with the correction from content. */
export interface MisconceptionNote {
  claim: string;
  quote: string;
  correction: string;
}

/** A dig-in: one more question on the point just asked, quoting what the person said. */
export interface DigIn {
  /** The whole question as shown, e.g. `You mentioned “a request id in Kibana”: how does that survive the queue?` */
  text: string;
  /** The person's own words it quotes, when it quotes any. */
  quote?: string;
  /** The rubric point or requirement it digs into. */
  theme?: string;
}

/**
 * What the engine asks an adapter to show. Platform-neutral: the Slack adapter renders
 * Block Kit, the console adapter plain text. `to` is the person a reply is for, when it
 * is for one person (an adapter may deliver it privately).
 *
 * One message never asks two questions: after an answer the engine emits a `reaction` and
 * then at most one of `follow-up` or `phase` (whose prompt is the phase's first question),
 * or none when the reaction carries a dig-in or restates an off-topic answer's question.
 */
export type EngineEvent =
  | {
      type: 'question';
      question: Question;
      mode: SessionMode;
      candidateId?: string;
      maxFollowUps: number;
      /** A paced mock: its phases, total minutes and total turns. */
      round?: { phases: number; minutes: number; turns: number };
    }
  /** A new phase, opened by its prompt, which is the next question. */
  | { type: 'phase'; to?: string; phase: PhaseView; prompt: string }
  /** A channel question's immediate private feedback: the rubric, with the answer's words. */
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
      misconceptions?: MisconceptionNote[];
      /** Set when the answer does not address the question: the question, restated in one line. */
      offTopic?: string;
      /** Notes on the answer's form (repetition, length). */
      notes?: string[];
    }
  /**
   * An interviewer's reaction to the answer just given (1:1 sessions): what it added, in the
   * person's words; misconceptions with their corrections; notes on form; and either a
   * dig-in, or a restatement of the question when the answer was off-topic. No score in a
   * mock; `running` is set only in terminal practice, which shows a running score.
   */
  | {
      type: 'reaction';
      to?: string;
      added: { theme: string; quote: string }[];
      misconceptions: MisconceptionNote[];
      notes: string[];
      offTopic?: string;
      digIn?: DigIn;
      /** Where the interview is, for the dig-in's label. */
      phase?: PhaseView;
      running?: { covered: number; of: number; score: number };
      notices: string[];
    }
  /** The next question. In a paced mock, `phase` says where it sits and `number/of` counts the phase's turns. */
  | { type: 'follow-up'; to?: string; text: string; number: number; of: number; targetTheme?: string; phase?: PhaseView }
  | { type: 'nudge'; to?: string; text: string; phase?: PhaseView; /** A chat thread: days until it closes if silence goes on. */ expiresInDays?: number }
  /** A hint on the question on screen: level 1 names a concern, level 2 the concept. */
  | { type: 'hint'; to?: string; theme: string; text: string; level: number; of: number }
  | { type: 'reveal'; questionId: string; keyPoints: { theme: string; point: string; weight: number }[]; tradeOffs: string[]; tip: string }
  | { type: 'scorecard'; scorecard: Scorecard }
  /** A chat mock closed after a long silence, with a friendly note (its scorecard follows when there were answers). */
  | { type: 'expired'; to?: string; text: string; idleDays: number }
  | { type: 'notice'; to?: string; text: string };

export type EngineEventType = EngineEvent['type'];
