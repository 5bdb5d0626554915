import type { RedisConnection } from '../infra/redis.ts';
import { DAY_MS, type StoreKeys } from './keys.ts';
import type { OrderWrite } from './versioned-hash.ts';

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
 * progress hash holds `#done` (or it expired). The list expires with the plans.
 */
export const DONE_FIELD = '#done';

export class ThreadOrder {
  constructor(
    private readonly redis: RedisConnection,
    private readonly keys: StoreKeys,
    private readonly ttlMs: number = 2 * DAY_MS,
  ) {}

  /** What a commit writes so the plan joins the thread's list. */
  joinWrite(threadId: string, workspaceId: string, eventKey: string): OrderWrite {
    return { listKey: this.keys.threadOrder(threadId), member: this.keys.outbox(workspaceId, eventKey) };
  }

  /** The plan that may post now: the oldest not yet gone from the list. */
  async head(threadId: string): Promise<string | undefined> {
    return (await this.redis.lindex(this.keys.threadOrder(threadId), 0)) ?? undefined;
  }

  /** True when that plan finished (or was given up on), or expired. */
  async isDone(outboxKey: string): Promise<boolean> {
    const [done, exists] = await Promise.all([this.redis.hexists(`${outboxKey}:progress`, DONE_FIELD), this.redis.exists(outboxKey)]);
    return done === 1 || exists === 0;
  }

  /** Marks a plan done (`finished`, or `abandoned` by a job that will not run again) and takes it off the list. */
  async finish(threadId: string | undefined, workspaceId: string, eventKey: string, how: 'finished' | 'abandoned'): Promise<void> {
    const progress = this.keys.outboxProgress(workspaceId, eventKey);
    const write = this.redis.multi().hset(progress, DONE_FIELD, how).pexpire(progress, this.ttlMs);
    if (threadId) write.lrem(this.keys.threadOrder(threadId), 1, this.keys.outbox(workspaceId, eventKey));
    await write.exec();
  }

  /** Takes a plan that is done off the list (a waiter clearing the way). */
  async drop(threadId: string, outboxKey: string): Promise<void> {
    await this.redis.lrem(this.keys.threadOrder(threadId), 1, outboxKey);
  }
}
