import type { RedisConnection } from '../infra/redis.ts';
import { z } from 'zod';
import type { PeerSession } from '../core/peer/session.ts';
import { VersionedHash, type CommitResult, type SideWrite, type Versioned } from './versioned-hash.ts';
import { workspaceOfThread } from './keys.ts';

/**
 * Peer sessions, one Redis hash per thread (`state` JSON + `ver`), committed with the job's
 * outbox plan in one script exactly like interview sessions (see versioned-hash.ts), so a
 * state change and the messages it implies are one atomic step. Kept apart from interview
 * sessions: a different shape, and a different lifetime (days, then a grace period for the
 * scorecard and ratings).
 */
export type VersionedPeerSession = Versioned<PeerSession>;

const verdict = z.enum(['covered', 'partial', 'missed']);
/** Checked on the way in, so a session from another release fails loudly instead of half-working. */
const peerSessionSchema = z.object({
  v: z.literal(1),
  id: z.string(),
  interviewerId: z.string(),
  candidateId: z.string(),
  questionId: z.string(),
  status: z.enum(['open', 'ended', 'expired']),
  turn: z.enum(['interviewer', 'candidate']),
  exchanges: z.array(z.object({ by: z.enum(['interviewer', 'candidate']), followUpId: z.string().optional(), chars: z.number(), at: z.number() })),
  usedFollowUps: z.array(z.string()),
  autoVerdicts: z.record(z.string(), verdict),
  autoScore: z.number(),
  startedAt: z.number(),
  lastActivityAt: z.number(),
  nudgedFor: z.number().optional(),
  expiresAt: z.number(),
  endReason: z.enum(['ended-early', 'scorecard', 'expired', 'candidate-left']).optional(),
  endedBy: z.string().optional(),
  scorecard: z
    .object({
      points: z.record(z.string(), verdict),
      overall: z.enum(['strong-no', 'no', 'yes', 'strong-yes']),
      level: z.enum(['senior', 'staff', 'principal']),
      notes: z.string(),
      autoScore: z.number(),
      at: z.number(),
    })
    .optional(),
  ratings: z.record(z.string(), z.number()),
  swappedTo: z.string().optional(),
  draft: z.record(z.string(), z.string()).optional(),
});

export class PeerSessionStore {
  private readonly hash: VersionedHash<PeerSession>;

  constructor(
    redis: RedisConnection,
    private readonly prefix: string,
    /** How long a session is kept after its last change: its expiry plus time to rate it. */
    readonly ttlMs: number,
  ) {
    this.hash = new VersionedHash(redis, (raw) => peerSessionSchema.parse(raw) as PeerSession);
  }

  key(threadId: string): string {
    // The workspace as hash tag, like the outbox plans committed with it (see StoreKeys).
    return `${this.prefix}:peer:session:{${workspaceOfThread(threadId)}}:${threadId}`;
  }

  async get(threadId: string): Promise<VersionedPeerSession | undefined> {
    return this.hash.get(this.key(threadId));
  }

  async createIfAbsent(threadId: string, state: PeerSession): Promise<boolean> {
    return this.hash.createIfAbsent(this.key(threadId), state, this.ttlMs);
  }

  async commit(threadId: string, expectedVersion: number, state: PeerSession | undefined, plan: SideWrite): Promise<CommitResult> {
    return this.hash.commit(this.key(threadId), expectedVersion, state, this.ttlMs, plan);
  }
}
