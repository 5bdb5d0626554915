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
});

export const askedPromptSchema = z.object({
  kind: z.enum(['question', 'follow-up']),
  text: z.string(),
  /** The person it was asked of; absent for a question asked of the whole channel. */
  to: z.string().optional(),
  /** The rubric point a follow-up probes, when it probes one. */
  targetPointId: z.string().optional(),
  source: z.enum(['question', 'rubric-probe', 'functional', 'nonFunctional', 'adaptive']),
  at: z.number(),
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
  hints: z.array(z.object({ to: z.string().optional(), pointId: z.string() })),
  /**
   * Set on a channel's daily question: its channel and local date, and when its key points
   * are revealed. Answers before then count towards streaks and the monthly points.
   */
  daily: z.object({ channelKey: z.string(), localDate: z.string(), revealAt: z.number() }).optional(),
});
export type SessionState = z.infer<typeof sessionStateSchema>;

/** Longest answer excerpt kept in state; the full answer is scored but not stored. */
export const EXCERPT_CHARS = 2_000;
