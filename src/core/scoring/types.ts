import type { Question } from '../content/schema.ts';

export type Verdict = 'covered' | 'partial' | 'missed';
export type ScorerName = 'keyword' | 'llm';

export interface PointResult {
  /** Rubric point id. */
  id: string;
  verdict: Verdict;
  /** The phrase of the answer that evidences the point, quoted verbatim. */
  evidence?: string;
  /** For partial or missed points: what is missing, in a few words, without the model answer. */
  note?: string;
}

export interface ScoreResult {
  questionId: string;
  scorer: ScorerName;
  /** 0 to 100, weighted by rubric point weight. */
  score: number;
  /** One entry per rubric point, in rubric order. */
  points: PointResult[];
  /** Short overall feedback, when the scorer has some (the LLM does). */
  feedback?: string;
  /** An adaptive follow-up aimed at the most important missed point, when the scorer has one. */
  followUp?: string;
  /** One-line notices for the user, e.g. "LLM budget spent; scored by keywords today". */
  notices: string[];
}

export interface ScoreContext {
  /** Workspace (team/guild) id, for per-workspace budgets. */
  workspaceId?: string;
}

/** Anything that can judge an answer against a question's rubric. */
export interface Scorer {
  readonly name: ScorerName;
  score(question: Question, answer: string, context?: ScoreContext): Promise<ScoreResult>;
}
