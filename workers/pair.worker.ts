import { isRedisConnectionError } from '../src/infra/redis-errors.ts';
import { Worker, type Job } from 'bullmq';
import { z } from 'zod';
import type { PoolServices } from '../src/app/peer/pool-services.ts';
import { runPairRound } from '../src/app/peer/pair-round.ts';
import { cronPatternOf, type PoolSchedule } from '../src/core/peer/pool.ts';
import { logger as rootLogger, withLogContext } from '../src/infra/logger.ts';
import { PAIR_QUEUE, QUEUE_PREFIX, storePrefixOf } from '../src/queue/names.ts';
import { DEFAULT_JOB_OPTIONS } from '../src/queue/producers.ts';
import { PeerPoolStore } from '../src/store/peer-pool-store.ts';
import { lockOptions, openWorkerResources, type BaseWorkerDeps } from './worker-resources.ts';

/**
 * The pairing worker: one BullMQ job scheduler per channel (its weekday, time and zone),
 * each run pairing that channel's pool (src/app/peer/pair-round.ts). A re-run of a round
 * reads back its stored decision and sends only the DMs not yet sent.
 */
export const PAIR_ROUND_JOB = 'pair-round';
const pairRoundJobSchema = z.object({ channelKey: z.string().min(1) });

export interface PairWorkerDeps extends BaseWorkerDeps {
  defaultTimezone: string;
}

export interface RunningPairWorker {
  worker: Worker;
  pool: PoolServices;
  close(): Promise<void>;
}

const schedulerIdOf = (channelKey: string): string => `pair-${channelKey.replaceAll(':', '~')}`;

export function startPairWorker(deps: PairWorkerDeps): RunningPairWorker {
  const log = deps.logger ?? rootLogger.child({ component: 'pair-worker' });
  const prefix = deps.prefix ?? QUEUE_PREFIX;
  const queueName = deps.queueName ?? PAIR_QUEUE;
  const now = deps.now ?? Date.now;
  // The process's one Redis reporter, so an outage is logged once for every worker together.
  const resources = openWorkerResources({ redisUrl: deps.redisUrl, connection: deps.connection, storePrefix: deps.storePrefix, prefix, queueName, log, ...(deps.redisErrors ? { redisErrors: deps.redisErrors } : {}) });
  const store = new PeerPoolStore(resources.storeConnection, deps.storePrefix ?? storePrefixOf(prefix));
  const { queue } = resources;
  const pool: PoolServices = {
    store,
    defaultTimezone: deps.defaultTimezone,
    async schedule(channelKey: string, schedule: PoolSchedule) {
      await queue.upsertJobScheduler(schedulerIdOf(channelKey), { pattern: cronPatternOf(schedule), tz: schedule.timezone }, { name: PAIR_ROUND_JOB, data: { channelKey }, opts: DEFAULT_JOB_OPTIONS });
    },
    async nextRun(channelKey: string) {
      return (await queue.getJobScheduler(schedulerIdOf(channelKey)))?.next ?? undefined;
    },
  };
  const worker = new Worker(
    queueName,
    // Every line written during a job, by any logger, carries its id.
    async (job: Job) => withLogContext({ jobId: job.id }, async () => {
      const parsed = pairRoundJobSchema.safeParse(job.data);
      if (!parsed.success) {
        log.error('invalid pair job; dropped', { jobId: job.id });
        return { outcome: 'invalid' };
      }
      const result = await runPairRound(parsed.data.channelKey, { store, sender: deps.sender, now, logger: log });
      log.info('pairing round', { channelKey: parsed.data.channelKey, ...result });
      return result;
    }),
    { connection: resources.connection, prefix, concurrency: deps.concurrency ?? 2, ...lockOptions(deps.lock) },
  );
  worker.on('error', (error: Error) => {
    if (isRedisConnectionError(error)) resources.redisErrors.error(`worker ${queueName}`, error);
    else log.warn('pair worker error', { error });
  });
  let closing: Promise<void> | undefined;
  return {
    worker,
    pool,
    close() {
      closing ??= (async () => {
        await worker.close();
        await resources.close();
      })();
      return closing;
    },
  };
}
