import { DelayedError, UnrecoverableError, Worker, type Job, type JobsOptions, type Queue } from 'bullmq';
import { syncDailySchedules, type BootReport } from '../src/app/daily/boot.ts';
import { parseChannelKey } from '../src/app/daily/channel-key.ts';
import type { DailyDeps } from '../src/app/daily/deps.ts';
import { releaseFailedRun, runDailyPost, type DailyPostOutcome } from '../src/app/daily/post.ts';
import { runDailyReveal, type DailyRevealOutcome } from '../src/app/daily/reveal.ts';
import type { DailyServices } from '../src/app/daily/scheduling.ts';
import type { InteractionDeps } from '../src/app/interactions/context.ts';
import { freshProgress, senderFor, type ChatSender } from '../src/app/ports.ts';
import type { Platform } from '../src/core/thread-id.ts';
import { AppError, isUserError, PermanentDeliveryError, RateLimitError } from '../src/core/errors.ts';
import { lockOptions, openWorkerResources, type BaseWorkerDeps } from './worker-resources.ts';
import { isRedisConnectionError } from '../src/infra/redis-errors.ts';
import { instrumentWorker } from './job-metrics.ts';
import { logger as rootLogger, type Logger, withLogContext } from '../src/infra/logger.ts';
import { dailyJobSchema, type DailyJob } from '../src/queue/daily-jobs.ts';
import { createDailyScheduling, DAILY_JOB_OPTIONS } from '../src/queue/daily-scheduling.ts';
import { DAILY_QUEUE, QUEUE_PREFIX } from '../src/queue/names.ts';
import { DEFAULT_WORKSPACE_PACE, WorkspacePacer, type Pace, type Stores } from '../src/store/index.ts';

/**
 * The daily worker: channel job schedulers → `daily-post` jobs → one question per channel
 * and local day; `daily-reveal` jobs → the key points in the thread.
 *
 * Pacing is per workspace, not per queue: a morning fans out to every channel at once, and
 * Slack limits chat.postMessage per workspace (several hundred a minute) and per channel
 * (about one a second). Each job books its workspace's next posting slot (WorkspacePacer,
 * shared by all worker processes through Redis) and waits for it, delayed in BullMQ when
 * the wait is long, so one busy workspace never holds up the others. A 429 pushes that
 * workspace's slots past Retry-After and delays the job, without spending an attempt and
 * without pausing the queue for everyone else (unlike the interactions worker, whose jobs
 * are people waiting for a reply).
 *
 * Failures: permanent ones (not_in_channel, archived) stop the job and are logged with the
 * fix; a user-facing one (no questions left on the channel's topics) likewise; a `daily now`
 * requester is told by DM. Anything else retries with backoff.
 */
/** Concurrency defaults to 16: jobs mostly wait on Slack and Redis. */
export interface DailyWorkerDeps extends BaseWorkerDeps {
  /** Per-workspace posting pace. Default DEFAULT_WORKSPACE_PACE (4/s, burst 10). */
  pace?: Pace;
  /** The installer's zone (OBS_DEFAULT_TIMEZONE). Default UTC. */
  defaultTimezone?: string;
  /** Options for the jobs this worker adds (schedulers' template, one-off runs, reveals). */
  jobOptions?: JobsOptions;
}

export interface RunningDailyWorker {
  worker: Worker;
  queue: Queue;
  stores: Stores;
  /** For the `daily …` commands in the interactions worker. */
  services: DailyServices;
  deps: DailyDeps;
  /** Upserts every stored schedule again and recovers today's runs; call at every boot. */
  boot(): Promise<BootReport>;
  close(): Promise<void>;
}

export type DailyJobResult = DailyPostOutcome | DailyRevealOutcome;

/** For deps that must never post (boot): a routed worker has no single sender to give them. */
function unroutedSender(): ChatSender {
  const refuse = async (): Promise<never> => {
    throw new AppError('sender_not_routed', 'this daily step has no platform, so it cannot post');
  };
  return { postMessage: refuse, postEphemeral: refuse, respond: refuse, sendDirect: refuse, addReaction: refuse };
}

/** Waits shorter than this are slept in place; longer ones go back to BullMQ as a delay. */
const INLINE_WAIT_MS = 250;

export function startDailyWorker(deps: DailyWorkerDeps): RunningDailyWorker {
  const log = deps.logger ?? rootLogger.child({ component: 'daily-worker' });
  const prefix = deps.prefix ?? QUEUE_PREFIX;
  const queueName = deps.queueName ?? DAILY_QUEUE;
  const now = deps.now ?? Date.now;
  const { redisUrl, connection: given, storePrefix, sessionTtlMs, answerRetentionMs } = deps;
  const resources = openWorkerResources({ redisUrl, connection: given, storePrefix, sessionTtlMs, answerRetentionMs, prefix, queueName, log, ...(deps.redisErrors ? { redisErrors: deps.redisErrors } : {}) });
  const { connection, storeConnection, stores, queue } = resources;
  const pacer = new WorkspacePacer(storeConnection, stores.daily.keys, deps.pace ?? DEFAULT_WORKSPACE_PACE);
  const scheduling = createDailyScheduling(queue, deps.jobOptions ?? DAILY_JOB_OPTIONS);
  const defaultTimezone = deps.defaultTimezone ?? 'UTC';

  // Daily jobs for every platform share this worker: each gets the sender of its channel's platform.
  const interactionFor = (platform: Platform | undefined): InteractionDeps => ({
    sender: platform ? senderFor(deps.sender, platform) : 'senderFor' in deps.sender ? unroutedSender() : deps.sender,
    stores,
    bank: deps.bank,
    // Daily jobs post questions and reveals; they never score or pace a session.
    resolveScorer: async () => {
      throw new Error('daily jobs do not score answers');
    },
    scheduleTick: async ({ threadId }) => log.warn('a daily plan asked for a pacing tick; ignored', { threadId }),
    now,
    logger: log,
  });
  const dailyDepsFor = (platform: Platform | undefined): DailyDeps => ({ interaction: interactionFor(platform), scheduling, defaultTimezone });

  /** Best effort: the person who typed `daily now` hears why nothing was posted. */
  const tellRequester = async (data: DailyJob, text: string, jobLog: Logger): Promise<void> => {
    if (data.kind !== 'daily-post' || !data.manual) return;
    const { workspaceId } = parseChannelKey(data.channelKey);
    try {
      await senderFor(deps.sender, parseChannelKey(data.channelKey).platform).sendDirect(workspaceId, data.manual.requestedBy, { parts: [{ type: 'text', text }] }, freshProgress(`daily-now-failure:${data.channelKey}:${data.manual.localDate}`));
    } catch (error) {
      jobLog.warn('could not tell the requester why `daily now` failed', { error });
    }
  };

  const delay = async (job: Job, data: DailyJob, ms: number, token: string | undefined): Promise<never> => {
    if (!data.paced) await job.updateData({ ...data, paced: true });
    await job.moveToDelayed(Date.now() + ms, token);
    throw new DelayedError();
  };

  const processJob = async (job: Job, token?: string): Promise<DailyJobResult> => {
    const parsed = dailyJobSchema.safeParse(job.data);
    if (!parsed.success) {
      log.error('invalid daily job payload; dropping it without retry', { jobId: job.id, name: job.name, issues: parsed.error.issues.slice(0, 5).map((issue) => `${issue.path.join('.')}: ${issue.message}`) });
      throw new UnrecoverableError('invalid daily job payload');
    }
    const data = parsed.data;
    const jobId = job.id ?? `${data.kind}:${data.channelKey}`;
    // jobId comes from the log context the processor runs in (see new Worker below).
    const jobLog = log.child({ kind: data.kind, channelKey: data.channelKey, attempt: job.attemptsMade + 1 });
    let workspaceId: string;
    try {
      workspaceId = parseChannelKey(data.channelKey).workspaceId;
    } catch (error) {
      jobLog.error('daily job names a malformed channel; dropping it', { error });
      throw new UnrecoverableError('malformed channel key');
    }

    if (!data.paced) {
      const wait = await pacer.reserve(workspaceId);
      if (wait > INLINE_WAIT_MS) return delay(job, data, wait, token);
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    }

    const dailyDeps = dailyDepsFor(parseChannelKey(data.channelKey).platform);
    try {
      const result = data.kind === 'daily-post' ? await runDailyPost({ jobId, job: data, ...(job.opts.prevMillis ? { prevMillis: job.opts.prevMillis } : {}) }, dailyDeps) : await runDailyReveal({ jobId, job: data }, dailyDeps);
      jobLog.debug('daily job done', { outcome: result.outcome });
      return result;
    } catch (error) {
      if (error instanceof RateLimitError) {
        jobLog.warn('rate limited by the platform; slowing this workspace down', { retryAfterMs: error.retryAfterMs, team: workspaceId });
        await pacer.penalize(workspaceId, error.retryAfterMs);
        return delay(job, data, error.retryAfterMs, token);
      }
      if (error instanceof PermanentDeliveryError) {
        jobLog.error('daily post refused by the platform; not retrying', { code: error.code, fix: error.userHint, error });
        await tellRequester(data, error.userHint ? `⚠️ I couldn’t post today’s question. ${error.userHint}` : `⚠️ Slack refused today’s question (\`${error.code}\`).`, jobLog);
        throw new UnrecoverableError(`permanent delivery failure: ${error.code}`);
      }
      if (isUserError(error)) {
        jobLog.error('daily question cannot be posted', { code: error.code, detail: error.message });
        await tellRequester(data, error.message, jobLog);
        throw new UnrecoverableError(error.code);
      }
      const final = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
      if (!final) {
        jobLog.warn('daily job failed; will retry with backoff', { error });
        throw error;
      }
      jobLog.error('daily job failed on its last attempt', { error });
      if (data.kind === 'daily-post') {
        await releaseFailedRun({ jobId, job: data, ...(job.opts.prevMillis ? { prevMillis: job.opts.prevMillis } : {}) }, dailyDeps).catch((releaseError: unknown) =>
          jobLog.warn('could not release the day’s claim', { error: releaseError }),
        );
        await tellRequester(data, 'Something went wrong on my side, so today’s question was not posted. Please try `daily now` again in a few minutes.', jobLog);
      }
      throw error;
    }
  };

  // Every line written during a job, by any logger (sender, stores), carries its id.
  const worker = new Worker(queueName, (job: Job, token?: string) => withLogContext({ jobId: job.id }, () => processJob(job, token)), {
    connection,
    prefix,
    concurrency: deps.concurrency ?? 16,
    ...lockOptions(deps.lock),
    removeOnComplete: { age: 2 * 86_400, count: 50_000 },
    removeOnFail: { age: 7 * 86_400 },
  });
  worker.on('error', (error: Error) => {
    if (isRedisConnectionError(error)) resources.redisErrors.error(`worker ${queueName}`, error);
    else log.error('daily worker error', { error });
  });
  instrumentWorker(worker, queueName);
  worker.on('stalled', (jobId) => log.warn('daily job stalled; it will be re-run and resume its stored plan', { jobId }));

  let closing: Promise<void> | undefined;
  return {
    worker,
    queue,
    stores,
    services: { scheduling, defaultTimezone },
    // Boot only reads stores and schedules jobs; it posts nothing, so it needs no platform.
    deps: dailyDepsFor(undefined),
    boot: () => syncDailySchedules(dailyDepsFor(undefined)),
    close() {
      closing ??= (async () => {
        await worker.close();
        await resources.close();
        log.info('daily worker stopped');
      })();
      return closing;
    },
  };
}
