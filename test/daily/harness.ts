import { Queue, QueueEvents, type Job, type JobsOptions } from 'bullmq';
import type { Redis } from 'ioredis';
import { SlackSender } from '../../src/adapters/slack/sender.ts';
import type { ChatSender } from '../../src/app/ports.ts';
import { QuestionBank } from '../../src/core/content/question-bank.ts';
import { questionSchema, type Question } from '../../src/core/content/schema.ts';
import { schedulerIdFor } from '../../src/core/schedule/daily-schedule.ts';
import { encodeThreadId } from '../../src/core/thread-id.ts';
import { createLogger, setLogSink, type Logger } from '../../src/infra/logger.ts';
import { DAILY_POST_JOB, revealJobIdFor, type DailyPostJob } from '../../src/queue/daily-jobs.ts';
import type { AnswerJob, CommandJob, InteractionJob } from '../../src/queue/jobs.ts';
import { startDailyWorker, type DailyWorkerDeps, type RunningDailyWorker } from '../../workers/daily.worker.ts';
import { startInteractionsWorker, type RunningInteractionsWorker } from '../../workers/interactions.worker.ts';
import { sampleQuestion, samplePacing } from '../fixtures/sample-question.ts';
import { testRedis, testRedisUrl, uniquePrefix } from '../helpers/redis.ts';
import { phraseScorer, textOf, TOKEN } from '../slack-worker.harness.ts';
import { SlackApiStub, type StoredMessage } from '../stubs/slack-api.ts';
import { UNBOUNDED_POST_PACES } from '../../src/store/post-pacer.ts';

/**
 * Daily-question tests: the real interactions worker and daily worker on real BullMQ
 * queues in Redis (fresh prefix per test), the real SlackSender against the Web API
 * stand-in, and a controllable clock both workers read. BullMQ's own delays run on real
 * time, so a scheduled run is driven by adding the job the channel's scheduler would add
 * (`repeat:<schedulerId>:<millis>` with `opts.prevMillis`), and a reveal by promoting its
 * delayed job.
 */
export const TEAM = 'T1';
export const CHANNEL = 'C1';
export const CHANNEL_KEY = `slack:${TEAM}:${CHANNEL}`;
export const ADMIN = 'UADMIN';
export const MEMBER = 'UMEMBER';

export const alertingQuestion: Question = questionSchema.parse({ ...sampleQuestion, id: 'sample-alerting', topic: 'alerting', title: 'How would you design alerting for a payments platform?' });
export const loggingQuestion: Question = questionSchema.parse({ ...sampleQuestion, id: 'sample-logging', topic: 'logging', title: 'How would you keep log volume affordable at 1 TB a day?' });

export const FAST_JOBS: JobsOptions = { attempts: 3, backoff: { type: 'fixed', delay: 100 }, removeOnComplete: false, removeOnFail: false };

/**
 * Mon 5 Jan 2032 in Berlin (UTC+1): 09:00 local is 08:00Z. The tests' clock is years ahead
 * of the real one on purpose: `daily set` upserts real job schedulers, and if one fired
 * during a run (at the real posting minute) its run would be years in the tests' past:
 * skipped as `day_over`, never an extra post.
 */
export function berlin(day: number, hour: number, minute = 0, second = 0): number {
  return Date.UTC(2032, 0, day, hour - 1, minute, second);
}

export interface DailyHarness {
  stub: SlackApiStub;
  redis: Redis;
  prefix: string;
  clock: { now: number };
  logs: string[];
  log: Logger;
  bank: QuestionBank;
  dailyQueue: Queue;
  dailyEvents: QueueEvents;
  daily: RunningDailyWorker;
  interactions: RunningInteractionsWorker;
  /** Starts another daily worker on the same queue and stores (a second process, or a restart). */
  startDaily(overrides?: Partial<DailyWorkerDeps>): RunningDailyWorker;
  /** Runs a slash command through the interactions queue and waits for it. */
  command(text: string, userId?: string, overrides?: Partial<CommandJob>): Promise<void>;
  /** The private replies (response_url) a command got, as text. */
  repliesTo(job: CommandJob): string[];
  lastReply(): string;
  answer(rootTs: string, userId: string, text: string): Promise<void>;
  /** Adds the job the channel's job scheduler would add for `scheduledAt`; `delay` keeps it pending. */
  addScheduledRun(scheduledAt: number, options?: { delay?: number; channelKey?: string }): Promise<Job>;
  /** Adds a daily job and waits for it to finish. */
  runDaily(data: DailyPostJob, options?: JobsOptions): Promise<unknown>;
  waitFor(job: Job): Promise<unknown>;
  /** Promotes the day's delayed reveal job and waits for it. */
  reveal(localDate: string, channelKey?: string): Promise<unknown>;
  /** Top-level daily questions posted in a channel (not announcements). */
  dailyPosts(channel?: string): StoredMessage[];
  threadId(rootTs: string): string;
  close(): Promise<void>;
}

let counter = 0;

export interface DailyHarnessOptions {
  adminUserIds?: string[];
  /** Wraps the daily worker's sender (to simulate a crash after posting). */
  dailySender?: (real: ChatSender) => ChatSender;
  daily?: Partial<DailyWorkerDeps>;
}

export async function startDailyHarness(options: DailyHarnessOptions = {}): Promise<DailyHarness> {
  const stub = await SlackApiStub.start({ token: TOKEN });
  stub.setUser(ADMIN, { is_admin: true });
  const prefix = uniquePrefix('daily');
  const logs: string[] = [];
  const previousSink = setLogSink((line) => logs.push(line));
  const log = createLogger({ test: prefix }, 'debug');
  const redis = testRedis();
  const clock = { now: berlin(5, 7) };
  const bank = new QuestionBank([sampleQuestion, alertingQuestion, loggingQuestion], samplePacing);
  const sender = new SlackSender({ token: TOKEN, slackApiUrl: stub.apiUrl, responseUrlOrigins: [stub.origin], logger: log, timeoutMs: 3_000 });
  const dailyQueue = new Queue('daily', { connection: redis, prefix });
  const interactionsQueue = new Queue('interactions', { connection: redis, prefix, defaultJobOptions: FAST_JOBS });
  const eventConnections = [testRedis(), testRedis()] as const;
  const dailyEvents = new QueueEvents('daily', { connection: eventConnections[0], prefix });
  const interactionEvents = new QueueEvents('interactions', { connection: eventConnections[1], prefix });
  await Promise.all([dailyEvents.waitUntilReady(), interactionEvents.waitUntilReady()]);

  const started: RunningDailyWorker[] = [];
  const startDaily = (overrides: Partial<DailyWorkerDeps> = {}): RunningDailyWorker => {
    const running = startDailyWorker({
      redisUrl: testRedisUrl(),
      prefix,
      sender: options.dailySender ? options.dailySender(sender) : sender,
      bank,
      logger: log.child({ worker: `daily-${started.length + 1}` }),
      now: () => clock.now,
      // The pace has its own test; here it must not slow anything down.
      pace: { perSecond: 1_000, burst: 1_000 },
      defaultTimezone: 'Europe/Berlin',
      jobOptions: FAST_JOBS,
      ...options.daily,
      ...overrides,
    });
    started.push(running);
    return running;
  };
  const daily = startDaily();
  const interactions = startInteractionsWorker({
    redisUrl: testRedisUrl(),
    prefix,
    sender,
    bank,
    resolveScorer: async () => phraseScorer,
    logger: log.child({ worker: 'interactions' }),
    now: () => clock.now,
    random: () => 0,
    tickJobOptions: FAST_JOBS,
    pacing: { slack: UNBOUNDED_POST_PACES },
    daily: daily.services,
    ...(options.adminUserIds ? { adminUserIds: options.adminUserIds } : {}),
  });
  await Promise.all([daily.worker.waitUntilReady(), interactions.worker.waitUntilReady()]);

  const runInteraction = async (job: InteractionJob): Promise<void> => {
    const added = await interactionsQueue.add(job.kind, job);
    await added.waitUntilFinished(interactionEvents, 15_000);
  };
  const threadId = (rootTs: string) => encodeThreadId({ platform: 'slack', workspace: TEAM, channel: CHANNEL, thread: rootTs });
  const commands: CommandJob[] = [];
  const harness: DailyHarness = {
    stub,
    redis,
    prefix,
    clock,
    logs,
    log,
    bank,
    dailyQueue,
    dailyEvents,
    daily,
    interactions,
    startDaily,
    async command(text, userId = ADMIN, overrides = {}) {
      counter += 1;
      const job: CommandJob = {
        kind: 'command',
        platform: 'slack',
        workspaceId: TEAM,
        channelId: CHANNEL,
        userId,
        dedupeKey: `trigger-${counter}`,
        receivedAt: clock.now,
        text,
        responseUrl: stub.responseUrl(`cmd-${counter}`),
        ...overrides,
      };
      commands.push(job);
      await runInteraction(job);
    },
    repliesTo(job) {
      const id = (job.responseUrl ?? '').split('/').pop();
      return stub.responses.filter((response) => response.id === id).map((response) => textOf(response.body.blocks));
    },
    lastReply() {
      const job = commands.at(-1);
      return job ? (harness.repliesTo(job).at(-1) ?? '') : '';
    },
    async answer(rootTs, userId, text) {
      counter += 1;
      const messageId = `1800000000.${String(counter).padStart(6, '0')}`;
      const job: AnswerJob = {
        kind: 'answer',
        platform: 'slack',
        workspaceId: TEAM,
        channelId: CHANNEL,
        userId,
        dedupeKey: `${CHANNEL}-${messageId}`,
        receivedAt: clock.now,
        threadId: threadId(rootTs),
        text,
        messageId,
      };
      await runInteraction(job);
    },
    async addScheduledRun(scheduledAt, runOptions = {}) {
      const channelKey = runOptions.channelKey ?? CHANNEL_KEY;
      const data: DailyPostJob = { kind: DAILY_POST_JOB, channelKey };
      return dailyQueue.add(DAILY_POST_JOB, data, { ...FAST_JOBS, jobId: `repeat:${schedulerIdFor(channelKey)}:${scheduledAt}`, prevMillis: scheduledAt, delay: runOptions.delay ?? 0 });
    },
    async runDaily(data, jobOptions = {}) {
      const added = await dailyQueue.add(DAILY_POST_JOB, data, { ...FAST_JOBS, ...jobOptions });
      return added.waitUntilFinished(dailyEvents, 15_000);
    },
    waitFor: (job) => job.waitUntilFinished(dailyEvents, 15_000),
    async reveal(localDate, channelKey = CHANNEL_KEY) {
      const job = await dailyQueue.getJob(revealJobIdFor(channelKey, localDate));
      if (!job) throw new Error(`no reveal job for ${channelKey} ${localDate}`);
      if ((await job.getState()) === 'delayed') await job.promote();
      return job.waitUntilFinished(dailyEvents, 15_000);
    },
    dailyPosts(channel = CHANNEL) {
      return stub.messages.filter((message) => message.channel === channel && message.thread_ts === undefined && String(message.metadata?.event_payload.key ?? '').startsWith('daily:'));
    },
    threadId,
    async close() {
      await Promise.all(started.map((running) => running.close()));
      await interactions.close();
      await Promise.all([dailyEvents.close(), interactionEvents.close()]);
      await Promise.all([dailyQueue.close(), interactionsQueue.close()]);
      redis.disconnect();
      for (const connection of eventConnections) connection.disconnect();
      await stub.close();
      setLogSink(previousSink);
    },
  };
  return harness;
}
