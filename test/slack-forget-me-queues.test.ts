import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setLogSink } from '../src/infra/logger.ts';
import { INTERACTIONS_QUEUE } from '../src/queue/names.ts';
import type { AnswerJob } from '../src/queue/jobs.ts';
import { DONE_PLAN } from '../src/store/outbox-store.ts';
import { answerJob } from './helpers/answer-job.ts';
import { keysHolding } from './helpers/redis-dump.ts';
import { testRedisUrl } from './helpers/redis.ts';
import { messageEnvelope } from './helpers/slack-http.ts';
import { startSlackStack, type SlackStack } from './helpers/slack-stack.ts';

/**
 * `forget-me` reaches the queues and the outbox, end to end (signed HTTP → Bolt → BullMQ →
 * the worker → Redis, the Slack API stood in). The person's answer whose private feedback
 * Slack refused for good sits in BullMQ's failed set with its full text, its unfinished
 * plan in the outbox; another answer of theirs waits, delayed (as a retry would). After
 * `forget-me confirm` their answer's text is nowhere in Redis; the other person's jobs,
 * their answer and their own id's job on Discord stay.
 */
const BOT_TOKEN = 'xoxb-6161-6161-forget-queues-token';
const SIGNING_SECRET = 'forget-queues-signing-secret-8e1a';
const ME = 'UFQ1';
const OTHER = 'UFQ2';
const MY_ANSWER = 'I would propagate the W3C traceparent header on every hop, and keep errors with tail sampling: my words 5c2e.';
const MY_LATER_ANSWER = 'A second answer of mine, still waiting for its retry: exemplars link the histogram to a trace 0d4b.';
const THEIR_ANSWER = 'Their answer: RED metrics per service and tail sampling at the collector 77aa.';

let stack: SlackStack;
let redis: Redis;
let queue: Queue;
let queueConnection: Redis;
let restoreSink: ReturnType<typeof setLogSink>;
let myPlanKey: string;

beforeAll(async () => {
  restoreSink = setLogSink(() => undefined);
  stack = await startSlackStack({ name: 'fmqueues', botToken: BOT_TOKEN, signingSecret: SIGNING_SECRET, logLevel: 'warn' });
  const { stub, http } = stack;
  redis = new Redis(testRedisUrl(), { maxRetriesPerRequest: null });
  queueConnection = redis.duplicate({ maxRetriesPerRequest: null });
  queue = new Queue(INTERACTIONS_QUEUE, { connection: queueConnection, prefix: stack.prefix });

  await http.command({ text: '', team_id: 'T1', channel_id: 'CFQ1', user_id: OTHER, trigger_id: 'trig.fq.q', response_url: stub.responseUrl('fq-q') });
  await stub.waitFor(() => stub.messages.some((message) => message.channel === 'CFQ1' && !message.thread_ts), 15_000, 'the question');
  const root = stub.messages.find((message) => message.channel === 'CFQ1' && !message.thread_ts)!;
  // The other person's answer goes through; mine is scored, then Slack refuses its feedback for good.
  await http.event(messageEnvelope('T1', 'Ev.fq.0', { channel: 'CFQ1', user: OTHER, text: THEIR_ANSWER, ts: '1800000200.000100', thread_ts: root.ts, parent_user_id: 'UBOT' }));
  await stub.waitFor(() => stub.callsTo('chat.postEphemeral').some((call) => call.args.user === OTHER), 15_000, 'their feedback');
  stub.script('chat.postEphemeral', { error: 'user_not_in_channel' });
  await http.event(messageEnvelope('T1', 'Ev.fq.1', { channel: 'CFQ1', user: ME, text: MY_ANSWER, ts: '1800000200.000101', thread_ts: root.ts, parent_user_id: 'UBOT' }));
  for (const deadline = Date.now() + 15_000; (await queue.getJobCountByTypes('failed')) < 1; ) {
    if (Date.now() > deadline) throw new Error('timed out waiting for the failed answer job');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  myPlanKey = `${stack.prefix}:store:outbox:{T1}:answer:CFQ1:1800000200.000101`;

  // Delayed jobs, as a retry's backoff leaves them: mine here and in another workspace, the other person's, my id's on Discord.
  await queue.add('answer', answerJob(ME, MY_LATER_ANSWER, { platform: 'slack', workspaceId: 'T1', id: 'fq-me-later', channelId: 'CFQ1', receivedAt: Date.now() }), { jobId: 'fq-me-later', delay: 3_600_000 });
  await queue.add('answer', answerJob(ME, MY_LATER_ANSWER, { platform: 'slack', workspaceId: 'T2', id: 'fq-me-t2', channelId: 'CFQ1', receivedAt: Date.now() }), { jobId: 'fq-me-t2', delay: 3_600_000 });
  await queue.add('answer', answerJob(OTHER, THEIR_ANSWER, { platform: 'slack', workspaceId: 'T1', id: 'fq-other-later', channelId: 'CFQ1', receivedAt: Date.now() }), { jobId: 'fq-other-later', delay: 3_600_000 });
  await queue.add('answer', answerJob(ME, MY_LATER_ANSWER, { platform: 'discord', workspaceId: '900', id: 'fq-me-discord', channelId: 'CFQ1', receivedAt: Date.now() }), { jobId: 'fq-me-discord', delay: 3_600_000 });
}, 60_000);

afterAll(async () => {
  await queue?.close();
  await stack?.close();
  queueConnection?.disconnect();
  redis?.disconnect();
  setLogSink(restoreSink);
});

describe('/obs-question forget-me reaches the queues and the outbox', () => {
  it('before: the failed job holds my answer’s full text, and my plan is unfinished', async () => {
    const failed = await queue.getJobs(['failed']);
    expect(failed.map((job) => (job.data as AnswerJob).userId)).toEqual([ME]);
    expect((failed[0]!.data as AnswerJob).text).toBe(MY_ANSWER);
    const plan = await redis.get(myPlanKey);
    expect(plan).not.toBeNull();
    expect(plan).not.toBe(DONE_PLAN);
    expect(JSON.parse(plan!)).toMatchObject({ platform: 'slack', userId: ME });
    expect(await keysHolding(redis, `${stack.prefix}:*`, MY_ANSWER)).not.toEqual([]);
  });

  it('deletes my jobs, empties my plan, says so, and leaves everyone else’s (and my Discord id’s) alone', async () => {
    const id = 'fq-confirm';
    const sent = await stack.http.command({ text: 'forget-me confirm', team_id: 'T1', channel_id: 'CFQ1', user_id: ME, trigger_id: 'trig.fq.confirm', response_url: stack.stub.responseUrl(id) });
    expect(sent.status).toBe(200);
    await stack.stub.waitFor(() => stack.stub.responses.some((response) => response.id === id), 15_000, 'the forget-me reply');
    const reply = String(stack.stub.responses.find((response) => response.id === id)!.body.text);
    expect(reply).toContain('3 messages of yours the queues still held');
    expect(reply).toContain('1 reply I had not finished sending you');
    expect(reply).toContain('1 answer in channel questions');

    // The plan is left as the finished-plan marker (nothing in it), so a retry of a job that was running finds nothing to do.
    expect(await redis.get(myPlanKey)).toBe(DONE_PLAN);
    expect(await redis.exists(`${myPlanKey}:progress`)).toBe(0);
    expect(await queue.getJobs(['failed'])).toEqual([]);
    expect((await queue.getJobs(['delayed'])).map((job) => job.id).sort()).toEqual(['fq-me-discord', 'fq-other-later']);
    // My answers are nowhere in Redis: not in a job, a plan, a session or a stream.
    expect(await keysHolding(redis, `${stack.prefix}:*`, MY_ANSWER)).toEqual([]);
    expect(await keysHolding(redis, `${stack.prefix}:*`, MY_LATER_ANSWER)).toEqual([`${stack.prefix}:${INTERACTIONS_QUEUE}:fq-me-discord`]);
    // The other person's answer is still in their session record and their jobs.
    expect((await keysHolding(redis, `${stack.prefix}:*`, THEIR_ANSWER.slice(0, 40))).length).toBeGreaterThan(1);
  });
});
