import { DelayedError, type Job } from 'bullmq';
import { decodeThreadId, type Platform } from '../src/core/thread-id.ts';
import type { RedisConnection } from '../src/infra/redis.ts';
import type { InteractionJob } from '../src/queue/jobs.ts';
import { DEFAULT_POST_PACES, PostPacer, type PaceBooking, type PostPaces } from '../src/store/post-pacer.ts';

/**
 * Per-workspace and per-channel pacing for the interactions worker (PostPacer), in place of
 * one global limiter for every workspace together.
 *
 * A job's booking is made by its claim script (see DedupeStore.claimAndLoad); what to do
 * with the wait is decided here. A wait of a few ms is slept in place; a longer one sends
 * the job back to BullMQ's delayed set until its slot, so the worker slot goes to another
 * workspace's job meanwhile and nobody waits behind a busy workspace. A delayed job keeps
 * its claim, so its re-run is recognised and not booked again.
 *
 * A 429 pushes that workspace's (and channel's) slots past Retry-After and delays the job,
 * without spending an attempt; other workspaces carry on.
 */
export type InteractionPaces = Partial<Record<Platform, PostPaces>>;

/** Waits up to this long are slept in place: cheaper than a trip through the delayed set. */
export const INLINE_WAIT_MS = 5;

export class InteractionPacing {
  private readonly pacer: PostPacer;

  constructor(connection: RedisConnection, storePrefix: string, paces: InteractionPaces = DEFAULT_POST_PACES) {
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

  /** Resolves when the job may post now; throws DelayedError once the job is moved to its slot. */
  async awaitSlot(job: Job, token: string | undefined, waitMs: number): Promise<void> {
    if (waitMs <= 0) return;
    if (waitMs <= INLINE_WAIT_MS) {
      await new Promise((resolve) => setTimeout(resolve, waitMs));
      return;
    }
    await deferJob(job, token, waitMs);
  }

  /** After a 429: slows this workspace and channel down, and delays the job past Retry-After. */
  async rateLimited(job: Job, token: string | undefined, data: InteractionJob, retryAfterMs: number): Promise<never> {
    const booking = this.bookingFor(data);
    if (booking) await this.pacer.penalize(booking, retryAfterMs);
    return deferJob(job, token, retryAfterMs);
  }
}

/** Back to the delayed set until `waitMs` from now; no attempt is spent. */
async function deferJob(job: Job, token: string | undefined, waitMs: number): Promise<never> {
  await job.moveToDelayed(Date.now() + Math.max(1, Math.ceil(waitMs)), token);
  throw new DelayedError();
}
