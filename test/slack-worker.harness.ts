import { Queue, QueueEvents, type Job, type JobsOptions } from 'bullmq';
import type { Redis } from 'ioredis';
import { SlackSender } from '../src/adapters/slack/sender.ts';
import { QuestionBank } from '../src/core/content/question-bank.ts';
import { questionSchema, type Question } from '../src/core/content/schema.ts';
import type { Scorer, Verdict } from '../src/core/scoring/types.ts';
import { encodeThreadId } from '../src/core/thread-id.ts';
import { createLogger, setLogSink, type Logger } from '../src/infra/logger.ts';
import type { ActionJob, ActionName, AnswerJob, CommandJob, InteractionJob } from '../src/queue/jobs.ts';
import { startInteractionsWorker, type InteractionsWorkerDeps, type RunningInteractionsWorker } from '../workers/interactions.worker.ts';
import { resultWith, sampleQuestion, samplePacing } from './fixtures/sample-question.ts';
import { testRedis, testRedisUrl, uniquePrefix } from './helpers/redis.ts';
import { SlackApiStub } from './stubs/slack-api.ts';
import { UNBOUNDED_POST_PACES } from '../src/store/post-pacer.ts';

/**
 * Everything a worker test needs, all real except Slack: a Redis-backed BullMQ queue and
 * worker under a fresh prefix, the real SlackSender and WebClient pointed at the stub, a
 * controllable clock, and captured log lines.
 */
export const TOKEN = 'xoxb-1111-2222-secretvalue';
export const TEAM = 'T1';
export const CHANNEL = 'C1';

/** Until the keyword scorer is wired in tests: a point is covered when its evidence phrase appears. */
export const phraseScorer: Scorer = {
  name: 'keyword',
  async score(question: Question, answer: string) {
    const lower = answer.toLowerCase();
    const verdicts: Record<string, Verdict> = {};
    for (const point of question.rubric) if (point.evidence.some((phrase) => lower.includes(phrase.toLowerCase()))) verdicts[point.id] = 'covered';
    return resultWith(verdicts, question);
  },
};

export const otherQuestion: Question = questionSchema.parse({
  ...sampleQuestion,
  id: 'sample-alerting',
  topic: 'alerting',
  title: 'How would you design alerting for a payments platform?',
});

export const FAST_JOBS: JobsOptions = { attempts: 3, backoff: { type: 'fixed', delay: 100 }, removeOnComplete: false, removeOnFail: false };

export interface Harness {
  stub: SlackApiStub;
  queue: Queue;
  events: QueueEvents;
  running: RunningInteractionsWorker;
  redis: Redis;
  clock: { now: number };
  logs: string[];
  log: Logger;
  enqueue(job: InteractionJob, options?: JobsOptions): Promise<Job>;
  /** Enqueues and waits until the job completes (or rejects with its failure). */
  run(job: InteractionJob, options?: JobsOptions): Promise<unknown>;
  command(text: string, overrides?: Partial<CommandJob>): CommandJob;
  answer(rootTs: string, userId: string, text: string, overrides?: Partial<AnswerJob>): AnswerJob;
  action(rootTs: string, userId: string, action: ActionName, overrides?: Partial<ActionJob>): ActionJob;
  threadId(rootTs: string): string;
  close(): Promise<void>;
}

let counter = 0;

export async function startHarness(overrides: Partial<InteractionsWorkerDeps> = {}): Promise<Harness> {
  const stub = await SlackApiStub.start({ token: TOKEN });
  const prefix = uniquePrefix('slackw');
  const queueName = 'interactions';
  const logs: string[] = [];
  const previousSink = setLogSink((line) => logs.push(line));
  const log = createLogger({ test: prefix }, 'debug');
  const redis = testRedis();
  const clock = { now: Date.UTC(2026, 0, 5, 9, 0, 0) };
  const queue = new Queue(queueName, { connection: redis, prefix, defaultJobOptions: FAST_JOBS });
  const events = new QueueEvents(queueName, { connection: testRedis(), prefix });
  await events.waitUntilReady();
  const sender = new SlackSender({ token: TOKEN, slackApiUrl: stub.apiUrl, responseUrlOrigins: [stub.origin], logger: log, timeoutMs: 3_000 });
  const running = startInteractionsWorker({
    redisUrl: testRedisUrl(),
    prefix,
    queueName,
    sender,
    bank: new QuestionBank([sampleQuestion, otherQuestion], samplePacing),
    resolveScorer: async () => phraseScorer,
    logger: log,
    now: () => clock.now,
    random: () => 0,
    tickJobOptions: FAST_JOBS,
    // The pace has its own test (interaction-pacing.test.ts); here it must not slow anything down.
    pacing: { slack: UNBOUNDED_POST_PACES },
    ...overrides,
  });
  await running.worker.waitUntilReady();

  const base = () => ({ platform: 'slack' as const, workspaceId: TEAM, channelId: CHANNEL, receivedAt: clock.now });
  const threadId = (rootTs: string) => encodeThreadId({ platform: 'slack', workspace: TEAM, channel: CHANNEL, thread: rootTs });
  const harness: Harness = {
    stub,
    queue,
    events,
    running,
    redis,
    clock,
    logs,
    log,
    enqueue: (job, options = {}) => queue.add(job.kind, job, options),
    async run(job, options = {}) {
      const added = await queue.add(job.kind, job, options);
      return added.waitUntilFinished(events, 15_000);
    },
    command: (text, extra = {}) => {
      counter += 1;
      return { kind: 'command', ...base(), userId: 'U1', dedupeKey: `trigger-${counter}`, text, responseUrl: stub.responseUrl(`cmd-${counter}`), ...extra };
    },
    answer: (rootTs, userId, text, extra = {}) => {
      counter += 1;
      const messageId = `1800000000.${String(counter).padStart(6, '0')}`;
      return { kind: 'answer', ...base(), userId, dedupeKey: `${CHANNEL}-${messageId}`, threadId: threadId(rootTs), text, messageId, ...extra };
    },
    action: (rootTs, userId, action, extra = {}) => {
      counter += 1;
      return { kind: 'action', ...base(), userId, dedupeKey: `press-${counter}`, threadId: threadId(rootTs), action, responseUrl: stub.responseUrl(`act-${counter}`), ...extra };
    },
    threadId,
    async close() {
      await running.close();
      await events.close();
      await queue.close();
      redis.disconnect();
      await stub.close();
      setLogSink(previousSink);
    },
  };
  return harness;
}

/** All the mrkdwn/plain text in a list of blocks, joined: what a person would read. */
export function textOf(blocks: unknown): string {
  const out: string[] = [];
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') {
      const record = value as Record<string, unknown>;
      if (typeof record.text === 'string') out.push(record.text);
      for (const [key, inner] of Object.entries(record)) if (key !== 'text' || typeof inner !== 'string') walk(inner);
    }
  };
  walk(blocks);
  return out.join('\n');
}
