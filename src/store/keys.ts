/**
 * Every Redis key the worker's stores use, in one place, under one configurable prefix, so
 * tests can run side by side on one server and an operator can see what lives where.
 * Thread ids already carry the platform and workspace (`slack:T1:C1:1712.0001`); event keys
 * are namespaced by workspace because Slack event ids are only unique per workspace.
 *
 * Redis Cluster: a session and the outbox plans of its events are written by one script
 * (VersionedHash.commit), so both carry the workspace as a hash tag (`{T1}`) and land in one
 * slot. The thread id starts `platform:workspace:`, and a job's workspace is its thread's.
 */
export function workspaceOfThread(threadId: string): string {
  return threadId.split(':')[1] || threadId;
}

export class StoreKeys {
  constructor(readonly prefix: string) {}

  session(threadId: string): string {
    return `${this.prefix}:session:{${workspaceOfThread(threadId)}}:${threadId}`;
  }

  /** SCAN MATCH pattern for every session key. */
  sessionPattern(): string {
    return `${this.prefix}:session:*`;
  }

  /** Same `{workspace}` tag as the outbox: DedupeStore.claimAndLoad reads both in one script. */
  dedupe(workspaceId: string, eventKey: string): string {
    return `${this.prefix}:dedupe:{${workspaceId}}:${eventKey}`;
  }

  outbox(workspaceId: string, eventKey: string): string {
    return `${this.prefix}:outbox:{${workspaceId}}:${eventKey}`;
  }

  outboxProgress(workspaceId: string, eventKey: string): string {
    return `${this.outbox(workspaceId, eventKey)}:progress`;
  }

  /** The plans with public posts in a session's thread, in commit order (thread-order.ts). */
  threadOrder(threadId: string): string {
    return `${this.session(threadId)}:order`;
  }

  /** A user's history; the four keys share a hash tag so a cluster keeps them together. */
  history(workspaceId: string, userId: string, part: 'answers' | 'sessions' | 'days' | 'totals'): string {
    return `${this.prefix}:history:{${workspaceId}:${userId}}:${part}`;
  }

  /** A user's self-assessments after reveals, beside their history (same hash tag). */
  selfAssessment(workspaceId: string, userId: string): string {
    return `${this.prefix}:history:{${workspaceId}:${userId}}:self`;
  }
}

export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;
