import type { JobType, Queue } from 'bullmq';
import type { ErasedJobs, QueuedJobsEraser } from '../app/ports.ts';
import { parseObsCommand } from '../core/commands/grammar.ts';
import type { Platform } from '../core/thread-id.ts';

/**
 * `forget-me` on the queues: the person's jobs BullMQ still holds, found through BullMQ's
 * own API (Queue.getRanges for a page of ids at a time, Queue.getJob for each job's data,
 * Queue.remove), never through its key layout.
 *
 * Which jobs are a person's is decided per queue from the job data (the schemas in jobs.ts
 * and daily-jobs.ts). The pair queue is not walked: its jobs name a channel only.
 */

/** Whether a job's data carries this person's event on this platform. */
export type JobOwnerTest = (data: unknown, platform: Platform, userId: string) => boolean;

export interface UserJobQueue {
  queue: Queue;
  belongsTo: JobOwnerTest;
}

/**
 * The states no worker holds. An active job is locked by the worker running it (BullMQ
 * refuses to remove it, and the worker would write its result back); it finishes in
 * seconds and then sits in completed or failed, where forget-me's second pass finds it
 * (forget-me waits for it through runningJobsOf).
 */
const ERASABLE_STATES: readonly JobType[] = ['failed', 'waiting', 'delayed', 'prioritized', 'completed'];

/** Job ids read per page (getRanges): a failed set of thousands never sits in memory at once. */
const DEFAULT_PAGE_SIZE = 100;

function fieldsOf(data: unknown): Record<string, unknown> | undefined {
  return typeof data === 'object' && data !== null ? (data as Record<string, unknown>) : undefined;
}

/**
 * Interaction jobs name their platform and person (commands, answers, presses); a tick
 * names only a thread. A forget-me request itself is left alone: it holds nothing but the
 * request, and removing a finished one would make every later confirm find "something"
 * to delete (the earlier request) instead of saying truthfully that nothing was left.
 */
export const interactionJobOf: JobOwnerTest = (data, platform, userId) => {
  const job = fieldsOf(data);
  if (!job || job.platform !== platform || job.userId !== userId) return false;
  return !(job.kind === 'command' && typeof job.text === 'string' && parseObsCommand(job.text).kind === 'forget-me');
};

/** Daily jobs belong to a channel (`slack:T1:C1`); only a `daily now` run names a person, who asked for it. */
export const dailyJobOf: JobOwnerTest = (data, platform, userId) => {
  const job = fieldsOf(data);
  return typeof job?.channelKey === 'string' && job.channelKey.startsWith(`${platform}:`) && fieldsOf(job.manual)?.requestedBy === userId;
};

/**
 * The person's jobs in one state (id → data), newest first. Newest first because that is
 * the end that stays put: new jobs arrive at the front (which only makes a later page
 * repeat a job, harmless in a set) while workers and the age limits take jobs from the
 * oldest end, so no job slides back past a page already read. Nothing is removed during
 * the walk, for the same reason. The walk ends on an empty range of ids (getRanges), not on
 * a short page of jobs: a job removed between the two reads leaves a gap, not the end.
 */
async function jobsIn(queue: Queue, state: JobType, belongsTo: (data: unknown) => boolean, pageSize: number, into: Map<string, unknown>): Promise<void> {
  for (let start = 0; ; start += pageSize) {
    const ids = await queue.getRanges([state], start, start + pageSize - 1, false);
    if (ids.length === 0) return;
    const jobs = await Promise.all(ids.map((id) => queue.getJob(id)));
    for (const job of jobs) if (job?.id !== undefined && belongsTo(job.data)) into.set(job.id, job.data);
  }
}

/** An answer job's text (the interactions queue's `answer` kind), for the LLM score cache. */
function answerTextOf(data: unknown): string | undefined {
  const job = fieldsOf(data);
  return job?.kind === 'answer' && typeof job.text === 'string' ? job.text : undefined;
}

export function createQueuedJobsEraser(queues: readonly UserJobQueue[], pageSize: number = DEFAULT_PAGE_SIZE): QueuedJobsEraser {
  return {
    async eraseJobsOf(platform, userId) {
      const erased: ErasedJobs = { ids: [], answers: [] };
      for (const { queue, belongsTo } of queues) {
        const jobs = new Map<string, unknown>();
        for (const state of ERASABLE_STATES) await jobsIn(queue, state, (data) => belongsTo(data, platform, userId), pageSize, jobs);
        for (const [id, data] of jobs) {
          const answer = answerTextOf(data);
          // 0 when a worker took the job meanwhile (it is locked): that one finishes first.
          if ((await queue.remove(id)) === 0) continue;
          erased.ids.push(`${queue.name}:${id}`);
          if (answer !== undefined) erased.answers.push(answer);
        }
      }
      return erased;
    },
    async runningJobsOf(platform, userId) {
      let running = 0;
      for (const { queue, belongsTo } of queues) {
        const jobs = new Map<string, unknown>();
        await jobsIn(queue, 'active', (data) => belongsTo(data, platform, userId), pageSize, jobs);
        running += jobs.size;
      }
      return running;
    },
  };
}
