import type { Platform } from '../../core/thread-id.ts';

/**
 * What peer practice needs from a platform beyond posting messages: who people are, who is
 * in a channel, and a form for the scorecard. One implementation per platform adapter.
 */
export interface PeerPerson {
  exists: boolean;
  bot: boolean;
  /** Deactivated, or no longer in the workspace. */
  gone: boolean;
}

/** The scorecard form: one verdict per rubric point, the overall signal, the level, notes. */
export interface ScorecardForm {
  sessionId: string;
  title: string;
  candidateId: string;
  rubric: { id: string; theme: string }[];
}

export interface PeerPlatform {
  person(workspaceId: string, userId: string): Promise<PeerPerson>;
  /** Whether the person is a member of the channel (undefined: the platform cannot tell). */
  inChannel(workspaceId: string, channelId: string, userId: string): Promise<boolean | undefined>;
  /** Opens the scorecard form through the handle of the press that asked for it (Slack trigger_id). */
  openScorecard(workspaceId: string, handle: string, form: ScorecardForm): Promise<void>;
}

export interface PeerSettings {
  /** Idle time before the person whose turn it is gets a nudge (PEER_NUDGE_HOURS, default 24 h). */
  idleMs: number;
  /** Lifetime of a session (PEER_EXPIRY_DAYS, default 7 days). */
  expiryMs: number;
}

export type PeerPlatforms = Partial<Record<Platform, PeerPlatform>>;
