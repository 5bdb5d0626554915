import { DelayedError, type Job } from 'bullmq';
import { decodeThreadId, type Platform } from '../src/core/thread-id.ts';
import { metrics } from '../src/infra/metrics.ts';
import type { RedisConnection } from '../src/infra/redis.ts';
import type { InteractionJob } from '../src/queue/jobs.ts';
import { DEFAULT_POST_PACES, PostPacer, type PaceBooking, type PostPaces } from '../src/store/post-pacer.ts';

/**
 * Per-workspace and per-channel pacing for the interactions worker (PostPacer), in place of
 * one global limiter for every workspace together.
 *
 * A job's first run books its slot in its claim script (DedupeStore.claimAndLoad); what to
 * do with the wait is decided here. A wait of a few ms is slept in place; a longer one sends
 * the job back to BullMQ's delayed set until its slot (the slot's local time is kept in the
 * job's data as `pacedAt`), so the worker slot goes to another workspace's job meanwhile
 * and nobody waits behind a busy workspace.
 *
 * A slot only bounds the rate if the post goes out at it. A re-run that comes back within
 * LATE_MS of its slot posts on it; one that comes later (a busy queue kept it waiting, or it
 * is a retry after a failure or a stall) books a fresh slot, so late jobs never bunch up
 * past the pace. The abandoned slot is simply not used: under overload a workspace posts a
 * little below its pace, never above.
 *
 * A 429 pushes that workspace's (and channel's) slots past Retry-After and books the job's
 * next slot after it, without spending an attempt; other workspaces carry on.
 */
export type InteractionPaces = Partial<Record<Platform, PostPaces>>;

/** Waits up to this long are slept in place: cheaper than a trip through the delayed set. */
export const INLINE_WAIT_MS = 5;
/** A delayed job that comes back later than this after its slot books a new one. */
const LATE_MS = 200;

/** What the job's claim said: whether it was the first, and the wait its booking gave. */
interface ClaimedSlot {
  claim: 'first' | 'rerun';
  paceWaitMs: number;
}

export class InteractionPacing {
  private readonly pacer: PostPacer;

  constructor(
    connection: RedisConnection,
    storePrefix: string,
    paces: InteractionPaces = DEFAULT_POST_PACES,
    /** The queue's name, for the jobs counter (`outcome="paced"` / `"rate_limited"`). */
    private readonly queueName = 'interactions',
  ) {
    this.pacer = new PostPacer(connection, storePrefix, paces);
  }

  /**
   * The booking for a job: its workspace and the channel it posts in. None for a press
   * that opens a form: its trigger expires in 3 s, and views.open is not chat.postMessage.
   */
  bookingFor(data: InteractionJob): PaceBooking | undefined {
    if (data.kind === 'peer-action' && data.handle) return undefined;
    if (data.kind === 'tick') {
      const ref = decodeThreadId(data.threadId);
      return this.pacer.booking(ref.platform, ref.workspace, ref.channel);
    }
    return this.pacer.booking(data.platform, data.workspaceId, data.channelId);
  }

  /**
   * Resolves when the job may post now; otherwise moves it to its slot in the delayed set
   * and throws DelayedError (BullMQ then leaves it alone, no attempt spent).
   */
  async awaitSlot(job: Job, token: string | undefined, data: InteractionJob, start: ClaimedSlot): Promise<void> {
    let waitMs = start.paceWaitMs;
    if (start.claim === 'rerun') {
      const booking = this.bookingFor(data);
      if (!booking) return;
      const pacedAt = (job.data as { pacedAt?: unknown }).pacedAt;
      if (typeof pacedAt === 'number' && Date.now() - pacedAt <= LATE_MS) return;
      waitMs = await this.pacer.reserve(booking);
    }
    await this.waitFor(job, token, waitMs);
  }

  /** After a 429: slows this workspace and channel down, and delays the job to its next slot past Retry-After. */
  async rateLimited(job: Job, token: string | undefined, data: InteractionJob, retryAfterMs: number): Promise<never> {
    const booking = this.bookingFor(data);
    const waitMs = booking ? await this.pacer.penalizeAndReserve(booking, retryAfterMs) : retryAfterMs;
    metrics.jobs.inc({ queue: this.queueName, outcome: 'rate_limited' });
    return deferJob(job, token, Math.max(1, waitMs));
  }

  private async waitFor(job: Job, token: string | undefined, waitMs: number): Promise<void> {
    if (waitMs <= 0) return;
    if (waitMs <= INLINE_WAIT_MS) {
      await new Promise((resolve) => setTimeout(resolve, waitMs));
      return;
    }
    metrics.jobs.inc({ queue: this.queueName, outcome: 'paced' });
    await deferJob(job, token, waitMs);
  }
}

/** Back to the delayed set until `waitMs` from now, remembering the slot; no attempt is spent. */
async function deferJob(job: Job, token: string | undefined, waitMs: number): Promise<never> {
  const pacedAt = Date.now() + Math.ceil(waitMs);
  await job.updateData({ ...(job.data as object), pacedAt });
  await job.moveToDelayed(pacedAt, token);
  throw new DelayedError();
}
