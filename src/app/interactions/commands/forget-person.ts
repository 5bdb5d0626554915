import { textToScore } from '../../../core/interview/judge.ts';
import { answerHash } from '../../../core/scoring/answer-hash.ts';
import type { Platform } from '../../../core/thread-id.ts';
import type { Logger } from '../../../infra/logger.ts';
import { ForgottenRecords, type CachedAnswerRefs, type ForgetCounts } from '../../../store/index.ts';
import type { InteractionDeps } from '../context.ts';

/** What forget-me removed: the stores' records, the jobs the queues still held, and cached LLM verdicts on their answers. */
export type DeletedCounts = ForgetCounts & { jobs: number; verdicts: number };

export interface Forgotten {
  counts: DeletedCounts;
  /** The person's jobs a worker was still running when forget-me finished: what they write is not deleted. */
  stillRunning: number;
}

const DEFAULT_WAIT = { pollMs: 250, timeoutMs: 30_000 };

/** Everything removed over the passes, record by record, so a record written back and removed again counts once. */
class Tally {
  readonly records = new ForgottenRecords();
  readonly jobs = new Set<string>();
  readonly verdicts = new Set<string>();

  counts(): DeletedCounts {
    return { ...this.records.counts(), jobs: this.jobs.size, verdicts: this.verdicts.size };
  }
}

type ForgetDeps = Pick<InteractionDeps, 'stores' | 'queuedJobs' | 'scoreCache' | 'forgetMeWait'>;

async function onePass(deps: ForgetDeps, platform: Platform, userId: string, tally: Tally): Promise<void> {
  // The queues go first: a waiting answer removed then cannot run and write history after the stores were cleared.
  const erased = (await deps.queuedJobs?.eraseJobsOf(platform, userId)) ?? { ids: [], answers: [] };
  for (const id of erased.ids) tally.jobs.add(id);
  const { scoreCache } = deps;
  await deps.stores.users.forget(platform, userId, {
    into: tally.records,
    // Before the stores delete anything (the cache's keys hash the answers' text, which the
    // sessions hold): should this job stop here, its re-run still finds the answers.
    ...(scoreCache
      ? {
          beforeDeleting: async (answers: CachedAnswerRefs) => {
            // Hashed as the cache did: of the text the answer handler gave the scorer (textToScore).
            const hashes = new Set([...[...answers.texts, ...erased.answers].map((text) => answerHash(textToScore(text))), ...answers.hashes]);
            for (const key of await scoreCache.eraseVerdictsFor([...hashes])) tally.verdicts.add(key);
          },
        }
      : {}),
  });
}

/** Waits, bounded, until none of the person's jobs is running; returns how many still are. */
async function settle(deps: ForgetDeps, platform: Platform, userId: string, running: number): Promise<number> {
  const queued = deps.queuedJobs;
  const { pollMs, timeoutMs } = deps.forgetMeWait ?? DEFAULT_WAIT;
  // Counted in polls, not by the clock: deps.now may be a test's fixed clock.
  for (let waited = 0; running > 0 && queued && waited < timeoutMs; waited += pollMs) {
    await new Promise((resolve) => setTimeout(resolve, pollMs));
    running = await queued.runningJobsOf(platform, userId);
  }
  return running;
}

/**
 * Deletes everything of the person's on this platform: their jobs on the queues, cached
 * LLM verdicts on their answers, and the stores' records. A job of theirs a worker is
 * running cannot be removed (it is locked) and would write its session, history and plan
 * back once done, so when one is running the deletion waits for it (bounded by
 * forgetMeWait) and runs a second time. `stillRunning` says what was still running after
 * the second pass, for the reply to say so.
 */
export async function forgetPerson(deps: ForgetDeps, platform: Platform, userId: string, log: Logger): Promise<Forgotten> {
  const tally = new Tally();
  await onePass(deps, platform, userId, tally);
  const running = (await deps.queuedJobs?.runningJobsOf(platform, userId)) ?? 0;
  if (running === 0) return { counts: tally.counts(), stillRunning: 0 };
  log.info('forget-me: waiting for the person’s running jobs before a second pass', { running });
  const unsettled = await settle(deps, platform, userId, running);
  if (unsettled > 0) log.warn('forget-me: the person’s jobs were still running when the wait ended', { running: unsettled });
  // Also after a wait that ran out: whatever did settle goes.
  await onePass(deps, platform, userId, tally);
  // Counted again after the pass: a retry, or a new message of theirs, may have started meanwhile.
  const stillRunning = (await deps.queuedJobs?.runningJobsOf(platform, userId)) ?? 0;
  return { counts: tally.counts(), stillRunning };
}
