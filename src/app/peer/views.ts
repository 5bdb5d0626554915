import type { FollowUpChoice } from '../../core/peer/follow-up-menu.ts';
import type { EndReason, PeerRole, PeerScorecard } from '../../core/peer/session.ts';
import type { Verdict } from '../../core/scoring/types.ts';
import type { Reputation } from '../../store/peer-people-store.ts';

/**
 * What peer practice shows, platform-neutral: each platform's renderer turns a view into
 * Block Kit or embeds and components. Buttons name the session through the message's
 * `sessionId` (MessageContent), which the plan runner stamps on.
 */
export interface BriefQuestion {
  title: string;
  summary: string;
  level: string;
  rubric: { id: string; theme: string; point: string; weight: number }[];
  tradeOffs: string[];
  tip: string;
  misconceptions: string[];
  phases: { title: string; minutes: number }[];
}

export type PeerView =
  /** The thread's first message, public, addressed to the candidate. */
  | { kind: 'intro'; interviewerId: string; candidateId: string; title: string; expiresInDays: number; nudgeAfterHours: number }
  /** The interviewer's private brief: everything to run the session, with the follow-up menu. */
  | { kind: 'brief'; interviewerId: string; candidateId: string; channelId: string; question: BriefQuestion; menu: FollowUpChoice[] }
  /** To the interviewer after an answer: the menu again, with suggestions from the silent score. */
  | { kind: 'menu'; candidateId: string; channelId: string; menu: FollowUpChoice[] }
  /** A follow-up asked from the menu, posted in the thread on the interviewer's behalf. */
  | { kind: 'follow-up'; interviewerId: string; candidateId: string; text: string }
  | { kind: 'nudge'; to: string; role: PeerRole; idleHours: number }
  /** The session is over; participants may rate it and swap roles. */
  | { kind: 'ended'; reason: EndReason; by?: string; interviewerId: string; candidateId: string; canSwap: boolean }
  /** The scorecard, privately to the candidate (and a copy to the interviewer). */
  | {
      kind: 'scorecard';
      interviewerId: string;
      candidateId: string;
      title: string;
      rubric: { id: string; theme: string }[];
      card: PeerScorecard;
      autoVerdicts: Record<string, Verdict>;
    }
  /** A pairing round's match, by DM to each member of the group. */
  | { kind: 'pair-match'; channelId: string; members: string[]; firstInterviewer: string; to: string }
  /** In `stats`: the person's reputation from peer sessions' 1–5 ratings. */
  | { kind: 'reputation'; asInterviewer: Reputation; asCandidate: Reputation };
