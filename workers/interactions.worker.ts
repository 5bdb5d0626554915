import { UnrecoverableError, Worker, type Job, type JobsOptions, type Queue } from 'bullmq';
import { deliveryFailureText, GENERIC_FAILURE, handleInteraction, notifyUser, planAhead, workspaceOf, eventKeyOf, type Outcome, type ScorerResolver, type ScoringSettings } from '../src/app/interactions/index.ts';
import type { DailyServices } from '../src/app/daily/scheduling.ts';
import { senderFor } from '../src/app/ports.ts';
import { PermanentDeliveryError, RateLimitError } from '../src/core/errors.ts';
import type { IdlePolicy } from '../src/core/interview/pacing.ts';
import type { SessionMode } from '../src/core/interview/session-state.ts';
import { lockOptions, openWorkerResources, type BaseWorkerDeps } from './worker-resources.ts';
import { releaseIfClosing } from './release-if-closing.ts';
import { INLINE_WAIT_MS, InteractionPacing, type InteractionPaces } from './interaction-pacing.ts';
import { isRedisConnectionError } from '../src/infra/redis-errors.ts';
import { inJobSpan } from '../src/infra/tracing.ts';
import { instrumentWorker } from './job-metrics.ts';
import { logger as rootLogger, withLogContext } from '../src/infra/logger.ts';
import { interactionJobSchema, type InteractionJob, type TickJob } from '../src/queue/jobs.ts';
import { INTERACTIONS_QUEUE, QUEUE_PREFIX, storePrefixOf } from '../src/queue/names.ts';
import { DEFAULT_JOB_OPTIONS, jobIdFor } from '../src/queue/producers.ts';
import { createQueuedJobsEraser, interactionJobOf, type UserJobQueue } from '../src/queue/user-jobs.ts';
import { RedisScoreCacheEraser } from '../src/scoring/llm/cache-eraser.ts';
import type { Stores } from '../src/store/index.ts';
import type { RedisConnection } from '../src/infra/redis.ts';
import type { PeerPlatforms, PeerSettings } from '../src/app/peer/ports.ts';
import type { PeerServices } from '../src/app/peer/services.ts';
import type { PoolServices } from '../src/app/peer/pool-services.ts';
import { PeerPeopleStore } from '../src/store/peer-people-store.ts';
import { PeerSessionStore } from '../src/store/peer-session-store.ts';

/**
 * The interactions worker: queue → worker → core → sender → platform.
 *
 * Every job is validated (a malformed payload is a bug upstream: logged, never retried),
 * deduplicated by its platform event (a different job for the same event is dropped; a
 * re-run of the same job resumes its stored plan), then handled. Failures are sorted:
 * - RateLimitError (a 429): that workspace and channel are slowed past Retry-After and the
 *   job is delayed as long, without spending an attempt, so nothing is lost;
 * - PermanentDeliveryError (not_in_channel, …): no retry; the user is told how to fix it;
 * - anything else: retried with exponential backoff (the job's attempts/backoff); after the
 *   last attempt the user is told, generically, to try again.
 */
export interface InteractionsWorkerDeps extends BaseWorkerDeps {
  resolveScorer: ScorerResolver;
  /**
   * Posting pace per platform, per workspace and per channel, shared by every worker
   * (interaction-pacing.ts). Default DEFAULT_POST_PACES (Slack: 4/s per workspace, 1/s per channel).
   */
  pacing?: InteractionPaces;
  /** An optional global ceiling on job starts (BullMQ's limiter), off by default: pacing is per workspace. */
  limiter?: { max: number; duration: number };
  /** Options for the tick jobs this worker schedules (attempts, backoff). */
  tickJobOptions?: JobsOptions;
  maxFollowUps?: Partial<Record<SessionMode, number>>;
  random?: () => number;
  /** Users allowed to change settings besides workspace admins (OBS_ADMIN_USERS). */
  adminUserIds?: readonly string[];
  /** The scorer choice store, for `/obs-question scoring`. */
  scoring?: ScoringSettings;
  /** The daily worker's scheduling, for the `daily …` commands (see workers/daily.worker.ts). */
  daily?: DailyServices;
  /** A silent mock thread: one nudge after `nudgeAfterMs`, closed after `expireAfterMs` (default 24 h, 7 days). */
  mockIdle?: IdlePolicy;
  /** Peer mock interviews: each platform's directory and forms, and the nudge/expiry timings. */
  peer?: { platforms: PeerPlatforms; settings: PeerSettings; pool?: PoolServices };
  /** The other queues whose jobs may carry a person's event (daily), for `forget-me`; this worker's own queue is always searched. */
  userJobQueues?: readonly UserJobQueue[];
  /** How forget-me waits for the person's running jobs (default every 250 ms, at most 30 s); tests shorten it. */
  forgetMeWait?: { pollMs: number; timeoutMs: number };
}

export interface RunningInteractionsWorker {
  worker: Worker;
  /** The same queue, for scheduling ticks. */
  queue: Queue;
  stores: Stores;
  /** Stops taking jobs, lets active ones finish, closes connections. Safe to call twice. */
  close(): Promise<void>;
}

export interface JobResult {
  outcome: Outcome | 'duplicate';
}

/** Zod issues, by path and message only: a payload may hold an answer's text. */
function describeIssues(error: { issues: { path: PropertyKey[]; message: string }[] }): string[] {
  return error.issues.slice(0, 10).map((issue) => `${issue.path.map(String).join('.') || '(root)'}: ${issue.message}`);
}

/** Peer sessions live as long as they may still be rated: their lifetime plus a week. */
function peerServices(connection: RedisConnection, prefix: string, peer: NonNullable<InteractionsWorkerDeps['peer']>): PeerServices {
  return {
    sessions: new PeerSessionStore(connection, prefix, peer.settings.expiryMs + 7 * 86_400_000),
    people: new PeerPeopleStore(connection, prefix),
    platforms: peer.platforms,
    settings: peer.settings,
    ...(peer.pool ? { pool: peer.pool } : {}),
  };
}

/** The ids every log line about a job carries: its own, and its session's (the thread) when it has one. */
function logIdsOf(job: Job | undefined): { jobId?: string; sessionId?: string } {
  const threadId: unknown = (job?.data as { threadId?: unknown } | undefined)?.threadId;
  return { ...(job?.id ? { jobId: job.id } : {}), ...(typeof threadId === 'string' ? { sessionId: threadId } : {}) };
}

export function startInteractionsWorker(deps: InteractionsWorkerDeps): RunningInteractionsWorker {
  const log = deps.logger ?? rootLogger.child({ component: 'interactions-worker' });
  const prefix = deps.prefix ?? QUEUE_PREFIX;
  const queueName = deps.queueName ?? INTERACTIONS_QUEUE;
  const now = deps.now ?? Date.now;
  const { redisUrl, connection: given, storePrefix, sessionTtlMs, answerRetentionMs } = deps;
  const resources = openWorkerResources({ redisUrl, connection: given, storePrefix, sessionTtlMs, answerRetentionMs, prefix, queueName, log, ...(deps.redisErrors ? { redisErrors: deps.redisErrors } : {}) });
  const { connection, stores, queue } = resources;
  const pacing = new InteractionPacing(resources.storeConnection, storePrefix ?? storePrefixOf(prefix), deps.pacing, queueName);

  const tickOptions = deps.tickJobOptions ?? DEFAULT_JOB_OPTIONS;
  const scheduleTick = async ({ threadId, at }: { threadId: string; at: number }): Promise<void> => {
    const tick: TickJob = { kind: 'tick', threadId, dedupeKey: `${threadId}@${at}` };
    // The job id is deterministic, so scheduling the same tick twice (a re-run) adds it once.
    await queue.add('tick', tick, { ...tickOptions, jobId: jobIdFor(tick), delay: Math.max(0, at - now()) });
  };

  const handlerDeps = {
    stores,
    bank: deps.bank,
    resolveScorer: deps.resolveScorer,
    scheduleTick,
    now,
    logger: log,
    ...(deps.maxFollowUps ? { maxFollowUps: deps.maxFollowUps } : {}),
    ...(deps.random ? { random: deps.random } : {}),
    ...(deps.adminUserIds ? { adminUserIds: new Set(deps.adminUserIds) } : {}),
    ...(deps.daily ? { daily: deps.daily } : {}),
    ...(deps.scoring ? { scoring: deps.scoring } : {}),
    ...(deps.mockIdle ? { mockIdle: deps.mockIdle } : {}),
    ...(deps.peer ? { peer: peerServices(resources.storeConnection, deps.storePrefix ?? storePrefixOf(prefix), deps.peer) } : {}),
    queuedJobs: createQueuedJobsEraser([{ queue, belongsTo: interactionJobOf }, ...(deps.userJobQueues ?? [])]),
    // Keyed under the queue prefix, like the scorer's cache (createScoring); wired with or
    // without an LLM configured now: verdicts cached before stay until their TTL.
    scoreCache: new RedisScoreCacheEraser(resources.storeConnection, prefix),
    ...(deps.forgetMeWait ? { forgetMeWait: deps.forgetMeWait } : {}),
  };

  const processJob = async (job: Job, token?: string): Promise<JobResult> => {
    // Checked here first: the await (and its promise) is only paid by a draining worker.
    if (worker.closing) await releaseIfClosing(worker, job, token);
    const parsed = interactionJobSchema.safeParse(job.data);
    if (!parsed.success) {
      log.error('invalid job payload; dropping it without retry', { jobId: job.id, name: job.name, issues: describeIssues(parsed.error) });
      throw new UnrecoverableError('invalid job payload');
    }
    const data: InteractionJob = parsed.data;
    // Every line written while the job runs, by any logger (sender, scorer, stores), carries
    // the job id, and the session (its thread) when the job belongs to one.
    const ids = logIdsOf(job);
    // Continues the trace of the adapter that queued it (its context is in the job data).
    return withLogContext(ids, () =>
      inJobSpan(data.trace, `job ${data.kind}`, { 'messaging.system': 'bullmq', 'messaging.destination.name': queueName, 'messaging.message.id': job.id ?? '' }, () => runJob(job, data, token)),
    );
  };

  /** A plan that will not run again must not hold up the later messages in its thread. */
  const abandon = async (workspaceId: string, eventKey: string, jobLog: typeof log): Promise<void> => {
    try {
      await stores.threadOrder.finish(undefined, workspaceId, eventKey, 'abandoned');
    } catch (error) {
      jobLog.warn('could not mark the plan abandoned; later messages in its thread wait out their bound', { error });
    }
  };

  const runJob = async (job: Job, data: InteractionJob, token: string | undefined): Promise<JobResult> => {
    const { workspaceId, platform } = workspaceOf(data);
    const eventKey = eventKeyOf(data);
    // jobId and sessionId come from the log context (see processJob).
    const jobLog = log.child({
      kind: data.kind,
      team: workspaceId,
      ...(data.kind === 'tick' ? { thread: data.threadId } : { channel: data.channelId, user: data.userId }),
      attempt: job.attemptsMade + 1,
    });

    // The claim, any plan an earlier run stored with its progress, (on a first claim) the
    // posting slot, and a plan that needs nothing from the stores, in one round trip.
    const ahead = planAhead(data, handlerDeps);
    const toStore = ahead ? { json: ahead.planJson, ttlMs: stores.outbox.ttlMs, maxWaitMs: INLINE_WAIT_MS, progress: ahead.progress } : undefined;
    const start = await stores.dedupe.claimAndLoad(workspaceId, eventKey, job.id ?? eventKey, pacing.bookingFor(data), toStore);
    if (start.claim === 'duplicate') {
      jobLog.info('duplicate of an event already handled by another job; ignored', { eventKey });
      return { outcome: 'duplicate' };
    }
    // A first claim whose slot is now (the usual case) has nothing to wait for: no await.
    if (start.claim !== 'first' || start.paceWaitMs > 0) await pacing.awaitSlot(job, token, data, { claim: start.claim, paceWaitMs: start.paceWaitMs });

    // Picked inside the try: a job for a platform this worker does not serve fails like any bug.
    let sender;
    try {
      sender = senderFor(deps.sender, platform);
      const outcome = await handleInteraction(data, { ...handlerDeps, sender, logger: jobLog }, start, ahead);
      jobLog.info('job done', { outcome, ms: Date.now() - job.timestamp });
      return { outcome };
    } catch (error) {
      if (error instanceof RateLimitError) {
        jobLog.warn('rate limited by the platform; slowing this workspace down', { retryAfterMs: error.retryAfterMs });
        // Delayed without spending an attempt; the stored plan resumes after Retry-After.
        return pacing.rateLimited(job, token, data, error.retryAfterMs);
      }
      if (error instanceof PermanentDeliveryError) {
        jobLog.error('permanent delivery failure; not retrying', { code: error.code, error });
        await abandon(workspaceId, eventKey, jobLog);
        if (sender) await notifyUser(sender, data, deliveryFailureText(error), `${eventKey}/failure`, jobLog, error);
        throw new UnrecoverableError(`permanent delivery failure: ${error.code}`);
      }
      const attempts = job.opts.attempts ?? 1;
      const final = job.attemptsMade + 1 >= attempts;
      if (final) {
        jobLog.error('job failed on its last attempt', { error, attempts });
        await abandon(workspaceId, eventKey, jobLog);
        if (sender) await notifyUser(sender, data, GENERIC_FAILURE, `${eventKey}/failure`, jobLog, error);
      } else {
        jobLog.warn('job failed; will retry with backoff', { error, attemptsLeft: attempts - job.attemptsMade - 1 });
      }
      throw error;
    }
  };

  const worker = new Worker(queueName, processJob, {
    connection,
    prefix,
    concurrency: deps.concurrency ?? 8,
    ...(deps.limiter ? { limiter: deps.limiter } : {}),
    ...lockOptions(deps.lock),
    // Finished jobs are only kept for inspection; dedupe lives in our own store.
    removeOnComplete: { age: 3_600, count: 10_000 },
    removeOnFail: { age: 7 * 86_400 },
  });
  worker.on('error', (error: Error) => {
    if (isRedisConnectionError(error)) resources.redisErrors.error(`worker ${queueName}`, error);
    else log.error('worker error', { error });
  });
  instrumentWorker(worker, queueName);
  worker.on('failed', (job, error) => {
    log.warn('job failed', { ...logIdsOf(job), name: job?.name, attemptsMade: job?.attemptsMade, error });
  });
  worker.on('stalled', (jobId) => log.warn('job stalled; it will be re-run and resume its stored plan', { jobId }));

  let closing: Promise<void> | undefined;
  return {
    worker,
    queue,
    stores,
    close() {
      closing ??= (async () => {
        await worker.close();
        await resources.close();
        log.info('interactions worker stopped');
      })();
      return closing;
    },
  };
}
