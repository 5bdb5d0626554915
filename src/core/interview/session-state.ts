import { z } from 'zod';

/**
 * A session is a plain, JSON-serializable object so it can live in Redis between a bot
 * and any number of workers. Times are epoch milliseconds; nothing here holds an SDK object.
 */
export const sessionModeSchema = z.enum(['practice', 'channel', 'mock', 'peer']);
export type SessionMode = z.infer<typeof sessionModeSchema>;

const verdictSchema = z.enum(['covered', 'partial', 'missed']);

export const pointResultSchema = z.object({
  id: z.string(),
  verdict: verdictSchema,
  evidence: z.string().optional(),
  note: z.string().optional(),
  ruledOut: z.string().optional(),
});

export const askedPromptSchema = z.object({
  kind: z.enum(['question', 'follow-up']),
  text: z.string(),
  /** The person it was asked of; absent for a question asked of the whole channel. */
  to: z.string().optional(),
  /** The rubric point a follow-up probes, when it probes one. */
  targetPointId: z.string().optional(),
  /**
   * Where the text came from: the question, a rubric point's probe, the question's own
   * follow-ups, the LLM, a phase's opening prompt, or a dig-in on a thin answer.
   */
  source: z.enum(['question', 'rubric-probe', 'functional', 'nonFunctional', 'adaptive', 'phase', 'dig-in']),
  at: z.number(),
  /** The phase (0-based) it was asked in, in a paced session. */
  phase: z.number().int().min(0).optional(),
});
export type AskedPrompt = z.infer<typeof askedPromptSchema>;

export const answerRecordSchema = z.object({
  by: z.string(),
  at: z.number(),
  /** The start of the answer, kept for the scorecard's "strongest moment" and for audits. */
  excerpt: z.string(),
  scorer: z.enum(['keyword', 'llm']),
  score: z.number(),
  points: z.array(pointResultSchema),
  /** In a paced session: the phase (0-based) it answered, and the index in `asked` of the prompt it answered. */
  phase: z.number().int().min(0).optional(),
  prompt: z.number().int().min(0).optional(),
  /** Requirements-phase verdicts, against the question's `requirements` (then `points` is empty). */
  requirements: z.array(pointResultSchema).optional(),
  /** Misconceptions it stated: content id and the answer's own sentence. */
  misconceptions: z.array(z.object({ id: z.string(), quote: z.string() })).optional(),
  /** Sent after this person had the key points revealed: it carries no level signal. */
  afterReveal: z.boolean().optional(),
  /** It did not address the question (no credit, no turn used). */
  offTopic: z.boolean().optional(),
  /**
   * An LLM-judged answer longer than its excerpt: the score cache's hash of the whole
   * answer (answerHash of the scored text), so forget-me can find the cached verdicts,
   * which the excerpt alone cannot (src/scoring/llm/cache-eraser.ts).
   */
  cacheHash: z.string().optional(),
});
export type AnswerRecord = z.infer<typeof answerRecordSchema>;

export const sessionStateSchema = z.object({
  v: z.literal(1),
  id: z.string(),
  questionId: z.string(),
  mode: sessionModeSchema,
  /** Whose answers count (mock, peer, practice). Absent in a channel question: anyone may answer. */
  candidateId: z.string().optional(),
  /** In a peer session, the colleague asking the questions. */
  interviewerId: z.string().optional(),
  status: z.enum(['active', 'finished']),
  startedAt: z.number(),
  lastActivityAt: z.number(),
  finishedAt: z.number().optional(),
  maxFollowUps: z.number().int().min(0),
  phaseIndex: z.number().int().min(0),
  /** The phase whose single gentle nudge was already sent, so silence never gets a string of them. */
  nudgedPhaseIndex: z.number().int().optional(),
  asked: z.array(askedPromptSchema),
  answers: z.array(answerRecordSchema),
  /**
   * Hints given: for which prompt (index in `asked`) and at which level (1 names a concern,
   * 2 the concept). `pointId` is the rubric point or requirement the hint was about, if any.
   */
  hints: z.array(z.object({ to: z.string().optional(), pointId: z.string().optional(), prompt: z.number().int().min(0).optional(), level: z.number().int().min(1).optional() })),
  /** Who had the key points revealed, and when: answers after it carry no level signal. */
  reveals: z.array(z.object({ to: z.string().optional(), at: z.number() })).optional(),
  /**
   * How a paced session keeps time. `turns`: a chat thread, where answers come hours apart;
   * phases end after their turns, and silence earns one nudge, then expiry. `wall`: a live
   * session (the terminal); phases also end when their minutes are up.
   */
  clock: z.enum(['turns', 'wall']).optional(),
  /** When the current phase began, and how many turns it has used. */
  phaseStartedAt: z.number().optional(),
  phaseTurns: z.number().int().min(0).optional(),
  /** In a `turns` session: the `lastActivityAt` whose silence already earned its one nudge. */
  nudgedAt: z.number().optional(),
  /** Why a session finished, when not by its own end (e.g. idle for days). */
  endedBy: z.enum(['expired']).optional(),
  /**
   * Set on a channel's daily question: its channel and local date, and when its key points
   * are revealed. Answers before then count towards streaks and the monthly points.
   */
  daily: z.object({ channelKey: z.string(), localDate: z.string(), revealAt: z.number() }).optional(),
});
export type SessionState = z.infer<typeof sessionStateSchema>;

/** Longest answer excerpt kept in state; the full answer is scored but not stored. */
export const EXCERPT_CHARS = 2_000;
