import { WaitingError, type Job, type Worker } from 'bullmq';

/**
 * A draining worker must not start new work, but BullMQ can still hand it one job: a
 * blocking fetch that was already waiting when `close()` began wakes up for a newly added
 * job and moves it to active without looking at `closing`. Such a job goes back to wait,
 * with no attempt spent, for the next worker to take.
 */
export async function releaseIfClosing(worker: Worker | undefined, job: Job, token: string | undefined): Promise<void> {
  if (!worker?.closing) return;
  await job.moveToWait(token);
  throw new WaitingError();
}
