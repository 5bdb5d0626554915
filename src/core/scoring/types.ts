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
  /** Set when the answer mentioned the point's idea only to reject it ("we wouldn't use tail sampling"). */
  ruledOut?: string;
}

/** A misconception from the question's content that the answer stated. */
export interface MisconceptionFinding {
  /** Misconception id in the question's `misconceptions:` list. */
  id: string;
  /** The answer's own sentence that states it, quoted verbatim. */
  quote: string;
  /** The wrong claim, from content. */
  claim: string;
  /** The correction, from content. */
  correction: string;
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
  /** Misconceptions the answer stated, in answer order (absent or empty when none). */
  misconceptions?: MisconceptionFinding[];
  /** True when parts of the answer were addressed to the grader and were not scored. */
  graderAddressed?: boolean;
  /** Who actually decided: "keyword", "llm:MODEL", or "keyword (fallback: REASON)". */
  decidedBy?: string;
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
