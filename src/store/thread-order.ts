import type { RedisConnection } from '../infra/redis.ts';
import { DAY_MS, type StoreKeys } from './keys.ts';
import { DONE_PLAN } from './outbox-store.ts';
import { RedisScript } from './scripts.ts';
import type { OrderWrite } from './versioned-hash.ts';
import type { WriteBatch } from './write-batch.ts';

/**
 * The order in which a session's plans may post in its thread.
 *
 * Two jobs for one thread commit in some order (the session's version), but each then
 * posts on its own; a post that meets a 500 or a 429 backs off, and the next job's post
 * would overtake it, so the thread would read out of order. Each plan with public posts in
 * the thread therefore joins a list when it commits (atomically, in the session's commit
 * script), waits until every plan before it is done, and leaves when it is done itself.
 *
 * Layout: `session:<thread>:order` is a list of outbox keys; a plan is done when its
 * progress hash holds `#done`, when the plan was replaced by the DONE_PLAN marker (a
 * finished plan, whose progress hash is deleted with it), or when it expired. The list
 * expires with the plans. The list and the outbox keys carry the same `{workspace}` hash
 * tag, so the checks and writes below stay in one cluster slot.
 */
export const DONE_FIELD = '#done';

/** KEYS: plan, progress. 1 when the plan is gone, is the DONE_PLAN marker, or has `#done`. */
const IS_DONE = new RedisScript(`
local plan = redis.call('GET', KEYS[1])
if not plan or plan == ARGV[1] then return 1 end
return redis.call('HEXISTS', KEYS[2], ARGV[2])
`, 2);

export class ThreadOrder {
  constructor(
    private readonly redis: RedisConnection,
    private readonly keys: StoreKeys,
    private readonly ttlMs: number = 2 * DAY_MS,
  ) {
    IS_DONE.prepare(redis);
  }

  /** What a commit writes so the plan joins the thread's list. */
  joinWrite(threadId: string, workspaceId: string, eventKey: string): OrderWrite {
    return { listKey: this.keys.threadOrder(threadId), member: this.keys.outbox(workspaceId, eventKey) };
  }

  /** The plan that may post now: the oldest not yet gone from the list. */
  async head(threadId: string): Promise<string | undefined> {
    return (await this.redis.lindex(this.keys.threadOrder(threadId), 0)) ?? undefined;
  }

  /** True when that plan finished (`#done`, or the DONE_PLAN marker), was given up on, or expired. */
  async isDone(outboxKey: string): Promise<boolean> {
    // Compared in Redis: a plan can be kilobytes, and a waiter polls this.
    return (await IS_DONE.run(this.redis, [outboxKey, `${outboxKey}:progress`], [DONE_PLAN, DONE_FIELD])) === 1;
  }

  /** Marks a plan done (`finished`, or `abandoned` by a job that will not run again) and takes it off the list. */
  async finish(threadId: string | undefined, workspaceId: string, eventKey: string, how: 'finished' | 'abandoned'): Promise<void> {
    const progress = this.keys.outboxProgress(workspaceId, eventKey);
    const write = this.redis.multi().hset(progress, DONE_FIELD, how).pexpire(progress, this.ttlMs);
    if (threadId) write.lrem(this.keys.threadOrder(threadId), 1, this.keys.outbox(workspaceId, eventKey));
    await write.exec();
  }

  /** `finish(threadId, …)` queued in a batch, so it lands with the plan's last records. */
  queueFinish(batch: WriteBatch, threadId: string, workspaceId: string, eventKey: string, how: 'finished' | 'abandoned'): void {
    const progress = this.keys.outboxProgress(workspaceId, eventKey);
    batch.call('HSET', [progress], DONE_FIELD, how).call('PEXPIRE', [progress], this.ttlMs);
    this.queueLeave(batch, threadId, workspaceId, eventKey);
  }

  /**
   * Only the list removal, queued in a batch: for a plan being replaced by DONE_PLAN in the
   * same batch, which already says it is done (a `#done` field would outlive the deleted
   * progress as a hash of its own).
   */
  queueLeave(batch: WriteBatch, threadId: string, workspaceId: string, eventKey: string): void {
    batch.call('LREM', [this.keys.threadOrder(threadId)], 1, this.keys.outbox(workspaceId, eventKey));
  }

  /** Takes a plan that is done off the list (a waiter clearing the way). */
  async drop(threadId: string, outboxKey: string): Promise<void> {
    await this.redis.lrem(this.keys.threadOrder(threadId), 1, outboxKey);
  }
}
