import type { Verdict } from '../scoring/types.ts';

/**
 * An async peer mock interview: one colleague (the interviewer) asks, another (the
 * candidate) answers in a thread, over hours or days. Pure state and transitions: every
 * function takes the state and returns the next one with what should be said, or a refusal
 * with a typed code. Nothing here knows a platform, a queue or a clock (`now` is passed in).
 */
export type PeerStatus = 'open' | 'ended' | 'expired';
export type PeerRole = 'interviewer' | 'candidate';
export type EndReason = 'ended-early' | 'scorecard' | 'expired' | 'candidate-left';
export type OverallSignal = 'strong-no' | 'no' | 'yes' | 'strong-yes';
export type AssessedLevel = 'senior' | 'staff' | 'principal';

export const OVERALL_SIGNALS: readonly OverallSignal[] = ['strong-no', 'no', 'yes', 'strong-yes'];
export const ASSESSED_LEVELS: readonly AssessedLevel[] = ['senior', 'staff', 'principal'];

export interface PeerExchange {
  by: PeerRole;
  /** The follow-up's id when it came from the question's menu (`f0`, `n1`). */
  followUpId?: string;
  /** Characters only: the text itself lives in the thread, not in Redis. */
  chars: number;
  at: number;
}

export interface PeerScorecard {
  /** Rubric point id → the interviewer's verdict. */
  points: Record<string, Verdict>;
  overall: OverallSignal;
  level: AssessedLevel;
  notes: string;
  /** The automatic rubric score (0–100) when the card was sent, to compare the two views. */
  autoScore: number;
  at: number;
}

export interface PeerSession {
  v: 1;
  /** The thread's encoded id: `slack:T1:C1:1712.0001`. */
  id: string;
  interviewerId: string;
  candidateId: string;
  questionId: string;
  status: PeerStatus;
  /** Whose move it is: the candidate answers, the interviewer follows up. */
  turn: PeerRole;
  exchanges: PeerExchange[];
  /** Menu follow-ups already asked, by id. */
  usedFollowUps: string[];
  /** The keyword scorer's best verdict per rubric point over all answers so far (silent). */
  autoVerdicts: Record<string, Verdict>;
  autoScore: number;
  startedAt: number;
  lastActivityAt: number;
  /** The `lastActivityAt` a nudge was sent for: one nudge per silence. */
  nudgedFor?: number;
  expiresAt: number;
  endReason?: EndReason;
  endedBy?: string;
  scorecard?: PeerScorecard;
  /** userId → 1..5, from each participant about the session. */
  ratings: Record<string, number>;
  /** The reverse session's thread id, once a swap was started. */
  swappedTo?: string;
  /**
   * Scorecard fields chosen so far where the form comes in pieces (Discord's select menus,
   * then a notes modal): field → value, merged into the submission.
   */
  draft?: Record<string, string>;
}

export type PeerRefusal =
  | { code: 'not-participant'; message: string }
  | { code: 'not-your-turn'; message: string }
  | { code: 'wrong-role'; message: string }
  | { code: 'closed'; message: string }
  | { code: 'bad-input'; message: string };

export type PeerEvent =
  | { type: 'answered'; by: string }
  | { type: 'follow-up'; text: string; followUpId?: string }
  | { type: 'nudge'; to: string; role: PeerRole }
  | { type: 'ended'; reason: EndReason; by?: string }
  | { type: 'scorecard'; to: string; scorecard: PeerScorecard }
  | { type: 'rated'; by: string; stars: number };

export type PeerStep = { ok: true; state: PeerSession; events: PeerEvent[] } | { ok: false; refusal: PeerRefusal };

export interface StartPeer {
  id: string;
  interviewerId: string;
  candidateId: string;
  questionId: string;
  now: number;
  expiryMs: number;
}

export function startPeerSession(input: StartPeer): PeerSession {
  return {
    v: 1,
    id: input.id,
    interviewerId: input.interviewerId,
    candidateId: input.candidateId,
    questionId: input.questionId,
    status: 'open',
    turn: 'candidate',
    exchanges: [],
    usedFollowUps: [],
    autoVerdicts: {},
    autoScore: 0,
    startedAt: input.now,
    lastActivityAt: input.now,
    expiresAt: input.now + input.expiryMs,
    ratings: {},
  };
}

export function roleOf(session: PeerSession, userId: string): PeerRole | undefined {
  if (userId === session.interviewerId) return 'interviewer';
  if (userId === session.candidateId) return 'candidate';
  return undefined;
}

/** What a third party is told when pressing a session's button. */
export function notYoursText(session: PeerSession, mention: (userId: string) => string): string {
  return `This is ${mention(session.interviewerId)} and ${mention(session.candidateId)}'s session. Start your own with \`/obs-question peer @colleague\`.`;
}

const refuse = (code: PeerRefusal['code'], message: string): PeerStep => ({ ok: false, refusal: { code, message } });

function guard(session: PeerSession, userId: string, role?: PeerRole): PeerRefusal | undefined {
  const actual = roleOf(session, userId);
  if (!actual) return { code: 'not-participant', message: 'not a participant' };
  if (session.status !== 'open') return { code: 'closed', message: 'This session has ended.' };
  if (role && actual !== role) return { code: 'wrong-role', message: role === 'interviewer' ? 'Only the interviewer can do that.' : 'Only the candidate can do that.' };
  return undefined;
}

const VERDICT_RANK: Record<Verdict, number> = { missed: 0, partial: 1, covered: 2 };

/** Keeps the best verdict each point ever had: a later short answer does not undo an earlier one. */
export function mergeVerdicts(before: Record<string, Verdict>, after: Record<string, Verdict>): Record<string, Verdict> {
  const merged = { ...before };
  for (const [id, verdict] of Object.entries(after)) {
    const prior = merged[id];
    if (!prior || VERDICT_RANK[verdict] > VERDICT_RANK[prior]) merged[id] = verdict;
  }
  return merged;
}

export interface AnswerInput {
  userId: string;
  chars: number;
  now: number;
  /** The silent keyword score of this answer. */
  verdicts: Record<string, Verdict>;
  /** Weighted score (0–100) of the merged verdicts, computed by the caller who has the rubric. */
  scoreOf: (verdicts: Record<string, Verdict>) => number;
}

/**
 * An answer by the candidate. It is accepted whatever the turn (an async candidate may add
 * to an answer before the follow-up comes); it hands the turn to the interviewer.
 */
export function recordPeerAnswer(session: PeerSession, input: AnswerInput): PeerStep {
  const refusal = guard(session, input.userId, 'candidate');
  if (refusal) return { ok: false, refusal };
  const autoVerdicts = mergeVerdicts(session.autoVerdicts, input.verdicts);
  const state: PeerSession = {
    ...session,
    turn: 'interviewer',
    exchanges: [...session.exchanges, { by: 'candidate', chars: input.chars, at: input.now }],
    autoVerdicts,
    autoScore: input.scoreOf(autoVerdicts),
    lastActivityAt: input.now,
  };
  return { ok: true, state, events: [{ type: 'answered', by: input.userId }] };
}

export const MAX_OWN_FOLLOW_UP = 1_500;

/** A follow-up from the menu (`followUpId`) or in the interviewer's own words (`text`). */
export function askFollowUp(session: PeerSession, input: { userId: string; now: number; text: string; followUpId?: string }): PeerStep {
  const refusal = guard(session, input.userId, 'interviewer');
  if (refusal) return { ok: false, refusal };
  const text = input.text.trim();
  if (!text) return refuse('bad-input', 'Write the follow-up question first.');
  if (text.length > MAX_OWN_FOLLOW_UP) return refuse('bad-input', `Keep a follow-up under ${MAX_OWN_FOLLOW_UP} characters.`);
  if (input.followUpId && session.usedFollowUps.includes(input.followUpId)) return refuse('bad-input', 'That follow-up was already asked in this session.');
  const state: PeerSession = {
    ...session,
    turn: 'candidate',
    exchanges: [...session.exchanges, { by: 'interviewer', chars: text.length, at: input.now, ...(input.followUpId ? { followUpId: input.followUpId } : {}) }],
    usedFollowUps: input.followUpId ? [...session.usedFollowUps, input.followUpId] : session.usedFollowUps,
    lastActivityAt: input.now,
  };
  return { ok: true, state, events: [{ type: 'follow-up', text, ...(input.followUpId ? { followUpId: input.followUpId } : {}) }] };
}

/** Either participant ends the session early. */
export function endPeerSession(session: PeerSession, input: { userId: string; now: number }): PeerStep {
  const refusal = guard(session, input.userId);
  if (refusal) return { ok: false, refusal };
  return { ok: true, state: { ...session, status: 'ended', endReason: 'ended-early', endedBy: input.userId, lastActivityAt: input.now }, events: [{ type: 'ended', reason: 'ended-early', by: input.userId }] };
}

/** The candidate left the workspace (or the channel): the session ends with no one to blame. */
export function candidateLeft(session: PeerSession, now: number): PeerStep {
  if (session.status !== 'open') return refuse('closed', 'This session has ended.');
  return { ok: true, state: { ...session, status: 'ended', endReason: 'candidate-left', lastActivityAt: now }, events: [{ type: 'ended', reason: 'candidate-left' }] };
}

export interface ScorecardInput {
  userId: string;
  now: number;
  points: Record<string, Verdict>;
  overall: OverallSignal;
  level: AssessedLevel;
  notes: string;
}

export const MAX_NOTES = 2_000;

/**
 * The interviewer's scorecard. Allowed while the session is open or after an early end
 * (an interviewer may end first and write the card later), never after expiry; sending it
 * ends the session. One card per session: a second submission is refused.
 */
export function submitScorecard(session: PeerSession, input: ScorecardInput, rubricIds: readonly string[]): PeerStep {
  const role = roleOf(session, input.userId);
  if (!role) return refuse('not-participant', 'not a participant');
  if (role !== 'interviewer') return refuse('wrong-role', 'Only the interviewer writes the scorecard.');
  if (session.scorecard) return refuse('closed', 'The scorecard for this session was already sent.');
  if (session.status === 'expired' || session.endReason === 'candidate-left') return refuse('closed', 'This session has ended.');
  const missing = rubricIds.filter((id) => !input.points[id]);
  if (missing.length > 0) return refuse('bad-input', `Rate every rubric point (missing: ${missing.join(', ')}).`);
  const unknown = Object.keys(input.points).filter((id) => !rubricIds.includes(id));
  if (unknown.length > 0) return refuse('bad-input', `Unknown rubric point: ${unknown.join(', ')}.`);
  if (input.notes.length > MAX_NOTES) return refuse('bad-input', `Keep the notes under ${MAX_NOTES} characters.`);
  const scorecard: PeerScorecard = { points: input.points, overall: input.overall, level: input.level, notes: input.notes.trim(), autoScore: session.autoScore, at: input.now };
  const state: PeerSession = { ...session, status: 'ended', endReason: session.endReason ?? 'scorecard', scorecard, lastActivityAt: input.now };
  return { ok: true, state, events: [{ type: 'scorecard', to: session.candidateId, scorecard }, ...(session.status === 'open' ? [{ type: 'ended' as const, reason: 'scorecard' as const }] : [])] };
}

/** A 1–5 rating by either participant, once the session is over; a second rating replaces the first. */
export function ratePeerSession(session: PeerSession, input: { userId: string; stars: number }): PeerStep {
  if (!roleOf(session, input.userId)) return refuse('not-participant', 'not a participant');
  if (session.status === 'open') return refuse('bad-input', 'Rate the session once it has ended.');
  if (!Number.isInteger(input.stars) || input.stars < 1 || input.stars > 5) return refuse('bad-input', 'A rating is 1 to 5.');
  return { ok: true, state: { ...session, ratings: { ...session.ratings, [input.userId]: input.stars } }, events: [{ type: 'rated', by: input.userId, stars: input.stars }] };
}

/** Who should move now: the candidate owes an answer, or the interviewer a follow-up or the card. */
export function waitingOn(session: PeerSession): string {
  return session.turn === 'candidate' ? session.candidateId : session.interviewerId;
}

/**
 * A timer fired. Expiry wins over a nudge; a nudge goes once per silence, and only when the
 * silence is really `idleMs` long (a timer scheduled before a later move finds it too early).
 * Returns undefined when there is nothing to do: a stale or duplicate timer is harmless.
 */
export function onPeerTimer(session: PeerSession, input: { now: number; idleMs: number }): { state: PeerSession; events: PeerEvent[] } | undefined {
  if (session.status !== 'open') return undefined;
  if (input.now >= session.expiresAt) {
    return { state: { ...session, status: 'expired', endReason: 'expired' }, events: [{ type: 'ended', reason: 'expired' }] };
  }
  if (session.nudgedFor === session.lastActivityAt) return undefined;
  if (input.now - session.lastActivityAt < input.idleMs) return undefined;
  return { state: { ...session, nudgedFor: session.lastActivityAt }, events: [{ type: 'nudge', to: waitingOn(session), role: session.turn }] };
}

/** When the next timer should fire: the nudge for the current silence (if not sent) or the expiry. */
export function nextPeerTimerAt(session: PeerSession, idleMs: number): number | undefined {
  if (session.status !== 'open') return undefined;
  const nudgeAt = session.nudgedFor === session.lastActivityAt ? Infinity : session.lastActivityAt + idleMs;
  return Math.min(nudgeAt, session.expiresAt);
}
