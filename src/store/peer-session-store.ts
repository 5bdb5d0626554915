import type { Redis } from 'ioredis';
import { z } from 'zod';
import type { PeerSession } from '../core/peer/session.ts';
import type { CommitResult, SideWrite } from './session-store.ts';

/**
 * Peer sessions, one Redis hash per thread (`state` JSON + `ver`), committed with the job's
 * outbox plan in one script exactly like interview sessions (see session-store.ts), so a
 * state change and the messages it implies are one atomic step. Kept apart from interview
 * sessions: a different shape, and a different lifetime (days, then a grace period for the
 * scorecard and ratings).
 */
export interface VersionedPeerSession {
  state: PeerSession;
  version: number;
}

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

const COMMIT = `
if redis.call('EXISTS', KEYS[2]) == 1 then return -1 end
if ARGV[2] ~= '' then
  local current = tonumber(redis.call('HGET', KEYS[1], 'ver') or '0')
  if current ~= tonumber(ARGV[1]) then return -2 end
  redis.call('HSET', KEYS[1], 'state', ARGV[2], 'ver', current + 1)
  redis.call('PEXPIRE', KEYS[1], ARGV[3])
end
redis.call('SET', KEYS[2], ARGV[4], 'PX', ARGV[5])
return 1
`;

const CREATE = `
if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
redis.call('HSET', KEYS[1], 'state', ARGV[1], 'ver', 1)
redis.call('PEXPIRE', KEYS[1], ARGV[2])
return 1
`;

export class PeerSessionStore {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    /** How long a session is kept after its last change: its expiry plus time to rate it. */
    readonly ttlMs: number,
  ) {}

  key(threadId: string): string {
    return `${this.prefix}:peer:session:${threadId}`;
  }

  async get(threadId: string): Promise<VersionedPeerSession | undefined> {
    const [state, ver] = await this.redis.hmget(this.key(threadId), 'state', 'ver');
    if (!state || !ver) return undefined;
    return { state: peerSessionSchema.parse(JSON.parse(state)) as PeerSession, version: Number(ver) };
  }

  async createIfAbsent(threadId: string, state: PeerSession): Promise<boolean> {
    return (await this.redis.eval(CREATE, 1, this.key(threadId), JSON.stringify(state), this.ttlMs)) === 1;
  }

  async commit(threadId: string, expectedVersion: number, state: PeerSession | undefined, plan: SideWrite): Promise<CommitResult> {
    const result = await this.redis.eval(COMMIT, 2, this.key(threadId), plan.key, expectedVersion, state === undefined ? '' : JSON.stringify(state), this.ttlMs, plan.value, plan.ttlMs);
    if (result === -1) return 'plan-exists';
    if (result === -2) return 'conflict';
    return 'committed';
  }
}
